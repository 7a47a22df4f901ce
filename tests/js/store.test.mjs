// The progress store (docs/assets/javascripts/guide/store.js): what it reads, keeps, drops.
import assert from "node:assert/strict";
import { test } from "node:test";
import { load, MemoryStorage } from "./load.mjs";

const KEY = "/guide/ml-guide.progress.v1";
const card = { box: 2, due: 1800000000000, reps: 1, lapses: 0, last: 1790000000000, grade: "good" };

function withSaved(value) {
  return load(["store"], { storage: new MemoryStorage({ [KEY]: JSON.stringify(value) }) });
}

test("progress is kept under the site's own path", () => {
  const { guide } = load(["store"]);
  assert.equal(guide.store.KEY, KEY);
});

test("a saved value is read back as it was", () => {
  const saved = { version: 1, cards: { "roc-curve": card }, reviewed: { "roc-curve": 5 } };
  const { guide } = withSaved(saved);
  assert.deepEqual(JSON.parse(JSON.stringify(guide.store.get())), saved);
  assert.equal(guide.store.takeNotice(), null);
});

test("unreadable entries are dropped, the rest kept, and the reader told", () => {
  const { guide, storage } = withSaved({
    version: 1,
    cards: { "roc-curve": card, "Bad Id": card, "x-y": { ...card, box: 9 } },
    reviewed: { "roc-curve": 5, "__proto__": 3 },
  });
  assert.deepEqual(Object.keys(guide.store.get().cards), ["roc-curve"]);
  assert.match(guide.store.takeNotice(), /2 saved entries were unreadable/);
  assert.deepEqual(Object.keys(JSON.parse(storage.getItem(KEY)).cards), ["roc-curve"]);
});

for (const version of ["constructor", "__proto__", "toString", "hasOwnProperty", 2, null]) {
  test(`a value of version ${JSON.stringify(version)} is set aside, not looped on`, () => {
    const { guide, storage } = withSaved({ version, cards: {}, reviewed: {} });
    assert.deepEqual(JSON.parse(JSON.stringify(guide.store.get().cards)), {});
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

test("an export can be imported again", () => {
  const { guide } = withSaved({ version: 1, cards: { "roc-curve": card }, reviewed: {} });
  const { name, text } = guide.store.exportFile(1800000000000);
  assert.equal(name, "ml-interview-guide-progress-2027-01-15.json");
  const parsed = guide.store.parseImport(text);
  assert.deepEqual(JSON.parse(JSON.stringify(parsed.state.cards)), { "roc-curve": card });
});
