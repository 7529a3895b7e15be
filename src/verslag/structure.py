"""Debate structure: phases, interruptions, commitments (owned by issue 3)."""

from __future__ import annotations

from verslag.model import Verslag

__all__ = ["analyze"]


def analyze(v: Verslag) -> None:
    """Fill phases, interruptions and commitments of ``v`` in place."""
