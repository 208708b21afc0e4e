"""A user's own experiment, as a newcomer would write it, for the batch and sweep tests."""

from __future__ import annotations

from typing import Any

import numpy as np

import nabij as nb


def closeness_after_talk(seed: np.random.SeedSequence, params: nb.Params,
                         design: dict[str, Any]) -> dict[str, float]:
    """Mean closeness of ``design['pairs']`` stranger pairs after ``design['turns']`` turns of small talk."""
    pairs = int(design["pairs"])
    people_seed, run_seed = nb.spawn(seed, 2)
    people = nb.sample_population(2 * pairs, people_seed)
    result = nb.simulate(people, nb.fixed_pairs(2 * pairs), nb.small_talk(int(design["turns"])),
                         context=nb.Context(relationship=design.get("relationship", "strangers")),
                         params=params, rng=run_seed, kernel="reference")
    return {"closeness": float(result.final["closeness"].mean()), "rate_seen": params.closeness_rate}
