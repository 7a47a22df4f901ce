// The flashcard schedule: Leitner boxes with four grades. Pure functions of a card's
// record, the grade and the time; docs/practice.md explains the rules to readers.
//
// A card lives in box 1 to 6; box n waits INTERVAL_DAYS[n - 1] days. A new card counts
// as box 1. Again: back to box 1, due at once (it returns later in the session).
// Hard: same box. Good: one box up. Easy: two boxes up.
(function () {
  "use strict";
  var guide = window.guide;
  var INTERVAL_DAYS = [1, 3, 7, 14, 30, 60];
  var STEP = { hard: 0, good: 1, easy: 2 };
  var WELL_KNOWN_BOX = 4; // two weeks or more between reviews

  if (INTERVAL_DAYS.length !== guide.store.BOXES) {
    throw new Error("srs.js and store.js disagree on the number of boxes");
  }

  // Local midnight `days` days after `now`: cards fall due on a calendar day, so one
  // graded late in the evening is ready the next morning, not the next evening.
  function dayStart(now, days) {
    var day = new Date(now);
    day.setHours(0, 0, 0, 0);
    day.setDate(day.getDate() + days);
    return day.getTime();
  }

  // The record of `card` (undefined for a new card) after `grade` at time `now`.
  function next(card, grade, now) {
    var box = card ? card.box : 1;
    var out = {
      box: 1,
      due: now,
      reps: (card ? card.reps : 0) + 1,
      lapses: (card ? card.lapses : 0) + (grade === "again" && card ? 1 : 0),
      last: now,
      grade: grade
    };
    if (grade !== "again") {
      out.box = Math.min(INTERVAL_DAYS.length, box + STEP[grade]);
      out.due = dayStart(now, INTERVAL_DAYS[out.box - 1]);
    }
    // When the card was first graded: the study plan counts today's new cards by it.
    // (Cards saved before it was recorded have none, and keep none.)
    var first = card ? card.first : now;
    if (first !== undefined) out.first = first;
    return out;
  }

  // Days until the next review for each grade, for the labels of the grade buttons;
  // 0 means "again in this session".
  function preview(card, now) {
    var out = {};
    ["again", "hard", "good", "easy"].forEach(function (grade) {
      var due = next(card, grade, now).due;
      out[grade] = grade === "again" ? 0 : Math.round((due - dayStart(now, 0)) / 86400000);
    });
    return out;
  }

  // What to study among `questions` (in bank order): cards that are due, oldest due
  // first, then new cards. `justGraded` is not shown twice in a row if anything else
  // is waiting.
  function queue(questions, cards, now, justGraded) {
    var due = [];
    var fresh = [];
    var nextDue = null;
    questions.forEach(function (question) {
      var card = cards[question.id];
      if (!card) {
        fresh.push(question);
      } else if (card.due <= now) {
        due.push(question);
      } else if (nextDue === null || card.due < nextDue) {
        nextDue = card.due;
      }
    });
    // Array.prototype.sort is stable, so equal due times keep the bank's order.
    due.sort(function (a, b) { return cards[a.id].due - cards[b.id].due; });
    var order = due.concat(fresh);
    if (order.length > 1 && order[0].id === justGraded) order.splice(1, 0, order.shift());
    return { due: due.length, fresh: fresh.length, order: order, nextDue: nextDue };
  }

  function isWellKnown(card) {
    return Boolean(card) && card.box >= WELL_KNOWN_BOX;
  }

  guide.srs = {
    INTERVAL_DAYS: INTERVAL_DAYS,
    next: next,
    preview: preview,
    queue: queue,
    isWellKnown: isWellKnown
  };
})();
