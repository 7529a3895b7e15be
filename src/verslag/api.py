"""Entry points: wire the stages together and keep every failure inside :class:`VerslagError`.

Text → :mod:`source` → :mod:`layout` → :mod:`lexer` → :mod:`grammar` (+ :mod:`frontmatter`)
→ :mod:`structure` → :class:`Verslag`.  XML bytes → :mod:`xml_reader` → :class:`Verslag`
→ :mod:`xml_writer` → bytes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from verslag.errors import InputError, InternalError, VerslagError
from verslag.model import Verslag

__all__ = ["compare", "detect_format", "parse", "parse_text", "read_vlos", "read_xml", "write_xml"]

T = TypeVar("T")

#: A namespace that marks VLOS (the Tweede Kamer's vergaderverslag XML).
VLOS_NAMESPACE = b"http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"


def _guarded(fn: Callable[[], T], what: str) -> T:
    """Run ``fn``; any exception that is not a VerslagError becomes an InternalError (a bug to report)."""
    try:
        return fn()
    except VerslagError:
        raise
    except RecursionError as e:  # deeply nested input: refuse, do not crash
        raise InputError(f"{what}: input too deeply nested", found="recursion", expected="a shallower document") from e
    except MemoryError as e:
        raise InputError(f"{what}: input too large", found="out of memory", expected="a smaller document") from e
    except Exception as e:
        raise InternalError(f"{what}: internal error {type(e).__name__}: {e}") from e


def parse_text(text: str, *, strict: bool = False) -> Verslag:
    """Parse the PDF text of a committee report into a :class:`Verslag`.

    In the default collect mode text that cannot be placed is kept in ``Verslag.unparsed`` with a
    diagnostic; with ``strict=True`` the first such problem raises a :class:`TextParseError`.
    """
    if not isinstance(text, str):
        raise InputError("parse_text needs a str", found=type(text).__name__, expected="str")

    def run() -> Verslag:
        from verslag import grammar, structure

        v = grammar.parse(text, strict=strict)
        structure.analyze(v)
        return v

    return _guarded(run, "parse_text")


def read_xml(data: bytes) -> Verslag:
    """Read Officiële Bekendmakingen XML (Handelingen or Kamerstuk) or VLOS into a :class:`Verslag`.

    The result remembers the raw bytes so that :func:`write_xml` gives them back unchanged.
    """
    if isinstance(data, str):
        raise InputError("read_xml needs bytes", found="str", expected="bytes (the file as read in binary mode)")
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InputError("read_xml needs bytes", found=type(data).__name__, expected="bytes")

    def run() -> Verslag:
        if VLOS_NAMESPACE in bytes(data[:4096]):
            from verslag.vlos import read_vlos as _read_vlos

            return _read_vlos(bytes(data))
        from verslag.xml_reader import read_xml as _read_xml

        return _read_xml(bytes(data))

    return _guarded(run, "read_xml")


def read_vlos(data: bytes) -> Verslag:
    """Read the Tweede Kamer's VLOS vergaderverslag XML into a :class:`Verslag`."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InputError("read_vlos needs bytes", found=type(data).__name__, expected="bytes")

    def run() -> Verslag:
        from verslag.vlos import read_vlos as _read_vlos

        return _read_vlos(bytes(data))

    return _guarded(run, "read_vlos")


def write_xml(v: Verslag) -> bytes:
    """Write a :class:`Verslag` as OB XML: the original bytes where nothing changed, new markup in the document's style."""
    if not isinstance(v, Verslag):
        raise InputError("write_xml needs a Verslag", found=type(v).__name__, expected="Verslag")

    def run() -> bytes:
        from verslag.xml_writer import write_xml as _write_xml

        return _write_xml(v)

    return _guarded(run, "write_xml")


def detect_format(data: bytes) -> str:
    """Say what ``data`` is: ``'vlos'``, ``'ob-xml'`` or ``'text'``."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "vlos" if VLOS_NAMESPACE in data[:4096] else "ob-xml"
    return "text"


def _decode(data: bytes) -> str:
    """Decode text input: UTF-8 (with or without BOM), else cp1252 with a diagnostic left to the parser."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def parse(source: str | bytes | os.PathLike[str], *, strict: bool = False) -> Verslag:
    """Parse a path, ``str`` text or ``bytes``: text, OB XML or VLOS, detected by content.

    A ``str`` that names an existing file is read as that file; any other ``str`` is report text.
    """
    data: bytes
    if isinstance(source, os.PathLike):
        data = _read_path(Path(source))
    elif isinstance(source, str):
        if "\n" not in source and len(source) < 4096 and _is_file(source):
            data = _read_path(Path(source))
        else:
            return parse_text(source, strict=strict)
    elif isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        raise InputError("parse needs a path, str or bytes", found=type(source).__name__, expected="path, str or bytes")
    kind = detect_format(data)
    if kind == "text":
        return parse_text(_decode(data), strict=strict)
    return read_xml(data)


def _is_file(name: str) -> bool:
    try:
        return Path(name).is_file()
    except (OSError, ValueError):
        return False


def _read_path(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {p}: {e.strerror}", found=str(p), expected="a readable file") from e


def compare(a: Verslag, b: Verslag, *, positions: bool = False) -> list[str]:
    """The differences in content between two reports, as readable lines (empty: same content).

    Compares meta, turns (speaker, paragraphs, phase), suspensions, interruptions and commitments.
    Source positions (line numbers) are compared only with ``positions=True``, so a report read
    from text and the same report read from XML compare equal.
    """
    out: list[str] = []

    def dump(x: Any) -> Any:
        d = x.model_dump(mode="json")
        if not positions:
            for key in ("lines", "paragraph_lines"):
                d.pop(key, None)
        return d

    ma, mb = a.meta.model_dump(mode="json"), b.meta.model_dump(mode="json")
    for key in ma:
        if ma[key] != mb.get(key):
            out.append(f"meta.{key}: {ma[key]!r} != {mb.get(key)!r}")
    for name in ("turns", "suspensions", "chair_changes", "interruptions", "commitments"):
        xs, ys = getattr(a, name), getattr(b, name)
        if len(xs) != len(ys):
            out.append(f"{name}: {len(xs)} != {len(ys)}")
        for i, (x, y) in enumerate(zip(xs, ys, strict=False)):
            dx, dy = dump(x), dump(y)
            if dx != dy:
                keys = [k for k in dx if dx[k] != dy.get(k)]
                out.append(f"{name}[{i}] differs in {keys}: {[dx[k] for k in keys]!r} != {[dy.get(k) for k in keys]!r}")
    return out
