"""Parse many reports in parallel (owned by the scale work; see issue 5)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from verslag.errors import VerslagError
from verslag.model import Verslag

__all__ = ["parse_many", "run_batch"]


def parse_many(paths: Iterable[str | Path], workers: int = 1) -> Iterator[Verslag | VerslagError]:
    """Yield, in order, the Verslag of each path or the VerslagError it raised."""
    raise NotImplementedError("parse_many")


def run_batch(folder: Path, out: Path, *, jobs: int = 1, pattern: str = "*", progress: bool = True) -> int:
    """Parse a folder into JSON Lines."""
    raise NotImplementedError("run_batch")
