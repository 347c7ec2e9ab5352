// The accessible autocomplete shared by the school finder and the site search box: an ARIA 1.2
// combobox (the input) controlling a listbox of suggestions fetched as JSON, with
// aria-activedescendant for the highlighted option, arrow keys, Enter, Escape and a polite live
// region announcing how many suggestions there are.
//
// Progressive enhancement only: the input stays a plain field of a GET form. Enter without a
// highlighted suggestion submits that form, exactly as without JavaScript; choosing a suggestion
// (Enter or a click) goes straight to its page.
//
// Used by school-autocomplete.mjs and site-search-autocomplete.mjs; styles in
// static_src/scss/_autocomplete.scss.

const DEBOUNCE_MS = 200;
const MIN_CHARACTERS = 2;

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_match, key) => String(values[key] ?? ""));
}

/**
 * Turn `input` into a combobox.
 *
 * options:
 *   suggestUrl   where to GET suggestions (?q=... and any `params` are added); the response is
 *                {"results": [...]}, each result having at least a `url`
 *   params       extra query parameters (e.g. {lang: "pl"})
 *   texts        {one, many, none, listLabel, instructions}; `{count}` is replaced in one/many/none
 *   renderOption (result, optionElement) => fills the option's content (text only, never HTML)
 *   wrapperClass an extra class for the positioning wrapper
 */
export function enhanceCombobox(input, options) {
  if (!input || !input.id || !options.suggestUrl || input.dataset.comboboxReady) return;
  input.dataset.comboboxReady = "true";
  const texts = options.texts || {};
  const listboxId = `${input.id}-listbox`;

  const wrapper = document.createElement("div");
  wrapper.className = ["hub-autocomplete", options.wrapperClass].filter(Boolean).join(" ");
  // Moving the input blurs it. Someone may already be typing (the script loads after the
  // page), so give the focus and caret back, and offer suggestions for what they typed.
  const hadFocus = document.activeElement === input;
  input.parentNode.insertBefore(wrapper, input);
  wrapper.appendChild(input);
  if (hadFocus) {
    input.focus();
    if (input.value) queueMicrotask(() => input.dispatchEvent(new Event("input")));
  }

  const listbox = document.createElement("ul");
  listbox.id = listboxId;
  listbox.className = "hub-autocomplete__listbox";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", texts.listLabel || "Suggestions");
  listbox.hidden = true;
  wrapper.appendChild(listbox);

  const status = document.createElement("div");
  status.id = `${input.id}-status`;
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  wrapper.appendChild(status);

  const instructions = document.createElement("span");
  instructions.id = `${input.id}-autocomplete-hint`;
  instructions.className = "govuk-visually-hidden";
  instructions.textContent = texts.instructions || "";
  wrapper.appendChild(instructions);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listboxId);
  input.setAttribute("autocomplete", "off");
  const describedBy = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  input.setAttribute("aria-describedby", [...describedBy, instructions.id].join(" "));

  let results = [];
  let active = -1;
  let timer = null;
  let controller = null;

  function go(result) {
    window.location.assign(result.url);
  }

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    const optionElements = listbox.querySelectorAll("[role='option']");
    optionElements.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0 && optionElements[index]) {
      input.setAttribute("aria-activedescendant", optionElements[index].id);
      optionElements[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render() {
    listbox.replaceChildren();
    results.forEach((result, index) => {
      const option = document.createElement("li");
      option.id = `${listboxId}-option-${index}`;
      option.className = "hub-autocomplete__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      options.renderOption(result, option);
      // mousedown, not click: it fires before the input loses focus and closes the list.
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        go(result);
      });
      listbox.appendChild(option);
    });
    const count = results.length;
    if (count) {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    } else {
      close();
    }
    const template = count === 1 ? texts.one : count ? texts.many : texts.none;
    status.textContent = format(template || "{count}", { count });
  }

  async function fetchSuggestions(query) {
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const url = `${options.suggestUrl}?${new URLSearchParams({ q: query, ...(options.params || {}) })}`;
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const data = await response.json();
      if (input.value.trim() !== query) return;
      results = (data.results || []).filter((result) => typeof result.url === "string");
      active = -1;
      render();
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < MIN_CHARACTERS) {
      if (controller) controller.abort();
      results = [];
      listbox.replaceChildren();
      status.textContent = "";
      close();
      return;
    }
    timer = setTimeout(() => fetchSuggestions(query), DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (event) => {
    const open = !listbox.hidden && results.length > 0;
    switch (event.key) {
      case "ArrowDown":
        if (!results.length) return;
        event.preventDefault();
        if (listbox.hidden) render();
        highlight(active + 1 >= results.length ? 0 : active + 1);
        break;
      case "ArrowUp":
        if (!open) return;
        event.preventDefault();
        highlight(active <= 0 ? results.length - 1 : active - 1);
        break;
      case "Enter":
        if (open && active >= 0) {
          event.preventDefault();
          go(results[active]);
        }
        // Otherwise the form submits: the full search, as without JavaScript.
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        }
        break;
      case "Tab":
        close();
        break;
      default:
    }
  });

  input.addEventListener("blur", () => close());
}
