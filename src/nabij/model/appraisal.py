"""Contingency rule 1 - appraisal: reading the partner's regard in situations of dependence.

Murray, Holmes & Collins (2006): *if* a person depends on the partner (discloses, needs
them), *then* they gauge how much the partner values and accepts them; chronic self-esteem
and rejection sensitivity colour that reading: low self-esteem people underestimate the
partner's regard (Murray, Holmes & Griffin 2000) and rejection-sensitive people read
rejection into it (Downey & Feldman 1996).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nabij.model.params import Params

FloatArray = npt.NDArray[np.float64]

__all__ = ["appraise_regard", "diagnosticity"]


def diagnosticity(depth: npt.ArrayLike, params: Params) -> FloatArray:
    """How much a moment tests the partner: deeper disclosures make more diagnostic situations.

    Murray et al. (2006): situations of dependence are where regard is learned. A trivial
    exchange still counts ``evidence_floor``; a fully deep one counts 1.
    """
    d = np.asarray(depth, dtype=np.float64)
    return np.asarray(params.evidence_floor + (1.0 - params.evidence_floor) * d)


def appraise_regard(
    regard: npt.ArrayLike,
    evidence: npt.ArrayLike,
    weight: npt.ArrayLike,
    self_esteem: npt.ArrayLike,
    rejection_sensitivity: npt.ArrayLike,
    params: Params,
) -> FloatArray:
    """Move perceived regard toward the (biased) evidence, as far as the situation is diagnostic.

    Appraisal (Murray, Holmes & Collins 2006): the evidence (e.g. perceived responsiveness,
    or being confided in) is first biased upward by self-esteem and downward by rejection
    sensitivity (Murray et al. 2000; Downey & Feldman 1996), then regard moves toward it at
    ``appraisal_rate x weight``. Returns the new regard on [0, 1].
    """
    se = np.asarray(self_esteem, dtype=np.float64)
    rs = np.asarray(rejection_sensitivity, dtype=np.float64)
    biased = np.clip(
        np.asarray(evidence, dtype=np.float64)
        + params.appraisal_self_esteem_bias * (se - 0.5)
        - params.appraisal_rs_bias * (rs - 0.5),
        0.0,
        1.0,
    )
    r = np.asarray(regard, dtype=np.float64)
    w = np.clip(np.asarray(weight, dtype=np.float64), 0.0, 1.0)
    return np.asarray(np.clip(r + params.appraisal_rate * w * (biased - r), 0.0, 1.0))
