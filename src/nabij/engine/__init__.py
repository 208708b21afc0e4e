"""The engine: pairing, stepping N dyads x T turns, recording, replications."""

from nabij.engine.pairing import Pairing, fixed_pairs, one_with_many, random_pairs, round_robin
from nabij.engine.recording import FINAL_REPORTERS, TURN_REPORTERS, Recorder, ios, to_seven_point
from nabij.engine.result import SimulationResult
from nabij.engine.rounds import meet_in_rounds, schedule_rounds
from nabij.engine.simulate import replicate, simulate, simulate_many
from nabij.engine.streams import BLOCK_SIZE

__all__ = [
    "BLOCK_SIZE",
    "FINAL_REPORTERS",
    "TURN_REPORTERS",
    "Pairing",
    "Recorder",
    "SimulationResult",
    "fixed_pairs",
    "ios",
    "meet_in_rounds",
    "one_with_many",
    "random_pairs",
    "replicate",
    "round_robin",
    "schedule_rounds",
    "simulate",
    "simulate_many",
    "to_seven_point",
]
