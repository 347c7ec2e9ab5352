// Site search autocomplete: suggests school and service names while someone types in a search
// box, using the shared combobox (combobox.mjs) over /search/suggest/ (search/suggest.py).
// Choosing a suggestion opens that school's or service's page; Enter without one submits the
// search form, as without JavaScript.
//
// Enhances every <input data-module="site-search-autocomplete" data-suggest-url="..."> with an
// id, inside a GET form. Texts come from the input's data attributes (translated by the
// template): data-text-one, data-text-many, data-text-none ("{count}" is replaced),
// data-text-list-label, data-text-instructions. main.mjs loads this file only on pages that
// have such an input.

import { enhanceCombobox } from "./combobox.mjs";

function enhance(input) {
  const data = input.dataset;
  enhanceCombobox(input, {
    suggestUrl: data.suggestUrl,
    params: { lang: document.documentElement.lang || "" },
    wrapperClass: "hub-autocomplete--site-search",
    texts: {
      one: data.textOne || "1 suggestion. Use the up and down arrows to choose it.",
      many: data.textMany || "{count} suggestions. Use the up and down arrows to choose one.",
      none: data.textNone || "No suggestions. Press Enter to search.",
      listLabel: data.textListLabel || "Suggested schools and services",
      instructions:
        data.textInstructions ||
        "When suggestions appear, use the up and down arrows to choose one and Enter to open it, or press Enter to search.",
    },
    renderOption(result, option) {
      const label = document.createElement("span");
      label.className = "hub-autocomplete__label";
      label.textContent = result.label || "";
      option.appendChild(label);
      if (result.type_label) {
        // Read as "Name, School"; shown as a tag beside the name.
        const separator = document.createElement("span");
        separator.className = "govuk-visually-hidden";
        separator.textContent = ", ";
        option.appendChild(separator);
        const kind = document.createElement("span");
        kind.className = "hub-autocomplete__type";
        kind.textContent = result.type_label;
        option.appendChild(kind);
      }
    },
  });
}

document.querySelectorAll("input[data-module='site-search-autocomplete']").forEach(enhance);
