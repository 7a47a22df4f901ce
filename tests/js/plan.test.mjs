// The study plan (docs/assets/javascripts/guide/plan.js): a pure function of the progress,
// the track, the interview date, the minutes a day and today. What it promises: nothing on
// or after the date, no core question dropped while a day has room for it, two reviews for
// every core question when time allows, and a predictable plan when time does not.
import assert from "node:assert/strict";
import { test } from "node:test";
import { load } from "./load.mjs";

const { guide } = load(["store", "srs", "plan"]);
const plan = guide.plan;
const srs = guide.srs;
const DAY = 86400000;
// 2026-12-01 09:00 local time.
const now = new Date(2026, 11, 1, 9, 0).getTime();
const plain = (value) => JSON.parse(JSON.stringify(value));

function makeTrack(core, strong, standOut, cost = () => 10) {
  const ids = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
  const stages = [
    { id: "core", questions: ids("core", core) },
    { id: "strong", questions: ids("strong", strong) },
    { id: "stand-out", questions: ids("stand-out", standOut) },
  ];
  const minutes = {};
  stages.forEach((s) => s.questions.forEach((id, i) => { minutes[id] = cost(id, i); }));
  return { track: { id: "ml-engineer", stages }, minutes };
}

function dateIn(days, from = now) {
  const d = new Date(from);
  return plan.dateOf(plan.dayNumber(d.getTime()) + days);
}

function compute(over) {
  const { track, minutes } = over.setup || makeTrack(15, 15, 10);
  return plan.compute({ cards: {}, track, minutes, reviewMinutes: 2,
    intervals: srs.INTERVAL_DAYS, perDay: 60, now, ...over });
}

const order = (t) => t.stages.flatMap((s) => s.questions);

test("three weeks at an hour a day: every core question comes back twice", () => {
  const setup = makeTrack(15, 15, 10);
  const p = compute({ setup, date: dateIn(21) });
  assert.equal(p.status, "ok");
  assert.equal(p.daysLeft, 21);
  assert.equal(p.days.length, 21);
  for (const id of setup.track.stages[0].questions) {
    const o = p.outcome[id];
    assert.equal(o.state, "planned", id);
    assert.ok(o.returns >= 2 && o.box >= plan.KNOWN_BOX, id);
    assert.ok(o.day <= p.daysLeft - plan.minimumDays(srs.INTERVAL_DAYS), id);
  }
  assert.deepEqual(plain(p.coreShort), []);
  // Today's list: the first questions of the track, as many as the hour holds.
  assert.deepEqual(plain(p.todayList.start), ["core-1", "core-2", "core-3", "core-4", "core-5",
    "core-6"]);
});

test("nothing is scheduled on or after the interview date", () => {
  for (const days of [1, 2, 5, 11, 12, 21, 60, 200]) {
    for (const perDay of [10, 30, 90]) {
      const date = dateIn(days);
      const p = compute({ date, perDay });
      assert.equal(p.days.length, days);
      assert.ok(p.days.every((d) => d.date < date), `${days} days, ${perDay} min`);
      assert.equal(p.lastDay, dateIn(days - 1));
      for (const o of Object.values(p.outcome)) {
        if (o.day !== null) assert.ok(o.day < days);
      }
    }
  }
});

test("questions start in track order and each day keeps to its minutes", () => {
  const setup = makeTrack(12, 12, 8, (id, i) => 6 + (i % 5) * 2);
  for (const perDay of [15, 30, 45, 120]) {
    const p = compute({ setup, date: dateIn(30), perDay });
    let last = 0;
    for (const id of order(setup.track)) {
      const o = p.outcome[id];
      if (o.state !== "planned") continue;
      assert.ok(o.day >= last, `${id} starts before the question above it`);
      last = o.day;
    }
    for (const day of p.days) assert.ok(day.minutes <= perDay, `${day.date}: ${day.minutes}`);
  }
});

test("a core question is never left out while a day has room for it", () => {
  const setup = makeTrack(20, 5, 5, (id, i) => 8 + (i % 4) * 3);
  for (const days of [3, 6, 9, 14]) {
    for (const perDay of [10, 20, 40]) {
      const p = compute({ setup, date: dateIn(days), perDay });
      const core = setup.track.stages[0].questions;
      const placed = core.filter((id) => p.outcome[id].state === "planned");
      const lastDay = Math.max(0, ...placed.map((id) => p.outcome[id].day));
      for (const id of p.stages.core.leftOut) {
        for (const day of p.days.slice(lastDay)) {
          assert.ok(perDay - day.minutes < setup.minutes[id],
            `${id} left out though ${day.date} has ${perDay - day.minutes} minutes free`);
        }
      }
    }
  }
});

test("too short: the core comes first, strong and stand-out are dropped, and the plan says what would be enough", () => {
  const setup = makeTrack(10, 10, 5);
  const p = compute({ setup, date: dateIn(7), perDay: 120 });
  assert.equal(p.status, "short");
  // No question started now comes back twice in seven days: every core question is short,
  // all of them are still planned, from today, and nothing else is.
  assert.deepEqual(plain(p.coreShort), setup.track.stages[0].questions);
  assert.deepEqual(plain(p.stages.core.planned), setup.track.stages[0].questions);
  assert.equal(p.outcome["core-1"].day, 0);
  assert.deepEqual(plain(p.leftOut), [...setup.track.stages[1].questions,
    ...setup.track.stages[2].questions]);
  // Minutes do not help; an interview eleven days away would.
  assert.equal(p.advice.minutes, null);
  assert.equal(p.advice.date, dateIn(plan.minimumDays(srs.INTERVAL_DAYS)));
  assert.equal(compute({ setup, date: p.advice.date, perDay: 120 }).status, "ok");
});

test("too few minutes: the advice is the least that works", () => {
  const setup = makeTrack(20, 10, 5);
  const p = compute({ setup, date: dateIn(14), perDay: 15 });
  assert.equal(p.status, "short");
  const enough = p.advice.minutes;
  assert.ok(enough > 15);
  assert.equal(compute({ setup, date: dateIn(14), perDay: enough }).status, "ok");
  assert.equal(compute({ setup, date: dateIn(14), perDay: enough - 1 }).status, "short");
  assert.equal(compute({ setup, date: p.advice.date, perDay: 15 }).status, "ok");
});

test("when time allows only part of the rest, what is left out is the end of the track", () => {
  const setup = makeTrack(5, 20, 20);
  const p = compute({ setup, date: dateIn(15), perDay: 30 });
  assert.equal(p.status, "ok");
  assert.ok(p.leftOut.length > 0);
  const all = order(setup.track);
  assert.deepEqual(plain(p.leftOut), all.slice(all.length - p.leftOut.length));
  for (const id of p.leftOut) assert.notEqual(p.outcome[id].stage, "core");
});

test("an interview today or in the past is said plainly, with nothing scheduled", () => {
  for (const days of [0, -3]) {
    const p = compute({ date: dateIn(days) });
    assert.equal(p.status, "past");
    assert.deepEqual(plain(p.days), []);
  }
  assert.equal(compute({ date: "2027-02-30" }).status, "invalid");
});

function graded(cards, id, grade, at) {
  cards[id] = srs.next(cards[id], grade, at);
  return cards;
}

test("today's work counts: questions started today fill today's minutes", () => {
  const setup = makeTrack(15, 15, 10);
  const cards = {};
  ["core-1", "core-2", "core-3"].forEach((id) => graded(cards, id, "good", now));
  const p = compute({ setup, cards, date: dateIn(21), now: now + 3600000 });
  assert.deepEqual(plain(p.todayList.doneStart), ["core-1", "core-2", "core-3"]);
  assert.deepEqual(plain(p.todayList.start), ["core-4", "core-5", "core-6"]);
  assert.equal(p.outcome["core-1"].state, "started");
});

test("the plan adapts: cards graded Again come back sooner and cost more reviews", () => {
  const setup = makeTrack(15, 15, 10);
  const good = {};
  const again = {};
  ["core-1", "core-2"].forEach((id) => {
    graded(good, id, "good", now - DAY);
    graded(again, id, "again", now - DAY);
  });
  const a = compute({ setup, cards: good, date: dateIn(20) });
  const b = compute({ setup, cards: again, date: dateIn(20) });
  assert.deepEqual(plain(a.todayList.review), []);
  assert.deepEqual(plain(b.todayList.review), ["core-1", "core-2"]);
  const reviews = (p) => p.days.reduce((n, d) => n + d.review.length, 0);
  assert.ok(reviews(b) >= reviews(a));
  // Graded Easy, a card needs one return fewer: it is safe sooner.
  const easy = graded({}, "core-1", "easy", now - DAY);
  assert.ok(compute({ setup, cards: easy, date: dateIn(20) }).outcome["core-1"].box >=
    a.outcome["core-1"].box);
});

test("the plan adapts: skipped days move their questions to the days that are left", () => {
  const setup = makeTrack(15, 15, 10);
  const date = dateIn(21);
  const first = compute({ setup, date });
  const planned = first.days.slice(0, 4).flatMap((d) => d.start);
  // Four days later, nothing done: the same interview date, four days fewer.
  const later = compute({ setup, date, now: now + 4 * DAY });
  assert.equal(later.daysLeft, 17);
  assert.equal(later.todayDate, dateIn(4));
  assert.deepEqual(plain(later.todayList.start), plain(first.todayList.start));
  const soon = later.days.slice(0, 4).flatMap((d) => d.start);
  assert.deepEqual(plain(soon.slice(0, planned.length)), plain(planned));
  // Studying on the first day, then skipping three: its cards are due and come first.
  const cards = {};
  first.todayList.start.forEach((id) => graded(cards, id, "good", now));
  const back = compute({ setup, cards, date, now: now + 3 * DAY });
  assert.deepEqual(plain(back.todayList.review), plain(first.todayList.start));
  assert.ok(!back.todayList.start.some((id) => cards[id]));
});

test("the plan is a pure function: the same input gives the same plan", () => {
  const setup = makeTrack(15, 15, 10);
  const cards = graded({}, "core-1", "hard", now - 2 * DAY);
  const input = { setup, cards, date: dateIn(18), perDay: 40 };
  const frozen = JSON.stringify(cards);
  assert.deepEqual(plain(compute(input)), plain(compute(input)));
  assert.equal(JSON.stringify(cards), frozen);
});

test("a question longer than a whole day gets a day of its own", () => {
  const setup = makeTrack(3, 1, 1, () => 50);
  const p = compute({ setup, date: dateIn(21), perDay: 30 });
  assert.deepEqual(plain(p.days.slice(0, 3).map((d) => d.start.length)), [1, 1, 1]);
  assert.equal(p.status, "ok");
});
