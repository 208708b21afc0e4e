"""V3 - real chat data: shared reality after talking with a stranger.

An online study with open data (public repository ``wasita/shared-reality``): 320 pairs of
strangers, matched on one attitude so that they agreed on it (similar) or not
(dissimilar), chatted by text and then rated shared reality with the partner ("we see the
world the same way", 1-7); a no-chat control rated it after minimal information about the
partner. Chat beats no chat (4.30 vs 3.69, d = .51), similar beats dissimilar (4.61 vs 4.06,
d = .45), partners' scores correlate (r = .36), the more one partner dominates the talk (the
dominant one writes 61% of the characters on average) the lower the pair's score (r = -.20),
and more talk in all goes with a higher score (r = .24).

The model's study: pairs of simulated strangers talk freely (self-paced turns); the pair's
attitude similarity is set per condition (``Start(attitude_similarity=...)``, which
moves the first impression, Byrne 1971); each partner then rates shared reality on 1-7 through the
laboratory's instrument. The rated state is the model's ``shared_reality`` where the model
has one (it does since the second model round); without it, closeness stands in, the
nearest state (an analogue, said so in the report). How much each partner says is the
breadth of their disclosures, summed over their turns. The no-chat control exchanges one
shallow, factual turn each: minimal information.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nabij._rng import spawn
from nabij.engine import FINAL_REPORTERS, Recorder, fixed_pairs, simulate
from nabij.lab.experiment import Experiment, Replication, by_speaker, sample_size
from nabij.lab.instruments import Rater
from nabij.lab.stats import cohens_d, correlation
from nabij.model import Params, Start, sample_population
from nabij.protocols import Protocol, free_conversation, small_talk

FloatArray = npt.NDArray[np.float64]

CHAT_PAIRS = 320
#: The no-chat control's size: a stand-in (the original's is not in the project's notes).
CONTROL_PAIRS = 160
TURNS = 20
#: Attitude similarity of the matched attitude, on the model's 0-1 scale (0.5 = unknown).
SIMILAR, DISSIMILAR = 0.75, 0.25


def rated_state() -> str:
    """``shared_reality`` when the model has that state, else ``closeness`` (the stand-in)."""
    return "shared_reality" if "shared_reality" in FINAL_REPORTERS else "closeness"


def _talk(n: int, protocol: Protocol, similarity: FloatArray, rng: np.random.SeedSequence,
          params: Params) -> tuple[FloatArray, FloatArray]:
    s_people, s_run = spawn(rng, 2)
    people = sample_population(2 * n, s_people)
    res = simulate(people, fixed_pairs(2 * n), protocol, params=params, rng=s_run,
                   record=Recorder(per_turn=("breadth",), final=(rated_state(),)),
                   start=Start(attitude_similarity=similarity))
    talk = by_speaker(res, "breadth") * (len(protocol) / 2)  # each person's total over their turns
    return np.asarray(res.final[rated_state()]), talk


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    n = sample_size(CHAT_PAIRS, scale)
    n0 = sample_size(CONTROL_PAIRS, scale)
    s_chat, s_control, s_rate = spawn(rng, 3)
    similarity = np.where(np.arange(n) < n // 2, SIMILAR, DISSIMILAR)
    state, talk = _talk(n, free_conversation(TURNS), similarity, s_chat, params)
    control, _ = _talk(n0, small_talk(1, topic_intimacy=0.0), np.full(n0, 0.5), s_control, params)
    rate = Rater(s_rate, "1-7")
    chat_scores, control_scores = rate(state), rate(control)
    pair = chat_scores.mean(axis=0)
    total = talk.sum(axis=0)
    dominance = np.where(total > 0, talk.max(axis=0) / np.where(total > 0, total, 1.0), 0.5)
    similar = similarity == SIMILAR
    return Replication(
        {"d_chat_vs_no_chat": cohens_d(chat_scores.ravel(), control_scores.ravel()),
         "level_chat": float(chat_scores.mean()), "level_no_chat": float(control_scores.mean()),
         "d_similar_vs_dissimilar": cohens_d(chat_scores[:, similar].ravel(),
                                             chat_scores[:, ~similar].ravel()),
         "r_partners": correlation(np.concatenate([chat_scores[0], chat_scores[1]]),
                                   np.concatenate([chat_scores[1], chat_scores[0]])),
         "r_dominance_score": correlation(dominance, pair),
         "r_total_talk_score": correlation(total, pair)},
        {"chat": [float(chat_scores.mean())], "no chat": [float(control_scores.mean())],
         "similar": [float(chat_scores[:, similar].mean())],
         "dissimilar": [float(chat_scores[:, ~similar].mean())],
         "dominant partner's share of talk": [float(dominance.mean())]},
    )


EXPERIMENT = Experiment(
    "V3",
    sample=CHAT_PAIRS,
    unit="chat pairs",
    design=f"{CHAT_PAIRS} stranger pairs chat ({TURNS} self-paced turns), half matched on a shared attitude "
           f"(similarity {SIMILAR}) and half on a disagreement ({DISSIMILAR}); {CONTROL_PAIRS} no-chat pairs "
           "exchange one shallow factual turn each; shared reality rated 1-7 by both partners.",
    mechanism="Talk builds a sense of seeing the world alike through mutual, responsive disclosure; a "
              "shared attitude gives the first impression a head start (Byrne 1971); balanced talk keeps "
              "both partners disclosing and being heard.",
    run=run,
    limitations="Where the model lacks a shared-reality state, closeness stands in (rated_state()). "
                "Talk is the breadth of disclosures, not characters, and every turn alternates, so "
                "dominance comes only from how much each says per turn.",
)
