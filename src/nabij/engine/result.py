"""The result of a simulation: arrays as recorded, tidy pandas tables, and the RNG state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from nabij.engine.pairing import Pairing
from nabij.model.params import Params
from nabij.model.traits import Population
from nabij.protocols import Protocol

if TYPE_CHECKING:
    import pandas as pd  # imported by the methods that make frames: the journal runs without it

__all__ = ["SimulationResult"]


@dataclass(frozen=True)
class SimulationResult:
    """What :func:`~nabij.simulate` recorded.

    - ``per_turn[name]``: shape ``(turns, n)`` for per-dyad quantities of a turn (they
      belong to that turn's speaker) or ``(turns, 2, n)`` for per-person ones;
    - ``final[name]``: shape ``(2, n)``: person 0 and person 1 of each dyad at the end;
    - ``rng_state``: the root seed (entropy, spawn key) and block layout - enough to replay;
    - ``population``: the people who were simulated (their traits), when known.
    """

    protocol: Protocol
    pairing: Pairing
    per_turn: dict[str, np.ndarray]
    final: dict[str, np.ndarray]
    params: Params
    rng_state: dict[str, Any] = field(default_factory=dict)
    population: Population | None = None

    @property
    def n_dyads(self) -> int:
        return len(self.pairing)

    def final_frame(self, traits: bool = True) -> pd.DataFrame:
        """One row per person per dyad: dyad, person (0/1), person_id, partner_id, outcomes.

        With ``traits`` (and a known population) each row also carries the person's traits as
        columns, and the partner's as ``partner_<trait>``.
        """
        import pandas as pd

        n = self.n_dyads
        persons = self.pairing.persons
        data: dict[str, Any] = {
            "dyad": np.tile(np.arange(n), 2),
            "person": np.repeat([0, 1], n),
            "person_id": np.concatenate([persons[:, 0], persons[:, 1]]),
            "partner_id": np.concatenate([persons[:, 1], persons[:, 0]]),
        }
        for name, arr in self.final.items():
            data[name] = arr.reshape(-1) if arr.ndim == 2 else np.tile(arr, 2)
        if traits and self.population is not None:
            people = self.population.to_frame()
            for who, ids in (("", data["person_id"]), ("partner_", data["partner_id"])):
                for column in people.columns:
                    key = f"{who}{column}"
                    if key not in data:  # an outcome of the same name keeps its column
                        data[key] = people[column].to_numpy()[ids]
        return pd.DataFrame(data)

    def turns_frame(self, names: list[str] | None = None) -> pd.DataFrame:
        """Tidy per-turn records: turn, session, dyad, person, variable, value.

        Per-dyad quantities (depth, responsiveness, ...) are attributed to the turn's speaker.
        """
        import pandas as pd

        keys = names or list(self.per_turn)
        unknown = set(keys) - set(self.per_turn)
        if unknown:
            raise ValueError(f"names: not recorded: {sorted(unknown)}; recorded: "
                             f"{sorted(self.per_turn)} (declare them with Recorder(per_turn=...))")
        n, sessions = self.n_dyads, self.protocol.session
        frames = []
        for name in keys:
            arr = self.per_turn[name]
            t_count = arr.shape[0]
            if arr.ndim == 2:
                turn = np.repeat(np.arange(t_count), n)
                person = np.repeat(self.protocol.speaker[:t_count], n)
                dyad = np.tile(np.arange(n), t_count)
                values = arr.reshape(-1)
            else:
                turn = np.repeat(np.arange(t_count), 2 * n)
                person = np.tile(np.repeat([0, 1], n), t_count)
                dyad = np.tile(np.arange(n), 2 * t_count)
                values = arr.reshape(-1)
            frames.append(pd.DataFrame({"turn": turn, "session": sessions[turn], "dyad": dyad,
                                        "person": person, "variable": name,
                                        "value": values.astype(np.float64)}))
        return pd.concat(frames, ignore_index=True)

    def summary(self) -> pd.DataFrame:
        """Mean, sd and 95% interval of the mean for every numeric final outcome; the pair is the unit.

        The two partners of a pair influence each other, so they are not independent
        observations: the interval is built from the pair means (each pair's two partners
        averaged), ``mean +- 1.96 * sd(pair means) / sqrt(pairs)``. ``sd`` is the spread
        across persons (for per-pair outcomes, across pairs); ``pairs`` is the ``n`` of
        the interval.
        """
        import pandas as pd

        rows = []
        for name, arr in self.final.items():
            values = arr.astype(np.float64)
            per_pair = values.mean(axis=0) if values.ndim == 2 else values.reshape(-1)
            spread = values.reshape(-1)
            mean = float(per_pair.mean())
            sd = float(spread.std(ddof=1)) if spread.size > 1 else 0.0
            sd_pairs = float(per_pair.std(ddof=1)) if per_pair.size > 1 else 0.0
            half = 1.96 * sd_pairs / np.sqrt(per_pair.size)
            rows.append({"outcome": name, "mean": mean, "sd": sd,
                         "ci_low": mean - half, "ci_high": mean + half, "pairs": per_pair.size})
        frame = pd.DataFrame(rows)
        frame.attrs["interval"] = "95% interval of the mean with the pair as the unit (n = pairs)"
        return frame
