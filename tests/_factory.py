"""Hand-built Verslag objects for the research-tool tests (no parser needed).

The debate is invented but has every phenomenon the tools render: a chair, members of two parties,
a minister and a staatssecretaris, all phases, two interruption exchanges (one announced), a
suspension, a chair change and a closing list with every commitment status.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import verslag
from verslag import (
    AgendaItem,
    ChairChange,
    Commitment,
    CommitmentStatus,
    Deadline,
    GovernmentMember,
    Interruption,
    Meta,
    Phase,
    Precision,
    Role,
    Speaker,
    Suspension,
    Turn,
)

#: The front matter of a small commissiedebat of the vaste commissie voor Financiën: three members
#: present, a Minister and a Staatssecretaris.  Tests append a body to it.
FINANCE_HEADER = """\
De vaste commissie voor Financiën heeft op 3 februari 2021 overleg gevoerd met de heer Hoekstra, Minister van \
Financiën, en de heer Snel, Staatssecretaris van Financiën, over:
– de brief van de Minister van Financiën d.d. 1 februari 2021 inzake de toeslagen (Kamerstuk 31 066, nr. 900).

Voorzitter: Agema
Griffier: Post

Aanwezig zijn drie leden der Kamer, te weten: Agema, Omtzigt en Westerveld,

en de heer Hoekstra, Minister van Financiën, en de heer Snel, Staatssecretaris van Financiën.

Aanvang 10.00 uur.
"""

CHAIR = Speaker(label="De voorzitter", name="Jansen", role=Role.CHAIR, prefix="De voorzitter")
BAKKER = Speaker(label="De heer Bakker (D66)", name="Bakker", party="D66", role=Role.MEMBER, prefix="De heer")
VAN_DIJK = Speaker(
    label="Mevrouw Van Dijk (GroenLinks)", name="Van Dijk", party="GroenLinks", role=Role.MEMBER, prefix="Mevrouw"
)
DE_VRIES = Speaker(
    label="Minister De Vries",
    name="De Vries",
    role=Role.MINISTER,
    prefix="Minister",
    office="Minister van Justitie en Veiligheid",
)
SMIT = Speaker(
    label="Staatssecretaris Smit",
    name="Smit",
    role=Role.STATE_SECRETARY,
    prefix="Staatssecretaris",
    office="Staatssecretaris van Economische Zaken en Klimaat",
)


def _turn(speaker: Speaker, paragraphs: list[str], line: int, phase: Phase | None) -> Turn:
    spans = []
    at = line + 1
    for p in paragraphs:
        n = max(1, len(p) // 70 + 1)
        spans.append((at, at + n - 1))
        at += n
    # A copy per turn: tests change speakers in place and must not touch other turns or tests.
    return Turn(speaker=speaker.model_copy(), paragraphs=paragraphs, lines=(line, at - 1), paragraph_lines=spans, phase=phase)


def make_verslag(*, structure: bool = True) -> verslag.Verslag:
    """A small but complete debate; ``structure=False`` leaves phases, interruptions and commitments empty."""
    p = Phase
    script: list[tuple[Speaker, list[str], Phase]] = [
        (CHAIR, ["Welkom bij dit commissiedebat. Ik geef het woord aan de heer Bakker."], p.OPENING),  # 0
        (BAKKER, ["Voorzitter. Ik begin met cybersecurity.", "Hoe staat het met de <meldplicht> & de \"regels\"?"],
         p.MEMBERS_FIRST_TERM),  # 1
        (CHAIR, ["Er is een interruptie van mevrouw Van Dijk."], p.MEMBERS_FIRST_TERM),  # 2
        (VAN_DIJK, ["Vindt de heer Bakker ook dat het sneller moet?"], p.MEMBERS_FIRST_TERM),  # 3
        (BAKKER, ["Ja, zeker."], p.MEMBERS_FIRST_TERM),  # 4
        (BAKKER, ["Dan mijn laatste punt: de datadeling. " + "Dit is een lange zin over data. " * 40],
         p.MEMBERS_FIRST_TERM),  # 5
        (CHAIR, ["Dan mevrouw Van Dijk."], p.MEMBERS_FIRST_TERM),  # 6
        (VAN_DIJK, ["Ik heb een vraag over de AI-verordening."], p.MEMBERS_FIRST_TERM),  # 7
        (DE_VRIES, ["Voorzitter. Ik zal de Kamer binnen vier weken een brief sturen."], p.GOVERNMENT_FIRST_TERM),  # 8
        (BAKKER, ["Kan de minister dat toezeggen?"], p.GOVERNMENT_FIRST_TERM),  # 9
        (DE_VRIES, ["Dat zeg ik toe."], p.GOVERNMENT_FIRST_TERM),  # 10
        (DE_VRIES, ["Dan het tweede blok."], p.GOVERNMENT_FIRST_TERM),  # 11
        (SMIT, ["Voor de zomer krijgt u een brief over datadeling."], p.GOVERNMENT_FIRST_TERM),  # 12
        (BAKKER, ["Dank voor de antwoorden."], p.MEMBERS_SECOND_TERM),  # 13
        (SMIT, ["Graag gedaan."], p.GOVERNMENT_SECOND_TERM),  # 14
        (CHAIR, ["Ik lees de toezeggingen voor."], p.COMMITMENTS),  # 15
        (CHAIR, ["Ik sluit de vergadering."], p.CLOSING),  # 16
    ]
    turns = []
    line = 60
    for speaker, paras, phase in script:
        t = _turn(speaker, paras, line, phase if structure else None)
        turns.append(t)
        line = t.lines[1] + 2
    meta = Meta(
        dossier="12345",
        number="67",
        year="2019-2020",
        kind="commissiedebat",
        date=dt.date(2020, 3, 11),
        committees=["vaste commissie voor Digitale Zaken"],
        chair="Jansen",
        clerk="Pietersen",
        members_present=["Bakker", "Jansen", "Van Dijk"],
        members_count=3,
        government=[
            GovernmentMember(name="De Vries", office="Minister van Justitie en Veiligheid", salutation="de heer"),
            GovernmentMember(name="Smit", office="Staatssecretaris van Economische Zaken en Klimaat",
                             salutation="mevrouw"),
        ],
        agenda=[AgendaItem(text="de brief van de Staatssecretaris d.d. 1 maart 2020 inzake datadeling",
                           dossier="12345", number="60", date=dt.date(2020, 3, 1))],
        start=dt.time(16, 4),
        end=dt.time(19, 24),
        identifier="kst-12345-67",
    )
    v = verslag.Verslag(meta=meta, turns=turns, source_format="model")
    v.suspensions = [
        Suspension(text="De vergadering wordt van 17.25 uur tot 17.42 uur geschorst.", start=dt.time(17, 25),
                   end=dt.time(17, 42), after_turn=7, lines=(turns[7].lines[1] + 1, turns[7].lines[1] + 1)),
    ]
    v.chair_changes = [ChairChange(name="Bakker", text="Voorzitter: Bakker", after_turn=12)]
    if structure:
        v.interruptions = [
            Interruption(interrupter="Van Dijk", host="Bakker", turns=[3, 4], announced=True,
                         phase=Phase.MEMBERS_FIRST_TERM),
            Interruption(interrupter="Bakker", host="De Vries", turns=[9, 10], announced=False,
                         phase=Phase.GOVERNMENT_FIRST_TERM),
        ]
        v.commitments = [
            Commitment(text="Binnen vier weken stuurt de minister een brief over de meldplicht.", by="De Vries",
                       to="Bakker", deadline=Deadline(text="Binnen vier weken", date=dt.date(2020, 4, 8),
                                                      precision=Precision.DAY), turns=[15]),
            Commitment(text="Voor de zomer een brief over datadeling.", by="Smit", to="Van Dijk",
                       deadline=Deadline(text="Voor de zomer", date=dt.date(2020, 6, 21), precision=Precision.SEASON),
                       status=CommitmentStatus.AMENDED, amendment="het gaat om Kamervragen", turns=[15]),
            Commitment(text="Een brief over <IPv6> & zo.", by="Smit", status=CommitmentStatus.WITHDRAWN),
            Commitment(text="Het CPB-onderzoek naar de Kamer sturen.", by=None, status=CommitmentStatus.ADDED),
        ]
    return v


FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "kst-26643-679.txt"


@lru_cache(maxsize=1)
def parsed_fixture() -> verslag.Verslag:
    """The bundled committee report, parsed once per test process (do not modify it)."""
    return verslag.parse(FIXTURE)


#: Elements HTML closes itself; everything else must be closed explicitly in our output.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def unbalanced_tags(html: str) -> list[str]:
    """Problems with the nesting of tags in ``html`` (empty: every element is closed in order)."""

    class Checker(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.stack: list[str] = []
            self.problems: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in _VOID:
                self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            if tag in _VOID:
                return
            if not self.stack or self.stack[-1] != tag:
                self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'} at {self.getpos()}")
                if tag in self.stack:
                    while self.stack.pop() != tag:
                        pass
                return
            self.stack.pop()

    c = Checker()
    c.feed(html)
    c.close()
    return c.problems + [f"<{t}> never closed" for t in c.stack]
