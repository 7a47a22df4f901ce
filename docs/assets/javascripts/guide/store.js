// The reader's progress, kept in this browser's localStorage and nowhere else: the
// flashcard schedule of each question, the questions marked as reviewed, and the study
// plan (a track, an interview date and the minutes a day; the plan itself is recomputed
// from the rest by plan.js on every visit).
//
// Stored value (key "<site path>ml-guide.progress.v1"; the key stays, the format inside
// carries its own version):
//   {"version": 2,
//    "cards":    {"<question id>": {"box": 1-6, "due": ms, "reps": n, "lapses": n,
//                                   "last": ms, "grade": "again|hard|good|easy",
//                                   "first": ms (when first graded; absent before v2)}},
//    "reviewed": {"<question id>": ms},
//    "plan":     null | {"track": "<track id>", "date": "YYYY-MM-DD",
//                        "minutes": minutes a day, "set": ms}}
// An exported file is the same object plus "format" and "exported".
//
// A value that cannot be read never breaks a page: unreadable entries are dropped, and an
// unreadable whole is set aside under KEY + ".unreadable" before progress starts afresh.
(function () {
  "use strict";
  var guide = window.guide;
  var VERSION = 2;
  var FORMAT = "ml-interview-guide-progress";
  var BOXES = 6;
  var GRADES = ["again", "hard", "good", "easy"];
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var MIN_MINUTES = 5;
  var MAX_MINUTES = 1440;
  // Material scopes its own keys by the site's path too: project sites on one
  // github.io origin share a single localStorage.
  var KEY = guide.root.pathname + "ml-guide.progress.v1";
  var PREFS_KEY = guide.root.pathname + "ml-guide.prefs.v1";

  // MIGRATIONS[n] turns a version-n value into version n + 1, so that older values (saved
  // or exported) are upgraded instead of set aside. When the format changes, add a step.
  // Looked up as own properties only: a version such as "constructor" or "__proto__" must
  // not find Object's own members (that would loop for ever on every page load).
  var MIGRATIONS = Object.create(null);
  // Version 2 added the study plan (none yet) and the cards' optional "first" time.
  MIGRATIONS[1] = function (value) {
    return { version: 2, cards: value.cards, reviewed: value.reviewed, plan: null };
  };

  var storage = openStorage();
  var pendingNotice = null;
  var listeners = [];
  var state = read();

  function openStorage() {
    try {
      var probe = KEY + ".probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // disabled, or full: progress lasts as long as the page
    }
  }

  function empty() {
    return { version: VERSION, cards: {}, reviewed: {}, plan: null };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isTime(value) {
    return typeof value === "number" && isFinite(value) && value >= 0;
  }

  function isCount(value) {
    return typeof value === "number" && Math.floor(value) === value && value >= 0;
  }

  function isCard(card) {
    return isObject(card) && isCount(card.box) && card.box >= 1 && card.box <= BOXES &&
      isTime(card.due) && isCount(card.reps) && isCount(card.lapses) &&
      isTime(card.last) && GRADES.indexOf(card.grade) >= 0 &&
      (card.first === undefined || isTime(card.first));
  }

  // "2027-02-30" is not a date: the parts must survive a round trip through Date.
  function isDate(text) {
    var m = typeof text === "string" && DATE.exec(text);
    if (!m) return false;
    var day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return day.getUTCFullYear() === Number(m[1]) && day.getUTCMonth() === Number(m[2]) - 1 &&
      day.getUTCDate() === Number(m[3]);
  }

  function isPlan(plan) {
    return isObject(plan) && typeof plan.track === "string" && ID.test(plan.track) &&
      isDate(plan.date) && isCount(plan.minutes) && plan.minutes >= MIN_MINUTES &&
      plan.minutes <= MAX_MINUTES && isTime(plan.set);
  }

  // A value claiming to be progress, as the current format: {state, dropped}, where
  // dropped counts the entries that could not be read. Throws, with the reason in words,
  // when the value as a whole cannot be read.
  function upgrade(value) {
    if (!isObject(value)) throw new Error("it is not a progress record");
    while (value.version !== VERSION) {
      var step = typeof value.version === "number" &&
        Object.prototype.hasOwnProperty.call(MIGRATIONS, value.version)
        ? MIGRATIONS[value.version] : null;
      if (!step) {
        throw new Error("it was saved in format version " + JSON.stringify(value.version) +
          ", which this site cannot read");
      }
      value = step(value);
    }
    if (!isObject(value.cards) || !isObject(value.reviewed)) {
      throw new Error("it is not a progress record");
    }
    var out = empty();
    var dropped = 0;
    Object.keys(value.cards).forEach(function (id) {
      var card = value.cards[id];
      if (ID.test(id) && isCard(card)) {
        out.cards[id] = {
          box: card.box, due: card.due, reps: card.reps, lapses: card.lapses,
          last: card.last, grade: card.grade
        };
        if (card.first !== undefined) out.cards[id].first = card.first;
      } else {
        dropped += 1;
      }
    });
    Object.keys(value.reviewed).forEach(function (id) {
      if (ID.test(id) && isTime(value.reviewed[id])) out.reviewed[id] = value.reviewed[id];
      else dropped += 1;
    });
    if (isPlan(value.plan)) {
      out.plan = {
        track: value.plan.track, date: value.plan.date, minutes: value.plan.minutes,
        set: value.plan.set
      };
    } else if (value.plan !== null && value.plan !== undefined) {
      dropped += 1;
    }
    return { state: out, dropped: dropped };
  }

  function read() {
    if (!storage) {
      pendingNotice = "This browser does not let the site save anything, so your progress " +
        "lasts only until you leave. To keep it, export it from the Flashcards page.";
      return empty();
    }
    var raw = storage.getItem(KEY);
    if (raw === null) return empty();
    try {
      var parsed;
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        throw new Error("it is not valid JSON");
      }
      var result = upgrade(parsed);
      if (result.dropped) {
        pendingNotice = result.dropped + " saved " +
          (result.dropped === 1 ? "entry was" : "entries were") +
          " unreadable and removed; the rest of your progress is kept.";
      }
      // An older format is saved again as the current one, once.
      if (result.dropped || parsed.version !== VERSION) write(result.state);
      return result.state;
    } catch (error) {
      try {
        storage.setItem(KEY + ".unreadable", raw);
        storage.removeItem(KEY);
      } catch (ignored) { /* storage full: the value stays where it was */ }
      pendingNotice = "Your saved progress could not be read (" + error.message +
        "), so it starts afresh. The old value is kept in this browser's storage under " +
        "the key \u201c" + KEY + ".unreadable\u201d.";
      return empty();
    }
  }

  function write(value) {
    if (!storage) return;
    try {
      storage.setItem(KEY, JSON.stringify(value));
    } catch (error) {
      pendingNotice = "Your progress could not be saved (the browser's storage is full " +
        "or blocked). To keep it, export it from the Flashcards page.";
    }
  }

  function notify() {
    // Widgets of pages that instant navigation has replaced stop listening here.
    listeners = listeners.filter(function (listener) { return listener.el.isConnected; });
    listeners.slice().forEach(function (listener) { listener.fn(state); });
  }

  // Another tab changed the progress: show the same thing here.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) {
      state = read();
      notify();
    }
  });

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  guide.store = {
    KEY: KEY,
    VERSION: VERSION,
    BOXES: BOXES,
    GRADES: GRADES,
    MIN_MINUTES: MIN_MINUTES,
    MAX_MINUTES: MAX_MINUTES,
    isDate: isDate,
    isPlan: isPlan,

    // The current progress. Read it; change it only through update().
    get: function () { return state; },

    // fn(draft) changes a copy of the progress, which is then saved and announced.
    update: function (fn) {
      var draft = copy(state);
      fn(draft);
      state = draft;
      write(state);
      notify();
    },

    replace: function (next) {
      state = copy(next);
      write(state);
      notify();
    },

    reset: function () {
      state = empty();
      if (storage) storage.removeItem(KEY);
      notify();
    },

    // fn(state) runs after every change for as long as `el` is in the page.
    subscribe: function (el, fn) {
      listeners.push({ el: el, fn: fn });
    },

    // A message about the stored value for the first widget that can show it.
    takeNotice: function () {
      var text = pendingNotice;
      pendingNotice = null;
      return text;
    },

    // Drops questions that left the bank; returns how many entries went.
    prune: function (ids) {
      var known = {};
      ids.forEach(function (id) { known[id] = true; });
      var gone = 0;
      var draft = copy(state);
      ["cards", "reviewed"].forEach(function (part) {
        Object.keys(draft[part]).forEach(function (id) {
          if (!known[id]) {
            delete draft[part][id];
            gone += 1;
          }
        });
      });
      if (gone) {
        state = draft;
        write(state);
        notify();
      }
      return gone;
    },

    isEmpty: function (value) {
      var s = value || state;
      return !Object.keys(s.cards).length && !Object.keys(s.reviewed).length && !s.plan;
    },

    // The progress as a file to download: {name, text}.
    exportFile: function (now) {
      var when = new Date(now || Date.now());
      var body = { format: FORMAT, version: VERSION, exported: when.toISOString() };
      body.cards = state.cards;
      body.reviewed = state.reviewed;
      body.plan = state.plan;
      return {
        name: "ml-interview-guide-progress-" + when.toISOString().slice(0, 10) + ".json",
        text: JSON.stringify(body, null, 2) + "\n"
      };
    },

    // The progress in an exported file: {state, dropped, exported}, or throws with
    // the reason in words.
    parseImport: function (text) {
      var value;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new Error("the file is not valid JSON");
      }
      if (!isObject(value) || value.format !== FORMAT) {
        throw new Error("the file is not a progress file exported by this site");
      }
      var result = upgrade(value);
      result.exported = typeof value.exported === "string" ? value.exported : null;
      return result;
    },

    // Small preferences (chosen filters, mock interview length) that are not progress.
    pref: function (name) {
      try {
        var all = JSON.parse(storage && storage.getItem(PREFS_KEY) || "{}");
        return isObject(all) && isObject(all[name]) ? all[name] : {};
      } catch (error) {
        return {};
      }
    },

    setPref: function (name, value) {
      if (!storage) return;
      try {
        var all = JSON.parse(storage.getItem(PREFS_KEY) || "{}");
        if (!isObject(all)) all = {};
        all[name] = value;
        storage.setItem(PREFS_KEY, JSON.stringify(all));
      } catch (error) {
        try { storage.removeItem(PREFS_KEY); } catch (ignored) { /* nothing to keep */ }
      }
    }
  };
})();
