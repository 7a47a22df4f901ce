"""The training topic's figures: activations, learning-rate schedules and the gradient
that reaches each layer of a deep network with and without residual connections."""

from __future__ import annotations

from math import erf, sqrt

import numpy as np
from matplotlib.figure import Figure

from scripts.figures.style import BLUE, GREEN, GREY, INK, VERMILION, Facts, Spec


def _gelu(x: np.ndarray) -> np.ndarray:
    phi = 0.5 * (1 + np.vectorize(erf)(x / sqrt(2)))
    return x * phi


def _gelu_grad(x: np.ndarray) -> np.ndarray:
    phi = 0.5 * (1 + np.vectorize(erf)(x / sqrt(2)))
    density = np.exp(-0.5 * x**2) / sqrt(2 * np.pi)
    return phi + x * density


def activations() -> tuple[Figure, Facts]:
    """Sigmoid, tanh, ReLU and GELU (left) and their derivatives (right)."""
    x = np.linspace(-4, 4, 801)  # step 0.01, so x = 0 and x = -4 are on the grid
    sig = 1 / (1 + np.exp(-x))
    curves = {
        "sigmoid": (sig, sig * (1 - sig)),
        "tanh": (np.tanh(x), 1 - np.tanh(x) ** 2),
        "ReLU": (np.maximum(x, 0), (x > 0).astype(float)),
        "GELU": (_gelu(x), _gelu_grad(x)),
    }
    zero = int(np.argmin(np.abs(x)))
    sig_d, tanh_d = curves["sigmoid"][1], curves["tanh"][1]
    gelu_f, gelu_d = curves["GELU"]
    facts = {
        "sig_max": sig_d.max(), "tanh_max": tanh_d.max(),
        "sig_at4": sig_d[0], "tanh_at4": tanh_d[0],
        "gelu_min": gelu_f.min(), "gelu_argmin": x[np.argmin(gelu_f)],
        "gelu_dmin": gelu_d.min(),
    }
    # The alt text's claims: sigmoid's slope peaks at 0.25 at zero, tanh's at 1; both are
    # near zero at |x| = 4; GELU dips below zero for negative inputs.
    assert np.argmax(sig_d) == zero and abs(facts["sig_max"] - 0.25) < 1e-12, facts
    assert np.argmax(tanh_d) == zero and abs(facts["tanh_max"] - 1) < 1e-12, facts
    assert facts["sig_at4"] < 0.02 and facts["tanh_at4"] < 0.002, facts
    assert -0.18 < facts["gelu_min"] < -0.16 and facts["gelu_dmin"] < 0, facts

    fig = Figure(figsize=(7.6, 3.7))
    left, right = fig.subplots(1, 2)
    styles = {"sigmoid": (BLUE, "-"), "tanh": (GREEN, "--"), "ReLU": (INK, "-"),
              "GELU": (VERMILION, ":")}
    for name, (values, slope) in curves.items():
        colour, style = styles[name]
        width = 1.6 if name == "ReLU" else 2.2
        left.plot(x, values, color=colour, linestyle=style, linewidth=width, label=name)
        right.plot(x, slope, color=colour, linestyle=style, linewidth=width, label=name)
    left.set(title="Activation f(x)", xlabel="x", ylim=(-1.2, 2.2), xlim=(-4, 4))
    right.set(title="Slope f′(x)", xlabel="x", ylim=(-0.25, 1.2), xlim=(-4, 4))
    right.axhline(0.25, color=GREY, linewidth=0.8, linestyle="-")
    right.annotate("0.25: sigmoid's peak", (1.15, 0.25), xytext=(1.0, 0.45), color=INK,
                   fontsize=10, arrowprops={"arrowstyle": "-", "color": GREY, "lw": 0.8})
    left.legend(loc="upper left")
    fig.tight_layout(w_pad=2)
    return fig, facts


def _backprop_norms(act: str, residual: bool, depth: int, width: int, seed: int,
                    batch: int = 128) -> np.ndarray:
    """Norm of dL/dh_l for l = 0 .. depth-1 at initialisation: h_0 is the input of the
    first layer, h_{depth-1} the input of the last. Weights are identical with and
    without shortcuts (same seed); only the wiring differs."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(batch, width))
    y = rng.normal(size=(batch, 1))
    # Glorot (Xavier) normal initialisation: variance 2 / (fan_in + fan_out).
    weights = [rng.normal(0, sqrt(2 / (2 * width)), (width, width)) for _ in range(depth)]
    head = rng.normal(0, sqrt(2 / (width + 1)), (width, 1))
    # A residual branch is scaled by 1/sqrt(depth) so that the sum of branches keeps the
    # forward signal bounded without normalisation layers (as scaled-initialisation
    # schemes do); the plain stack has nothing to scale.
    scale = 1 / sqrt(depth) if residual else 1.0

    def f(z: np.ndarray) -> np.ndarray:
        return np.tanh(z) if act == "tanh" else 1 / (1 + np.exp(-z))

    def df(z: np.ndarray) -> np.ndarray:
        return 1 - np.tanh(z) ** 2 if act == "tanh" else f(z) * (1 - f(z))

    inputs, pre = [], []
    h = X
    for W in weights:
        inputs.append(h)
        z = h @ W
        pre.append(z)
        h = h + scale * f(z) if residual else f(z)
    out = h @ head
    grad_h = ((out - y) / batch) @ head.T  # squared-error loss 0.5 * mean((out - y)^2)
    norms = np.empty(depth)
    for layer in range(depth - 1, -1, -1):
        through_branch = (grad_h * scale * df(pre[layer])) @ weights[layer].T
        grad_h = grad_h + through_branch if residual else through_branch
        norms[layer] = np.linalg.norm(grad_h)
    return norms


def residual_gradients() -> tuple[Figure, Facts]:
    """Gradient norm per layer of a 50-layer network at initialisation, plain against
    residual, for sigmoid and tanh layers (median over seeds)."""
    depth, width, seeds = 50, 64, 10
    layers = np.arange(1, depth + 1)
    results: dict[tuple[str, bool], np.ndarray] = {}
    for act in ("sigmoid", "tanh"):
        for residual in (False, True):
            runs = np.array([_backprop_norms(act, residual, depth, width, s)
                             for s in range(seeds)])
            # Relative to the gradient entering the last layer, so runs are comparable.
            results[act, residual] = np.median(runs / runs[:, -1:], axis=0)
    facts: Facts = {"depth": depth, "width": width, "seeds": seeds}
    for act in ("sigmoid", "tanh"):
        for residual, word in ((False, "plain"), (True, "res")):
            facts[f"{act}_{word}"] = results[act, residual][0]
    # What the alt text and caption claim.
    assert facts["sigmoid_plain"] < 1e-20 and facts["tanh_plain"] < 0.2, facts
    for act in ("sigmoid", "tanh"):
        ratio = results[act, True]
        assert np.all((ratio > 0.5) & (ratio < 2)), (act, ratio)
    facts["sigmoid_exp"] = int(np.floor(np.log10(facts["sigmoid_plain"])))

    fig = Figure(figsize=(7.8, 3.7))
    axes = fig.subplots(1, 2)
    for ax, act in zip(axes, ("sigmoid", "tanh"), strict=True):
        ax.semilogy(layers, results[act, False], color=VERMILION, linestyle="--",
                    label="plain")
        ax.semilogy(layers, results[act, True], color=BLUE, label="residual")
        ax.set(title=f"{depth} {act} layers", xlabel="layer (1 = input side)",
               xlim=(1, depth))
        ax.invert_xaxis()
    axes[0].set_ylabel("gradient norm ÷ last layer's")
    axes[1].set_ylim(0.05, 3)
    axes[0].legend(loc="lower left")
    fig.tight_layout(w_pad=2)
    return fig, facts


def lr_schedules() -> tuple[Figure, Facts]:
    """Four learning-rate schedules over the same 100 epochs, peak rate 1 (relative)."""
    epochs = 100
    t = np.linspace(0, epochs, 1001)
    step = np.where(t < 30, 1.0, np.where(t < 60, 0.1, np.where(t < 90, 0.01, 0.001)))
    cosine = 0.5 * (1 + np.cos(np.pi * t / epochs))
    warm = 5
    warm_cos = np.where(t < warm, t / warm,
                        0.5 * (1 + np.cos(np.pi * (t - warm) / (epochs - warm))))
    # One-cycle (Smith & Topin): up from peak/25 to the peak over 30% of training, then
    # down to peak/(25 * 1e4) with a cosine, as common implementations default to.
    start, final, rise = 1 / 25, 1 / 25 / 1e4, 0.3 * epochs
    one_cycle = np.where(
        t < rise,
        start + (1 - start) * 0.5 * (1 - np.cos(np.pi * t / rise)),
        final + (1 - final) * 0.5 * (1 + np.cos(np.pi * (t - rise) / (epochs - rise))),
    )
    facts = {"epochs": epochs, "warm": warm, "rise": int(rise), "start": start}
    assert abs(cosine[500] - 0.5) < 1e-12 and warm_cos[0] == 0 and warm_cos[50] == 1
    assert abs(one_cycle[300] - 1) < 1e-12 and one_cycle[0] == start

    fig = Figure(figsize=(6.4, 4.4))
    ax = fig.subplots()
    ax.plot(t, step, color=GREY, linewidth=1.8, label="step (÷10 at 30, 60, 90)")
    ax.plot(t, cosine, color=BLUE, label="cosine")
    ax.plot(t, warm_cos, color=GREEN, linestyle="--", label=f"{warm}-epoch warm-up + cosine")
    ax.plot(t, one_cycle, color=VERMILION, linestyle=":", linewidth=2.4, label="one-cycle")
    ax.set(xlabel="epoch", ylabel="learning rate ÷ peak", xlim=(0, epochs), ylim=(0, 1.08),
           title="Learning-rate schedules")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2)
    fig.tight_layout()
    return fig, facts


FIGURES: dict[str, Spec] = {
    "activation-functions": Spec(
        activations,
        alt=(
            "Two panels over x from minus 4 to 4. Left, the activations: sigmoid rises from "
            "0 to 1, tanh from minus 1 to 1, ReLU is 0 for negative x and x for positive x, "
            "and GELU follows ReLU closely but dips to {gelu_min:.2f} near x = "
            "{gelu_argmin:.2f}. Right, their slopes: sigmoid's peaks at {sig_max:.2f} at "
            "x = 0 and tanh's at {tanh_max:.0f}; both fall close to 0 by |x| = 4 "
            "({sig_at4:.3f} and {tanh_at4:.4f}). ReLU's slope is 0 for negative x and 1 for "
            "positive x; GELU's is smooth, slightly negative (down to {gelu_dmin:.2f}) for "
            "some negative x, and near 1 for large x."
        ),
        caption=(
            "Sigmoid and tanh pass almost no gradient once saturated; ReLU passes all of it "
            "for positive inputs and none for negative ones."
        ),
        questions=("activation-functions",),
    ),
    "residual-gradients": Spec(
        residual_gradients,
        alt=(
            "Two panels, gradient norm at each layer divided by the norm at the last layer, "
            "on a log scale, for a {depth}-layer network of width {width} at "
            "initialisation, median of {seeds} seeds, plotted from the last layer on the "
            "left to the first on the right. Left, sigmoid layers: without shortcuts the "
            "ratio falls steadily to about 10 to the power {sigmoid_exp} at layer 1; with "
            "residual connections, branches scaled by 1 over the square root of {depth}, it "
            "stays near 1 ({sigmoid_res:.2f} at layer 1). Right, "
            "tanh layers: without shortcuts it falls to {tanh_plain:.2f}; with them it "
            "stays near 1 ({tanh_res:.2f})."
        ),
        caption=(
            "With identity shortcuts and small (1/√{depth}-scaled) branches the gradient "
            "reaches the first layer at about the size it leaves the last; without shortcuts "
            "it shrinks layer by layer."
        ),
        questions=("residual-connections",),
    ),
    "lr-schedules": Spec(
        lr_schedules,
        alt=(
            "Learning rate relative to its peak over {epochs} epochs for four schedules. "
            "Step decay stays at 1, then drops tenfold at epochs 30, 60 and 90. Cosine "
            "falls smoothly from 1 to 0, passing 0.5 at the midpoint. Warm-up plus cosine "
            "rises linearly from 0 to 1 over the first {warm} epochs, then follows a cosine "
            "to 0. One-cycle rises from {start:.2f} to 1 over the first {rise} epochs, then "
            "decays to almost 0."
        ),
        caption=(
            "Every schedule ends with small steps; warm-up and one-cycle also start small, "
            "which protects the first updates."
        ),
        questions=("learning-rate-schedules",),
    ),
}
