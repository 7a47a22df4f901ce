// Mounts the practice widgets (flashcards, mock interview, progress, study plans) on the
// pages that hold one: an element with data-guide="NAME". A page without widgets loads
// nothing more.
//
// With Material's instant navigation this file runs once per visit while pages are
// swapped underneath it, so each script is loaded once, and widgets are mounted again on
// every page that `document$` announces.
(function () {
  "use strict";
  var guide = (window.guide = window.guide || {});
  var here = new URL("./", document.currentScript.src); // .../assets/javascripts/guide/
  guide.root = new URL("../../../", here); // the site root, also under a project path
  guide.widgets = guide.widgets || {};

  // The scripts each widget needs, in order: a script may use the ones listed before it.
  var NEEDS = {
    "review-toggle": ["dom", "store", "progress"],
    "topic-progress": ["dom", "store", "bank", "srs", "progress"],
    "flashcards": ["dom", "store", "bank", "srs", "filters", "flashcards"],
    "mock-interview": ["dom", "store", "bank", "filters", "mock"],
    "progress-transfer": ["dom", "store", "bank", "transfer"],
    "track-progress": ["dom", "store", "bank", "srs", "plan", "ics", "tracks"],
    "track-plan": ["dom", "store", "bank", "srs", "plan", "ics", "tracks"],
    "today-plan": ["dom", "store", "bank", "srs", "plan", "ics", "tracks"]
  };
  var loading = {};

  function load(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL(name + ".js", here).href;
        // Downloads run in parallel but scripts execute in the order they were added.
        script.async = false;
        script.onload = resolve;
        script.onerror = function () {
          delete loading[name];
          reject(new Error("could not load " + script.src));
        };
        // Not in <head>: instant navigation removes head elements the next page lacks.
        document.body.appendChild(script);
      });
    }
    return loading[name];
  }

  function mount(el) {
    var name = el.getAttribute("data-guide");
    var needs = NEEDS[name];
    if (!needs || el.hasAttribute("data-guide-mounted")) return;
    el.setAttribute("data-guide-mounted", "");
    el.classList.add("guide-widget");
    Promise.all(needs.map(load)).then(function () {
      if (el.isConnected) guide.widgets[name](el);
    }).catch(function (error) {
      el.removeAttribute("data-guide-mounted");
      if (window.console) console.warn("practice widget '" + name + "':", error.message);
    });
  }

  function mountAll() {
    document.querySelectorAll("[data-guide]").forEach(mount);
  }

  if (window.document$) {
    window.document$.subscribe(mountAll);
  } else {
    mountAll();
  }
})();
