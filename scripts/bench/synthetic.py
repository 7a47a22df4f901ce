"""A synthetic question bank of any size, shaped like the real one, for the benchmarks.

Each synthetic question copies the shape of a question drawn from a source bank (the real
data file when it exists, else the test fixture): the same fields, the same number of
paragraphs, headings, lists, tables, code blocks, formulas, mistakes, follow-ups and
references, with every prose word replaced by a word drawn from the source's own vocabulary
at its own frequency. Code, formulas, links and acronyms are kept as they are, so pages hold
the same amount of highlighted code and KaTeX as real ones. Output is deterministic: the same
source, seed and size give the same bytes.

No MkDocs here. `python -m scripts.bench.synthetic N OUT_DIR [--source PATH] [--seed S]`
writes the bank as a folder: the source's vocabulary in vocabulary.yml, and the questions in
files of at most FILE_QUESTIONS each (a data file holds at most 8 MiB).
"""

from __future__ import annotations

import argparse
import bisect
import collections
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.checks.answer_standard import (
    MIN_FOLLOW_UPS,
    MIN_MISTAKES,
    MIN_TECHNICAL_REFERENCES,
)
from scripts.paths import ROOT

SEED = 20261125
REAL_DATA = ROOT / "data" / "questions.yml"
FIXTURE = ROOT / "tests" / "fixtures" / "valid.yml"
REVIEWED = dt.date(2026, 11, 25)
# Share of words drawn from the template question's own vocabulary. Calibrated so that a
# synthetic page has about as many distinct words as a real one (what the search index holds).
LOCAL_SHARE = 0.8

# Kept verbatim: fenced code, display and inline math, inline code, link targets,
# attribute lists, HTML tags and entities, bare URLs.
_PROTECTED = re.compile(
    r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[`~]*[ \t]*$"
    r"|^#{1,6} [^\n]*$"  # headings name the layers a rule looks for
    r"|\b[A-Z]{2,}\b"  # acronyms (STAR, ROC) are what a reader searches for
    r"|\$\$.+?\$\$"
    r"|(?<![\\$])\$[^$\n]+?\$"
    r"|`+[^`\n]*`+"
    r"|\]\([^)\n]*\)"
    r"|\{[^}\n]*\}"
    r"|<[^>\n]+>"
    r"|&#?\w+;"
    r"|https://\S+",
    re.M | re.S,
)
# A prose word: two or more letters standing alone (so "L1", "e.g." and "x_i" survive).
_WORD = re.compile(r"(?<![\w\\])[A-Za-z]{2,}(?:'[a-z]+)?(?!\w)")


def default_source() -> Path:
    return REAL_DATA if REAL_DATA.exists() else FIXTURE


def _prose_segments(text: str) -> Iterable[tuple[bool, str]]:
    """(is_prose, segment) pieces of a Markdown string."""
    pos = 0
    for match in _PROTECTED.finditer(text):
        if match.start() > pos:
            yield True, text[pos:match.start()]
        yield False, match.group(0)
        pos = match.end()
    if pos < len(text):
        yield True, text[pos:]


@dataclass
class Vocabulary:
    """The source's prose words with their frequencies, for sampling."""

    words: list[str]
    cumulative: list[int]

    @classmethod
    def of(cls, texts: Iterable[str]) -> Vocabulary:
        counts: collections.Counter[str] = collections.Counter()
        for text in texts:
            for is_prose, segment in _prose_segments(text):
                if is_prose:
                    counts.update(w.lower() for w in _WORD.findall(segment) if not w.isupper())
        words = sorted(counts)  # sorted: independent of dict order, so deterministic
        cumulative, total = [], 0
        for word in words:
            total += counts[word]
            cumulative.append(total)
        return cls(words or ["answer"], cumulative or [1])

    def sample(self, rng: random.Random) -> str:
        return self.words[bisect.bisect_right(self.cumulative, rng.random() * self.cumulative[-1])]


def reword(
    text: str, rng: random.Random, vocab: Vocabulary, local: Vocabulary | None = None
) -> str:
    """The same Markdown with each prose word replaced by a sampled one: mostly from the
    template question's own words (`local`), so that a page repeats its own vocabulary as a
    real answer does, otherwise from the whole bank's."""

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.isupper():  # acronyms (ROC, SVM) recur across a real bank: keep them
            return word
        source = local if local is not None and rng.random() < LOCAL_SHARE else vocab
        new = source.sample(rng)
        return new.capitalize() if word[0].isupper() else new

    return "".join(
        _WORD.sub(replace, segment) if is_prose else segment
        for is_prose, segment in _prose_segments(text)
    )


def _slug(text: str, words: int = 4) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(parts[:words]) or "question"


def _complete(raw: dict[str, Any], sections: dict[str, str]) -> bool:
    """Whether a source question has every layer the answer standard asks for."""
    if sections.get(str(raw.get("topic"))) != raw.get("section"):
        return False
    if not (raw.get("short_answer") and raw.get("answer") and raw.get("tips")):
        return False
    if len(raw.get("mistakes") or []) < MIN_MISTAKES:
        return False
    if len(raw.get("follow_ups") or []) < MIN_FOLLOW_UPS:
        return False
    refs = raw.get("references") or []
    return raw["section"] != "technical" or MIN_TECHNICAL_REFERENCES <= len(refs) <= 4


def load_vocabulary(path: Path) -> dict[str, Any]:
    """The areas, topics and sources of the source bank."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {key: data.get(key, []) for key in ("areas", "topics", "sources")}


def load_source(path: Path) -> list[dict[str, Any]]:
    """The source bank's questions as plain dicts. Only their shape is used, so the source
    need not pass every check (a draft works), but at least one question must be complete."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data.get("questions", []) if isinstance(data, dict) else data
    vocabulary = load_vocabulary(path)
    area_section = {a["id"]: a["section"] for a in vocabulary["areas"]}
    sections = {t["id"]: area_section.get(t["area"]) for t in vocabulary["topics"]}
    templates = [q for q in items or [] if isinstance(q, dict) and _complete(q, sections)
                 and q.get("status", "published") == "published"
                 and (q.get("reviewed") or q.get("section") == "general")]
    if not templates:
        raise ValueError(f"{path}: no complete question to copy the shape of")
    return templates


def _texts(raw: dict[str, Any]) -> Iterable[str]:
    yield raw["title"]
    yield raw["short_answer"]
    yield raw["answer"]
    yield raw["tips"]
    for m in raw["mistakes"]:
        yield m["mistake"]
        yield m["why"]
    for f in raw["follow_ups"]:
        yield f["question"]
        yield f["answer"]


def generate(n: int, source: Path | None = None, seed: int = SEED) -> list[dict[str, Any]]:
    """`n` synthetic questions as plain dicts, in the shape of the data file."""
    templates = load_source(source or default_source())
    vocab = Vocabulary.of(t for raw in templates for t in _texts(raw))
    locals_ = [Vocabulary.of(_texts(raw)) for raw in templates]
    questions: list[dict[str, Any]] = []
    titles: set[str] = set()
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        pick = rng.randrange(len(templates))
        t = templates[pick]

        def rw(text: str, local: Vocabulary = locals_[pick], rng: random.Random = rng) -> str:
            return reword(text, rng, vocab, local)

        title = rw(t["title"])
        while re.sub(r"[^a-z0-9]+", " ", title.casefold()).strip() in titles:
            title = reword(t["title"], rng, vocab)
        titles.add(re.sub(r"[^a-z0-9]+", " ", title.casefold()).strip())
        q: dict[str, Any] = {
            "id": f"{_slug(title)}-{i}",
            "title": title,
            "section": t["section"],
            "topic": t["topic"],
            "difficulty": t.get("difficulty", "medium"),
            "tags": list(t.get("tags") or [])[:8],
            "kind": t.get("kind"),
            "source": t.get("source", "community"),
            "short_answer": rw(t["short_answer"]),
            "answer": rw(t["answer"]),
            "tips": rw(t["tips"]),
            "mistakes": [
                {"mistake": rw(m["mistake"]), "why": rw(m["why"])}
                for m in t["mistakes"]
            ],
            "follow_ups": [
                {"question": rw(f["question"]),
                 "answer": rw(f["answer"])}
                for f in t["follow_ups"]
            ],
            "references": [
                {k: (rw(v) if k == "title" else v)
                 for k, v in r.items() if k in {"title", "url", "locator"}}
                for r in (t.get("references") or [])[:4]
            ],
        }
        # Related questions point backwards (the first one forwards), so every id exists.
        want = max(1, min(3, len(t.get("related") or [])))
        if i == 0:
            q["related_index"] = [1] if n > 1 else []
        else:
            pool = range(max(0, i - 100), i)
            q["related_index"] = sorted(rng.sample(pool, min(want, len(pool))))
        if t["section"] == "technical" or t.get("reviewed"):
            q["reviewed"] = t.get("reviewed") or REVIEWED
        questions.append(q)
    for q in questions:
        q["related"] = [questions[j]["id"] for j in q.pop("related_index")]
    return questions


def _scalar(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)  # JSON strings are YAML strings


def _block(text: str, indent: str) -> str:
    text = str(text).strip()
    if "\n" not in text:
        return _scalar(text)
    lines = [(indent + line) if line.strip() else "" for line in text.splitlines()]
    return "|-\n" + "\n".join(lines)


def to_yaml(questions: list[dict[str, Any]]) -> str:
    """The data file's text: literal blocks for Markdown, JSON-quoted one-line strings."""
    out = ["# Synthetic bank generated by scripts/bench/synthetic.py for the benchmarks.\n",
           "questions:\n"]
    for q in questions:
        lines = [f"  - id: {q['id']}"]
        for key in ("title", "section", "topic", "difficulty"):
            lines.append(f"    {key}: {_scalar(q[key])}")
        lines.append(f"    tags: [{', '.join(q['tags'])}]")
        if q.get("kind"):
            lines.append(f"    kind: {q['kind']}")
        lines.append(f"    source: {q['source']}")
        for key in ("short_answer", "answer", "tips"):
            lines.append(f"    {key}: {_block(q[key], ' ' * 6)}")
        lines.append("    mistakes:")
        for m in q["mistakes"]:
            lines.append(f"      - mistake: {_block(m['mistake'], ' ' * 10)}")
            lines.append(f"        why: {_block(m['why'], ' ' * 10)}")
        lines.append("    follow_ups:")
        for f in q["follow_ups"]:
            lines.append(f"      - question: {_block(f['question'], ' ' * 10)}")
            lines.append(f"        answer: {_block(f['answer'], ' ' * 10)}")
        if q["references"]:
            lines.append("    references:")
            for r in q["references"]:
                lines.append(f"      - title: {_scalar(r['title'])}")
                if r.get("locator"):
                    lines.append(f"        locator: {_scalar(r['locator'])}")
                lines.append(f"        url: {_scalar(r['url'])}")
        if q["related"]:
            lines.append(f"    related: [{', '.join(q['related'])}]")
        if q.get("reviewed"):
            lines.append(f"    reviewed: {_scalar(q['reviewed'])}")
        out.append("\n".join(lines) + "\n")
    return "".join(out)


FILE_QUESTIONS = 400


def write_bank(n: int, path: Path, source: Path | None = None, seed: int = SEED) -> Path:
    """The bank as a folder `path`: vocabulary.yml, then questions-NNN.yml files."""
    import shutil

    source = source or default_source()
    if path.exists():
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    path.mkdir(parents=True)
    vocabulary = load_vocabulary(source)
    (path / "vocabulary.yml").write_text(
        yaml.safe_dump(vocabulary, sort_keys=False, allow_unicode=True), encoding="utf-8")
    questions = generate(n, source, seed)
    for start in range(0, n, FILE_QUESTIONS):
        (path / f"questions-{start // FILE_QUESTIONS:03d}.yml").write_text(
            to_yaml(questions[start:start + FILE_QUESTIONS]), encoding="utf-8")
    return path


def bank_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.glob("*.yml"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    write_bank(args.n, args.out, args.source, args.seed)
    print(f"{args.out}: {args.n} synthetic questions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
