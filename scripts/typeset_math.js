// Typesets TeX for the build: one Node process per build, started by the math hook, reads one
// JSON line per request on stdin, a list of {tex, display}, and answers each with one JSON line,
// a list of {html} or {error} in the same order. Strict: a formula that does not parse is an
// error, never a red fallback on the page.
// The output is MathML from Temml, which browsers render natively; `annotate` keeps each
// formula's TeX in an <annotation> (copy and paste, the practice export's consumers).
//   node scripts/typeset_math.js
"use strict";
const readline = require("node:readline");
const temml = require("temml");

function typeset(tex, display) {
  return temml.renderToString(tex, {
    displayMode: display, throwOnError: true, strict: true, annotate: true,
  });
}

// Temml reports some strict-mode problems with console.log instead of throwing: they are
// errors too, and stdout carries nothing but answers.
let warnings = [];
console.log = console.warn = (...args) => { warnings.push(args.join(" ")); };

function answer(item) {
  warnings = [];
  try {
    const html = typeset(String(item.tex), Boolean(item.display));
    if (warnings.length) return { error: warnings.join("; ") };
    return { html };
  } catch (error) {
    return { error: String(error && error.message ? error.message : error).trim() };
  }
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  if (!line.trim()) return;
  let items;
  try {
    items = JSON.parse(line);
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: `not JSON: ${error.message}` }) + "\n");
    return;
  }
  process.stdout.write(JSON.stringify(items.map(answer)) + "\n");
});
