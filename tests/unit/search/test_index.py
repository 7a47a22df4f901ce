"""The compacted search index finds every word Material's index found."""

from __future__ import annotations

from scripts.search import index as search_index


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
