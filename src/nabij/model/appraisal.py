"""Contingency rule 1 - appraisal: reading the partner's regard in situations of dependence.

Murray, Holmes & Collins (2006): *if* a person depends on the partner (discloses, needs
them), *then* they gauge how much the partner values and accepts them; chronic self-esteem
and rejection sensitivity colour that reading: low self-esteem people underestimate the
partner's regard (Murray, Holmes & Griffin 2000) and rejection-sensitive people read
rejection into it (Downey & Feldman 1996).
"""

from __future__ import annotations

from nabij.model._math import clip01
from nabij.model.params import Params

__all__ = ["appraise_regard", "diagnosticity"]


def diagnosticity(depth: float, params: Params) -> float:
    """How much a moment tests the partner: deeper disclosures make more diagnostic situations.

    Murray et al. (2006): situations of dependence are where regard is learned. A trivial
    exchange still counts ``evidence_floor``; a fully deep one counts 1.
    """
    return params.evidence_floor + (1.0 - params.evidence_floor) * depth


def appraise_regard(regard: float, evidence: float, weight: float, self_esteem: float,
                    rejection_sensitivity: float, params: Params) -> float:
    """Move perceived regard toward the (biased) evidence, as far as the situation is diagnostic.

    Appraisal (Murray, Holmes & Collins 2006): the evidence (e.g. perceived responsiveness,
    or being confided in) is first biased upward by self-esteem and downward by rejection
    sensitivity (Murray et al. 2000; Downey & Feldman 1996), then regard moves toward it at
    ``appraisal_rate x weight``. Returns the new regard on [0, 1].
    """
    p = params
    biased = clip01(evidence + p.appraisal_self_esteem_bias * (self_esteem - 0.5)
                    - p.appraisal_rs_bias * (rejection_sensitivity - 0.5))
    return clip01(regard + p.appraisal_rate * clip01(weight) * (biased - regard))
