"""Practice protocols: graded exposure ("share 10% more") over weeks.

Seed ``001``: pick someone who has earned some trust and a mildly uncomfortable topic and
share a little more than usual; each disclosure that goes well is evidence that recalibrates
fear. Graded exposure as in exposure therapy (Craske et al. 2014): small steps, repeated.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nabij.protocols.base import Protocol, built_once

__all__ = ["exposure_depths", "graded_exposure"]


def exposure_depths(sessions: int, start: float, step: float) -> npt.NDArray[np.float64]:
    """Depth of each practice step: ``start + k x step``, capped at 1 ("10% more" each time).

    Seed 001's "share 10% more" is read as 0.1 of the depth scale, the same step as free
    conversation's ``Params.self_paced_step`` and the companion's planner.
    """
    if sessions < 1:
        raise ValueError(f"sessions: must be >= 1, got {sessions}")
    if not 0.0 < start <= 1.0:
        raise ValueError(f"start: the first step's depth must lie in (0, 1], got {start}")
    if not 0.0 <= step <= 1.0:
        raise ValueError(f"step: the increase in depth per step must lie in [0, 1], got {step}")
    return np.asarray(np.minimum(1.0, start + step * np.arange(sessions)), dtype=np.float64)


@built_once
def graded_exposure(sessions: int = 8, start: float = 0.3, step: float = 0.10,
                    gap_days: float = 7.0, emotional: float = 0.7,
                    valence: float = -0.2) -> Protocol:
    """Person 0 practises: one disclosure per session, each ``step`` deeper; person 1 replies.

    Every session has two turns: person 0 discloses at the session's depth, person 1
    answers with light talk (so reciprocity is present but small).
    """
    if gap_days <= 0:
        raise ValueError(f"gap_days: sessions must be at least some time apart (> 0), got {gap_days}")
    depths = exposure_depths(sessions, start, step)
    speaker = np.tile([0, 1], sessions)
    intimacy = np.stack([depths, np.full(sessions, 0.15)], axis=1).ravel()
    emo = np.tile([emotional, 0.2], sessions)
    val = np.tile([valence, 0.2], sessions)
    gaps = np.zeros(2 * sessions)
    gaps[2::2] = gap_days
    labels = tuple(f"step {k + 1} ({d:.0%} deep), {who}" for k, d in enumerate(depths)
                   for who in ("person 0 discloses", "person 1 replies"))
    return Protocol("graded_exposure", speaker, intimacy, val, emo, gaps, labels)
