"""Tables of a Verslag (owned by issue 6)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from verslag.model import Verslag

__all__ = ["frame", "to_frame", "to_records"]


def to_records(v: Verslag, kind: str) -> list[dict[str, Any]]:
    """Rows of ``kind``."""
    raise NotImplementedError("to_records")


def to_frame(v: Verslag, kind: str) -> Any:
    """A DataFrame of ``kind``."""
    raise NotImplementedError("to_frame")


def frame(reports: Iterable[Verslag], kind: str) -> Any:
    """Many reports stacked."""
    raise NotImplementedError("frame")
