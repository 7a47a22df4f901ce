// The question filters the flashcards and the mock interview share: study track, section,
// topic, difficulty and tag. The choice is remembered between visits; a page opened as
// ".../practice/?track=ID" (the link on a track's page) starts with that track alone.
(function () {
  "use strict";
  var guide = window.guide;
  var dom = guide.dom;
  var h = dom.h;
  var DIFFICULTIES = ["easy", "medium", "hard"];

  function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function option(value, label, selected) {
    return h("option", { value: value, selected: value === selected, text: label });
  }

  // The choices each filter offers, taken from the bank itself.
  function choices(bank) {
    var sections = [];
    bank.topics.forEach(function (topic) {
      if (sections.indexOf(topic.section) < 0) sections.push(topic.section);
    });
    return {
      track: bank.tracks.map(function (t) { return [t.id, t.title]; }),
      section: sections.map(function (s) { return [s, capital(s)]; }),
      topic: sections.map(function (s) {
        return [capital(s), bank.topics.filter(function (t) { return t.section === s; })
          .map(function (t) { return [t.id, t.title]; })];
      }),
      difficulty: DIFFICULTIES.filter(function (d) {
        return bank.questions.some(function (q) { return q.difficulty === d; });
      }).map(function (d) { return [d, capital(d)]; }),
      tag: bank.tags.map(function (t) { return [t, t]; })
    };
  }

  var FIELDS = [
    ["track", "Study track", "All questions"],
    ["section", "Section", "All sections"],
    ["topic", "Topic", "All topics"],
    ["difficulty", "Difficulty", "Any difficulty"],
    ["tag", "Tag", "Any tag"]
  ];

  // {element, values(), questions()}; onChange(values) runs after every change. When
  // `folded`, the filters sit in a closed <details> whose summary names the selection, so
  // that on a phone the card is not pushed below the fold.
  // The track named in the page's address, if the bank has it.
  function trackInAddress(bank) {
    var id = null;
    try {
      id = new URLSearchParams(window.location.search).get("track");
    } catch (error) {
      return null;
    }
    return id && bank.trackById[id] ? id : null;
  }

  function create(bank, onChange, folded) {
    var saved = guide.store.pref("filters");
    var linked = trackInAddress(bank);
    if (linked) {
      // Opened from a track's page: that track, and no other filter narrowing it.
      saved = { track: linked };
      guide.store.setPref("filters", { track: linked, section: "", topic: "", difficulty: "",
        tag: "" });
    }
    var all = choices(bank);
    var selects = {};
    var values = {};
    var fieldset = h("fieldset", { class: "guide-filters" }, [
      h("legend", { text: "Choose the questions" })
    ]);
    FIELDS.forEach(function (field) {
      var name = field[0];
      var id = dom.uid(name);
      var known = [];
      var select = h("select", { id: id, name: name, onchange: changed });
      select.appendChild(option("", field[2], ""));
      all[name].forEach(function (entry) {
        if (Array.isArray(entry[1])) {
          var group = h("optgroup", { label: entry[0] });
          entry[1].forEach(function (sub) {
            known.push(sub[0]);
            group.appendChild(option(sub[0], sub[1], saved[name]));
          });
          select.appendChild(group);
        } else {
          known.push(entry[0]);
          select.appendChild(option(entry[0], entry[1], saved[name]));
        }
      });
      // A remembered choice the bank no longer offers falls back to "all".
      values[name] = known.indexOf(saved[name]) >= 0 ? saved[name] : "";
      select.value = values[name];
      selects[name] = select;
      fieldset.appendChild(h("div", { class: "guide-filters__field" }, [
        h("label", { for: id, text: field[1] }), select
      ]));
    });

    var element = fieldset;
    var summary = null;
    if (folded) {
      summary = h("summary");
      element = h("details", { class: "guide-filters-box" }, [summary, fieldset]);
      describe();
    }

    // "Questions: Technical, Hard" names what is chosen, in the words of the menus.
    function describe() {
      if (!summary) return;
      var chosen = FIELDS.filter(function (field) { return values[field[0]]; })
        .map(function (field) {
          var select = selects[field[0]];
          return select.options[select.selectedIndex].text;
        });
      summary.textContent = "Questions: " + (chosen.length ? chosen.join(", ") : "all");
    }

    function changed() {
      FIELDS.forEach(function (field) { values[field[0]] = selects[field[0]].value; });
      guide.store.setPref("filters", values);
      describe();
      onChange(values);
    }

    return {
      element: element,
      values: function () { return Object.assign({}, values); },
      questions: function () { return guide.bank.select(bank, values); }
    };
  }

  guide.filters = { create: create };
})();
