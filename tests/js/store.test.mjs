// The progress store (docs/assets/javascripts/guide/store.js): what it reads, keeps, drops,
// and how a value saved in an older format is upgraded.
import assert from "node:assert/strict";
import { test } from "node:test";
import { load, MemoryStorage } from "./load.mjs";

const KEY = "/guide/ml-guide.progress.v1";
const card = { box: 2, due: 1800000000000, reps: 1, lapses: 0, last: 1790000000000, grade: "good" };
const plan = { track: "ml-engineer", date: "2027-02-01", minutes: 45, set: 1790000000000 };
const plain = (value) => JSON.parse(JSON.stringify(value));

function withSaved(value) {
  return load(["store"], { storage: new MemoryStorage({ [KEY]: JSON.stringify(value) }) });
}

test("progress is kept under the site's own path", () => {
  const { guide } = load(["store"]);
  assert.equal(guide.store.KEY, KEY);
  assert.equal(guide.store.VERSION, 2);
});

test("a saved value is read back as it was", () => {
  const saved = { version: 2, cards: { "roc-curve": { ...card, first: 5 } },
    reviewed: { "roc-curve": 5 }, plan };
  const { guide } = withSaved(saved);
  assert.deepEqual(plain(guide.store.get()), saved);
  assert.equal(guide.store.takeNotice(), null);
});

test("progress saved in format 1 is upgraded, kept whole, and saved as format 2", () => {
  const saved = { version: 1, cards: { "roc-curve": card }, reviewed: { "roc-curve": 5 } };
  const { guide, storage } = withSaved(saved);
  const expected = { version: 2, cards: { "roc-curve": card }, reviewed: { "roc-curve": 5 },
    plan: null };
  assert.deepEqual(plain(guide.store.get()), expected);
  assert.equal(guide.store.takeNotice(), null);
  assert.deepEqual(JSON.parse(storage.getItem(KEY)), expected);
});

test("a file exported in format 1 imports into format 2", () => {
  const { guide } = load(["store"]);
  const file = JSON.stringify({ format: "ml-interview-guide-progress", version: 1,
    exported: "2026-11-30T10:00:00.000Z", cards: { "roc-curve": card }, reviewed: {} });
  const parsed = guide.store.parseImport(file);
  assert.deepEqual(plain(parsed.state), { version: 2, cards: { "roc-curve": card },
    reviewed: {}, plan: null });
  assert.equal(parsed.exported, "2026-11-30T10:00:00.000Z");
});

test("unreadable entries are dropped, the rest kept, and the reader told", () => {
  const { guide, storage } = withSaved({
    version: 2,
    cards: { "roc-curve": card, "Bad Id": card, "x-y": { ...card, box: 9 },
      "z-w": { ...card, first: "yesterday" } },
    reviewed: { "roc-curve": 5, "__proto__": 3 },
    plan: null,
  });
  assert.deepEqual(Object.keys(guide.store.get().cards), ["roc-curve"]);
  assert.match(guide.store.takeNotice(), /3 saved entries were unreadable/);
  assert.deepEqual(Object.keys(JSON.parse(storage.getItem(KEY)).cards), ["roc-curve"]);
});

for (const bad of [
  { ...plan, date: "2027-02-30" }, { ...plan, date: "1 Feb 2027" }, { ...plan, minutes: 0 },
  { ...plan, minutes: 2000 }, { ...plan, minutes: 30.5 }, { ...plan, track: "Bad Track" },
  { ...plan, set: undefined }, "ml-engineer", [plan],
]) {
  test(`an unreadable plan (${JSON.stringify(bad)}) is dropped, the progress kept`, () => {
    const { guide } = withSaved({ version: 2, cards: { "roc-curve": card }, reviewed: {},
      plan: bad });
    assert.equal(guide.store.get().plan, null);
    assert.deepEqual(Object.keys(guide.store.get().cards), ["roc-curve"]);
    assert.match(guide.store.takeNotice(), /1 saved entry was unreadable/);
  });
}

for (const version of ["constructor", "__proto__", "toString", "hasOwnProperty", 3, null]) {
  test(`a value of version ${JSON.stringify(version)} is set aside, not looped on`, () => {
    const { guide, storage } = withSaved({ version, cards: {}, reviewed: {} });
    assert.deepEqual(plain(guide.store.get().cards), {});
    assert.match(guide.store.takeNotice(), /could not be read/);
    assert.equal(storage.getItem(KEY), null);
    assert.notEqual(storage.getItem(KEY + ".unreadable"), null);
  });
}

test("an import of another file is refused with the reason", () => {
  const { guide } = load(["store"]);
  assert.throws(() => guide.store.parseImport("{\"version\": \"constructor\"}"), /./);
  assert.throws(() => guide.store.parseImport("not json"), /./);
});

test("an export carries the plan and can be imported again", () => {
  const { guide } = withSaved({ version: 2, cards: { "roc-curve": card }, reviewed: {}, plan });
  const { name, text } = guide.store.exportFile(1800000000000);
  assert.equal(name, "ml-interview-guide-progress-2027-01-15.json");
  assert.equal(JSON.parse(text).version, 2);
  const parsed = guide.store.parseImport(text);
  assert.deepEqual(plain(parsed.state.cards), { "roc-curve": card });
  assert.deepEqual(plain(parsed.state.plan), plan);
});

test("a plan alone is progress: the store is not empty, and reset clears it", () => {
  const { guide } = withSaved({ version: 2, cards: {}, reviewed: {}, plan });
  assert.equal(guide.store.isEmpty(), false);
  guide.store.reset();
  assert.equal(guide.store.get().plan, null);
  assert.equal(guide.store.isEmpty(), true);
});

test("dates are checked as calendar dates", () => {
  const { guide } = load(["store"]);
  assert.equal(guide.store.isDate("2028-02-29"), true);
  assert.equal(guide.store.isDate("2027-02-29"), false);
  assert.equal(guide.store.isDate("2027-13-01"), false);
  assert.equal(guide.store.isDate(20270101), false);
});
