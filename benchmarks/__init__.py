"""Benchmarks of nabij: the engine against a Mesa model of the same rules and a limit kernel."""
