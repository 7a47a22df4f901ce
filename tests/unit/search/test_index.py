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
    entry = docs[page]
    found = search_index.TokenSet(" ".join(entry.get(k, "") for k in
                                           ("title", "aliases", "text", "words")))
    before = " ".join(d["title"] + " " + d["text"] for d in index["docs"][:2])
    for word in search_index.tokens(before):
        assert found.finds(word), word
    for word in ("lasso", "alpha", "ridge", "shrink", "model"):
        assert found.finds(word), word
    # The preview alone is what a result shows; every other word is stored once, and
    # "model" only inside "models".
    assert entry["text"] == "Lasso sets weights to zero."
    words = entry["words"].split()
    assert len(words) == len(set(words))
    assert "model" not in words and "models" in words


def test_aliases_and_both_spellings_are_in_their_own_field() -> None:
    page = "questions/l1-vs-l2/"
    index = {"docs": [_entry(page, "What is regularization?", "<p>Penalties optimise.</p>")]}
    card = search_index.Card(preview="Penalties on weights.", aliases=("lasso", "ridge"))
    entry = search_index.compact(index, {page: card})["docs"][0]
    aliases = entry["aliases"].split()
    assert {"lasso", "ridge", "regularisation"} <= set(aliases)  # the title's other spelling
    assert "regularization" not in aliases  # already in the title
    assert "optimize" in entry["words"].split()  # the other spelling of a body word
    assert entry["text"] == "Penalties on weights."


def test_the_index_splits_words_where_material_s_search_does() -> None:
    import yaml

    from scripts.paths import ROOT

    class Loader(yaml.SafeLoader):  # mkdocs.yml's !!python tags are not needed here
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert search["separator"] == search_index.SEPARATOR
    assert search_index.tokens("L1 and L2 regularization? (RAG)") == \
        ["l1", "l2", "regularization", "rag"]
