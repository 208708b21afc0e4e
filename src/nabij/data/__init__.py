"""Data shipped with the package (see ``src/nabij/data/README.md`` for sources and credit).

:func:`question_norms` reads how strangers judge the questions of Aron et al.'s (1997)
closeness procedure and of its small-talk control (Brockbank et al., CogSci 2025, open data,
MIT licence): the protocols take their topic intimacies from these norms.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["QuestionNorm", "question_norms"]

NORMS_FILE = "aron-question-norms.csv"


@dataclass(frozen=True)
class QuestionNorm:
    """One question's mean ratings (0-100) by people who had not talked to anyone.

    ``set`` is 1-3 for the closeness questions and 0 for small talk.
    """

    item: str
    procedure: str
    set: int
    n_raters: int
    personal: float
    deep: float
    close_hearing: float
    close_sharing: float


@lru_cache(maxsize=1)
def question_norms() -> tuple[QuestionNorm, ...]:
    """Every normed question, in the file's order (closeness questions by set, then small talk)."""
    text = resources.files("nabij.data").joinpath(NORMS_FILE).read_text(encoding="utf-8")
    rows = []
    for raw in csv.DictReader(text.splitlines()):
        rows.append(QuestionNorm(
            item=raw["item"], procedure=raw["procedure"], set=int(raw["set"] or 0),
            n_raters=int(raw["n_raters"]), personal=float(raw["personal"]), deep=float(raw["deep"]),
            close_hearing=float(raw["close_hearing"]), close_sharing=float(raw["close_sharing"])))
    return tuple(rows)
