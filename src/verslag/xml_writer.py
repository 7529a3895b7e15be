"""Write a :class:`Verslag` as Officiële Bekendmakingen XML.

Two serializations (see ``docs/xml.md``):

* A Verslag read from OB XML (``v._xml`` is an :class:`~verslag.xml_reader.XmlBinding`): the model
  is compared with the snapshot taken at read time.  Nothing changed → the input bytes.  Something
  changed → :class:`~verslag.xml_tree.Edits` on the lossless tree touch only the elements of what
  changed; new elements are written in the document's own style (newline, indent, ``" />"``).
* Any other Verslag (parsed from PDF text, built by hand): a complete OB-style Kamerstuk with the
  report as label-led paragraphs — the shape :func:`verslag.xml_reader.read_xml` reads back
  through the text grammar.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import itertools
import re
from collections.abc import Sequence
from typing import Any

from verslag.errors import RoundTripError
from verslag.grammar import meta_fallbacks
from verslag.layout import PARAGRAPH_END
from verslag.model import Meta, Role, Speaker, Turn, Verslag
from verslag.patterns import CHAIR_CHANGE_RE, LABEL_RE, VASTGESTELD_RE
from verslag.xml_reader import (
    ENRICHED_FIELDS,
    ENRICHMENT_TARGET,
    POSITIONS,
    STATE_FIELDS,
    MetaBinding,
    TurnBinding,
    XmlBinding,
    commitment_anchor,
    markup_speaker,
    model_state,
    parse_enrichment,
    speaker_parts,
    suspension_from_text,
)
from verslag.xml_tree import (
    INVALID_XML_CHAR_RE,
    Document,
    DocumentStyle,
    Edits,
    Element,
    Leaf,
    NewElement,
    _ws,
    escape_attr,
    escape_text,
    line_col,
    render_new,
    replace_attr,
    unescape,
)

__all__ = ["MADE_FROM_META", "NOT_CARRIED", "OB_STYLE", "STRUCTURE", "render_document", "write_new", "write_xml"]

#: The serialization of zoek.officielebekendmakingen.nl: BOM, CRLF, 2-space indent, ``" />"``.
OB_STYLE = DocumentStyle(
    bom=codecs.BOM_UTF8,
    encoding="utf-8",
    declaration='<?xml version="1.0" encoding="utf-8"?>',
    newline="\r\n",
    indent="  ",
    empty_tag=" />",
    quote='"',
    final_newline=False,
)

#: The root's attributes in the OB download, in this order.
OB_ROOT_ATTRS: list[tuple[str, str]] = [
    ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ("xsi:noNamespaceSchemaLocation", "http://technische-documentatie.oep.overheid.nl/schema/op-xsd-2012-1"),
]

#: Where the OB keeps a publication's metadata record.
METADATA_URL = "https://zoek.officielebekendmakingen.nl/{id}/metadata.xml"


def write_xml(v: Verslag, *, force_render: bool = False) -> bytes:
    """The OB XML bytes of ``v``: the input where nothing changed, else minimal edits or a new document.

    With ``force_render`` a report read from XML is rendered from its lossless tree, every element
    through the edit path, even when nothing changed (where the plain call returns the input): the
    check that the renderer itself gives the bytes back (``verslag roundtrip``, tests/test_roundtrip.py).
    """
    b = v._xml
    if isinstance(b, XmlBinding):
        return _write_edited(v, b, force_render)
    return write_new(v)


# --- edits on a document that was read -----------------------------------------------------------

#: Why a part of the model cannot be written to OB XML (the reason in the RoundTripError).
WHY_DERIVED = ("derived by the structure analysis from the turns on reading (call verslag.structure.analyze "
               "after editing the turns, or edit the turns)")
WHY_NOT_WRITTEN: dict[str, str] = {
    "meta": "OB XML holds it only in front-matter text, which write_xml does not rewrite",
    "front_matter": "front-matter blocks are not written back (meta.date and meta.chair are, through the "
                    "paragraph that states them)",
    "closing": "the closing blocks are not written back",
    "unparsed": "text that could not be placed is not written back",
    "furniture": "page layout of PDF text; OB XML has none",
    "interruptions": WHY_DERIVED,
    "candidates": WHY_DERIVED,
}

#: Meta fields that OB XML holds in an element of their own, where the document has one.
ELEMENT_META = ("title", "dossier", "number", "year", "identifier")

#: The speaker fields checked against what the written markup reads back as.
SPEAKER_FIELDS = ("label", "name", "party", "role", "prefix", "office")

# A weekday before a date, which follows the date when the date is edited:  Donderdag 8 februari 2018
WEEKDAY_RE = re.compile(r"(?P<day>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+$", re.IGNORECASE)

#: Dutch weekday names, Monday first (``date.weekday()``).
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def _snapshot(t: Turn) -> tuple[str, str, str | None, str, str]:
    s = t.speaker
    return (s.label, s.name, s.party, str(s.role), s.prefix)


def _edited_turns(v: Verslag, b: XmlBinding) -> list[int] | None:
    """The indexes of the turns not as read (speaker, paragraphs, phase, office).

    None when turns were added, removed or moved.
    """
    if len(v.turns) != len(b.sequence):
        return None
    out: list[int] = []
    for k, (t, sid) in enumerate(zip(v.turns, b.sequence, strict=True)):
        if t.source_id != sid:
            return None
        if sid is None:
            if (_snapshot(t), tuple(t.paragraphs), t.phase, t.speaker.office) != b.loose.get(k):
                out.append(k)
            continue
        tb = b.turns[sid]
        if (_snapshot(t) != tb.speaker or tuple(t.paragraphs) != tb.texts or t.phase != tb.phase
                or t.speaker.office != tb.office):
            out.append(k)
    return out


def _write_edited(v: Verslag, b: XmlBinding, force_render: bool = False, *, staged: bool = False) -> bytes:
    edited = _edited_turns(v, b)
    state = model_state(v)
    if not force_render and edited == [] and state == b.state:  # PERF: an unedited report is its input
        return b.data
    w = _Writer(v, b, state, edited)
    w.ed.everything = force_render
    w.check()
    w.turns()
    w.meta()
    try:
        w.commitments()
    except _NewAnchor as e:
        if staged:  # read back, and still no element: the paragraph is not tied to one
            raise w._err(f"commitments[{e.index}]", "its paragraph is not tied to an element of the document") from None
        # A commitment edited at a paragraph this write adds: write everything else, read that
        # back (the paragraph is then in the document), and put the enrichments in a second pass.
        back = _read_back(w.doc.to_bytes(w.ed))
        back.commitments = [c.model_copy(deep=True) for c in v.commitments]
        assert isinstance(back._xml, XmlBinding)
        return _write_edited(back, back._xml, staged=True)
    return w.doc.to_bytes(w.ed)


class _NewAnchor(Exception):
    """A commitment's enrichment would stand before a paragraph that the same write adds."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index  #: the first such commitment


def _read_back(data: bytes) -> Verslag:
    """What reading ``data`` gives (the second pass of a write that adds a commitment's paragraph)."""
    from verslag.xml_reader import read_xml

    return read_xml(data)


class _Writer:
    """Collects the :class:`Edits` that bring the document in line with the model.

    Every part of the model that differs from what was read is either written (turns, their
    speakers and paragraphs, suspensions and chair changes, the bound meta fields, commitments as
    ``<?verslag?>`` enrichments) or refused with a :class:`RoundTripError` that names the field.
    """

    def __init__(self, v: Verslag, b: XmlBinding, state: dict[str, Any], edited: list[int] | None) -> None:
        self.v = v
        self.b = b
        self.doc: Document = b.document()
        self.els = self.doc.elements
        self.style = self.doc.style
        self.ed = Edits()
        self.now = state
        self.changed = {f for f in STATE_FIELDS if state[f] != b.state[f]}
        self.edited = edited  #: the turns edited in place; None when turns were added, removed or moved
        self.turns_same = edited == []
        self.has_pis = b"<?" + ENRICHMENT_TARGET.encode() in b.data
        self._again: Verslag | None = None
        self._text: str | None = None

    # -- helpers --

    def _new(self, el: NewElement, depth: int) -> str:
        return render_new(el, depth, self.style)

    def _err(self, what: str, why: str, idx: int | None = None, found: str | None = None,
             expected: str | None = None) -> RoundTripError:
        """A RoundTripError naming the field, at the line and column of element ``idx`` (else the body's)."""
        if idx is None or idx < 0:
            idx = self.b.container if self.b.container >= 0 else 0
        if self._text is None:
            self._text = self.doc.serialize()
        el = self.els[idx]
        line, col = line_col(self._text, el.offset)
        return RoundTripError(f"{what} cannot be written to OB XML: {why}", line=line, column=col,
                              found=found, expected=expected)

    def _again_model(self) -> Verslag:
        """A copy of the model with the structure analysis run again: what reading the output derives."""
        if self._again is None:
            from verslag import structure

            saved = self.v._xml
            self.v._xml = None  # the copy needs no document
            try:
                again = self.v.model_copy(deep=True)
            finally:
                self.v._xml = saved
            structure.analyze(again)
            self._again = again
        return self._again

    def _delete(self, idx: int) -> None:
        """Delete an element; an <al-groep> left empty goes with it, and so do enrichments before it."""
        el = self.els[idx]
        parent = el.parent
        if parent is not None and parent.tag == "al-groep":
            siblings = parent.elements()
            if all(s.index in self.ed.delete or s.index == idx for s in siblings):
                for s in siblings:
                    self.ed.delete.discard(s.index)
                self._delete(parent.index)
                return
        self.ed.delete.add(idx)
        if self.has_pis:
            for leaf in self._enrichments_before(idx):
                self.ed.leaf[leaf.offset] = (leaf.parent.index, "")

    def _insert(self, where: tuple[str, int], markup: list[str]) -> None:
        kind, idx = where
        target = self.ed.after if kind == "after" else self.ed.before
        target.setdefault(idx, []).extend(markup)

    def _enrichments_before(self, idx: int) -> list[Leaf]:
        """The ``<?verslag …?>`` instructions that stand right before element ``idx`` (whitespace between)."""
        el = self.els[idx]
        if el.parent is None:
            return []
        kids = el.parent.children
        k = next(i for i, c in enumerate(kids) if c is el) - 1
        out: list[Leaf] = []
        while k >= 0 and isinstance(kids[k], Leaf) and _ws(kids[k].tail):
            leaf = kids[k]
            assert isinstance(leaf, Leaf)
            if leaf.raw.startswith("<?" + ENRICHMENT_TARGET):
                out.append(leaf)
            k -= 1
        return out[::-1]

    # -- what cannot be written --

    def check(self) -> None:
        """Refuse edits of what OB XML cannot hold, and of derived structure the reader would not derive."""
        v, b = self.v, self.b
        for f in ("front_matter", "closing", "unparsed", "furniture"):
            if f in self.changed:
                k = _first_difference(self.now[f], b.state[f])
                raise self._err(f"{f}[{k}]" if k is not None else f, WHY_NOT_WRITTEN[f])
        phases: list[int] = []
        for i in range(len(v.turns)) if self.edited is None else self.edited:
            t = v.turns[i]
            tb = b.turns.get(t.source_id) if t.source_id is not None else None
            if (tb is not None and t.phase != tb.phase) or (tb is None and t.phase is not None):
                phases.append(i)
        derived = [f for f in ("interruptions", "candidates") if f in self.changed]
        if not phases and not derived:
            return
        again = self._again_model()
        for i in phases:
            if again.turns[i].phase != v.turns[i].phase:
                raise self._err(f"turns[{i}].phase", WHY_DERIVED, self._turn_element(v.turns[i]),
                                found=str(v.turns[i].phase), expected=str(again.turns[i].phase))
        for f in derived:
            want = [x.model_dump(exclude=POSITIONS) for x in getattr(again, f)]
            if want != self.now[f]:
                k = _first_difference(self.now[f], want)
                raise self._err(f"{f}[{k}]" if k is not None else f, WHY_NOT_WRITTEN[f])

    def _turn_element(self, t: Turn) -> int | None:
        tb = self.b.turns.get(t.source_id) if t.source_id is not None else None
        return tb.anchor if tb is not None else None

    # -- turns, suspensions and chair changes --

    def turns(self) -> None:
        b = self.b
        events = "suspensions" in self.changed or "chair_changes" in self.changed
        if self.turns_same and not events:
            return
        if b.loose and not self.turns_same:
            raise self._err("turns", f"{len(b.loose)} turn(s) are not tied to XML elements (diagnostic V501)")
        if b.variant == "handelingen" and self.v.turns and not self.v.turns[0].speaker.label:
            first = self.v.turns[0]
            raise self._err("turns[0]", "a turn without a label before the first <spreekbeurt> is a bare <tekst>, "
                            "which reads back as front matter (remove it too, or give it a speaker)",
                            self._turn_element(first), found="''", expected="a labelled first turn")
        if not events and self.edited is not None:
            # PERF: the same turns in the same places (the usual edit): visit only the edited ones
            for i in self.edited:
                t = self.v.turns[i]
                self._edit_turn(i, t, b.turns[t.source_id])  # type: ignore[index]
            return
        pos = {sid: k for k, sid in enumerate(b.order)}
        seen: set[int] = set()
        known: list[int] = []
        for t in self.v.turns:
            sid = t.source_id
            if sid is not None and sid in b.turns and sid not in seen:
                seen.add(sid)
                known.append(sid)
        if any(pos[x] > pos[y] for x, y in itertools.pairwise(known)):
            raise RoundTripError(
                "turns were reordered; only edits, insertions and removals can be written back",
                found="a different order", expected="the turns in document order",
            )
        for sid in b.order:
            if sid not in seen:
                self._remove_turn(b.turns[sid])
        added = self._events()
        # the model in order: events before the first turn, each turn, the events after it
        seq: list[tuple[int, Turn | str]] = [(-1, x) for x in added.get(-1, [])]
        for i, t in enumerate(self.v.turns):
            seq.append((i, t))
            seq.extend((i, x) for x in added.get(i, []))
        point: tuple[str, int] | None = None
        pending: list[tuple[int, Turn | str]] = []
        used: set[int] = set()
        for i, item in seq:
            sid = item.source_id if isinstance(item, Turn) else None
            if isinstance(item, Turn) and sid is not None and sid in b.turns and sid not in used:
                used.add(sid)
                tb = b.turns[sid]
                if pending:  # what comes before the first turn that was read goes before it
                    self._add(pending, ("before", tb.anchor))
                    pending = []
                self._edit_turn(i, item, tb)
                point = ("after", self._last(tb))
            elif point is None:
                pending.append((i, item))
            else:
                self._add([(i, item)], point)
        if pending:
            self._add(pending, self._container_point())

    def _last(self, tb: TurnBinding) -> int:
        if tb.kind == "label":
            return tb.paragraphs[-1] if tb.paragraphs else tb.anchor
        return tb.anchor

    def _container_point(self) -> tuple[str, int]:
        c = self.b.container
        if c < 0:
            raise RoundTripError("no place in the document for new turns", found="no body", expected="a body element")
        el = self.els[c]
        if self.b.variant == "handelingen":
            kids = el.elements()
            if not kids:
                raise RoundTripError("no place in the document for new turns", found=f"<{el.tag}/>",
                                     expected="an agendapunt with content")
            return ("after", kids[-1].index)
        return ("after", c)

    def _remove_turn(self, tb: TurnBinding) -> None:
        if tb.kind == "label":
            for i in [tb.anchor, *tb.paragraphs]:
                self._delete(i)
        else:
            self._delete(tb.anchor)

    def _turn_markup(self, t: Turn, depth: int) -> list[str]:
        if self.b.variant == "handelingen":
            return [self._new(spreekbeurt_element(t), depth)]
        out = [self._new(NewElement("al", [], [t.speaker.label + ":"]), depth)] if t.speaker.label else []
        out.extend(self._new(NewElement("al", [], [p]), depth) for p in t.paragraphs)
        return out

    def _event_markup(self, text: str, depth: int) -> str:
        if self.b.variant == "handelingen":
            return self._new(NewElement("tekst", [("status", "goed")], [_paragraph_element(text, True)]), depth)
        return self._new(NewElement("al", [], [text]), depth)

    def _add(self, items: Sequence[tuple[int, Turn | str]], where: tuple[str, int]) -> None:
        """New turns and events (a suspension's or chair change's text) at ``where``, in order."""
        depth = self.els[where[1]].depth
        markup: list[str] = []
        for i, item in items:
            if isinstance(item, str):
                markup.append(self._event_markup(item, depth))
                continue
            self._check_new_turn(i, item)
            markup.extend(self._turn_markup(item, depth))
        self._insert(where, markup)

    def _events(self) -> dict[int, list[str]]:
        """Write removed and edited suspensions and chair changes; the added ones' texts by ``after_turn``."""
        added: dict[int, list[str]] = {}
        for name in ("suspensions", "chair_changes"):
            if name not in self.changed:
                continue
            old, new = self.b.state[name], self.now[name]
            sm = difflib.SequenceMatcher(None, [_event_key(d) for d in old], [_event_key(d) for d in new],
                                         autojunk=False)
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                pairs = list(zip(range(i1, i2), range(j1, j2), strict=False)) if op in ("equal", "replace") else []
                for i, j in pairs:
                    if old[i]["after_turn"] == new[j]["after_turn"] and self._patch_event(name, i, j):
                        continue
                    if op == "equal" and old[i]["after_turn"] == new[j]["after_turn"]:
                        continue
                    self._delete_event(name, i)  # moved, or edited where no patch can say it
                    added.setdefault(self._event_after(name, j), []).append(self._event_text(name, j))
                for i in range(i1 + len(pairs), i2):
                    self._delete_event(name, i)
                for j in range(j1 + len(pairs), j2):
                    added.setdefault(self._event_after(name, j), []).append(self._event_text(name, j))
        return added

    def _event_idx(self, name: str, i: int) -> int:
        idx = self.b.events.get((name, i))
        if idx is None:
            raise self._err(f"{name}[{i}]", "it is not tied to an XML element")
        return idx

    def _delete_event(self, name: str, i: int) -> None:
        self._delete(self._event_idx(name, i))

    def _event_after(self, name: str, j: int) -> int:
        after = int(self.now[name][j]["after_turn"])
        if not 0 <= after < len(self.v.turns):
            # before the first turn (-1) the line is front matter when read, not an event
            why = "before the first turn it reads as front matter" if after == -1 else "it names no turn"
            raise self._err(f"{name}[{j}].after_turn", why, found=str(after),
                            expected=f"0 to {len(self.v.turns) - 1}")
        return after

    def _event_text(self, name: str, j: int) -> str:
        """The text of an added or edited event, checked to read back as that event."""
        d = self.now[name][j]
        text: str = d["text"]
        self._check_text(f"{name}[{j}].text", text)
        if name == "suspensions":
            s = suspension_from_text(text, -1, (0, 0))
            if s is None:
                raise self._err(f"{name}[{j}].text", "it is not read as a suspension", found=text,
                                expected="'De vergadering wordt … geschorst.'")
            for f in ("start", "end", "kind"):
                if getattr(s, f) != d[f]:
                    raise self._err(f"{name}[{j}].{f}", "the text says otherwise (edit the text)",
                                    found=str(d[f]), expected=str(getattr(s, f)))
        else:
            m = CHAIR_CHANGE_RE.match(text)
            if m is None:
                raise self._err(f"{name}[{j}].text", "it is not read as a chair change", found=text,
                                expected="'Voorzitter: X'")
            if m["name"] != d["name"]:
                raise self._err(f"{name}[{j}].name", "the text says otherwise (edit the text)", found=d["name"],
                                expected=m["name"])
        return text

    def _patch_event(self, name: str, i: int, j: int) -> bool:
        """Patch an event's text in place; False when there is nothing bound to patch."""
        old, new = self.b.state[name][i], self.now[name][j]
        if old == new:
            return True
        if (name, i) not in self.b.events:
            return False
        text = self._event_text(name, j)
        el = self.els[self._event_idx(name, i)]
        al = el if el.tag == "al" else next(el.iter("al"), None)
        if al is None:
            return False
        patch_paragraph(al, old["text"], text, self.ed)
        return True

    # -- one turn --

    def _edit_turn(self, i: int, t: Turn, tb: TurnBinding) -> None:
        if _snapshot(t) == tb.speaker and tuple(t.paragraphs) == tb.texts:
            if t.speaker.office != tb.office:
                self._check_speaker(i, t, tb, self._derived_speaker(t, tb))
            return
        self._check_paragraphs(i, t, set(tb.texts))
        if tb.kind != "label" and (tb.kind == "bare") != (t.speaker.label == ""):
            # a bare <tekst> that gets a speaker, or a spreekbeurt that loses one: rebuild it
            self._check_speaker(i, t, None, self._derived_speaker(t, None))
            self.ed.delete.add(tb.anchor)
            self._insert(("after", tb.anchor), self._turn_markup(t, self.els[tb.anchor].depth))
            return
        if _snapshot(t) != tb.speaker or t.speaker.office != tb.office:
            self._check_speaker(i, t, tb, self._derived_speaker(t, tb))
            if tb.kind == "spreekbeurt":
                self._edit_spreker(t.speaker, tb)
            elif tb.kind == "label":
                new = _label_for(t.speaker, tb)
                if new != tb.label_text:
                    self._patch_paragraph(tb.anchor, tb.label_text, new)
        if tuple(t.paragraphs) != tb.texts:
            self._edit_paragraphs(t, tb)

    def _check_new_turn(self, i: int, t: Turn) -> None:
        if self.b.variant != "handelingen" and not t.speaker.label:
            raise self._err(f"turns[{i}].speaker.label", "in a label-led document a turn without a label "
                            "joins the turn before it", found="''", expected="a label such as 'De voorzitter'")
        self._check_paragraphs(i, t, set())
        self._check_speaker(i, t, None, self._derived_speaker(t, None))

    def _check_text(self, what: str, p: str) -> None:
        if not p or " ".join(p.split()) != p or INVALID_XML_CHAR_RE.search(p):
            raise self._err(what, "reading collapses whitespace, drops empty paragraphs and characters XML "
                            "cannot hold", found=repr(p[:40]), expected="clean text")

    def _check_paragraphs(self, i: int, t: Turn, known: set[str]) -> None:
        """New paragraph texts must read back as they are: clean, and (label-led) not a label or event line."""
        from verslag.layout import Line
        from verslag.lexer import TokenKind, classify

        for j, p in enumerate(t.paragraphs):
            if p in known:
                continue
            self._check_text(f"turns[{i}].paragraphs[{j}]", p)
            label_led = self.b.variant != "handelingen"
            if label_led or (len(t.paragraphs) == 1 and not t.speaker.label):
                kind = classify(Line(p, 0, 1, 0, False)).kind
                if kind is not TokenKind.TEXT and not (kind is TokenKind.LABEL and j > 0
                                                      and t.paragraphs[j - 1][-1:] not in PARAGRAPH_END):
                    raise self._err(f"turns[{i}].paragraphs[{j}]", f"it would be read as a {kind.value} line",
                                    self._turn_element(t), found=p[:60], expected="text")

    def _derived_speaker(self, t: Turn, tb: TurnBinding | None) -> dict[str, Any]:
        """The speaker the written markup reads back as (before the chair's name is resolved)."""
        sp = t.speaker
        meta = self.v.meta
        if self.b.variant == "handelingen":
            if not sp.label:
                return {"label": "", "name": "", "party": None, "role": Role.OTHER, "prefix": "", "office": None}
            prefix, name, party = speaker_parts(sp)
            return markup_speaker(prefix, name, party, None, meta.government)
        text = _label_for(sp, tb) if tb is not None else sp.label + ":"
        m = LABEL_RE.match(text)
        if m is None:
            return {"label": None, "name": None, "party": None, "role": None, "prefix": None, "office": None}
        from verslag.grammar import speaker_from_label
        from verslag.layout import Line
        from verslag.lexer import Token, TokenKind

        got = speaker_from_label(Token(TokenKind.LABEL, Line(text, 0, 1, 0, False), m), None, meta)
        return {f: getattr(got, f) for f in SPEAKER_FIELDS}

    def _check_speaker(self, i: int, t: Turn, tb: TurnBinding | None, derived: dict[str, Any]) -> None:
        """Every speaker field the user set must be what the written markup reads back as."""
        sp = t.speaker
        old: dict[str, Any] | None = None
        if tb is not None:
            label, name, party, role, prefix = tb.speaker
            old = {"label": label, "name": name, "party": party, "role": role, "prefix": prefix, "office": tb.office}
        for f in SPEAKER_FIELDS:
            cur = getattr(sp, f)
            if old is not None and (str(cur) if f == "role" else cur) == old[f]:
                continue  # not edited: reading derives it again
            if f == "office" and cur is None and old is None:
                continue
            if f == "name" and sp.role is Role.CHAIR:
                if old is not None and old["role"] == str(Role.CHAIR):
                    raise self._err(f"turns[{i}].speaker.name", "a chair's name is not in the turn's markup (it "
                                    "comes from 'Voorzitter: X'; edit meta.chair)", self._turn_element(t),
                                    found=cur, expected=old["name"])
                continue
            if derived[f] != cur:
                got = "no speaker label" if derived["label"] is None else repr(_plain(derived[f]))
                raise self._err(f"turns[{i}].speaker.{f}", f"the written markup reads back with {f} {got}",
                                self._turn_element(t), found=repr(_plain(cur)), expected=got)

    def _edit_spreker(self, sp: Speaker, tb: TurnBinding) -> None:
        old_prefix, old_name, old_party = tb.markup
        prefix, name, party = speaker_parts(sp)
        parts = tb.parts
        if "spreker" not in parts:
            raise RoundTripError("the turn has no <spreker> to edit", found="no <spreker>", expected="<spreker>")
        if prefix != old_prefix:
            if "voorvoegsels" in parts:
                if prefix:
                    self.ed.content[parts["voorvoegsels"]] = escape_text(prefix)
                else:
                    self._delete(parts["voorvoegsels"])
            elif prefix and "naam" in parts:
                naam = self.els[parts["naam"]]
                self._insert(("before", naam.index), [self._new(NewElement("voorvoegsels", [], [prefix]), naam.depth)])
        if name != old_name:
            target = parts.get("achternaam", parts.get("naam"))
            if target is None:
                raise RoundTripError("the <spreker> has no <naam> to edit", found="no <naam>", expected="<naam>")
            self.ed.content[target] = escape_text(name)
        if party != old_party:
            self._edit_party(party, tb)

    def _edit_party(self, party: str | None, tb: TurnBinding) -> None:
        parts = tb.parts
        if "politiek" in parts:
            pol = self.els[parts["politiek"]]
            if party:
                self.ed.content[pol.index] = escape_text(party)
                return
            # remove ' (<politiek>VVD</politiek>)' and keep the colon: ' (' + '):' → ':'
            prev = _previous_element(pol)
            self.ed.drop.add(pol.index)
            after = pol.tail.lstrip()
            after = after[1:] if after.startswith(")") else after
            if prev is not None:
                before = prev.tail.rstrip()
                before = before[:-1].rstrip() if before.endswith("(") else before
                self.ed.tail[prev.index] = before + after
            else:
                spreker = self.els[parts["spreker"]]
                self.ed.text[spreker.index] = spreker.text.rstrip().removesuffix("(").rstrip() + after
            return
        if not party:
            return
        anchor = self.els[parts.get("naam", parts["spreker"])]
        pol_markup = f"<politiek>{escape_text(party)}</politiek>"
        if anchor.tag == "naam":
            tail = anchor.tail
            k = tail.rfind(":")
            new_tail = (tail[:k] + f" ({pol_markup})" + tail[k:]) if k >= 0 else (tail + f" ({pol_markup})")
            self.ed.tail[anchor.index] = new_tail
        else:
            raise RoundTripError("the <spreker> has no <naam> to put a party after", found="no <naam>",
                                 expected="<naam>")

    def _edit_paragraphs(self, t: Turn, tb: TurnBinding) -> None:
        old, new = list(tb.texts), list(t.paragraphs)
        als = tb.paragraphs
        sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
            for k in range(paired):
                self._patch_paragraph(als[i1 + k], old[i1 + k], new[j1 + k])
            for k in range(i1 + paired, i2):
                self._delete(als[k])
            extra = new[j1 + paired : j2]
            if not extra:
                continue
            ref_k = i1 + paired - 1
            if ref_k >= 0:
                where, depth, wrap = self._paragraph_point("after", als[ref_k])
            elif als:
                where, depth, wrap = self._paragraph_point("before", als[0])
            else:
                where, depth, wrap = self._empty_turn_point(tb)
            self._insert(where, [self._new(_paragraph_element(p, wrap), depth) for p in extra])

    def _paragraph_point(self, kind: str, al_idx: int) -> tuple[tuple[str, int], int, bool]:
        """Where a new paragraph goes next to an existing one, and whether it needs an <al-groep>.

        In Handelingen a paragraph is ``<al-groep><al>``; one inside a <motie> gets its new
        neighbour after the motie, at the level of the turn's <tekst>.
        """
        el = self.els[al_idx]
        if el.parent is not None and el.parent.tag == "al-groep":
            return (kind, el.parent.index), el.parent.depth, True
        if self.b.variant == "handelingen":
            node: Element = el
            while node.parent is not None and node.parent.tag != "tekst":
                node = node.parent
            if node.parent is not None and node is not el:
                return (kind, node.index), node.depth, True
        return (kind, el.index), el.depth, False

    def _empty_turn_point(self, tb: TurnBinding) -> tuple[tuple[str, int], int, bool]:
        if tb.kind == "label":
            return ("after", tb.anchor), self.els[tb.anchor].depth, False
        el = self.els[tb.anchor]
        tekst = el.find("tekst")
        if tekst is not None and tekst.elements():
            last = tekst.elements()[-1]
            return ("after", last.index), last.depth, True
        raise RoundTripError("cannot add paragraphs to a turn without a <tekst>", found=f"<{el.tag}>",
                             expected="a turn with text")

    def _patch_paragraph(self, idx: int, old: str, new: str) -> None:
        patch_paragraph(self.els[idx], old, new, self.ed)

    # -- meta --

    def meta(self) -> None:
        if "meta" not in self.changed:
            return
        old, new = self.b.state["meta"], self.now["meta"]
        for f, value in new.items():
            if value == old[f]:
                continue
            mb = self.b.meta.get(f)
            if mb is None:
                why = ("this document has no element for it" if f in ELEMENT_META else
                       "no paragraph of this document states it" if f in ("date", "chair") else WHY_NOT_WRITTEN["meta"])
                raise self._err(f"meta.{f}", why, found=repr(value)[:60], expected=f"{old[f]!r} as read"[:80])
            cur = getattr(self.v.meta, f)
            if cur is None:
                raise self._err(f"meta.{f}", "it cannot be removed from the XML", mb.index, found="None",
                                expected=f"a value for meta.{f}")
            el = self.els[mb.index]
            if f == "date":
                self._write_date(mb, cur)
                continue
            if f == "chair":
                m = CHAIR_CHANGE_RE.match(mb.raw)
                assert m is not None
                text = mb.raw[: m.start("name")] + str(cur) + mb.raw[m.end("name") :]
                m2 = CHAIR_CHANGE_RE.match(text)
                if m2 is None or m2["name"] != cur:
                    raise self._err("meta.chair", "'Voorzitter: X' with it is not read back as that chair",
                                    mb.index, found=text, expected="'Voorzitter: Surname'")
                patch_paragraph(el, mb.raw, text, self.ed)
                continue
            value_s = str(cur)
            if mb.attr is not None:
                was = str(mb.value)
                new_raw = mb.raw.replace(was, value_s) if was and was in mb.raw else value_s
                self.ed.start[el.index] = replace_attr(self.ed.start.get(el.index, el.start), mb.attr, new_raw)
                continue
            if f == "dossier":
                value_s = format_dossier(value_s)
            elif f == "year" and mb.raw.startswith("Vergaderjaar"):
                value_s = f"Vergaderjaar {value_s}"
            patch_paragraph(el, " ".join(mb.raw.split()), value_s, self.ed)

    def _write_date(self, mb: MetaBinding, date: dt.date) -> None:
        """The date phrase in the paragraph that states ``meta.date``, its weekday, and an ``isodatum``.

        Day, month and year are replaced inside the raw text piece that holds the phrase, so the
        separators stay as written ('6\u00a0februari 2025' → '1\u00a0maart 2025').
        """
        from verslag.frontmatter import parse_date
        from verslag.patterns import DUTCH_DATE_RE

        el = self.els[mb.index]
        for kind, idx, raw in _pieces(el):
            if kind == "leaf" or _artefact(raw):
                continue
            text = unescape(raw)
            m = next((m for m in DUTCH_DATE_RE.finditer(text) if parse_date(m.group()) == mb.value), None)
            if m is None:
                continue
            month = MONTH_NAMES[date.month - 1]
            if m["month"][:1].isupper():
                month = month.capitalize()
            new = (text[: m.start("day")] + str(date.day) + text[m.end("day") : m.start("month")] + month
                   + text[m.end("month") : m.start("year")] + str(date.year) + text[m.end("year") :])
            w = WEEKDAY_RE.search(new[: m.start("day")])
            if w is not None:
                day = WEEKDAYS[date.weekday()]
                new = new[: w.start("day")] + (day.capitalize() if w["day"][:1].isupper() else day) + new[w.end("day") :]
            out = escape_text(new)
            if "\r\n" in raw:
                out = out.replace("\n", "\r\n")
            (self.ed.text if kind == "text" else self.ed.tail)[idx] = out
            break
        else:
            raise self._err("meta.date", "no date phrase in its paragraph", mb.index, found=mb.raw)
        if "isodatum" in el.attrib:
            self.ed.start[el.index] = replace_attr(el.start, "isodatum", date.isoformat())

    # -- commitments: <?verslag toezegging …?> enrichments --

    def commitments(self) -> None:
        """Write what changed in a commitment's status, by, to, deadline or amendment as an enrichment.

        The reader derives the commitments from the text; an enrichment at the item's paragraph (its
        :func:`~verslag.xml_reader.commitment_anchor`) records the fields that differ from what it
        derives, and only those.  An unedited document has none and keeps its bytes.
        """
        if "commitments" not in self.changed:
            return
        if self.turns_same:
            base, turns = self.b.derived, self.v.turns
        else:  # what the reader will derive from the written turns
            again = self._again_model()
            base, turns = [c.model_dump() for c in again.commitments], again.turns
        cur = self.now["commitments"]
        if len(cur) != len(base):
            raise self._err("commitments", f"the list is derived from the chair's closing turn ({len(base)} items); "
                            f"items cannot be added or removed, only their {', '.join(ENRICHED_FIELDS)} set",
                            found=f"{len(cur)} items", expected=f"{len(base)} items")
        anchors = [commitment_anchor(d, turns) for d in base]
        want: dict[tuple[int, int], dict[int, str]] = {}
        for i, (c, d) in enumerate(zip(cur, base, strict=True)):
            for f in c:
                if f not in ENRICHED_FIELDS and c[f] != d[f]:
                    raise self._err(f"commitments[{i}].{f}", "it is derived from the text (edit the turn's "
                                    "paragraphs)", found=repr(c[f])[:60], expected=repr(d[f])[:60])
            over = {f: c[f] for f in ENRICHED_FIELDS if c[f] != d[f]}
            a = anchors[i]
            if not over:
                continue
            if a is None:
                raise self._err(f"commitments[{i}]", "it has no paragraph to stand at")
            n = 1 + anchors[:i].count(a)
            want.setdefault(a, {})[n] = self._enrichment(n, over)
        placed = {a: self._anchor_element(a, turns) for a in dict.fromkeys(x for x in anchors if x is not None)}
        new = [a for a in want if placed[a] is None]
        if new:  # before any edit is made: the caller writes in two passes
            raise _NewAnchor(anchors.index(new[0]))
        for a, idx in placed.items():
            if idx is None:
                continue
            here = dict(want.get(a, {}))
            for leaf in self._enrichments_before(idx):
                found = parse_enrichment(leaf.raw[2 + len(ENRICHMENT_TARGET) : -2])
                n = int(found[1].get("n", "1")) if found is not None and found[1].get("n", "1").isdigit() else 0
                markup = here.pop(n, "")
                if markup != leaf.raw:
                    self.ed.leaf[leaf.offset] = (leaf.parent.index, markup)
            if here:
                self._insert(("before", idx), [here[n] for n in sorted(here)])

    def _anchor_element(self, a: tuple[int, int], turns: Sequence[Turn]) -> int | None:
        """The element an enrichment stands before: the paragraph's <al>, or the <al-groep> around it."""
        k, j = a
        t = turns[k]
        tb = self.b.turns.get(t.source_id) if t.source_id is not None else None
        if tb is None:
            return None
        text = t.paragraphs[j]
        if tuple(t.paragraphs) == tb.texts:
            al = tb.paragraphs[j]
        elif text in tb.texts:
            al = tb.paragraphs[tb.texts.index(text)]
        else:
            return None
        el = self.els[al]
        return el.parent.index if el.parent is not None and el.parent.tag == "al-groep" else al

    def _enrichment(self, n: int, over: dict[str, Any]) -> str:
        """``<?verslag toezegging status="withdrawn"?>`` in the document's quote character."""
        q = self.style.quote

        def attr(name: str, value: object) -> str:
            return f"{name}={q}{escape_attr('' if value is None else str(value), q)}{q}"

        parts = ["toezegging"] + ([attr("n", n)] if n > 1 else [])
        for f, value in over.items():
            if f == "deadline" and value is not None:
                parts.append(attr("deadline", value["text"]))
                if value.get("date") is not None:
                    parts.append(attr("deadline-date", value["date"].isoformat()))
                if value.get("precision") is not None:
                    parts.append(attr("deadline-precision", value["precision"]))
            else:
                parts.append(attr(f, value))
        return f"<?{ENRICHMENT_TARGET} {' '.join(parts)}?>"


def _plain(x: object) -> object:
    """An enum member as its value, for messages."""
    return x.value if isinstance(x, Role) else x


def _first_difference(a: list[Any], b: list[Any]) -> int | None:
    """The first index where two lists differ (None when they are equal)."""
    for k, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return k
    return None if len(a) == len(b) else min(len(a), len(b))


def _event_key(d: dict[str, Any]) -> tuple[Any, ...]:
    """What identifies a suspension or chair change when lists are compared (not its place)."""
    return (d["text"], d.get("start"), d.get("end"), d.get("kind"), d.get("name"))


def _previous_element(el: Element) -> Element | None:
    parent = el.parent
    if parent is None:
        return None
    prev: Element | None = None
    for c in parent.children:
        if c is el:
            return prev
        if isinstance(c, Element):
            prev = c
    return None


def _label_for(sp: Speaker, tb: TurnBinding) -> str:
    """The label paragraph for an edited speaker: the new label, or the old one with name/party replaced."""
    old_label, old_name, old_party, _role, _prefix = tb.speaker
    text = tb.label_text
    if sp.label != old_label:
        return sp.label + ":"
    if sp.role is Role.CHAIR and _role != str(Role.CHAIR):
        return "De voorzitter:"
    if sp.party != old_party:
        if old_party and f"({old_party})" in text:
            text = text.replace(f" ({old_party})", f" ({sp.party})" if sp.party else "", 1)
        elif sp.party:
            text = text.rstrip(" :") + f" ({sp.party}):"
    if sp.name != old_name and old_name and old_name in text and sp.role is not Role.CHAIR:
        text = text.replace(old_name, sp.name, 1)
    if sp.prefix != _prefix and _prefix and sp.prefix and text.startswith(_prefix + " "):
        text = sp.prefix + text[len(_prefix) :]
    return text


# --- minimal text patches ------------------------------------------------------------------------


def _pieces(el: Element) -> list[tuple[str, int, str]]:
    """The raw text pieces of a paragraph that carry its text: ('text'|'tail', element index, raw)."""
    out: list[tuple[str, int, str]] = [("text", el.index, el.text)]

    def walk(e: Element) -> None:
        for c in e.children:
            if isinstance(c, Element):
                if c.tag != "noot":
                    out.append(("text", c.index, c.text))
                    walk(c)
                out.append(("tail", c.index, c.tail))
            else:
                out.append(("leaf", -1, c.tail))

    walk(el)
    return out


def _artefact(raw: str) -> bool:
    return raw.isspace() and "\n" in raw


def patch_paragraph(el: Element, old: str, new: str, ed: Edits) -> None:
    """Change a paragraph's text from ``old`` to ``new``, touching only the raw piece that holds the change.

    Falls back to replacing the element's whole content (inline markup lost) when the change spans
    pieces or the element does not hold ``old``.
    """
    pieces = _pieces(el)
    logical = ["" if _artefact(raw) else unescape(raw) for _k, _i, raw in pieces]
    flat = "".join(logical)
    owner: list[tuple[int, int]] = []  # per char of flat: (piece number, offset in piece)
    for n, s in enumerate(logical):
        owner.extend((n, k) for k in range(len(s)))
    # collapse whitespace, remembering for each collapsed char the span of flat it stands for
    spans: list[tuple[int, int]] = []
    chars: list[str] = []
    k, m = 0, len(flat)
    while k < m and flat[k].isspace():
        k += 1
    while k < m:
        if flat[k].isspace():
            e = k
            while e < m and flat[e].isspace():
                e += 1
            if e < m:
                chars.append(" ")
                spans.append((k, e))
            k = e
        else:
            chars.append(flat[k])
            spans.append((k, k + 1))
            k += 1
    if "".join(chars) != old:
        _replace_content(el, new, ed)
        return
    p = 0
    while p < len(old) and p < len(new) and old[p] == new[p]:
        p += 1
    sfx = 0
    while sfx < len(old) - p and sfx < len(new) - p and old[-1 - sfx] == new[-1 - sfx]:
        sfx += 1
    q = len(old) - sfx
    if q > p:
        a, b = spans[p][0], spans[q - 1][1]
        first, last = owner[a][0], owner[b - 1][0]
        if first != last:
            _replace_content(el, new, ed)
            return
        piece, la, lb = first, owner[a][1], owner[b - 1][1] + 1
    elif spans:
        if p > 0:
            piece, la = owner[spans[p - 1][1] - 1]
            la += 1
        else:
            piece, la = owner[spans[0][0]]
        lb = la
    else:
        _replace_content(el, new, ed)
        return
    kind, idx, raw = pieces[piece]
    if kind == "leaf":
        _replace_content(el, new, ed)
        return
    text = logical[piece]
    changed = text[:la] + new[p : len(new) - sfx] + text[lb:]
    logical[piece] = changed
    if " ".join("".join(logical).split()) != new:
        _replace_content(el, new, ed)
        return
    out = escape_text(changed)
    if "\r\n" in raw:
        out = out.replace("\n", "\r\n")
    (ed.text if kind == "text" else ed.tail)[idx] = out


def _replace_content(el: Element, new: str, ed: Edits) -> None:
    raw = el.text if not el.children else ""
    lead = raw[: len(raw) - len(raw.lstrip())]
    trail = raw[len(raw.rstrip()) :] if raw.strip() else ""
    ed.content[el.index] = lead + escape_text(new) + trail


# --- new documents -------------------------------------------------------------------------------


def format_dossier(dossier: str) -> str:
    """A dossier number as OB prints it: '26643' → '26 643', '21501-20' → '21 501-20'."""
    head, sep, rest = dossier.partition("-")
    if head.isdigit() and len(head) > 3:
        head = f"{int(head):,}".replace(",", " ") if not head.startswith("0") else head
    return head + sep + rest


def _paragraph_element(text: str, wrap: bool) -> NewElement:
    al = NewElement("al", [], [text] if text else [])
    return NewElement("al-groep", [], [al]) if wrap else al


def spreekbeurt_element(t: Turn) -> NewElement:
    """A Handelingen ``<spreekbeurt>`` for a turn (a bare ``<tekst>`` when it has no label)."""
    tekst = NewElement("tekst", [("status", "goed")], [_paragraph_element(p, True) for p in t.paragraphs])
    if not t.speaker.label:
        return tekst
    prefix, name, party = speaker_parts(t.speaker)
    children: list[NewElement | str] = []
    if prefix:
        children.append(NewElement("voorvoegsels", [], [prefix]))
    children.append(NewElement("naam", [], [NewElement("achternaam", [], [name])]))
    if party:
        children.extend([" (", NewElement("politiek", [], [party]), "):"])
    else:
        children.append(":")
    nieuw = "nee" if t.speaker.role is Role.CHAIR else "ja"
    return NewElement("spreekbeurt", [("nieuw", nieuw)], [NewElement("spreker", [], children), tekst])


MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december")  # fmt: skip


def _date_text(d: dt.date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def _time_text(t: dt.time) -> str:
    return f"{t.hour:02d}.{t.minute:02d}"


def _and_list(parts: Sequence[str], sep: str = " en ") -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + sep + parts[-1]


def _front_from_meta(m: Meta) -> list[str]:
    """Front-matter paragraphs for a report that has meta but no front-matter blocks (built by hand).

    The wording is the printed one ('... hebben op 11 maart 2020 overleg gevoerd met ..., over:'),
    so that the front-matter rules read the same meta back.
    """
    from verslag.render import dutch_number

    out: list[str] = []
    gov = [f"{g.salutation or 'de heer'} {g.name}, {g.office}" for g in m.government]
    gov_text = _and_list(gov, ", en ") if gov else ""
    if m.committees or m.date:
        names = [c if c.lower().startswith("de ") else "de " + c for c in m.committees] or ["de vaste commissie"]
        who = _and_list(names)
        who = who[0].upper() + who[1:]
        when = f" op {_date_text(m.date)}" if m.date else ""
        verb = "heeft" if len(names) == 1 else "hebben"
        out.append(f"{who} {verb}{when} overleg gevoerd" + (f" met {gov_text}," if gov_text else "") + " over:")
        for k, a in enumerate(m.agenda):
            out.append("– " + a.text.rstrip(";.") + ("." if k == len(m.agenda) - 1 else ";"))
        out.append(
            "Van dit overleg brengen de commissies bijgaand geredigeerd woordelijk verslag uit."
            if len(names) > 1
            else "Van dit overleg brengt de commissie bijgaand geredigeerd woordelijk verslag uit."
        )
    for sig in m.signatories:
        out.extend([f"{sig.function},", sig.name])
    if m.chair:
        out.append(f"Voorzitter: {m.chair}")
    if m.clerk:
        out.append(f"Griffier: {m.clerk}")
    if m.members_present:
        count = m.members_count if m.members_count is not None else len(m.members_present)
        verb, noun = ("is", "lid") if count == 1 else ("zijn", "leden")
        head = f"Aanwezig {verb} {dutch_number(count)} {noun} der Kamer, te weten: {_and_list(m.members_present)}"
        out.append(head + (f", en {gov_text}." if gov_text else "."))
    if m.start:
        out.append(f"Aanvang {_time_text(m.start)} uur.")
    return out


def _front_paragraphs(v: Verslag) -> tuple[list[str], str | None]:
    """The front matter as paragraphs (a signatory as function and name), and a 'Vastgesteld' line."""
    if not v.front_matter:
        return _front_from_meta(v.meta), None
    sigs = {f"{s.function}, {s.name}": s for s in v.meta.signatories}
    out: list[str] = []
    vastgesteld: str | None = None
    for blk in v.front_matter:
        if vastgesteld is None and VASTGESTELD_RE.match(blk.text):
            vastgesteld = blk.text
            continue
        s = sigs.get(blk.text)
        if s is not None:
            out.extend([f"{s.function},", s.name])
        else:
            out.append(blk.text)
    return out, vastgesteld


def _body_paragraphs(v: Verslag) -> list[str]:
    """Turns (label paragraph, then text), suspensions, chair changes and the closing, in order."""
    events: list[tuple[int, int, int, list[str]]] = []
    for i, t in enumerate(v.turns):
        events.append((i, 0, t.lines[0], ([t.speaker.label + ":"] if t.speaker.label else []) + list(t.paragraphs)))
    for s in v.suspensions:
        events.append((s.after_turn, 1, s.lines[0], [s.text]))
    for c in v.chair_changes:
        events.append((c.after_turn, 1, c.lines[0], [c.text]))
    starts = [t.lines[0] for t in v.turns]
    for u in v.unparsed:
        after = sum(1 for a in starts if a and a <= u.lines[0]) - 1
        events.append((after, 1, u.lines[0], [u.text]))
    end = len(v.turns)
    for blk in v.closing:
        events.append((end, 2, blk.lines[0], [blk.text]))
    if not v.closing and v.meta.end is not None:
        events.append((end, 2, 0, [f"Sluiting {_time_text(v.meta.end)} uur."]))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    return [p for e in events for p in e[3]]


def _title(v: Verslag) -> str:
    if v.meta.title:
        return v.meta.title
    if v.meta.kind:
        return f"VERSLAG VAN EEN {v.meta.kind.upper()}"
    return "VERSLAG"


def _date_element(text: str) -> NewElement:
    from verslag.frontmatter import parse_date
    from verslag.patterns import DUTCH_DATE_RE

    m = DUTCH_DATE_RE.search(text)
    d = parse_date(text)
    if m is None or d is None:
        return NewElement("datumtekst", [], [text])
    return NewElement("datumtekst", [], [
        text[: m.start()], NewElement("datum", [("isodatum", d.isoformat())], [m.group()]), text[m.end() :],
    ])


def _date_line(v: Verslag, front: Sequence[str]) -> str | None:
    """The ``<datumtekst>`` a new document needs for ``meta.date``: '8 februari 2018', or None.

    None when the front matter states the date as the reader reads it (the front-matter rules give
    it), or there is none; else (a report read from Handelingen, built by hand) the date goes in a
    ``<datumtekst>`` as in a Kamerstuk, from which the reader takes it.
    """
    from verslag.grammar import parse_paragraphs

    date = v.meta.date
    if date is None or parse_paragraphs([(p, 0) for p in front]).meta.date == date:
        return None
    return _date_text(date)


def document_element(v: Verslag) -> NewElement:
    """The whole ``<officiele-publicatie>`` of a report written fresh as a Kamerstuk."""
    meta = v.meta
    metas: list[NewElement | str] = []
    if meta.identifier:
        metas.append(NewElement("meta", [
            ("name", "OVERHEIDop.externMetadataRecord"), ("scheme", ""),
            ("content", METADATA_URL.format(id=meta.identifier)),
        ]))
    kop: list[NewElement | str] = []
    if meta.year:
        kop.append(NewElement("tekstregel", [("inhoud", "vergaderjaar")], [f"Vergaderjaar {meta.year}"]))
    kop.extend([
        NewElement("tekstregel", [("inhoud", "kameraanduiding")], ["Tweede Kamer der Staten-Generaal"]),
        NewElement("tekstregel", [("inhoud", "kamernummer")], ["2"]),
        NewElement("tekstregel", [("inhoud", "documenttype")], ["Kamerstukken"]),
    ])
    kamerstuk: list[NewElement | str] = [NewElement("kamerstukkop", [], kop)]
    if meta.dossier:
        kamerstuk.append(NewElement("dossier", [], [
            NewElement("dossiernummer", [], [NewElement("dossiernr", [], [format_dossier(meta.dossier)])]),
        ]))
    front, vastgesteld = _front_paragraphs(v)
    stuk: list[NewElement | str] = []
    if meta.number:
        stuk.append(NewElement("stuknr", [], ["Nr. ", NewElement("ondernummer", [("kamer", "2")], [meta.number])]))
    stuk.append(NewElement("titel", [], [_title(v)]))
    if vastgesteld:
        stuk.append(_date_element(vastgesteld))
    elif (date_line := _date_line(v, front)) is not None:
        stuk.append(_date_element(date_line))
    paragraphs = [*front, *_body_paragraphs(v)]
    tekst = NewElement("tekst", [("status", "goed")], [NewElement("al", [], [p] if p else []) for p in paragraphs])
    stuk.append(NewElement("algemeen", [], [NewElement("vrije-tekst", [], [tekst])]))
    kamerstuk.append(NewElement("stuk", [], stuk))
    return NewElement("officiele-publicatie", list(OB_ROOT_ATTRS), [
        NewElement("metadata", [], metas),
        NewElement("kamerstuk", [], kamerstuk),
    ])


def write_new(v: Verslag, style: DocumentStyle = OB_STYLE) -> bytes:
    """A complete OB-style Kamerstuk document for ``v``, in ``style`` (the OB download's by default).

    The document is made from the report's text (front-matter blocks, labels, paragraphs, event
    lines), then read back, and whatever of ``v`` that reading does not give goes through the edit
    path of a document that was read (:func:`_carry`): a speaker's party or a ``meta.date`` set by hand
    is written, a commitment's status becomes an enrichment, and what OB XML cannot hold raises a
    :class:`RoundTripError` naming the field.  So ``read_xml(write_xml(v))`` is ``v``, or write_xml
    raises; it is never different without a word.

    A report read from VLOS is converted, not carried: OB XML has no place for the meta VLOS keeps
    in attributes, for the interruptions of its nesting or for phases found per debate, so the
    document holds its text and reads back to what that text gives (docs/vlos.md).
    """
    data = render_document(v, style)
    return data if v.source_format == "vlos" else _carry(v, data)


def render_document(v: Verslag, style: DocumentStyle = OB_STYLE) -> bytes:
    """The new document for ``v`` as its text gives it, nothing read back (the first step of :func:`write_new`)."""
    body = render_new(document_element(v), 0, style)
    text = (style.declaration + style.newline if style.declaration else "") + body
    if style.final_newline:
        text += style.newline or "\n"
    return style.bom + text.encode(style.encoding, errors="xmlcharrefreplace")


#: What a report that was not read from OB XML may hold and a new document does not, so the
#: read-back's value stands: PDF page layout, text no turn took, the diagnostics of the first parse.
NOT_CARRIED = ("furniture", "unparsed", "diagnostics", "source_format")

#: Blocks that a report without any gets from its meta (the header paragraphs, 'Sluiting 19.24 uur.').
MADE_FROM_META = ("front_matter", "closing")

#: The structure the reader derives; a report without any (a hand-built one) gets the read-back's.
STRUCTURE = ("interruptions", "commitments", "candidates")


def _carry(v: Verslag, data: bytes) -> bytes:
    """``data``, made from ``v``'s text, with the rest of ``v`` written into it through the edit path.

    The document is read back; ``v`` (a copy) is tied to that reading turn by turn and sent through
    :func:`_write_edited`, which returns ``data`` itself when the reading is ``v`` and otherwise makes
    the edits or refuses them.  Structure is compared only when ``v`` has some (a report without
    phases, interruptions or commitments gets what the reader derives).
    """
    back = _read_back(data)
    binding = back._xml
    assert isinstance(binding, XmlBinding)
    target = v.model_copy(deep=True)
    target._xml = None
    meta_fallbacks(target.meta)  # what every reader fills in (the year from the date)
    for f in NOT_CARRIED:
        setattr(target, f, getattr(back, f))
    if v.meta.title is None and back.meta.title == _title(v):  # the <titel> a document must have
        target.meta.title = back.meta.title
    if not v.front_matter:
        # the header was written from meta in the printed wording, which says more than an empty
        # field ('De vaste commissie heeft op …' without committees reads back 'vaste commissie')
        for name in Meta.model_fields:
            if getattr(target.meta, name) in (None, []):
                setattr(target.meta, name, getattr(back.meta, name))
    # the date line the writer puts in a <datumtekst> when no paragraph states the date (_date_line)
    # reads back as one more header block
    extra = {"front_matter": [_date_text(v.meta.date)] if v.meta.date is not None else [], "closing": []}
    for f in MADE_FROM_META:
        mine, read = getattr(v, f), getattr(back, f)
        # the same blocks in another order: the writer puts a 'Vastgesteld …' line in <datumtekst>
        if not mine or _read_as(mine, read, any_order=True) or _read_as([*mine, *extra[f]], read, any_order=True):
            setattr(target, f, read)
    if not any(t.phase is not None for t in v.turns) and not any(getattr(v, f) for f in STRUCTURE):
        for t, b in zip(target.turns, back.turns, strict=False):
            t.phase = b.phase
        for f in STRUCTURE:
            setattr(target, f, getattr(back, f))
    if len(target.turns) == len(back.turns):
        for t, b in zip(target.turns, back.turns, strict=True):
            t.source_id = b.source_id
            if t.paragraphs != b.paragraphs and _read_as(t.paragraphs, b.paragraphs):
                t.paragraphs, t.paragraph_lines = list(b.paragraphs), list(b.paragraph_lines)
    try:
        return _write_edited(target, binding, staged=True)
    except RoundTripError as e:  # say where the difference comes from, and the way out
        raise RoundTripError(
            f"{e.message} (the document made from the report's text reads back otherwise here: an edit "
            "the text does not show, or text the XML reading takes differently; "
            "verslag.xml_writer.render_document writes the text unchecked)",
            line=e.line, column=e.column, found=e.found, expected=e.expected,
        ) from None


def _cleaned(text: str) -> str:
    """A text as reading it from XML gives it: characters XML cannot hold dropped, whitespace collapsed."""
    return " ".join(INVALID_XML_CHAR_RE.sub("", text).split())


def _read_as(mine: Sequence[Any], read: Sequence[Any], *, any_order: bool = False) -> bool:
    """Whether texts (or blocks with a ``text``) read back as ``read`` by cleaning alone (empty ones go)."""
    a = [c for x in mine if (c := _cleaned(x if isinstance(x, str) else x.text))]
    b = [x if isinstance(x, str) else x.text for x in read]
    return sorted(a) == sorted(b) if any_order else a == b
