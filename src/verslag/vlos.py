"""Read the Tweede Kamer's VLOS vergaderverslag XML into a :class:`Verslag`, and check our interruption rule.

VLOS (namespace ``http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0``, root ``vlosCoreDocument``) is the
Tweede Kamer's own markup of a meeting: ``vergadering`` → ``activiteit`` → ``activiteithoofd`` →
``activiteitdeel`` → ``activiteititem`` → ``woordvoerder`` (the speaker who holds the floor) with nested
``interrumpant`` (whoever speaks in between), and ``draadboekfragment`` for procedural events
(schorsing, wisseling voorzitter, moties). See ``docs/vlos.md`` for the mapping element by element.

Because VLOS marks interruptions itself, a VLOS report is the ground truth against which the
text-based interruption rule of :mod:`verslag.structure` is measured: :func:`interruption_agreement`.
No I/O here; ``scripts/vlos_agreement.py`` prints the figures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from lxml import etree

from verslag.errors import XmlStructureError
from verslag.model import (
    AgendaItem,
    Block,
    ChairChange,
    Commitment,
    CommitmentCandidate,
    Diagnostic,
    GovernmentMember,
    Interruption,
    Meta,
    Phase,
    Role,
    Severity,
    Speaker,
    Suspension,
    Turn,
    Unparsed,
    Verslag,
)
from verslag.xml_tree import safe_parse

__all__ = [
    "VLOS_NS",
    "VlosSource",
    "debates_of",
    "interruption_agreement",
    "match_interruptions",
    "nesting_interruptions",
    "phase_agreement",
    "predicted_interruptions",
    "read_vlos",
]

#: The VLOS namespace (the default namespace of every real file).
VLOS_NS = "http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"
_N = "{" + VLOS_NS + "}"
#: The root element of a VLOS document as published (the XSD's ``vlosdocument`` is not seen in data).
ROOT_TAG = _N + "vlosCoreDocument"

# De heer Van Haersma Buma (CDA):
# De voorzitter:
# Staatssecretaris Klijnsma:
LABEL_ITEM_RE = re.compile(r"^(?P<label>[^:]{1,160}?)\s*:$")

# De vergadering wordt van 12.05 uur tot 12.14 uur geschorst.
# De vergadering wordt geschorst van 12.00 uur tot 13.00 uur.
SUSPENSION_TIMES_RE = re.compile(
    r"""
    \bvan\s+(?P<start>\d{1,2})[.:](?P<start_min>\d{2})\s+uur
    \s+tot\s+(?P<end>\d{1,2})[.:](?P<end_min>\d{2})\s+uur
    """,
    re.VERBOSE,
)

# De vergadering wordt enkele ogenblikken geschorst.
SHORT_SUSPENSION_RE = re.compile(r"\benkele\s+(?:ogenblikken|minuten)\b|\bkort\s+geschorst\b", re.IGNORECASE)

# Voorzitter: Arib
CHAIR_CHANGE_RE = re.compile(r"^Voorzitter:\s*(?P<name>\S.*?)\s*$")

# Er is een interruptie van de heer Verhoeven.
# Er is een interruptie voor uw van mevrouw Buitenweg.
# Er is toch een vraag van de heer Merkies.
ANNOUNCED_RE = re.compile(
    r"""
    \b(?:interruptie|vraag|vervolgvraag)\b [^.!?]{0,40}? \bvan\s+
    (?:de\ heer\s+|mevrouw\s+|meneer\s+|minister\s+|staatssecretaris\s+)?
    (?P<who>[^.!?,;]{1,60})
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Aanwezig zijn 117 leden der Kamer, te weten:
PRESENT_COUNT_RE = re.compile(r"^Aanwezig\s+(?:zijn|is)\s+(?P<count>\d+)\s+(?:leden|lid)\b")

#: Lower-case particles that VLOS puts after the surname in ``achternaam`` ('Miltenburg van').
TUSSENVOEGSELS = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "ter",
        "ten",
        "te",
        "in",
        "op",
        "la",
        "le",
        "du",
        "da",
        "del",
        "della",
        "el",
        "al",
        "von",
        "zu",
        "vom",
        "'s",
        "d'",
        "uit",
    ]
)

#: Activity kinds (activiteit soort) that are procedure, not the subject of the meeting.
PROCEDURAL_ACTIVITIES = frozenset(
    {"opening", "mededelingen", "regeling van werkzaamheden", "sluiting", "stemmingen", "stemming"}
)

#: spreker soort → role (isvoorzitter=true overrides all of these with chair).
SPREKER_ROLES: dict[str, Role] = {
    "tweede kamerlid": Role.MEMBER,
    "minister": Role.MINISTER,
    "minister-president": Role.MINISTER,
    "staatssecretaris": Role.STATE_SECRETARY,
}

_WOORDVOERDER = _N + "woordvoerder"
_TURN_TAGS = frozenset({_WOORDVOERDER, _N + "interrumpant"})
_FRAGMENT = _N + "draadboekfragment"
_ACTIVITEIT = _N + "activiteit"
_HOOFD = _N + "activiteithoofd"
_TEKST = _N + "tekst"

#: Elements whose content is metadata, not text of the report.
_SKIP = frozenset(
    _N + t
    for t in [
        "spreker",
        "sprekers",
        "titel",
        "onderwerp",
        "markeertijdbegin",
        "markeertijdeind",
        "isvoorzitter",
        "isdraad",
        "zaken",
        "parlisid",
        "aanvangstijd",
        "eindtijd",
        "voortzetting",
        "zaal",
        "vergaderjaar",
        "vergaderingnummer",
        "datum",
        "sluiting",
    ]
)


# --------------------------------------------------------------------------------------------------- parsing


def _parse(data: bytes) -> etree._Element:
    """Parse untrusted bytes through the one safety gate of :mod:`verslag.xml_tree`, then check the root.

    :func:`~verslag.xml_tree.safe_parse` refuses input over :data:`~verslag.xml_tree.MAX_BYTES`, any
    DTD or entity declaration (before parsing), nesting deeper than
    :data:`~verslag.xml_tree.MAX_DEPTH` and text nodes over 10 MB, and maps every lxml failure to an
    :class:`~verslag.errors.XmlError` with line and column — the same gate as OB XML.
    """
    root: etree._Element = safe_parse(data)
    if root.tag != ROOT_TAG:
        raise XmlStructureError(
            "VLOS: not a vergaderverslag document",
            line=_line(root),
            column=1,
            found=f"<{root.tag}>" if isinstance(root.tag, str) else "a non-element root",
            expected=f"<vlosCoreDocument xmlns={VLOS_NS!r}>",
        )
    return root


# --------------------------------------------------------------------------------------------------- helpers


def _local(el: etree._Element) -> str:
    """Return the local name of an element ('' for comments and processing instructions)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _line(el: etree._Element) -> int:
    """Return the 1-based source line of ``el`` (0 if unknown)."""
    line: int | None = el.sourceline  # type: ignore[assignment]
    return line or 0


def _norm(text: str) -> str:
    """Collapse whitespace runs to one space and strip."""
    return " ".join(text.split())


def _text(el: etree._Element | None) -> str:
    """All text inside ``el``, whitespace-normalised ('' for None)."""
    if el is None:
        return ""
    return _norm("".join(cast("Iterator[str]", el.itertext())))


def _child_text(el: etree._Element | None, name: str) -> str:
    """Whitespace-normalised text of the first child ``name`` of ``el`` (a leaf: its own text only)."""
    if el is None:
        return ""
    return _norm(el.findtext(_N + name) or "")


def _items(el: etree._Element) -> Iterator[etree._Element]:
    """Yield the ``alineaitem`` elements inside ``el`` in document order, outermost only."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag == _N + "alineaitem":
            yield child
        else:
            yield from _items(child)


def _datetime(text: str) -> dt.datetime | None:
    """'2014-10-15T10:15:00' → datetime (None if empty or invalid)."""
    try:
        return dt.datetime.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def _hhmm(hours: str, minutes: str) -> dt.time | None:
    """'12', '05' → 12:05 (None if out of range; '24.00' is taken as midnight)."""
    h, m = int(hours), int(minutes)
    if h == 24 and m == 0:
        h = 0
    if 0 <= h < 24 and 0 <= m < 60:
        return dt.time(h, m)
    return None


def surname(achternaam: str) -> str:
    """VLOS ``achternaam`` with the tussenvoegsel moved to the front: 'Burg van der' → 'Van der Burg'."""
    words = achternaam.split()
    k = len(words)
    while k > 1 and words[k - 1].lower() in TUSSENVOEGSELS:
        k -= 1
    particles = words[k:]
    if not particles:
        return " ".join(words)
    front = " ".join(particles)
    return f"{front[0].upper()}{front[1:]} {' '.join(words[:k])}"


def _is_true(el: etree._Element, name: str) -> bool:
    """Whether the child ``name`` of ``el`` says true."""
    return _child_text(el, name).lower() == "true"


def _party(spreker: etree._Element | None) -> str | None:
    """Return the fractie: ``<fractie>VVD</fractie>`` or ``<fractie><afkorting>VVD</afkorting>…``."""
    if spreker is None:
        return None
    fr = spreker.find(_N + "fractie")
    if fr is None:
        return None
    for sub in ("afkorting", "naam"):
        value = _child_text(fr, sub)
        if value:
            return value
    return _text(fr) or None


def _capitalise(text: str) -> str:
    """'minister van Financiën' → 'Minister van Financiën'."""
    return text[:1].upper() + text[1:]


def _speaker(spreker: etree._Element | None, chair: bool) -> Speaker:
    """Build a :class:`Speaker` from a ``spreker`` element, with the label as the report prints it."""
    aanhef = _child_text(spreker, "aanhef")
    name = _child_text(spreker, "verslagnaam") or surname(_child_text(spreker, "achternaam"))
    name = name or _child_text(spreker, "weergavenaam") or "Onbekend"
    functie = _child_text(spreker, "functie")
    soort = (spreker.get("soort", "") if spreker is not None else "").strip().lower()
    role = SPREKER_ROLES.get(soort)
    if role is None:
        low = functie.lower()
        if low.startswith(("minister", "viceminister")):
            role = Role.MINISTER
        elif low.startswith("staatssecretaris"):
            role = Role.STATE_SECRETARY
        elif low.startswith("lid tweede kamer"):
            role = Role.MEMBER
        else:
            role = Role.OTHER
    party = _party(spreker)
    office = _capitalise(functie) if role in (Role.MINISTER, Role.STATE_SECRETARY) and functie else None
    if chair:
        return Speaker(
            label="De voorzitter", name=name, party=None, role=Role.CHAIR, prefix="De", office=None
        )
    label = f"{aanhef} {name}".strip()
    if party and role in (Role.MEMBER, Role.OTHER):
        label += f" ({party})"
    return Speaker(label=label, name=name, party=party, role=role, prefix=aanhef, office=office)


def _names_speaker(label: str, speaker: Speaker) -> bool:
    """Whether a printed label item ('De heer Van Dijk (SP)') names this speaker."""
    low = label.casefold()
    if speaker.role is Role.CHAIR:
        return "voorzitter" in low
    return speaker.name.casefold() in low or label == speaker.label


# --------------------------------------------------------------------------------------------------- reader


@dataclass
class _TurnData:
    """A turn while it is being read (paragraphs may still be added by nested fragments)."""

    speaker: Speaker
    chair: bool
    line: int
    paragraphs: list[str] = field(default_factory=list)
    paragraph_lines: list[tuple[int, int]] = field(default_factory=list)
    last_line: int = 0
    debate: int = -1
    termijn: str | None = None


@dataclass
class _Loose:
    """Text outside any turn, with the number of turns read before it."""

    text: str
    line: int
    after: int
    reason: str


class _Reader:
    """One pass over a VLOS tree in document order."""

    def __init__(self) -> None:
        self.turns: list[_TurnData] = []
        self.groups: list[list[tuple[str, int]]] = []
        self.suspensions: list[Suspension] = []
        self.chair_changes: list[ChairChange] = []
        self.loose: list[_Loose] = []
        self.unplaced: list[Unparsed] = []
        self.speakers: dict[tuple[str, bool], Speaker] = {}
        self.debate = -1  # index of the current activiteit
        self.termijn: str | None = None  # titel of the current activiteithoofd soort="Termijn"

    def speaker(self, spreker: etree._Element | None, chair: bool) -> Speaker:
        """Return the :class:`Speaker` of a ``spreker``, cached by its objectid (a person recurs often)."""
        oid = spreker.get("objectid") if spreker is not None else None
        if not oid:
            return _speaker(spreker, chair)
        key = (oid, chair)
        sp = self.speakers.get(key)
        if sp is None:
            sp = self.speakers[key] = _speaker(spreker, chair)
        return sp

    # ----- walking

    def walk(self, el: etree._Element) -> None:
        """Read the children of ``el`` that are not inside a turn."""
        group: list[tuple[str, int]] | None = None  # the turns under this parent: one spreekbeurt
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag in _TURN_TAGS:
                if group is None:
                    group = []
                    self.groups.append(group)
                self.turn(child, group)
            elif tag == _FRAGMENT:
                self.fragment(child, owner=None)
            elif tag == _TEKST:
                self.loose_text(child, f"text of <{_local(el)}>")
            elif tag == _ACTIVITEIT:
                self.debate += 1
                self.walk(child)
            elif tag == _HOOFD:
                outer = self.termijn
                if _norm(child.get("soort", "")).lower() == "termijn":
                    self.termijn = _child_text(child, "titel") or "Termijn"
                self.walk(child)
                self.termijn = outer
            else:
                self.walk(child)

    def turn(self, el: etree._Element, group: list[tuple[str, int]]) -> None:
        """Read a ``woordvoerder`` or ``interrumpant`` as a turn; its nested interrumpanten follow it."""
        chair = _is_true(el, "isvoorzitter")
        td = _TurnData(speaker=self.speaker(el.find(_N + "spreker"), chair), chair=chair, line=_line(el))
        td.last_line, td.debate, td.termijn = td.line, self.debate, self.termijn
        index = len(self.turns)
        self.turns.append(td)
        group.append(("W" if el.tag == _WOORDVOERDER else "I", index))
        first_text = True
        for child in el:
            tag = child.tag
            if tag == _TEKST:
                self.turn_text(td, child, label_first=first_text)
                first_text = False
            elif tag == _FRAGMENT:
                self.fragment(child, owner=td)
            elif tag in _TURN_TAGS:
                self.turn(child, group)

    def turn_text(self, td: _TurnData, tekst: etree._Element, *, label_first: bool) -> None:
        """Paragraphs of a turn: one per ``alineaitem``; the repeated label item at the start is dropped."""
        for n, item in enumerate(_items(tekst)):
            text = _text(item)
            if not text:
                continue
            line = _line(item) or td.line
            if n == 0 and label_first:
                m = LABEL_ITEM_RE.match(text)
                if m and _names_speaker(m.group("label"), td.speaker):
                    if m.group("label") != td.speaker.label:
                        td.speaker = td.speaker.model_copy(update={"label": m.group("label")})
                    td.last_line = max(td.last_line, line)
                    continue
            td.paragraphs.append(text)
            td.paragraph_lines.append((line, line))
            td.last_line = max(td.last_line, line)

    def fragment(self, frag: etree._Element, owner: _TurnData | None) -> None:
        """Read a ``draadboekfragment``: a suspension, a change of chair, or text (a motion, a procedural line)."""
        soort = _norm(frag.get("soort", ""))
        line = _line(frag)
        tekst = frag.find(_N + "tekst")
        texts = [(_text(i), _line(i) or line) for i in _items(tekst)] if tekst is not None else []
        texts = [(t, ln) for t, ln in texts if t]
        whole = " ".join(t for t, _ in texts)
        if soort.lower() == "schorsing":
            self.suspension(frag, whole, line)
        elif soort.lower() == "wisseling voorzitter":
            m = CHAIR_CHANGE_RE.match(whole)
            sprekers = frag.find(_N + "sprekers")
            spreker = sprekers.find(_N + "spreker") if sprekers is not None else None
            name = m.group("name") if m else _speaker(spreker, False).name if spreker is not None else ""
            self.chair_changes.append(
                ChairChange(name=name, text=whole, after_turn=len(self.turns) - 1, lines=(line, line))
            )
        elif owner is not None:
            self.fragment_in_turn(owner, soort, texts)
        else:
            self.add_loose(texts, f"draadboekfragment {soort!r}")

    def fragment_in_turn(self, owner: _TurnData, soort: str, texts: Sequence[tuple[str, int]]) -> None:
        """Fragment text inside a turn (a motion): the owner's until a label names someone else.

        Another speaker's words (the chair's 'Deze motie is voorgesteld door ...') have no turn of their
        own in VLOS; they are kept, with their label, as :class:`Unparsed`.
        """
        foreign: str | None = None
        for n, (text, ln) in enumerate(texts):
            m = LABEL_ITEM_RE.match(text)
            if m and n + 1 < len(texts):
                foreign = None if _names_speaker(m.group("label"), owner.speaker) else text
                continue
            if foreign is not None:
                self.unplaced.append(
                    Unparsed(
                        text=f"{foreign} {text}" if foreign else text,
                        lines=(ln, ln),
                        reason=f"another speaker's words inside draadboekfragment {soort!r} of a turn",
                    )
                )
                foreign = ""
                continue
            owner.paragraphs.append(text)
            owner.paragraph_lines.append((ln, ln))
            owner.last_line = max(owner.last_line, ln)

    def suspension(self, frag: etree._Element, whole: str, line: int) -> None:
        """Read a Schorsing fragment as a :class:`Suspension` with the printed times and its kind."""
        start = end = None
        m = SUSPENSION_TIMES_RE.search(whole)
        if m:
            start = _hhmm(m.group("start"), m.group("start_min"))
            end = _hhmm(m.group("end"), m.group("end_min"))
        schorsingtype = frag.get("schorsingtype", "").strip().lower()
        kind: Literal["long", "short"] = "short" if SHORT_SUSPENSION_RE.search(whole) else "long"
        if schorsingtype in ("kort", "lang"):
            kind = "short" if schorsingtype == "kort" else "long"
        self.suspensions.append(
            Suspension(
                text=whole or "De vergadering wordt geschorst.",
                start=start,
                end=end,
                kind=kind,
                after_turn=len(self.turns) - 1,
                lines=(line, line),
            )
        )

    def loose_text(self, tekst: etree._Element, reason: str) -> None:
        """Keep a ``tekst`` outside the turns (headings, 'Aan de orde is ...', the presentielijst)."""
        texts = [(_text(i), _line(i) or _line(tekst)) for i in _items(tekst)]
        self.add_loose([(t, ln) for t, ln in texts if t], reason)

    def add_loose(self, texts: Sequence[tuple[str, int]], reason: str) -> None:
        """Keep text outside the turns as blocks; a bare label item is joined to the text it introduces."""
        pending: tuple[str, int] | None = None
        for text, ln in texts:
            if pending is not None:
                text, ln = f"{pending[0]} {text}", pending[1]
                pending = None
            elif LABEL_ITEM_RE.match(text) and len(text) < 80:
                pending = (text, ln)
                continue
            self.loose.append(_Loose(text=text, line=ln, after=len(self.turns), reason=reason))
        if pending is not None:
            self.loose.append(_Loose(text=pending[0], line=pending[1], after=len(self.turns), reason=reason))


# --------------------------------------------------------------------------------------------------- meta


def _meta(vergadering: etree._Element, turns: Sequence[Turn], chair_changes: Sequence[ChairChange]) -> Meta:
    """Meta from ``vergadering`` and its activities; chair from the first chairing turn."""
    day = _datetime(_child_text(vergadering, "datum"))
    start = _datetime(_child_text(vergadering, "aanvangstijd"))
    end = _datetime(_child_text(vergadering, "sluiting"))
    activities = vergadering.findall(_N + "activiteit")
    kinds = list(dict.fromkeys(_norm(a.get("soort", "")).lower() for a in activities))
    subject = [k for k in kinds if k and k not in PROCEDURAL_ACTIVITIES]
    kind = subject[0] if len(subject) == 1 else _norm(vergadering.get("soort", "")).lower() or None
    agenda: list[AgendaItem] = []
    for a in activities:
        if _norm(a.get("soort", "")).lower() in PROCEDURAL_ACTIVITIES:
            continue
        zaken = [z for zs in a.findall(_N + "zaken") for z in zs.findall(_N + "zaak")]
        for z in zaken:
            agenda.append(
                AgendaItem(
                    text=_child_text(z, "onderwerp")
                    or _child_text(z, "titel")
                    or _child_text(a, "onderwerp"),
                    dossier=_child_text(z, "dossiernummer").replace(" ", "") or None,
                    number=_child_text(z, "stuknummer") or None,
                )
            )
        if not zaken and (_child_text(a, "onderwerp") or _child_text(a, "titel")):
            agenda.append(AgendaItem(text=_child_text(a, "onderwerp") or _child_text(a, "titel")))
    chair = next((t.speaker.name for t in turns if t.speaker.role is Role.CHAIR), None)
    if chair is None:
        chair = _selected_chair(vergadering) or (chair_changes[0].name if chair_changes else None)
    members, count, government = _presence(vergadering, turns)
    return Meta(
        year=_child_text(vergadering, "vergaderjaar") or None,
        kind=kind,
        title=_child_text(vergadering, "titel") or None,
        date=day.date() if day else None,
        start=start.time().replace(microsecond=0) if start else None,
        end=end.time().replace(microsecond=0) if end else None,
        chair=chair,
        agenda=agenda,
        members_present=members,
        members_count=count,
        government=government,
    )


def _selected_chair(vergadering: etree._Element) -> str | None:
    """Return the chair named by a 'Voorzitter selectie' fragment, if any."""
    for frag in vergadering.iter(_N + "draadboekfragment"):
        if _norm(frag.get("soort", "")).lower() == "voorzitter selectie":
            spreker = frag.find(f"{_N}sprekers/{_N}spreker")
            if spreker is not None:
                return _speaker(spreker, False).name
    return None


def _presence(
    vergadering: etree._Element, turns: Sequence[Turn]
) -> tuple[list[str], int | None, list[GovernmentMember]]:
    """Members and bewindspersonen present: the presentielijst (``sprekers`` of the opening) and the turns."""
    members: list[str] = []
    count: int | None = None
    government: dict[str, GovernmentMember] = {}
    for a in vergadering.findall(_N + "activiteit"):
        if _norm(a.get("soort", "")).lower() != "opening":
            continue
        for hoofd in a.findall(_N + "activiteithoofd"):
            for item in hoofd.iterfind(f"{_N}tekst//{_N}alineaitem"):
                m = PRESENT_COUNT_RE.match(_text(item))
                if m and count is None:
                    count = int(m.group("count"))
            for spreker in hoofd.iterfind(f"{_N}sprekers/{_N}spreker"):
                sp = _speaker(spreker, False)
                if sp.role is Role.MEMBER:
                    members.append(sp.name)
                elif sp.role in (Role.MINISTER, Role.STATE_SECRETARY):
                    government.setdefault(
                        sp.name, GovernmentMember(name=sp.name, office=sp.office or sp.prefix)
                    )
    for t in turns:
        sp = t.speaker
        if sp.role in (Role.MINISTER, Role.STATE_SECRETARY):
            government.setdefault(sp.name, GovernmentMember(name=sp.name, office=sp.office or sp.prefix))
    return members, count, list(government.values())


# --------------------------------------------------------------------------------------------------- interruptions


def _announced(turns: Sequence[Turn], first: int, interrupter: str) -> bool:
    """Whether the chair's turn just before ``first`` announces this interrupter."""
    if first <= 0 or turns[first - 1].speaker.role is not Role.CHAIR:
        return False
    key = interrupter.split()[-1].casefold() if interrupter.split() else ""
    return bool(key) and any(
        key in m.group("who").casefold() for m in ANNOUNCED_RE.finditer(turns[first - 1].text)
    )


def nesting_interruptions(
    turns: Sequence[Turn], groups: Sequence[Sequence[tuple[str, int]]]
) -> list[Interruption]:
    """Interruption exchanges from VLOS nesting.

    ``groups`` holds, per ``activiteititem`` (one floor holder's spreekbeurt), the turns in document order
    as ('W', index) for a ``woordvoerder`` and ('I', index) for an ``interrumpant`` nested in it.
    An exchange opens at an interrumpant who is neither the chair nor the floor holder, takes in that
    interrupter's follow-ups, each next ``woordvoerder`` of the floor holder that answers them, and the
    chair's interrumpanten in between; it closes at another interrupter, at a second woordvoerder in a
    row (the floor holder resumes), or at the end of the spreekbeurt.  Trailing chair turns are left out.
    Interrumpanten under a chairing woordvoerder are not interruptions: the chair does not hold the floor.
    """
    out: list[Interruption] = []
    for group in groups:
        for who, host, idx in _exchanges(turns, group):
            out.append(
                Interruption(interrupter=who, host=host, turns=idx, announced=_announced(turns, idx[0], who))
            )
    return out


def _exchanges(
    turns: Sequence[Turn], group: Sequence[tuple[str, int]]
) -> Iterator[tuple[str, str, list[int]]]:
    """Yield (interrupter, host, turn indexes) for the exchanges of one spreekbeurt (see above)."""
    cur: list[int] = []
    who = host = ""
    pending: list[int] = []
    awaiting = False
    floor: str | None = None
    for kind, i in group:
        sp = turns[i].speaker
        if kind == "W":
            if cur and awaiting and sp.name == host:
                cur.extend([*pending, i])
            elif cur:
                yield who, host, cur
                cur = []
            pending, awaiting = [], False
            floor = None if sp.role is Role.CHAIR else sp.name
        elif sp.role is Role.CHAIR:
            if cur:
                pending.append(i)
        elif floor is None:
            continue
        elif sp.name == floor:
            if cur:
                cur.extend([*pending, i])
                pending, awaiting = [], False
        elif cur and sp.name == who:
            cur.extend([*pending, i])
            pending, awaiting = [], True
        else:
            if cur:
                yield who, host, cur
            cur, who, host, pending, awaiting = [i], sp.name, floor, [], True
    if cur:
        yield who, host, cur


@dataclass(frozen=True)
class VlosSource:
    """What a Verslag read from VLOS remembers of its markup (kept on ``Verslag._xml``)."""

    #: [start, end) turn ranges, one per ``activiteit`` with turns: each a debate of its own.
    debates: tuple[tuple[int, int], ...]
    #: Per turn, the titel of its ``activiteithoofd soort="Termijn"`` ('Termijn inbreng'), else None.
    termijnen: tuple[str | None, ...]
    #: The input kind, as :func:`verslag.roundtrip.roundtrip_report` names it.
    variant: str = "vlos"


def debates_of(v: Verslag) -> list[tuple[int, int]]:
    """Return the debates (turn ranges per ``activiteit``) of a VLOS Verslag; one range if unknown or edited."""
    src = v._xml
    if isinstance(src, VlosSource) and src.debates and src.debates[-1][1] == len(v.turns):
        return list(src.debates)
    return [(0, len(v.turns))] if v.turns else []


def _debate_ranges(debate_of_turn: Sequence[int]) -> list[tuple[int, int]]:
    """Group consecutive turns of the same activiteit into [start, end) ranges."""
    out: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(debate_of_turn) + 1):
        if k == len(debate_of_turn) or debate_of_turn[k] != debate_of_turn[start]:
            out.append((start, k))
            start = k
    return out


@dataclass
class _Structure:
    """What :func:`verslag.structure.analyze` gives, per debate, mapped back to the whole Verslag."""

    phases: list[Phase | None]
    interruptions: list[Interruption] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    candidates: list[CommitmentCandidate] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _structure(v: Verslag, debates: Sequence[tuple[int, int]]) -> _Structure:
    """Run :func:`verslag.structure.analyze` on a copy of each debate; ``v`` is not changed.

    A plenary VLOS holds several debates (one per ``activiteit``), each with its own termijnen; the
    text and OB readers see one debate per document, so the structure rules are run the same way.
    """
    from verslag import structure

    out = _Structure(phases=[None] * len(v.turns))
    for a, b in debates:
        chair = next((t.speaker.name for t in v.turns[a:b] if t.speaker.role is Role.CHAIR), v.meta.chair)
        sub = Verslag(
            meta=v.meta.model_copy(update={"chair": chair}),
            turns=[t.model_copy(update={"phase": None}) for t in v.turns[a:b]],
            suspensions=[
                s.model_copy(update={"after_turn": s.after_turn - a})
                for s in v.suspensions
                if a <= s.after_turn < b
            ],
            chair_changes=[
                c.model_copy(update={"after_turn": c.after_turn - a})
                for c in v.chair_changes
                if a <= c.after_turn < b
            ],
            source_format="vlos",
        )
        structure.analyze(sub)
        for k, t in enumerate(sub.turns):
            out.phases[a + k] = t.phase
        out.interruptions += [
            i.model_copy(update={"turns": [x + a for x in i.turns]}) for i in sub.interruptions
        ]
        base = len(out.candidates)
        out.candidates += [c.model_copy(update={"turn": c.turn + a}) for c in sub.candidates]
        out.commitments += [
            c.model_copy(
                update={
                    "turns": [x + a for x in c.turns],
                    "candidate": None if c.candidate is None else c.candidate + base,
                }
            )
            for c in sub.commitments
        ]
        out.diagnostics += sub.diagnostics
    return out


def predicted_interruptions(v: Verslag) -> list[Interruption]:
    """Our text-based rule (:func:`verslag.structure.analyze`) over the flat turns, debate by debate.

    The nesting is thrown away: the rule sees the turns in order, as it would in a printed report.
    ``v`` is not changed.
    """
    return _structure(v, debates_of(v)).interruptions


#: Phases that belong to the members' side of a debate (inbreng).
MEMBER_PHASES = frozenset({Phase.MEMBERS_FIRST_TERM, Phase.MEMBERS_SECOND_TERM})
#: Phases that belong to the government's side (antwoord).
GOVERNMENT_PHASES = frozenset({Phase.GOVERNMENT_FIRST_TERM, Phase.GOVERNMENT_SECOND_TERM})


def phase_agreement(v: Verslag) -> dict[str, int | float]:
    """Agreement of ``Turn.phase`` with the VLOS termijnen: 'Termijn inbreng' vs 'Termijn antwoord'.

    Counts the turns inside an ``activiteithoofd soort="Termijn"`` whose phase is of the same side
    (members' or government's term); the keys ``'inbreng:<phase>'`` and ``'antwoord:<phase>'`` count
    each combination.  Empty for a Verslag that was not read from VLOS (or was edited since).
    """
    src = v._xml
    if not isinstance(src, VlosSource) or len(src.termijnen) != len(v.turns):
        return {}
    out: dict[str, int | float] = {}
    total = agree = 0
    for t, termijn in zip(v.turns, src.termijnen, strict=True):
        if termijn is None:
            continue
        side = "antwoord" if "antwoord" in termijn.lower() else "inbreng"
        total += 1
        if t.phase in (GOVERNMENT_PHASES if side == "antwoord" else MEMBER_PHASES):
            agree += 1
        key = f"{side}:{t.phase.value if t.phase else None}"
        out[key] = int(out.get(key, 0)) + 1
    return {
        "termijn_turns": total,
        "phase_side_agree": agree,
        "phase_side_accuracy": _ratio(agree, total),
        **out,
    }


def match_interruptions(gold: Sequence[Interruption], pred: Sequence[Interruption]) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, predicted index): same interrupter and host, overlapping turns.

    Pairs are taken greedily by the size of the overlap, largest first.
    """
    cands: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        gs = set(g.turns)
        for pi, p in enumerate(pred):
            if g.interrupter == p.interrupter and g.host == p.host:
                overlap = len(gs.intersection(p.turns))
                if overlap:
                    cands.append((overlap, gi, pi))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _overlap, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def interruption_agreement(
    v: Verslag, predicted: Sequence[Interruption] | None = None
) -> dict[str, int | float]:
    """Agreement of our interruption rule with the VLOS nesting of ``v`` (as read by :func:`read_vlos`).

    ``v.interruptions`` is the gold standard (the Tweede Kamer's nesting); ``predicted`` defaults to
    :func:`predicted_interruptions`.  Exchanges match on interrupter, host and overlapping turns
    (one to one); turns are compared as the sets of turn indexes inside any exchange.
    """
    gold = list(v.interruptions)
    pred = list(predicted_interruptions(v) if predicted is None else predicted)
    pairs = match_interruptions(gold, pred)
    exact = sum(1 for gi, pi in pairs if list(gold[gi].turns) == list(pred[pi].turns))
    g_turns = {t for i in gold for t in i.turns}
    p_turns = {t for i in pred for t in i.turns}
    common = len(g_turns & p_turns)
    ep, er = _ratio(len(pairs), len(pred)), _ratio(len(pairs), len(gold))
    tp, tr = _ratio(common, len(p_turns)), _ratio(common, len(g_turns))
    return {
        "turns": len(v.turns),
        "gold_exchanges": len(gold),
        "predicted_exchanges": len(pred),
        "matched_exchanges": len(pairs),
        "exact_exchanges": exact,
        "exchange_precision": ep,
        "exchange_recall": er,
        "exchange_f1": _f1(ep, er),
        "gold_turns": len(g_turns),
        "predicted_turns": len(p_turns),
        "common_turns": common,
        "turn_precision": tp,
        "turn_recall": tr,
        "turn_f1": _f1(tp, tr),
    }


# --------------------------------------------------------------------------------------------------- entry point


def read_vlos(data: bytes) -> Verslag:
    """Read VLOS vergaderverslag XML bytes into a :class:`Verslag`.

    Turns are the ``woordvoerder`` and ``interrumpant`` elements in document order; interruptions come
    from their nesting (:func:`nesting_interruptions`); phases and commitments from
    :func:`verslag.structure.analyze`, run on each debate (``activiteit``) separately.  Raises :class:`XmlSecurityError` for a DTD or entity,
    :class:`XmlSyntaxError` for malformed XML and :class:`XmlStructureError` for another document.
    """
    root = _parse(bytes(data))
    vergadering = root.find(_N + "vergadering")
    if vergadering is None:
        raise XmlStructureError(
            "VLOS: no <vergadering> in the document",
            line=_line(root),
            column=1,
            found=f"<{_local(root)}> without <vergadering>",
            expected="<vergadering> as a child of the root",
        )
    reader = _Reader()
    reader.walk(vergadering)

    turns = [
        Turn(
            speaker=td.speaker.model_copy(),  # cached per person: each turn gets its own to edit
            paragraphs=td.paragraphs,
            paragraph_lines=td.paragraph_lines,
            lines=(td.line, max(td.last_line, td.line)),
        )
        for td in reader.turns
    ]
    front: list[Block] = []
    closing: list[Block] = []
    unparsed: list[Unparsed] = list(reader.unplaced)
    for lo in reader.loose:
        if lo.after == 0:
            front.append(Block(text=lo.text, lines=(lo.line, lo.line)))
        elif lo.after >= len(turns):
            closing.append(Block(text=lo.text, lines=(lo.line, lo.line)))
        else:
            unparsed.append(
                Unparsed(text=lo.text, lines=(lo.line, lo.line), reason=f"VLOS {lo.reason} between turns")
            )
    unparsed.sort(key=lambda u: u.lines[0])

    diagnostics = _diagnostics(root, turns, unparsed)
    v = Verslag(
        meta=_meta(vergadering, turns, reader.chair_changes),
        turns=turns,
        suspensions=reader.suspensions,
        chair_changes=reader.chair_changes,
        front_matter=front,
        closing=closing,
        unparsed=unparsed,
        diagnostics=diagnostics,
        source_format="vlos",
    )
    debates = _debate_ranges([td.debate for td in reader.turns])
    found = _structure(v, debates)  # phases and commitments; the rule's own interruptions are not kept
    for t, phase in zip(v.turns, found.phases, strict=True):
        t.phase = phase
    v.commitments = found.commitments
    v.candidates = found.candidates
    v.diagnostics = [*v.diagnostics, *found.diagnostics]
    nested = nesting_interruptions(v.turns, reader.groups)
    for it in nested:
        it.phase = v.turns[it.turns[0]].phase
    v._xml = VlosSource(debates=tuple(debates), termijnen=tuple(td.termijn for td in reader.turns))
    v.interruptions = nested
    return v


def _diagnostics(
    root: etree._Element, turns: Sequence[Turn], unparsed: Sequence[Unparsed]
) -> list[Diagnostic]:
    """Report a Casco (text-less) report, turns without text, and text not placed (one per reason)."""
    out: list[Diagnostic] = []
    status = root.get("status", "")
    if status.lower() == "casco":
        out.append(
            Diagnostic(
                code="V205",
                severity=Severity.WARNING,
                message="VLOS status 'Casco': the report has speaking moments but no transcript yet",
                line=_line(root),
            )
        )
    empty = [i for i, t in enumerate(turns) if not t.paragraphs]
    if empty:
        out.append(
            Diagnostic(
                code="V205",
                severity=Severity.INFO,
                message=f"{len(empty)} turn(s) without text, first at index {empty[0]}",
                line=turns[empty[0]].lines[0],
            )
        )
    by_reason: dict[str, list[Unparsed]] = {}
    for u in unparsed:
        by_reason.setdefault(u.reason, []).append(u)
    for reason, us in by_reason.items():
        out.append(
            Diagnostic(
                code="V501",
                severity=Severity.INFO,
                message=f"{len(us)} paragraph(s) kept as unparsed: {reason}",
                line=us[0].lines[0],
            )
        )
    return out
