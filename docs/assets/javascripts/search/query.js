// What a reader typed, made into a query Material's search can answer (loaded by worker.js,
// inside the search worker; pure, with Node tests in tests/js/search-query.test.mjs).
//
// Material adds `*` to every query word, and lunr never filters a word with `*` through its
// stop-word list: "roi of a model" looks for every word starting with "a" and "of", and the
// pages with the most such words win. Material has no typo tolerance either, so
// "backpropogation" or "crossvalidation" finds nothing. `rewrite` therefore:
// - keeps every word the index knows, and asks for a whole word as itself as well;
// - drops stop words, unless the query has nothing else;
// - replaces a word the index does not know by its stem, the most common known word one
//   edit away, the two words it runs together, or a known word two edits away (long words);
// - passes quoted phrases and words with search syntax (+ - ~ ^ : *) through untouched.
(function (root) {
  "use strict";

  // lunr's English stop words: the index holds none of them (Material's stopWordFilter).
  var STOP_WORDS = new Set((
    "a able about across after all almost also am among an and any are as at be because " +
    "been but by can cannot could dear did do does either else ever every for from get got " +
    "had has have he her hers him his how however i if in into is it its just least let " +
    "like likely may me might most must my neither no nor not of off often on only or other " +
    "our own rather said say says she should since so some than that the their them then " +
    "there these they this tis to too twas us wants was we were what when where which while " +
    "who whom why will with would yet you your").split(" "));
  var SEPARATOR = /[\s\-]+/; // Material's default; the site's comes with the index
  var SYNTAX = /["+~^:*]/;
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var TAGS = /<[^>]*>/g;

  function clean(word) {
    return word.toLowerCase().replace(EDGES, "");
  }

  // The words of the index, each with the number of entries it occurs in, sorted (for
  // prefix look-ups: Material matches a query word as the start of an indexed word).
  // Pairs of words that stand next to each other in a title, an alias or a preview (not in
  // `words`, which is a bag of words) tell a run-together compound ("crossvalidation") from
  // two unrelated words that happen to spell it.
  var ORDERED_FIELDS = new Set(["title", "aliases", "text"]);

  function Vocabulary(docs, separator) {
    var counts = new Map(), pairs = new Set();
    this.separator = separator ? new RegExp(separator) : SEPARATOR;
    docs.forEach(function (doc) {
      var seen = new Set();
      Object.keys(doc).forEach(function (field) {
        if (field === "location" || field === "boost") return;
        var value = doc[field];
        var text = Array.isArray(value) ? value.join(" ") : String(value);
        var previous = null;
        text.replace(TAGS, " ").split(this.separator).forEach(function (raw) {
          var word = clean(raw);
          if (!word) return;
          if (!seen.has(word)) {
            seen.add(word);
            counts.set(word, (counts.get(word) || 0) + 1);
          }
          if (previous && ORDERED_FIELDS.has(field)) pairs.add(previous + " " + word);
          previous = word;
        });
      }, this);
    }, this);
    this.counts = counts;
    this.pairs = pairs;
    this.sorted = Array.from(counts.keys()).sort();
  }

  Vocabulary.prototype.has = function (word) { return this.counts.has(word); };

  // Whether some indexed word starts with `prefix` (what Material's `prefix*` finds).
  Vocabulary.prototype.finds = function (prefix) {
    var lo = 0, hi = this.sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo < this.sorted.length && this.sorted[lo].startsWith(prefix);
  };

  // Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one
  // substring), or limit + 1 once it is certain to exceed `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = [], row;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          value = Math.min(value, prev2[j - 2] + 1);
        row.push(value);
        if (value < best) best = value;
      }
      if (best > limit) return limit + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  function allowedEdits(word) {
    return word.length < 5 ? 0 : word.length < 9 ? 1 : 2;
  }

  // The most common known word within `limit` edits of `word`, or null.
  function nearest(word, vocabulary, limit) {
    var best = null, bestDistance = limit + 1, bestCount = 0;
    vocabulary.sorted.forEach(function (known) {
      var d = distance(word, known, Math.min(limit, bestDistance));
      var count = vocabulary.counts.get(known);
      if (d < bestDistance || (d === bestDistance && d <= limit && count > bestCount)) {
        best = known; bestDistance = d; bestCount = count;
      }
    });
    return bestDistance <= limit ? best : null;
  }

  // Two known words that stand side by side in the index and spell `word` together.
  function compound(word, vocabulary) {
    for (var i = word.length - 2; i >= 2; i--) {
      var left = word.slice(0, i), right = word.slice(i);
      if (vocabulary.pairs.has(left + " " + right)) return left + " " + right;
    }
    return null;
  }

  // The known word (or two) to search for instead of the unknown `word`, or null: the word
  // without a plural or -ed/-ing ending ("quantized" finds "quantization"), then one edit, then a compound, then two edits (long words only).
  function correction(word, vocabulary) {
    var bases = /ies$/.test(word) ? [word.slice(0, -3) + "y"]
      : /(s|x|z|ch|sh)es$/.test(word) ? [word.slice(0, -2), word.slice(0, -1)]
      : /[^s]s$/.test(word) ? [word.slice(0, -1)]
      : /(ed|ing)$/.test(word) ? [word.replace(/(ed|ing)$/, "")] : [];
    for (var s = 0; s < bases.length; s++)
      if (bases[s].length > 3 && vocabulary.finds(bases[s])) return bases[s];
    var limit = allowedEdits(word);
    return (limit && nearest(word, vocabulary, 1)) || compound(word, vocabulary) ||
      (limit > 1 && nearest(word, vocabulary, 2)) || null;
  }

  function rewrite(query, vocabulary) {
    var parts = query.trim().split(/\s+/).filter(Boolean);
    if (!parts.length || /"/.test(query)) return query;
    var words = [];
    parts.forEach(function (part) {
      if (SYNTAX.test(part) || /^-/.test(part)) { words.push({ raw: part }); return; }
      part.split(vocabulary.separator).forEach(function (piece) {
        var word = clean(piece);
        if (word) words.push({ word: word });
      });
    });
    var content = words.filter(function (w) { return w.raw || !STOP_WORDS.has(w.word); });
    if (!content.length) return query;
    function asked(word) {
      return vocabulary.has(word) ? word + "^1 " + word : word;
    }
    return content.map(function (w) {
      if (w.raw) return w.raw;
      // A whole word of the index is also asked for as itself ("rag^1": `^1` keeps Material
      // from adding `*`), so that the pages holding that very word rank above pages that
      // merely hold several longer words starting with it ("rag" and "ragas").
      if (vocabulary.finds(w.word)) return asked(w.word);
      var fixed = correction(w.word, vocabulary);
      return fixed ? fixed.split(" ").map(asked).join(" ") : w.word;
    }).join(" ");
  }

  root.guideSearch = { Vocabulary: Vocabulary, rewrite: rewrite, distance: distance,
                       STOP_WORDS: STOP_WORDS };
})(typeof self !== "undefined" ? self : globalThis);
