"""One module per published target (T1-T15); :data:`EXPERIMENTS` maps target ids to them."""

from __future__ import annotations

from nabij.lab.experiment import Experiment
from nabij.lab.experiments import (
    t01_aron,
    t02_sprecher,
    t03_laurenceau,
    t04_collins_miller,
    t05_murray_bellavia,
    t06_murray_derrick,
    t07_gaucher,
    t08_leary,
    t09_downey,
    t10_kardas,
    t11_ruan,
    t12_dindia,
    t13_tardy,
    t14_omarzu,
    t15_exposure,
)

_MODULES = (t01_aron, t02_sprecher, t03_laurenceau, t04_collins_miller, t05_murray_bellavia,
            t06_murray_derrick, t07_gaucher, t08_leary, t09_downey, t10_kardas, t11_ruan,
            t12_dindia, t13_tardy, t14_omarzu, t15_exposure)

EXPERIMENTS: dict[str, Experiment] = {m.EXPERIMENT.target_id: m.EXPERIMENT for m in _MODULES}

__all__ = ["EXPERIMENTS"]
