// Fixes to what Material for MkDocs does at run time; loaded before Material's bundle (see
// overrides/main.html, which explains the markup fixes made at build time).
(function () {
  "use strict";

  // 1. Material marks its drawer and search toggles (hidden checkboxes) autocomplete="off" so
  //    that a browser restoring form state on reload or history navigation never reopens the
  //    drawer or the search dialog. That attribute is invalid on a checkbox, so the build
  //    removes it (scripts/hooks.py) and this resets both toggles before Material reads them.
  ["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id);
    if (toggle) toggle.checked = false;
  });

  // 2. No autocorrection of search queries in Safari (removed from the markup, where the Nu
  //    Html Checker rejects it; the search box works only with JavaScript anyway).
  var query = document.querySelector("[data-md-component=search-query]");
  if (query) query.setAttribute("autocorrect", "off");

  // 3. Material's script adds <nav> elements without names: the tags of each search result
  //    and the copy button of each code block. Several unnamed landmarks of one role cannot
  //    be told apart (axe: landmark-unique), so each gets a name of its own.
  function name(nav, label) {
    if (nav.getAttribute("aria-label") !== label) nav.setAttribute("aria-label", label);
  }
  function nameNavs() {
    var seen = {};
    document.querySelectorAll("[data-md-component=search-result] nav.md-tags")
      .forEach(function (nav) {
        var heading = nav.parentElement && nav.parentElement.querySelector("h1, h2");
        var label = "Tags of " + (heading ? heading.textContent.trim() : "result");
        seen[label] = (seen[label] || 0) + 1;
        name(nav, seen[label] > 1 ? label + " (" + seen[label] + ")" : label);
      });
    document.querySelectorAll("nav.md-code__nav").forEach(function (nav, index) {
      name(nav, "Code block " + (index + 1));
    });
  }
  if (window.MutationObserver) {
    // Attributes are not observed, so naming never triggers the observer again.
    new MutationObserver(nameNavs).observe(document.body, { childList: true, subtree: true });
  }
})();
