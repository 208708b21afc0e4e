"""One module per target (T1-T15 published findings, V1-V3 real data); :data:`EXPERIMENTS` maps ids."""

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
    v01_round_robin,
    v02_question_norms,
    v03_shared_reality,
)

_MODULES = (t01_aron, t02_sprecher, t03_laurenceau, t04_collins_miller, t05_murray_bellavia,
            t06_murray_derrick, t07_gaucher, t08_leary, t09_downey, t10_kardas, t11_ruan,
            t12_dindia, t13_tardy, t14_omarzu, t15_exposure, v01_round_robin, v02_question_norms,
            v03_shared_reality)

EXPERIMENTS: dict[str, Experiment] = {m.EXPERIMENT.target_id: m.EXPERIMENT for m in _MODULES}

__all__ = ["EXPERIMENTS"]
