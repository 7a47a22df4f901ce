// The calendar file of a study plan (docs/assets/javascripts/guide/ics.js), against RFC 5545:
// CRLF line ends, lines folded at 75 octets without splitting a character, escaped text,
// all-day events with DTSTART;VALUE=DATE, a UID and a DTSTAMP on every event.
import assert from "node:assert/strict";
import { test } from "node:test";
import { load } from "./load.mjs";

const { guide } = load(["store", "srs", "plan", "ics"]);
const ics = guide.ics;
const now = new Date(2026, 11, 1, 9, 0).getTime();
const bytes = (text) => Buffer.byteLength(text, "utf8");

// The content lines of a file: unfolded, as a reader of RFC 5545 reads them.
function unfold(text) {
  return text.replace(/\r\n[ \t]/g, "").split("\r\n").slice(0, -1);
}

// {name, params, value} of a content line.
function parse(line) {
  const colon = line.indexOf(":");
  const [name, ...params] = line.slice(0, colon).split(";");
  return { name, params, value: line.slice(colon + 1) };
}

function unescape(value) {
  return value.replace(/\\([\\;,nN])/g, (_, c) => (c === "n" || c === "N" ? "\n" : c));
}

function samplePlan() {
  const track = { id: "ml-engineer", stages: [
    { id: "core", questions: ["a-1", "a-2", "a-3"] },
    { id: "strong", questions: ["b-1"] },
    { id: "stand-out", questions: ["c-1"] },
  ] };
  const minutes = { "a-1": 12, "a-2": 9, "a-3": 15, "b-1": 10, "c-1": 11 };
  return guide.plan.compute({ cards: {}, track, minutes, perDay: 25, now,
    date: guide.plan.dateOf(guide.plan.dayNumber(now) + 21) });
}

const TITLES = {
  "a-1": "Explain the bias–variance trade-off; why is it important, and how, in practice, do you see it?",
  "a-2": "What is a p-value? (Answer in one sentence, then \\ go deeper.)",
  "a-3": "Résumé-worthy: naïve Bayes — “naive”, and why it works 🙂",
  "b-1": "Short", "c-1": "Also short",
};
const info = {
  trackTitle: "ML engineer", trackUrl: "https://example.org/guide/tracks/ml-engineer/",
  host: "example.org", titleOf: (id) => TITLES[id],
  urlOf: (id) => `https://example.org/guide/questions/${id}/`,
};

test("every line ends with CRLF and no physical line is longer than 75 octets", () => {
  const text = ics.fromPlan(samplePlan(), info, now);
  assert.ok(text.endsWith("\r\n"));
  assert.equal(text.replace(/\r\n/g, "").includes("\n"), false, "a bare LF");
  assert.equal(text.replace(/\r\n/g, "").includes("\r"), false, "a bare CR");
  const lines = text.split("\r\n").slice(0, -1);
  for (const line of lines) assert.ok(bytes(line) <= 75, `${bytes(line)} octets: ${line}`);
  assert.ok(lines.some((line) => line.startsWith(" ")), "long lines are folded");
});

test("folding never splits a character, and unfolding gives the line back", () => {
  for (const line of ["DESCRIPTION:" + "é".repeat(80), "SUMMARY:" + "🙂".repeat(40),
    "X:" + "a".repeat(73), "X:" + "a".repeat(74), "DESCRIPTION:" + "ab€".repeat(60)]) {
    const folded = ics.fold(line);
    for (const part of folded.split("\r\n")) {
      assert.ok(bytes(part) <= 75);
      assert.equal(part.includes("\ufffd"), false);
    }
    assert.equal(folded.replace(/\r\n /g, ""), line);
  }
  assert.equal(ics.fold("X:" + "a".repeat(73)), "X:" + "a".repeat(73)); // exactly 75
});

test("a calendar with one all-day event for each day that has work", () => {
  const plan = samplePlan();
  const lines = unfold(ics.fromPlan(plan, info, now)).map(parse);
  assert.deepEqual([lines[0].name, lines[0].value], ["BEGIN", "VCALENDAR"]);
  assert.deepEqual(lines.at(-1).value, "VCALENDAR");
  assert.ok(lines.some((l) => l.name === "VERSION" && l.value === "2.0"));
  assert.ok(lines.some((l) => l.name === "PRODID"));
  const busy = plan.days.filter((d) => d.start.length || d.review.length);
  const events = [];
  let current = null;
  for (const line of lines) {
    if (line.name === "BEGIN" && line.value === "VEVENT") current = {};
    else if (line.name === "END" && line.value === "VEVENT") { events.push(current); current = null; }
    else if (current) current[line.name] = line;
  }
  assert.equal(events.length, busy.length);
  events.forEach((event, i) => {
    const date = busy[i].date.replace(/-/g, "");
    assert.deepEqual(event.DTSTART.params, ["VALUE=DATE"]);
    assert.equal(event.DTSTART.value, date);
    assert.deepEqual(event.DTEND.params, ["VALUE=DATE"]);
    assert.ok(event.DTEND.value > date);
    assert.match(event.DTSTAMP.value, /^\d{8}T\d{6}Z$/);
    assert.equal(event.DTSTAMP.value, new Date(now).toISOString().replace(/[-:]/g, "").slice(0, 15) + "Z");
    assert.equal(event.UID.value, `study-plan-ml-engineer-${date}@example.org`);
    assert.match(event.SUMMARY.value, /^ML engineer: /);
    assert.equal(event.URL.value, info.trackUrl);
  });
  assert.equal(new Set(events.map((e) => e.UID.value)).size, events.length);
  // The first day's event names its questions, escaped as TEXT and read back whole.
  const description = unescape(events[0].DESCRIPTION.value);
  for (const id of busy[0].start) assert.ok(description.includes(TITLES[id]), id);
  assert.ok(description.includes("\n- "));
  assert.match(events[0].DESCRIPTION.value, /\\,/);
  assert.match(events[0].DESCRIPTION.value, /\\;/);
});

test("text values escape backslash, semicolon, comma and newlines", () => {
  assert.equal(ics.text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
});

test("the same plan downloaded twice keeps its UIDs", () => {
  const plan = samplePlan();
  const uids = (text) => unfold(text).filter((l) => l.startsWith("UID:"));
  assert.deepEqual(uids(ics.fromPlan(plan, info, now)), uids(ics.fromPlan(plan, info, now + 5000)));
});
