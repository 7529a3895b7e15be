"""The grammar of a report body: tokens → turns, suspensions, chair changes and the closing.

Rules, keyed by :class:`~verslag.lexer.TokenKind`, consume tokens and fill a :class:`Verslag`.
Text that cannot be placed (before any label, between a suspension and the next label) becomes
:class:`~verslag.model.Unparsed` with a diagnostic; nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from verslag import layout
from verslag.errors import TextParseError
from verslag.frontmatter import parse_front_matter, parse_time
from verslag.layout import Line, squash
from verslag.lexer import Token, TokenKind, tokenize
from verslag.model import (
    Block,
    ChairChange,
    Diagnostic,
    Meta,
    Role,
    Severity,
    Speaker,
    Suspension,
    Turn,
    Unparsed,
    Verslag,
)
from verslag.patterns import KIND_RE
from verslag.source import Source

__all__ = ["meta_fallbacks", "parse", "parse_paragraphs", "speaker_from_label"]

#: Label prefix → role.
PREFIX_ROLES: dict[str, Role] = {
    "Minister": Role.MINISTER,
    "Minister-president": Role.MINISTER,
    "Viceminister-president": Role.MINISTER,
    "Staatssecretaris": Role.STATE_SECRETARY,
    "Commissaris": Role.OTHER,
}


def parse(text: str, *, strict: bool = False) -> Verslag:
    """Parse PDF text: layout clean-up, tokens, front matter, body."""
    src = Source.from_text(text)
    lay = layout.clean(src)
    tokens = tokenize(lay.lines)
    v = _build(tokens, wrapped=True, width=lay.width, strict=strict, source_lines=src.lines)
    v.furniture = lay.furniture
    v.diagnostics[:0] = src.diagnostics
    _meta_from_footers(v.meta, lay.footers)
    meta_fallbacks(v.meta)
    v.source_format = "text"
    return v


def parse_paragraphs(paragraphs: Sequence[tuple[str, int]], *, strict: bool = False) -> Verslag:
    """Parse clean paragraphs (text, source line) — one logical line each, as XML readers give them.

    No wrapping or hyphenation is undone: each paragraph stays one paragraph.
    """
    # PERF: squash() leaves collapsed text as it is; the XML reader's paragraphs come collapsed, and
    # collapsing them again took 1.7 ms of the 4.4 ms the fixture written as XML spent here.
    lines = [Line(s, n, 1, 0, False) for t, n in paragraphs if (s := squash(t))]
    v = _build(tokenize(lines, wrapped=False), wrapped=False, width=0, strict=strict, source_lines=None)
    meta_fallbacks(v.meta)
    v.source_format = "ob-xml"
    return v


def speaker_from_label(label: Token, chair: str | None, meta: Meta) -> Speaker:
    """The speaker a label names; 'De voorzitter' resolves to ``chair``."""
    m = label.match
    assert m is not None
    text = m["label"]
    if m["chair"]:
        return Speaker(label=text, name=chair or "voorzitter", role=Role.CHAIR, prefix="De")
    if m["other"]:
        return Speaker(label=text, name=text.split(" ", 1)[1], role=Role.OTHER, prefix="De")
    prefix, name, party = m["prefix"], m["name"], m["party"]
    role = PREFIX_ROLES.get(prefix)
    if role is None:
        # 'Mevrouw Gerkens:' without a party (the Eerste Kamer prints none) is a member when the
        # header lists her among the members present; anyone else without a party is 'other'.
        present = party is None and any(n.casefold() == name.casefold() for n in meta.members_present)
        role = Role.MEMBER if party or present else Role.OTHER
    office = None
    if role in (Role.MINISTER, Role.STATE_SECRETARY):
        office = next((g.office for g in meta.government if g.name.casefold() == name.casefold()), None)
    return Speaker(label=text, name=name, party=party, role=role, prefix=prefix, office=office)


@dataclass
class _Body:
    """Mutable state while the body is read."""

    v: Verslag
    wrapped: bool
    width: int
    strict: bool
    chair: str | None
    turn_label: Token | None = None
    turn_lines: list[Line] = field(default_factory=list)
    loose: list[Line] = field(default_factory=list)  # text with no turn to belong to
    closed: bool = False

    def flush(self) -> None:
        if self.turn_label is not None:
            self._emit_turn()
        self._emit_loose()

    def _emit_turn(self) -> None:
        label = self.turn_label
        assert label is not None
        speaker = speaker_from_label(label, self.chair, self.v.meta)
        if self.wrapped:
            paras = layout.paragraphs(self.turn_lines, self.width)
        else:
            paras = [(ln.text, ln.number, ln.number) for ln in self.turn_lines]
        last = self.turn_lines[-1].number if self.turn_lines else label.line.number
        if not paras:
            self.diag("V205", "a speaker label with no text after it", label.line, expected="text after the label")
        self.v.turns.append(
            Turn(
                speaker=speaker,
                paragraphs=[p[0] for p in paras],
                paragraph_lines=[(p[1], p[2]) for p in paras],
                lines=(label.line.number, last),
            )
        )
        self.turn_label = None
        self.turn_lines = []

    def _emit_loose(self) -> None:
        if not self.loose:
            return
        first = self.loose[0]
        paras = (
            layout.paragraphs(self.loose, self.width)
            if self.wrapped
            else [(ln.text, ln.number, ln.number) for ln in self.loose]
        )
        if self.closed:
            self.v.closing.extend(Block(text=t, lines=(a, b)) for t, a, b in paras)
        else:
            # one diagnostic per block, at the block's own first line
            starts = {ln.number: ln for ln in self.loose}
            for t, a, b in paras:
                self.v.unparsed.append(Unparsed(text=t, lines=(a, b), reason="text outside any speaker turn"))
                self.diag("V201", "text outside any speaker turn", starts.get(a, first))
        self.loose = []

    def diag(self, code: str, message: str, line: Line, *, column: int | None = None,
             expected: str = "a speaker label before the text") -> None:  # fmt: skip
        """Record a diagnostic at ``line`` (raise it as a TextParseError in strict mode)."""
        col = column if column is not None else line.column
        if self.strict:
            raise TextParseError(message, line=line.number, column=col, found=line.text[:60], expected=expected)
        self.v.diagnostics.append(
            Diagnostic(code=code, severity=Severity.WARNING, message=message, line=line.number, column=col)
        )


def _build(
    tokens: list[Token], *, wrapped: bool, width: int, strict: bool, source_lines: list[str] | None
) -> Verslag:
    first_label = next((i for i, t in enumerate(tokens) if t.kind is TokenKind.LABEL), None)
    v = Verslag()
    head = tokens if first_label is None else tokens[:first_label]
    fm = parse_front_matter(head, wrapped=wrapped, width=width)
    v.meta = fm.meta
    v.front_matter = fm.blocks
    v.diagnostics.extend(fm.diagnostics)
    if first_label is None:
        if strict:
            raise TextParseError("no speaker label found", line=1, column=1, found="no label",
                                 expected="a line such as 'De voorzitter:'")
        if tokens:
            v.diagnostics.append(Diagnostic(code="V202", message="no speaker label found", line=1, column=1))
        return v
    body = _Body(v, wrapped, width, strict, v.meta.chair)
    text_kind = TokenKind.TEXT
    for tok in tokens[first_label:]:
        kind = tok.kind
        # PERF: the common case first — a text line inside an open turn
        if kind is text_kind and body.turn_label is not None and not body.closed:
            body.turn_lines.append(tok.line)
            continue
        if body.closed:
            if kind is TokenKind.CLOSE and v.meta.end is None:
                v.meta.end = parse_time(tok.match["time"]) if tok.match else None
            body.loose.append(tok.line)
            continue
        if kind is TokenKind.LABEL:
            body.flush()
            body.turn_label = tok
        elif kind is TokenKind.SUSPENSION:
            body.flush()
            v.suspensions.append(_suspension(tok, len(v.turns) - 1, body))
        elif kind is TokenKind.CHAIR_CHANGE:
            body.flush()
            assert tok.match is not None
            body.chair = tok.match["name"]
            if v.meta.chair is None:
                v.meta.chair = body.chair
            v.chair_changes.append(
                ChairChange(name=body.chair, text=tok.line.text, after_turn=len(v.turns) - 1,
                            lines=(tok.line.number, tok.line.number))
            )
        elif kind is TokenKind.CLOSE:
            body.flush()
            assert tok.match is not None
            v.meta.end = parse_time(tok.match["time"])
            if v.meta.end is None:
                body.diag("V206", f"closing time {tok.match['time']!r} is not a time of day", tok.line,
                          column=tok.line.column + tok.match.start("time"), expected="a time such as 19.24")  # fmt: skip
            body.closed = True
            body.loose.append(tok.line)
        elif body.turn_label is not None:
            body.turn_lines.append(tok.line)
        else:
            body.loose.append(tok.line)
    body.flush()
    if v.meta.chair is None and any(t.speaker.role is Role.CHAIR for t in v.turns):
        v.diagnostics.append(Diagnostic(code="V204", message="no 'Voorzitter: X' line: the chair is unknown"))
    if not v.meta.kind:
        v.meta.kind = _kind_from_turns(v)
    return v


def _suspension(tok: Token, after: int, body: _Body) -> Suspension:
    m = tok.match
    assert m is not None
    start = m["start"] or m["start2"] or m["at"] or m["at2"]
    end = m["end"] or m["end2"] or m["until"] or m["until2"] or m["until3"]
    times = [parse_time(x) if x else None for x in (start, end)]
    for raw, parsed in zip((start, end), times, strict=True):
        if raw and parsed is None:
            body.diag("V206", f"suspension time {raw!r} is not a time of day", tok.line, column=tok.line.column +
                      tok.line.text.find(raw), expected="a time such as 17.25")  # fmt: skip
    return Suspension(
        text=tok.line.text,
        start=times[0],
        end=times[1],
        kind="short" if m["short"] else "long",
        after_turn=after,
        lines=(tok.line.number, tok.last or tok.line.number),
    )


def _kind_from_turns(v: Verslag) -> str | None:
    """The kind of meeting as the chair names it in the first turns ('dit algemeen overleg')."""
    for t in v.turns[:6]:
        m = KIND_RE.search(t.text)
        if m is not None:
            kind: str = m["kind"].lower()
            return {"notaoverleggen": "notaoverleg", "wetgevingsoverleggen": "wetgevingsoverleg"}.get(kind, kind)
    return None


def meta_fallbacks(meta: Meta) -> None:
    """Fill what the footer did not give: the dossier from the agenda, the year from the date.

    Every reader applies these, so the writer applies them too before it compares a report with what
    its new document reads back as (a hand-built report with a date and no year is not refused).
    """
    if meta.dossier is None and meta.agenda:
        dossiers = [a.dossier for a in meta.agenda if a.dossier]
        if dossiers:
            meta.dossier = max(set(dossiers), key=dossiers.count)
    if meta.year is None and meta.date is not None:
        meta.year = year_of(meta.date)


def _meta_from_footers(meta: Meta, footers: list[dict[str, str]]) -> None:
    if not footers:
        return
    f = footers[0]
    if meta.dossier is None:
        meta.dossier = f["dossier"].replace(" ", "").replace("–", "-")
    if meta.number is None:
        meta.number = f["number"]
    if meta.year is None:
        meta.year = f"{f['y1']}-{f['y2']}"
    if meta.identifier is None:
        meta.identifier = f"kst-{meta.dossier}-{meta.number}"


def _third_tuesday_of_september(year: int) -> int:
    import datetime as _dt

    first = _dt.date(year, 9, 1)
    return 1 + (1 - first.weekday()) % 7 + 14


def year_of(date: object) -> str | None:
    """The vergaderjaar a date falls in: it starts on Prinsjesdag, the third Tuesday of September."""
    import datetime as _dt

    if not isinstance(date, _dt.date):
        return None
    y = date.year
    if (date.month, date.day) >= (9, _third_tuesday_of_september(y)):
        return f"{y}-{y + 1}"
    return f"{y - 1}-{y}"
