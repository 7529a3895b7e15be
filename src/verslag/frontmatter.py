"""The front matter (voorwerk) of a report: the lines before the first speaker label.

A small table of rules, tried in order at each line: each rule either consumes a run of lines and
returns a :class:`~verslag.model.Block` (filling :class:`~verslag.model.Meta` on the way) or
returns ``None`` without consuming anything.  Lines no rule claims become plain blocks, so no
text is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from verslag.layout import ends_paragraph, join_lines
from verslag.lexer import Token, TokenKind
from verslag.model import AgendaItem, Block, Diagnostic, GovernmentMember, Meta, Severity, Signatory
from verslag.patterns import (
    AANWEZIG_HEAD_RE,
    AANWEZIG_OTHERS_TAIL_RE,
    AGENDA_ITEM_RE,
    AGENDA_REF_RE,
    COMMITTEE_SPLIT_RE,
    DOSSIER_TITLE_RE,
    DUTCH_DATE_RE,
    FOOTNOTE_CALL_RE,
    GOVERNMENT_RE,
    IDENTIFIER_RE,
    INTRO_RE,
    MONTHS,
    NUMBER_WORDS,
    PERSON_SPLIT_RE,
    PUBLICATION_LINE_RE,
    SIGNATORY_START_RE,
    TITLE_RE,
    VASTGESTELD_RE,
    VERGADERJAAR_RE,
)

__all__ = ["FrontMatter", "match_present", "parse_date", "parse_front_matter", "parse_time"]


def match_present(text: str) -> tuple[str, str, str | None] | None:
    """``(count, members, others)`` as :data:`~verslag.patterns.AANWEZIG_RE` matches them, or ``None``.

    The same groups as ``AANWEZIG_RE.match(text)``, found with one head match and one search: the
    members end where the bewindspersonen start (the first ', en de heer …' or ' en mevrouw …'
    after the head), or at the end of the text (before a final newline, as ``$`` does).
    """
    head = AANWEZIG_HEAD_RE.match(text)
    if head is None:
        return None
    start = head.end()
    at = _others_start(text, start)
    if at is not None:
        members_end, others = at
        return head["count"], text[start:members_end], text[others:]
    end = len(text) - 1 if text.endswith("\n") and len(text) - 1 >= start else len(text)
    return head["count"], text[start:end], None


#: The characters ``\s`` matches in the ``regex`` module: those of ``str.isspace()`` but the four
#: information separators.
_NOT_REGEX_SPACE = frozenset("\x1c\x1d\x1e\x1f")


def _others_start(text: str, start: int) -> tuple[int, int] | None:
    r"""Where ``AANWEZIG_OTHERS_RE.search(text, start)`` starts and where its ``others`` group starts.

    The same leftmost match, found from each literal 'en' (:data:`AANWEZIG_OTHERS_TAIL_RE`) with the
    ``,?\s+`` before it checked by walking back: at least one space, then an optional comma.
    """
    pos = start
    while (m := AANWEZIG_OTHERS_TAIL_RE.search(text, pos)) is not None:
        i = j = m.start()
        while j > start and text[j - 1].isspace() and text[j - 1] not in _NOT_REGEX_SPACE:
            j -= 1
        if j < i:
            if j > start and text[j - 1] == ",":
                j -= 1
            return j, m.start("others")
        pos = i + 1
    return None


def parse_time(text: str) -> dt.time | None:
    """'16.04' or '16:04' → 16:04; None when it is not a valid time of day."""
    try:
        h, m = text.replace(":", ".").split(".")
        return dt.time(int(h), int(m))
    except (ValueError, TypeError):
        return None


def parse_date(text: str) -> dt.date | None:
    """'11 maart 2020' → 2020-03-11; None when it is not a valid Dutch date."""
    m = DUTCH_DATE_RE.search(text)
    if m is None:
        return None
    try:
        return dt.date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
    except (ValueError, KeyError):
        return None


@dataclass
class FrontMatter:
    """What the front matter gave: the meta fields, the blocks and the diagnostics."""

    meta: Meta = field(default_factory=Meta)
    blocks: list[Block] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    kind_from_title: bool = False


@dataclass
class _State:
    tokens: Sequence[Token]
    pos: int
    wrapped: bool
    width: int
    out: FrontMatter

    def text(self, i: int) -> str:
        return self.tokens[i].line.text

    def block(self, first: int, last: int, text: str) -> Block:
        b = Block(text=text, lines=(self.tokens[first].line.number, self.tokens[last].line.number))
        self.out.blocks.append(b)
        self.pos = last + 1
        return b


def _starts_construct(tok: Token) -> bool:
    if tok.kind is not TokenKind.TEXT:
        return True
    t = tok.line.text
    return (
        t.startswith(("– ", "- ", "• ", "Aanwezig zijn ", "Aanwezig is ", "Vastgesteld ", "Vergaderjaar "))
        or SIGNATORY_START_RE.match(t) is not None
        or TITLE_RE.match(t) is not None
        or IDENTIFIER_RE.match(t) is not None
        or PUBLICATION_LINE_RE.match(t) is not None
    )


#: The most lines one front-matter construct may span (keeps the rules linear on damaged input).
MAX_RUN = 40


def _collect_until(st: _State, done: Callable[[str], bool], *, stop_at_construct: bool = True) -> int:
    """Index of the last line of a run that starts at ``st.pos`` and ends at the first line where ``done``.

    A run stops before the next construct (when asked) and after :data:`MAX_RUN` lines.
    """
    i = st.pos
    n = min(len(st.tokens), st.pos + MAX_RUN)
    while i < n:
        if done(st.text(i)):
            return i
        if i + 1 >= n:
            return i
        nxt = st.tokens[i + 1]
        if stop_at_construct and _starts_construct(nxt):
            return i
        i += 1
    return n - 1


def _joined(st: _State, first: int, last: int) -> str:
    return join_lines([st.text(i) for i in range(first, last + 1)])


# --- rules -------------------------------------------------------------------------------------


def parse_single(st: _State) -> Block | None:
    """'Voorzitter: Diks', 'Griffier: Nava', 'Aanvang 16.04 uur.' and other one-line tokens."""
    tok = st.tokens[st.pos]
    if tok.kind is TokenKind.TEXT or tok.match is None:
        return None
    meta = st.out.meta
    if tok.kind is TokenKind.CHAIR_CHANGE:
        meta.chair = tok.match["name"]
    elif tok.kind is TokenKind.CLERK:
        meta.clerk = tok.match["name"]
    elif tok.kind is TokenKind.START:
        meta.start = parse_time(tok.match["time"])
        if meta.start is None:
            _diag(st, "V302", f"start time {tok.match['time']!r} is not a time of day")
    return st.block(st.pos, st.pos, tok.line.text)


def parse_title(st: _State) -> Block | None:
    """'VERSLAG VAN EEN ALGEMEEN OVERLEG', 'Vastgesteld 16 april 2020', 'Vergaderjaar 2019–2020'."""
    t = st.text(st.pos)
    meta = st.out.meta
    m = TITLE_RE.match(t)
    if m is not None:
        meta.title = m["title"]
        meta.kind = " ".join(m["kind"].lower().split())
        st.out.kind_from_title = True
        if m["number"]:
            meta.number = m["number"]
        return st.block(st.pos, st.pos, t)
    m = VERGADERJAAR_RE.match(t)
    if m is not None:
        meta.year = f"{m['y1']}-{m['y2']}"
        return st.block(st.pos, st.pos, t)
    m = VASTGESTELD_RE.match(t)
    if m is not None:
        return st.block(st.pos, st.pos, t)
    m = IDENTIFIER_RE.match(t)
    if m is not None:
        meta.identifier = m["id"]
        meta.dossier = meta.dossier or m["dossier"]
        meta.number = meta.number or m["number"]
        return st.block(st.pos, st.pos, t)
    if PUBLICATION_LINE_RE.match(t) is not None:
        return st.block(st.pos, st.pos, t)
    m = DOSSIER_TITLE_RE.match(t)
    if m is not None and not meta.committees and meta.dossier is None:
        meta.dossier = m["dossier"].replace(" ", "")
        return st.block(st.pos, st.pos, t)
    return None


def parse_intro(st: _State) -> Block | None:
    """'De vaste commissie voor ... hebben op 11 maart 2020 overleg gevoerd met ..., over:'."""
    t = st.text(st.pos)
    if "commissie" not in t.lower() or st.out.meta.committees:
        return None
    last = _collect_until(st, lambda s: s.endswith((":", ".")), stop_at_construct=True)
    text = _joined(st, st.pos, last)
    m = INTRO_RE.match(text)
    if m is None:
        return None
    meta = st.out.meta
    parts = COMMITTEE_SPLIT_RE.split(m["committees"])
    meta.committees = [_strip_article(p) for p in parts if p.strip()]
    meta.date = parse_date(m["date"])
    if meta.date is None:
        _diag(st, "V302", f"meeting date {m['date']!r} is not a date")
    if m["kind"] and not meta.kind:
        meta.kind = m["kind"].lower()
    if m["government"]:
        _add_government(meta, m["government"])
    return st.block(st.pos, last, text)


def parse_agenda_item(st: _State) -> Block | None:
    """'– de brief van de Staatssecretaris ... d.d. 21 december 2018 inzake ... (Kamerstuk 26 643, nr. 586);'."""
    t = st.text(st.pos)
    if not t.startswith(("– ", "- ", "• ")):
        return None
    last = _collect_until(st, lambda s: s.endswith((";", ".", ";")) and not s.endswith("d.d."))
    text = _joined(st, st.pos, last)
    m = AGENDA_ITEM_RE.match(text)
    body = m["text"] if m else text
    item = AgendaItem(text=body.rstrip(";. ") if body.endswith((";", ".")) else body)
    ref = AGENDA_REF_RE.search(body)
    if ref is not None:
        item.dossier = ref["dossier"].replace(" ", "")
        item.number = ref["number"]
    dd = body.find(" d.d. ")
    if dd >= 0:
        item.date = parse_date(body[dd:])
        sender = body[:dd]
        for lead in ("de brief van de ", "brief van de ", "de brief van ", "de nota van de ", "het verslag van de "):
            if sender.lower().startswith(lead):
                item.sender = sender[len(lead):]
                break
    inz = body.find(" inzake ")
    if inz >= 0:
        end = ref.start() if ref is not None and ref.start() > inz else len(body)
        item.subject = body[inz + len(" inzake "):end].strip(" ;.")
    st.out.meta.agenda.append(item)
    return st.block(st.pos, last, text)


def parse_signatory(st: _State) -> Block | None:
    """'De voorzitter van de vaste commissie voor Binnenlandse Zaken,' and the name on the next line."""
    t = st.text(st.pos)
    if SIGNATORY_START_RE.match(t) is None:
        return None
    last = _collect_until(st, lambda s: s.endswith(","), stop_at_construct=False)
    if last - st.pos > 3 or not st.text(last).endswith(","):
        return None
    function = _joined(st, st.pos, last)
    name_at = last + 1
    if name_at >= len(st.tokens) or st.tokens[name_at].kind is not TokenKind.TEXT:
        return None
    name = st.text(name_at)
    if len(name.split()) > 5 or not name[:1].isupper() or name.endswith((".", ":", ",")):
        return None
    st.out.meta.signatories.append(Signatory(function=function.rstrip(","), name=name))
    return st.block(st.pos, name_at, function + " " + name)


def parse_present(st: _State) -> Block | None:
    """'Aanwezig zijn zes leden der Kamer, te weten: Amhaouch, ..., en de heer Grapperhaus, Minister ...'."""
    t = st.text(st.pos)
    if not t.startswith(("Aanwezig zijn ", "Aanwezig is ")):
        return None
    last = _collect_until(st, lambda s: s.endswith("."), stop_at_construct=True)
    text = _joined(st, st.pos, last)
    m = match_present(text.rstrip("."))
    meta = st.out.meta
    if m is None:
        _diag(st, "V302", "the list of members present could not be read")
        return st.block(st.pos, last, text)
    count, members, others = m
    meta.members_count = NUMBER_WORDS.get(count.lower()) or (int(count) if count.isdigit() else None)
    names = [x.strip(" ,.") for x in _split_names(members)]
    meta.members_present = [x for x in names if x]
    if others:
        _add_government(meta, others)
    return st.block(st.pos, last, text)


def parse_paragraph(st: _State) -> Block | None:
    """Any other text: a paragraph rebuilt from wrapped lines (never fails)."""
    last = st.pos
    if st.wrapped:
        # PERF: one pass that stops at the first paragraph end or construct (was quadratic on
        # long runs of plain lines: 1,000 lines took 2 s)
        n = len(st.tokens)
        while last + 1 < n and not _starts_construct(st.tokens[last + 1]):
            if ends_paragraph(st.text(last), st.text(last + 1), st.width):
                break
            last += 1
    return st.block(st.pos, last, _joined(st, st.pos, last))


#: The front-matter rules, tried in order at each line.
RULES: tuple[Callable[[_State], Block | None], ...] = (
    parse_single,
    parse_title,
    parse_present,
    parse_signatory,
    parse_agenda_item,
    parse_intro,
    parse_paragraph,
)


def parse_front_matter(tokens: Sequence[Token], *, wrapped: bool, width: int) -> FrontMatter:
    """Read the front matter from the tokens before the first speaker label."""
    st = _State(tokens, 0, wrapped, width, FrontMatter())
    while st.pos < len(tokens):
        start = st.pos
        for rule in RULES:
            if rule(st) is not None and st.pos > start:
                break
        if st.pos == start:  # pragma: no cover - parse_paragraph always consumes
            st.pos += 1
    return st.out


# --- helpers -----------------------------------------------------------------------------------


def _diag(st: _State, code: str, message: str) -> None:
    tok = st.tokens[min(st.pos, len(st.tokens) - 1)]
    st.out.diagnostics.append(
        Diagnostic(code=code, severity=Severity.WARNING, message=message, line=tok.line.number, column=tok.line.column)
    )


def _strip_article(s: str) -> str:
    # 'vaste commissie voor Europese Zaken1': a footnote call glued to the name
    s = FOOTNOTE_CALL_RE.sub("", s.strip(" ,"))
    for art in ("De ", "de "):
        if s.startswith(art):
            return s[len(art):]
    return s


def _split_names(s: str) -> list[str]:
    out: list[str] = []
    for part in s.replace(" en ", ", ").split(","):
        part = part.strip()
        if part:
            out.append(part)
    return out


def _add_government(meta: Meta, text: str) -> None:
    text = text.strip().rstrip(".:")
    if text.endswith((", over", " over")):
        text = text[: text.rfind("over")].rstrip(" ,")
    known = {g.name for g in meta.government}
    for piece in PERSON_SPLIT_RE.split(text):
        m = GOVERNMENT_RE.match(piece.strip())
        if m is None:
            continue
        name = m["name"]
        if name in known:
            continue
        office = " ".join(m["office"].split()).rstrip(",")
        office = office[0].upper() + office[1:]
        meta.government.append(GovernmentMember(name=name, office=office, salutation=m["salutation"]))
        known.add(name)
