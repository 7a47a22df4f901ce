// Typesets the TeX that pymdownx.arithmatex leaves in `.arithmatex` elements, with KaTeX
// served from this site. KaTeX loads only on pages that contain math, and Material's
// `document$` runs this again after every instant navigation.
(function () {
  "use strict";
  var katexBase = new URL("../katex/", document.currentScript.src);
  var loading = null;
  var css = null;

  // Instant navigation removes the head elements the next page lacks, this stylesheet
  // included, so it is put back whenever math is typeset.
  function attachStylesheet() {
    if (!css) {
      css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = new URL("katex.min.css", katexBase).href;
    }
    if (!css.isConnected) document.head.appendChild(css);
  }

  function loadKatex() {
    attachStylesheet();
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("katex.min.js", katexBase).href;
        script.onload = function () { resolve(window.katex); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // arithmatex wraps inline math in \( \) and display math in \[ \].
  function texOf(node) {
    return node.textContent.trim().replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
  }

  function typeset(root) {
    var nodes = root.querySelectorAll(".arithmatex:not([data-typeset])");
    if (!nodes.length) return Promise.resolve();
    return loadKatex().then(function (katex) {
      nodes.forEach(function (node) {
        // Another call may have typeset it while KaTeX was loading: rendering twice
        // would parse KaTeX's own output as TeX.
        if (node.hasAttribute("data-typeset")) return;
        katex.render(texOf(node), node, {
          displayMode: node.tagName === "DIV",
          throwOnError: false,
          output: "htmlAndMathml"
        });
        node.setAttribute("data-typeset", "");
      });
    });
  }

  window.guideTypeset = typeset;
  if (window.document$) {
    window.document$.subscribe(function () { typeset(document); });
  } else {
    typeset(document);
  }
})();
