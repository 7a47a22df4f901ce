"""The benchmark's inputs are right: the synthetic bank validates and is deterministic, the
plain Material site holds exactly our pages, and the compacted search index still finds every
word. No timing here: `make bench` measures, tests only check."""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts import bench, loader, search_index, synthetic
from tests.conftest import FIXTURES

SOURCE = FIXTURES / "valid.yml"


def test_synthetic_bank_validates_and_is_deterministic(tmp_path: Path) -> None:
    bank = synthetic.write_bank(12, tmp_path / "bank.yml", SOURCE)
    questions, problems = loader.check(bank)
    assert problems == []
    assert len(questions) == 12
    assert len({q.id for q in questions}) == 12
    again = synthetic.write_bank(12, tmp_path / "again.yml", SOURCE)
    assert again.read_text(encoding="utf-8") == bank.read_text(encoding="utf-8")


def test_synthetic_questions_keep_the_shape_of_their_template() -> None:
    template = {q["id"]: q for q in synthetic.load_source(SOURCE)}["type-1-vs-type-2-error"]
    for q in synthetic.generate(20, SOURCE):
        if q["topic"] != template["topic"]:
            continue
        # Code and formulas are kept; the prose around them is new.
        assert "```python" in q["answer"] and "$$" in q["answer"]
        assert q["answer"] != template["answer"]
        assert len(q["follow_ups"]) == len(template["follow_ups"])
        assert len(q["references"]) == len(template["references"])
        break
    else:
        raise AssertionError("no synthetic question copied the technical template")


def test_plain_site_holds_exactly_our_pages(tmp_path: Path) -> None:
    bank = synthetic.write_bank(8, tmp_path / "bank.yml", SOURCE)
    config = bench.write_plain_site(bank, tmp_path / "plain")
    ours = bench.pipeline_pages(bank)
    assert bench.plain_pages(config) == ours
    assert {f"questions/{q.id}.md" for q in loader.load(bank)} <= ours
    plain = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert "hooks" not in plain and "nav" not in plain  # default navigation: every page
    assert plain["plugins"] == ["search", "tags"]
    # Hand-written pages arrive with their macros already evaluated.
    home = (config.parent / "docs" / "index.md").read_text(encoding="utf-8")
    assert "{{" not in home and "8 questions" in home


def _entry(location: str, title: str, text: str, **extra: object) -> dict[str, object]:
    return {"location": location, "title": title, "text": text, **extra}


def test_compact_index_finds_every_word_it_found_before() -> None:
    page = "questions/l1-vs-l2/"
    index = {"config": {"lang": ["en"]}, "docs": [
        _entry(page, "L1 or L2?", "<p>Lasso sets weights to zero; ridge shrinks them.</p>",
               tags=["regularization"]),
        _entry(page + "#code", "Code", "<pre><code>model = Lasso(alpha=0.1).fit(X, y)"
                                       "</code></pre><p>The models differ.</p>"),
        _entry("topics/generalization/", "Generalization", "Overfitting. L1 or L2? Easy"),
        _entry("tags/#tag:regularization", "regularization", "L1 or L2?"),
        _entry("about/", "About", "Kept as it is."),
    ]}
    out = search_index.compact(
        index, {page: "Lasso sets weights to zero."}, {"topics/generalization/": "Overfitting."}
    )
    docs = {d["location"]: d for d in out["docs"]}
    assert set(docs) == {page, "topics/generalization/", "tags/#tag:regularization", "about/"}
    assert docs[page]["tags"] == ["regularization"]
    assert docs[page]["text"].startswith("Lasso sets weights to zero.")
    assert docs["topics/generalization/"]["text"] == "Overfitting."
    assert docs["tags/#tag:regularization"]["text"] == ""
    assert docs["about/"] == index["docs"][4]
    found = search_index.TokenSet(docs[page]["title"] + " " + docs[page]["text"])
    before = " ".join(d["title"] + " " + d["text"] for d in index["docs"][:2])
    for word in search_index.tokens(before):
        assert found.finds(word), word
    for word in ("lasso", "alpha", "ridge", "shrink", "model"):
        assert found.finds(word), word
    # Each word once; "model" is kept only inside "models".
    words = docs[page]["text"].split()
    assert len(words) == len(set(words))
    assert "model" not in words and "models" in words
