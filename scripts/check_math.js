// Parses every TeX expression given on stdin (a JSON list of {tex, display, where}) with
// the site's own KaTeX in strict mode, and prints the ones KaTeX rejects as JSON.
"use strict";
const katex = require("katex");

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const failures = [];
  for (const item of JSON.parse(input)) {
    try {
      katex.renderToString(item.tex, {
        displayMode: item.display, throwOnError: true, strict: "error"
      });
    } catch (error) {
      failures.push({ where: item.where, tex: item.tex, error: String(error.message) });
    }
  }
  process.stdout.write(JSON.stringify(failures));
});
