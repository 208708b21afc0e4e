"""Benchmarks of nabij: the engine against Mesa, the rules on whole arrays, and two bounds."""
