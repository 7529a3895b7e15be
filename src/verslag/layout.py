"""Layout clean-up of PDF text: page starts, running footers, blank lines, wrapping and hyphens.

Every removal is recorded as :class:`~verslag.model.Furniture` with its source line, so each step
can be traced back to a position.  The output is a list of :class:`Line` (content lines only),
and :func:`join_lines` rebuilds paragraphs from hard-wrapped lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from verslag.model import Furniture
from verslag.patterns import FOOTER_RE, FOOTER_TAIL_RE, MOTIE_CLAUSE_RE, MOTIE_OPENING_RE
from verslag.source import Source

__all__ = ["Layout", "Line", "clean", "dehyphenate", "ends_clause", "ends_paragraph", "join_lines", "paragraphs", "squash"]

#: Characters that can end a paragraph (sentence end, list end, a closing quote or bracket).
PARAGRAPH_END = frozenset(".!?:;…\"”’»)")

#: Conjunctions after which a line-end hyphen is a suspended hyphen ("Hard- en Software").
SUSPENDED_HYPHEN_FOLLOWERS = frozenset({"en", "of", "tot", "noch", "als"})

#: Pairs of vowels that read as one sound in Dutch: across the parts of a compound they take a
#: hyphen (klinkerbotsing: 'co-ouderschap', 'zee-egel', 'auto-ongeluk', 'na-apen', 'mini-ijstijd').
VOWEL_CLASHES = frozenset({"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ij", "oe", "oi", "oo", "ou", "ui", "uu"})


@dataclass(slots=True)
class Line:
    """One content line of the source after layout clean-up."""

    text: str  #: the line without page-start space and trailing whitespace
    number: int  #: 1-based source line
    column: int  #: 1-based column of the first character kept
    blank_before: int  #: how many blank lines (not counting footers) preceded it
    page_start: bool  #: the line opened a page (leading space or form feed)


@dataclass(slots=True)
class Layout:
    """The result of the clean-up: content lines, removed furniture and facts read from footers."""

    lines: list[Line]
    furniture: list[Furniture]
    footers: list[dict[str, str]]  #: the named groups of each running footer
    width: int  #: the wrap width estimated from the line lengths


def _furniture(kind: Literal["footer", "page_start"], text: str, line: int) -> Furniture:
    # PERF: trusted values; skip validation (hundreds of blank lines per report)
    return Furniture.model_construct(kind=kind, text=text, line=line)


def clean(src: Source) -> Layout:
    """Remove page starts, running footers and the blank lines that belong to them.

    Whitespace (blank lines, trailing spaces, wrap points) is layout and not recorded; a page-start
    space and a footer line are recorded as :class:`Furniture`.
    """
    out: list[Line] = []
    furniture: list[Furniture] = []
    footers: list[dict[str, str]] = []
    blanks = 0  # blank lines pending before the next content line
    breaks = src.page_breaks
    number = 0
    for raw in src.lines:
        number += 1
        stripped = raw.strip()
        if not stripped:
            blanks += 1
            continue
        if stripped[0] in "TE" and stripped.startswith(("Tweede Kamer, verg", "Eerste Kamer, verg")):
            m = FOOTER_RE.match(stripped)
            if m is not None:
                footers.append({k: v for k, v in m.groupdict().items() if v is not None})
                furniture.append(_furniture(kind="footer", text=raw, line=number))
                continue
        if "Kamer, vergaderjaar" in stripped:
            tail = FOOTER_TAIL_RE.match(stripped)
            m = FOOTER_RE.match(tail["footer"]) if tail is not None else None
            if tail is not None and m is not None:
                footers.append({k: v for k, v in m.groupdict().items() if v is not None})
                furniture.append(_furniture(kind="footer", text=tail["footer"], line=number))
                stripped = tail["head"]
        lead = 0
        if raw[0] in " \t":
            lead = len(raw) - len(raw.lstrip())
            furniture.append(_furniture(kind="page_start", text=raw[:lead], line=number))
        page_start = lead == 1 or number in breaks
        out.append(Line(stripped, number, lead + 1, blanks, page_start))
        blanks = 0
    return Layout(out, furniture, footers, _estimate_width(out))


def _estimate_width(lines: Sequence[Line]) -> int:
    """The wrap width: a high percentile of line lengths (robust to a few overlong lines)."""
    if not lines:
        return 80
    lengths = sorted(len(ln.text) for ln in lines)
    k = min(len(lengths) - 1, int(len(lengths) * 0.98))
    return max(lengths[k], 20)


def dehyphenate(prev: str, nxt: str) -> tuple[str, str]:
    """How to join a line ending in '-' to the next: the text to keep of ``prev`` and the separator.

    A line-end hyphen is a break ('geschie-' + 'denis' → 'geschiedenis') unless the word is a real
    hyphenated compound: the fragment already holds a hyphen ('face-to-'), has a capital after its first
    letter ('GroenLinks-', 'MijnOverheid-'), is all capitals ('ISIDOOR-'), is one letter ('e-' + 'mail',
    'A-' + 'status': hyphenation never leaves a single letter), ends in a digit, the next line starts
    with a capital ('Noord-' + 'Holland') or a digit, or the two vowels across the hyphen would read
    as one sound ('co-' + 'ouderschap').  A hyphen followed by a conjunction ('Hard-' + 'en
    Software', 'hard-' + 'als software') is a suspended hyphen and keeps a space; 'zo-' + 'als' is
    'zoals' (a suspended part before 'als' has at least three letters).
    """
    words = prev.split()
    word = words[-1] if words else ""
    frag = word[:-1]
    first = nxt.split(" ", 1)[0] if nxt else ""
    if not frag or not frag[-1].isalnum():
        return prev, " "  # a dash on its own: 'zo -' + 'zei hij'
    if first in SUSPENDED_HYPHEN_FOLLOWERS and (first != "als" or len(frag) >= 3):
        return prev, " "
    keep = (
        "-" in frag
        or len(frag) == 1
        or any(c.isupper() for c in frag[1:])
        or (frag.isupper() and len(frag) > 1)
        or frag[-1].isdigit()
        or (first[:1].isupper())
        or (first[:1].isdigit())
        or (frag[-1] + first[:1]).lower() in VOWEL_CLASHES
    )
    return (prev, "") if keep else (prev[:-1], "")


def squash(s: str | None) -> str:
    """Whitespace collapsed to single spaces, ends stripped: ``" ".join(s.split())``, faster.

    PERF: most text needs no collapsing once its ends are stripped (OB paragraphs end in a hair
    space).  Stripped ASCII text without a double space and without an ASCII whitespace other
    than the space is already collapsed (``in`` on ASCII is a memchr); other text is checked with
    ``isprintable()``, which is False for every whitespace character except the space.  On
    h-tk-20142015-33-13.xml 2.1 µs a paragraph before, 0.6 after.  Shared by the XML reader and
    :func:`verslag.grammar.parse_paragraphs`, whose input the reader has collapsed already.
    """
    if not s:
        return ""
    t = s.strip()
    if "  " not in t:
        if t.isascii():
            if not ("\n" in t or "\t" in t or "\r" in t or "\x0b" in t or "\x0c" in t or "\x1c" in t or "\x1d" in t
                    or "\x1e" in t or "\x1f" in t):
                return t
        elif t.isprintable():
            return t
    return " ".join(t.split())


def join_lines(lines: Sequence[str]) -> str:
    """Join hard-wrapped lines into one paragraph, undoing line-end hyphenation."""
    if len(lines) == 1:
        return lines[0]
    # PERF: collect pieces and join once (was repeated concatenation)
    parts = [lines[0]]
    prev = lines[0]
    for ln in lines[1:]:
        if prev.endswith("-"):
            kept, sep = dehyphenate(prev, ln)
            parts[-1] = kept
            parts.append(sep)
        else:
            parts.append(" ")
        parts.append(ln)
        prev = ln
    return "".join(parts)


def ends_paragraph(line: str, nxt: str, width: int) -> bool:
    """Whether a paragraph ends after ``line``: it ends a sentence and the next word would have fit.

    A line that ends in a comma ends a paragraph too when the next one opens a clause of a motion
    (:data:`~verslag.patterns.MOTIE_CLAUSE_RE`: 'De Kamer,' / 'gehoord de beraadslaging,'), and any
    line does before 'De Kamer,' alone on a line (:data:`~verslag.patterns.MOTIE_OPENING_RE`).
    """
    if not line or not ends_clause(line, nxt):
        return False
    first = nxt.split(" ", 1)[0]
    return len(line) + 1 + len(first) <= width


def ends_clause(line: str, nxt: str) -> bool:
    """Whether ``line`` ends as a paragraph can (the fit test aside).

    A sentence end does; so does a comma before a motion's clause, and anything before the line
    that opens a motion ('De Kamer,').
    """
    end = line[-1:]
    if end in PARAGRAPH_END:
        return True
    if end == "," and MOTIE_CLAUSE_RE.match(nxt) is not None:
        return True
    return nxt[:10] == "De Kamer," and MOTIE_OPENING_RE.match(nxt) is not None


#: How a list item starts: '– ' (en dash), '- ' or '• '.
ITEM_STARTS = frozenset({"– ", "- ", "• "})


def paragraphs(lines: Sequence[Line], width: int) -> list[tuple[str, int, int]]:
    """Rebuild paragraphs from wrapped lines: (text, first line, last line) for each paragraph.

    A new paragraph starts after a line that ends a sentence short of the wrap width, and at a
    list item ('– '); blank lines inside a paragraph (stray, from the extractor) are ignored.
    """
    out: list[tuple[str, int, int]] = []
    group: list[str] = []
    first = last = 0
    prev = ""
    for ln in lines:
        text = ln.text
        if group and (
            text[:2] in ITEM_STARTS
            # PERF: ends_paragraph inlined, its cheap fit test first
            or (len(prev) + 1 + len(text.split(" ", 1)[0]) <= width and ends_clause(prev, text))
        ):
            out.append((join_lines(group), first, last))
            group = []
        if not group:
            first = ln.number
        group.append(text)
        last = ln.number
        prev = text
    if group:
        out.append((join_lines(group), first, last))
    return out
