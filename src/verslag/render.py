"""Render a :class:`~verslag.model.Verslag` as the text a PDF extractor gives for an OB-typeset report.

The output imitates ``fixtures/kst-26643-679.txt``: lines wrapped at about 75 characters with a
trailing space, Dutch line-end hyphenation at syllable boundaries (afbreking), real compound
hyphens broken where they stand, page starts marked by a single leading space, running footers
(``Tweede Kamer, vergaderjaar 2019–2020, 26 643, nr. 679 14``) with their blank lines, stray blank
lines inside paragraphs, a blank line before each speaker label, suspensions and the closing.

The renderer writes only what the parser can undo: a word is split at a syllable only where the
parser's de-hyphenation rule joins it again, a compound only at a hyphen the rule keeps, and every
paragraph ends on a line that the parser's paragraph rule sees as an end.  So, for any
:class:`Layout`, ``parse_text(render_text(v, layout))`` has the content of ``v`` (see
``docs/render.md`` for the known limits).  Output is deterministic for a given ``layout.seed``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from verslag.model import Block, Meta, Verslag

__all__ = ["Layout", "dutch_number", "footer_text", "render_text"]


class Layout(BaseModel):
    """The knobs of the rendered layout; the defaults imitate ``fixtures/kst-26643-679.txt``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    width: int = Field(default=77, ge=30, le=400, description="Longest line, in characters, without the trailing space.")
    width_jitter: int = Field(
        default=8, ge=0, le=40, description="Each line is filled to a width drawn from [width - jitter, width] (a proportional font)."
    )
    front_narrower: int = Field(
        default=8, ge=0, le=60, description="The front matter's column is this many characters narrower."
    )
    hyphenate: bool = Field(default=True, description="Split words at line ends (afbreking) where the parser joins them again.")
    hyphen_rate: float = Field(
        default=0.33, ge=0.0, le=1.0, description="Chance of splitting a word that does not fit when at least `hyphen_gap` is left."
    )
    hyphen_gap: int = Field(default=5, ge=1, description="Least room left on a line before a word is split to fill it.")
    trailing_space: bool = Field(default=True, description="End each text line with one space, as the extractor does.")
    page_lines: int = Field(default=60, ge=5, description="Lines per page; a new page starts with a leading space.")
    page_marks: bool = Field(default=True, description="Mark page starts with a single leading space.")
    front_page_breaks: bool = Field(
        default=True, description="Start new pages in the front matter where OB does ('Van dit overleg', 'Voorzitter:')."
    )
    footers: bool = Field(default=True, description="Print running footers (at least one when the report has a number).")
    footer_rate: float = Field(default=0.08, ge=0.0, le=1.0, description="Share of pages that end in a running footer.")
    footer_blanks_after: int = Field(default=3, ge=0, le=5, description="Blank lines after a footer (the fixture has three).")
    stray_blank_rate: float = Field(
        default=0.003, ge=0.0, le=1.0, description="Chance of a stray blank line at each safe place inside a paragraph."
    )
    item_blank_lines: bool = Field(default=True, description="A blank line between consecutive list items ('– ').")
    final_page_mark: bool = Field(default=True, description="End the text with a newline and a lone space, as the fixture does.")
    line_end: Literal["\n", "\r\n"] = Field(default="\n", description="Line separator: LF, or CRLF as some extractors give.")
    seed: int = Field(default=0, description="Seed of every random choice (jitter, hyphenation, stray blanks, footers).")


# --- small helpers -------------------------------------------------------------------------------

#: Dutch month names by number, as printed in dates ('11 maart 2020').
MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

_UNITS = ("", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
          "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien")  # fmt: skip
_TENS = ("", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")

#: The marks that open a list item; a line that starts with one of them starts a new paragraph.
ITEM_MARKS = ("– ", "- ", "• ")

# The digit group after a thousands space, kept on the line of the digits before it: '26 643,' in
# '(Kamerstuk 26 643, nr. 586)'.
THOUSANDS_RE = re.compile(r"^\d{3}(?!\d)")

#: Tokens that never start a line: a dash standing alone ('zo – zei hij').
_DASHES = frozenset({"–", "-", "—", "•"})

# A word the renderer may split at a syllable: letters with at most a capital first, then punctuation:
# 'geschiedenis', 'Technologie', 'vanzelfsprekend.'
SPLITTABLE_WORD_RE = re.compile(r"^(?P<core>[^\W\d_][^\W\d_A-ZÀ-ÖØ-Þ]+)(?P<tail>[.,;:!?»”’)]*)$")

# A real compound hyphen between two letters or digits: 'GroenLinks-fractie', 'IP-adressen', 'Noord-Holland'.
COMPOUND_HYPHEN_RE = re.compile(r"(?<=[^\W_])-(?=[^\W_])")


def dutch_number(n: int) -> str:
    """Write ``n`` (1–99) in Dutch words as the header does ('zes leden'); other numbers as digits."""
    if 0 < n < 20:
        return _UNITS[n]
    if 20 <= n < 100:
        tens, unit = divmod(n, 10)
        if unit == 0:
            return _TENS[tens]
        joiner = "ën" if _UNITS[unit].endswith("e") else "en"
        return f"{_UNITS[unit]}{joiner}{_TENS[tens]}"
    return str(n)


def _date_text(d: dt.date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def _time_text(t: dt.time) -> str:
    return f"{t.hour:02d}.{t.minute:02d}"


#: A dossier number's digits and the rest: '35300-VII' → '35300', '-VII'.
DOSSIER_DIGITS_RE = re.compile(r"^(\d+)(.*)$")

#: Where the list of members present ends and the government begins:
#: 'Aanwezig zijn zes leden der Kamer, te weten: …, Verhoeven en Weverling, en de heer Grapperhaus, …'.
PRESENT_GOVERNMENT_CUT_RE = re.compile(r",\s+(?=en (?:de heer|mevrouw) )")

def _spaced_dossier(dossier: str) -> str:
    """'26643' → '26 643'; '35300-VII' → '35 300-VII' (thousands separated by a space, as printed)."""
    m = DOSSIER_DIGITS_RE.match(dossier)
    if m is None:
        return dossier
    digits, rest = m.groups()
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return " ".join(groups) + rest


def _year_of(d: dt.date) -> str:
    """The vergaderjaar of a date: it starts on Prinsjesdag, the third Tuesday of September."""
    first = dt.date(d.year, 9, 1)
    prinsjesdag = 1 + (1 - first.weekday()) % 7 + 14
    if (d.month, d.day) >= (9, prinsjesdag):
        return f"{d.year}-{d.year + 1}"
    return f"{d.year - 1}-{d.year}"


def footer_text(meta: Meta, page: int) -> str | None:
    """The running footer of a page, or None when the report has no dossier and number."""
    if not meta.dossier or not meta.number:
        return None
    year = meta.year or (_year_of(meta.date) if meta.date else None)
    if not year:
        return None
    return f"Tweede Kamer, vergaderjaar {year.replace('-', '–')}, {_spaced_dossier(meta.dossier)}, nr. {meta.number} {page}"


@lru_cache(maxsize=1)
def _pyphen() -> Any:
    """The Dutch hyphenation dictionary, or None when pyphen is not installed."""
    try:
        import pyphen
    except ImportError:  # the render extra is optional: split compounds only
        return None
    return pyphen.Pyphen(lang="nl_NL", left=2, right=3)


# --- what the parser will do (the renderer writes only what it can undo) --------------------------


def _parser_rules() -> tuple[Any, Any, Any, frozenset[str]]:
    from verslag.layout import PARAGRAPH_END, dehyphenate, ends_clause, ends_paragraph

    return dehyphenate, ends_paragraph, ends_clause, frozenset(PARAGRAPH_END)


def _parser_width(lines: Sequence[str]) -> int:
    """The wrap width the parser will estimate from these content lines."""
    from verslag.layout import clean
    from verslag.source import Source

    return int(clean(Source.from_text("\n".join(lines))).width)


def _structural(line: str) -> bool:
    """Whether a wrapped text line would be read as something else: a label, an event, a footer."""
    from verslag.patterns import (
        AANVANG_RE,
        CHAIR_CHANGE_RE,
        FOOTER_RE,
        GRIFFIER_RE,
        LABEL_RE,
        SLUITING_RE,
        SUSPENSION_RE,
    )

    if line.startswith(ITEM_MARKS):
        return True
    return any(
        p.match(line) is not None
        for p in (LABEL_RE, SUSPENSION_RE, CHAIR_CHANGE_RE, GRIFFIER_RE, AANVANG_RE, SLUITING_RE, FOOTER_RE)
    )


# --- the logical document: paragraphs and verbatim lines ----------------------------------------


@dataclass
class _Para:
    """A paragraph to wrap: its units (words, or words glued so that no line breaks between them)."""

    text: str
    group: int  # paragraphs of one group are split by the parser's paragraph rule (a turn, a front block)
    item: bool = False
    glue_after: str = ""  # no line break after a token ending in one of these characters (front matter)
    narrower: int = 0  # the column is this much narrower than the layout's width (the front matter)
    last_trailing: bool = True  # trailing space on the last line
    lines: list[list[str]] = field(default_factory=list)  # the wrapped lines, as lists of units
    hyphenated: set[int] = field(default_factory=set)  # indexes of lines that end in a hyphenation


@dataclass
class _Verbatim:
    """A line printed as it is (a label, an event, a name), with or without its trailing space."""

    text: str
    trailing: bool = True


@dataclass
class _Blank:
    """A blank line between blocks."""


@dataclass
class _PageBreak:
    """A forced new page."""


_Item = _Para | _Verbatim | _Blank | _PageBreak


def _units(p: _Para) -> list[str]:
    """Split a paragraph into units: words, with dashes and suspended hyphens glued to a neighbour."""
    tokens = p.text.split()
    units: list[str] = []
    glue_next = False
    for i, tok in enumerate(tokens):
        if units and (glue_next or tok in _DASHES):
            units[-1] = units[-1] + " " + tok
        else:
            units.append(tok)
        last = i == len(tokens) - 1
        glue_next = not last and (
            tok.endswith("-")  # 'Hard- en Software': never a line break after a suspended hyphen
            or (bool(p.glue_after) and tok[-1] in p.glue_after)
            or (tok.isdigit() and THOUSANDS_RE.match(tokens[i + 1]) is not None)  # '26 643': one number
        )
    return units


class _Wrapper:
    """Greedy line filling with jitter and safe hyphenation."""

    def __init__(self, layout: Layout, rng: random.Random, full: int | None = None) -> None:
        self.layout = layout
        self.rng = rng
        # a line that ends a sentence inside a paragraph is filled up to here (the parser's width)
        self.full = max(full or 0, layout.width)
        self.dehyphenate, self.ends_paragraph, self.ends_clause, self.para_end = _parser_rules()

    def target(self, narrower: int = 0) -> int:
        lay = self.layout
        width = max(lay.width - narrower, 20)
        return width - (self.rng.randint(0, lay.width_jitter) if lay.width_jitter else 0)

    def wrap(self, p: _Para) -> None:
        width = self.full
        units = _units(p)
        lines: list[list[str]] = []
        hyph: set[int] = set()
        cur: list[str] = []
        cur_len = 0
        target = self.target(p.narrower)
        i = 0
        while i < len(units):
            u = units[i]
            add = len(u) + (1 if cur else 0)
            if not cur or cur_len + add <= target:
                cur.append(u)
                cur_len += add
                i += 1
                continue
            # u does not fit: fill the line with the best part of u when allowed
            split = self._split(u, target - cur_len - 1, " ".join(cur))
            if split is not None:
                head, tail = split
                cur.append(head)
                lines.append(cur)
                hyph.add(len(lines) - 1)
                units[i] = tail
                cur, cur_len, target = [], 0, self.target(p.narrower)
                continue
            # a line that ends a sentence mid-paragraph must be full, or the parser ends the paragraph:
            # the next line's first word (not the whole unit: '26 643,') must not fit after it
            while self.ends_clause(cur[-1], u) and cur_len + 1 + len(u.split(" ", 1)[0]) <= width:
                cur.append(u)
                cur_len += add
                i += 1
                if i >= len(units):
                    break
                u = units[i]
                add = len(u) + 1
            if i >= len(units):
                break
            lines.append(cur)
            cur, cur_len, target = [], 0, self.target(p.narrower)
        if cur:
            lines.append(cur)
        p.lines = lines
        p.hyphenated = hyph
        self._unstructure(p)

    def _split(self, unit: str, room: int, line: str) -> tuple[str, str] | None:
        """Split ``unit`` into a head ending in '-' that fits ``room`` and the rest, or None."""
        lay = self.layout
        if not lay.hyphenate or " " in unit or room < lay.hyphen_gap or room < 3:
            return None
        if self.rng.random() >= lay.hyphen_rate:
            return None
        for head, tail in self._candidates(unit):
            if len(head) > room:
                continue
            prev = (line + " " + head) if line else head
            kept, sep = self.dehyphenate(prev, tail)
            if kept + sep + tail == ((line + " ") if line else "") + unit:
                return head, tail
        return None

    def _candidates(self, word: str) -> Iterator[tuple[str, str]]:
        """Places to split ``word``, the longest head first: compound hyphens and syllables."""
        out: list[tuple[str, str]] = []
        for m in COMPOUND_HYPHEN_RE.finditer(word):
            out.append((word[: m.end()], word[m.end():]))
        m2 = SPLITTABLE_WORD_RE.match(word)
        dic = _pyphen()
        if m2 is not None and dic is not None:
            core, tail = m2["core"], m2["tail"]
            for pos in dic.positions(core):
                if 2 <= pos <= len(core) - 2:
                    out.append((core[:pos] + "-", core[pos:] + tail))
        out.sort(key=lambda ht: -len(ht[0]))
        yield from out

    def _unstructure(self, p: _Para) -> None:
        """Move a word down when a wrapped line would read as a label, an event or a list item."""
        lines = p.lines
        for _ in range(4 * len(lines) + 4):
            bad = next(
                (k for k in range(1, len(lines)) if _structural(" ".join(lines[k]))),
                None,
            )
            if bad is None:
                return
            prev = lines[bad - 1]
            if (bad - 1) in p.hyphenated:
                return  # the line is the rest of a split word: it cannot start otherwise
            if len(prev) < 2 or prev[-2][-1] in self.para_end:
                # join the two lines whole (the first may overflow a little): moving one word down
                # would leave a short line that ends a sentence, which the parser reads as an end
                lines[bad - 1] = prev + lines[bad]
                del lines[bad]
                p.hyphenated = {h if h < bad else h - 1 for h in p.hyphenated}
            else:
                lines[bad].insert(0, prev.pop())


# --- building the logical document ---------------------------------------------------------------


_SIGNATORY_LEADS = ("De voorzitter van", "De ondervoorzitter van", "De griffier van", "De adjunct-griffier van",
                    "De plaatsvervangend", "De waarnemend")  # fmt: skip


class _Builder:
    """Turn a Verslag into the ordered items of its printed form."""

    def __init__(self, v: Verslag, layout: Layout) -> None:
        self.v = v
        self.layout = layout
        self.items: list[_Item] = []
        self.group = 0
        self.in_front = False

    def new_group(self) -> int:
        self.group += 1
        return self.group

    def para(self, text: str, **kw: Any) -> None:
        text = " ".join(text.split())
        if text:
            group = self.new_group() if "group" not in kw else kw.pop("group")
            kw.setdefault("narrower", self.layout.front_narrower if self.in_front else 0)
            self.items.append(_Para(text, group, **kw))

    def line(self, text: str, trailing: bool = True) -> None:
        self.items.append(_Verbatim(" ".join(text.split()), trailing))

    def blank(self) -> None:
        self.items.append(_Blank())

    def page_break(self) -> None:
        if self.layout.front_page_breaks:
            self.items.append(_PageBreak())

    # front matter

    def front_matter(self) -> None:
        self.in_front = True
        if self.v.front_matter:
            self._front_blocks(self.v.front_matter)
        else:
            self._front_from_meta(self.v.meta)
        self.in_front = False

    def _signatory_of(self, b: Block) -> tuple[str, str] | None:
        for s in self.v.meta.signatories:
            if " ".join(b.text.split()) == " ".join(f"{s.function}, {s.name}".split()):
                return s.function, s.name
        text = " ".join(b.text.split())
        if text.startswith(_SIGNATORY_LEADS) and ", " in text:
            function, name = text.rsplit(", ", 1)
            if name[:1].isupper() and len(name.split()) <= 5 and not name.endswith((".", ":", ",")):
                return function, name
        return None

    def _signatory(self, function: str, name: str) -> None:
        self.para(function + ",", glue_after=",", last_trailing=False)
        self.line(name)

    def _front_blocks(self, blocks: Sequence[Block]) -> None:
        prev: str | None = None
        for b in blocks:
            text = " ".join(b.text.split())
            if not text:
                continue
            sig = self._signatory_of(b)
            if text.startswith(("Van dit overleg", "Voorzitter:")):
                self.page_break()
            elif prev is not None and not (prev == "intro" and text.startswith(ITEM_MARKS)) and not (
                prev == "chair" and text.startswith(("Griffier:", "Adjunct-griffier:"))
            ):
                self.blank()
            if sig is not None:
                self._signatory(*sig)
                prev = "signatory"
            elif text.startswith(ITEM_MARKS):
                self.para(text, item=True, glue_after=".:;")
                prev = "item"
            elif text.startswith(("Voorzitter:", "Griffier:", "Adjunct-griffier:", "Aanvang ", "Vastgesteld ",
                                  "Vergaderjaar ")) or text.isupper():
                self.line(text)
                prev = "chair" if text.startswith("Voorzitter:") else "single"
            elif text.startswith(("Aanwezig zijn ", "Aanwezig is ")):
                self._present(text)
                prev = "present"
            else:
                is_intro = "commissie" in text.lower() and text.endswith(":")
                self.para(text, glue_after=".:;" if is_intro else "")
                prev = "intro" if is_intro else "para"

    def _present(self, text: str) -> None:
        """'Aanwezig zijn ... te weten: A, B en C, en de heer X, Minister ...': the list, then the government."""
        cut = PRESENT_GOVERNMENT_CUT_RE.search(text)
        if cut is None:
            self.para(text, glue_after=".:;")
            return
        # two groups: the blank line between the parts is no paragraph end to prepare for
        self.para(text[: cut.start() + 1], glue_after=".:;")
        self.blank()
        self.para(text[cut.end():], glue_after=".:;")

    def _front_from_meta(self, m: Meta) -> None:
        if m.title:
            self.line(m.title)
            self.blank()
        committees = [("de " + c) if not c.lower().startswith("de ") else c for c in m.committees]
        if committees or m.date:
            names = committees or ["de vaste commissie"]
            who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
            who = who[0].upper() + who[1:]
            verb = "heeft" if len(names) == 1 else "hebben"
            when = f" op {_date_text(m.date)}" if m.date else ""
            gov = _government_list(m)
            intro = f"{who} {verb}{when} overleg gevoerd" + (f" met {gov}," if gov else "") + " over:"
            self.para(intro, glue_after=".:;")
            for k, a in enumerate(m.agenda):
                end = "." if k == len(m.agenda) - 1 else ";"
                self.para("– " + a.text.rstrip(";.") + end, item=True, glue_after=".:;")
                if k < len(m.agenda) - 1 and self.layout.item_blank_lines:
                    self.blank()
            self.page_break()
            plural = len(names) > 1
            self.para(
                "Van dit overleg brengen de commissies bijgaand geredigeerd woordelijk verslag uit."
                if plural
                else "Van dit overleg brengt de commissie bijgaand geredigeerd woordelijk verslag uit."
            )
        for s in m.signatories:
            self.blank()
            self._signatory(s.function, s.name)
        if m.chair or m.clerk:
            self.page_break()
        if m.chair:
            self.line(f"Voorzitter: {m.chair}")
        if m.clerk:
            self.line(f"Griffier: {m.clerk}")
        if m.members_present:
            self.blank()
            count = m.members_count if m.members_count is not None else len(m.members_present)
            names = list(m.members_present)
            listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
            verb, noun = ("is", "lid") if count == 1 else ("zijn", "leden")
            head = f"Aanwezig {verb} {dutch_number(count)} {noun} der Kamer, te weten: {listed}"
            gov = _government_list(m)
            self._present(head + (f", en {gov}." if gov else "."))
        if m.start:
            self.blank()
            self.line(f"Aanvang {_time_text(m.start)} uur.")

    # body

    def body(self) -> None:
        v = self.v
        events: dict[int, list[tuple[int, int, str]]] = {}
        for k, s in enumerate(v.suspensions):
            events.setdefault(s.after_turn, []).append((s.lines[0], k, s.text))
        for k, c in enumerate(v.chair_changes):
            events.setdefault(c.after_turn, []).append((c.lines[0], len(v.suspensions) + k, c.text))
        unplaced = sorted(v.unparsed, key=lambda u: u.lines[0])
        last = len(v.turns) - 1
        group = 0
        self._events(events.pop(-1, []))
        for i, t in enumerate(v.turns):
            while unplaced and unplaced[0].lines[0] and t.lines[0] and unplaced[0].lines[0] < t.lines[0]:
                self.blank()
                self.para(unplaced.pop(0).text)
            self.blank()
            if t.speaker.label or i == 0:
                if t.speaker.label:
                    self.line(t.speaker.label + ":")
                group = self.new_group()
            # else a turn without a label (a bare <tekst> of Handelingen) is printed as it stands, in the
            # group of the turn before it, so that the paragraph before it ends where the parser sees an end
            prev_item = False
            for p in t.paragraphs:
                text = " ".join(p.split())
                if not text:
                    continue
                item = text.startswith(ITEM_MARKS)
                if item and prev_item and self.layout.item_blank_lines:
                    self.blank()
                self.para(text, group=group, item=item)
                prev_item = item
            later = events.pop(i, []) if i < last else [e for k in sorted(events) if k >= i for e in events.pop(k)]
            self._events(later)
        for u in unplaced:
            self.blank()
            self.para(u.text)

    def _events(self, evs: list[tuple[int, int, str]]) -> None:
        for _line, _k, text in sorted(evs):
            self.blank()
            self.line(text)

    def closing(self) -> None:
        blocks = [b.text for b in self.v.closing]
        if not blocks and self.v.meta.end is not None:
            blocks = [f"Sluiting {_time_text(self.v.meta.end)} uur."]
        for k, text in enumerate(blocks):
            self.blank()
            if k == len(blocks) - 1 and text.startswith("Sluiting ") and len(text) <= self.layout.width:
                self.line(text, trailing=False)
            else:
                self.para(text)


def _government_list(m: Meta) -> str:
    """'de heer Grapperhaus, Minister van Justitie en Veiligheid, mevrouw Keijzer, ..., en de heer Knops, ...'."""
    parts = [f"{g.salutation or 'de heer'} {g.name}, {g.office}" for g in m.government]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + ", en " + parts[-1]


# --- from items to lines ------------------------------------------------------------------------


@dataclass
class _Line:
    """One physical line before pagination."""

    text: str
    kind: Literal["text", "verbatim", "blank", "break"]
    trailing: bool = True
    para: _Para | None = None
    index: int = 0  # line index within its paragraph


def _content_lines(items: Sequence[_Item]) -> list[str]:
    """The text lines the parser will see (without page marks, footers and blank lines)."""
    content: list[str] = []
    for it in items:
        if isinstance(it, _Para):
            content.extend(" ".join(ln) for ln in it.lines)
        elif isinstance(it, _Verbatim):
            content.append(it.text)
    return content


def _fix_paragraph_ends(items: Sequence[_Item], wrapper: _Wrapper) -> None:
    """Make every paragraph end where the parser will see an end (a short line after a sentence).

    The parser ends a paragraph after a line that ends a sentence when the next word would have
    fitted in the estimated wrap width; a last line that is too long is split before its end.
    """
    paras = [it for it in items if isinstance(it, _Para)]
    for _round in range(8):
        width = _parser_width(_content_lines(items))
        changed = False
        for a, b in itertools.pairwise(paras):
            if a.group != b.group or b.item or not a.lines or not b.lines:
                continue
            last = " ".join(a.lines[-1])
            first = " ".join(b.lines[0])
            if wrapper.ends_paragraph(last, first, width):
                continue
            changed |= _shorten_last_line(a, first.split(" ", 1)[0], width, wrapper)
        if not changed:
            return


def _shorten_last_line(p: _Para, next_word: str, width: int, wrapper: _Wrapper) -> bool:
    """Split the last line of ``p`` so that it ends short enough; True when something changed."""
    last = p.lines[-1]
    if (len(p.lines) - 1) in p.hyphenated:
        return False
    for k in range(len(last) - 1, 0, -1):
        head, tail = last[:k], last[k:]
        head_text = " ".join(head)
        tail_text = " ".join(tail)
        if head_text[-1] in wrapper.para_end or head_text.endswith("-"):
            continue
        if len(tail_text) + 1 + len(next_word) > width or _structural(tail_text):
            continue
        p.lines[-1:] = [head, tail]
        return True
    return False


def _to_lines(items: Sequence[_Item], layout: Layout, rng: random.Random) -> list[_Line]:
    """Lay out the wrapped items as physical lines, with stray blank lines inside paragraphs."""
    _, _, _, para_end = _parser_rules()
    out: list[_Line] = []
    for it in items:
        if isinstance(it, _Blank):
            out.append(_Line("", "blank"))
        elif isinstance(it, _PageBreak):
            out.append(_Line("", "break"))
        elif isinstance(it, _Verbatim):
            out.append(_Line(it.text, "verbatim", it.trailing))
        else:
            n = len(it.lines)
            for k, units in enumerate(it.lines):
                text = " ".join(units)
                hyph = k in it.hyphenated
                trailing = not hyph and (k < n - 1 or it.last_trailing)
                out.append(_Line(text, "text", trailing, it, k))
                if (
                    k < n - 1
                    and layout.stray_blank_rate > 0
                    and not hyph
                    and text[-1] not in para_end
                    and rng.random() < layout.stray_blank_rate
                ):
                    out.append(_Line("", "blank"))
    return out


def _paginate(lines: list[_Line], v: Verslag, layout: Layout, rng: random.Random) -> list[str]:
    """Cut the lines into pages: a leading space on each page's first line, or a footer before it."""
    eol_space = " " if layout.trailing_space else ""
    out: list[str] = []
    page = 1
    on_page = 0
    footers = 0
    new_page = True

    def emit_footer() -> None:
        nonlocal footers
        text = footer_text(v.meta, page)
        if text is None:
            return
        while out and out[-1] == "":
            out.pop()
        out.extend(["", text, *([""] * layout.footer_blanks_after)])
        footers += 1

    fresh = True  # the page has no line yet: blank lines are dropped there
    for ln in lines:
        if ln.kind == "break":
            if on_page:
                page += 1
                on_page = 0
                new_page = fresh = True
            continue
        if on_page >= layout.page_lines:
            footer_here = bool(layout.footers and rng.random() < layout.footer_rate and footer_text(v.meta, page))
            if footer_here:
                emit_footer()
            page += 1
            on_page = 0
            new_page = not footer_here
            fresh = True
        if ln.kind == "blank":
            if not fresh:  # no blank line opens a page
                out.append("")
                on_page += 1
            continue
        text = ln.text + (eol_space if ln.trailing else "")
        if new_page and layout.page_marks:
            text = " " + text
        new_page = fresh = False
        out.append(text)
        on_page += 1
    if layout.footers and footers == 0 and footer_text(v.meta, page):
        emit_footer()
    while out and out[-1] == "":
        out.pop()
    return out


def render_text(v: Verslag, layout: Layout | None = None) -> str:
    """Render ``v`` as the PDF text of an OB-typeset report.

    The front matter is the report's own ``front_matter`` blocks when it has them, else it is
    built from ``v.meta``; then each turn with its label, the suspensions and hand-overs of the
    chair between the turns, and the closing.  ``parse_text`` reads the result back to the same
    content (see :func:`verslag.compare`).
    """
    lay = layout or Layout()
    b = _Builder(v, lay)
    b.front_matter()
    b.body()
    b.closing()
    full = lay.width
    for _attempt in range(4):
        # long verbatim lines (labels, events) can raise the parser's width estimate above
        # layout.width; then wrap again, filling sentence-ending lines up to that estimate
        rng = random.Random(lay.seed)
        wrapper = _Wrapper(lay, rng, full)
        for it in b.items:
            if isinstance(it, _Para):
                wrapper.wrap(it)
        _fix_paragraph_ends(b.items, wrapper)
        estimate = _parser_width(_content_lines(b.items))
        if estimate <= full:
            break
        full = estimate
    lines = _to_lines(b.items, lay, rng)
    out = _paginate(lines, v, lay, rng)
    text = lay.line_end.join(out)
    if lay.final_page_mark:
        text += lay.line_end + " "
    else:
        text += lay.line_end
    return text
