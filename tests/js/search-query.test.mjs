// The search worker's query rewriting (docs/assets/javascripts/search/query.js): words the
// index knows are left alone; stop words, unknown plurals, typos and run-together compounds
// are turned into words Material's prefix search can find.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const file = new URL("../../docs/assets/javascripts/search/query.js", import.meta.url);
const context = vm.createContext({ Set, Map, Array, Object, String, Math, console });
vm.runInContext(readFileSync(file, "utf8"), context);
const { Vocabulary, rewrite, distance } = context.guideSearch;
// A whole word of the index is asked for as itself and as a prefix.
const whole = (...words) => words.map(w => `${w}^1 ${w}`).join(" ");

// A small index shaped like the site's: title, aliases and preview are ordered text,
// `words` is a bag of words.
const vocabulary = new Vocabulary([
  { location: "questions/backprop/", title: "How does backpropagation work?",
    text: "The chain rule, applied layer by layer.", words: "gradient gradients jacobian" },
  { location: "questions/cv/", title: "What is k-fold cross-validation?",
    aliases: "cv leave one out", text: "Split into folds.", words: "folds stratified" },
  { location: "questions/relation/", title: "Correlation and causation",
    text: "A co-author's relation to the data is not a cause.", words: "confounder" },
  { location: "questions/heads/", title: "What is multi-head attention?",
    text: "Several heads.", words: "head heads", tags: ["transformers", "attention"] },
]);

test("words the index knows are kept, lower-cased; a whole word is also asked for exactly", () => {
  assert.equal(rewrite("Backpropagation jacobian", vocabulary),
               whole("backpropagation", "jacobian"));
  assert.equal(rewrite("grad", vocabulary), "grad"); // the start of known words: a prefix
});

test("stop words are dropped, unless the query has nothing else", () => {
  assert.equal(rewrite("what is the chain rule of a network", vocabulary),
               `${whole("chain", "rule")} network`);
  assert.equal(rewrite("what is", vocabulary), "what is");
});

test("a typo becomes the known word one edit away", () => {
  assert.equal(rewrite("backpropogation", vocabulary), whole("backpropagation"));
  assert.equal(rewrite("corelation", vocabulary), whole("correlation")); // not "co relation"
  assert.equal(rewrite("stratfied folds", vocabulary), whole("stratified", "folds"));
});

test("short unknown words are not guessed at", () => {
  assert.equal(rewrite("xyz", vocabulary), "xyz");
  assert.equal(rewrite("fodl", vocabulary), "fodl"); // four letters: no edit allowed
});

test("a run-together compound splits only into words that stand together in the index", () => {
  assert.equal(rewrite("crossvalidation", vocabulary), whole("cross", "validation"));
  assert.equal(rewrite("multihead", vocabulary), whole("multi", "head"));
  // "chain" and "folds" are both known, but never side by side: no split.
  assert.equal(rewrite("chainfolds", vocabulary), "chainfolds");
});

test("an unknown plural or -ed/-ing form is read as its stem", () => {
  assert.equal(rewrite("confounders", vocabulary), whole("confounder"));
  assert.equal(rewrite("stratifieding", vocabulary), whole("stratified"));
});

test("quoted phrases and search syntax pass through untouched", () => {
  assert.equal(rewrite('"chain rule" of', vocabulary), '"chain rule" of');
  assert.equal(rewrite("+chain -rule folds~1", vocabulary), "+chain -rule folds~1");
});

test("the edit distance counts a swap of neighbours as one edit and stops at its limit", () => {
  assert.equal(distance("niave", "naive", 2), 1);
  assert.equal(distance("kitten", "sitting", 3), 3);
  assert.equal(distance("kitten", "sitting", 1), 2); // limit + 1 once it is exceeded
  assert.equal(distance("a", "abcd", 2), 3);
});
