"""Entry points: wire the stages together and keep every failure inside :class:`VerslagError`.

Text → :mod:`source` → :mod:`layout` → :mod:`lexer` → :mod:`grammar` (+ :mod:`frontmatter`)
→ :mod:`structure` → :class:`Verslag`.  XML bytes → :mod:`xml_reader` → :class:`Verslag`
→ :mod:`xml_writer` → bytes.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from verslag.errors import InputError, InternalError, VerslagError
from verslag.model import Verslag

if TYPE_CHECKING:
    from verslag.speakers import Resolution

__all__ = ["compare", "detect_format", "parse", "parse_text", "read_vlos", "read_xml", "resolve_speaker", "write_xml"]

T = TypeVar("T")

#: A namespace that marks VLOS (the Tweede Kamer's vergaderverslag XML).
VLOS_NAMESPACE = b"http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"

#: How far into the input the root element's start tag is looked for (after the prolog).
DETECT_BYTES = 1 << 16

#: The prolog before the root element: declaration, comments, PIs, a doctype, white space.
#: '<?xml version="1.0" encoding="utf-8"?>\r\n<?xpp sp;1?>\r\n<!-- … -->\r\n<officiele-publicatie …'
PROLOG_RE = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL)

#: The root element's start tag: '<vlosCoreDocument xmlns="http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0" …>'.
ROOT_TAG_RE = re.compile(rb"<[A-Za-z_][^>]*>?")

#: The encoding named in an XML declaration: '<?xml version="1.0" encoding="ISO-8859-1"?>'.
DECLARED_ENCODING_RE = re.compile(r"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["'](?P<enc>[A-Za-z0-9._\-]+)["']""")

#: A one-line str that names a file rather than holding a report: 'fixtures/kst-26643-679.txt'.
PATH_LIKE_RE = re.compile(r"^[^\n]{0,4000}\.(?:txt|xml|pdf|html?|json|jsonl)$", re.IGNORECASE)

#: Byte-order marks of the UTF-16 and UTF-32 encodings XML may come in, longest first.
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
              (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))  # fmt: skip


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
    """Write a :class:`Verslag` as OB XML: the original bytes where nothing changed, new markup in the document's style.

    Raises :class:`RoundTripError` naming the field when an edit cannot be held in OB XML (see
    ``docs/xml.md``, "Edits that are written back").
    """
    if not isinstance(v, Verslag):
        raise InputError("write_xml needs a Verslag", found=type(v).__name__, expected="Verslag")

    def run() -> bytes:
        from verslag.xml_writer import write_xml as _write_xml

        return _write_xml(v)

    return _guarded(run, "write_xml")


def _xml_head(data: bytes) -> bytes | None:
    """The first bytes of ``data`` as ASCII-compatible bytes if it is XML (UTF-8, UTF-16 or UTF-32), else None."""
    head = bytes(data[: DETECT_BYTES * 4])
    for bom, enc in _WIDE_BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(enc, errors="replace").encode("utf-8", errors="replace")[:DETECT_BYTES]
    if head[:4] in (b"<\x00?\x00", b"\x00<\x00?"):  # UTF-16 without a byte-order mark
        enc = "utf-16-le" if head[0] == 0x3C else "utf-16-be"
        return head.decode(enc, errors="replace").encode("utf-8", errors="replace")[:DETECT_BYTES]
    head = head[:DETECT_BYTES]
    stripped = head.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n")
    return stripped if stripped.startswith(b"<") else None


def detect_format(data: bytes) -> str:
    """Say what ``data`` is: ``'vlos'``, ``'ob-xml'`` or ``'text'``.

    XML is recognised in UTF-8, UTF-16 and UTF-32; it is VLOS when the root element's start tag
    (after any declaration, comments and processing instructions) carries the VLOS namespace.
    """
    head = _xml_head(data)
    if head is None:
        return "text"
    prolog = PROLOG_RE.match(head)
    root = ROOT_TAG_RE.match(head, prolog.end() if prolog else 0)
    tag = root.group() if root else head
    return "vlos" if VLOS_NAMESPACE in tag else "ob-xml"


def _xml_str_to_bytes(text: str) -> bytes:
    """A ``str`` holding XML as bytes in the encoding its declaration names (UTF-8 without one)."""
    m = DECLARED_ENCODING_RE.match(text.lstrip("\ufeff"))
    enc = m.group("enc") if m else "utf-8"
    try:
        codecs.lookup(enc)
    except LookupError:
        enc = "utf-8"
    if enc.lower().replace("_", "-") in ("utf-16", "utf-32"):
        return text.encode(enc)  # with the byte-order mark these encodings need
    return text.encode(enc, errors="xmlcharrefreplace")


def _decode(data: bytes) -> str:
    """Decode text input: UTF-8 (with or without BOM), else cp1252 with a diagnostic left to the parser."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def parse(source: str | bytes | os.PathLike[str], *, strict: bool = False) -> Verslag:
    """Parse a path, ``str`` text or ``bytes``: text, OB XML or VLOS, detected by content.

    A ``str`` that names an existing file is read as that file; a ``str`` that holds XML is read as
    XML; a one-line ``str`` that looks like a file name ('report.txt') but names no file raises
    :class:`InputError`; any other ``str`` is report text.
    """
    data: bytes
    if isinstance(source, os.PathLike):
        data = _read_path(Path(source))
    elif isinstance(source, str):
        if "\n" not in source and len(source) < 4096 and _is_file(source):
            data = _read_path(Path(source))
        elif "\n" not in source and PATH_LIKE_RE.match(source.strip()):
            raise InputError(f"no such file: {source}", found=source, expected="an existing file, or the report's text")
        elif source.lstrip("\ufeff \t\r\n").startswith("<"):
            data = _xml_str_to_bytes(source)
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


def resolve_speaker(v: Verslag, mention: str) -> Resolution | None:
    """Who in ``v`` is meant by ``mention``: 'meneer Amhaouch', 'collega Keijzer', 'de Minister van BZK'.

    Resolved against the report's own people (header and speakers) with rapidfuzz; the
    :class:`~verslag.speakers.Resolution` has the surname, a score (0..1) and the reason.  ``None``
    when nobody fits well enough or two people fit equally well: a name is never guessed.
    """
    if not isinstance(v, Verslag) or not isinstance(mention, str):
        raise InputError("resolve_speaker needs a Verslag and a str", found=type(mention).__name__, expected="str")

    def run() -> Resolution | None:
        from verslag.speakers import roster

        people = roster(v)
        res = people.resolve(mention)
        if res is None:  # a mention inside a sentence: 'Ik sluit me aan bij collega Keijzer.'
            hits = {m.resolution.name: m.resolution for m in people.find(mention) if m.resolution is not None}
            res = next(iter(hits.values())) if len(hits) == 1 else None
        return res

    return _guarded(run, "resolve_speaker")


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
