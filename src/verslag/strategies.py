"""Hypothesis strategies for realistic Tweede Kamer committee reports, with their known truth.

Use them in your own test suite to test code that consumes :mod:`verslag` (install
``verslag[hypothesis]``)::

    from hypothesis import given
    from verslag import strategies

    @given(strategies.verslagen())
    def test_my_counter(v):
        assert my_count_of_turns(v) == len(v.turns)

Strategies:

* :func:`verslagen` — a :class:`~verslag.model.Verslag`: members with tussenvoegsels and real
  parties, a chair who may hand over, bewindspersonen with their offices, both termijnen,
  announced and unannounced interruptions, the three forms of suspension, a closing list of
  toezeggingen with withdrawals, amendments and additions, in plain Dutch sentences.
  Phases, interruptions and commitments are filled in from the way the debate was built.
* :func:`layouts` — a :class:`~verslag.render.Layout` (wrap width, hyphenation, pages, footers, ...).
* :func:`pdf_texts` — ``(text, verslag)``: PDF text and the Verslag it must parse to, with the
  structure the debate was built with (see :func:`expected_parse`).
* :func:`ob_xml` — ``(xml_bytes, verslag)``: an Officiële Bekendmakingen document and the Verslag
  :func:`verslag.read_xml` must give.

Everything is drawn with hypothesis, so failures shrink to small reports.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

try:
    from hypothesis import strategies as st
except ImportError as e:  # pragma: no cover - the extra is not installed
    raise ImportError("verslag.strategies needs hypothesis: pip install 'verslag[hypothesis]'") from e

from verslag.model import (
    AgendaItem,
    ChairChange,
    Commitment,
    CommitmentStatus,
    Deadline,
    GovernmentMember,
    Interruption,
    Meta,
    Phase,
    Role,
    Signatory,
    Speaker,
    Suspension,
    Turn,
    Verslag,
)
from verslag.render import Layout, render_text

__all__ = [
    "COMMITTEES",
    "GOVERNMENT",
    "MEMBERS",
    "Member",
    "Minister",
    "expected_parse",
    "layouts",
    "ob_xml",
    "pdf_texts",
    "verslagen",
    "without_structure",
]


# --- people --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """A Kamerlid as labelled in reports: 'De heer' or 'Mevrouw', surname with tussenvoegsel, fractie."""

    salutation: str
    name: str
    party: str

    @property
    def label(self) -> str:
        """The speaker label as printed, without its colon: 'De heer Van der Staaij (SGP)'."""
        return f"{self.salutation} {self.name} ({self.party})"

    @property
    def ref(self) -> str:
        """How others name them in a sentence: 'de heer Van der Staaij', 'mevrouw Kröger'."""
        return f"{'de heer' if self.salutation == 'De heer' else 'mevrouw'} {self.name}"


@dataclass(frozen=True)
class Minister:
    """A bewindspersoon: salutation, surname, the label word and the office from the header."""

    salutation: str
    name: str
    title: str  # the label word: 'Minister', 'Staatssecretaris', 'Minister-president'
    office: str

    @property
    def role(self) -> Role:
        """The speaker role of the label: state secretary for 'Staatssecretaris', else minister."""
        return Role.STATE_SECRETARY if self.title == "Staatssecretaris" else Role.MINISTER

    @property
    def short(self) -> str:
        """The office as used in a sentence: 'Minister van Financiën' ('Minister-president' for the MP)."""
        return self.title if self.title == "Minister-president" else self.office


#: Kamerleden as they appear in reports of 2017–2024, with tussenvoegsels, diacritics and every kind of fractie.
MEMBERS: tuple[Member, ...] = tuple(
    Member(s, n, p)
    for s, n, p in (
        ("De heer", "Verhoeven", "D66"), ("Mevrouw", "Buitenweg", "GroenLinks"), ("De heer", "Amhaouch", "CDA"),
        ("De heer", "Weverling", "VVD"), ("De heer", "Van Otterloo", "50PLUS"), ("Mevrouw", "Diks", "GroenLinks"),
        ("De heer", "Van der Staaij", "SGP"), ("Mevrouw", "Den Boer", "D66"), ("De heer", "Van Haga", "Groep Van Haga"),
        ("De heer", "Omtzigt", "Lid Omtzigt"), ("Mevrouw", "Kröger", "GroenLinks-PvdA"), ("De heer", "Öztürk", "DENK"),
        ("De heer", "Van Raan", "PvdD"), ("Mevrouw", "Leijten", "SP"), ("De heer", "Kuzu", "DENK"),
        ("De heer", "Bisschop", "SGP"), ("Mevrouw", "Van der Plas", "BBB"), ("De heer", "Eerdmans", "JA21"),
        ("De heer", "Van Baarle", "DENK"), ("Mevrouw", "Van Ginneken", "D66"), ("De heer", "Segers", "ChristenUnie"),
        ("Mevrouw", "Ouwehand", "PvdD"), ("Mevrouw", "Ploumen", "PvdA"), ("De heer", "Van Dijk", "SP"),
        ("De heer", "Bosma", "PVV"), ("Mevrouw", "Simons", "BIJ1"), ("De heer", "Azarkan", "DENK"),
        ("De heer", "Sneller", "D66"), ("De heer", "Van Weyenberg", "D66"), ("Mevrouw", "Hermans", "VVD"),
        ("De heer", "Van der Lee", "GroenLinks"), ("Mevrouw", "Agema", "PVV"), ("De heer", "Stoffer", "SGP"),
        ("Mevrouw", "Bikker", "ChristenUnie"), ("De heer", "Nijboer", "PvdA"), ("Mevrouw", "Westerveld", "GroenLinks"),
        ("De heer", "Van Nispen", "SP"), ("Mevrouw", "Den Haan", "Fractie Den Haan"), ("De heer", "Krol", "50PLUS"),
        ("De heer", "El Yassini", "VVD"), ("Mevrouw", "Özütok", "GroenLinks"), ("De heer", "Graus", "PVV"),
        ("Mevrouw", "Tielen", "VVD"), ("De heer", "Bontenbal", "CDA"), ("Mevrouw", "Teunissen", "PvdD"),
        ("De heer", "Grinwis", "ChristenUnie"), ("Mevrouw", "Dekker-Abdulaziz", "D66"), ("De heer", "De Groot", "VVD"),
        ("Mevrouw", "Mutluer", "GroenLinks-PvdA"), ("De heer", "Dassen", "Volt"), ("Mevrouw", "Koekkoek", "Volt"),
        ("De heer", "Van Houwelingen", "FVD"), ("De heer", "Kops", "PVV"), ("Mevrouw", "Van Kooten-Arissen", "PvdD"),
        ("De heer", "Van den Berge", "GroenLinks"), ("Mevrouw", "Palland", "CDA"), ("De heer", "Ceder", "ChristenUnie"),
    )
)  # fmt: skip

#: Bewindspersonen with their offices as the header prints them.
GOVERNMENT: tuple[Minister, ...] = tuple(
    Minister(s, n, t, o)
    for s, n, t, o in (
        ("de heer", "Grapperhaus", "Minister", "Minister van Justitie en Veiligheid"),
        ("mevrouw", "Keijzer", "Staatssecretaris", "Staatssecretaris van Economische Zaken en Klimaat"),
        ("de heer", "Knops", "Minister", "Minister van Binnenlandse Zaken en Koninkrijksrelaties"),
        ("de heer", "Rutte", "Minister-president", "Minister-president, Minister van Algemene Zaken"),
        ("mevrouw", "Van Nieuwenhuizen-Wijbenga", "Minister", "Minister van Infrastructuur en Waterstaat"),
        ("de heer", "Van 't Wout", "Staatssecretaris", "Staatssecretaris van Sociale Zaken en Werkgelegenheid"),
        ("de heer", "Hoekstra", "Minister", "Minister van Financiën"),
        ("mevrouw", "Ollongren", "Minister", "Minister van Binnenlandse Zaken en Koninkrijksrelaties"),
        ("de heer", "De Jonge", "Minister", "Minister van Volksgezondheid, Welzijn en Sport"),
        ("mevrouw", "Kaag", "Minister", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"),
        ("de heer", "Wiebes", "Minister", "Minister van Economische Zaken en Klimaat"),
        ("de heer", "Snel", "Staatssecretaris", "Staatssecretaris van Financiën"),
        ("mevrouw", "Broekers-Knol", "Staatssecretaris", "Staatssecretaris van Justitie en Veiligheid"),
        ("de heer", "Dekker", "Minister", "Minister voor Rechtsbescherming"),
        ("mevrouw", "Van Engelshoven", "Minister", "Minister van Onderwijs, Cultuur en Wetenschap"),
        ("mevrouw", "Schouten", "Minister", "Minister van Landbouw, Natuur en Voedselkwaliteit"),
        ("de heer", "Blok", "Minister", "Minister van Buitenlandse Zaken"),
        ("mevrouw", "Bijleveld-Schouten", "Minister", "Minister van Defensie"),
        ("de heer", "Koolmees", "Minister", "Minister van Sociale Zaken en Werkgelegenheid"),
        ("mevrouw", "Van Ark", "Minister", "Minister voor Medische Zorg en Sport"),
        ("de heer", "Van Rij", "Staatssecretaris", "Staatssecretaris van Financiën"),
        ("mevrouw", "Yeşilgöz-Zegerius", "Minister", "Minister van Justitie en Veiligheid"),
        ("mevrouw", "Adriaansens", "Minister", "Minister van Economische Zaken en Klimaat"),
        ("de heer", "Jetten", "Minister", "Minister voor Klimaat en Energie"),
    )
)  # fmt: skip

#: Standing committees (vaste commissies).
COMMITTEES: tuple[str, ...] = tuple(
    "vaste commissie voor " + c
    for c in (
        "Economische Zaken en Klimaat", "Binnenlandse Zaken", "Justitie en Veiligheid", "Financiën",
        "Infrastructuur en Waterstaat", "Sociale Zaken en Werkgelegenheid", "Volksgezondheid, Welzijn en Sport",
        "Onderwijs, Cultuur en Wetenschap", "Defensie", "Buitenlandse Zaken", "Digitale Zaken",
        "Landbouw, Natuur en Voedselkwaliteit", "Europese Zaken", "Koninkrijksrelaties",
    )
)  # fmt: skip

#: Clerks (griffiers).
CLERKS: tuple[str, ...] = ("Nava", "Boeve", "Kling", "Meijerink", "Post", "Schuur", "Van den Broek", "Heller",
                           "De Kler", "Sjerp", "Bakker", "Van Tilburg")  # fmt: skip

#: Kinds of meeting as the chair names them in the opening.
KINDS: tuple[str, ...] = ("algemeen overleg", "commissiedebat", "wetgevingsoverleg", "notaoverleg")

# --- plain Dutch ---------------------------------------------------------------------------------

#: Subjects of debate; some carry the hyphens the renderer must handle.
TOPICS: tuple[str, ...] = (
    "de digitale overheid", "de woningbouw", "het stikstofbeleid", "de jeugdzorg", "de cybersecurity van het mkb",
    "de uitvoering van de toeslagen", "de energietransitie", "het openbaar vervoer in Noord-Holland",
    "de inzet van algoritmes", "de wachtlijsten in de ggz", "de privacy van burgers", "de aanpak van ondermijning",
    "het lerarentekort", "de pensioenen", "de verduurzaming van de industrie", "de e-mailbeveiliging van gemeenten",
    "de EU-regels voor datadeling", "de IP-adressen van overheidsdiensten", "de beveiliging van hard- en software",
    "de ICT-systemen van de Belastingdienst", "het face-to-facecontact met burgers", "de zeekabels",
    "de uitrol van IPv6", "de informatiebeveiliging bij ministeries", "de kinderopvang", "de vaccinatiegraad",
)  # fmt: skip

#: Sentences of a member's inbreng; {t} topic, {g} a bewindspersoon's title, {m} another member, {p} own fractie.
MEMBER_SENTENCES: tuple[str, ...] = (
    "Ik wil het vandaag hebben over {t}.",
    "Mijn fractie maakt zich grote zorgen over {t}.",
    "Hoe kijkt de {g} naar {t}?",
    "Kan de {g} toezeggen dat de Kamer voor de zomer een brief krijgt over {t}?",
    "Wat is de stand van zaken?",
    "We hebben hier eerder over gesproken, maar er is nog weinig veranderd.",
    "Ik sluit me aan bij de vragen van {m} over {t}.",
    "Het gaat om 2,5 miljard euro en om ruim 30 procent van de gemeenten.",
    "Ik weet het: dit is geen eenvoudig onderwerp.",
    "Dat is voor veel mensen een groot probleem, zeker voor ouderen en jongeren.",
    "Er zijn volgens de inspectie al zo’n 400 meldingen binnengekomen.",
    "Ik heb daar in 2019 al een motie over ingediend, die door de Kamer is aangenomen.",
    "Is de {g} bereid om in Europees verband te pleiten voor strengere regels?",
    "Het gaat hier uiteindelijk om het vertrouwen van burgers in de overheid.",
    "Graag een reactie van de {g}.",
    "Dat kan toch niet de bedoeling zijn?",
    "Daar moeten we echt iets aan doen – en snel ook.",
    "Collega’s van andere fracties hebben daar ook al naar gevraagd.",
    "Voor de {p}-fractie is dat een belangrijk punt.",
    "In de antwoorden op de Kamervragen staat dat het «in beginsel» geregeld is.",
    "Wat betekent dat precies voor {t}?",
    "De beveiliging van hard- en software blijft achter bij wat nodig is.",
    "Mensen in Noord-Holland en Limburg merken dat elke dag.",
    "Ik noem bijvoorbeeld de verantwoordelijkheidsverdeling tussen de ministeries.",
    "Hoe staat het met de uitvoering van de moties die de Kamer heeft aangenomen?",
    "Dat is, denk ik, een ingewikkelde vraag ... maar wel een belangrijke.",
    "Ik rond af.",
)  # fmt: skip

#: Sentences of a bewindspersoon's answer; {t} topic, {m} a member.
GOVERNMENT_SENTENCES: tuple[str, ...] = (
    "Ik kom nu bij de vragen over {t}.",
    "{M} vroeg naar {t}.",
    "Dat is een terechte vraag.",
    "We zijn daar op dit moment volop mee bezig.",
    "Ik zal de Kamer daarover voor de zomer per brief informeren.",
    "Het kabinet vindt het belangrijk dat {t} goed geregeld wordt.",
    "Daar heb ik eerder met de gemeenten en de provincies over gesproken.",
    "Er lopen op dit moment drie pilots, onder meer in Rotterdam en Groningen.",
    "Ik wil daar wel een kanttekening bij plaatsen.",
    "Dat ligt overigens niet alleen bij mij, maar ook bij mijn collega van Financiën.",
    "De cijfers laten zien dat het aantal meldingen met 15 procent is gedaald.",
    "Ik verwacht dat we daar in het najaar meer over kunnen zeggen.",
    "Dat was het blokje over {t}.",
    "Ik begrijp de zorg van {m} heel goed.",
    "Daarmee heb ik volgens mij de vragen over {t} beantwoord.",
)  # fmt: skip

#: Questions in an interruption.
INTERRUPTION_SENTENCES: tuple[str, ...] = (
    "Ik hoor {h} zeggen dat het goed gaat met {t}, maar klopt dat wel?",
    "Is {h} het met mij eens dat hier meer geld voor nodig is?",
    "Wat bedoelt {h} daar precies mee?",
    "Dat vind ik toch een wat makkelijke redenering.",
    "Kan {h} dat toelichten?",
    "In de ellenboog!",
)  # fmt: skip

#: Replies to an interruption.
REPLY_SENTENCES: tuple[str, ...] = (
    "Dat is een terechte vraag.",
    "Daar ben ik het niet mee eens.",
    "Ja, dat klopt, en daarom stel ik deze vragen ook.",
    "Dat ligt toch iets genuanceerder.",
    "Ik kom daar straks nog op terug.",
)  # fmt: skip

#: Deadlines as chairs read them out in the closing list.
DEADLINES: tuple[str, ...] = (
    "binnen vier weken", "voor de zomer", "voor het kerstreces", "zo spoedig mogelijk", "eind maart",
    "voor de begrotingsbehandeling", "in het najaar",
)  # fmt: skip


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _time(minutes: int) -> dt.time:
    minutes = max(0, min(minutes, 23 * 60 + 59))
    return dt.time(minutes // 60, minutes % 60)


def _hhmm(minutes: int) -> str:
    t = _time(minutes)
    return f"{t.hour:02d}.{t.minute:02d}"


def _year_of(d: dt.date) -> str:
    first = dt.date(d.year, 9, 1)
    prinsjesdag = 1 + (1 - first.weekday()) % 7 + 14
    if (d.month, d.day) >= (9, prinsjesdag):
        return f"{d.year}-{d.year + 1}"
    return f"{d.year - 1}-{d.year}"


def _spaced(dossier: str) -> str:
    head, sep, rest = dossier.partition("-")
    groups: list[str] = []
    while len(head) > 3:
        groups.insert(0, head[-3:])
        head = head[:-3]
    groups.insert(0, head)
    return " ".join(groups) + (sep + rest if sep else "")


# --- the debate as it is built -------------------------------------------------------------------


@dataclass
class _Debate:
    """A report under construction: turns with their phase, events, interruptions and commitments."""

    chair: str
    turns: list[Turn] = field(default_factory=list)
    suspensions: list[Suspension] = field(default_factory=list)
    chair_changes: list[ChairChange] = field(default_factory=list)
    interruptions: list[Interruption] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    clock: int = 0  # minutes since midnight

    def say(self, speaker: Speaker, paragraphs: Sequence[str], phase: Phase) -> int:
        self.turns.append(Turn(speaker=speaker, paragraphs=[p for p in paragraphs if p], phase=phase))
        self.clock += 1 + sum(len(p) for p in paragraphs) // 900
        return len(self.turns) - 1

    def chair_says(self, paragraphs: Sequence[str], phase: Phase) -> int:
        return self.say(Speaker(label="De voorzitter", name=self.chair, role=Role.CHAIR, prefix="De"), paragraphs, phase)


def _member_speaker(m: Member) -> Speaker:
    return Speaker(label=m.label, name=m.name, party=m.party, role=Role.MEMBER, prefix=m.salutation)


def _minister_speaker(g: Minister) -> Speaker:
    return Speaker(label=f"{g.title} {g.name}", name=g.name, role=g.role, prefix=g.title, office=g.office)


Draw = Callable[[st.SearchStrategy[Any]], Any]


_CACHE: dict[tuple[Any, ...], st.SearchStrategy[Any]] = {}


def _cached(key: tuple[Any, ...], make: Callable[[], st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """One strategy object per key: building strategies anew on every draw costs most of the time."""
    s = _CACHE.get(key)
    if s is None:
        s = _CACHE[key] = make()
    return s


def _sentences(draw: Draw, bank: Sequence[str], ctx: dict[str, str], lo: int = 1, hi: int = 4) -> str:
    # PERF: one draw picks the sentences (a seed), not one draw per sentence: drawing dominates the cost.
    # Shrinking still works: the count shrinks to ``lo`` and the seed to 0 (the first sentences of the bank).
    n = draw(_cached(("n", lo, hi), lambda: st.integers(lo, hi)))
    pick = draw(_SEEDS)
    rng = random.Random(pick)
    chosen = [bank[0 if pick == 0 and k == 0 else rng.randrange(len(bank))] for k in range(n)]
    return " ".join(_cap(s.format(**ctx)) for s in chosen)


_SEEDS = st.integers(0, 2**16)


def _paragraphs(draw: Draw, bank: Sequence[str], ctx: dict[str, str], lo: int = 1, hi: int = 3) -> list[str]:
    n = draw(st.integers(lo, hi))
    return [_sentences(draw, bank, ctx) for _ in range(n)]


def _interruption(
    draw: Draw, d: _Debate, host: Speaker, host_ref: str, interrupter: Member | Minister, phase: Phase, topic: str
) -> None:
    """An exchange while ``host`` holds the floor: maybe announced, one to three rounds."""
    announced = draw(st.booleans())
    who = interrupter.ref if isinstance(interrupter, Member) else f"de {interrupter.title}"
    if announced:
        d.chair_says([f"Er is een interruptie van {who}."], phase)
    sp = _member_speaker(interrupter) if isinstance(interrupter, Member) else _minister_speaker(interrupter)
    ctx = {"h": host_ref, "t": topic}
    first = d.say(sp, [_sentences(draw, INTERRUPTION_SENTENCES, ctx, 1, 2)], phase)
    turns = [first]
    rounds = draw(st.integers(1, 3))
    for r in range(rounds):
        turns.append(d.say(host, [_sentences(draw, REPLY_SENTENCES, ctx, 1, 3)], phase))
        if r < rounds - 1:
            if draw(st.booleans()):
                turns.append(d.chair_says([f"Een vervolgvraag van {who}."], phase))
            turns.append(d.say(sp, [_sentences(draw, INTERRUPTION_SENTENCES, ctx, 1, 2)], phase))
    d.interruptions.append(
        Interruption(interrupter=interrupter.name, host=host.name, turns=turns, announced=announced, phase=phase)
    )


def _inbreng(
    draw: Draw, d: _Debate, m: Member, others: Sequence[Member], gov: Sequence[Minister], phase: Phase, short: bool
) -> None:
    """A member's turn, with interruptions by other members (or a bewindspersoon) in between."""
    sp = _member_speaker(m)
    topic = draw(st.sampled_from(TOPICS))
    g = draw(st.sampled_from(gov)).title if gov else "Minister"
    ref = draw(st.sampled_from(others)).ref if others else f"de {g}"
    ctx = {"t": topic, "g": g, "m": ref, "p": m.party}
    opening = "Voorzitter, dank u wel. " if draw(st.booleans()) else ""
    paras = _paragraphs(draw, MEMBER_SENTENCES, ctx, 1, 2 if short else 4)
    paras[0] = opening + paras[0]
    d.say(sp, paras, phase)
    pool: list[Member | Minister] = [*others, *gov[:1]]
    last: str | None = None
    for _ in range(draw(st.integers(0, 2 if pool else 0))):
        # the same interrupter again, without the holder resuming in between, would be a follow-up
        choices = [x for x in pool if x.name != last]
        if not choices:
            break
        interrupter = draw(st.sampled_from(choices))
        _interruption(draw, d, sp, m.ref, interrupter, phase, topic)
        last = interrupter.name
        if draw(st.booleans()):
            last = None
            # the holder resumes after the chair's sign, so the exchange's end is in the text
            d.chair_says(["Vervolgt u uw betoog."], phase)
            d.say(sp, _paragraphs(draw, MEMBER_SENTENCES, ctx, 1, 2), phase)


def _answer(draw: Draw, d: _Debate, g: Minister, members: Sequence[Member], phase: Phase, short: bool) -> None:
    """A bewindspersoon's answer, with interruptions by members."""
    sp = _minister_speaker(g)
    topic = draw(st.sampled_from(TOPICS))
    m = draw(st.sampled_from(members))
    ctx = {"t": topic, "m": m.ref, "M": _cap(m.ref)}
    # an answer opens with a real paragraph: a few words after a hand-over are no answer
    paras = [_sentences(draw, GOVERNMENT_SENTENCES, ctx, 4, 6)]
    paras += _paragraphs(draw, GOVERNMENT_SENTENCES, ctx, 0, 1 if short else 3)
    d.say(sp, paras, phase)
    last: str | None = None
    for _ in range(draw(st.integers(0, 2))):
        choices = [x for x in members if x.name != last]
        if not choices:
            break
        interrupter = draw(st.sampled_from(choices))
        _interruption(draw, d, sp, f"de {g.title}", interrupter, phase, topic)
        last = interrupter.name
        if draw(st.booleans()):
            last = None
            d.chair_says(["Vervolgt u uw betoog."], phase)
            d.say(sp, _paragraphs(draw, GOVERNMENT_SENTENCES, ctx, 1, 2), phase)


def _suspend(draw: Draw, d: _Debate) -> None:
    """One of the three printed forms of a suspension, after the last turn."""
    form = draw(st.integers(0, 2))
    start = d.clock
    kind: Literal["long", "short"]
    if form == 1:
        text, kind, s, e = "De vergadering wordt enkele ogenblikken geschorst.", "short", None, None
        d.clock += 2
    else:
        end = start + draw(st.integers(5, 60))
        s, e = _time(start), _time(end)
        if form == 0:
            text = f"De vergadering wordt van {_hhmm(start)} uur tot {_hhmm(end)} uur geschorst."
        else:
            text = f"De vergadering wordt geschorst van {_hhmm(start)} uur tot {_hhmm(end)} uur."
        kind = "long"
        d.clock = end
    d.suspensions.append(Suspension(text=text, start=s, end=e, kind=kind, after_turn=len(d.turns) - 1))


def _hand_over(d: _Debate, to: Member, phase: Phase, *, back: bool = False) -> None:
    """The chair hands over ('Voorzitter: X' in the body), or hands the chair back to ``to``."""
    words = "terug" if back else "even over"
    d.chair_says([f"Ik geef het voorzitterschap {words} aan {to.ref}."], phase)
    d.chair_changes.append(ChairChange(name=to.name, text=f"Voorzitter: {to.name}", after_turn=len(d.turns) - 1))
    d.chair = to.name


def _commitment_item(g: Minister, topic: str, deadline: str, to: Member | None, form: int) -> str:
    """One item of the closing list, without its dash."""
    tail = f"; dat is een toezegging aan {to.ref}" if to is not None else ""
    if form == 0:
        return f"{_cap(deadline)} zal de {g.short} de Kamer informeren over {topic}{tail}."
    if form == 1:
        return f"De {g.short} stuurt {deadline} een brief over {topic} aan de Kamer{tail}."
    return f"Er komt {deadline} een brief van de {g.short} over {topic}{tail}."


def _closing_list(draw: Draw, d: _Debate, gov: Sequence[Minister], members: Sequence[Member]) -> None:
    """The chair reads out the toezeggingen; interjections withdraw, amend or add items."""
    phase = Phase.COMMITMENTS
    n = draw(st.integers(1, 4))
    intro = draw(st.sampled_from(("Ik heb de volgende toezeggingen genoteerd.", "Dan kom ik bij de toezeggingen.",
                                  "Er is een aantal toezeggingen gedaan, die ik opsom.")))  # fmt: skip
    paras = [intro]
    items: list[tuple[str, Minister, Member | None, str]] = []
    # Each item is about its own subject, so that an edit naming one ('De toezegging over de zeekabels
    # …') points at one item, as a chair's does.
    topics: list[str] = draw(st.lists(st.sampled_from(TOPICS), min_size=n + 2, max_size=n + 2, unique=True))
    subject: dict[int, str] = {}
    for k in range(n):
        g = draw(st.sampled_from(gov))
        to = draw(st.none() | st.sampled_from(members))
        topic = topics[k]
        deadline = draw(st.sampled_from(DEADLINES))
        form = draw(st.integers(0, 2))
        text = _commitment_item(g, topic, deadline, to, form)
        paras.append("– " + text)
        items.append((text, g, to, _cap(deadline) if form == 0 else deadline))
    turn = d.chair_says(paras, phase)
    for k, (text, g, to, deadline) in enumerate(items):
        subject[len(d.commitments)] = topics[k]
        d.commitments.append(
            Commitment(text=text, by=g.name, to=to.name if to else None, deadline=Deadline(text=deadline), turns=[turn])
        )
    # Interjections: an edit names the item's subject, except for the last item read out, which a
    # chair may also edit without naming it ('Die toezegging kan dus weg.').
    extra = iter(topics[n:])
    edited = False
    for _ in range(draw(st.integers(0, 2))):
        what = draw(st.sampled_from(("withdraw", "amend", "add")))
        if what in ("withdraw", "amend"):
            listed = [k for k, c in enumerate(d.commitments) if c.status is CommitmentStatus.LISTED]
            if not listed:
                continue
            k = draw(st.sampled_from(listed))
            c = d.commitments[k]
            g = next(x for x in gov if x.name == c.by)
            named = k != len(d.commitments) - 1 or edited or draw(st.booleans())
            edited = True
            about = f"de toezegging over {subject[k]}" if named else "die toezegging"
            if what == "withdraw":
                letter = f"De brief over {subject[k]}" if named else "Die brief"
                t1 = d.say(_minister_speaker(g), [f"{letter} heeft de Kamer vorige week al ontvangen."], phase)
                t2 = d.chair_says([f"Dan vervalt {about}."], phase)
                c.status = CommitmentStatus.WITHDRAWN
            else:
                old = (c.deadline.text if c.deadline else "").casefold()
                new = draw(st.sampled_from([x for x in DEADLINES if x.casefold() != old]))
                said = f"De brief over {subject[k]} komt {new}." if named else f"Dat wordt {new}."
                t1 = d.say(_minister_speaker(g), [said], phase)
                amendment = f"het wordt {new}."  # the words after 'aangepast;', as the chair says them
                t2 = d.chair_says([f"{_cap(about)} wordt dus aangepast; {amendment}"], phase)
                c.status = CommitmentStatus.AMENDED
                c.amendment = amendment
                c.deadline = Deadline(text=new)  # the item is now due when the amendment says
            c.turns = [*c.turns, t1, t2]
        else:
            m = draw(st.sampled_from(members))
            g = draw(st.sampled_from(gov))
            asked = next(extra, None)
            if asked is None:
                continue
            t1 = d.say(_member_speaker(m), [f"Ik mis nog de toezegging over {asked}."], phase)
            text = _commitment_item(g, asked, "voor de zomer", m, 1)
            t2 = d.chair_says(["Dat klopt, die voeg ik toe.", "– " + text], phase)
            d.commitments.append(
                Commitment(text=text, by=g.name, to=m.name, deadline=Deadline(text="voor de zomer"),
                           status=CommitmentStatus.ADDED, turns=[t1, t2])
            )  # fmt: skip


def _agenda(draw: Draw, dossier: str, gov: Sequence[Minister], before: dt.date) -> list[AgendaItem]:
    out: list[AgendaItem] = []
    for _ in range(draw(st.integers(0, 4))):
        g = draw(st.sampled_from(gov)) if gov else None
        sender = g.short if g else "Minister van Financiën"
        date = before - dt.timedelta(days=draw(st.integers(7, 700)))
        subject = draw(st.sampled_from(TOPICS))
        number = str(draw(st.integers(1, 999)))
        d = f"{date.day} {_MONTHS[date.month - 1]} {date.year}"
        text = f"de brief van de {sender} d.d. {d} inzake {subject} (Kamerstuk {_spaced(dossier)}, nr. {number})"
        out.append(AgendaItem(text=text, dossier=dossier, number=number, date=date, sender=sender, subject=subject))
    return out


_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")  # fmt: skip


def _ok_office(g: Minister, comma_offices: bool) -> bool:
    return comma_offices or "," not in g.office


@st.composite
def verslagen(
    draw: Draw,
    *,
    max_members: int = 6,
    max_government: int = 3,
    second_term: bool | None = None,
    suspensions: bool = True,
    chair_changes: bool = True,
    commitments: bool = True,
    comma_offices: bool = True,
    structure: bool = True,
) -> Verslag:
    """Realistic committee reports with known truth.

    ``max_members`` members speak (besides the chair) and up to ``max_government`` bewindspersonen
    answer.  ``second_term`` forces or forbids a tweede termijn (None: either).  ``suspensions``,
    ``chair_changes`` and ``commitments`` allow those parts.  ``comma_offices`` allows offices
    with a comma ('Minister van Volksgezondheid, Welzijn en Sport').  With ``structure`` the phases,
    interruptions and commitments are filled in from the way the debate was built; without it they
    are left empty, as :func:`verslag.parse_text` leaves them before the structure analysis.
    """
    members: list[Member] = draw(
        st.lists(st.sampled_from(MEMBERS), min_size=2, max_size=max(2, max_members) + 1, unique_by=lambda m: m.name)
    )
    chair_m, speakers = members[0], members[1:]
    gov_pool = [g for g in GOVERNMENT if _ok_office(g, comma_offices)]
    gov: list[Minister] = draw(
        # one person per office: two Ministers of the same ministry never sit at one meeting
        st.lists(
            st.sampled_from(gov_pool),
            min_size=1,
            max_size=max(1, max_government),
            unique_by=(lambda g: g.name, lambda g: g.office),
        )
    )
    date = draw(st.dates(dt.date(2014, 1, 6), dt.date(2025, 12, 19)))
    kind = draw(st.sampled_from(KINDS))
    committees = draw(st.lists(st.sampled_from(COMMITTEES), min_size=1, max_size=3, unique=True))
    dossier = draw(st.sampled_from(("26643", "21501-20", "31288", "29544", "32813", "35165", "36200-XV", "28286")))
    number = str(draw(st.integers(1, 1200)))
    clerk = draw(st.sampled_from(CLERKS))
    start = draw(st.integers(9 * 60, 17 * 60))
    d = _Debate(chair=chair_m.name, clock=start)

    # opening
    welcome = ", ".join(f"de {g.short}" for g in gov)
    opening = [
        f"Welkom bij dit {kind} van de {committees[0]}. Hartelijk welkom aan {welcome} en aan de mensen die thuis kijken.",
        f"Ik geef als eerste het woord aan {speakers[0].ref}.",
    ]
    d.chair_says(opening, Phase.OPENING)

    # Chair changes (wisseling voorzitter), as they happen: a vice-chair who does not speak takes over
    # after an inbreng (and may hand back before the answers), or the chair gives an inbreng of their
    # own as a member while a colleague who has spoken chairs.  A chairing member never speaks as a member.
    handover = draw(st.sampled_from(("none", "none", "none", "vice", "own"))) if chair_changes else "none"
    vice: Member | None = None
    if handover == "vice":
        taken = {m.name for m in members}
        vice = draw(st.sampled_from([m for m in MEMBERS if m.name not in taken]))
        members.append(vice)
    vice_at = draw(st.integers(0, len(speakers) - 1)) if vice is not None else -1
    for k, m in enumerate(speakers):
        others = [x for x in speakers if x.name != m.name]
        _inbreng(draw, d, m, others, gov, Phase.MEMBERS_FIRST_TERM, short=False)
        if k == vice_at and vice is not None:
            _hand_over(d, vice, Phase.MEMBERS_FIRST_TERM)
        if k < len(speakers) - 1:
            d.chair_says([f"Dank u wel. Dan geef ik nu het woord aan {speakers[k + 1].ref}."], Phase.MEMBERS_FIRST_TERM)
    if vice is not None and draw(st.booleans()):
        _hand_over(d, chair_m, Phase.MEMBERS_FIRST_TERM, back=True)
    if handover == "own":
        acting = speakers[0]
        _hand_over(d, acting, Phase.MEMBERS_FIRST_TERM)
        d.chair_says([f"Dank u wel. Dan geef ik nu het woord aan {chair_m.ref}."], Phase.MEMBERS_FIRST_TERM)
        _inbreng(draw, d, chair_m, speakers[1:], gov, Phase.MEMBERS_FIRST_TERM, short=False)
        _hand_over(d, chair_m, Phase.MEMBERS_FIRST_TERM, back=True)
    if suspensions and draw(st.booleans()):
        d.chair_says(["Dank u wel. Ik schors de vergadering, zodat de bewindspersonen hun antwoorden kunnen voorbereiden."],
                     Phase.MEMBERS_FIRST_TERM)  # fmt: skip
        _suspend(draw, d)
    d.chair_says([f"Het woord is aan de {gov[0].short}."], Phase.MEMBERS_FIRST_TERM)
    for k, g in enumerate(gov):
        _answer(draw, d, g, speakers, Phase.GOVERNMENT_FIRST_TERM, short=False)
        if k < len(gov) - 1:
            d.chair_says([f"Dank u wel. Dan is het woord aan de {gov[k + 1].short}."], Phase.GOVERNMENT_FIRST_TERM)

    two = draw(st.booleans()) if second_term is None else second_term
    if two:
        if suspensions and draw(st.integers(0, 2)) == 0:
            d.chair_says(["Ik schors even."], Phase.GOVERNMENT_FIRST_TERM)
            _suspend(draw, d)
        d.chair_says([f"Dan gaan we naar de tweede termijn van de Kamer. Het woord is aan {speakers[0].ref}."],
                     Phase.MEMBERS_SECOND_TERM)  # fmt: skip
        for k, m in enumerate(speakers):
            others = [x for x in speakers if x.name != m.name]
            _inbreng(draw, d, m, others, [], Phase.MEMBERS_SECOND_TERM, short=True)
            if k < len(speakers) - 1:
                d.chair_says([f"Dan is het woord aan {speakers[k + 1].ref}."], Phase.MEMBERS_SECOND_TERM)
        d.chair_says([f"Dan is het woord aan de {gov[0].short} voor de tweede termijn."], Phase.MEMBERS_SECOND_TERM)
        for k, g in enumerate(gov):
            _answer(draw, d, g, speakers, Phase.GOVERNMENT_SECOND_TERM, short=True)
            if k < len(gov) - 1:
                d.chair_says([f"Dan is het woord aan de {gov[k + 1].short}."], Phase.GOVERNMENT_SECOND_TERM)

    if commitments and draw(st.booleans()):
        _closing_list(draw, d, gov, speakers)
    d.chair_says(["Ik dank iedereen voor zijn komst en sluit de vergadering."], Phase.CLOSING)
    end = d.clock + draw(st.integers(1, 30))

    present = sorted({m.name for m in members}, key=str.casefold)
    signatories = [
        Signatory(function=f"De voorzitter van de {c}", name=draw(st.sampled_from(MEMBERS)).name) for c in committees
    ] + [Signatory(function=f"De griffier van de {committees[0]}", name=clerk)]
    meta = Meta(
        dossier=dossier,
        number=number,
        year=_year_of(date),
        kind=kind,
        date=date,
        committees=committees,
        chair=chair_m.name,
        clerk=clerk,
        members_present=present,
        members_count=len(present),
        government=[GovernmentMember(name=g.name, office=g.office, salutation=g.salutation) for g in gov],
        agenda=_agenda(draw, dossier, gov, date),
        signatories=signatories,
        start=_time(start),
        end=_time(end) if end < 24 * 60 else None,
        identifier=f"kst-{dossier}-{number}",
    )
    v = Verslag(
        meta=meta,
        turns=d.turns,
        suspensions=d.suspensions,
        chair_changes=d.chair_changes,
        interruptions=d.interruptions if structure else [],
        commitments=d.commitments if structure else [],
    )
    if not structure:
        for t in v.turns:
            t.phase = None
    return v


# --- layouts and texts ---------------------------------------------------------------------------


@st.composite
def layouts(draw: Draw, *, min_width: int = 45, max_width: int = 110) -> Layout:
    """Layouts from tidy to messy: narrow and wide pages, with and without hyphenation and footers, CRLF."""
    width = draw(st.integers(min_width, max_width))
    return Layout(
        width=width,
        width_jitter=draw(st.integers(0, min(12, width // 5))),
        hyphenate=draw(st.booleans()),
        hyphen_rate=draw(st.floats(0.0, 1.0)),
        hyphen_gap=draw(st.integers(1, 8)),
        trailing_space=draw(st.booleans()),
        page_lines=draw(st.integers(8, 80)),
        page_marks=draw(st.booleans()),
        front_page_breaks=draw(st.booleans()),
        footers=draw(st.booleans()),
        footer_rate=draw(st.floats(0.0, 1.0)),
        footer_blanks_after=draw(st.integers(0, 4)),
        stray_blank_rate=draw(st.floats(0.0, 0.3)),
        item_blank_lines=draw(st.booleans()),
        final_page_mark=draw(st.booleans()),
        line_end=draw(st.sampled_from(("\n", "\r\n"))),
        seed=draw(st.integers(0, 2**32 - 1)),
    )


def without_structure(v: Verslag) -> Verslag:
    """A copy of ``v`` without phases, interruptions, commitments and candidates (the text-level content)."""
    w = v.model_copy(deep=True)
    for t in w.turns:
        t.phase = None
    w.interruptions = []
    w.commitments = []
    w.candidates = []
    return w


def expected_parse(v: Verslag, layout: Layout | None = None, *, analyze: bool = True) -> Verslag:
    """The Verslag that ``parse_text(render_text(v, layout))`` must give.

    That is ``v`` less what the layout cannot carry (without running footers the Kamerstuk
    number and the identifier are not printed, and the dossier comes only from the agenda), with
    its structure: for a report drawn from :func:`verslagen` the phases, interruptions and
    commitments it was built with (see ``_keep_truth``); for a report without phases, what
    :func:`verslag.structure.analyze` finds in its turns.  With ``analyze=False``: no structure.
    ``verslag.compare(parse_text(text), expected)`` is empty.
    """
    lay = layout or Layout()
    w = without_structure(v)
    if not lay.footers or not (v.meta.dossier and v.meta.number):
        w.meta.number = None
        w.meta.identifier = None
        dossiers = [a.dossier for a in w.meta.agenda if a.dossier]
        w.meta.dossier = max(set(dossiers), key=dossiers.count) if dossiers else None
    if analyze:
        _analyze(w)
        if v.turns and all(t.phase is not None for t in v.turns):
            _keep_truth(w, v)
    return w


def _keep_truth(w: Verslag, v: Verslag) -> None:
    """Put the structure ``v`` was built with on ``w`` (analysed): phases, interruptions, commitments.

    What the construction does not decide comes from the analysis: the commitments made during the
    debate (``candidates``) and which of them a listed commitment repeats, and the date a
    deadline's words imply (:func:`verslag.deadlines.parse_deadline`, tested on its own).
    """
    from verslag.deadlines import parse_deadline

    for a, b in zip(w.turns, v.turns, strict=True):
        a.phase = b.phase
    w.interruptions = [x.model_copy(deep=True) for x in v.interruptions]
    found = {c.text: c for c in w.commitments}
    truth = []
    for c in v.commitments:
        t = c.model_copy(deep=True)
        if t.deadline is not None:
            t.deadline = parse_deadline(t.deadline.text, v.meta.date) or t.deadline
        same = found.get(t.text)
        t.candidate = same.candidate if same is not None else None
        truth.append(t)
    w.commitments = truth


@st.composite
def pdf_texts(draw: Draw, reports: st.SearchStrategy[Verslag] | None = None,
              layout: st.SearchStrategy[Layout] | None = None) -> tuple[str, Verslag]:  # fmt: skip
    """``(text, verslag)``: a rendered report and the Verslag that parsing the text must give."""
    v = draw(reports if reports is not None else verslagen())
    lay = draw(layout if layout is not None else layouts())
    return render_text(v, lay), expected_parse(v, lay)


@st.composite
def ob_xml(draw: Draw, reports: st.SearchStrategy[Verslag] | None = None) -> tuple[bytes, Verslag]:
    """``(xml_bytes, verslag)``: the report written as Officiële Bekendmakingen XML, and what ``read_xml`` must give.

    The Verslag is the drawn report with its structure as :func:`verslag.structure.analyze` finds
    it, so ``verslag.compare(verslag.read_xml(xml_bytes), verslag) == []``.
    """
    from verslag.api import write_xml

    v = draw(reports if reports is not None else verslagen())
    want = without_structure(v)
    _analyze(want)
    if v.turns and all(t.phase is not None for t in v.turns):
        _keep_truth(want, v)
    return write_xml(without_structure(v)), want


def _analyze(v: Verslag) -> None:
    from verslag import structure

    structure.analyze(v)
