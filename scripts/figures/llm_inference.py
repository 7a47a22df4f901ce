"""Figures of the answers on training large models across GPUs and on LLM inference:
box-and-arrow diagrams drawn from declared structures (diagram.py)."""

from __future__ import annotations

from matplotlib.figure import Figure

from scripts.figures.diagram import Arrow, Box, Diagram, Group, draw
from scripts.figures.style import Facts, Spec

# Llama 2 70B as its config.json declares it: the example of the answer 'kv-cache'.
LLAMA2_70B = {"layers": 80, "q_heads": 64, "kv_heads": 8, "head_dim": 128}


def tensor_pipeline() -> tuple[Figure, Facts]:
    """Tensor parallelism splits the matrices of one layer (Megatron-LM's MLP: A by
    columns, B by rows, one all-reduce); pipeline parallelism splits the stack of layers
    and passes activations forward and gradients back between stages."""
    layers, stages = 80, 2
    per_stage = layers // stages
    diagram = Diagram(
        boxes=(
            Box("x", "input X\n(on both)", 0.0, 1.0, w=1.4, h=0.8),
            Box("t0", "GPU 0\nGeLU(X·A₁)·B₁", 2.35, 0.5, w=2.2, h=0.8),
            Box("t1", "GPU 1\nGeLU(X·A₂)·B₂", 2.35, 1.5, w=2.2, h=0.8),
            Box("ar", "all-reduce:\nZ = sum", 4.95, 1.0, w=1.6, h=0.8, kind="accent"),
            Box("mb", "micro-\nbatches", 0.0, 3.45, w=1.4, h=0.8, kind="store"),
            Box("p0", f"GPU 0\nlayers 1–{per_stage}", 2.2, 3.45, w=1.8, h=0.8),
            Box("p1", f"GPU 1\nlayers {per_stage + 1}–{layers}", 4.95, 3.45, w=1.8, h=0.8),
        ),
        arrows=(
            Arrow("x", "t0"), Arrow("x", "t1"), Arrow("t0", "ar"), Arrow("t1", "ar"),
            Arrow("mb", "p0"),
            Arrow("p0", "p1", "activations"),
            Arrow("p1", "p0", "gradients", dashed=True, bend=-0.4),
        ),
        groups=(
            Group("Tensor parallel: one layer split", ("x", "t0", "t1", "ar"), pad=0.3),
            Group("Pipeline parallel: layers split", ("mb", "p0", "p1"), pad=0.35),
        ),
        font_size=11.5,
        extra={"layers": layers, "per_stage": per_stage, "next_first": per_stage + 1,
               "stages": stages},
    )
    fig, facts = draw(diagram)
    assert facts["n_boxes"] == 7 and per_stage * stages == layers
    return fig, facts


def kv_cache() -> tuple[Figure, Facts]:
    """One decoding step: the new token's key and value are appended to the cache, its query
    is compared with every cached key. Facts: the cache's size per token for Llama 2 70B."""
    cfg = LLAMA2_70B
    per_token = 2 * cfg["layers"] * cfg["kv_heads"] * cfg["head_dim"] * 2  # K and V, 16-bit
    seq = 4096
    per_sequence_gib = per_token * seq / 2**30
    mha_ratio = cfg["q_heads"] // cfg["kv_heads"]
    assert per_token == 320 * 2**10 and per_sequence_gib == 1.25
    diagram = Diagram(
        boxes=(
            Box("c1", "K, V\ntoken 1", 0.0, 0.0, w=1.05, h=0.8, kind="store"),
            Box("c2", "K, V\ntoken 2", 1.2, 0.0, w=1.05, h=0.8, kind="store"),
            Box("c3", "…", 2.4, 0.0, w=1.05, h=0.8, kind="store"),
            Box("c4", "K, V\ntoken t−1", 3.6, 0.0, w=1.05, h=0.8, kind="store"),
            Box("c5", "K, V\ntoken t", 4.8, 0.0, w=1.05, h=0.8, kind="accent"),
            Box("out", "token\nt + 1", -0.05, 2.0, w=1.1, h=0.8, kind="model"),
            Box("att", "attention:\nq vs all t keys", 2.2, 2.0, w=2.0, h=0.8),
            Box("proj", "project to\nq, k, v", 4.8, 2.0, w=1.5, h=0.8),
            Box("new", "token t", 6.6, 2.0, w=1.2, h=0.8),
        ),
        arrows=(
            Arrow("new", "proj"),
            Arrow("proj", "c5", "append k, v"),
            Arrow("proj", "att", "q"),
            Arrow("c3", "att", "read all"),
            Arrow("att", "out"),
        ),
        groups=(Group("KV cache of one layer (prompt written at prefill)",
                      ("c1", "c2", "c3", "c4", "c5")),),
        font_size=11.5,
        extra={"per_token_kib": per_token // 2**10, "seq": seq,
               "per_sequence_gib": per_sequence_gib, "mha_ratio": mha_ratio, **cfg},
    )
    fig, facts = draw(diagram)
    return fig, facts


FIGURES: dict[str, Spec] = {
    "tensor-pipeline-parallel": Spec(
        tensor_pipeline,
        alt=(
            "Two panels of boxes and arrows. Top, tensor parallelism: the input X goes to "
            "both GPUs; GPU 0 computes GeLU(X times A1) times B1 and GPU 1 the same with A2 "
            "and B2, the two halves of the weight matrices; an all-reduce sums their outputs "
            "into Z. Bottom, pipeline parallelism: micro-batches enter GPU 0, which holds "
            "layers 1 to {per_stage}; it sends activations to GPU 1, which holds layers "
            "{next_first} to {layers}, and gradients come back the other way."
        ),
        caption=(
            "Tensor parallelism splits every layer and communicates inside it; pipeline "
            "parallelism splits the stack of layers and communicates only between stages."
        ),
        questions=("data-tensor-pipeline-parallelism",),
    ),
    "kv-cache": Spec(
        kv_cache,
        alt=(
            "A row of cache slots holding a key and a value for tokens 1, 2, up to t minus 1, "
            "and a highlighted new slot for token t. Below, token t is projected to a query, "
            "key and value; the key and value are appended to the cache, and the query is "
            "compared with all t cached keys in attention, which produces token t plus 1. "
            "For Llama 2 70B ({layers} layers, {kv_heads} KV heads of dimension {head_dim}, "
            "16-bit) each token adds {per_token_kib} KiB, {per_sequence_gib:.2f} GiB for a "
            "{seq}-token sequence."
        ),
        caption=(
            "Each step adds one key and value per layer and reads the whole cache, so memory "
            "and the bytes read per token grow with the sequence."
        ),
        questions=("kv-cache",),
    ),
}
