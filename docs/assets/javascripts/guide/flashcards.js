// Flashcards: show a question, reveal its 30-second answer, let the reader grade
// themselves, and let the schedule (srs.js) pick the next card. Keyboard: Space reveals,
// 1-4 grade.
(function () {
  "use strict";
  var guide = window.guide;
  var dom = guide.dom;
  var h = dom.h;
  var store = guide.store;
  var srs = guide.srs;
  var GRADES = [
    { grade: "again", label: "Again", key: "1" },
    { grade: "hard", label: "Hard", key: "2" },
    { grade: "good", label: "Good", key: "3" },
    { grade: "easy", label: "Easy", key: "4" }
  ];

  // Kept across instant navigation, so coming back shows the same card, still revealed.
  var session = { id: null, revealed: false, justGraded: null };
  // The widget on the current page, if any; the one keyboard listener below serves it.
  var view = null;

  function mount(root) {
    guide.bank.mount(root, build);
  }

  function build(root, bank) {
    root.textContent = "";
    var v = { root: root, bank: bank, shown: null };
    v.filters = guide.filters.create(bank, function () {
      session.id = null;
      session.revealed = false;
      render(v);
      dom.announce(v.live, v.counts.textContent);
    }, true);
    v.counts = h("p", { class: "guide-counts" });
    v.meta = h("p", { class: "guide-card__meta" });
    v.title = h("h2", { class: "guide-card__question", id: dom.uid("card") });
    v.reveal = h("button", {
      type: "button", class: "md-button md-button--primary guide-button",
      "aria-keyshortcuts": "Space", onclick: function () { reveal(v); }
    }, ["Show answer", h("kbd", { class: "guide-key", "aria-hidden": "true", text: "Space" })]);
    v.body = h("div", { class: "guide-card__body" });
    v.full = h("a", { class: "guide-card__full" }, ["Read the full answer"]);
    v.answer = h("div", {
      class: "guide-card__answer", id: dom.uid("answer"), tabindex: "-1", hidden: true
    }, [
      h("p", { class: "guide-card__label", text: "30-second answer" }),
      v.body,
      h("p", {}, [v.full])
    ]);
    v.gradeLabel = h("p", { class: "guide-card__label", id: dom.uid("grade") },
      ["How well did you know it?"]);
    v.grades = h("div", {
      class: "guide-grades", role: "group", "aria-labelledby": v.gradeLabel.id
    });
    v.when = {};
    GRADES.forEach(function (g) {
      v.when[g.grade] = h("span", { class: "guide-grade__when" });
      v.grades.appendChild(h("button", {
        type: "button", class: "md-button guide-button guide-grade",
        "data-grade": g.grade, "aria-keyshortcuts": g.key,
        onclick: function () { grade(v, g.grade); }
      }, [
        h("span", { class: "guide-grade__label" }, [
          h("kbd", { class: "guide-key", "aria-hidden": "true", text: g.key }), g.label
        ]),
        v.when[g.grade]
      ]));
    });
    v.grading = h("div", { class: "guide-card__grading", hidden: true }, [v.gradeLabel, v.grades]);
    v.card = h("section", { class: "guide-card", "aria-labelledby": v.title.id }, [
      v.meta, v.title, v.reveal, v.answer, v.grading
    ]);
    v.done = h("div", { class: "guide-done", hidden: true });
    v.live = dom.liveRegion();
    dom.append(root, [v.filters.element, v.counts, v.card, v.done, v.live]);
    dom.storageNotice(store.takeNotice());
    view = v;
    store.subscribe(root, function () { render(v); });
    render(v);
  }

  function when(days) {
    return days === 0 ? "soon" : dom.plural(days, "day");
  }

  // Shows what the schedule says comes next, keeping the current card while it is
  // still waiting (after a filter change or a change made in another tab).
  function render(v) {
    var now = Date.now();
    var cards = store.get().cards;
    var questions = v.filters.questions();
    var plan = srs.queue(questions, cards, now, session.justGraded);
    v.counts.textContent = plan.due + " due \u00b7 " + plan.fresh + " new \u00b7 " +
      dom.plural(questions.length, "question") + " in this selection";
    var current = null;
    plan.order.forEach(function (q) { if (q.id === session.id) current = q; });
    current = current || plan.order[0] || null;
    if (!current) {
      session.id = null;
      v.card.hidden = true;
      v.done.hidden = false;
      showDone(v, questions, plan);
      return;
    }
    if (current.id !== session.id) {
      session.id = current.id;
      session.revealed = false;
    }
    v.card.hidden = false;
    v.done.hidden = true;
    var card = cards[current.id];
    var status = !card ? "New" : card.grade === "again" ? "Relearning" : "Due";
    v.meta.textContent = current.topic.title + " \u00b7 " +
      current.difficulty.charAt(0).toUpperCase() + current.difficulty.slice(1) +
      " \u00b7 " + status;
    if (v.shown !== current.id) {
      v.shown = current.id;
      v.title.textContent = current.title;
      v.body.innerHTML = current.short_answer_html; // our own build output, not user input
      dom.resolveLinks(v.body);
      v.full.href = new URL(current.url, guide.root).href;
      v.full.setAttribute("aria-label", "Read the full answer: " + current.title);
    }
    var days = srs.preview(card, now);
    GRADES.forEach(function (g) {
      v.when[g.grade].textContent = (g.grade === "again" ? "" : "in ") + when(days[g.grade]);
    });
    v.reveal.hidden = session.revealed;
    v.answer.hidden = !session.revealed;
    v.grading.hidden = !session.revealed;
  }

  function showDone(v, questions, plan) {
    v.done.textContent = "";
    if (!questions.length) {
      v.done.appendChild(h("p", { text: "No questions match these filters." }));
      return;
    }
    dom.append(v.done, [
      h("p", { class: "guide-done__title", text: "All caught up: nothing is due." }),
      plan.nextDue ? h("p", { text: "The next card is due on " + dom.date(plan.nextDue) + "." })
        : null,
      h("p", {}, [
        "Meanwhile, try a ",
        h("a", { href: new URL("mock-interview/", guide.root).href, text: "mock interview" }),
        " or choose other questions above."
      ])
    ]);
  }

  function reveal(v) {
    if (!session.id || session.revealed) return;
    var hadFocus = v.root.contains(document.activeElement);
    session.revealed = true;
    render(v);
    // The button that had focus is hidden now: carry focus on to the answer.
    if (hadFocus) v.answer.focus();
    dom.announce(v.live, "Answer shown. Grade yourself: 1 again, 2 hard, 3 good, 4 easy.");
  }

  function grade(v, name) {
    if (!session.id || !session.revealed) return;
    var id = session.id;
    var now = Date.now();
    var hadFocus = v.root.contains(document.activeElement);
    session.justGraded = id;
    session.id = null;
    session.revealed = false;
    var record = srs.next(store.get().cards[id], name, now);
    store.update(function (draft) {
      draft.cards[id] = record;
      if (!draft.reviewed[id]) draft.reviewed[id] = now;
    });
    var said = name.charAt(0).toUpperCase() + name.slice(1) + ": " +
      (name === "again" ? "it comes back soon. " : "next review on " + dom.date(record.due) + ". ");
    if (session.id) {
      said += "Next card: " + v.bank.byId[session.id].title;
      if (hadFocus) v.reveal.focus();
    } else {
      said += v.done.textContent;
    }
    dom.announce(v.live, said);
  }

  // One listener for the whole visit: instant navigation keeps this script, so adding
  // one per page would grade once per page visited.
  document.addEventListener("keydown", function (event) {
    var v = view;
    if (!v || !v.root.isConnected || event.defaultPrevented) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target instanceof Element ? event.target : document.body;
    if (target.closest("input, select, textarea, [contenteditable], .md-search")) return;
    if (event.key === " ") {
      // On a button or link, Space already means "press this".
      if (target.closest("button, a, summary, [role=button]")) return;
      if (session.id && !session.revealed && !v.card.hidden) {
        event.preventDefault();
        reveal(v);
      }
    } else if (/^[1-4]$/.test(event.key) && session.id && session.revealed) {
      event.preventDefault();
      grade(v, GRADES[Number(event.key) - 1].grade);
    }
  });

  guide.widgets.flashcards = mount;
})();
