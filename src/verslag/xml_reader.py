"""Read Officiële Bekendmakingen XML (Handelingen or Kamerstuk) into a :class:`Verslag`.

lxml (through :func:`verslag.xml_tree.safe_parse`) gives the structure; the input bytes are kept
on ``Verslag._xml`` together with an :class:`XmlBinding` that says which element each turn,
paragraph and meta field came from and what they looked like at read time, so that
:mod:`verslag.xml_writer` can give the bytes back unchanged or change only what was edited.

Three variants are detected per file (see ``docs/xml.md``):

* ``handelingen``: ``<handelingen>`` with ``spreekbeurt/spreker`` markup;
* ``verbatim``: a ``<kamerstuk>`` whose body has paragraphs that are only a speaker label
  (``<al>De heer X (PARTIJ):</al>``), read through the text grammar
  (:func:`verslag.grammar.parse_paragraphs`);
* ``kamerstuk``: any other ``<kamerstuk>`` (a motie, a letter): meta and front-matter blocks only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from lxml import etree
from pydantic import TypeAdapter

from verslag.errors import RoundTripError, XmlStructureError
from verslag.frontmatter import parse_date, parse_time
from verslag.grammar import PREFIX_ROLES
from verslag.layout import squash as _squash
from verslag.model import (
    Block,
    ChairChange,
    Commitment,
    CommitmentStatus,
    Deadline,
    Diagnostic,
    GovernmentMember,
    Precision,
    Role,
    Severity,
    Speaker,
    Suspension,
    Turn,
    Verslag,
)
from verslag.patterns import CHAIR_CHANGE_RE, LABEL_RE, SLUITING_RE, SUSPENSION_RE, TITLE_RE, VERGADERJAAR_RE
from verslag.xml_tree import ATTR_RE, Document, safe_parse, scan_document, unescape

__all__ = [
    "ENRICHED_FIELDS",
    "ENRICHMENT_TARGET",
    "POSITIONS",
    "STATE_FIELDS",
    "MetaBinding",
    "TurnBinding",
    "XmlBinding",
    "commitment_anchor",
    "markup_speaker",
    "model_state",
    "paragraph_text",
    "parse_enrichment",
    "read_xml",
    "speaker_parts",
    "suspension_from_text",
]

Variant = Literal["handelingen", "verbatim", "kamerstuk"]

#: Validates all turns of a report in one call (PERF: about twice as fast as one model at a time).
_TURNS: TypeAdapter[list[Turn]] = TypeAdapter(list[Turn])

#: The root of every OB publication.
ROOT_TAG = "officiele-publicatie"

#: The target of the processing instructions by which ``write_xml`` records what OB XML has no
#: markup for (an edited commitment), and ``read_xml`` applies after the structure analysis.
ENRICHMENT_TARGET = "verslag"

#: The commitment fields an enrichment can set (everything else of a commitment comes from the text).
ENRICHED_FIELDS = ("status", "by", "to", "deadline", "amendment")

# What an enrichment is about, at the start of its content (the rest are pseudo-attributes):
#   <?verslag toezegging status="withdrawn" by=""?>     <?verslag toezegging n="2" to="Moorlag"?>
ENRICHMENT_KIND_RE = re.compile(r"^(?P<kind>toezegging)(?=\s|$)")

#: The Verslag fields besides the turns whose state at read time is kept, so that ``write_xml`` can
#: tell every edit (written back, or refused with RoundTripError) from what was read.  Not among
#: them: ``diagnostics`` and ``source_format`` (about the reading, not the report).
#: Source positions, left out of the state: not content, and counted again on reading.
POSITIONS = frozenset({"lines", "paragraph_lines"})

STATE_FIELDS = ("meta", "suspensions", "chair_changes", "interruptions", "commitments", "candidates",
                "front_matter", "closing", "unparsed", "furniture")  # fmt: skip



@dataclass(slots=True)
class TurnBinding:
    """Where one turn lives in the document and what it looked like when read."""

    kind: Literal["spreekbeurt", "bare", "label"]  #: Handelingen turn, bare <tekst>, or label-led <al>s
    anchor: int  #: element index of the spreekbeurt, the bare tekst or the label <al>
    paragraphs: list[int]  #: element index of each paragraph's <al>, in order
    speaker: tuple[str, str, str | None, str, str]  #: (label, name, party, role, prefix) at read time
    texts: tuple[str, ...]  #: the paragraphs at read time
    parts: dict[str, int] = field(default_factory=dict)  #: spreker children: 'voorvoegsels', 'naam', ...
    markup: tuple[str, str, str | None] = ("", "", None)  #: (prefix, name, party) as the markup spells them
    label_text: str = ""  #: label variant: the label paragraph's text at read time ('De heer X (D66):')
    last: int = -1  #: element index of the turn's last element (where a following new turn goes)
    phase: str | None = None  #: the phase at read time
    office: str | None = None  #: the speaker's office at read time


@dataclass
class MetaBinding:
    """A meta field that has its own element or attribute."""

    index: int  #: element index
    attr: str | None  #: None: the element's text; else this attribute (a URL holds the identifier)
    value: Any  #: the model value at read time
    raw: str  #: the text or attribute value at read time


@dataclass
class XmlBinding:
    """The lossless document behind a :class:`Verslag` read from OB XML (``Verslag._xml``)."""

    data: bytes  #: the input, byte for byte
    variant: Variant
    turns: dict[int, TurnBinding] = field(default_factory=dict)  #: by Turn.source_id
    order: list[int] = field(default_factory=list)  #: source ids in document order
    meta: dict[str, MetaBinding] = field(default_factory=dict)  #: by Meta field name
    container: int = -1  #: element that receives new turns when there are none yet
    element_count: int = 0  #: number of elements lxml saw (checked against the tokenizer)
    unbound: list[str] = field(default_factory=list)  #: why some turns could not be tied to elements
    #: the element of each suspension and chair change read: ('suspensions' | 'chair_changes', k) → index
    events: dict[tuple[str, int], int] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)  #: :func:`model_state` at read time
    #: the commitments as the structure analysis derived them, before enrichments were applied (dumped)
    derived: list[dict[str, Any]] = field(default_factory=list)
    sequence: list[int | None] = field(default_factory=list)  #: every turn's source id (None: unbound)
    #: the turns not tied to elements (see ``unbound``), by turn index: (speaker, paragraphs, phase, office)
    loose: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    _doc: Document | None = None

    def document(self) -> Document:
        """The lossless tree, scanned on first use (PERF: reading never needs it)."""
        if self._doc is None:
            doc = scan_document(self.data)
            if len(doc.elements) != self.element_count:
                raise RoundTripError(
                    "the lossless tree does not match the parsed structure",
                    found=f"{len(doc.elements)} elements", expected=f"{self.element_count}",
                )
            self._doc = doc
        return self._doc


# --- text helpers --------------------------------------------------------------------------------


def _keep(s: str | None) -> bool:
    # whitespace that contains a newline is the indenter's, not the author's (docs/xml.md)
    return s is not None and s != "" and not (s.isspace() and "\n" in s)


def _collect(el: Any, parts: list[str]) -> None:
    t = el.text
    if _keep(t):
        parts.append(t)
    for c in el:
        if isinstance(c.tag, str) and c.tag != "noot":
            _collect(c, parts)
        tail = c.tail
        if _keep(tail):
            parts.append(tail)


def _blank(t: str | None) -> bool:
    return t is None or not t.strip()


def paragraph_text(el: Any) -> str:
    """The text of a paragraph element: indentation artefacts dropped, footnotes left out, whitespace collapsed."""
    if not len(el):  # PERF: most paragraphs have no inline markup
        return _squash(el.text)
    parts: list[str] = []
    _collect(el, parts)
    return _squash("".join(parts))


def _text(el: Any) -> str:
    return paragraph_text(el) if el is not None else ""


def _end_line(el: Any) -> int:
    """The source line of the element's end tag."""
    if not len(el):
        t = el.text
        return (el.sourceline or 0) + (t.count("\n") if t else 0)
    nxt = el.getnext()
    if nxt is not None and nxt.sourceline:
        # PERF: the next sibling starts where the tail ends (one step, not a walk to the last descendant)
        tail = el.tail
        return int(nxt.sourceline) - (tail.count("\n") if tail else 0)
    chain: list[Any] = []
    node = el
    while len(node):
        node = node[-1]
        chain.append(node)
    line: int = node.sourceline or el.sourceline or 0
    line += (node.text or "").count("\n")
    for n in chain:
        line += (n.tail or "").count("\n")
    return line


def speaker_parts(speaker: Speaker) -> tuple[str, str, str | None]:
    """How a speaker is spelled in ``<spreker>`` markup: (voorvoegsels, achternaam, politiek)."""
    if speaker.role is Role.CHAIR:
        return (speaker.prefix or "De", "voorzitter", None)
    return (speaker.prefix, speaker.name, speaker.party)


def _snapshot(t: Turn) -> tuple[str, str, str | None, str, str]:
    s = t.speaker
    return (s.label, s.name, s.party, str(s.role), s.prefix)


def markup_speaker(prefix: str, name: str, party: str | None, chair: str | None,
                   government: list[GovernmentMember]) -> dict[str, Any]:
    """The speaker ``<spreker>`` markup stands for: (voorvoegsels, achternaam, politiek) → Speaker fields.

    The one rule, used by the reader and by the writer to check that an edited speaker reads back.
    """
    if name.lower() == "voorzitter":
        return {"label": f"{prefix} {name}".strip(), "name": chair or "voorzitter", "role": Role.CHAIR,
                "prefix": prefix, "party": None, "office": None}
    # In Handelingen markup 'De heer'/'Mevrouw' is a member even without <politiek> (the Eerste
    # Kamer prints no party); the text grammar, which has no markup, needs the party instead.
    role = PREFIX_ROLES.get(prefix) or (Role.MEMBER if party or prefix in ("De heer", "Mevrouw") else Role.OTHER)
    office = None
    if role is Role.MINISTER or role is Role.STATE_SECRETARY:
        office = next((g.office for g in government if g.name.casefold() == name.casefold()), None)
    label = f"{prefix} {name}" if prefix and name else (prefix or name)
    if party:
        label = f"{label} ({party})"
    return {"label": label, "name": name, "party": party, "role": role, "prefix": prefix, "office": office}


def suspension_from_text(text: str, after: int, lines: tuple[int, int]) -> Suspension | None:
    """The suspension a one-paragraph block states ('De vergadering wordt ... geschorst.'), or None.

    The groups are read as the text grammar reads them (``verslag.grammar``).
    """
    m = SUSPENSION_RE.match(text)
    if m is None:
        return None
    start = m["start"] or m["start2"] or m["at"] or m["at2"]
    end = m["end"] or m["end2"] or m["until"] or m["until2"] or m["until3"]
    return Suspension(
        text=text, start=parse_time(start) if start else None, end=parse_time(end) if end else None,
        kind="short" if m["short"] else "long", after_turn=after, lines=lines,
    )


#: What :func:`model_state` leaves out of the lists that carry source positions.
_STATE_EXCLUDE: dict[str, Any] = {f: {"__all__": set(POSITIONS)}
                                  for f in ("suspensions", "chair_changes", "front_matter", "closing", "unparsed")}


def model_state(v: Verslag) -> dict[str, Any]:
    """What ``v`` holds besides its turns (:data:`STATE_FIELDS`), as plain data to compare.

    PERF: one ``model_dump`` call (about a third of one call per item).
    """
    return v.model_dump(include=set(STATE_FIELDS), exclude=_STATE_EXCLUDE)


def commitment_anchor(c: Commitment | dict[str, Any], turns: list[Turn]) -> tuple[int, int] | None:
    """The paragraph an enrichment of ``c`` stands before: (turn index, paragraph index), or None.

    The commitment's first turn, and in it the paragraph that shares the most words with its text
    (the first of equals).  Writer and reader compute it alike from the same turns.
    """
    ks = c["turns"] if isinstance(c, dict) else c.turns
    text = c["text"] if isinstance(c, dict) else c.text
    if not ks or not 0 <= ks[0] < len(turns) or not turns[ks[0]].paragraphs:
        return None
    words = set(text.lower().split())
    paras = turns[ks[0]].paragraphs
    best = max(range(len(paras)), key=lambda j: (len(words & set(paras[j].lower().split())), -j))
    return ks[0], best


def parse_enrichment(content: str) -> tuple[str, dict[str, str]] | None:
    """The kind and pseudo-attributes of an enrichment: 'toezegging status="withdrawn"' → ('toezegging', {...})."""
    m = ENRICHMENT_KIND_RE.match(content.strip())
    if m is None:
        return None
    attrs = {a["name"]: unescape(a["dq"] if a["dq"] is not None else (a["sq"] or ""))
             for a in ATTR_RE.finditer(content.strip(), m.end())}
    return m["kind"], attrs


def _enriched(c: Commitment, attrs: dict[str, str]) -> Commitment:
    """``c`` with the fields an enrichment sets (an empty value is None); ValueError for a value that is not one."""
    upd: dict[str, Any] = {}
    if "status" in attrs:
        upd["status"] = CommitmentStatus(attrs["status"])
    for f in ("by", "to", "amendment"):
        if f in attrs:
            upd[f] = attrs[f] or None
    if "deadline" in attrs:
        if not attrs["deadline"]:
            upd["deadline"] = None
        else:
            date = attrs.get("deadline-date")
            prec = attrs.get("deadline-precision")
            upd["deadline"] = Deadline(text=attrs["deadline"], date=dt.date.fromisoformat(date) if date else None,
                                       precision=Precision(prec) if prec else None)
    return c.model_copy(update=upd)


# --- entry point ---------------------------------------------------------------------------------


class _Ctx:
    """State of one read: the lxml tree, the element index and the binding being built."""

    def __init__(self, data: bytes, root: Any) -> None:
        self.root = root
        self.elements: list[Any] = list(root.iter(etree.Element))
        self.index: dict[Any, int] = dict(zip(self.elements, range(len(self.elements)), strict=True))
        self.has_notes = next(root.iter("noot"), None) is not None
        self.binding = XmlBinding(data=data, variant="kamerstuk", element_count=len(self.elements))

    def idx(self, el: Any) -> int:
        return self.index[el]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a read builds its many small objects.

    PERF: a read allocates tens of thousands of objects (lxml proxies, strings, pydantic models) and
    frees almost none, so the generational collector runs over and over for nothing; paused, a
    read of h-tk-20172018-61-10.xml takes about a fifth less time.  The collector's state is
    restored afterwards, whatever happens; nothing a read makes needs it in between.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_xml(data: bytes) -> Verslag:
    """Read OB XML bytes into a :class:`Verslag` that remembers them (``v._xml``)."""
    with _collector_paused():
        return _read(data)


def _read(data: bytes) -> Verslag:
    root = safe_parse(data)
    if root.tag != ROOT_TAG:
        raise XmlStructureError(
            "not an Officiële Bekendmakingen publication",
            line=root.sourceline or 1, column=1, found=f"<{root.tag}>", expected=f"<{ROOT_TAG}>",
        )
    ctx = _Ctx(data, root)
    body = next((c for c in root if c.tag in ("handelingen", "kamerstuk")), None)
    if body is None:
        first = next((c for c in root if isinstance(c.tag, str) and c.tag != "metadata"), None)
        raise XmlStructureError(
            "an OB publication of a kind verslag does not read",
            line=(first.sourceline if first is not None else root.sourceline) or 1, column=1,
            found=f"<{first.tag}>" if first is not None else "no content", expected="<handelingen> or <kamerstuk>",
        )
    v = _read_handelingen(ctx, body) if body.tag == "handelingen" else _read_kamerstuk(ctx, body)
    _apply_metadata(ctx, v, root.find("metadata"))
    from verslag import structure

    structure.analyze(v)
    b = ctx.binding
    for k, t in enumerate(v.turns):
        if t.source_id is not None and t.source_id in b.turns:
            tb = b.turns[t.source_id]
            tb.speaker = _snapshot(t)
            tb.texts = tuple(t.paragraphs)
            tb.phase = t.phase
            tb.office = t.speaker.office
        else:
            b.loose[k] = (_snapshot(t), tuple(t.paragraphs), t.phase, t.speaker.office)
        b.sequence.append(t.source_id)
    _apply_enrichments(ctx, v)
    v.source_format = "ob-xml"
    b.state = model_state(v)
    v._xml = b
    return v


def _apply_enrichments(ctx: _Ctx, v: Verslag) -> None:
    """Apply the ``<?verslag toezegging …?>`` instructions to the commitments the analysis derived.

    Each stands before the paragraph (``<al>``, or its ``<al-groep>``) that is the commitment's
    :func:`commitment_anchor`; ``n="2"`` names the second commitment anchored there.  One that
    names no commitment, or holds a value that is not one, is reported (V501) and left out.
    """
    b = ctx.binding
    b.derived = [c.model_dump() for c in v.commitments]
    if b"<?" + ENRICHMENT_TARGET.encode() not in b.data:  # PERF: a memchr-fast test; almost no file has one
        return
    where: dict[int, tuple[int, int]] = {}
    for k, t in enumerate(v.turns):
        tb = b.turns.get(t.source_id) if t.source_id is not None else None
        if tb is not None:
            where.update((al, (k, j)) for j, al in enumerate(tb.paragraphs))
    anchors = [commitment_anchor(c, v.turns) for c in v.commitments]
    for pi in ctx.root.iter(etree.PI):
        if pi.target != ENRICHMENT_TARGET:
            continue
        found = parse_enrichment(pi.text or "")
        nxt = pi.getnext()
        while nxt is not None and not isinstance(nxt.tag, str):
            nxt = nxt.getnext()
        if nxt is not None and nxt.tag == "al-groep":
            nxt = next(nxt.iter("al"), None)
        key = where.get(ctx.index[nxt]) if nxt is not None else None
        hits = [i for i, a in enumerate(anchors) if a is not None and a == key]
        n = found[1].get("n", "1") if found is not None else ""
        line = pi.sourceline or 0
        if found is None or key is None or not n.isdigit() or not 0 < int(n) <= len(hits):
            v.diagnostics.append(Diagnostic(
                code="V501", severity=Severity.WARNING, line=line, column=1,
                message="a <?verslag?> instruction that names no commitment was left out",
            ))
            continue
        i = hits[int(n) - 1]
        try:
            v.commitments[i] = _enriched(v.commitments[i], found[1])
        except ValueError as e:
            v.diagnostics.append(Diagnostic(
                code="V501", severity=Severity.WARNING, line=line, column=1,
                message=f"a <?verslag?> instruction with a value that is not one was left out: {e}",
            ))


# --- metadata ------------------------------------------------------------------------------------


def _identifier_from_url(url: str) -> str | None:
    # https://zoek.officielebekendmakingen.nl/h-tk-20172018-61-10/metadata.xml
    parts = [p for p in url.split("/") if p]
    if len(parts) >= 2 and parts[-1] == "metadata.xml" and "-" in parts[-2]:
        return parts[-2]
    return None


def _year_from_identifier(ident: str) -> str | None:
    # h-tk-20172018-61-10 → 2017-2018
    for part in ident.split("-"):
        if len(part) == 8 and part.isdigit() and int(part[4:]) == int(part[:4]) + 1:
            return f"{part[:4]}-{part[4:]}"
    return None


def _apply_metadata(ctx: _Ctx, v: Verslag, metadata: Any) -> None:
    meta = v.meta
    fields: dict[str, tuple[str, Any]] = {}
    if metadata is not None:
        for m in metadata.iter("meta"):
            name = m.get("name") or ""
            content = m.get("content") or ""
            fields.setdefault(name, (content, m))
    ident_el: tuple[str, Any] | None = None
    if "DC.identifier" in fields and fields["DC.identifier"][0]:
        ident_el = fields["DC.identifier"]
        ident: str | None = ident_el[0]
    else:
        rec = fields.get("OVERHEIDop.externMetadataRecord")
        ident = _identifier_from_url(rec[0]) if rec else None
        ident_el = rec if ident else None
    if ident and meta.identifier is None:
        meta.identifier = ident
        assert ident_el is not None
        ctx.binding.meta["identifier"] = MetaBinding(ctx.idx(ident_el[1]), "content", ident, ident_el[0])
    if meta.dossier is None and fields.get("OVERHEIDop.dossiernummer", ("",))[0]:
        meta.dossier = fields["OVERHEIDop.dossiernummer"][0].replace(" ", "")
    if meta.number is None and fields.get("OVERHEIDop.ondernummer", ("",))[0]:
        meta.number = fields["OVERHEIDop.ondernummer"][0]
    if meta.year is None and fields.get("OVERHEIDop.vergaderjaar", ("",))[0]:
        meta.year = fields["OVERHEIDop.vergaderjaar"][0]
    if meta.date is None and fields.get("OVERHEIDop.datumVergadering", ("",))[0]:
        with contextlib.suppress(ValueError):
            meta.date = dt.date.fromisoformat(fields["OVERHEIDop.datumVergadering"][0][:10])
    if meta.year is None and meta.identifier:
        meta.year = _year_from_identifier(meta.identifier)


# --- Handelingen ---------------------------------------------------------------------------------


def _paragraphs(el: Any, has_notes: bool = True) -> Iterator[Any]:
    """The <al> elements under ``el`` that are text paragraphs (not inside a footnote)."""
    if not has_notes:  # PERF: a document without footnotes needs no ancestor walk
        yield from el.iter("al")
        return
    for al in el.iter("al"):
        p = al.getparent()
        inside_note = False
        while p is not None and p is not el:
            if p.tag == "noot":
                inside_note = True
                break
            p = p.getparent()
        if not inside_note:
            yield al


def _front(paragraphs: list[tuple[str, int, int | None]], v: Verslag) -> None:
    """Front matter through the shared front-matter rules of the text grammar."""
    if not paragraphs:
        return
    from verslag.grammar import parse_paragraphs

    fm = parse_paragraphs([(t, line) for t, line, _i in paragraphs])
    v.meta = fm.meta
    v.front_matter = fm.front_matter + [Block(text=u.text, lines=u.lines) for u in fm.unparsed]
    v.diagnostics.extend(d for d in fm.diagnostics if d.code not in ("V201", "V202"))


def _read_handelingen(ctx: _Ctx, h: Any) -> Verslag:
    v = Verslag()
    b = ctx.binding
    b.variant = "handelingen"
    front: list[tuple[str, int, int | None]] = []
    date: dt.date | None = None
    items: list[Any] = []
    for item in h:
        if not isinstance(item.tag, str):
            continue
        if item.tag == "vergadering":
            for c in item:
                if not isinstance(c.tag, str):
                    continue
                t = _text(c)
                if c.tag == "vergaderdatum":
                    date = parse_date(t)
                if t:
                    front.append((t, c.sourceline or 0, ctx.idx(c)))
        else:
            items.append(item)
    _read_items(ctx, v, items, front)
    if date is not None and v.meta.date is None:
        v.meta.date = date
    _bind_front(ctx, v, front)
    if v.meta.year is None and v.meta.date is not None:
        from verslag.grammar import year_of

        v.meta.year = year_of(v.meta.date)
    return v


def _read_items(ctx: _Ctx, v: Verslag, items: list[Any], front: list[tuple[str, int, int | None]]) -> None:
    """Read items (agendapunt, opening, or a Kamerstuk body) that hold <spreekbeurt>s into ``v``.

    Everything before the first spreekbeurt is front matter; after it, every element that is not a
    spreekbeurt is a bare block (suspension, chair change, closing, or an unlabelled turn).
    """
    b = ctx.binding
    title_el: Any = None
    body: list[tuple[str, Any]] = []  # ('turn' | 'bare', element) in order, after the first spreekbeurt
    seen_turn = False
    for item in items:
        if b.container < 0 or item.tag == "agendapunt":
            b.container = ctx.idx(item)
        for c in item:
            tag = c.tag
            if not isinstance(tag, str) or tag == "nr":
                continue
            if tag == "item-titel":
                if title_el is None:
                    title_el = c
            elif tag == "spreekbeurt":
                body.append(("turn", c))
                seen_turn = True
            elif seen_turn and item.tag != "opening":
                body.append(("bare", c))
            else:
                front.extend((t, al.sourceline or 0, ctx.idx(al)) for al in _paragraphs(c, ctx.has_notes)
                             if (t := paragraph_text(al)))
    _front(front, v)
    meta = v.meta
    if title_el is not None:
        meta.title = _text(title_el) or None
        b.meta["title"] = MetaBinding(ctx.idx(title_el), None, meta.title, title_el.text or "")
    chair = meta.chair
    turns: list[dict[str, Any]] = []  # PERF: validated in one call at the end
    for kind, el in body:
        if kind == "turn":
            turns.append(_spreekbeurt_turn(ctx, el, chair, v))
            continue
        als = list(_paragraphs(el, ctx.has_notes))
        texts = [paragraph_text(al) for al in als]
        line = el.sourceline or 0
        lines = (line, _end_line(el))
        one = texts[0] if len(texts) == 1 else ""
        sus = suspension_from_text(one, len(turns) - 1, lines) if one else None
        if sus is not None:
            b.events[("suspensions", len(v.suspensions))] = ctx.idx(el)
            v.suspensions.append(sus)
            continue
        m = CHAIR_CHANGE_RE.match(one) if one else None
        if m is not None:
            chair = m["name"]
            if meta.chair is None:
                meta.chair = chair
            b.events[("chair_changes", len(v.chair_changes))] = ctx.idx(el)
            v.chair_changes.append(ChairChange(name=chair, text=one, after_turn=len(turns) - 1, lines=lines))
            continue
        m = SLUITING_RE.match(one) if one else None
        if m is not None:
            meta.end = parse_time(m["time"])
            v.closing.append(Block(text=one, lines=lines))
            continue
        texts, spans, idxs = _rows(ctx, als)
        if not texts:  # a tussenkop or an empty block: no turn; the bytes stay in the document
            continue
        i = ctx.idx(el)
        turns.append({
            "speaker": {"label": "", "name": "", "role": Role.OTHER},
            "paragraphs": texts, "paragraph_lines": spans, "lines": lines, "source_id": i,
        })
        b.turns[i] = TurnBinding("bare", i, idxs, _NO_SPEAKER, (), last=i)
        b.order.append(i)
    v.turns = _TURNS.validate_python(turns)


def _child(el: Any, tag: str) -> Any:
    """The first child element named ``tag`` (PERF: lxml's find() compiles a path each call)."""
    for c in el:
        if c.tag == tag:
            return c
    return None


def _spreekbeurt_turn(ctx: _Ctx, sb: Any, chair: str | None, v: Verslag) -> dict[str, Any]:
    # PERF: one pass over the <spreekbeurt>'s children with the element index bound locally, no
    # generator per <tekst> when the document has no footnotes (about 1.6x faster than before).
    index = ctx.index
    parts: dict[str, int] = {}
    prefix, name, party = "", "", None
    als: list[Any] = []
    for c in sb:
        tag = c.tag
        if tag == "spreker":
            parts["spreker"] = index[c]
            for s in c:
                stag = s.tag
                if stag == "voorvoegsels":
                    if "voorvoegsels" not in parts:
                        parts["voorvoegsels"] = index[s]
                        prefix = paragraph_text(s)
                elif stag == "naam":
                    if "naam" not in parts:
                        parts["naam"] = index[s]
                        ach = _child(s, "achternaam")
                        if ach is not None:
                            parts["achternaam"] = index[ach]
                        if ach is not None and len(s) == 1 and _blank(s.text) and _blank(ach.tail):
                            name = _squash(ach.text)  # PERF: itertext() is slow; this is the usual shape
                        else:
                            name = _squash("".join(s.itertext()))
                elif stag == "politiek" and "politiek" not in parts:
                    parts["politiek"] = index[s]
                    party = _squash(s.text) or None
        elif isinstance(tag, str):
            if ctx.has_notes:
                als.extend(_paragraphs(c, True))
            else:
                als.extend(c.iter("al"))
    speaker = markup_speaker(prefix, name, party, chair, v.meta.government)
    texts, spans, idxs = _rows(ctx, als)
    i = index[sb]
    b = ctx.binding
    b.turns[i] = TurnBinding("spreekbeurt", i, idxs, _NO_SPEAKER, (), parts, (prefix, name, party), last=i)
    b.order.append(i)
    return {"speaker": speaker, "paragraphs": texts, "paragraph_lines": spans,
            "lines": (sb.sourceline or 0, _end_line(sb)), "source_id": i}


#: The speaker snapshot of a binding before the structure analysis has run (filled in by read_xml).
_NO_SPEAKER: tuple[str, str, str | None, str, str] = ("", "", None, "", "")


def _rows(ctx: _Ctx, als: list[Any]) -> tuple[list[str], list[tuple[int, int]], list[int]]:
    """Text, line span and element index of each non-empty paragraph."""
    texts: list[str] = []
    spans: list[tuple[int, int]] = []
    idxs: list[int] = []
    index = ctx.index
    for al in als:
        if len(al):
            t = paragraph_text(al)
            if not t:
                continue
            line = al.sourceline or 0
            end = _end_line(al)
        else:  # PERF: inline the common case, a paragraph without markup
            raw = al.text
            if not raw:
                continue
            t = _squash(raw)
            if not t:
                continue
            line = al.sourceline or 0
            end = line + raw.count("\n")
        texts.append(t)
        spans.append((line, end))
        idxs.append(index[al])
    return texts, spans, idxs


# --- Kamerstuk -----------------------------------------------------------------------------------


def _read_kamerstuk(ctx: _Ctx, ks: Any) -> Verslag:
    b = ctx.binding
    year_el: Any = None
    kop = ks.find("kamerstukkop")
    if kop is not None:
        year_el = next((t for t in kop.iter("tekstregel") if t.get("inhoud") == "vergaderjaar"), None)
    dossier_el = next(iter(ks.iter("dossiernr")), None)
    stuk = ks.find("stuk")
    number_el = titel_el = datumtekst = None
    paras: list[tuple[str, int, int | None]] = []  # (text, line, element index or None)
    if stuk is not None:
        number_el = next(iter(stuk.iter("ondernummer")), None)
        titel_el = stuk.find("titel")
        datumtekst = stuk.find("datumtekst")
        if datumtekst is not None and (t := _text(datumtekst)):
            paras.append((t, datumtekst.sourceline or 0, None))
        for c in stuk:
            if isinstance(c.tag, str) and c.tag not in ("stuknr", "titel", "datumtekst", "ondertekening"):
                paras.extend((t, al.sourceline or 0, ctx.idx(al)) for al in _paragraphs(c, ctx.has_notes) if (t := paragraph_text(al)))
    first_sb = next(stuk.iter("spreekbeurt"), None) if stuk is not None else None
    verbatim = any(LABEL_RE.match(t) is not None for t, _l, _i in paras)
    from verslag.grammar import parse_paragraphs

    if first_sb is not None:
        # <spreekbeurt> markup inside the stuk (one of the two hypotheses, docs/xml.md): read it as
        # Handelingen are read, with the paragraphs before that body as front matter.
        v = Verslag()
        b.variant = "handelingen"
        item = first_sb.getparent()
        inside = {id(e) for e in item.iter()}
        front = [(t, line, i) for t, line, i in paras if i is None or id(ctx.elements[i]) not in inside]
        _read_items(ctx, v, [item], front)
    elif verbatim:
        v = parse_paragraphs([(t, line) for t, line, _i in paras])
        b.variant = "verbatim"
        _bind_verbatim(ctx, v, paras)
    else:
        v = parse_paragraphs([(t, line) for t, line, _i in paras])
        b.variant = "kamerstuk"
        v.diagnostics = [d for d in v.diagnostics if d.code not in ("V201", "V202")]
        v.front_matter.extend(Block(text=u.text, lines=u.lines) for u in v.unparsed)
        v.unparsed = []
    if paras and b.variant != "handelingen":
        last_al = next((i for _t, _l, i in reversed(paras) if i is not None), None)
        if last_al is not None:
            b.container = last_al
    meta = v.meta
    if year_el is not None:
        raw = _text(year_el)
        m = VERGADERJAAR_RE.match(raw)
        meta.year = f"{m['y1']}-{m['y2']}" if m is not None else (raw or meta.year)
        b.meta["year"] = MetaBinding(ctx.idx(year_el), None, meta.year, raw)
    if dossier_el is not None and (raw := _text(dossier_el)):
        meta.dossier = raw.replace(" ", "")
        b.meta["dossier"] = MetaBinding(ctx.idx(dossier_el), None, meta.dossier, raw)
    if number_el is not None and (raw := _text(number_el)):
        meta.number = raw
        b.meta["number"] = MetaBinding(ctx.idx(number_el), None, meta.number, raw)
    if titel_el is not None and (raw := _text(titel_el)):
        m = TITLE_RE.match(raw)
        if m is not None and m["title"] == raw:
            # a bare 'VERSLAG VAN EEN ALGEMEEN OVERLEG' says only the kind (docs/xml.md)
            if not meta.kind:
                meta.kind = " ".join(m["kind"].lower().split())
        elif raw.upper() != "VERSLAG" or not verbatim:
            meta.title = raw
            b.meta["title"] = MetaBinding(ctx.idx(titel_el), None, meta.title, raw)
    if meta.date is None and datumtekst is not None:
        d = datumtekst.find("datum")
        iso = d.get("isodatum") if d is not None else None
        try:
            meta.date = dt.date.fromisoformat(iso) if iso else parse_date(_text(datumtekst))
        except ValueError:
            meta.date = parse_date(_text(datumtekst))
    if stuk is not None and not meta.signatories:
        from verslag.model import Signatory

        for o in stuk.iter("ondertekening"):
            f, n = o.find("functie"), o.find("naam")
            if n is not None:
                meta.signatories.append(Signatory(function=_text(f).rstrip(","), name=_text(n)))
    if meta.year is None and meta.date is not None:
        from verslag.grammar import year_of

        meta.year = year_of(meta.date)
    _bind_front(ctx, v, paras)
    if "date" not in b.meta and meta.date is not None and datumtekst is not None:
        d = datumtekst.find("datum")
        el = d if d is not None else datumtekst
        if parse_date(_text(el)) == meta.date:
            b.meta["date"] = MetaBinding(ctx.idx(el), None, meta.date, _text(el))
    return v


def _bind_front(ctx: _Ctx, v: Verslag, paras: list[tuple[str, int, int | None]]) -> None:
    """Tie ``meta.date`` and ``meta.chair`` to the paragraph that states them, so an edit can be written.

    The date: the first paragraph in which a Dutch date is that date ('Donderdag 8 februari 2018',
    '... hebben op 11 maart 2020 overleg gevoerd ...'); the chair: the first 'Voorzitter: X' of that chair.
    """
    b, meta = ctx.binding, v.meta
    for t, _line, i in paras:
        if i is None:
            continue
        if meta.chair and "chair" not in b.meta and (m := CHAIR_CHANGE_RE.match(t)) is not None and m["name"] == meta.chair:
            b.meta["chair"] = MetaBinding(i, None, meta.chair, t)
        if meta.date and "date" not in b.meta and parse_date(t) == meta.date:
            b.meta["date"] = MetaBinding(i, None, meta.date, t)


def _bind_verbatim(ctx: _Ctx, v: Verslag, paras: list[tuple[str, int, int | None]]) -> None:
    """Tie each turn the grammar built to its label <al> and paragraph <al>s, by order and text."""
    b = ctx.binding
    j = 0
    n = len(paras)
    for k, t in enumerate(v.turns):
        label = t.speaker.label
        while j < n:
            m = LABEL_RE.match(paras[j][0])
            if m is not None and m["label"] == label:
                break
            j += 1
        if j >= n or paras[j][2] is None:
            b.unbound.append(f"turn {k} ({label!r}): its label paragraph was not found")
            continue
        anchor = paras[j][2]
        label_par = paras[j][0]
        assert anchor is not None
        j += 1
        resume = j
        found: list[int] = []
        for p in t.paragraphs:
            while j < n and paras[j][0] != p:
                j += 1
            if j >= n or paras[j][2] is None:
                break
            idx = paras[j][2]
            assert idx is not None
            found.append(idx)
            j += 1
        if len(found) != len(t.paragraphs):
            b.unbound.append(f"turn {k} ({label!r}): a paragraph was not found as one <al>")
            j = resume
            continue
        t.source_id = anchor
        b.turns[anchor] = TurnBinding("label", anchor, found, ("", "", None, "", ""), (),
                                      last=found[-1] if found else anchor, label_text=label_par)
        b.order.append(anchor)
    event_texts = (("suspensions", [e.text for e in v.suspensions]), ("chair_changes", [e.text for e in v.chair_changes]))
    for name, texts in event_texts:
        j = 0
        for k, text in enumerate(texts):
            while j < n and not (paras[j][0] == text and paras[j][2] is not None):
                j += 1
            if j < n:
                idx = paras[j][2]
                assert idx is not None
                b.events[(name, k)] = idx
                j += 1
    if b.unbound:
        v.diagnostics.append(Diagnostic(
            code="V501", severity=Severity.INFO,
            message=f"{len(b.unbound)} turn(s) not tied to XML elements; editing them cannot be written back",
        ))
