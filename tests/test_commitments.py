"""The chair's closing list of toezeggingen and the promises made during the debate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import verslag
from verslag import Commitment, CommitmentStatus, Precision, Role, Speaker, Turn, Verslag
from verslag.commitments import find_candidates, find_list_start, is_list_turn, split_items
from verslag.structure import analyze

MINI = Path("fixtures/text/structure")


@pytest.fixture(scope="module")
def v():
    return verslag.parse("fixtures/kst-26643-679.txt")


def mini(name: str) -> Verslag:
    return verslag.parse(MINI / f"{name}.txt")


def one(r: Verslag, word: str) -> Commitment:
    hits = [c for c in r.commitments if word.lower() in c.text.lower()]
    assert len(hits) == 1, (word, [c.text for c in r.commitments])
    return hits[0]


def deadline(c: Commitment) -> tuple[str, dt.date | None, Precision | None] | None:
    return None if c.deadline is None else (c.deadline.text, c.deadline.date, c.deadline.precision)


# -- the fixture: seven items read out, one withdrawn, one amended, one added from the floor --------

def test_fixture_list_in_order(v):
    words = ["Mozilla", "auto-industrie", "Clearview", "Stratix", "zeekabels", "IPv6", "klimaatproblematiek", "CPB"]
    assert [next(w for w in words if w.lower() in c.text.lower()) for c in v.commitments] == words


@pytest.mark.parametrize(
    ("word", "by", "to", "status", "turns", "when"),
    [
        ("Mozilla", "Grapperhaus", "Buitenweg", "listed", [166], ("Binnen vier weken", dt.date(2020, 4, 8), Precision.DAY)),
        ("auto-industrie", "Keijzer", None, "withdrawn", [166, 167, 168], None),
        ("Clearview", "Knops", "Verhoeven", "listed", [168], ("zo spoedig mogelijk", None, None)),
        ("Stratix", "Knops", None, "listed", [168], None),
        ("zeekabels", "Keijzer", "Verhoeven", "listed", [168], None),
        ("IPv6", "Keijzer", "Weverling", "amended", [168, 170, 171], None),
        ("klimaatproblematiek", "Keijzer", "Buitenweg", "listed", [168], ("Voor de zomer", dt.date(2020, 7, 2), Precision.WEEK)),
        ("CPB", "Keijzer", "Amhaouch", "added", [169, 171, 172], None),
    ],
)
def test_fixture_items(v, word, by, to, status, turns, when):
    c = one(v, word)
    assert (c.by, c.to, c.status.value, c.turns, deadline(c)) == (by, to, status, turns, when)


def test_fixture_item_texts_are_clean(v):
    c = one(v, "Clearview")  # runs over a blank line in the report
    assert c.text == ("De Minister van BZK zal de Kamer zo spoedig mogelijk informeren over het gebruik van Clearview "
                      "door overheidsdiensten; dat is een toezegging aan de heer Verhoeven.")
    assert not one(v, "auto-industrie").text.startswith("–")
    assert one(v, "IPv6").amendment == "het gaat om een reactie op Kamervragen."
    assert one(v, "CPB").text.startswith("We zouden ook het onderzoek van het CPB")


def test_fixture_candidates_and_links(v):
    texts = [c.text for c in v.candidates]
    assert any(t.startswith("Het zal een brief met een hoog technisch karakter worden, maar ik wil hier wel toezeggen") for t in texts)
    assert "Ik zal u dat onderzoek toezenden." in texts
    assert "Die brief zal ik u binnen vier weken na vandaag toesturen." in texts
    # Someone else's promise is no candidate: 'Daar zal collega Dekker nader op terugkomen bij uw Kamer.'
    assert not any("collega Dekker" in t for t in texts)
    for c in v.candidates:
        assert v.turns[c.turn].speaker.name == c.by and 0 < c.score <= 1
    link = {w: v.candidates[one(v, w).candidate].text for w in ("Mozilla", "Stratix", "klimaatproblematiek")}
    assert link == {"Mozilla": "Die brief zal ik u binnen vier weken na vandaag toesturen.",
                    "Stratix": "Ik zal u dat onderzoek toezenden.",
                    "klimaatproblematiek": "Die krijgt u voor de zomer."}
    linked = [c.candidate for c in v.commitments if c.candidate is not None]
    assert len(linked) == len(set(linked))  # one to one


# -- mini reports ------------------------------------------------------------------------------

def test_list_without_interjections():
    r = mini("list_without_interjections")
    got = [(c.by, c.to, c.status.value, deadline(c)) for c in r.commitments]
    assert got == [
        ("Dijkstra", "Bakker", "listed", ("binnen zes weken", dt.date(2022, 12, 28), Precision.DAY)),
        ("Hoekstra", None, "listed", ("in het eerste kwartaal van 2023", dt.date(2023, 3, 31), Precision.QUARTER)),
        # 'De Kamer ontvangt …': by from the promise it repeats; made to two members, so to nobody.
        ("Hoekstra", None, "listed", ("voor het kerstreces", dt.date(2022, 12, 22), Precision.WEEK)),
        ("Dijkstra", None, "listed", ("zo spoedig mogelijk", None, None)),  # 'De Minister': the only minister
    ]
    # An item over a stray blank line is one item; the chair's closing words are not part of the last one.
    assert r.commitments[1].text.endswith("in het eerste kwartaal van 2023 over de uitkomsten van de pilot met de deelscooters.")
    assert r.commitments[3].text.endswith("informeert de Kamer zo spoedig mogelijk.")


def test_commissiedebat_list_with_withdrawal_and_addition():
    r = mini("commissiedebat_list")
    got = [(c.by, c.to, c.status.value, c.turns) for c in r.commitments]
    assert got == [
        ("De Wit", None, "withdrawn", [8, 9, 10]),  # 'De brief … is vorige week al naar de Kamer gegaan.' / 'Dan vervalt die toezegging.'
        ("Van Rijn", "Peeters", "listed", [8]),  # 'naar aanleiding van een vraag van het lid Peeters'
        ("De Wit", None, "listed", [8]),
        ("Van Rijn", "Peeters", "added", [11, 12, 13]),
    ]
    added = r.commitments[3]
    assert added.text == "De toezegging over de korting op de uitkering van mantelzorgers."  # the request, less "ik mis nog"
    assert deadline(added) == ("na de zomer", None, None)  # from the staatssecretaris's acceptance


def test_one_item_and_interrupted_members():
    r = mini("bewindspersoon_interrupts")
    assert [(c.by, c.to, deadline(c)) for c in r.commitments] == [
        ("Mulder", None, ("in het najaar", dt.date(2021, 11, 30), Precision.SEASON))
    ]


def test_without_a_closing_list():
    for name in ("no_closing_list", "chair_announces_no_interruption", "one_term_wetgevingsoverleg"):
        r = mini(name)
        assert r.commitments == [], name
        assert any(d.code == "V401" for d in r.diagnostics), name
    r = mini("no_closing_list")
    assert [c.text for c in r.candidates] == [
        "Ik zeg toe dat ik de Kamer na de zomer informeer over een compensatie voor kleine werkgevers."
    ]


def test_two_bewindspersonen_list():
    r = mini("two_bewindspersonen")
    assert [(c.by, c.to) for c in r.commitments] == [("De Jong", None), ("Van Dijk", "Yilmaz")]
    assert all(c.candidate is not None for c in r.commitments)


# -- the rules one by one ----------------------------------------------------------------------

CHAIR = Speaker(label="De voorzitter", name="V", role=Role.CHAIR)
MEMBER = Speaker(label="De heer A (D66)", name="A", party="D66", role=Role.MEMBER)
MINISTER = Speaker(label="Minister M", name="M", role=Role.MINISTER, office="Minister van Financiën")


def test_split_items_joins_a_stray_paragraph_and_keeps_remarks():
    pieces = split_items(["Ik heb de volgende toezeggingen genoteerd.", "– De Minister zal de Kamer informeren",
                          "over de begroting.", "– De Minister stuurt een brief.", "Tot zover de toezeggingen."])
    assert pieces == [("remark", "Ik heb de volgende toezeggingen genoteerd."),
                      ("item", "– De Minister zal de Kamer informeren over de begroting."),
                      ("item", "– De Minister stuurt een brief."),
                      ("remark", "Tot zover de toezeggingen.")]
    inline = split_items(["Dan de toezeggingen. – De Minister stuurt een brief. – De Minister belt de burgemeester."])
    assert [k for k, _ in inline] == ["remark", "item", "item"]


def _report(chair_text: str, *later: tuple[Speaker, str]) -> Verslag:
    turns = [Turn(speaker=MEMBER, paragraphs=["Inbreng. " * 60]),
             Turn(speaker=MINISTER, paragraphs=["Antwoord. " * 250]),
             Turn(speaker=CHAIR, paragraphs=chair_text.split("\n")),
             *[Turn(speaker=s, paragraphs=[t]) for s, t in later]]
    r = Verslag(turns=turns)
    analyze(r)
    return r


@pytest.mark.parametrize(
    "text",
    ["Er zijn geen toezeggingen gedaan.\n– De Minister stuurt een brief.",
     "Ik wijs op de openstaande toezeggingen.\n– De Minister stuurt een brief."],
)
def test_negated_and_earlier_lists_do_not_open_the_list(text):
    r = _report(text)
    assert find_list_start(r, 2) is None and r.commitments == []


def test_list_without_a_formula_but_with_items():
    r = _report("Dank u wel.\n– De Minister stuurt de Kamer binnen twee weken een brief over de begroting.")
    assert [c.by for c in r.commitments] == ["M"]


def test_rejected_addition_is_not_added():
    r = _report("Ik heb de volgende toezeggingen genoteerd.\n– De Minister stuurt de Kamer een brief over de begroting.",
                (MEMBER, "We zouden ook een brief over de belastingen krijgen."),
                (MINISTER, "Nee, dat kan ik niet toezeggen."))
    assert [c.status for c in r.commitments] == [CommitmentStatus.LISTED]


def test_is_list_turn():
    assert is_list_turn("– De Minister stuurt een brief.")
    assert is_list_turn("Die toezegging kan dus weg.")
    assert not is_list_turn("Prima, helemaal goed. Ik dank u allen hartelijk en sluit deze vergadering.")


def test_candidates_skip_negated_and_supposed_promises():
    r = Verslag(turns=[Turn(speaker=MINISTER, paragraphs=[
        "Dat kan ik niet toezeggen. Als het aan mij lag, zou ik dat toezeggen. Ik zal u die brief sturen. "
        "Daar zal collega Dekker op terugkomen. Maar ik zeg nadrukkelijk toe – echt – dat we terugkomen."])])
    assert [c.text for c in find_candidates(r)] == [
        "Ik zal u die brief sturen.", "Maar ik zeg nadrukkelijk toe – echt – dat we terugkomen."]


def test_a_remark_about_a_listed_item_adds_nothing():
    r = _report("Ik heb de volgende toezeggingen genoteerd.\n– De Minister stuurt de Kamer een brief over de begroting.",
                (MEMBER, "De toezegging over de begroting was ook aan mij gedaan."),
                (MINISTER, "Ja, dat klopt."))
    assert [(c.status, c.turns) for c in r.commitments] == [(CommitmentStatus.LISTED, [2, 3, 4])]
