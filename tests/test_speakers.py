"""Speaker resolution: mentions in running text resolve to the people of the report's header."""

from __future__ import annotations

import datetime as dt

import pytest

import verslag
from verslag import GovernmentMember, Meta, Role, Speaker, Turn, Verslag
from verslag.speakers import expand_ministry, fold, roster


def _report() -> Verslag:
    meta = Meta(
        date=dt.date(2020, 3, 11),
        chair="Diks",
        members_present=["Amhaouch", "Buitenweg", "Diks", "Van Otterloo", "Verhoeven", "Weverling"],
        government=[
            GovernmentMember(name="Grapperhaus", office="Minister van Justitie en Veiligheid", salutation="de heer"),
            GovernmentMember(name="Keijzer", office="Staatssecretaris van Economische Zaken en Klimaat", salutation="mevrouw"),
            GovernmentMember(name="Knops", office="Minister van Binnenlandse Zaken en Koninkrijksrelaties", salutation="de heer"),
        ],
    )
    turns = [
        Turn(speaker=Speaker(label="De heer Verhoeven (D66)", name="Verhoeven", party="D66", role=Role.MEMBER), paragraphs=["x"]),
        Turn(speaker=Speaker(label="De heer Amhaouch (CDA)", name="Amhaouch", party="CDA", role=Role.MEMBER), paragraphs=["x"]),
    ]
    return Verslag(meta=meta, turns=turns)


@pytest.fixture(scope="module")
def people():
    return roster(_report())


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("meneer Amhaouch", "Amhaouch"),
        ("collega Keijzer", "Keijzer"),
        ("de heer Verhoeven van D66", "Verhoeven"),
        ("de heer Amhaouch van de CDA-fractie", "Amhaouch"),
        ("de Minister van Justitie en Veiligheid", "Grapperhaus"),
        ("de Minister van BZK", "Knops"),
        ("de Minister van J&V", "Grapperhaus"),
        ("Staatssecretaris van EZK", "Keijzer"),
        ("de Minister van Justitie", "Grapperhaus"),  # the usual short form of the office
        ("Minister Grapperhaus", "Grapperhaus"),
        ("de staatssecretaris", "Keijzer"),  # the only one present
        ("de heer van Otterloo", "Van Otterloo"),
        ("Amhaoch", "Amhaouch"),  # a typo
    ],
)
def test_mentions_resolve_to_the_people_of_the_header(people, mention, name):
    res = people.resolve(mention)
    assert res is not None, mention
    assert res.name == name
    assert 0 < res.score <= 1
    assert res.reason


@pytest.mark.parametrize(
    "mention",
    [
        "de Minister voor Rechtsbescherming",  # not present
        "de Minister van Economische Zaken en Klimaat",  # the ministry of Keijzer, but she is staatssecretaris
        "de minister",  # two ministers present: do not guess
        "de heer Verhoeven van de VVD",  # the party contradicts the name
        "mevrouw Jansen",
        "",
    ],
)
def test_what_matches_nobody_stays_unresolved(people, mention):
    assert people.resolve(mention) is None


def test_kind_restricts_the_search(people):
    assert people.resolve("collega Keijzer", kind="member") is None
    assert people.resolve("de heer Verhoeven", kind="government") is None


def test_find_mentions_in_running_text(people):
    text = ("Het woord is aan de heer Amhaouch van de CDA-fractie. Ik sluit me aan bij collega Keijzer. "
            "Ik kijk naar de Minister van BZK, van Binnenlandse Zaken en Koninkrijksrelaties.")
    got = [m.resolution.name for m in people.find(text) if m.resolution]
    assert got == ["Amhaouch", "Keijzer", "Knops"]


def test_ministry_abbreviations_and_folding():
    assert expand_ministry("BZK") == "Binnenlandse Zaken en Koninkrijksrelaties"
    assert expand_ministry("J&V") == "Justitie en Veiligheid"
    assert expand_ministry("Financiën") == "Financiën"
    assert fold("Van  Öztürk") == "van ozturk"


def test_roster_of_the_fixture_has_everyone_once():
    v = verslag.parse("fixtures/kst-26643-679.txt")
    people = roster(v)
    names = sorted(p.name for p in people.people)
    assert names == sorted(["Amhaouch", "Buitenweg", "Diks", "Van Otterloo", "Verhoeven", "Weverling",
                            "Grapperhaus", "Keijzer", "Knops"])
    assert people.get("Verhoeven").party == "D66"


def test_the_salutation_tells_two_people_of_one_name_apart_and_a_slip_costs_score() -> None:
    from verslag.speakers import Person, Roster

    both = Roster([
        Person("Keijzer", "member", salutation="de heer", party="CDA"),
        Person("Keijzer", "government", salutation="mevrouw", office="Staatssecretaris van Economische Zaken en Klimaat"),
    ])  # fmt: skip
    she, he = both.resolve("mevrouw Keijzer"), both.resolve("meneer Keijzer")
    assert she is not None and (she.kind, she.score) == ("government", 1.0)
    assert he is not None and (he.kind, he.score) == ("member", 1.0)
    assert both.resolve("Keijzer") is None  # two people of that name, nothing to tell them apart
    one = Roster([Person("Keijzer", "government", salutation="mevrouw", office="Staatssecretaris van EZK")])
    slip = one.resolve("de heer Keijzer")
    assert slip is not None and slip.name == "Keijzer" and slip.score < 1.0 and "salutation differs" in slip.reason


def test_members_get_their_salutation_from_the_label() -> None:
    from verslag.speakers import roster

    v = verslag.parse_text("De voorzitter:\nJa.\n\nMevrouw Buitenweg (GroenLinks):\nNee.\n\nDe heer Verhoeven (D66):\nJa.\n")
    people = {p.name: p.salutation for p in roster(v).people}
    assert people["Buitenweg"] == "mevrouw" and people["Verhoeven"] == "de heer"
