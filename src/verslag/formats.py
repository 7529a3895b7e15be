"""Output formats of ``verslag parse --format``: a table from name to writer, one module per format."""

from __future__ import annotations

from collections.abc import Callable

from verslag.model import Verslag

__all__ = ["FORMATS", "render"]


def _json(v: Verslag) -> str:
    return v.model_dump_json(indent=2) + "\n"


def _text(v: Verslag) -> str:
    from verslag.summary import plain_text

    return plain_text(v)


def _summary(v: Verslag) -> str:
    from verslag.summary import summary

    return summary(v)


def _xml(v: Verslag) -> bytes:
    from verslag.api import write_xml

    return write_xml(v)


def _html(v: Verslag) -> str:
    from verslag.html_page import debate_page

    return debate_page(v)


def _tei(v: Verslag) -> bytes:
    from verslag.tei import to_tei

    return to_tei(v)


def _jsonl(v: Verslag) -> str:
    from verslag.export import to_jsonl

    return to_jsonl(v)


def _csv(v: Verslag) -> str:
    from verslag.export import to_csv

    return to_csv(v)


def _markdown(v: Verslag) -> str:
    from verslag.export import to_markdown

    return to_markdown(v)


#: Format name → writer; a writer returns ``str`` (written as UTF-8) or ``bytes`` (written as is).
FORMATS: dict[str, Callable[[Verslag], str | bytes]] = {
    "json": _json,
    "text": _text,
    "summary": _summary,
    "xml": _xml,
    "html": _html,
    "tei": _tei,
    "jsonl": _jsonl,
    "csv": _csv,
    "markdown": _markdown,
}


def render(v: Verslag, fmt: str) -> bytes:
    """Render ``v`` in format ``fmt`` as bytes."""
    out = FORMATS[fmt](v)
    return out.encode("utf-8") if isinstance(out, str) else out
