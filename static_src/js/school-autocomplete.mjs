// School finder autocomplete: the shared combobox (combobox.mjs) over the finder page's
// suggest/ route. Progressive enhancement only: without this file the search box is a plain
// GET form, and with it pressing Enter without choosing a suggestion still submits the search.
// Loaded only by templates/schools/finder_page.html, which gives the texts as data attributes.

import { enhanceCombobox } from "./combobox.mjs";

function enhance(form) {
  const input = form.querySelector("input[name='q']");
  enhanceCombobox(input, {
    suggestUrl: form.dataset.suggestUrl,
    texts: {
      one: form.dataset.textOne,
      many: form.dataset.textMany,
      none: form.dataset.textNone,
      listLabel: form.dataset.textListLabel || "Schools",
      instructions: form.dataset.textInstructions,
    },
    renderOption(school, option) {
      option.textContent = [school.name, school.town, school.postcode].filter(Boolean).join(", ");
    },
  });
}

document.querySelectorAll("form.hub-school-search[data-suggest-url]").forEach(enhance);
