"""Robustness suite: hostile input, faults, determinism (issue 7)."""
