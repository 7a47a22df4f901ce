"""Diagrams of the ML system-design answers: each one is a declared structure of boxes and
arrows (diagram.py), with the back-of-the-envelope numbers the answer uses declared beside
it, so that the alt text and the picture state the same figures."""

from __future__ import annotations

from itertools import pairwise

from matplotlib.figure import Figure

from scripts.figures.diagram import Arrow, Box, Diagram, Group, draw
from scripts.figures.style import Facts, Spec

W = 1.65  # the width of a standard box, in grid units (inches)


def _funnel(counts: list[int]) -> None:
    """A retrieval-and-ranking funnel must narrow at every stage."""
    assert all(a > b for a, b in pairwise(counts)), counts


def design_framework() -> tuple[Figure, Facts]:
    """The steps of a design answer, as a loop: monitoring feeds new data back."""
    steps = ["Requirements", "Metrics", "Data and\nlabels", "Features", "Model",
             "Serving", "Evaluation\n(offline, online)", "Monitoring"]
    top = [Box(f"s{i}", label, 1.65 * i, 0, w=1.45) for i, label in enumerate(steps[:5])]
    bottom = [Box(f"s{5 + i}", label, 1.65 * (4 - i), 1.5, w=1.45,
                  kind="accent" if i == 2 else "box")
              for i, label in enumerate(steps[5:])]
    trade = Box("trade", "Trade-offs and numbers\nat every step: QPS,\nlatency, storage, cost",
                0.82, 1.5, w=3.1, h=0.85, kind="actor")
    arrows = [Arrow(f"s{i}", f"s{i + 1}") for i in range(7)]
    arrows.append(Arrow("s7", "s2", "drift, new labels", dashed=True))
    fig, facts = draw(Diagram(boxes=(*top, *bottom, trade), arrows=tuple(arrows), font_size=10))
    assert facts["n_boxes"] == 9 and facts["n_arrows"] == 8
    facts["steps"] = ", ".join(s.replace("\n", " ") for s in steps)
    return fig, facts


VIDEO_COUNTS = {"corpus": 100_000_000, "retrieved": 1_000, "ranked": 200, "shown": 20}


def video_recommender() -> tuple[Figure, Facts]:
    """Candidate generation from an ANN index of item-tower embeddings, then ranking."""
    c = VIDEO_COUNTS
    _funnel(list(c.values()))
    boxes = (
        Box("req", "Home-page\nrequest", 0, 0, w=1.45, kind="actor"),
        Box("user", "User tower:\nhistory,\ncontext", 1.65, 0, w=1.45, h=0.85, kind="model"),
        Box("ann", f"ANN search +\nother sources\n{c['corpus'] // 1_000_000}M → {c['retrieved']:,}",
            3.4, 0, w=1.45, h=0.85),
        Box("rank", f"Multi-task\nranker\n{c['retrieved']:,} → {c['ranked']}", 4.95, 0, w=1.45,
            h=0.85, kind="model"),
        Box("rerank", f"Re-rank: diversity,\nfreshness, policy\n{c['ranked']} → {c['shown']}",
            6.6, 0, w=1.45, h=0.85, kind="accent"),
        Box("logs", "Impression\nand watch logs", 6.6, 1.5, w=1.45, kind="store"),
        Box("train", "Train towers:\nin-batch softmax,\nlog-Q correction", 4.95, 1.5, w=1.45,
            h=0.85, kind="model"),
        Box("index", "Item tower →\nembedding index", 3.3, 1.5, w=1.45, kind="store"),
    )
    arrows = (
        Arrow("req", "user"), Arrow("user", "ann"), Arrow("ann", "rank"),
        Arrow("rank", "rerank"), Arrow("rerank", "logs", "shown"),
        Arrow("logs", "train", dashed=True), Arrow("train", "index", dashed=True),
        Arrow("index", "ann", "refresh", dashed=True),
    )
    fig, facts = draw(Diagram(boxes=boxes, arrows=arrows, font_size=10))
    facts.update({k: f"{v:,}" for k, v in c.items()})
    facts["corpus_m"] = c["corpus"] // 1_000_000
    return fig, facts


KEEP = 0.05  # the share of non-clicks kept for training, as in the answer's snippet


def ad_click_prediction() -> tuple[Figure, Facts]:
    """An ad request: retrieval, pCTR, calibration, auction; the log joiner closes the loop."""
    boxes = (
        Box("req", "Ad request", 0, 0, w=W, kind="actor"),
        Box("cand", "Eligible ads:\ntargeting, budget\n→ 500", 2.0, 0, w=W, h=0.85),
        Box("ctr", "pCTR model\n(features from store)", 4.0, 0, w=W, kind="model"),
        Box("cal", "Calibrate: undo\ndown-sampling", 6.0, 0, w=W, kind="accent"),
        Box("auc", "Auction: bid ×\npCTR, winner\nshown", 6.0, 1.6, w=W),
        Box("logs", "Impressions,\nclicks (joined)", 4.0, 1.6, w=W, kind="store"),
        Box("train", f"Train: keep clicks,\nkeep {KEEP:.0%} of\nnon-clicks", 2.0, 1.6, w=W, h=0.85,
            kind="model"),
    )
    arrows = (
        Arrow("req", "cand"), Arrow("cand", "ctr"), Arrow("ctr", "cal"), Arrow("cal", "auc"),
        Arrow("auc", "logs"), Arrow("logs", "train", dashed=True),
        Arrow("train", "ctr", "hourly update", dashed=True),
    )
    fig, facts = draw(Diagram(boxes=boxes, arrows=arrows))
    facts.update({"candidates": 500, "keep": f"{KEEP:.0%}"})
    return fig, facts


def fraud_detection() -> tuple[Figure, Facts]:
    """Score at payment time, act by cost, and learn from two label streams of unequal delay."""
    boxes = (
        Box("tx", "Payment", 0, 0, w=W, kind="actor"),
        Box("feat", "Online features:\nvelocity, device,\ngraph", 2.0, 0, w=W, h=0.85,
            kind="store"),
        Box("score", "Rules + model\nscore, < 50 ms", 4.0, 0, w=W, kind="model"),
        Box("act", "Act by cost:\napprove, step-up,\nreview, block", 6.0, 0, w=W, h=0.85,
            kind="accent"),
        Box("queue", "Review queue\n(fixed capacity)", 6.0, 1.7, w=W, kind="actor"),
        Box("labels", "Labels: analysts\n(days), chargebacks\n(weeks)", 4.0, 1.7, w=W, h=0.85,
            kind="store"),
        Box("train", "Retrain on\nmatured labels", 2.0, 1.7, w=W, kind="model"),
    )
    arrows = (
        Arrow("tx", "feat"), Arrow("feat", "score"), Arrow("score", "act"),
        Arrow("act", "queue", "top-k"), Arrow("queue", "labels"),
        Arrow("act", "labels", "chargebacks"),
        Arrow("labels", "train", dashed=True), Arrow("train", "score", "weekly", dashed=True),
    )
    fig, facts = draw(Diagram(boxes=boxes, arrows=arrows))
    facts["latency_ms"] = 50
    return fig, facts


def feed_ranking() -> tuple[Figure, Facts]:
    """Multi-task predictions combined by a value model; position-aware logs for debiasing."""
    boxes = (
        Box("inv", "Inventory:\nfriends, groups,\npages → 2,000", 0, 0, w=W, h=0.85),
        Box("light", "Light ranker\n2,000 → 500", 2.0, 0, w=W, kind="model"),
        Box("heavy", "Heavy multi-task\nranker: P(click),\nP(like), P(hide)", 4.0, 0, w=W,
            h=0.85, kind="model"),
        Box("value", "Value model:\nweighted sum\nof predictions", 6.0, 0, w=W, h=0.85,
            kind="accent"),
        Box("rerank", "Re-rank: diversity,\nintegrity", 6.0, 1.7, w=W),
        Box("logs", "Logs with\nposition shown", 4.0, 1.7, w=W, kind="store"),
        Box("ipw", "Train with inverse\npropensity weights", 2.0, 1.7, w=W, kind="model"),
        Box("rand", "Small randomised\nslice → propensities", 0, 1.7, w=W, kind="actor"),
    )
    arrows = (
        Arrow("inv", "light"), Arrow("light", "heavy"), Arrow("heavy", "value"),
        Arrow("value", "rerank"), Arrow("rerank", "logs"),
        Arrow("logs", "ipw", dashed=True), Arrow("rand", "ipw", dashed=True),
        Arrow("ipw", "heavy", dashed=True),
    )
    fig, facts = draw(Diagram(boxes=boxes, arrows=arrows))
    facts.update({"inventory": "2,000", "light_out": 500})
    return fig, facts


def eta_prediction() -> tuple[Figure, Facts]:
    """A routing engine gives a physical ETA; a model predicts the residual on top of it."""
    boxes = (
        Box("req", "Trip request:\norigin, destination,\ntime", 0, 0, w=W, h=0.85,
            kind="actor"),
        Box("route", "Routing engine:\nbest route, sum of\nsegment times", 2.0, 0, w=W,
            h=0.85),
        Box("model", "Residual model\n(boosted trees or\ngraph network)", 4.0, 0, w=W, h=0.85,
            kind="model"),
        Box("eta", "ETA served:\nroute ETA\n+ residual", 6.0, 0, w=W, h=0.85, kind="accent"),
        Box("live", "Live segment\nspeeds (stream,\nevery minute)", 2.0, 1.7, w=W, h=0.85,
            kind="store"),
        Box("hist", "Historical\nspeeds, weather,\nevents", 4.0, 1.7, w=W, h=0.85, kind="store"),
        Box("trips", "Completed trips:\nactual arrival\n= label", 6.0, 1.7, w=W, h=0.85,
            kind="store"),
    )
    arrows = (
        Arrow("req", "route"), Arrow("route", "model"), Arrow("model", "eta"),
        Arrow("live", "route"), Arrow("live", "model"), Arrow("hist", "model"),
        Arrow("eta", "trips", "trip ends"), Arrow("trips", "model", "retrain", dashed=True),
    )
    fig, facts = draw(Diagram(boxes=boxes, arrows=arrows))
    return fig, facts


def document_qa() -> tuple[Figure, Facts]:
    """Ingestion offline; per query: permission filter, hybrid retrieval, re-rank, generate."""
    boxes = (
        Box("docs", "Documents\n+ permissions", 0, 0, w=W, kind="actor"),
        Box("chunk", "Parse, chunk,\nembed", 2.0, 0, w=W),
        Box("index", "BM25 + vector\nindex, ACL on\nevery chunk", 4.0, 0, w=W, h=0.85,
            kind="store"),
        Box("q", "Question\n+ user identity", 0, 1.7, w=W, kind="actor"),
        Box("retr", "Hybrid retrieval,\nACL filter → 50", 2.0, 1.7, w=W),
        Box("rerank", "Cross-encoder\nre-rank → 8", 4.0, 1.7, w=W, kind="model"),
        Box("llm", "LLM answers\nwith citations", 6.0, 1.7, w=W, kind="accent"),
        Box("eval", "Eval: retrieval\nrecall, faithfulness", 6.0, 0, w=W, kind="box"),
    )
    arrows = (
        Arrow("docs", "chunk"), Arrow("chunk", "index"), Arrow("q", "retr"),
        Arrow("index", "retr", "search"), Arrow("retr", "rerank"), Arrow("rerank", "llm"),
        Arrow("llm", "eval", "logged", dashed=True),
    )
    fig, facts = draw(Diagram(
        boxes=boxes, arrows=arrows,
        groups=(Group("offline ingestion", ("docs", "chunk", "index")),)))
    facts.update({"candidates": 50, "context_chunks": 8})
    return fig, facts


FIGURES: dict[str, Spec] = {
    "design-framework": Spec(
        design_framework,
        alt=(
            "Eight steps in a loop over two rows: {steps}. A dashed arrow labelled drift, new "
            "labels runs from Monitoring back to Data and labels. A wide box at the bottom left "
            "says that trade-offs and numbers (QPS, latency, storage, cost) belong to every step."
        ),
        caption=(
            "The order of a design answer: requirements before metrics, metrics before "
            "models, and monitoring that feeds new data back into the loop."
        ),
        questions=("ml-system-design-framework",),
    ),
    "design-video-recommender": Spec(
        video_recommender,
        alt=(
            "Online path, left to right: a home-page request goes to a user tower, whose "
            "query vector searches an approximate-nearest-neighbour index and other candidate "
            "sources, {corpus_m} million videos down to {retrieved}; a multi-task ranker "
            "keeps {ranked}; a re-ranker for diversity, freshness and policy shows {shown}. "
            "Dashed offline path: impression and watch logs train the two towers with an "
            "in-batch softmax and a log-Q correction, and the item tower refreshes the index."
        ),
        caption=(
            "Each stage trades recall for precision on fewer items: a cheap approximate "
            "dot-product search over the whole corpus, an expensive model over a thousand "
            "candidates."
        ),
        questions=("design-video-recommender",),
    ),
    "design-ad-click-prediction": Spec(
        ad_click_prediction,
        alt=(
            "An ad request selects about {candidates} eligible ads by targeting and budget; "
            "a pCTR model scores them; a calibration step undoes negative down-sampling; an "
            "auction ranks by bid times pCTR and the winner is shown. Dashed arrows: joined "
            "impression and click logs train the model, keeping every click and {keep} of "
            "the non-clicks, with hourly updates."
        ),
        caption=(
            "Down-sampling makes training cheap; the calibration step is what keeps the "
            "auction's prices right."
        ),
        questions=("design-ad-click-prediction",),
    ),
    "design-fraud-detection": Spec(
        fraud_detection,
        alt=(
            "A payment is enriched with online features (velocity, device, graph), scored by "
            "rules and a model in under {latency_ms} ms, and acted on by cost: approve, step-up "
            "authentication, review or block. The cases with the highest expected loss go to "
            "a review queue of fixed capacity. Analyst decisions on reviewed cases arrive in "
            "days, chargebacks on approved payments in weeks; dashed arrows show retraining "
            "on matured labels, weekly."
        ),
        caption=(
            "Labels arrive late and only where someone looked, so the training data depend "
            "on the previous model's decisions."
        ),
        questions=("design-fraud-detection",),
    ),
    "design-news-feed-ranking": Spec(
        feed_ranking,
        alt=(
            "An inventory of about {inventory} posts from friends, groups and pages goes to a "
            "light ranker that keeps {light_out}, then a heavy multi-task ranker predicting "
            "click, like and hide probabilities, a value model that takes their weighted sum, "
            "and a re-ranker for diversity and integrity. Dashed arrows: logs that record the "
            "position shown, and a small randomised slice that estimates position "
            "propensities, train the ranker with inverse propensity weights."
        ),
        caption=(
            "The value model's weights encode the product's goals; the logged position is "
            "what lets training separate relevance from placement."
        ),
        questions=("design-news-feed-ranking",),
    ),
    "design-eta-prediction": Spec(
        eta_prediction,
        alt=(
            "A trip request goes to a routing engine that sums segment travel times along the "
            "best route; a residual model, boosted trees or a graph network, corrects that "
            "estimate using live segment speeds, historical speeds, weather and events; the "
            "served ETA is the route ETA plus the residual. When the trip ends its actual "
            "arrival time becomes the label, and a dashed arrow from the completed trips "
            "back to the residual model shows retraining."
        ),
        caption=(
            "The model learns the routing engine's error rather than the whole travel time, "
            "so the engine remains a safe fallback."
        ),
        questions=("design-eta-prediction",),
    ),
    "design-document-qa": Spec(
        document_qa,
        alt=(
            "Offline: documents with their permissions are parsed, chunked and embedded into "
            "a BM25 and vector index that stores an access list on every chunk. Per query: "
            "the question and the user's identity go to hybrid retrieval with a permission "
            "filter, {candidates} candidates; a cross-encoder keeps {context_chunks}; an LLM "
            "answers with citations; answers are logged for evaluation of retrieval recall "
            "and faithfulness."
        ),
        caption=(
            "Permissions are enforced at retrieval, before the model sees any text, not in "
            "the prompt."
        ),
        questions=("design-document-qa-assistant",),
    ),
}
