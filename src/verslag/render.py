"""Render a Verslag as the text a PDF extractor gives (owned by issue 5)."""

from __future__ import annotations

from pydantic import BaseModel

from verslag.model import Verslag

__all__ = ["Layout", "render_text"]


class Layout(BaseModel):
    """Knobs of the rendered layout."""


def render_text(v: Verslag, layout: Layout | None = None) -> str:
    """Render ``v`` as PDF text."""
    raise NotImplementedError("render_text")
