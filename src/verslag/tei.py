"""TEI export following the ParlaMint / Parla-CLARIN conventions (``--format tei``).

One ``TEI`` document per report in the namespace ``http://www.tei-c.org/ns/1.0``:

* ``teiHeader``: title, meeting (the committees, the vergaderjaar), the source (Kamerstuk number and
  date), the taxonomies every ``@ana`` points into (a subset of ParlaMint's ``parla.legislature``,
  the speaker types and the phases), and in ``particDesc`` a ``listOrg`` (the government first, then
  the Tweede Kamer, the committees and the parties, in ParlaMint's order) and a ``listPerson``
  (everyone who speaks or is listed as present, with party and office).
* ``body``: one ``div type="debateSection"`` per phase (termijn), ``@ana`` pointing at the phase;
  per turn a ``note type="speaker"`` with the label as printed, then one ``u`` with ``@who``,
  ``@ana`` and ``@xml:id``, a ``seg`` per paragraph. Chair changes and times are ``note`` elements,
  suspensions ``incident type="break"``; a ``time`` carries date and time, as ParlaMint requires.
  When an interruption exchange splits the speech of the member who holds the floor, the two parts
  are linked with ``@next`` and ``@prev``, and the interrupter's utterances get ``#interrupting``
  in ``@ana`` next to their speaker type.

There is exactly one ``u`` per turn. Speaker types follow ParlaMint-NL: the chair is ``#chair``,
members of the Tweede Kamer ``#regular``, and everyone who is not a member of the house ``#guest`` --
ministers and state secretaries (bewindspersonen) too, since in the Netherlands they are not members
of parliament (ParlaMint-NL marks 'Minister Jetten' ``#guest``). In the person list a bewindspersoon is
``affiliation role="minister"`` or ``role="secretaryOfState"`` with the office as ``roleName``, and
``role="member"``, of the government (``#GOV``), as in ParlaMint-NL's person list.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence

from lxml import etree

from verslag.display import PHASE_LABELS, event_slot, meeting_title, phase_label
from verslag.errors import InputError
from verslag.model import ChairChange, Phase, Role, Suspension, Verslag

__all__ = ["GOVERNMENT_ROLE", "SPEAKER_TYPE", "TEI_NS", "interrupting_turns", "speech_links", "to_tei"]

#: The TEI namespace.
TEI_NS = "http://www.tei-c.org/ns/1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Characters XML 1.0 cannot hold (NUL, form feed and other C0 controls a PDF extractor may leave, lone
#: surrogates); they are dropped from text and attributes so the output is always well-formed.
XML_INVALID_RE = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

#: Characters that cannot appear in an xml:id (an NCName) after accents are removed.
#: 'Van der Lee' → 'VanderLee'; 'D66' stays 'D66'; 'ChristenUnie-SGP' keeps its hyphen.
NCNAME_STRIP_RE = re.compile(r"[^A-Za-z0-9._-]+")

#: A closing line that gives the time: 'Sluiting 19.24 uur.'
CLOSING_TIME_RE = re.compile(r"^\s*Sluiting\b", re.IGNORECASE)

#: ParlaMint's speaker types by role: bewindspersonen are not members of the Tweede Kamer, so they are
#: guests, as in ParlaMint-NL.
SPEAKER_TYPE: dict[Role, str] = {
    Role.CHAIR: "chair",
    Role.MEMBER: "regular",
    Role.MINISTER: "guest",
    Role.STATE_SECRETARY: "guest",
    Role.OTHER: "guest",
}

#: The speaker-type taxonomy: ParlaMint's ids with its English and ParlaMint-NL's Dutch terms, and
#: ParlaMint's ``interrupting``, added to the type of an utterance that interrupts the floor holder.
_SPEAKER_TYPES = (
    ("chair", "Voorzitter", "Chairperson: chairman of a sitting"),
    ("regular", "Vast", "Regular: a regular speaker at a sitting (a member of the Tweede Kamer)"),
    ("guest", "Gast", "Guest: a guest speaker at a sitting (not a member, e.g. a minister or state secretary)"),
    ("interrupting", "Interruptie", "Interrupting: the utterance interrupts the speech of the floor holder"),
)

#: The categories of ParlaMint's ``parla.legislature`` taxonomy that the header points to, with their
#: ParlaMint ids, so that every ``@ana`` resolves inside the document.
_LEGISLATURE = (
    ("parla.national", "Nationale wetgeving", "National legislature"),
    ("parla.lower", "Tweede Kamer", "Lower house"),
    ("parla.committee", "Commissie", "Committee"),
    ("parla.session", "Vergaderjaar", "Legislative session"),
    ("parla.meeting", "Vergadering", "Meeting"),
    ("parla.sitting", "Zitting", "Sitting: sitting day"),
)

#: ParlaMint's affiliation roles for a bewindspersoon in the government.
GOVERNMENT_ROLE: dict[Role, str] = {Role.MINISTER: "minister", Role.STATE_SECRETARY: "secretaryOfState"}


def _clean(s: str | None) -> str:
    return XML_INVALID_RE.sub("", s or "")


def _ncname(s: str, fallback: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    out = NCNAME_STRIP_RE.sub("", ascii_)
    if not out or not (out[0].isalpha() or out[0] == "_"):
        out = fallback + out
    return out


def speech_links(v: Verslag) -> list[tuple[int, int]]:
    """Pairs (before, after) of turn indexes: one speech of a floor holder split by an interruption exchange.

    ``before`` is the floor holder's last turn before the exchange and ``after`` their first turn
    after it; chair turns in between (announcing the interruption, giving the floor back) and the turns
    of further exchanges in the same speech are skipped, so a speech interrupted three times is one chain.
    An exchange that is not framed by the floor holder's turns on both sides gives no pair.
    """
    n = len(v.turns)
    busy: dict[str, set[int]] = {}  # floor holder → the turns of all exchanges in their speech
    for it in v.interruptions:
        busy.setdefault(it.host, set()).update(i for i in it.turns if 0 <= i < n)

    def skip(i: int, host: str) -> bool:
        sp = v.turns[i].speaker
        return i in busy[host] or (sp.role is Role.CHAIR and sp.name != host)

    pairs: set[tuple[int, int]] = set()
    for it in v.interruptions:
        ts = [i for i in it.turns if 0 <= i < n]
        if not ts:
            continue
        before, after = min(ts) - 1, max(ts) + 1
        while before >= 0 and skip(before, it.host):
            before -= 1
        while after < n and skip(after, it.host):
            after += 1
        if before >= 0 and after < n and v.turns[before].speaker.name == it.host == v.turns[after].speaker.name:
            pairs.add((before, after))
    return sorted(pairs)


def interrupting_turns(v: Verslag) -> set[int]:
    """Indexes of the turns in which someone interrupts the floor holder (ParlaMint's ``#interrupting``).

    These are the interrupter's own turns inside an interruption exchange; the floor holder's replies
    and the chair's turns in the exchange are not interruptions.
    """
    n = len(v.turns)
    return {
        i
        for it in v.interruptions
        for i in it.turns
        if 0 <= i < n and v.turns[i].speaker.name == it.interrupter and v.turns[i].speaker.role is not Role.CHAIR
    }


class _Builder:
    """Builds the TEI tree of one report."""

    def __init__(self, v: Verslag) -> None:
        self.v = v
        m = v.meta
        ident = m.identifier or (f"kst-{m.dossier}-{m.number}" if m.dossier and m.number else "verslag")
        self.doc_id = _ncname(ident, "v-")
        self.persons: dict[str, str] = {}  # surname → xml:id
        self.parties: dict[str, str] = {}  # party → xml:id
        self._ids: set[str] = set()

    def el(self, parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
        a = {(_XML_ID if k == "xml_id" else _XML_LANG if k == "xml_lang" else k): _clean(val)
             for k, val in attrs.items() if val}
        if parent is None:
            e = etree.Element(f"{{{TEI_NS}}}{tag}", a, nsmap={None: TEI_NS})  # type: ignore[dict-item]
        else:
            e = etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", a)
        if text is not None:
            e.text = _clean(text)
        return e

    def unique(self, base: str) -> str:
        out, k = base, 2
        while out in self._ids:
            out, k = f"{base}.{k}", k + 1
        self._ids.add(out)
        return out

    def collect(self) -> None:
        v = self.v
        # The fixed ids first, so that no person or party can take them.
        self._ids.update({self.doc_id, "TK", "GOV", "speaker_types", "phases", "parla.legislature"})
        self._ids.update(key for key, _t, _d in (*_SPEAKER_TYPES, *_LEGISLATURE))
        self._ids.update(f"phase.{ph.value}" for ph in PHASE_LABELS)
        self._ids.update(f"committee.{k}" for k in range(1, len(v.meta.committees) + 1))
        for t in v.turns:
            if t.speaker.party and t.speaker.party not in self.parties:
                self.parties[t.speaker.party] = self.unique("party." + _ncname(t.speaker.party, "p"))
        names = [t.speaker.name for t in v.turns] + v.meta.members_present + [g.name for g in v.meta.government]
        if v.meta.chair:
            names.append(v.meta.chair)
        for name in names:
            if name not in self.persons:
                self.persons[name] = self.unique(_ncname(name, "pers."))

    def header(self, root: etree._Element) -> None:
        v, m = self.v, self.v.meta
        h = self.el(root, "teiHeader")
        fd = self.el(h, "fileDesc")
        ts = self.el(fd, "titleStmt")
        title = meeting_title(m) + (f", Kamerstuk {m.dossier}" + (f" nr. {m.number}" if m.number else "")
                                    if m.dossier else "")
        self.el(ts, "title", title, type="main", xml_lang="nl")
        for k, c in enumerate(m.committees, 1):
            self.el(ts, "meeting", c, ana="#parla.meeting #parla.committee", corresp=f"#committee.{k}", xml_lang="nl")
        if m.year:
            self.el(ts, "meeting", f"Vergaderjaar {m.year}", ana="#parla.lower #parla.session", corresp="#TK",
                    n=m.year, xml_lang="nl")
        ext = self.el(fd, "extent")
        words = sum(t.words for t in v.turns)
        self.el(ext, "measure", f"{len(v.turns)} spreekbeurten", unit="speeches", quantity=str(len(v.turns)),
                xml_lang="nl")
        self.el(ext, "measure", f"{words} woorden", unit="words", quantity=str(words), xml_lang="nl")
        ps = self.el(fd, "publicationStmt")
        pub = self.el(ps, "publisher")
        self.el(pub, "orgName", "Tweede Kamer der Staten-Generaal", xml_lang="nl")
        if m.identifier:
            self.el(ps, "idno", m.identifier, type="publication")
        sd = self.el(fd, "sourceDesc")
        bibl = self.el(sd, "bibl")
        self.el(bibl, "title", title, type="main", xml_lang="nl")
        if m.dossier:
            self.el(bibl, "idno", m.dossier + (f"-{m.number}" if m.number else ""), type="kamerstuk")
        if m.date:
            self.el(bibl, "date", m.date.isoformat(), when=m.date.isoformat())
        self.taxonomies(h)
        pd = self.el(h, "profileDesc")
        if m.date:
            setting = self.el(self.el(pd, "settingDesc"), "setting")
            self.el(setting, "date", m.date.isoformat(), when=m.date.isoformat())
        partic = self.el(pd, "particDesc")
        self.orgs(partic)
        self.people(partic)

    def taxonomy(
        self, cd: etree._Element, xml_id: str, title: tuple[str, str], rows: Sequence[tuple[str, str, str]]
    ) -> None:
        """A taxonomy of categories (key, Dutch term, English description), titled in ``title``'s language."""
        tx = self.el(cd, "taxonomy", xml_id=xml_id)
        self.el(self.el(tx, "desc", xml_lang=title[0]), "term", title[1])
        for key, term, desc in rows:
            cat = self.el(tx, "category", xml_id=key)
            self.el(cat, "catDesc", desc, xml_lang="en")
            self.el(cat, "catDesc", term, xml_lang="nl")

    def taxonomies(self, h: etree._Element) -> None:
        cd = self.el(self.el(h, "encodingDesc"), "classDecl")
        self.taxonomy(cd, "parla.legislature", ("en", "Legislature"), _LEGISLATURE)
        self.taxonomy(cd, "speaker_types", ("nl", "Sprekertypes"), _SPEAKER_TYPES)
        tx = self.el(cd, "taxonomy", xml_id="phases")
        self.el(self.el(tx, "desc", xml_lang="nl"), "term", "Termijnen")
        for phase, label in PHASE_LABELS.items():
            cat = self.el(tx, "category", xml_id=f"phase.{phase.value}")
            self.el(cat, "catDesc", label, xml_lang="nl")

    def orgs(self, partic: etree._Element) -> None:
        m = self.v.meta
        lo = self.el(partic, "listOrg")
        # ParlaMint: the government is always there and comes first, then the parliament.
        gov = self.el(lo, "org", xml_id="GOV", role="government")
        self.el(gov, "orgName", "Regering van Nederland", full="yes", xml_lang="nl")
        self.el(gov, "orgName", "Government of the Netherlands", full="yes", xml_lang="en")
        tk = self.el(lo, "org", xml_id="TK", role="parliament", ana="#parla.national #parla.lower")
        self.el(tk, "orgName", "Tweede Kamer der Staten-Generaal", full="yes", xml_lang="nl")
        self.el(tk, "orgName", "Lower House of the Dutch Parliament", full="yes", xml_lang="en")
        self.el(tk, "orgName", "TK", full="abb")
        for k, c in enumerate(m.committees, 1):
            org = self.el(lo, "org", xml_id=f"committee.{k}", role="committee", ana="#parla.committee")
            self.el(org, "orgName", c, full="yes", xml_lang="nl")
        for party, pid in self.parties.items():
            org = self.el(lo, "org", xml_id=pid, role="parliamentaryGroup")
            self.el(org, "orgName", party, full="abb")

    def people(self, partic: etree._Element) -> None:
        v = self.v
        lp = self.el(partic, "listPerson")
        party_of = {t.speaker.name: t.speaker.party for t in v.turns if t.speaker.party}
        roles: dict[str, set[Role]] = {}
        for t in v.turns:
            roles.setdefault(t.speaker.name, set()).add(t.speaker.role)
        offices = {g.name: g.office for g in v.meta.government}
        offices.update({t.speaker.name: t.speaker.office for t in v.turns if t.speaker.office})
        members = set(v.meta.members_present) | set(party_of)
        for name, pid in self.persons.items():
            p = self.el(lp, "person", xml_id=pid)
            self.el(self.el(p, "persName"), "surname", name)
            if name in members or Role.MEMBER in roles.get(name, set()):
                self.el(p, "affiliation", role="member", ref="#TK")
            if name in party_of:
                self.el(p, "affiliation", role="member", ref=f"#{self.parties[party_of[name]]}")
            gov_roles = roles.get(name, set()) & set(GOVERNMENT_ROLE)
            if name in offices or gov_roles:
                office = offices.get(name) or ""
                minister = Role.MINISTER in gov_roles or (not gov_roles and office.lower().startswith("minister"))
                aff = self.el(p, "affiliation", role=GOVERNMENT_ROLE[Role.MINISTER if minister else Role.STATE_SECRETARY],
                              ref="#GOV")
                if office:
                    self.el(aff, "roleName", office, xml_lang="nl")
                # ParlaMint assumes nothing between roles: a minister is also a member of the government.
                self.el(p, "affiliation", role="member", ref="#GOV")

    def body(self, root: etree._Element) -> list[etree._Element]:
        v = self.v
        body = self.el(self.el(root, "text", xml_lang="nl"), "body")
        after: dict[int, list[Suspension | ChairChange]] = {}
        events: list[Suspension | ChairChange] = [*v.suspensions, *v.chair_changes]
        for ev in events:
            after.setdefault(event_slot(ev.after_turn, len(v.turns)), []).append(ev)
        interrupting = interrupting_turns(v)
        us: list[etree._Element] = []
        div: etree._Element | None = None
        phase: Phase | str | None = "start"
        seg = 0

        def div_for(ph: Phase | None) -> etree._Element:
            d = self.el(body, "div", type="debateSection", ana=f"#phase.{ph.value}" if ph is not None else "")
            self.el(d, "head", phase_label(ph), xml_lang="nl")
            return d

        def opening(d: etree._Element) -> None:
            start = v.meta.start
            if start is not None:
                note = self.el(d, "note", "Aanvang ", type="time")
                time = self.el(note, "time", f"{start.hour:02d}.{start.minute:02d} uur", when=self.when(start))
                time.tail = "."
            self.events(d, after.get(-1, []))

        if not v.turns:
            div = div_for(None)
            opening(div)
        for i, t in enumerate(v.turns):
            if div is None or t.phase != phase:
                div, phase = div_for(t.phase), t.phase
            if i == 0:
                opening(div)
            self.el(div, "note", t.speaker.label, type="speaker")
            ana = f"#{SPEAKER_TYPE[t.speaker.role]}" + (" #interrupting" if i in interrupting else "")
            u = self.el(div, "u", xml_id=self.unique(f"{self.doc_id}.u{i + 1}"), who=f"#{self.persons[t.speaker.name]}",
                        ana=ana)
            for p in t.paragraphs:
                seg += 1
                self.el(u, "seg", p, xml_id=self.unique(f"{self.doc_id}.seg{seg}"))
            us.append(u)
            self.events(div, after.get(i, []))
        assert div is not None
        for b in v.closing:
            self.el(div, "note", b.text, type="time" if CLOSING_TIME_RE.match(b.text) else "comment")
        return us

    def when(self, t: dt.time | None) -> str:
        """Give a time of the meeting as ParlaMint wants it, with the date: '2020-03-11T17:25:00'.

        The time alone when the date is not known; empty for ``None``.
        """
        if t is None:
            return ""
        d = self.v.meta.date
        return dt.datetime.combine(d, t).isoformat() if d is not None else t.isoformat()

    def events(self, parent: etree._Element, evs: list[Suspension | ChairChange]) -> None:
        for ev in evs:
            if isinstance(ev, ChairChange):
                self.el(parent, "note", ev.text, type="chair")
                continue
            inc = self.el(parent, "incident", type="break", subtype="short" if ev.kind == "short" else "")
            desc = self.el(inc, "desc", xml_lang="nl")
            if ev.start or ev.end:
                times = {"from": self.when(ev.start), "to": self.when(ev.end)}
                self.el(desc, "time", ev.text, **times)
            else:
                desc.text = _clean(ev.text)


def to_tei(v: Verslag) -> bytes:
    """Write ``v`` as a ParlaMint-style TEI document (UTF-8 bytes with an XML declaration)."""
    if not isinstance(v, Verslag):
        raise InputError("to_tei needs a Verslag", found=type(v).__name__, expected="Verslag")
    b = _Builder(v)
    b.collect()
    root = b.el(None, "TEI", xml_id=b.doc_id, xml_lang="nl", ana="#parla.sitting")
    b.header(root)
    us = b.body(root)
    for before, after in speech_links(v):
        us[before].set("next", "#" + str(us[after].get(_XML_ID)))
        us[after].set("prev", "#" + str(us[before].get(_XML_ID)))
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return out
