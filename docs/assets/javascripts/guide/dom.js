// Small DOM helpers the practice widgets share: building elements, screen-reader
// announcements, notices, and the wording of dates and durations.
(function () {
  "use strict";
  var guide = window.guide;
  var counter = 0;

  // h("button", {class: "x", onclick: fn, "aria-label": "y"}, ["text", child])
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key.slice(0, 2) === "on") {
        el.addEventListener(key.slice(2), value);
      } else if (key === "text") {
        el.textContent = value;
      } else if (value === true) {
        el.setAttribute(key, "");
      } else {
        el.setAttribute(key, String(value));
      }
    });
    append(el, children);
    return el;
  }

  function append(el, children) {
    [].concat(children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return el;
  }

  // Ids unique within the page, for labels and aria references.
  function uid(prefix) {
    counter += 1;
    return "guide-" + prefix + "-" + counter;
  }

  // A polite live region. Emptying it first makes a repeated message be read again.
  function liveRegion() {
    return h("p", { class: "guide-sr-only", role: "status", "aria-live": "polite" });
  }

  function announce(region, text) {
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  // A message about the stored progress ("it could not be read and was reset"), shown
  // once, above the page's first widget and outside it, so no widget's redraw removes it.
  function storageNotice(text) {
    var first = document.querySelector("[data-guide]");
    if (!text || !first) return;
    first.parentNode.insertBefore(h("p", {
      class: "guide-notice guide-storage-notice", role: "alert", text: text
    }), first);
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many || one + "s");
  }

  function date(ms) {
    return new Date(ms).toLocaleDateString(undefined, {
      weekday: "short", day: "numeric", month: "short", year: "numeric"
    });
  }

  // 95000 -> "1:35"
  function clock(ms) {
    var seconds = Math.max(0, Math.round(ms / 1000));
    var rest = seconds % 60;
    return Math.floor(seconds / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // Links inside exported HTML are relative to the site root; pages live deeper.
  function resolveLinks(container) {
    container.querySelectorAll("[href], [src]").forEach(function (el) {
      ["href", "src"].forEach(function (attr) {
        var value = el.getAttribute(attr);
        if (value !== null) el.setAttribute(attr, new URL(value, guide.root).href);
      });
    });
  }

  guide.dom = {
    h: h, append: append, uid: uid, liveRegion: liveRegion, announce: announce,
    storageNotice: storageNotice, plural: plural, date: date, clock: clock, resolveLinks: resolveLinks
  };
})();
