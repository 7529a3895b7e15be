"""Deadlines of commitments: the words, and a date counted from the meeting only where one follows."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verslag import Precision
from verslag.deadlines import find_deadlines, parse_deadline

MEETING = dt.date(2020, 3, 11)  # a Wednesday
D = dt.date
DAY, WEEK, MONTH, QUARTER, SEASON, HALF, YEAR = (
    Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.QUARTER, Precision.SEASON, Precision.HALF_YEAR, Precision.YEAR,
)

# (text as a chair or bewindspersoon says it, meeting date, words found, latest date, precision)
CASES = [
    # periods counted from the meeting: 'binnen' is an exact bound, 'over' as exact as its unit
    ("Binnen vier weken zal de Minister een brief sturen", MEETING, "Binnen vier weken", D(2020, 4, 8), DAY),
    ("binnen twee à drie weken", MEETING, "binnen twee à drie weken", D(2020, 4, 1), DAY),
    ("binnen een maand", MEETING, "binnen een maand", D(2020, 4, 11), DAY),
    ("binnen drie werkdagen", MEETING, "binnen drie werkdagen", D(2020, 3, 16), DAY),
    ("binnen een halfjaar", MEETING, "binnen een halfjaar", D(2020, 9, 11), DAY),
    ("De evaluatie komt over een halfjaar naar de Kamer.", MEETING, "over een halfjaar", D(2020, 9, 11), MONTH),
    ("over drie maanden", MEETING, "over drie maanden", D(2020, 6, 11), MONTH),
    ("over twee weken", MEETING, "over twee weken", D(2020, 3, 25), WEEK),
    ("Die brief zal ik u binnen vier weken na vandaag toesturen.", MEETING, "binnen vier weken na vandaag", D(2020, 4, 8), DAY),
    # counted from another event: from the end of the summer recess (Monday 31 August 2020), or no date
    ("binnen twee weken na de zomer", MEETING, "binnen twee weken na de zomer", D(2020, 9, 14), WEEK),
    ("binnen vier weken na ontvangst van het rapport", MEETING, "binnen vier weken na ontvangst van het rapport", None, None),
    ("binnen een maand na de inwerkingtreding van de wet een evaluatie", MEETING,
     "binnen een maand na de inwerkingtreding van de wet", None, None),
    ("De evaluatie volgt drie maanden na de inwerkingtreding.", MEETING, "drie maanden na de inwerkingtreding", None, None),
    ("binnen twee weken nadat het rapport is verschenen, stuurt de Minister", MEETING,
     "binnen twee weken nadat het rapport is verschenen", None, None),
    ("twee weken na Prinsjesdag", MEETING, "twee weken na Prinsjesdag", D(2020, 9, 29), DAY),
    # months: a month already past this year is next year's
    ("de Kamer uiterlijk eind maart informeren", MEETING, "uiterlijk eind maart", D(2020, 3, 31), MONTH),
    ("voor april", MEETING, "voor april", D(2020, 3, 31), MONTH),
    ("voor 1 juni", MEETING, "voor 1 juni", D(2020, 5, 31), DAY),
    ("uiterlijk 1 juni", MEETING, "uiterlijk 1 juni", D(2020, 6, 1), DAY),
    ("niet later dan 1 juni", MEETING, "niet later dan 1 juni", D(2020, 6, 1), DAY),
    ("voor 1 januari 2021", MEETING, "voor 1 januari 2021", D(2020, 12, 31), DAY),
    ("in februari", MEETING, "in februari", D(2021, 2, 28), MONTH),
    ("begin maart", MEETING, "begin maart", D(2021, 3, 10), MONTH),
    ("eind maart volgend jaar", MEETING, "eind maart volgend jaar", D(2021, 3, 31), MONTH),
    # quarters, halves, years — said relative to the meeting
    ("in het eerste kwartaal van 2023", MEETING, "in het eerste kwartaal van 2023", D(2023, 3, 31), QUARTER),
    ("in het eerste kwartaal van volgend jaar", MEETING, "in het eerste kwartaal van volgend jaar", D(2021, 3, 31), QUARTER),
    ("in het vierde kwartaal van dit jaar", MEETING, "in het vierde kwartaal van dit jaar", D(2020, 12, 31), QUARTER),
    ("in de eerste helft van 2021", MEETING, "in de eerste helft van 2021", D(2021, 6, 30), HALF),
    ("in de tweede helft van volgend jaar", MEETING, "in de tweede helft van volgend jaar", D(2021, 12, 31), HALF),
    ("voor het einde van het jaar", MEETING, "voor het einde van het jaar", D(2020, 12, 31), YEAR),
    ("Er komt nog dit jaar een wetsvoorstel.", MEETING, "nog dit jaar", D(2020, 12, 31), YEAR),
    ("eind dit jaar", MEETING, "eind dit jaar", D(2020, 12, 31), MONTH),
    ("begin volgend jaar", MEETING, "begin volgend jaar", D(2021, 3, 31), QUARTER),
    ("medio volgend jaar", MEETING, "medio volgend jaar", D(2021, 6, 30), HALF),
    ("medio 2021", MEETING, "medio 2021", D(2021, 6, 30), HALF),
    ("in de loop van volgend jaar", MEETING, "in de loop van volgend jaar", D(2021, 12, 31), YEAR),
    ("in de loop van het jaar", MEETING, "in de loop van het jaar", D(2020, 12, 31), YEAR),
    # seasons
    ("De Staatssecretaris komt in het najaar met een voortgangsrapportage.", MEETING, "in het najaar", D(2020, 11, 30), SEASON),
    ("in het voorjaar van 2021", MEETING, "in het voorjaar van 2021", D(2021, 5, 31), SEASON),
    ("volgend voorjaar", MEETING, "volgend voorjaar", D(2021, 5, 31), SEASON),  # this spring has begun
    ("komend najaar", MEETING, "komend najaar", D(2020, 11, 30), SEASON),
    ("voor de winter", MEETING, "voor de winter", D(2020, 11, 30), SEASON),
    ("in de winter", D(2020, 1, 15), "in de winter", D(2020, 2, 29), SEASON),  # the winter we are in
    # recesses: 'voor' is the last sitting day before it begins
    ("– De Minister stuurt voor de zomer een brief over de pilot aan de Kamer.", MEETING, "voor de zomer", D(2020, 7, 2), WEEK),
    ("voor het zomerreces", MEETING, "voor het zomerreces", D(2020, 7, 2), WEEK),
    ("voor de zomer van volgend jaar", MEETING, "voor de zomer van volgend jaar", D(2021, 7, 1), WEEK),
    ("in het zomerreces", MEETING, "in het zomerreces", D(2020, 8, 31), WEEK),
    ("voor de zomer", D(2020, 8, 1), "voor de zomer", D(2021, 7, 1), WEEK),  # said in the recess: next year's
    ("voor het kerstreces", MEETING, "voor het kerstreces", D(2020, 12, 17), WEEK),
    ("voor de kerst", MEETING, "voor de kerst", D(2020, 12, 24), WEEK),
    ("voor Pasen", MEETING, "voor Pasen", D(2020, 4, 11), WEEK),
    ("voor het meireces", MEETING, "voor het meireces", D(2020, 4, 23), MONTH),
    ("voor het voorjaarsreces", MEETING, "voor het voorjaarsreces", D(2021, 2, 18), MONTH),
    ("voor het reces", MEETING, "voor het reces", D(2020, 4, 23), MONTH),  # the next one: the meireces
    # the budget cycle
    ("voor Prinsjesdag", MEETING, "voor Prinsjesdag", D(2020, 9, 14), DAY),
    ("rond Prinsjesdag", MEETING, "rond Prinsjesdag", D(2020, 9, 15), WEEK),
    ("met de Miljoenennota", MEETING, "met de Miljoenennota", D(2020, 9, 15), DAY),
    ("met de begroting 2021", MEETING, "met de begroting 2021", D(2020, 9, 15), DAY),
    ("bij de begroting 2021", MEETING, "bij de begroting 2021", D(2020, 12, 17), QUARTER),
    ("voor de begrotingsbehandeling", MEETING, "voor de begrotingsbehandeling", D(2020, 12, 17), QUARTER),
    ("voor de begrotingsbehandeling", D(2020, 12, 18), "voor de begrotingsbehandeling", D(2021, 12, 16), QUARTER),
    ("voor de Voorjaarsnota", MEETING, "voor de Voorjaarsnota", D(2020, 5, 31), MONTH),
    ("bij de Najaarsnota", MEETING, "bij de Najaarsnota", D(2020, 12, 1), MONTH),
    # negated, or not a deadline by that date
    ("De wet treedt niet voor de zomer in werking.", MEETING, "niet voor de zomer", None, None),
    ("niet eerder dan in het najaar", MEETING, "niet eerder dan in het najaar", None, None),
    ("op zijn vroegst in 2021", MEETING, "op zijn vroegst in 2021", None, None),
    ("Na de zomer ontvangt de Kamer de evaluatie.", MEETING, "Na de zomer", None, None),
    ("Eerder dit jaar stuurde ik u een brief.", MEETING, "Eerder dit jaar", None, None),
    ("bij de volgende voortgangsrapportage", MEETING, "bij de volgende voortgangsrapportage", None, None),
    ("voor het volgende commissiedebat", MEETING, "voor het volgende commissiedebat", None, None),
    # a period before a 'voor …' is counted back from it
    ("twee weken voor de zomer", MEETING, "twee weken voor de zomer", D(2020, 6, 19), WEEK),
    ("een week voor Prinsjesdag", MEETING, "een week voor Prinsjesdag", D(2020, 9, 8), DAY),
    # ranges and parts of months take the latest date; 'rond' a day is about then
    ("in september of oktober", MEETING, "in september of oktober", D(2020, 10, 31), MONTH),
    ("in de tweede helft van september", MEETING, "in de tweede helft van september", D(2020, 9, 30), MONTH),
    ("rond 1 juli", MEETING, "rond 1 juli", D(2020, 7, 1), WEEK),
    ("begin volgende maand", MEETING, "begin volgende maand", D(2020, 4, 10), MONTH),
    ("in het jaar 2021", MEETING, "in het jaar 2021", D(2021, 12, 31), YEAR),
    ("aan het begin van volgend jaar", MEETING, "aan het begin van volgend jaar", D(2021, 3, 31), QUARTER),
    ("voor het eind van dit kalenderjaar", MEETING, "voor het eind van dit kalenderjaar", D(2020, 12, 31), YEAR),
    ("eind dit kwartaal", MEETING, "eind dit kwartaal", D(2020, 3, 31), QUARTER),
    ("volgend kwartaal", MEETING, "volgend kwartaal", D(2020, 6, 30), QUARTER),
    ("binnen anderhalve maand", MEETING, "binnen anderhalve maand", D(2020, 4, 26), DAY),
    ("over anderhalf jaar", MEETING, "over anderhalf jaar", D(2021, 9, 11), MONTH),
    ("binnen een termijn van zes weken", MEETING, "binnen een termijn van zes weken", D(2020, 4, 22), DAY),
    ("binnen twee weken na 1 juni", MEETING, "binnen twee weken na 1 juni", D(2020, 6, 15), DAY),
    ("tussen nu en de zomer", MEETING, "tussen nu en de zomer", D(2020, 7, 2), WEEK),
    ("voor het komende reces", MEETING, "voor het komende reces", D(2020, 4, 23), MONTH),
    ("Ik neem dat mee in de Voorjaarsnota.", MEETING, "in de Voorjaarsnota", D(2020, 6, 1), MONTH),
    # a date already past is no deadline
    ("eind 2019", MEETING, "eind 2019", None, None),
    ("per omgaande", MEETING, "per omgaande", None, None),
    # where several are said, the one marked as the latest date wins over one without a date
    ("zo spoedig mogelijk, maar uiterlijk voor de zomer", MEETING, "voor de zomer", D(2020, 7, 2), WEEK),
    ("Na de zomer, maar in ieder geval voor de begrotingsbehandeling", MEETING, "voor de begrotingsbehandeling",
     D(2020, 12, 17), QUARTER),
    ("De Minister stuurt binnen vier weken een brief over de regels die uiterlijk 1 juni ingaan.", MEETING,
     "binnen vier weken", D(2020, 4, 8), DAY),
    # other forms that were already right
    ("in het najaar", MEETING, "in het najaar", D(2020, 11, 30), SEASON),
    ("volgende week", MEETING, "volgende week", D(2020, 3, 22), WEEK),
]


@pytest.mark.parametrize(("text", "meeting", "words", "date", "precision"), CASES)
def test_dates_are_counted_from_the_meeting(text, meeting, words, date, precision):
    d = parse_deadline(text, meeting)
    assert d is not None
    assert (d.text, d.date, d.precision) == (words, date, precision)


# Recess starts as the Tweede Kamer published them (tweedekamer.nl/debat_en_vergadering/recessen, news reports).
KERSTRECES = [D(2020, 12, 18), D(2021, 12, 17), D(2022, 12, 23), D(2023, 12, 22), D(2025, 12, 19)]
ZOMERRECES = [(D(2020, 7, 3), D(2020, 8, 31)), (D(2022, 7, 8), D(2022, 9, 5)), (D(2023, 7, 7), D(2023, 9, 4)),
              (D(2024, 7, 5), D(2024, 9, 2))]


@pytest.mark.parametrize("start", KERSTRECES)
def test_voor_het_kerstreces_is_the_last_sitting_day_before_it(start):
    d = parse_deadline("voor het kerstreces", D(start.year, 3, 1))
    assert (d.date, d.precision) == (start - dt.timedelta(days=1), WEEK)


@pytest.mark.parametrize(("start", "end"), ZOMERRECES)
def test_the_summer_recess_begins_and_ends_as_published(start, end):
    meeting = D(start.year, 3, 1)
    assert parse_deadline("voor de zomer", meeting).date == start - dt.timedelta(days=1)
    assert parse_deadline("tijdens het zomerreces", meeting).date == end
    assert parse_deadline("binnen een week na het zomerreces", meeting).date == end + dt.timedelta(weeks=1)


@pytest.mark.parametrize(("year", "easter"), [(2019, D(2019, 4, 21)), (2020, D(2020, 4, 12)), (2024, D(2024, 3, 31)),
                                              (2025, D(2025, 4, 20))])
def test_voor_pasen(year, easter):
    assert parse_deadline("voor Pasen", D(year, 1, 10)).date == easter - dt.timedelta(days=1)


def test_prinsjesdag_is_the_third_tuesday_of_september():
    assert [parse_deadline("op Prinsjesdag", D(y, 1, 1)).date for y in (2020, 2021, 2023)] == [
        D(2020, 9, 15), D(2021, 9, 21), D(2023, 9, 19)]


@pytest.mark.parametrize(
    "text",
    ["zo spoedig mogelijk", "z.s.m.", "op korte termijn", "na de zomer", "binnen een paar weken", "binnen afzienbare tijd",
     "voor het commissiedebat", "na het kerstreces", "na de begrotingsbehandeling"],
)
def test_no_date_is_guessed(text):
    d = parse_deadline(f"De Minister informeert de Kamer {text}.", MEETING)
    assert d is not None, text
    assert d.text.lower() == text.lower()
    assert d.date is None
    assert d.precision is None


def test_a_negated_expression_gives_way_to_the_next():
    d = parse_deadline("De brief komt niet voor de zomer, maar wel voor het kerstreces.", MEETING)
    assert (d.text, d.date) == ("voor het kerstreces", D(2020, 12, 17))
    got = [(x.text, x.date) for x in find_deadlines("niet voor de zomer, maar voor het kerstreces", MEETING)]
    assert got == [("niet voor de zomer", None), ("voor het kerstreces", D(2020, 12, 17))]


@pytest.mark.parametrize(
    "text",
    ["De Minister stuurt het onderzoek van Stratix naar de Kamer.", "de brief van 5 maart 2020",
     "in de komende maanden", "Er zijn problemen met de begroting.", "een bezuiniging op de begroting"],
)
def test_nothing_found(text):
    assert parse_deadline(text, MEETING) is None


def test_without_a_meeting_date_the_words_stay():
    d = parse_deadline("binnen vier weken", None)
    assert d.text == "binnen vier weken" and d.date is None
    d = parse_deadline("voor het kerstreces", None)
    assert d.text == "voor het kerstreces" and d.date is None


def test_impossible_dates_do_not_raise():
    assert parse_deadline("voor 31 februari", MEETING).date is None
    assert parse_deadline("in week 60", MEETING) is None or parse_deadline("in week 60", MEETING).date is None


def test_find_all_in_order():
    got = [d.text for d in find_deadlines("Eerst zo snel mogelijk een brief, en voor de zomer een plan.", MEETING)]
    assert got == ["zo snel mogelijk", "voor de zomer"]


# Words deadlines are made of, for texts no report would hold: nothing may raise, at any meeting date.
WORDS = [
    "binnen", "over", "twee", "31", "anderhalve", "weken", "maanden", "werkdagen", "jaar", "na", "nadat", "de",
    "het", "zomer", "kerstreces", "voor", "vóór", "niet", "pas", "eind", "begin", "medio", "juni", "februari",
    "2020", "9999", "1900", "volgend", "dit", "kwartaal", "Q4", "uiterlijk", "maar", "Prinsjesdag", "begroting",
    "Voorjaarsnota", "reces", "Pasen", "winter", ",", ".", "rapport", "week", "morgen", "op", "zijn", "vroegst",
    "in", "ieder", "geval",
]  # fmt: skip


@given(st.lists(st.sampled_from(WORDS), max_size=14), st.none() | st.dates())
def test_arbitrary_words_never_raise(words, meeting):
    text = " ".join(words)
    for d in find_deadlines(text, meeting):
        assert d.text in " ".join(text.split())
        assert d.date is None or (meeting is not None and d.date >= meeting and d.precision is not None)
    parse_deadline(text, meeting)
