// Progressive enhancement only: every page works without this file.
import { initAll } from "./govuk-frontend.min.js";

initAll();

// The site search autocomplete is fetched only where a search box asks for it, and a failure
// to load it leaves the plain search form working.
if (document.querySelector("input[data-module='site-search-autocomplete']")) {
  import("./site-search-autocomplete.mjs").catch(() => {});
}
