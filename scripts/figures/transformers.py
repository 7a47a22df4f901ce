"""The transformers and LLM-training topics' figures: a transformer block in its two layer-norm
placements, and the three stages of reinforcement learning from human feedback (RLHF)."""

from __future__ import annotations

from matplotlib.figure import Figure

from scripts.figures.diagram import Arrow, Box, Diagram, Group, draw
from scripts.figures.style import Facts, Spec

# Two columns of a decoder block, data flowing downwards. In the pre-norm column the layer
# norm sits inside each residual branch; in the post-norm column it follows each addition.
# The residual (skip) paths are the dashed arcs.
_W, _H = 1.75, 0.62
_PRE_X, _POST_X = 0.0, 3.3
_ROWS = (0.0, 0.9, 1.8, 2.7, 3.6, 4.5, 5.4)

BLOCK = Diagram(
    boxes=(
        Box("pre_in", "input x", _PRE_X, _ROWS[0], _W, _H, kind="actor"),
        Box("pre_ln1", "LayerNorm", _PRE_X, _ROWS[1], _W, _H),
        Box("pre_att", "masked multi-head\nattention", _PRE_X, _ROWS[2], _W, _H, kind="accent"),
        Box("pre_add1", "add", _PRE_X, _ROWS[3], _W, _H),
        Box("pre_ln2", "LayerNorm", _PRE_X, _ROWS[4], _W, _H),
        Box("pre_ffn", "feed-forward", _PRE_X, _ROWS[5], _W, _H, kind="accent"),
        Box("pre_add2", "add", _PRE_X, _ROWS[6], _W, _H),
        Box("post_in", "input x", _POST_X, _ROWS[0], _W, _H, kind="actor"),
        Box("post_att", "masked multi-head\nattention", _POST_X, _ROWS[1], _W, _H,
            kind="accent"),
        Box("post_add1", "add", _POST_X, _ROWS[2], _W, _H),
        Box("post_ln1", "LayerNorm", _POST_X, _ROWS[3], _W, _H),
        Box("post_ffn", "feed-forward", _POST_X, _ROWS[4], _W, _H, kind="accent"),
        Box("post_add2", "add", _POST_X, _ROWS[5], _W, _H),
        Box("post_ln2", "LayerNorm", _POST_X, _ROWS[6], _W, _H),
    ),
    arrows=(
        Arrow("pre_in", "pre_ln1"), Arrow("pre_ln1", "pre_att"), Arrow("pre_att", "pre_add1"),
        Arrow("pre_add1", "pre_ln2"), Arrow("pre_ln2", "pre_ffn"), Arrow("pre_ffn", "pre_add2"),
        Arrow("pre_in", "pre_add1", dashed=True, bend=0.95),
        Arrow("pre_add1", "pre_add2", dashed=True, bend=0.95),
        Arrow("post_in", "post_att"), Arrow("post_att", "post_add1"),
        Arrow("post_add1", "post_ln1"), Arrow("post_ln1", "post_ffn"),
        Arrow("post_ffn", "post_add2"), Arrow("post_add2", "post_ln2"),
        Arrow("post_in", "post_add1", dashed=True, bend=-1.4),
        Arrow("post_ln1", "post_add2", dashed=True, bend=-1.4),
    ),
    groups=(
        Group("pre-norm", ("pre_in", "pre_ln1", "pre_att", "pre_add1", "pre_ln2", "pre_ffn",
                           "pre_add2"), pad=0.45),
        Group("post-norm (2017)", ("post_in", "post_att", "post_add1", "post_ln1", "post_ffn",
                                   "post_add2", "post_ln2"), pad=0.45),
    ),
    font_size=10.5,
)


def transformer_block() -> tuple[Figure, Facts]:
    fig, facts = draw(BLOCK)
    labels = {b.id: b.label for b in BLOCK.boxes}
    # The alt text says what each column contains and in which order: keep it true.
    pre = [labels[b.id] for b in BLOCK.boxes if b.id.startswith("pre_")]
    post = [labels[b.id] for b in BLOCK.boxes if b.id.startswith("post_")]
    assert pre.index("masked multi-head\nattention") == 2 and pre[1] == "LayerNorm"
    assert post[-1] == "LayerNorm" and post.count("LayerNorm") == pre.count("LayerNorm") == 2
    skips = [a for a in BLOCK.arrows if a.dashed]
    assert len(skips) == 4
    facts["n_skips"] = len(skips)
    return fig, facts


# The three stages of RLHF as in Ouyang et al. (2022): supervised fine-tuning, a reward model
# fitted to human comparisons, and PPO against that reward with a KL penalty to a frozen copy
# of the SFT model.
_R = (0.0, 1.75, 3.5, 5.05)
_L, _RX = 0.0, 2.5

RLHF = Diagram(
    boxes=(
        Box("base", "pretrained LM", _L, _R[0], 2.0, 0.62),
        Box("sft", "SFT model", _RX, _R[0], 2.0, 0.62, kind="model"),
        Box("rank", "people rank\nsampled answers", _RX, _R[1], 2.0, 0.72, kind="actor"),
        Box("rm", "reward model r", _L, _R[1], 2.0, 0.62, kind="model"),
        Box("score", "score: r − β·KL", _L, _R[2], 2.0, 0.62, kind="accent"),
        Box("policy", "policy π\n(starts as SFT)", _RX, _R[2], 2.0, 0.72, kind="model"),
        Box("ref", "reference\n(frozen SFT)", _L, _R[3], 2.0, 0.72, kind="store"),
        Box("ppo", "PPO update", _RX, _R[3], 2.0, 0.62),
    ),
    arrows=(
        Arrow("base", "sft", "demos"),
        Arrow("sft", "rank", "samples"),
        Arrow("rank", "rm", "pairs"),
        Arrow("policy", "score", "answer"),
        Arrow("rm", "score"),
        Arrow("ref", "score", "log-probs"),
        Arrow("score", "ppo"),
        Arrow("ppo", "policy", "new θ", dashed=True),
    ),
    groups=(
        Group("1 supervised fine-tuning", ("base", "sft"), pad=0.2),
        Group("2 reward model", ("rank", "rm"), pad=0.2),
        Group("3 reinforcement learning", ("score", "policy", "ref", "ppo"), pad=0.2),
    ),
    font_size=10.5,
)


def rlhf_pipeline() -> tuple[Figure, Facts]:
    fig, facts = draw(RLHF)
    ids = [b.id for b in RLHF.boxes]
    stages = [g.members for g in RLHF.groups]
    # Each box belongs to exactly one stage, in the order the alt text gives.
    assert sorted(m for s in stages for m in s) == sorted(ids)
    assert stages[2] == ("score", "policy", "ref", "ppo")
    assert any(a.dashed and a.dst == "policy" for a in RLHF.arrows)
    facts["n_stages"] = len(stages)
    return fig, facts


FIGURES: dict[str, Spec] = {
    "transformer-block": Spec(
        transformer_block,
        alt=(
            "Two columns of boxes, data flowing downwards through one transformer decoder "
            "block. Left, pre-norm: input x, LayerNorm, masked multi-head attention, add, "
            "LayerNorm, feed-forward, add. Right, post-norm as in the 2017 paper: input x, "
            "masked multi-head attention, add, LayerNorm, feed-forward, add, LayerNorm. In "
            "each column two dashed skip arrows ({n_skips} in all) carry the input of each "
            "sub-layer around it to the add box."
        ),
        caption=(
            "Pre-norm normalises inside each residual branch, so the skip path from input to "
            "output is a clean sum; post-norm normalises the sum itself."
        ),
        questions=("causal-mask-cross-attention-pre-norm",),
    ),
    "rlhf-pipeline": Spec(
        rlhf_pipeline,
        alt=(
            "A diagram in {n_stages} shaded stages. Stage 1: the pretrained LM is fine-tuned "
            "on demonstrations into the SFT model. Stage 2: people rank answers sampled from "
            "the SFT model, and the ranked pairs train a reward model r. Stage 3: the policy, "
            "initialised as the SFT model, writes an answer; the reward model scores it and a "
            "frozen reference copy of the SFT model supplies log-probabilities for a KL "
            "penalty, giving the score r minus beta times KL; a PPO update uses the score, and "
            "a dashed arrow returns the new weights to the policy."
        ),
        caption=(
            "The reward model is a learned stand-in for people; the KL term to the frozen SFT "
            "model limits how far the policy can drift while exploiting it."
        ),
        questions=("rlhf-pipeline",),
    ),
}
