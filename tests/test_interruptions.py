"""Interruption exchanges: who interrupts whom, the turns of the exchange, announced or not."""

from __future__ import annotations

from pathlib import Path

import pytest

import verslag
from _factory import FINANCE_HEADER
from verslag import Interruption, Phase, Verslag
from verslag.structure import analyze

MINI = Path("fixtures/text/structure")


@pytest.fixture(scope="module")
def v():
    return verslag.parse("fixtures/kst-26643-679.txt")


def mini(name: str) -> Verslag:
    return verslag.parse(MINI / f"{name}.txt")


def find(r: Verslag, interrupter: str, host: str, turn: int) -> list[Interruption]:
    return [i for i in r.interruptions if i.interrupter == interrupter and i.host == host and turn in i.turns]


def summary(r: Verslag) -> list[tuple[str, str, list[int], bool]]:
    return [(i.interrupter, i.host, i.turns, i.announced) for i in r.interruptions]


@pytest.mark.parametrize(
    ("interrupter", "host", "turn", "announced"),
    [
        ("Verhoeven", "Amhaouch", 15, True),  # 'Nu u toch even ademhaalt, is er een interruptie van de heer Verhoeven.'
        ("Buitenweg", "Amhaouch", 25, False),
        ("Weverling", "Grapperhaus", 60, True),
        ("Buitenweg", "Knops", 131, False),
        ("Verhoeven", "Keijzer", 117, False),
        ("Buitenweg", "Weverling", 6, False),  # 'In de ellenboog!': a heckle of one line
        ("Grapperhaus", "Weverling", 8, False),  # a bewindspersoon during a member's inbreng
        ("Buitenweg", "Keijzer", 76, True),
    ],
)
def test_fixture_exchanges(v, interrupter, host, turn, announced):
    hits = find(v, interrupter, host, turn)
    assert len(hits) == 1
    assert hits[0].announced is announced


def test_fixture_exchange_holds_follow_ups_replies_and_chair_turns(v):
    assert find(v, "Verhoeven", "Amhaouch", 15)[0].turns == list(range(15, 25))
    # Ends before 'Prima. Ik zou zeggen: vervolgt u uw betoog.' (32); the chair's 'Er is nog een vervolgvraag.' (27) is in.
    assert find(v, "Buitenweg", "Amhaouch", 25)[0].turns == list(range(25, 32))


def test_fixture_floor_holding_turns_are_not_inside(v):
    inside = {t for i in v.interruptions for t in i.turns}
    # Inbrengen, first answers, and what follows 'vervolgt u uw betoog' (33, 111).
    for t in (1, 5, 13, 33, 43, 74, 111, 130):
        assert t not in inside, t
    # The point of order after the chair gave the minister the floor, before he spoke, is no interruption.
    assert not inside & {39, 40, 41, 42}


def test_the_reply_that_also_resumes_is_the_last_turn_of_the_exchange(v):
    # As in VLOS, where the floor holder's answer and the resumed speech are one woordvoerder.
    assert find(v, "Buitenweg", "Grapperhaus", 54)[0].turns == [54, 55]
    assert find(v, "Buitenweg", "Knops", 131)[0].turns == [131, 132, 133, 134]
    assert 135 not in find(v, "Buitenweg", "Knops", 131)[0].turns


def test_fixture_invariants(v):
    assert len(v.interruptions) >= 25
    for i in v.interruptions:
        assert i.interrupter != i.host
        assert i.turns == sorted(i.turns)
        assert v.turns[i.turns[0]].speaker.name == i.interrupter
        assert i.phase in (Phase.MEMBERS_FIRST_TERM, Phase.GOVERNMENT_FIRST_TERM,
                           Phase.MEMBERS_SECOND_TERM, Phase.GOVERNMENT_SECOND_TERM)
        assert all(v.turns[t].phase == i.phase for t in i.turns)
    assert not any(v.turns[t].phase == Phase.COMMITMENTS for i in v.interruptions for t in i.turns)


def test_chair_announces_every_interruption():
    r = mini("chair_announces_every_interruption")
    assert summary(r) == [
        ("Schouten", "Peters", [3, 4, 5, 6, 7], True),  # with 'Een vervolgvraag van mevrouw Schouten.'
        ("Van Wijk", "Schouten", [13, 14], True),
        ("Peters", "Brouwer", [18, 19], True),
        ("Schouten", "Brouwer", [21, 22], True),  # a new announcement: a new exchange
    ]


def test_chair_announces_none():
    r = mini("chair_announces_no_interruption")
    assert summary(r) == [
        ("Willems", "Dekker", [2, 3], False),  # 'Hoor, hoor!' and the reply; 'Ik ga verder.' ends it
        ("Willems", "Dekker", [4, 5], False),
        ("Willems", "Smit", [10, 11], False),
        ("Dekker", "Smit", [12, 13], False),  # another member: another exchange
    ]


def test_interruption_by_a_bewindspersoon():
    r = mini("bewindspersoon_interrupts")
    assert summary(r) == [("Mulder", "De Boer", [2, 3], False), ("Koster", "Mulder", [8, 9], False)]


def test_two_bewindspersonen_each_host_their_own():
    r = mini("two_bewindspersonen")
    hosts = {(i.interrupter, i.host) for i in r.interruptions}
    assert ("Jansen", "De Jong") in hosts and ("Yilmaz", "Van Dijk") in hosts
    # The second term: members named by the chair one after another hold the floor, nobody interrupts.
    assert not [i for i in r.interruptions if i.phase == Phase.MEMBERS_SECOND_TERM]


def test_vlos_interruptions_are_kept():
    r = mini("two_bewindspersonen")
    given = [Interruption(interrupter="Yilmaz", host="Jansen", turns=[1])]
    r.interruptions = list(given)
    r.source_format = "vlos"
    analyze(r)
    assert r.interruptions == given
    r.source_format = "text"
    analyze(r)
    assert r.interruptions != given


# --- Handelingen XML: bare <tekst> between the spreekbeurten ---------------------------------------

XML = Path("fixtures/xml")
REAL_XML = sorted(XML.glob("h-*.xml")) + sorted((XML / "printed").glob("*.xml")) + sorted((XML / "vlos").glob("*.xml"))


@pytest.mark.parametrize("path", REAL_XML, ids=lambda p: p.name)
def test_every_exchange_of_a_real_report_has_two_named_people(path):
    """A bare <tekst> has no speaker; it must never become an interrupter or a host ('' interrupts)."""
    v = verslag.parse(path.read_bytes())
    for it in v.interruptions:
        assert it.interrupter and it.host, it
        assert all(v.turns[k].speaker.label or v.turns[k].speaker.role is not verslag.Role.OTHER
                   for k in it.turns if v.turns[k].speaker.name == it.interrupter), it


def test_handelingen_exchanges_read_by_hand():
    """h-tk-20172018-61-10 (a VAO with moties): each member's two minutes, then the answer.

    Written down from reading the report.  The chair's text after each motie is bare <tekst> ('Gaat u
    verder.', 'Het woord is aan de heer Van der Lee van GroenLinks.', 'De laatste spreker van de zijde
    van de Kamer is de heer Amhaouch ...'): procedural, so no exchange in the members' term.  In the
    answer: Paternotte's question (21-23), and Graus twice (26-32 and 33-42, the chair's short turns
    and the Staatssecretaris' replies inside).
    """
    v = verslag.read_xml((XML / "h-tk-20172018-61-10.xml").read_bytes())
    got = [(i.interrupter, i.host, i.turns[0], i.turns[-1], i.announced, i.phase) for i in v.interruptions]
    assert got == [
        ("Paternotte", "Keijzer", 22, 23, True, Phase.GOVERNMENT_FIRST_TERM),
        ("Graus", "Keijzer", 27, 32, True, Phase.GOVERNMENT_FIRST_TERM),
        ("Graus", "Keijzer", 34, 42, True, Phase.GOVERNMENT_FIRST_TERM),
    ]
    # every member's two minutes are in the members' term, and each starts after a hand-over
    members = [t.speaker.name for t in v.turns if t.phase == Phase.MEMBERS_FIRST_TERM and t.speaker.role is verslag.Role.MEMBER]
    assert list(dict.fromkeys(members)) == ["Wörsdörfer", "Paternotte", "Van der Lee", "Graus", "Amhaouch"]


SUPPORT_ROUND = """De voorzitter:
Het woord is aan de heer Klaver.

De heer Klaver (GroenLinks):
Voorzitter. Ik ontvang graag voor 18.00 uur vanavond nog een brief van de minister over de bijeenkomst.

De heer Merkies (SP):
Wij steunen het voorstel van de heer Klaver.

Mevrouw Maij (PvdA):
Volgens mij hebben we het echt volledig uitgekauwd, dus geen steun voor dit verzoek.

De heer De Caluwé (VVD):
Meestal hebben wij geen bezwaar tegen een brief, maar nodig vinden wij die nu ook weer niet.

De heer Beertema (PVV):
Daar sluiten wij ons bij aan. Geen steun.

De voorzitter:
Er is steun voor het verzoek om een brief.

De heer Klaver (GroenLinks):
Heel fijn. Dat was mijn verzoek.

De heer Merkies (SP):
Krijgt de heer Klaver daar dan ook steun van de minister voor?

De heer Klaver (GroenLinks):
Dat hoop ik.
"""


def test_reactions_to_a_request_are_no_interruptions():
    """A regeling van werkzaamheden (VLOS 2014-10-15, turns 279-287): the members say whether they support
    a member's request; none of that interrupts him.  A question about it does."""
    r = verslag.parse_text(FINANCE_HEADER + "\n" + SUPPORT_ROUND)
    got = [(i.interrupter, i.host) for i in r.interruptions]
    assert got == [("Merkies", "Klaver")]
    assert r.turns[r.interruptions[0].turns[0]].text.startswith("Krijgt de heer Klaver")


GRANTED = """De voorzitter:
Het woord is aan de heer Klaver.

De heer Klaver (GroenLinks):
Voorzitter. Ik wil het hebben over de klimaatdoelen en over de brief die de regering heeft gestuurd. {long}

De voorzitter:
Ik geef het woord aan mevrouw Ouwehand.

De heer Verheijen (VVD):
De heer Klaver sprak mij rechtstreeks aan.

De voorzitter:
Straks is er een nieuwe kans. Ik geef het woord aan mevrouw Ouwehand.

Mevrouw Ouwehand (PvdD):
De heer Klaver zei dat de doelen bindend moeten zijn. Gaat hij dan ook mee in onze motie?

De heer Klaver (GroenLinks):
Die vraag moet u aan de regering stellen.

De voorzitter:
Gaat u verder.

De heer Klaver (GroenLinks):
Ik kom tot een afronding. De regering moet die brief nu echt eens sturen.

De voorzitter:
Dan is het woord aan mevrouw Maij.

Mevrouw Maij (PvdA):
Dank u wel, voorzitter. De heer Klaver sprak over de doelen. Ik wil het over de banken hebben. {long}
"""


def test_a_member_given_the_floor_who_speaks_about_the_holder_interrupts():
    """VLOS 2014-10-15, turns 7-14: 'Ik geef het woord aan mevrouw Ouwehand.' in the heer Pechtold's inbreng,
    and she opens with 'De heer Pechtold zei dat …', he answers and goes on after 'Gaat u verder.': an
    interruption.  Mevrouw Maij, given the floor and opening with thanks, gives her inbreng."""
    long = " ".join(["Dat is een belangrijk punt voor onze fractie."] * 20)
    r = verslag.parse_text(FINANCE_HEADER + "\n" + GRANTED.format(long=long))
    hosts = [(i.interrupter, i.host) for i in r.interruptions]
    assert ("Ouwehand", "Klaver") in hosts
    assert not any(i.interrupter == "Maij" or i.host == "Maij" for i in r.interruptions)
    assert not any(i.host == "Ouwehand" for i in r.interruptions)
