// The flashcard schedule (docs/assets/javascripts/guide/srs.js): Leitner boxes, four grades.
import assert from "node:assert/strict";
import { test } from "node:test";
import { load } from "./load.mjs";

const { guide } = load(["store", "srs"]);
const srs = guide.srs;
const DAY = 86400000;
// 2026-12-01 15:30 local time: cards fall due at local midnight.
const now = new Date(2026, 11, 1, 15, 30).getTime();
const midnight = (days) => new Date(2026, 11, 1 + days).getTime();

test("a new card graded good goes to box 2, due in three days at midnight", () => {
  const card = srs.next(undefined, "good", now);
  assert.equal(card.box, 2);
  assert.equal(card.due, midnight(3));
  assert.deepEqual([card.reps, card.lapses, card.last, card.grade], [1, 0, now, "good"]);
});

test("each grade moves the card as the practice page says", () => {
  const inBox3 = { box: 3, due: now, reps: 4, lapses: 0, last: now - 7 * DAY, grade: "good" };
  assert.equal(srs.next(inBox3, "again", now).box, 1);
  assert.equal(srs.next(inBox3, "again", now).due, now); // back in this session
  assert.equal(srs.next(inBox3, "again", now).lapses, 1);
  assert.equal(srs.next(inBox3, "hard", now).box, 3);
  assert.equal(srs.next(inBox3, "good", now).box, 4);
  assert.equal(srs.next(inBox3, "easy", now).box, 5);
  assert.equal(srs.next(inBox3, "easy", now).due, midnight(30));
});

test("the top box stays the top box", () => {
  const top = { box: 6, due: now, reps: 9, lapses: 1, last: now, grade: "easy" };
  assert.equal(srs.next(top, "easy", now).box, 6);
  assert.equal(srs.next(top, "easy", now).due, midnight(60));
});

test("the intervals are those of the practice page, one per box", () => {
  assert.deepEqual([...srs.INTERVAL_DAYS], [1, 3, 7, 14, 30, 60]);
  assert.equal(srs.INTERVAL_DAYS.length, guide.store.BOXES);
});

test("the preview labels the grade buttons in days", () => {
  assert.deepEqual({ ...srs.preview(undefined, now) }, { again: 0, hard: 1, good: 3, easy: 7 });
});

test("the queue shows due cards oldest first, then new ones, never the same card twice", () => {
  const questions = ["a", "b", "c", "d"].map((id) => ({ id }));
  const cards = {
    a: { box: 2, due: now + DAY, reps: 1, lapses: 0, last: now, grade: "good" },
    b: { box: 1, due: now - 2 * DAY, reps: 1, lapses: 0, last: now, grade: "hard" },
    c: { box: 1, due: now - 5 * DAY, reps: 1, lapses: 0, last: now, grade: "hard" },
  };
  const q = srs.queue(questions, cards, now, null);
  assert.deepEqual(JSON.parse(JSON.stringify(q.order.map((x) => x.id))), ["c", "b", "d"]);
  assert.deepEqual([q.due, q.fresh, q.nextDue], [2, 1, now + DAY]);
  const again = srs.queue(questions, cards, now, "c");
  assert.deepEqual(JSON.parse(JSON.stringify(again.order.map((x) => x.id))), ["b", "c", "d"]);
});

test("a card is well known from two-week intervals on", () => {
  assert.equal(srs.isWellKnown({ box: 3 }), false);
  assert.equal(srs.isWellKnown({ box: 4 }), true);
  assert.equal(srs.isWellKnown(undefined), false);
});

test("a card remembers when it was first graded, and keeps that time", () => {
  const first = srs.next(undefined, "again", now);
  assert.equal(first.first, now);
  const later = srs.next(first, "good", now + 2 * DAY);
  assert.equal(later.first, now);
  // A card saved before the time was recorded stays without one.
  const old = { box: 2, due: now, reps: 1, lapses: 0, last: now - 3 * DAY, grade: "good" };
  assert.equal("first" in srs.next(old, "good", now), false);
});
