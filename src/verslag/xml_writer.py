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
from collections.abc import Sequence

from verslag.errors import RoundTripError
from verslag.model import Meta, Role, Speaker, Turn, Verslag
from verslag.patterns import VASTGESTELD_RE
from verslag.xml_reader import TurnBinding, XmlBinding, speaker_parts
from verslag.xml_tree import (
    Document,
    DocumentStyle,
    Edits,
    Element,
    NewElement,
    escape_text,
    render_new,
    replace_attr,
    unescape,
)

__all__ = ["OB_STYLE", "write_new", "write_xml"]

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


def _snapshot(t: Turn) -> tuple[str, str, str | None, str, str]:
    s = t.speaker
    return (s.label, s.name, s.party, str(s.role), s.prefix)


def _unchanged(v: Verslag, b: XmlBinding) -> bool:
    if [t.source_id for t in v.turns] != b.order:
        return False
    for t in v.turns:
        tb = b.turns[t.source_id]  # type: ignore[index]
        if _snapshot(t) != tb.speaker or tuple(t.paragraphs) != tb.texts:
            return False
    return all(getattr(v.meta, f) == mb.value for f, mb in b.meta.items())


def _write_edited(v: Verslag, b: XmlBinding, force_render: bool = False) -> bytes:
    if not force_render and _unchanged(v, b):  # PERF: an unedited report is its input
        return b.data
    w = _Writer(v, b)
    w.ed.everything = force_render
    w.turns()
    w.meta()
    return w.doc.to_bytes(w.ed)


class _Writer:
    """Collects the :class:`Edits` that bring the document in line with the model."""

    def __init__(self, v: Verslag, b: XmlBinding) -> None:
        self.v = v
        self.b = b
        self.doc: Document = b.document()
        self.els = self.doc.elements
        self.style = self.doc.style
        self.ed = Edits()

    # -- helpers --

    def _new(self, el: NewElement, depth: int) -> str:
        return render_new(el, depth, self.style)

    def _delete(self, idx: int) -> None:
        """Delete an element; an <al-groep> left empty goes with it."""
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

    def _insert(self, where: tuple[str, int], markup: list[str]) -> None:
        kind, idx = where
        target = self.ed.after if kind == "after" else self.ed.before
        target.setdefault(idx, []).extend(markup)

    # -- turns --

    def turns(self) -> None:
        b = self.b
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
        point: tuple[str, int] | None = None
        pending: list[Turn] = []
        used: set[int] = set()
        for t in self.v.turns:
            sid = t.source_id
            if sid is not None and sid in b.turns and sid not in used:
                used.add(sid)
                tb = b.turns[sid]
                if pending:  # new turns before the first turn that was read go before it
                    self._add_turns(pending, ("before", tb.anchor))
                    pending = []
                self._edit_turn(t, tb)
                point = ("after", self._last(tb))
            elif point is None:
                pending.append(t)
            else:
                self._add_turns([t], point)
        if pending:
            self._add_turns(pending, self._container_point())

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

    def _add_turns(self, turns: Sequence[Turn], where: tuple[str, int]) -> None:
        depth = self.els[where[1]].depth
        markup: list[str] = []
        for t in turns:
            markup.extend(self._turn_markup(t, depth))
        self._insert(where, markup)

    def _edit_turn(self, t: Turn, tb: TurnBinding) -> None:
        if _snapshot(t) == tb.speaker and tuple(t.paragraphs) == tb.texts:
            return
        if tb.kind != "label" and (tb.kind == "bare") != (t.speaker.label == ""):
            # a bare <tekst> that gets a speaker, or a spreekbeurt that loses one: rebuild it
            self.ed.delete.add(tb.anchor)
            self._insert(("after", tb.anchor), self._turn_markup(t, self.els[tb.anchor].depth))
            return
        if _snapshot(t) != tb.speaker:
            if tb.kind == "spreekbeurt":
                self._edit_spreker(t.speaker, tb)
            elif tb.kind == "label":
                new = _label_for(t.speaker, tb)
                if new != tb.label_text:
                    self._patch_paragraph(tb.anchor, tb.label_text, new)
        if tuple(t.paragraphs) != tb.texts:
            self._edit_paragraphs(t, tb)

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
        for f, mb in self.b.meta.items():
            cur = getattr(self.v.meta, f)
            if cur == mb.value:
                continue
            if cur is None:
                raise RoundTripError(f"meta.{f} cannot be removed from the XML", found="None",
                                     expected=f"a value for meta.{f}")
            value = str(cur)
            el = self.els[mb.index]
            if mb.attr is not None:
                old = str(mb.value)
                new_raw = mb.raw.replace(old, value) if old and old in mb.raw else value
                self.ed.start[el.index] = replace_attr(self.ed.start.get(el.index, el.start), mb.attr, new_raw)
                continue
            if f == "dossier":
                value = format_dossier(value)
            elif f == "year" and mb.raw.startswith("Vergaderjaar"):
                value = f"Vergaderjaar {value}"
            patch_paragraph(el, " ".join(mb.raw.split()), value, self.ed)


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
    paragraphs = [*front, *_body_paragraphs(v)]
    tekst = NewElement("tekst", [("status", "goed")], [NewElement("al", [], [p] if p else []) for p in paragraphs])
    stuk.append(NewElement("algemeen", [], [NewElement("vrije-tekst", [], [tekst])]))
    kamerstuk.append(NewElement("stuk", [], stuk))
    return NewElement("officiele-publicatie", list(OB_ROOT_ATTRS), [
        NewElement("metadata", [], metas),
        NewElement("kamerstuk", [], kamerstuk),
    ])


def write_new(v: Verslag, style: DocumentStyle = OB_STYLE) -> bytes:
    """A complete OB-style Kamerstuk document for ``v``, in ``style`` (the OB download's by default)."""
    body = render_new(document_element(v), 0, style)
    text = (style.declaration + style.newline if style.declaration else "") + body
    if style.final_newline:
        text += style.newline or "\n"
    return style.bom + text.encode(style.encoding, errors="xmlcharrefreplace")
