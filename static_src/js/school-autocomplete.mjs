// School finder autocomplete: an ARIA 1.2 combobox (input + listbox) over the finder page's
// suggest/ route. Progressive enhancement only: without this file the search box is a plain
// GET form, and with it pressing Enter without choosing a suggestion still submits the search.
// Loaded only by templates/schools/finder_page.html.

const DEBOUNCE_MS = 200;
const MIN_CHARACTERS = 2;

// Styles: static_src/scss/_autocomplete.scss.

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_match, key) => String(values[key] ?? ""));
}

function enhance(form) {
  const input = form.querySelector("input[name='q']");
  const suggestUrl = form.dataset.suggestUrl;
  if (!input || !suggestUrl) return;

  const listboxId = `${input.id}-listbox`;
  const wrapper = document.createElement("div");
  wrapper.className = "hub-autocomplete";
  input.parentNode.insertBefore(wrapper, input);
  wrapper.appendChild(input);

  const listbox = document.createElement("ul");
  listbox.id = listboxId;
  listbox.className = "hub-autocomplete__listbox";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", form.dataset.textListLabel || "Schools");
  listbox.hidden = true;
  wrapper.appendChild(listbox);

  const status = document.createElement("div");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  wrapper.appendChild(status);

  const instructions = document.createElement("span");
  instructions.id = `${input.id}-autocomplete-hint`;
  instructions.className = "govuk-visually-hidden";
  instructions.textContent = form.dataset.textInstructions || "";
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

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    const options = listbox.querySelectorAll("[role='option']");
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render() {
    listbox.replaceChildren();
    results.forEach((school, index) => {
      const option = document.createElement("li");
      option.id = `${listboxId}-option-${index}`;
      option.className = "hub-autocomplete__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = [school.name, school.town, school.postcode].filter(Boolean).join(", ");
      // mousedown, not click: it fires before the input loses focus and closes the list.
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        window.location.assign(school.url);
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
    const template = count === 1 ? form.dataset.textOne : count ? form.dataset.textMany : form.dataset.textNone;
    status.textContent = format(template || "{count}", { count });
  }

  async function fetchSuggestions(query) {
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const url = `${suggestUrl}?${new URLSearchParams({ q: query })}`;
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const data = await response.json();
      if (input.value.trim() !== query) return;
      results = data.results || [];
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
          window.location.assign(results[active].url);
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

document.querySelectorAll("form.hub-school-search[data-suggest-url]").forEach(enhance);
