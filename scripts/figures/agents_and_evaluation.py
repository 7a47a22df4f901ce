"""Figures of the answers on agents and on evaluating LLM applications: box-and-arrow
diagrams drawn from a declared structure (diagram.py)."""

from __future__ import annotations

from itertools import pairwise

from matplotlib.figure import Figure

from scripts.figures.diagram import Arrow, Box, Diagram, draw
from scripts.figures.style import Facts, Spec

# The loop of a tool-using agent: the model picks the next step, the harness runs it, and
# the result goes back into the model's context until the model answers.
AGENT_LOOP = Diagram(
    boxes=(
        Box("goal", "User goal", 0, 0, w=1.6, kind="actor"),
        Box("llm", "LLM picks\nnext step", 2.6, 0, w=1.8, h=0.8, kind="accent"),
        Box("answer", "Final answer", 5.2, 0, w=1.7),
        Box("tools", "Tools\n(search, code, API)", 1.3, 2.0, w=2.1, h=0.8),
        Box("history", "Transcript\n(context)", 3.9, 2.0, w=1.8, h=0.8, kind="store"),
    ),
    arrows=(
        Arrow("goal", "llm"),
        Arrow("llm", "answer", "done"),
        Arrow("llm", "tools", "tool call"),
        Arrow("tools", "history", "result"),
        Arrow("history", "llm", "read"),
    ),
    # Five boxes on a wide canvas: larger text, so that it stays legible on a phone.
    font_size=12,
)


def agent_loop() -> tuple[Figure, Facts]:
    """The agent loop of the answer 'what-is-an-llm-agent'."""
    fig, facts = draw(AGENT_LOOP)
    # The alt text describes a loop back into the model and one exit: check both.
    loop = [(a.src, a.dst) for a in AGENT_LOOP.arrows]
    assert ("llm", "tools") in loop and ("tools", "history") in loop
    assert ("history", "llm") in loop
    assert [a.dst for a in AGENT_LOOP.arrows if a.src == "llm"] == ["answer", "tools"]
    return fig, facts


# The evaluation loop of an LLM product: a versioned golden set, graders whose agreement
# with people is measured, a comparison with the current version, and production failures
# fed back into the set.
EVAL_LOOP = Diagram(
    boxes=(
        Box("golden", "Golden set\n(inputs, refs)", 0, 0, w=1.9, h=0.8, kind="store"),
        Box("candidate", "Candidate\n(prompt, model)", 2.5, 0, w=1.9, h=0.8, kind="model"),
        Box("graders", "Graders: code,\nLLM judge", 5.0, 0, w=1.9, h=0.8),
        Box("traces", "Production\ntraces", 0, 2.0, w=1.9, h=0.8, kind="store"),
        Box("compare", "Compare with\nbaseline", 2.5, 2.0, w=1.9, h=0.8, kind="accent"),
        Box("humans", "Human labels\n(a sample)", 5.0, 2.0, w=1.9, h=0.8, kind="actor"),
    ),
    arrows=(
        Arrow("golden", "candidate", "inputs"),
        Arrow("candidate", "graders", "outputs"),
        Arrow("graders", "compare", "scores"),
        Arrow("compare", "traces", "ship"),
        Arrow("traces", "golden", "new failures", dashed=True),
        Arrow("humans", "graders", "agreement", dashed=True),
    ),
)


def eval_loop() -> tuple[Figure, Facts]:
    """The evaluation loop of the answer 'evaluating-llm-applications'."""
    fig, facts = draw(EVAL_LOOP)
    edges = {(a.src, a.dst) for a in EVAL_LOOP.arrows}
    # A closed cycle golden -> candidate -> graders -> compare -> traces -> golden.
    cycle = ["golden", "candidate", "graders", "compare", "traces", "golden"]
    assert all((a, b) in edges for a, b in pairwise(cycle))
    assert ("humans", "graders") in edges
    return fig, facts


FIGURES: dict[str, Spec] = {
    "agent-loop": Spec(
        agent_loop,
        alt=(
            "Box-and-arrow diagram of an agent loop with {n_boxes} boxes. The user's goal "
            "goes to the LLM, which picks the next step. Either it emits a tool call to the "
            "tools (search, code, API), whose result is appended to the transcript that the "
            "LLM reads before its next step, closing a loop; or, when it judges the task done, "
            "it returns the final answer."
        ),
        caption=(
            "In an agent the model, not the program, chooses each next step, and every tool "
            "result flows back into its context before the next choice."
        ),
        questions=("what-is-an-llm-agent",),
    ),
    "eval-loop": Spec(
        eval_loop,
        alt=(
            "Box-and-arrow diagram of an evaluation loop with {n_boxes} boxes. Inputs from a "
            "golden set go to the candidate prompt and model; its outputs go to graders (code "
            "checks and an LLM judge); their scores are compared with the current baseline, "
            "and a better candidate ships. Failures found in production traces flow back into "
            "the golden set, and human labels on a sample measure how well the graders agree "
            "with people."
        ),
        caption=(
            "Evaluation is a loop, not a one-off test: the graders are checked against "
            "people, and production failures become new test cases."
        ),
        questions=("evaluating-llm-applications",),
    ),
}
