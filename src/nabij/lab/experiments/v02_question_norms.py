"""V2 - real question norms: closeness expected after sharing equals that after hearing.

Brockbank et al. (CogSci 2025), experiment 1, open data (shipped as
``nabij/data/aron-question-norms.csv``, :func:`nabij.data.question_norms`): 185 raters, who
had talked to no one, judged the questions of Aron et al.'s (1997) closeness procedure and
of its small-talk control on 0-100 sliders - how deep each is, and how close they would
feel to a partner after hearing the partner's answer or after sharing their own. Across
questions, closeness after sharing and after hearing agree almost perfectly (r = .97,
sharing minus hearing -0.4 points); deep questions promise more closeness (r = .83); within
raters, personal questions beat small talk (hearing 58.8 vs 40.6, d_z = 1.10; sharing
58.2 vs 40.3, d_z = 1.07).

The norms' depth is an *input* of the model (the protocols' topic intimacy); what is checked
here is everything else, which the model must produce. Each question is asked once: the
rater answers it to a stranger (sharing) or hears the stranger answer it (hearing), and
then rates how close they felt in that exchange on a 0-100 slider through the laboratory's
instrument. The rated state is the exchange's intimacy - in Reis & Shaver's (1988) sense the
felt closeness of one interaction, the model's counterpart of "how close would I feel after
this answer" - not the relationship's accumulated closeness, which one answer barely moves.
As in the study, each question is rated by as many raters as it had, drawn from one pool of
185, so each rater rates several questions of both kinds.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nabij._rng import spawn
from nabij.data import QuestionNorm, question_norms
from nabij.engine import Recorder, simulate
from nabij.lab.experiment import Experiment, Replication, sample_size
from nabij.lab.instruments import Rater
from nabij.lab.stats import correlation, paired_d
from nabij.model import Params, Population, sample_population
from nabij.protocols import Protocol
from nabij.protocols.conversation import SET_EMOTIONAL, SET_VALENCE

FloatArray = npt.NDArray[np.float64]

RATERS = 185
#: Emotionality and valence of a small-talk question, as in :func:`nabij.small_talk`.
SMALL_TALK_EMOTIONAL, SMALL_TALK_VALENCE = 0.1, 0.3


def _one_answer(q: QuestionNorm) -> Protocol:
    """Person 0 answers the question once; person 1 listens."""
    emotional = SMALL_TALK_EMOTIONAL if q.set == 0 else SET_EMOTIONAL[q.set - 1]
    valence = SMALL_TALK_VALENCE if q.set == 0 else SET_VALENCE[q.set - 1]
    return Protocol(q.item, np.array([0]), np.array([q.deep / 100.0]), np.array([valence]),
                    np.array([emotional]), np.array([0.0]))


def _felt_closeness(people: Population, pairs: npt.NDArray[np.int64], protocol: Protocol,
                    rng: np.random.SeedSequence, params: Params) -> FloatArray:
    """Each person's intimacy of the one exchange, ``(2, dyads)``."""
    res = simulate(people, pairs, protocol, params=params, rng=rng,
                   record=Recorder(per_turn=("intimacy",), final=()))
    return np.asarray(res.per_turn["intimacy"][0])


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    norms = question_norms()
    n_raters = sample_size(RATERS, scale)
    per_question = [max(2, round(q.n_raters * scale)) for q in norms]
    s_people, s_pick, s_run, s_rate = spawn(rng, 4)
    partners_needed = 2 * sum(per_question)
    people = sample_population(n_raters + partners_needed, s_people)
    pick = np.random.default_rng(s_pick)
    rate = Rater(s_rate, "0-100")
    runs = spawn(s_run, 2 * len(norms))
    sharing, hearing = np.zeros(len(norms)), np.zeros(len(norms))
    by_rater: dict[str, list[list[float]]] = {k: [[] for _ in range(n_raters)] for k in
                                               ("share_personal", "share_talk", "hear_personal", "hear_talk")}
    partner = n_raters
    for k, (q, m) in enumerate(zip(norms, per_question, strict=True)):
        raters = pick.choice(n_raters, size=min(m, n_raters), replace=False)
        others = np.arange(partner, partner + 2 * len(raters))
        partner += 2 * len(raters)
        protocol = _one_answer(q)
        shared = rate(_felt_closeness(people, np.column_stack([raters, others[: len(raters)]]), protocol,
                                 runs[2 * k], params)[0])
        heard = rate(_felt_closeness(people, np.column_stack([others[len(raters):], raters]), protocol,
                                runs[2 * k + 1], params)[1])
        sharing[k], hearing[k] = shared.mean(), heard.mean()
        kind = "talk" if q.procedure == "small_talk" else "personal"
        for r, s, h in zip(raters, shared, heard, strict=True):
            by_rater[f"share_{kind}"][r].append(float(s))
            by_rater[f"hear_{kind}"][r].append(float(h))
    both = [i for i in range(n_raters) if by_rater["hear_personal"][i] and by_rater["hear_talk"][i]]

    def within(prefix: str) -> tuple[FloatArray, FloatArray]:
        personal = np.array([np.mean(by_rater[f"{prefix}_personal"][i]) for i in both])
        talk = np.array([np.mean(by_rater[f"{prefix}_talk"][i]) for i in both])
        return personal, talk

    hear_p, hear_t = within("hear")
    share_p, share_t = within("share")
    deep = np.array([q.deep for q in norms])
    return Replication(
        {"r_sharing_hearing": correlation(sharing, hearing),
         "sharing_minus_hearing": float((sharing - hearing).mean()),
         "r_depth_sharing": correlation(deep, sharing),
         "dz_hearing_personal_vs_small_talk": paired_d(hear_p, hear_t),
         "dz_sharing_personal_vs_small_talk": paired_d(share_p, share_t)},
        {"hearing: personal": [float(hear_p.mean())], "hearing: small talk": [float(hear_t.mean())],
         "sharing: personal": [float(share_p.mean())], "sharing: small talk": [float(share_t.mean())]},
    )


EXPERIMENT = Experiment(
    "V2",
    sample=RATERS,
    unit="raters",
    design=f"{RATERS} simulated raters; each of the 65 normed questions (33 closeness, 32 small talk) is "
           "rated by as many raters as in the study; a rater answers it once to a stranger (sharing) or "
           "hears the stranger answer it (hearing), then rates the closeness felt in that exchange "
           "(its intimacy) on a 0-100 slider.",
    mechanism="Disclosure builds intimacy for the discloser (own disclosure) and for the listener "
              "(the partner's disclosure) alike (Reis & Shaver 1988; Laurenceau et al. 1998), and more "
              "for a deeper topic, so sharing and hearing a question should promise the same closeness.",
    run=run,
    limitations="The raters imagined the exchange; the model runs it. Its felt closeness (intimacy) "
                "of a single answer comes about equally from sharing (being met) and from hearing "
                "(being trusted with the answer), but depends little on the question's depth: most "
                "of it is the warmth of the reply or of being confided in, which light talk earns "
                "too, so across questions sharing and hearing agree far less than in the norms and "
                "personal questions beat small talk by much less.")
