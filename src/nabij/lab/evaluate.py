"""One parameter set in, the replication experiments' quantities out: the lab's simulator.

Sweeps (:mod:`nabij.lab.sweep`), the sensitivity analysis (:mod:`nabij.lab.sensitivity`)
and calibration (:mod:`nabij.lab.calibrate`) all need the same function: run a few of the
virtual replications for one parameter set and return their checked quantities, named
``"T1.d_composite"``. Seeds follow the runner's scheme: target k of the evaluation's seed
draws from its child k (its position in :data:`~nabij.lab.targets.TARGETS`), so a
quantity does not depend on which other targets are evaluated with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from nabij._rng import RngLike, as_seed_sequence, child_sequence, spawn
from nabij.lab.experiments import EXPERIMENTS
from nabij.lab.targets import TARGETS
from nabij.model import Params

__all__ = ["all_quantities", "evaluate", "params_from", "quantity_names", "split_quantity"]


def split_quantity(name: str) -> tuple[str, str]:
    """``"T1.d_composite"`` -> ``("T1", "d_composite")``, with a clear error if unknown."""
    tid, _, quantity = name.partition(".")
    if tid not in TARGETS:
        raise ValueError(f"quantity {name!r}: unknown target {tid!r}; choose from {', '.join(TARGETS)}")
    known = [c.quantity for c in TARGETS[tid].checks]
    if quantity not in known:
        raise ValueError(f"quantity {name!r}: {tid} has no check {quantity!r}; it has {', '.join(known)}")
    return tid, quantity


def quantity_names(target_ids: Iterable[str]) -> list[str]:
    """Every checked quantity of the given targets, as ``"Tk.name"``."""
    return [f"{tid}.{c.quantity}" for tid in target_ids for c in TARGETS[tid].checks]


def all_quantities() -> list[str]:
    """Every checked quantity of every target."""
    return quantity_names(TARGETS)


def params_from(values: Mapping[str, float], base: Params | None = None) -> Params:
    """``base`` (default ``Params()``) with ``values`` set, validated."""
    return (base or Params()).with_(**{k: float(v) for k, v in values.items()}).validate()


def evaluate(params: Params, quantities: Sequence[str], rng: RngLike, scale: float = 1.0,
             replications: int = 1) -> dict[str, float]:
    """Mean over ``replications`` of each quantity, for one parameter set.

    A quantity an experiment could not compute (for example a correlation of a constant)
    comes back as NaN; callers decide what to do with it.
    """
    if replications < 1:
        raise ValueError(f"replications: need at least 1, got {replications}")
    root = as_seed_sequence(rng)
    wanted: dict[str, list[str]] = {}
    for name in quantities:
        tid, quantity = split_quantity(name)
        wanted.setdefault(tid, []).append(quantity)
    order = list(TARGETS)
    out: dict[str, float] = {}
    for tid, names in wanted.items():
        seed = child_sequence(root, order.index(tid))
        runs = [EXPERIMENTS[tid].run(s, params, scale).measures for s in spawn(seed, replications)]
        for q in names:
            values = np.array([r.get(q, np.nan) for r in runs], dtype=np.float64)
            out[f"{tid}.{q}"] = float(values.mean())
    return {name: out[name] for name in quantities}
