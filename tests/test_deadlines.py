"""Deadlines of commitments: the words, and a date counted from the meeting only where one follows."""

from __future__ import annotations

import datetime as dt

import pytest

from verslag import Precision
from verslag.deadlines import find_deadlines, parse_deadline

MEETING = dt.date(2020, 3, 11)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "words", "date", "precision"),
    [
        ("Binnen vier weken zal de Minister een brief sturen", "Binnen vier weken", dt.date(2020, 4, 8), Precision.DAY),
        ("binnen twee à drie weken", "binnen twee à drie weken", dt.date(2020, 4, 1), Precision.DAY),
        ("binnen een maand", "binnen een maand", dt.date(2020, 4, 11), Precision.DAY),
        ("binnen drie werkdagen", "binnen drie werkdagen", dt.date(2020, 3, 16), Precision.DAY),
        ("de Kamer uiterlijk eind maart informeren", "uiterlijk eind maart", dt.date(2020, 3, 31), Precision.MONTH),
        ("voor april", "voor april", dt.date(2020, 3, 31), Precision.MONTH),
        ("voor 1 juni", "voor 1 juni", dt.date(2020, 5, 31), Precision.DAY),
        ("in het eerste kwartaal van 2023", "in het eerste kwartaal van 2023", dt.date(2023, 3, 31), Precision.QUARTER),
        ("in de eerste helft van 2021", "in de eerste helft van 2021", dt.date(2021, 6, 30), Precision.HALF_YEAR),
        ("voor het einde van het jaar", "voor het einde van het jaar", dt.date(2020, 12, 31), Precision.YEAR),
        ("in het najaar", "in het najaar", dt.date(2020, 11, 30), Precision.SEASON),
        ("volgende week", "volgende week", dt.date(2020, 3, 22), Precision.WEEK),
        ("voor Prinsjesdag", "voor Prinsjesdag", dt.date(2020, 9, 14), Precision.DAY),
    ],
)
def test_dates_are_counted_from_the_meeting(text, words, date, precision):
    d = parse_deadline(text, MEETING)
    assert d is not None
    assert d.text == words
    assert d.date == date
    assert d.precision == precision


def test_voor_de_zomer_is_a_season_before_the_summer_recess():
    d = parse_deadline("Voor de zomer zal de Kamer een brief krijgen", MEETING)
    assert d.text == "Voor de zomer"
    assert dt.date(2020, 6, 1) <= d.date <= dt.date(2020, 9, 1)
    assert d.precision == Precision.SEASON


def test_a_season_already_past_is_next_year():
    d = parse_deadline("voor de zomer", dt.date(2020, 8, 1))
    assert d.date.year == 2021


@pytest.mark.parametrize(
    "text",
    ["zo spoedig mogelijk", "z.s.m.", "op korte termijn", "voor het kerstreces", "voor de begrotingsbehandeling",
     "na de zomer", "binnen een paar weken", "binnen afzienbare tijd"],
)
def test_no_date_is_guessed(text):
    d = parse_deadline(f"De Minister informeert de Kamer {text}.", MEETING)
    assert d is not None, text
    assert d.text.lower() == text.lower()
    assert d.date is None
    assert d.precision is None


def test_nothing_found_and_dates_in_the_past_are_not_deadlines():
    assert parse_deadline("De Minister stuurt het onderzoek van Stratix naar de Kamer.", MEETING) is None
    assert parse_deadline("de brief van 5 maart 2020", MEETING) is None
    assert parse_deadline("in de komende maanden", MEETING) is None


def test_without_a_meeting_date_the_words_stay():
    d = parse_deadline("binnen vier weken", None)
    assert d.text == "binnen vier weken" and d.date is None


def test_impossible_dates_do_not_raise():
    assert parse_deadline("voor 31 februari", MEETING).date is None
    assert parse_deadline("in week 60", MEETING) is None or parse_deadline("in week 60", MEETING).date is None


def test_find_all_in_order():
    got = [d.text for d in find_deadlines("Eerst zo snel mogelijk een brief, en voor de zomer een plan.", MEETING)]
    assert got == ["zo snel mogelijk", "voor de zomer"]
