"""Individual differences: who each simulated person is, and how a population is sampled.

Twelve traits (theory.md, "individual differences"; seeds ``000`` and ``001``). Seven are
the person's own dispositions, four are how they come across to others at first sight and
how they see others (Kenny 1994): expressiveness, warmth and attractiveness (what others
perceive) and leniency (a perceiver's tendency to like most people); the last is the fear
of being known (seed 001), which is not the fear of rejection. All but one are scores on ``[0, 1]``
(0 = the lowest, 1 = the highest a questionnaire or a panel of judges can show); the number
of close relationships is a count. A population is sampled through a Gaussian copula: latent normal
scores with the correlation matrix :data:`TRAIT_CORRELATIONS` are mapped to each trait's
marginal (logit-normal for scores, Poisson for the count).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from nabij._rng import RngLike, as_generator

if TYPE_CHECKING:
    import pandas as pd  # imported where a frame is made: the journal starts without pandas

FloatArray = npt.NDArray[np.float64]

__all__ = [
    "FIRST_SIGHT_TRAITS",
    "SCORE_TRAITS",
    "TRAIT_CORRELATIONS",
    "TRAIT_MARGINALS",
    "Population",
    "TraitMarginal",
    "sample_population",
]

SCORE_TRAITS: tuple[str, ...] = (
    "self_esteem",
    "rejection_sensitivity",
    "avoidance",
    "need_to_belong",
    "self_compassion",
    "opener",
    "expressiveness",
    "warmth",
    "attractiveness",
    "leniency",
    "fear_of_being_known",
)


@dataclass(frozen=True)
class TraitMarginal:
    """The population distribution of one trait and where it comes from.

    Scores are logit-normal: ``score = sigmoid(location + scale * z)``; the count
    ``n_close`` is Poisson with rate ``exp(location + scale * z)``.
    """

    location: float
    scale: float
    meaning: str
    source: str


TRAIT_MARGINALS: dict[str, TraitMarginal] = {
    "self_esteem": TraitMarginal(
        0.5, 0.8, "chronic self-esteem (Rosenberg scale rescaled to 0-1); most people sit above "
        "the midpoint", "Rosenberg (1965); Leary et al. (1995)"),
    "rejection_sensitivity": TraitMarginal(
        -0.6, 0.8, "anxious expectation of rejection (RSQ rescaled); right-skewed",
        "Downey & Feldman (1996)"),
    "avoidance": TraitMarginal(
        -0.7, 0.8, "attachment avoidance (ECR-R rescaled): discomfort with depending on others",
        "Winterheld (2017); Fraley et al. (2000)"),
    "need_to_belong": TraitMarginal(
        0.3, 0.7, "need to belong: how much a person wants accepting relationships",
        "Baumeister & Leary (1995)"),
    "self_compassion": TraitMarginal(
        0.0, 0.8, "self-compassion: kindness to oneself after failure or rejection",
        "Neff (2003); seed 004"),
    "opener": TraitMarginal(
        0.0, 0.8, "interpersonal skill at eliciting disclosure (Opener Scale rescaled)",
        "Miller, Berg & Archer (1983)"),
    "n_close": TraitMarginal(
        np.log(3.5), 0.35, "number of existing close relationships (count); typical adults name "
        "about 3-5", "Dunbar & Spoors (1995); seed 000"),
}

# The first-sight traits: how a person comes across to others (thin slices; Ambady &
# Rosenthal 1992) and how they see others (Kenny 1994). Symmetric around the midpoint.
TRAIT_MARGINALS.update({
    "expressiveness": TraitMarginal(
        0.0, 0.8, "nonverbal expressiveness others perceive at first sight (Affective Communication "
        "Test, rescaled)", "Friedman, Prince, Riggio & DiMatteo (1980); Riggio & Friedman (1986)"),
    "warmth": TraitMarginal(
        0.0, 0.8, "how warm and friendly a person comes across to strangers (judges' consensus)",
        "Fiske, Cuddy & Glick (2007); Ambady & Rosenthal (1992)"),
    "attractiveness": TraitMarginal(
        0.0, 0.8, "physical attractiveness as judges agree on it", "Langlois et al. (2000); "
        "Walster, Aronson, Abrahams & Rottman (1966)"),
    "leniency": TraitMarginal(
        0.0, 0.8, "a perceiver's general tendency to like the people they meet (the perceiver "
        "effect of liking)", "Kenny (1994); Wood, Harms & Vazire (2010)"),
    "fear_of_being_known": TraitMarginal(
        -0.5, 0.8, "fear of being known: dread of exposing one's self-image, whatever the "
        "other's reaction (distinct from fear of rejection)",
        "seed 001; Descutner & Thelen (1991); Tangney & Dearing (2002) on shame"),
})

#: The traits in the order of :class:`Population` (the count ``n_close`` after the first six
#: scores, the four first-sight traits last).
TRAIT_NAMES: tuple[str, ...] = (*SCORE_TRAITS[:6], "n_close", *SCORE_TRAITS[6:])
#: The traits added after the first seven (drawn after them, so a seed keeps its people):
#: how a person comes across at first sight and sees others (Kenny 1994), and the fear of
#: being known (seed 001).
FIRST_SIGHT_TRAITS: tuple[str, ...] = SCORE_TRAITS[6:]

# Correlations of the latent scores, in the order of TRAIT_NAMES. Signs and rough sizes
# follow the literature: self-esteem with rejection sensitivity about -.4 (Downey & Feldman
# 1996), with self-compassion about +.5 (Neff 2003); avoidance with rejection sensitivity
# about +.2 and with the number of close relationships about -.3; openers have somewhat
# higher self-esteem (Miller et al. 1983). First-sight traits: expressive and warm people
# are better at drawing others out (+.3 with opener; Riggio 1986), expressiveness and warmth
# go together (+.3; Friedman et al. 1980), attractiveness relates weakly to self-esteem
# (+.1; Feingold 1992), and people who like most others are a little more secure and warm
# (+.2; Wood, Harms & Vazire 2010). Fear of being known goes with shame-proneness: lower
# self-esteem and self-compassion (-.3), more rejection sensitivity and avoidance (+.3;
# Descutner & Thelen 1991; seed 001). Everything else is set to zero.
TRAIT_CORRELATIONS: FloatArray = np.array(
    [
        # SE    RS    AV    NB    SC    OP    NC    EX    WA    AT    LE    FK
        [1.00, -0.40, -0.20, 0.00, 0.50, 0.20, 0.20, 0.10, 0.10, 0.10, 0.20, -0.30],  # self_esteem
        [-0.40, 1.00, 0.20, 0.25, -0.30, -0.10, -0.10, 0.00, 0.00, 0.00, 0.00, 0.30],  # rej. sens.
        [-0.20, 0.20, 1.00, -0.30, -0.10, -0.20, -0.30, -0.20, -0.20, 0.00, -0.10, 0.30],  # avoid.
        [0.00, 0.25, -0.30, 1.00, 0.00, 0.10, 0.10, 0.00, 0.10, 0.00, 0.00, 0.00],  # need_to_belong
        [0.50, -0.30, -0.10, 0.00, 1.00, 0.15, 0.10, 0.00, 0.10, 0.00, 0.10, -0.30],  # self_comp.
        [0.20, -0.10, -0.20, 0.10, 0.15, 1.00, 0.20, 0.30, 0.30, 0.00, 0.10, -0.10],  # opener
        [0.20, -0.10, -0.30, 0.10, 0.10, 0.20, 1.00, 0.10, 0.10, 0.00, 0.00, -0.10],  # n_close
        [0.10, 0.00, -0.20, 0.00, 0.00, 0.30, 0.10, 1.00, 0.30, 0.10, 0.00, -0.10],  # expressive.
        [0.10, 0.00, -0.20, 0.10, 0.10, 0.30, 0.10, 0.30, 1.00, 0.00, 0.20, 0.00],  # warmth
        [0.10, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.10, 0.00, 1.00, 0.00, 0.00],  # attractiveness
        [0.20, 0.00, -0.10, 0.00, 0.10, 0.10, 0.00, 0.00, 0.20, 0.00, 1.00, 0.00],  # leniency
        [-0.30, 0.30, 0.30, 0.00, -0.30, -0.10, -0.10, -0.10, 0.00, 0.00, 0.00, 1.00],  # fear known
    ]
)


def _check_score(name: str, values: FloatArray) -> None:
    if values.size and values.min() >= 0.0 and values.max() <= 1.0:
        return  # the usual case, in two reductions (NaN or inf fail these tests and are named below)
    if not np.all(np.isfinite(values)):
        raise ValueError(f"{name}: every value must be a finite number in [0, 1]; found NaN or inf")
    if values.size and (values.min() < 0.0 or values.max() > 1.0):
        bad = values[(values < 0.0) | (values > 1.0)][0]
        raise ValueError(f"{name}: must lie in [0, 1] (0 = lowest, 1 = highest); got {bad:g}")


@dataclass(frozen=True)
class Population:
    """The traits of P people, one array of length P per trait.

    Build one with :func:`sample_population`, :meth:`from_mapping` or :meth:`from_frame`;
    every constructor validates ranges and says which trait is wrong.
    """

    self_esteem: FloatArray
    rejection_sensitivity: FloatArray
    avoidance: FloatArray
    need_to_belong: FloatArray
    self_compassion: FloatArray
    opener: FloatArray
    n_close: FloatArray
    expressiveness: FloatArray
    warmth: FloatArray
    attractiveness: FloatArray
    leniency: FloatArray
    fear_of_being_known: FloatArray

    def __post_init__(self) -> None:
        sizes = set()
        for f in fields(self):
            arr = np.atleast_1d(np.asarray(getattr(self, f.name), dtype=np.float64))
            if arr.ndim != 1:
                raise ValueError(f"{f.name}: expected one value per person (1-D), got {arr.ndim}-D")
            object.__setattr__(self, f.name, arr)
            sizes.add(arr.size)
        if len(sizes) != 1:
            raise ValueError(f"traits have different lengths {sorted(sizes)}: give one per person")
        for name in SCORE_TRAITS:
            _check_score(name, getattr(self, name))
        nc = self.n_close
        if not np.all(np.isfinite(nc)) or (nc.size and nc.min() < 0):
            raise ValueError("n_close: the number of close relationships must be a finite count >= 0")

    def __len__(self) -> int:
        return int(self.self_esteem.size)

    def take(self, index: npt.ArrayLike) -> Population:
        """The sub-population at ``index`` (an int array), in that order."""
        idx = np.asarray(index, dtype=np.intp)
        return Population(**{f.name: getattr(self, f.name)[idx] for f in fields(self)})

    @classmethod
    def from_mapping(cls, traits: Mapping[str, npt.ArrayLike], size: int | None = None) -> Population:
        """Build from a mapping of trait name to values; missing traits get the population median.

        Scalars are broadcast to ``size`` people (default: the length of the longest array).
        """
        unknown = set(traits) - set(TRAIT_NAMES)
        if unknown:
            raise ValueError(
                f"unknown trait(s) {sorted(unknown)}; the traits are {', '.join(TRAIT_NAMES)}"
            )
        arrays = {k: np.atleast_1d(np.asarray(v, dtype=np.float64)) for k, v in traits.items()}
        n = size if size is not None else max((a.size for a in arrays.values()), default=1)
        out: dict[str, FloatArray] = {}
        for name in TRAIT_NAMES:
            if name in arrays:
                out[name] = np.broadcast_to(arrays[name], (n,)).copy()
            else:
                out[name] = np.full(n, median_trait(name))
        return cls(**out)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Population:
        """Build from a DataFrame with one row per person and one column per trait."""
        return cls.from_mapping({c: frame[c].to_numpy(dtype=np.float64) for c in frame.columns})

    def to_frame(self) -> pd.DataFrame:
        """One row per person, one column per trait."""
        import pandas as pd

        return pd.DataFrame({f.name: getattr(self, f.name) for f in fields(self)})


def median_trait(name: str) -> float:
    """The population median of a trait under :data:`TRAIT_MARGINALS`."""
    m = TRAIT_MARGINALS[name]
    if name == "n_close":
        from scipy import stats  # lazy: keeps `import nabij` fast

        return float(stats.poisson.median(np.exp(m.location)))
    return float(1.0 / (1.0 + np.exp(-m.location)))


@functools.lru_cache(maxsize=16)
def _cholesky(matrix: bytes) -> FloatArray:
    """The Cholesky factor of a trait correlation matrix (given as its bytes), computed once
    per matrix: studies sample people at every simulation. Read-only, as it is shared."""
    k = len(TRAIT_NAMES)
    chol = np.asarray(np.linalg.cholesky(np.frombuffer(matrix, dtype=np.float64).reshape(k, k)),
                      dtype=np.float64)
    chol.flags.writeable = False
    return chol


def sample_population(
    n: int,
    rng: RngLike = None,
    marginals: Mapping[str, TraitMarginal] | None = None,
    correlations: npt.ArrayLike | None = None,
) -> Population:
    """Sample ``n`` people with correlated traits (Gaussian copula; see module docstring)."""
    if n < 1:
        raise ValueError(f"n: a population needs at least 1 person, got {n}")
    marg = dict(TRAIT_MARGINALS, **(marginals or {}))
    corr = TRAIT_CORRELATIONS if correlations is None else np.asarray(correlations, dtype=float)
    if corr.shape != (len(TRAIT_NAMES), len(TRAIT_NAMES)):
        raise ValueError(f"correlations: expected a {len(TRAIT_NAMES)}x{len(TRAIT_NAMES)} matrix")
    try:
        chol = _cholesky(np.ascontiguousarray(corr, dtype=np.float64).tobytes())
    except np.linalg.LinAlgError as err:
        raise ValueError("correlations: the matrix must be positive definite") from err
    gen = as_generator(rng)
    # The seven dispositions are drawn first, exactly as before the first-sight traits existed
    # (the Cholesky factor is lower triangular, so their scores need only the first seven
    # normals); the first-sight traits' normals come after, so a seed keeps its people.
    k = len(TRAIT_NAMES) - len(FIRST_SIGHT_TRAITS)
    e = np.empty((n, len(TRAIT_NAMES)))
    e[:, :k] = gen.standard_normal((n, k))
    out: dict[str, FloatArray] = {}
    for j, name in enumerate(TRAIT_NAMES):
        if j == k:
            e[:, k:] = gen.standard_normal((n, len(TRAIT_NAMES) - k))
        m = marg[name]
        latent = m.location + m.scale * (e[:, :j + 1] @ chol[j, :j + 1])
        if name == "n_close":
            out[name] = gen.poisson(np.exp(latent)).astype(np.float64)
        else:
            out[name] = 1.0 / (1.0 + np.exp(-latent))
    return Population(**out)
