// Site search autocomplete: suggests school and service names while someone types in a search
// box, using the shared combobox (combobox.mjs) over /search/suggest/ (search/suggest.py).
// Choosing a suggestion opens that school's or service's page; Enter without one submits the
// search form, as without JavaScript.
//
// Enhances every <input data-module="site-search-autocomplete" data-suggest-url="..."> with an
// id, inside a GET form. Texts come from the input's data attributes, all five always set and
// translated by the template: data-text-one, data-text-many, data-text-none ("{count}" is
// replaced), data-text-list-label, data-text-instructions. main.mjs loads this file only on
// pages that have such an input.

import { enhanceCombobox } from "./combobox.mjs";

function enhance(input) {
  const data = input.dataset;
  enhanceCombobox(input, {
    suggestUrl: data.suggestUrl,
    params: { lang: document.documentElement.lang || "" },
    wrapperClass: "hub-autocomplete--site-search",
    // Set by templates/search/search_form.html; no English fallbacks, which would be read out
    // on Polish and Urdu pages.
    texts: {
      one: data.textOne,
      many: data.textMany,
      none: data.textNone,
      listLabel: data.textListLabel,
      instructions: data.textInstructions,
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
