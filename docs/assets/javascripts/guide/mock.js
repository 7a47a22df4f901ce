// Mock interview: N random questions from the chosen filters, one at a time with a
// timer. The reader answers out loud, reveals the 30-second answer, scores themselves
// against a short rubric, and ends with a summary of the topics to work on.
(function () {
  "use strict";
  var guide = window.guide;
  var dom = guide.dom;
  var h = dom.h;
  var store = guide.store;
  var RUBRIC = [
    "I stated the key idea correctly (compare with the 30-second answer).",
    "I explained why or how, not only what.",
    "I gave an example, a formula or a trade-off.",
    "I finished within the time."
  ];
  var TIME_CRITERION = 3;
  var GOOD_SCORE = 3; // of 4: a topic averaging less is one to work on
  var MINUTES = [1, 2, 3, 5];

  // The interview in progress survives instant navigation: leaving the page and coming
  // back resumes it, with the timer still measuring real time.
  var session = null;
  var view = null;

  function mount(root) {
    guide.bank.mount(root, build);
  }

  function build(root, bank) {
    root.textContent = "";
    var v = { root: root, bank: bank, main: h("div"), live: dom.liveRegion(), timer: null };
    dom.append(root, [v.main, v.live]);
    dom.storageNotice(store.takeNotice());
    if (view) stopTimer(view);
    view = v;
    show(v, false);
  }

  function show(v, moveFocus) {
    stopTimer(v);
    v.main.textContent = "";
    if (!session) setup(v);
    else if (session.phase === "summary") summary(v);
    else question(v);
    var heading = v.main.querySelector("h2");
    if (moveFocus && heading) heading.focus();
  }

  function setup(v) {
    var prefs = store.pref("mock");
    var filters = guide.filters.create(v.bank, update);
    var countId = dom.uid("count");
    var minutesId = dom.uid("minutes");
    var count = h("input", {
      type: "number", id: countId, min: 1, step: 1, required: true,
      value: prefs.count > 0 ? prefs.count : 5, inputmode: "numeric"
    });
    var minutes = h("select", { id: minutesId });
    MINUTES.forEach(function (m) {
      minutes.appendChild(h("option", {
        value: m, selected: m === (prefs.minutes || 2), text: dom.plural(m, "minute")
      }));
    });
    var matching = h("p", { class: "guide-counts", role: "status" });
    var start = h("button", {
      type: "submit", class: "md-button md-button--primary guide-button"
    }, ["Start the interview"]);
    var form = h("form", { class: "guide-mock-setup", onsubmit: begin }, [
      h("h2", { tabindex: "-1", text: "Set up your interview" }),
      filters.element,
      h("div", { class: "guide-filters guide-filters--plain" }, [
        h("div", { class: "guide-filters__field" }, [
          h("label", { for: countId, text: "Number of questions" }), count
        ]),
        h("div", { class: "guide-filters__field" }, [
          h("label", { for: minutesId, text: "Time per question" }), minutes
        ])
      ]),
      matching,
      start
    ]);
    v.main.appendChild(form);
    update();

    function update() {
      var available = filters.questions().length;
      count.max = Math.max(1, available);
      if (Number(count.value) > available && available > 0) count.value = available;
      matching.textContent = dom.plural(available, "question") + " match these filters.";
      start.disabled = available === 0;
    }

    function begin(event) {
      event.preventDefault();
      var pool = filters.questions().slice();
      var n = Math.min(pool.length, Math.max(1, Math.floor(Number(count.value)) || 1));
      // Fisher-Yates: every order equally likely.
      for (var i = pool.length - 1; i > 0; i -= 1) {
        var j = Math.floor(Math.random() * (i + 1));
        var swap = pool[i];
        pool[i] = pool[j];
        pool[j] = swap;
      }
      store.setPref("mock", { count: n, minutes: Number(minutes.value) });
      session = {
        phase: "question",
        index: 0,
        limit: Number(minutes.value) * 60000,
        items: pool.slice(0, n).map(function (q) {
          return {
            id: q.id, started: null, answered: null, marks: null, checks: null, timeUp: false
          };
        })
      };
      show(v, true);
    }
  }

  function question(v) {
    var item = session.items[session.index];
    var q = v.bank.byId[item.id];
    if (item.started === null) item.started = Date.now();
    var revealed = item.answered !== null;
    var timer = h("p", { class: "guide-timer", role: "timer", "aria-live": "off" });
    var parts = [
      h("p", { class: "guide-card__meta", text: "Question " + (session.index + 1) + " of " +
        session.items.length + " \u00b7 " + q.topic.title + " \u00b7 " +
        q.difficulty.charAt(0).toUpperCase() + q.difficulty.slice(1) }),
      h("h2", { class: "guide-card__question", tabindex: "-1", text: q.title }),
      timer
    ];
    var end = h("button", {
      type: "button", class: "md-button guide-button", onclick: finish
    }, ["End the interview"]);
    if (!revealed) {
      parts.push(
        h("p", { text: "Answer out loud, as you would in the interview. Then compare." }),
        h("div", { class: "guide-transfer__actions" }, [
          h("button", {
            type: "button", class: "md-button md-button--primary guide-button",
            onclick: function () {
              item.answered = Date.now() - item.started;
              show(v, true);
              dom.announce(v.live, "Answer shown. Score your answer against the rubric.");
            }
          }, ["I have answered: show the answer"]),
          end
        ])
      );
    } else {
      var body = h("div", { class: "guide-card__body" });
      body.innerHTML = q.short_answer_html; // our own build output, not user input
      dom.resolveLinks(body);
      // The ticks are kept as they change, so leaving the page does not lose them.
      item.marks = item.marks || RUBRIC.map(function (text, i) {
        return i === TIME_CRITERION && item.answered <= session.limit;
      });
      var checks = RUBRIC.map(function (text, i) {
        var id = dom.uid("rubric");
        var box = h("input", {
          type: "checkbox", id: id, checked: item.marks[i],
          onchange: function () { item.marks[i] = box.checked; }
        });
        return { box: box, row: h("div", { class: "guide-rubric__item" }, [
          box, h("label", { for: id, text: text })
        ]) };
      });
      var last = session.index === session.items.length - 1;
      parts.push(
        h("div", { class: "guide-card__answer" }, [
          h("p", { class: "guide-card__label", text: "30-second answer" }),
          body,
          h("p", {}, [h("a", {
            href: new URL(q.url, guide.root).href,
            "aria-label": "Read the full answer: " + q.title, text: "Read the full answer"
          })])
        ]),
        h("fieldset", { class: "guide-rubric" }, [
          h("legend", { text: "Score your answer: tick what you did" })
        ].concat(checks.map(function (c) { return c.row; }))),
        h("div", { class: "guide-transfer__actions" }, [
          h("button", {
            type: "button", class: "md-button md-button--primary guide-button",
            onclick: function () {
              item.checks = item.marks.slice();
              store.update(function (draft) {
                if (!draft.reviewed[item.id]) draft.reviewed[item.id] = Date.now();
              });
              if (last) session.phase = "summary";
              else session.index += 1;
              show(v, true);
            }
          }, [last ? "See the summary" : "Next question"]),
          last ? null : end
        ])
      );
    }
    dom.append(v.main, parts);
    tick(v, item, timer);
    if (!revealed) {
      v.timer = window.setInterval(function () { tick(v, item, timer); }, 1000);
    }
  }

  function tick(v, item, timer) {
    if (!v.root.isConnected) {
      stopTimer(v);
      return;
    }
    if (item.answered !== null) {
      timer.textContent = "Answered in " + dom.clock(item.answered) +
        (item.answered > session.limit ? " (over the time)" : "") + ".";
      timer.classList.toggle("guide-timer--over", item.answered > session.limit);
      return;
    }
    var used = Date.now() - item.started;
    var over = used > session.limit;
    timer.textContent = over
      ? "Time is up: " + dom.clock(used - session.limit) + " over."
      : "Time left: " + dom.clock(session.limit - used) + ".";
    timer.classList.toggle("guide-timer--over", over);
    if (over && !item.timeUp) {
      item.timeUp = true;
      dom.announce(v.live, "Time is up.");
    }
  }

  function stopTimer(v) {
    if (v.timer !== null) window.clearInterval(v.timer);
    v.timer = null;
  }

  function finish() {
    session.phase = "summary";
    show(view, true);
  }

  function summary(v) {
    var answered = session.items.filter(function (item) { return item.checks; });
    var byTopic = {};
    var points = 0;
    var time = 0;
    answered.forEach(function (item) {
      var q = v.bank.byId[item.id];
      item.score = item.checks.filter(Boolean).length;
      points += item.score;
      time += item.answered;
      var topic = byTopic[q.topic.id] = byTopic[q.topic.id] || { id: q.topic.id, items: [] };
      topic.items.push(item);
    });
    var weak = Object.keys(byTopic).map(function (id) {
      var topic = byTopic[id];
      topic.average = topic.items.reduce(function (sum, item) { return sum + item.score; }, 0) /
        topic.items.length;
      return topic;
    }).filter(function (topic) { return topic.average < GOOD_SCORE; })
      .sort(function (a, b) { return a.average - b.average; });

    var parts = [h("h2", { tabindex: "-1", text: "Summary" })];
    if (!answered.length) {
      parts.push(h("p", { text: "You ended the interview before scoring an answer." }));
    } else {
      parts.push(h("p", { text: "You answered " + dom.plural(answered.length, "question") +
        " in " + dom.clock(time) + " and met " + points + " of " + answered.length * 4 +
        " rubric points." }));
      parts.push(h("h3", { text: "Topics to work on" }));
      if (weak.length) {
        parts.push(h("ul", { class: "guide-weak" }, weak.map(function (topic) {
          var info = v.bank.topicById[topic.id];
          return h("li", {}, [
            h("a", { href: new URL(info.url, guide.root).href, text: info.title }),
            ": " + topic.average.toFixed(1).replace(/\.0$/, "") + " of 4 on average. Revisit: ",
            join(topic.items.filter(function (item) { return item.score < GOOD_SCORE; })
              .map(function (item) { return questionLink(v, item.id); }))
          ]);
        })));
      } else {
        parts.push(h("p", { text: "None: every topic averaged at least " + GOOD_SCORE +
          " of 4. Well done." }));
      }
      parts.push(h("h3", { text: "Your answers" }));
      parts.push(h("div", {
        class: "guide-table", tabindex: "0", role: "region", "aria-label": "Your answers"
      }, [h("table", {}, [
        h("thead", {}, [h("tr", {}, [
          h("th", { scope: "col", text: "Question" }),
          h("th", { scope: "col", text: "Score" }),
          h("th", { scope: "col", text: "Time" })
        ])]),
        h("tbody", {}, answered.map(function (item) {
          return h("tr", {}, [
            h("td", {}, [questionLink(v, item.id)]),
            h("td", { text: item.score + " of 4" }),
            h("td", { text: dom.clock(item.answered) })
          ]);
        }))
      ])]));
    }
    parts.push(h("button", {
      type: "button", class: "md-button md-button--primary guide-button",
      onclick: function () {
        session = null;
        show(v, true);
      }
    }, ["Start another interview"]));
    dom.append(v.main, parts);
  }

  function questionLink(v, id) {
    var q = v.bank.byId[id];
    return h("a", { href: new URL(q.url, guide.root).href, text: q.title });
  }

  function join(nodes) {
    var out = [];
    nodes.forEach(function (node, i) {
      if (i) out.push(i === nodes.length - 1 ? " and " : ", ");
      out.push(node);
    });
    return h("span", {}, out);
  }

  guide.widgets["mock-interview"] = mount;
})();
