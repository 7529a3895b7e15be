"""Deadlines of commitments (termijnen): 'binnen vier weken', 'eind maart', 'voor de zomer'.

:func:`parse_deadline` finds the first expression of time in a commitment's text and, where one
can be derived, the latest date it implies, counted from the meeting date, with its
:class:`~verslag.model.Precision`.  Expressions without a fixed date ('zo spoedig mogelijk',
'voor het kerstreces', 'voor de begrotingsbehandeling') keep their text and get no date: a guess is
never presented as a date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import regex

from verslag.model import Deadline, Precision
from verslag.speakers import keytext

__all__ = ["NUMBER_WORDS", "find_deadlines", "parse_deadline"]

#: Dutch number words used in deadlines ('binnen vier weken').
NUMBER_WORDS: dict[str, int] = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "negentig": 90,
}

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}

_NUM = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_YEAR = r"(?:19|20)\d\d"

#: As soon as possible, no date: '– De Minister van BZK zal de Kamer zo spoedig mogelijk informeren'.
ASAP_RE = regex.compile(
    r"""\b(?:zo\s+(?:spoedig|snel|vlug|gauw)\s+(?:als\s+)?mogelijk|z\.\s?s\.\s?m\.?|zsm|op\s+(?:zeer\s+)?korte\s+termijn
        |(?:zeer\s+|heel\s+)?binnenkort|(?:binnen|op)\s+afzienbare\s+(?:tijd|termijn)|zo\s+snel\s+als\s+(?:het\s+)?kan|zo\s+snel\s+als\s+dat\s+kan)""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A period counted from the meeting: '– Binnen vier weken zal de Minister van Justitie en Veiligheid een brief …'.
WITHIN_RE = regex.compile(
    rf"""\b(?:binnen|over|uiterlijk\s+binnen|in\s+de\s+komende)\s+
        (?:(?P<vague>een\s+paar|enkele|een\s+aantal|een\s+of\s+twee)\s+|(?:(?P<n1>{_NUM})\s+(?:à|a|tot|of)\s+)?(?P<n>{_NUM})\s+)
        (?P<unit>werkdag(?:en)?|dag(?:en)?|we(?:ek|ken)|maand(?:en)?|jaar|kwartaal|halfjaar|half\s+jaar)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A season or recess: '– Voor de zomer zal de Kamer een brief krijgen over …'; 'voor het kerstreces'.
SEASON_RE = regex.compile(
    rf"""\b(?P<rel>vóór|voor|tegen|in|na|rond|begin|eind|medio|deze|dit|komende?|aankomende?)\s+
        (?:(?:de|het)\s+)?
        (?P<season>zomerreces|zomer|kerstreces|kerst(?:mis)?|voorjaarsreces|voorjaar|lente|najaar|herfstreces|herfst|winter
          |krokusreces|meireces|paasreces)\b
        (?:\s+(?:van\s+)?(?P<year>{_YEAR}))?""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A quarter: 'in het eerste kwartaal van 2023', 'Q3'.
QUARTER_RE = regex.compile(
    rf"""\b(?:(?:in|voor|vóór|tegen|eind|einde)\s+(?:(?:het\s+)?(?:eind|einde)\s+van\s+)?)?(?:het\s+)?
        (?:(?P<q>eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e)\s+kwartaal|Q(?P<qn>[1-4]))
        (?:\s+(?:van\s+)?(?P<year>{_YEAR}))?""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A half year: 'in de eerste helft van 2021', 'in het tweede halfjaar'.
HALF_RE = regex.compile(
    rf"""\b(?:in|voor|vóór)\s+(?:de|het)\s+(?P<h>eerste|tweede)\s+(?:helft|halfjaar|half\s+jaar)
        (?:\s+(?:van\s+)?(?:het\s+jaar\s+)?(?P<year>{_YEAR}))?""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A month, with or without a day: 'eind maart', 'voor 1 juni', 'medio april 2021', 'in de loop van mei'.
MONTH_RE = regex.compile(
    rf"""\b(?P<rel>vóór|voor|uiterlijk|per|op|in|eind|einde|begin|medio|half|halverwege|rond|tegen|na)\s+
        (?:(?:het\s+)?(?:eind|einde|begin|midden)\s+(?:van\s+)?|de\s+loop\s+van\s+)?
        (?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})\b(?:\s+(?P<year>{_YEAR}))?""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: The end of a year or a year: 'voor het einde van het jaar', 'eind 2020', 'in 2021', 'nog dit jaar'.
YEAR_RE = regex.compile(
    rf"""\b(?:(?P<endyear>voor\s+het\s+eind(?:e)?\s+van\s+(?:het|dit)\s+jaar|voor\s+de\s+jaarwisseling|(?:eind|einde)\s+van\s+dit\s+jaar
            |eind\s+dit\s+jaar|nog\s+dit\s+jaar|dit\s+jaar|later\s+dit\s+jaar)
        |(?P<next>volgend|komend)\s+jaar
        |(?P<rel>eind|einde|in|voor|vóór|medio|begin)\s+(?:van\s+)?(?P<year>{_YEAR})(?!\s*[-–]\s*\d))""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A week or day: 'volgende week', 'deze week', 'in week 14', 'morgen', 'voor het weekend'.
WEEK_RE = regex.compile(
    r"""\b(?:(?P<rel>volgende|komende|deze|na\s+volgende)\s+week|(?:in|voor|vóór)\s+week\s+(?P<wk>\d{1,2})
        |(?P<tomorrow>morgen)|(?P<weekend>voor\s+het\s+weekend)|(?P<today>vandaag\s+nog|nog\s+vandaag|vanavond))\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A month relative to the meeting: 'voor het einde van de maand', 'volgende maand'.
REL_MONTH_RE = regex.compile(
    r"""\b(?:(?P<this>(?:voor\s+het\s+|tegen\s+het\s+)?eind(?:e)?\s+van\s+(?:de|deze)\s+maand|eind\s+deze\s+maand|deze\s+maand)
        |(?P<next>volgende|komende)\s+maand)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: An event without a fixed date: 'voor de begrotingsbehandeling', 'voor het commissiedebat over …', 'voor Prinsjesdag'.
EVENT_RE = regex.compile(
    r"""\b(?:vóór|voor|ruim\s+voor|voorafgaand\s+aan|bij|in\s+aanloop\s+naar|tijdig\s+voor)\s+(?:het|de)?\s*
        (?:(?:eerst)?volgende\s+)?
        (?P<event>prinsjesdag|begrotingsbehandeling(?:en)?|(?:commissie|plenaire?\s+|notaoverleg|wetgevings)?debat(?:ten)?
          |(?:algemeen|notaoverleg|wetgevings)\s*overleg|AO|notaoverleg|wetgevingsoverleg|plenaire\s+behandeling|behandeling
          |voorjaarsnota|najaarsnota|verkiezingen|(?:Europese|Informele)?\s*(?:Raad|top)|voortgangsrapportage|voortgangsbrief)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    date: dt.date | None
    precision: Precision | None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    w = word.lower()
    return int(w) if w.isdigit() else NUMBER_WORDS.get(w)


def _next_on_or_after(make: Callable[[int], dt.date], meeting: dt.date, year: str | None) -> dt.date:
    """The date for an explicit year, else the first year from the meeting's on which it is not past."""
    if year:
        return make(int(year))
    d = make(meeting.year)
    return d if d >= meeting else make(meeting.year + 1)


def _within(m: regex.Match[str], meeting: dt.date) -> tuple[dt.date | None, Precision | None]:
    if m.group("vague"):
        return None, None
    n = _number(m.group("n"))
    if n is None:
        return None, None
    unit = m.group("unit").lower()
    if unit.startswith("werkdag"):
        d = meeting
        left = n
        while left:
            d += dt.timedelta(days=1)
            if d.weekday() < 5:
                left -= 1
        return d, Precision.DAY
    if unit.startswith("dag"):
        return meeting + dt.timedelta(days=n), Precision.DAY
    if unit.startswith("we"):
        return meeting + dt.timedelta(weeks=n), Precision.DAY
    if unit.startswith("maand"):
        return _add_months(meeting, n), Precision.DAY
    if unit == "kwartaal":
        return _add_months(meeting, 3 * n), Precision.DAY
    if unit.startswith("half"):
        return _add_months(meeting, 6 * n), Precision.DAY
    return _add_months(meeting, 12 * n), Precision.DAY


#: Season → (month, day) of the latest date for 'voor' and for 'in'/'eind'.  'voor de zomer' means before
#: the summer recess, which starts early July: 1 July with season precision.
_SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int]] | None] = {
    "zomer": ((7, 1), (8, 31)),
    "zomerreces": ((7, 1), (8, 31)),
    "voorjaar": ((3, 1), (5, 31)),
    "lente": ((3, 1), (5, 31)),
    "najaar": ((9, 1), (11, 30)),
    "herfst": ((9, 1), (11, 30)),
    "winter": ((12, 1), (2, 28)),
}


def _season(m: regex.Match[str], meeting: dt.date) -> tuple[dt.date | None, Precision | None]:
    rel = m.group("rel").lower().replace("ó", "o")
    season = m.group("season").lower()
    if season.startswith("kerst") and not season.endswith("reces"):
        if rel in ("voor", "tegen"):
            return _next_on_or_after(lambda y: dt.date(y, 12, 24), meeting, m.group("year")), Precision.WEEK
        return None, None
    spec = _SEASONS.get(season)
    if spec is None or rel == "na":  # other recesses move each year; 'na de zomer' has no latest date
        return None, None
    before, inside = spec
    month, day = before if rel in ("voor", "tegen", "begin") else inside
    if season == "winter" and rel not in ("voor", "tegen", "begin"):

        def make(y: int) -> dt.date:
            return _last_day(y + 1, 2)

    else:

        def make(y: int) -> dt.date:
            return dt.date(y, month, day)

    return _next_on_or_after(make, meeting, m.group("year")), Precision.SEASON


def _quarter(m: regex.Match[str], meeting: dt.date) -> tuple[dt.date | None, Precision | None]:
    q = m.group("q")
    if q:
        word = q.lower()
        if word == "laatste":
            n = 4
        else:
            n = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4}[word]
    else:
        n = int(m.group("qn"))
    return _next_on_or_after(lambda y: _last_day(y, 3 * n), meeting, m.group("year")), Precision.QUARTER


def _half(m: regex.Match[str], meeting: dt.date) -> tuple[dt.date | None, Precision | None]:
    month = 6 if m.group("h").lower() == "eerste" else 12
    return _next_on_or_after(lambda y: _last_day(y, month), meeting, m.group("year")), Precision.HALF_YEAR


def _month(m: regex.Match[str], meeting: dt.date) -> tuple[dt.date | None, Precision | None]:
    rel = m.group("rel").lower().replace("ó", "o")
    month = MONTHS[m.group("month").lower()]
    text = m.group(0).lower()
    if rel == "na":
        return None, None
    if m.group("day"):
        day = int(m.group("day"))
        if not 1 <= day <= calendar.monthrange(2000, month)[1]:
            return None, None

        def exact(y: int) -> dt.date:
            d = dt.date(y, month, min(day, calendar.monthrange(y, month)[1]))
            return d - dt.timedelta(days=1) if rel == "voor" else d

        return _next_on_or_after(exact, meeting, m.group("year")), Precision.DAY
    if rel == "voor" and "eind" not in text and "begin" not in text and "midden" not in text:

        def before(y: int) -> dt.date:
            return dt.date(y, month, 1) - dt.timedelta(days=1)

        return _next_on_or_after(before, meeting, m.group("year")), Precision.MONTH
    if rel in ("begin",) or "begin" in text:
        day = 10
    elif rel in ("medio", "half", "halverwege") or "midden" in text:
        day = 15
    else:
        day = 0

    def make(y: int) -> dt.date:
        return dt.date(y, month, day) if day else _last_day(y, month)

    return _next_on_or_after(make, meeting, m.group("year")), Precision.MONTH


def _year(m: regex.Match[str], meeting: dt.date) -> tuple[dt.date | None, Precision | None]:
    if m.group("endyear"):
        return dt.date(meeting.year, 12, 31), Precision.YEAR
    if m.group("next"):
        return dt.date(meeting.year + 1, 12, 31), Precision.YEAR
    year = int(m.group("year"))
    rel = m.group("rel").lower().replace("ó", "o")
    if rel == "voor":
        d = dt.date(year - 1, 12, 31)
        return (d, Precision.YEAR) if d >= meeting else (None, None)
    if rel in ("eind", "einde"):
        return dt.date(year, 12, 31), Precision.MONTH
    if rel == "medio":
        return dt.date(year, 6, 30), Precision.HALF_YEAR
    if rel == "begin":
        return dt.date(year, 3, 31), Precision.QUARTER
    return dt.date(year, 12, 31), Precision.YEAR


def _week(m: regex.Match[str], meeting: dt.date) -> tuple[dt.date | None, Precision | None]:
    sunday = meeting + dt.timedelta(days=6 - meeting.weekday())
    if m.group("tomorrow"):
        return meeting + dt.timedelta(days=1), Precision.DAY
    if m.group("today"):
        return meeting, Precision.DAY
    if m.group("weekend"):
        return meeting + dt.timedelta(days=(4 - meeting.weekday()) % 7), Precision.DAY
    if m.group("wk"):
        wk = int(m.group("wk"))
        if not 1 <= wk <= 53:
            return None, None

        def make(y: int) -> dt.date:
            try:
                return dt.date.fromisocalendar(y, wk, 7)
            except ValueError:
                return dt.date(y, 12, 31)

        return _next_on_or_after(make, meeting, None), Precision.WEEK
    rel = m.group("rel").lower()
    if rel == "deze":
        return sunday, Precision.WEEK
    if rel.startswith("na"):
        return sunday + dt.timedelta(weeks=2), Precision.WEEK
    return sunday + dt.timedelta(weeks=1), Precision.WEEK


def _rel_month(m: regex.Match[str], meeting: dt.date) -> tuple[dt.date | None, Precision | None]:
    if m.group("this"):
        return _last_day(meeting.year, meeting.month), Precision.MONTH
    nxt = _add_months(meeting.replace(day=1), 1)
    return _last_day(nxt.year, nxt.month), Precision.MONTH


def _third_tuesday_of_september(y: int) -> dt.date:
    first = dt.date(y, 9, 1)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7 + 14)


def _event(m: regex.Match[str], meeting: dt.date) -> tuple[dt.date | None, Precision | None]:
    if m.group("event").lower() == "prinsjesdag":
        d = _next_on_or_after(_third_tuesday_of_september, meeting, None)
        return d - dt.timedelta(days=1) if m.group(0).lower().lstrip().startswith(("voor", "vóór")) else d, Precision.DAY
    return None, None


def _asap(m: regex.Match[str], meeting: dt.date) -> tuple[dt.date | None, Precision | None]:
    return None, None


_Rule = Callable[[regex.Match[str], dt.date], tuple[dt.date | None, Precision | None]]

#: Each pattern with its rule and the substrings (lower case) one of which every match of it holds:
#: a pattern runs only on a text that holds one ('binnen vier weken' holds 'week').
_RULE_KEYS: list[tuple[regex.Pattern[str], _Rule, tuple[str, ...]]] = [
    (WITHIN_RE, _within, ("dag", "week", "weken", "maand", "jaar", "kwartaal")),
    (ASAP_RE, _asap, ("mogelijk", "z.", "zsm", "korte", "binnenkort", "afzienbare", "snel")),
    (SEASON_RE, _season, ("zomer", "kerst", "voorjaar", "lente", "najaar", "herfst", "winter", "krokus", "meireces",
                          "paasreces")),
    (QUARTER_RE, _quarter, ("kwartaal", "q")),
    (HALF_RE, _half, ("helft", "half")),
    (MONTH_RE, _month, tuple(MONTHS)),
    (YEAR_RE, _year, ("jaar", "19", "20")),
    (WEEK_RE, _week, ("week", "morgen", "vandaag", "vanavond")),
    (REL_MONTH_RE, _rel_month, ("maand",)),
    (EVENT_RE, _event, ("prinsjesdag", "behandeling", "debat", "overleg", "ao", "nota", "verkiezingen", "raad", "top",
                        "voortgang")),
]
_RULES: list[tuple[regex.Pattern[str], _Rule, tuple[bytes, ...]]] = [
    (pattern, rule, tuple(k.encode() for k in keys)) for pattern, rule, keys in _RULE_KEYS
]


def find_deadlines(text: str, meeting: dt.date | None) -> list[Deadline]:
    """Every deadline expression in ``text``, in order; dates only when ``meeting`` is known."""
    # PERF: all ten patterns ran over every text (19 texts per analysis of the fixture, ~0.5 ms each
    # for a candidate's context); now a pattern runs only if the text holds one of its keywords.
    low = keytext(text)
    found: list[_Found] = []
    for pattern, rule, keys in _RULES:
        if not any(k in low for k in keys):
            continue
        for m in pattern.finditer(text):
            if meeting is None:
                date, precision = None, None
            else:
                try:
                    date, precision = rule(m, meeting)
                except (ValueError, OverflowError):  # an impossible date ('31 februari'): keep the words only
                    date, precision = None, None
            found.append(_Found(m.start(), m.end(), date, precision))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Deadline] = []
    last_end = -1
    for f in found:
        if f.start < last_end:
            continue  # overlaps a longer, earlier expression
        words = " ".join(text[f.start : f.end].split())
        out.append(Deadline(text=words, date=f.date, precision=f.precision if f.date else None))
        last_end = f.end
    return out


def parse_deadline(text: str, meeting: dt.date | None) -> Deadline | None:
    """The first deadline in ``text`` ('Binnen vier weken' → meeting + 28 days, day precision), or ``None``."""
    hits = find_deadlines(text, meeting)
    return hits[0] if hits else None
