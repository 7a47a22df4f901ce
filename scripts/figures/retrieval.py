"""Figures of the retrieval-augmented generation answers (topic `rag`)."""

from __future__ import annotations

from matplotlib.figure import Figure

from scripts.figures.diagram import Arrow, Box, Diagram, Group, draw
from scripts.figures.style import Facts, Spec

# Three columns, and a snake: the offline rows run left to right into the index, the
# online rows run left to right into retrieval and then back right to left to the answer.
_X = (0.0, 2.0, 4.0)
_W = 1.7
RAG_PIPELINE = Diagram(
    boxes=(
        Box("docs", "Documents", _X[0], 0.0, w=_W, kind="actor"),
        Box("chunk", "Split into\nchunks", _X[1], 0.0, w=_W),
        Box("embed", "Embed each\nchunk", _X[2], 0.0, w=_W, kind="model"),
        Box("index", "Vector index\n(+ chunk text)", _X[2], 1.1, w=_W, kind="store"),
        Box("question", "Question", _X[0], 2.7, w=_W, kind="actor"),
        Box("qembed", "Embed the\nquestion", _X[1], 2.7, w=_W, kind="model"),
        Box("retrieve", "Retrieve\ntop-k chunks", _X[2], 2.7, w=_W),
        Box("rerank", "Re-rank,\nkeep the best", _X[2], 3.8, w=_W, kind="model"),
        Box("llm", "LLM reads\nquestion + chunks", _X[1], 3.8, w=_W, kind="accent"),
        Box("answer", "Answer that\ncites chunks", _X[0], 3.8, w=_W, kind="actor"),
    ),
    arrows=(
        Arrow("docs", "chunk"),
        Arrow("chunk", "embed"),
        Arrow("embed", "index"),
        Arrow("question", "qembed"),
        Arrow("qembed", "retrieve"),
        Arrow("index", "retrieve", "search"),
        Arrow("retrieve", "rerank"),
        Arrow("rerank", "llm"),
        Arrow("llm", "answer"),
    ),
    groups=(
        Group("Offline: build the index", ("docs", "chunk", "embed", "index")),
        Group("Online: every question", ("question", "qembed", "retrieve", "rerank", "llm",
                                         "answer")),
    ),
)


def rag_pipeline() -> tuple[Figure, Facts]:
    """The two halves of a RAG system: indexing ahead of time, and answering a question."""
    fig, facts = draw(RAG_PIPELINE)
    # The alt text walks through exactly these steps, in this order.
    assert facts["n_boxes"] == 10 and facts["n_arrows"] == 9, facts
    offline = {"docs", "chunk", "embed", "index"}
    assert all((a.src in offline) == (a.dst in offline) or (a.src, a.dst) == ("index", "retrieve")
               for a in RAG_PIPELINE.arrows)
    return fig, facts


FIGURES: dict[str, Spec] = {
    "rag-pipeline": Spec(
        rag_pipeline,
        alt=(
            "A flow diagram of {n_boxes} boxes in two shaded groups. Offline, to build the "
            "index: documents are split into chunks, each chunk is embedded, and the vectors "
            "go into a vector index that also stores each chunk's text. Online, for every "
            "question: the question is embedded, the index is searched for the top-k "
            "nearest chunks, a re-ranker keeps the best few, and the LLM reads the question "
            "together with those chunks and writes an answer that cites them."
        ),
        caption=(
            "Only the online half runs per question; the index is built ahead of time, so "
            "new documents need re-indexing, not retraining."
        ),
        questions=("retrieval-augmented-generation",),
    ),
}
