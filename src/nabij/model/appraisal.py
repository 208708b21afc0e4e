"""Contingency rule 1 - appraisal: reading the partner's regard in situations of dependence.

Murray, Holmes & Collins (2006): *if* a person depends on the partner (discloses, needs
them), *then* they gauge how much the partner values and accepts them; chronic self-esteem
and rejection sensitivity colour that reading: low self-esteem people underestimate the
partner's regard (Murray, Holmes & Griffin 2000) and rejection-sensitive people read
rejection into it (Downey & Feldman 1996). The colouring happens once per signal: when a
reaction is perceived, and in the expectations a relationship starts from.

Perceived regard is largely projected and only weakly read from the partner (Kenny &
DePaulo 1993; Kenny 1994; Lemay, Clark & Feeney 2007; Lemay & Clark 2008): people assume
the partner feels about them as they feel about the partner, so as their own liking changes
during an interaction the regard they assume changes with it (:func:`project_liking`), while
each reaction of the partner moves it only a little (``appraisal_rate``).
"""

from __future__ import annotations

from nabij.model._math import clip01
from nabij.model.params import Params

__all__ = ["appraise_regard", "confided_evidence", "diagnosticity", "project_liking"]


def diagnosticity(depth: float, params: Params) -> float:
    """How much a moment tests the partner: deeper disclosures make more diagnostic situations.

    Murray et al. (2006): situations of dependence are where regard is learned. A trivial
    exchange still counts ``evidence_floor``; a fully deep one counts 1.
    """
    return params.evidence_floor + (1.0 - params.evidence_floor) * depth


def confided_evidence(kept_depth: float, params: Params) -> float:
    """What being confided in says about one's worth to the partner.

    Collins & Miller (1994): people confide in those they like, so a disclosure received is
    evidence of being valued - neutral (``acceptance_neutral``) when nothing personal was
    said, full acceptance (1) at the deepest disclosure.
    """
    n = params.acceptance_neutral
    return n + (1.0 - n) * kept_depth


def appraise_regard(regard: float, evidence: float, weight: float, params: Params) -> float:
    """Move perceived regard toward the evidence, as far as the situation is diagnostic.

    Appraisal (Murray, Holmes & Collins 2006): regard moves toward the evidence (the
    partner's reaction as perceived, or being confided in) at ``appraisal_rate x weight``.
    The evidence arrives already read through the person's lens: self-esteem and rejection
    sensitivity colour each reading once, when the reaction is perceived
    (:func:`~nabij.model.responsiveness.perceived_responsiveness`), and the starting point
    once (:meth:`~nabij.model.state.DyadState.initial`); appraisal adds no third bias.
    Returns the new regard on [0, 1].
    """
    return clip01(regard + params.appraisal_rate * clip01(weight) * (evidence - regard))


def project_liking(regard: float, liking_before: float, liking_after: float,
                   params: Params) -> float:
    """Perceived regard after one's own liking of the partner moved (before -> after a turn).

    ``clip(regard + projection x (liking_after - liking_before))``: the projection that sets
    regard at first sight (:func:`~nabij.model.impressions.projected_regard`) keeps working
    through the interaction - one assumes the partner's regard follows one's own liking
    (assumed reciprocity: Kenny & DePaulo 1993; Kenny 1994; projected perceptions of the
    partner's regard and responsiveness: Lemay, Clark & Feeney 2007; Lemay & Clark 2008).
    Adds no self-esteem or rejection-sensitivity colouring: those act once, at first sight and
    when a reaction is perceived.
    """
    return clip01(regard + params.projection * (liking_after - liking_before))
