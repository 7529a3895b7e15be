"""Deadlines of commitments (termijnen): 'binnen vier weken', 'eind maart', 'voor de zomer'.

:func:`find_deadlines` finds the expressions of time in a commitment's text and, where one can be
derived, the latest date each implies, counted from the meeting date, with its
:class:`~verslag.model.Precision`: the precision of the words, never finer.  Recesses and the
budget cycle have rules (``RECESS_WINDOWS``, :data:`FISCAL_RE`); an expression counted from an
unknown event ('binnen vier weken na ontvangst van het rapport'), a negated one ('niet voor de
zomer') and one without a fixed date ('zo spoedig mogelijk', 'voor het commissiedebat') keep their
words and get no date: a guess is never presented as a date.  The rules and their limits are in
docs/commitments.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import regex

from verslag.model import Deadline, Precision
from verslag.speakers import keytext

__all__ = ["NUMBER_WORDS", "RECESS_WINDOWS", "find_deadlines", "parse_deadline"]

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

#: The Tweede Kamer's recesses: the month and first day of the seven days in which the recess begins
#: (always on a Friday), and the precision that rule has.  Checked against the Kamer's own calendars:
#: zomerreces Fri 3 Jul 2020, 8 Jul 2022, 7 Jul 2023, 5 Jul 2024 (it ends on the Monday 59 days later:
#: 31 Aug 2020, 5 Sep 2022, 4 Sep 2023, 2 Sep 2024); kerstreces Fri 18 Dec 2020, 17 Dec 2021,
#: 23 Dec 2022, 22 Dec 2023, 19 Dec 2025 — the last Friday before 24 December, which is "the Friday of
#: the week before Christmas" except when Christmas falls on a Sunday (2022).  The voorjaars-
#: (krokus-), mei- and herfstreces follow the school holidays and move more: month precision.
RECESS_WINDOWS: dict[str, tuple[int, int, Precision]] = {
    "voorjaar": (2, 14, Precision.MONTH),
    "mei": (4, 20, Precision.MONTH),
    "zomer": (7, 2, Precision.WEEK),
    "herfst": (10, 12, Precision.MONTH),
    "kerst": (12, 17, Precision.WEEK),
}
_SUMMER_RECESS_DAYS = 59  # Friday to the Monday it ends: 'vrijdag 7 juli t/m maandag 4 september 2023'

_NUM = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_YEAR = r"(?:19|20)\d\d"
# A year said relative to the meeting: 'dit jaar', 'volgend jaar', 'het komende jaar'.
_RELYEAR = r"(?:dit|(?:het\s+)?(?:volgende?|komende?|aankomende?|nieuwe)|het\s+(?:lopende|huidige))\s+(?:kalender)?jaar"
# The year a season, quarter, half or month is in: '… van 2021', '… van volgend jaar', '… van het jaar'.
_YEAR_SPEC = rf"(?:\s+(?:van\s+)?(?:(?:het\s+jaar\s+)?(?P<year>{_YEAR})|(?P<relyear>{_RELYEAR}|het\s+(?:kalender)?jaar))\b)?"
# A period: 'vier weken', 'twee à drie weken', 'een paar weken', 'een halfjaar', 'anderhalve maand'.
_PERIOD = rf"""(?:(?P<vague>een\s+paar|enkele|een\s+aantal|een\s+of\s+twee)\s+
    |(?:(?P<n1>{_NUM})\s+(?:à|a|tot|of)\s+)?(?P<n>{_NUM}|anderhalve|anderhalf)\s+)
    (?P<unit>werkdag(?:en)?|dag(?:en)?|we(?:ek|ken)|maand(?:en)?|jaar|kwartaal|halfjaar|half\s+jaar)\b"""
# What a period is counted from: 'na ontvangst van het rapport', 'na de zomer', 'nadat het rapport is verschenen'.
_ARTICLE = r"(?:(?:de|het|een|dit|deze|die|dat)\s+)?"
_AFTER = rf"""\s+(?P<after>na\s+{_ARTICLE}[\w-]+(?:\s+{_MONTH}\b(?:\s+{_YEAR}\b)?)?(?:\s+van\s+{_ARTICLE}[\w-]+){{0,2}}
    |nadat(?:(?:\s+[^\s,.;:()–]+){{1,8}}?(?=\s*[,.;:()–]|\s*$)|(?:\s+[^\s,.;:()–]+){{1,4}}))"""

#: As soon as possible, no date: '– De Minister van BZK zal de Kamer zo spoedig mogelijk informeren'; 'per omgaande'.
ASAP_RE = regex.compile(
    r"""\b(?:zo\s+(?:spoedig|snel|vlug|gauw)\s+(?:als\s+)?mogelijk|z\.\s?s\.\s?m\.?|zsm|op\s+(?:zeer\s+)?korte\s+termijn
        |(?:zeer\s+|heel\s+)?binnenkort|per\s+omgaande|ten\s+spoedigste|onverwijld|(?:binnen|op)\s+afzienbare\s+(?:tijd|termijn)|zo\s+snel\s+als\s+(?:het\s+)?kan|zo\s+snel\s+als\s+dat\s+kan)""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A period counted from the meeting, or from the event after 'na': '– Binnen vier weken zal de Minister van
#: Justitie en Veiligheid een brief …'; 'Die brief zal ik u binnen vier weken na vandaag toesturen.'
WITHIN_RE = regex.compile(
    rf"""\b(?P<pre>binnen|over|uiterlijk\s+binnen|in\s+de\s+komende)\s+(?:een\s+termijn\s+van\s+)?{_PERIOD}(?:{_AFTER})?""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A period after an event, without 'binnen': 'De evaluatie volgt drie maanden na de inwerkingtreding van de wet.'
#: (A period with neither, 'de afgelopen vier weken', is no deadline.)  Apart from WITHIN_RE, which its
#: literal start keeps fast.
AFTER_RE = regex.compile(rf"""\b(?P<pre>){_PERIOD}{_AFTER}""", regex.VERBOSE | regex.IGNORECASE)  # pre: empty, no "binnen"

#: The event a period is counted from, when it is one with a date: 'binnen vier weken na vandaag' (the
#: meeting), 'binnen twee weken na de zomer' (the end of the summer recess), 'een week na Prinsjesdag',
#: 'binnen twee weken na 1 juni'.
AFTER_EVENT_RE = regex.compile(
    rf"""na\s+(?:(?P<meeting>vandaag|heden|dit\s+(?:debat|overleg|commissiedebat|notaoverleg|wetgevingsoverleg|AO)
                |deze\s+vergadering)
            |(?P<summer>de\s+zomer|het\s+zomerreces|de\s+zomervakantie)(?:\s+van\s+(?P<year>{_YEAR}))?
            |(?P<prinsjesdag>prinsjesdag)
            |(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})(?:\s+(?P<dyear>{_YEAR}))?)$""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A season, a recess or a feast: '– Voor de zomer zal de Kamer een brief krijgen over …'; 'voor het kerstreces';
#: 'in het voorjaar van 2021'; 'volgend voorjaar'; 'aan het eind van de zomer'; 'voor het komende reces'.
SEASON_RE = regex.compile(
    rf"""\b(?P<rel>vóór|voor|tegen|tussen\s+nu\s+en|in\s+de\s+loop\s+van|in|tijdens|na|rond
          |(?:aan\s+het\s+)?(?:eind(?:e)?|begin)(?:\s+van)?|medio|deze|dit|volgende?|komende?|aankomende?)\s+
        (?:(?:de|het)\s+)?(?P<next>(?:eerst)?(?:volgende?|komende?)\s+)?
        (?P<season>zomerreces|zomervakantie|zomer|kerstreces|kerstvakantie|kerst(?:mis)?|voorjaarsreces|voorjaarsvakantie
          |voorjaar|lente|najaar|herfstreces|herfstvakantie|herfst|winter|krokusreces|krokusvakantie|meireces|meivakantie
          |paasreces|paasvakantie|pasen|reces)\b{_YEAR_SPEC}""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A quarter: 'in het eerste kwartaal van 2023', 'in het eerste kwartaal van volgend jaar', 'Q3', 'eind dit kwartaal'.
QUARTER_RE = regex.compile(
    rf"""\b(?:(?:in|voor|vóór|tegen|eind|einde)\s+(?:(?:het\s+)?(?:eind|einde)\s+van\s+)?)?(?:het\s+)?
        (?:(?P<q>eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e)\s+kwartaal|Q(?P<qn>[1-4])
          |(?P<relq>dit|deze|huidige|volgende?|komende?)\s+kwartaal)\b{_YEAR_SPEC}""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A half year: 'in de eerste helft van 2021', 'in het tweede halfjaar', 'in de tweede helft van volgend jaar'.
HALF_RE = regex.compile(
    rf"""\b(?:in|voor|vóór)\s+(?:de|het)\s+(?P<h>eerste|tweede)\s+(?:helft|halfjaar|half\s+jaar)\b(?!\s+van\s+{_MONTH})
        {_YEAR_SPEC}""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A month, with or without a day: 'eind maart', 'voor 1 juni', 'medio april 2021', 'in de loop van mei',
#: 'niet later dan 1 juni', 'eind maart volgend jaar', 'in de tweede helft van september', 'in september of oktober'.
MONTH_RE = regex.compile(
    rf"""\b(?P<rel>vóór|voor|uiterlijk|niet\s+later\s+dan|per|op|in|eind|einde|begin|medio|half|halverwege|rond|tegen|na)\s+
        (?:(?:het\s+)?(?:eind|einde|begin|midden)\s+(?:van\s+)?|de\s+loop\s+van\s+|de\s+(?P<mhalf>eerste|tweede)\s+helft\s+van\s+)?
        (?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})\b
        (?:\s+(?:of|en|à|tot(?:\s+en\s+met)?|t/m|[-–])\s+(?P<month2>{_MONTH})\b)?{_YEAR_SPEC}""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A year, or a part of one: 'voor het einde van het jaar', 'eind 2020', 'in 2021', 'nog dit jaar',
#: 'begin volgend jaar', 'in de loop van volgend jaar', 'medio volgend jaar', 'aan het begin van volgend jaar',
#: 'in het jaar 2021'.
YEAR_RE = regex.compile(
    rf"""\b(?:(?P<endyear>(?:voor|vóór)\s+het\s+eind(?:e)?\s+van\s+(?:het|dit)\s+(?:kalender)?jaar|voor\s+de\s+jaarwisseling)
        |(?P<rel>(?:aan|tegen)\s+het\s+(?:eind(?:e)?|begin)\s+van|(?:eind(?:e)?|begin|midden|halverwege)(?:\s+van)?|medio
            |in\s+de\s+loop\s+van|uiterlijk\s+in|in|voor|vóór|nog|later|eerder)\s+
          (?:(?:het\s+jaar\s+)?(?P<year>{_YEAR})(?!\s*[-–]\s*\d)|(?P<relyear>{_RELYEAR}|het\s+(?:kalender)?jaar))
        |(?P<bare>{_RELYEAR}))\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A week or day: 'volgende week', 'deze week', 'in week 14', 'morgen', 'voor het weekend', 'voor het einde van de week'.
WEEK_RE = regex.compile(
    r"""\b(?:(?P<rel>volgende|komende|deze|na\s+volgende|(?:voor|vóór|tegen)\s+het\s+eind(?:e)?\s+van\s+(?:de|deze))\s+week|(?:in|voor|vóór)\s+week\s+(?P<wk>\d{1,2})
        |(?P<tomorrow>morgen)|(?P<weekend>voor\s+het\s+weekend)|(?P<today>vandaag\s+nog|nog\s+vandaag|vanavond))\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A month relative to the meeting: 'voor het einde van de maand', 'volgende maand', 'begin volgende maand'.
REL_MONTH_RE = regex.compile(
    r"""\b(?:(?P<this>(?:voor\s+het\s+|tegen\s+het\s+)?eind(?:e)?\s+van\s+(?:de|deze)\s+maand|eind\s+deze\s+maand|deze\s+maand)
        |(?:(?P<part>begin|medio|halverwege|midden|eind(?:e)?)\s+(?:van\s+)?(?:de\s+)?)?(?P<next>volgende|komende)\s+maand)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: The budget cycle (begrotingscyclus): 'voor Prinsjesdag', 'rond Prinsjesdag', 'met de Miljoenennota',
#: 'bij de begroting 2021', 'voor de begrotingsbehandeling', 'voor de Voorjaarsnota', 'Ik neem dat mee in de Voorjaarsnota.'.
FISCAL_RE = regex.compile(
    rf"""\b(?P<rel>vóór|voor|ruim\s+voor|tijdig\s+voor|voorafgaand\s+aan|in\s+aanloop\s+naar|bij|tijdens|rond(?:om)?|na
          |op(?=\s+prinsjesdag)|in(?=\s+(?:de\s+)?(?:miljoenennota|voorjaarsnota|najaarsnota)\b)|met(?=\s+(?:de\s+)?(?:miljoenennota|voorjaarsnota|najaarsnota|prinsjesdag|begroting\s+(?:voor\s+)?{_YEAR})))\s+
        (?:(?:het|de)\s+)?(?:(?:eerst)?(?:volgende|komende)\s+)?
        (?P<event>prinsjesdag|miljoenennota|(?:ontwerp)?begrotingsbehandeling(?:en)?|begrotingsdebat(?:ten)?
          |behandeling\s+van\s+de\s+begroting|(?:ontwerp)?begroting|voorjaarsnota|najaarsnota)\b
        (?:\s+(?:voor\s+|van\s+)?(?P<year>{_YEAR})\b)?""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: An event without a fixed date: 'voor het commissiedebat over …', 'bij de volgende voortgangsrapportage'.
EVENT_RE = regex.compile(
    r"""\b(?:vóór|voor|ruim\s+voor|voorafgaand\s+aan|bij|in\s+aanloop\s+naar|tijdig\s+voor)\s+(?:het|de)?\s*
        (?:(?:eerst)?volgende\s+)?
        (?P<event>(?:commissie|plenaire?\s+|notaoverleg|wetgevings)?debat(?:ten)?
          |(?:algemeen|notaoverleg|wetgevings)\s*overleg|AO|notaoverleg|wetgevingsoverleg|plenaire\s+behandeling|behandeling
          |verkiezingen|(?:Europese|Informele)?\s*(?:Raad|top)|voortgangsrapportage|voortgangsbrief)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: Words that make what follows no deadline by that date: 'De wet treedt niet voor de zomer in werking.',
#: 'niet eerder dan in het najaar', 'op zijn vroegst in 2021'.  Matched against the text just before an expression.
NEGATION_RE = regex.compile(
    r"""(?:\b(?:niet|nooit)(?:\s+eerder\s+dan)?|\bten\s+vroegste|\bop\s+z(?:ijn|'n|’n)\s+vroegst)\s+$""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A period before a 'voor …' expression, counted back from it: 'twee weken voor de zomer', 'een week voor Prinsjesdag'.
PERIOD_BEFORE_RE = regex.compile(rf"""\b(?P<pre>){_PERIOD}\s+$""", regex.VERBOSE | regex.IGNORECASE)  # pre: empty

#: Words that mark the latest date where several are said: 'zo spoedig mogelijk, maar uiterlijk voor de zomer',
#: 'na de zomer, maar in ieder geval voor de begrotingsbehandeling'.  Matched against the text just before one.
LATEST_RE = regex.compile(
    r"""(?:\buiterlijk|\bniet\s+later\s+dan|\bin\s+(?:ieder|elk)\s+geval|\bop\s+z(?:ijn|'n|’n)\s+laatst|\bmaar)
        (?:\s+(?:wel|nog|al|uiterlijk|in\s+(?:ieder|elk)\s+geval))*\s+$""",
    regex.VERBOSE | regex.IGNORECASE,
)

_Result = tuple[dt.date | None, Precision | None]
_NONE: _Result = (None, None)
_ORDER = list(Precision)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    date: dt.date | None
    precision: Precision | None
    negated: bool = False
    latest: bool = False  # marked as the latest date: 'uiterlijk', 'in ieder geval', 'maar'


def _coarser(a: Precision, b: Precision) -> Precision:
    return a if _ORDER.index(a) >= _ORDER.index(b) else b


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


def _rel(m: regex.Match[str], group: str = "rel") -> str:
    return " ".join((m.group(group) or "").lower().replace("ó", "o").split())


def _year_of(m: regex.Match[str], meeting: dt.date) -> int | None:
    """The year the words name: '2021', 'dit jaar' / 'het jaar' (the meeting's), 'volgend jaar' (the next)."""
    if m.group("year"):
        return int(m.group("year"))
    rel = m.group("relyear")
    if not rel:
        return None
    rel = " ".join(rel.lower().split())
    return meeting.year if rel.startswith(("dit", "het jaar", "het lopende", "het huidige")) else meeting.year + 1


def _next_on_or_after(make: Callable[[int], dt.date], meeting: dt.date, year: int | None) -> dt.date:
    """The date for an explicit year, else the first (from the year before the meeting's) not before the meeting."""
    if year is not None:
        return make(year)
    for y in (meeting.year - 1, meeting.year):
        d = make(y)
        if d >= meeting:
            return d
    return make(meeting.year + 1)


def _friday_in(year: int, month: int, first: int) -> dt.date:
    d = dt.date(year, month, first)
    return d + dt.timedelta(days=(4 - d.weekday()) % 7)


def _recess_start(name: str, year: int) -> dt.date:
    month, first, _ = RECESS_WINDOWS[name]
    return _friday_in(year, month, first)


def _summer_recess_end(year: int) -> dt.date:
    return _recess_start("zomer", year) + dt.timedelta(days=_SUMMER_RECESS_DAYS)


def _easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _third_tuesday_of_september(y: int) -> dt.date:
    first = dt.date(y, 9, 1)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7 + 14)


def _count(m: regex.Match[str], base: dt.date, sign: int = 1) -> _Result:
    """The period of ``m`` counted from ``base`` (back, for ``sign`` -1).

    'binnen' is an exact bound; 'over' is as exact as its unit ('over een halfjaar': about then, month precision).
    """
    if m.group("vague"):
        return _NONE
    word = m.group("n").lower()
    halves = 3 if word.startswith("anderhal") else 2 * (_number(word) or 0)  # in half units: 'anderhalve maand'
    if not halves:
        return _NONE
    unit = m.group("unit").lower()
    about = (m.group("pre") or "").lower() == "over"
    if unit.startswith("werkdag"):
        d = base
        left = -(-halves // 2)
        while left:
            d += dt.timedelta(days=sign)
            if d.weekday() < 5:
                left -= 1
        return d, Precision.DAY
    if unit.startswith(("dag", "we")):
        days = -(-halves * (1 if unit.startswith("dag") else 7) // 2)  # half a week: four days, the latest
        precision = Precision.WEEK if about and unit.startswith("we") else Precision.DAY
        return base + dt.timedelta(days=sign * days), precision
    months = halves * (1 if unit.startswith("maand") else 3 if unit == "kwartaal" else 6 if unit.startswith("half") else 12)
    d = _add_months(base, sign * (months // 2))
    if months % 2:  # half a month: fifteen days
        d += dt.timedelta(days=sign * 15)
    return d, Precision.MONTH if about else Precision.DAY


def _within(m: regex.Match[str], meeting: dt.date) -> _Result:
    after = m.group("after")
    if not after:
        return _count(m, meeting)
    ev = AFTER_EVENT_RE.match(" ".join(after.split()))
    if ev is None:
        return _NONE  # counted from an event without a date: 'na ontvangst van het rapport'
    if ev.group("meeting"):
        return _count(m, meeting)
    if ev.group("prinsjesdag"):
        return _count(m, _next_on_or_after(_third_tuesday_of_september, meeting, None))
    if ev.group("day"):  # 'binnen twee weken na 1 juni'
        month, day = MONTHS[ev.group("month").lower()], int(ev.group("day"))
        year = int(ev.group("dyear")) if ev.group("dyear") else None
        return _count(m, _next_on_or_after(lambda y: dt.date(y, month, day), meeting, year))
    year = int(ev.group("year")) if ev.group("year") else None
    date, precision = _count(m, _next_on_or_after(_summer_recess_end, meeting, year))
    return date, None if precision is None else _coarser(precision, Precision.WEEK)


#: Season → start (month, day) and end (month, day; the end of winter is in the next year).
_SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "voorjaar": ((3, 1), (5, 31)),
    "lente": ((3, 1), (5, 31)),
    "zomer": ((6, 1), (8, 31)),
    "najaar": ((9, 1), (11, 30)),
    "herfst": ((9, 1), (11, 30)),
    "winter": ((12, 1), (2, 28)),
}
#: A recess (or holiday) word → its key in RECESS_WINDOWS ('pasen' and 'reces' are handled apart).
_RECESS_WORDS: dict[str, str] = {
    "zomerreces": "zomer", "zomervakantie": "zomer", "kerstreces": "kerst", "kerstvakantie": "kerst",
    "voorjaarsreces": "voorjaar", "voorjaarsvakantie": "voorjaar", "krokusreces": "voorjaar", "krokusvakantie": "voorjaar",
    "meireces": "mei", "meivakantie": "mei", "herfstreces": "herfst", "herfstvakantie": "herfst",
}
_BEFORE = ("voor", "tegen")


def _season(m: regex.Match[str], meeting: dt.date) -> _Result:
    rel = _rel(m)
    if "begin" in rel or "eind" in rel:  # 'aan het eind van de zomer'
        rel = "begin" if "begin" in rel else "eind"
    elif rel == "tussen nu en":
        rel = "voor"
    if "volgend" in (m.group("next") or "").lower():  # 'in het volgende voorjaar'
        rel = "volgend" if rel not in _BEFORE else rel
    word = m.group("season").lower()
    year = _year_of(m, meeting)
    if rel == "na":
        return _NONE  # 'na de zomer': no latest date
    if word.startswith("kerst") and not word.endswith(("reces", "vakantie")):
        if rel in _BEFORE:  # 'voor de kerst': by Christmas Eve
            return _next_on_or_after(lambda y: dt.date(y, 12, 24), meeting, year), Precision.WEEK
        return _NONE
    if word.startswith(("pasen", "paas")):
        if rel in _BEFORE:  # 'voor Pasen': by the Saturday before Easter Sunday
            return _next_on_or_after(lambda y: _easter(y) - dt.timedelta(days=1), meeting, year), Precision.WEEK
        return _NONE
    if word == "reces":  # 'voor het reces': the next recess
        if rel not in _BEFORE or year is not None:
            return _NONE
        starts = sorted((_recess_start(k, y) - dt.timedelta(days=1), RECESS_WINDOWS[k][2])
                        for k in RECESS_WINDOWS for y in (meeting.year, meeting.year + 1))
        return next((d, p) for d, p in starts if d >= meeting)
    recess = _RECESS_WORDS.get(word, "zomer" if word == "zomer" and rel in _BEFORE else None)
    if recess is not None:
        precision = RECESS_WINDOWS[recess][2]
        if rel in _BEFORE:  # 'voor het kerstreces': by the last sitting day before it

            def before(y: int) -> dt.date:
                return _recess_start(recess, y) - dt.timedelta(days=1)

            return _next_on_or_after(before, meeting, year), precision
        if recess == "zomer" and rel in ("in", "tijdens"):  # 'in het zomerreces': by the Monday it ends
            return _next_on_or_after(_summer_recess_end, meeting, year), precision
        return _NONE
    (sm, sd), (em, ed) = _SEASONS[word]
    wraps = em < sm  # winter ends in the next year

    def start(y: int) -> dt.date:
        return dt.date(y, sm, sd)

    def make(y: int) -> dt.date:
        if rel in _BEFORE:  # 'voor het najaar': by the day before it begins
            return start(y) - dt.timedelta(days=1)
        if rel == "begin":  # 'begin van het najaar': by the end of its first month
            return _last_day(y, sm)
        return _last_day(y + 1, 2) if wraps else dt.date(y, em, ed)  # 'in het najaar': by its end

    if rel.startswith("volgend") and year is None:  # 'volgend voorjaar': the next one not yet begun
        y = meeting.year - 1
        while start(y) <= meeting:
            y += 1
        return make(y), Precision.SEASON
    if rel in ("deze", "dit") and year is None and not wraps:  # 'dit najaar': this year's
        return make(meeting.year), Precision.SEASON
    return _next_on_or_after(make, meeting, year), Precision.SEASON


def _quarter(m: regex.Match[str], meeting: dt.date) -> _Result:
    q = m.group("q")
    relq = (m.group("relq") or "").lower()
    if relq:  # 'eind dit kwartaal', 'volgend kwartaal': the meeting's quarter, or the one after it
        d = _last_day(meeting.year, 3 * ((meeting.month - 1) // 3 + 1))
        if relq.startswith(("volgend", "komend")):
            nxt = _add_months(d.replace(day=1), 3)
            d = _last_day(nxt.year, nxt.month)
        return d, Precision.QUARTER
    if q:
        n = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4}[q.lower()]
    else:
        n = int(m.group("qn"))
    return _next_on_or_after(lambda y: _last_day(y, 3 * n), meeting, _year_of(m, meeting)), Precision.QUARTER


def _half(m: regex.Match[str], meeting: dt.date) -> _Result:
    month = 6 if m.group("h").lower() == "eerste" else 12
    return _next_on_or_after(lambda y: _last_day(y, month), meeting, _year_of(m, meeting)), Precision.HALF_YEAR


def _month(m: regex.Match[str], meeting: dt.date) -> _Result:
    rel = _rel(m)
    month = MONTHS[m.group("month").lower()]
    if m.group("month2") and not m.group("day"):  # 'in september of oktober': by the end of the later one
        month = MONTHS[m.group("month2").lower()]
    text = m.group(0).lower()
    year = _year_of(m, meeting)
    if rel == "na":
        return _NONE
    if m.group("day"):
        day = int(m.group("day"))
        if not 1 <= day <= calendar.monthrange(2000, month)[1]:
            return _NONE

        def exact(y: int) -> dt.date:
            d = dt.date(y, month, min(day, calendar.monthrange(y, month)[1]))
            return d - dt.timedelta(days=1) if rel == "voor" else d

        # 'rond 1 juli', 'tegen 1 juli': about then
        return _next_on_or_after(exact, meeting, year), Precision.WEEK if rel in ("rond", "tegen") else Precision.DAY
    if m.group("mhalf"):  # 'in de tweede helft van september'
        half = m.group("mhalf").lower()

        def in_half(y: int) -> dt.date:
            return dt.date(y, month, 15) if half == "eerste" else _last_day(y, month)

        return _next_on_or_after(in_half, meeting, year), Precision.MONTH
    if rel == "voor" and "eind" not in text and "begin" not in text and "midden" not in text:

        def before(y: int) -> dt.date:
            return dt.date(y, month, 1) - dt.timedelta(days=1)

        return _next_on_or_after(before, meeting, year), Precision.MONTH
    if rel == "begin" or "begin" in text:
        day = 10
    elif rel in ("medio", "half", "halverwege") or "midden" in text:
        day = 15
    else:
        day = 0

    def make(y: int) -> dt.date:
        return dt.date(y, month, day) if day else _last_day(y, month)

    return _next_on_or_after(make, meeting, year), Precision.MONTH


def _year(m: regex.Match[str], meeting: dt.date) -> _Result:
    if m.group("endyear"):
        return dt.date(meeting.year, 12, 31), Precision.YEAR
    if m.group("bare"):  # 'volgend jaar', 'dit jaar'
        this = " ".join(m.group("bare").lower().split()).startswith(("dit", "het lopende", "het huidige"))
        return dt.date(meeting.year if this else meeting.year + 1, 12, 31), Precision.YEAR
    year = _year_of(m, meeting)
    assert year is not None
    rel = _rel(m)
    if rel == "eerder":
        return _NONE  # 'eerder dit jaar': the past
    if rel == "voor":  # 'voor 2021': by the end of 2020
        return dt.date(year - 1, 12, 31), Precision.YEAR
    if "eind" in rel:  # 'eind 2020', 'aan het eind van volgend jaar'
        return dt.date(year, 12, 31), Precision.MONTH
    if "begin" in rel:
        return dt.date(year, 3, 31), Precision.QUARTER
    if rel == "medio" or "halverwege" in rel or "midden" in rel:
        return dt.date(year, 6, 30), Precision.HALF_YEAR
    return dt.date(year, 12, 31), Precision.YEAR


def _week(m: regex.Match[str], meeting: dt.date) -> _Result:
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
            return _NONE

        def make(y: int) -> dt.date:
            try:
                return dt.date.fromisocalendar(y, wk, 7)
            except ValueError:
                return dt.date(y, 12, 31)

        return _next_on_or_after(make, meeting, None), Precision.WEEK
    rel = m.group("rel").lower()
    if rel == "deze" or "eind" in rel:  # 'deze week', 'voor het einde van de week'
        return sunday, Precision.WEEK
    if rel.startswith("na"):
        return sunday + dt.timedelta(weeks=2), Precision.WEEK
    return sunday + dt.timedelta(weeks=1), Precision.WEEK


def _rel_month(m: regex.Match[str], meeting: dt.date) -> _Result:
    if m.group("this"):
        return _last_day(meeting.year, meeting.month), Precision.MONTH
    nxt = _add_months(meeting.replace(day=1), 1)
    part = (m.group("part") or "").lower()
    if part == "begin":  # 'begin volgende maand', as 'begin april'
        return nxt.replace(day=10), Precision.MONTH
    if part in ("medio", "halverwege", "midden"):
        return nxt.replace(day=15), Precision.MONTH
    return _last_day(nxt.year, nxt.month), Precision.MONTH


_EARLY = ("voor", "ruim voor", "tijdig voor", "voorafgaand aan", "in aanloop naar")


def _fiscal(m: regex.Match[str], meeting: dt.date) -> _Result:
    rel = _rel(m)
    event = " ".join(m.group("event").lower().split()).removeprefix("ontwerp")
    year = int(m.group("year")) if m.group("year") else None
    if rel == "na":
        return _NONE
    if event in ("voorjaarsnota", "najaarsnota"):  # sent by 1 June / 1 December (Comptabiliteitswet 2016), often weeks before
        month = 6 if event == "voorjaarsnota" else 12

        def nota(y: int) -> dt.date:
            return dt.date(y, month, 1) - dt.timedelta(days=1 if rel in _EARLY else 0)

        return _next_on_or_after(nota, meeting, year), Precision.MONTH
    # The budget for year Y (begroting, Miljoenennota Y) is presented on Prinsjesdag of Y - 1.
    budget_year = None if year is None else year - 1 if event != "prinsjesdag" else year
    if event == "prinsjesdag" or event == "miljoenennota" or (event == "begroting" and rel == "met"):
        precision = Precision.WEEK if rel.startswith("rond") else Precision.DAY

        def day(y: int) -> dt.date:
            return _third_tuesday_of_september(y) - dt.timedelta(days=1 if rel in _EARLY else 0)

        return _next_on_or_after(day, meeting, budget_year), precision
    # The debates on the budgets (begrotingsbehandelingen) run from October until the kerstreces; 'bij de
    # begroting' may mean the document or its debate: by the last sitting day before the kerstreces, quarter precision.

    def debates_done(y: int) -> dt.date:
        return _recess_start("kerst", y) - dt.timedelta(days=1)

    return _next_on_or_after(debates_done, meeting, budget_year), Precision.QUARTER


def _no_date(m: regex.Match[str], meeting: dt.date) -> _Result:
    return _NONE


_Rule = Callable[[regex.Match[str], dt.date], _Result]

#: Each pattern with its rule and one or two groups of substrings (lower case): every match of the pattern
#: holds one substring of each group, so a pattern runs only on a text that does ('binnen vier weken' holds
#: 'week'; 'drie maanden na de inwerkingtreding' holds 'maand' and 'na ').
_UNITS = ("dag", "week", "weken", "maand", "jaar", "kwartaal")
_Keys = tuple[str, ...]
_RULE_KEYS: list[tuple[regex.Pattern[str], _Rule, tuple[_Keys, ...]]] = [
    (WITHIN_RE, _within, (_UNITS,)),
    (AFTER_RE, _within, (_UNITS, ("na ", "na\n", "na\t", "nadat"))),
    (ASAP_RE, _no_date, (("mogelijk", "z.", "zsm", "kort", "afzienbare", "snel", "omgaande", "spoedig", "onverwijld"),)),
    (SEASON_RE, _season, (("zomer", "kerst", "jaar", "lente", "herfst", "winter", "reces", "vakantie", "pasen"),)),
    (QUARTER_RE, _quarter, (("kwartaal", "q"),)),
    (HALF_RE, _half, (("helft", "half"),)),
    (MONTH_RE, _month, (tuple(MONTHS),)),
    (YEAR_RE, _year, (("jaar", "19", "20"),)),
    (WEEK_RE, _week, (("week", "morgen", "vandaag", "vanavond"),)),
    (REL_MONTH_RE, _rel_month, (("maand",),)),
    (FISCAL_RE, _fiscal, (("prinsjesdag", "nota", "begroting"),)),
    (EVENT_RE, _no_date, (("behandeling", "debat", "overleg", "ao", "verkiezingen", "raad", "top", "voortgang"),)),
]
_ENCODED: dict[_Keys, tuple[bytes, ...]] = {}  # one tuple per group, so that _find sees a shared group
_RULES: list[tuple[regex.Pattern[str], _Rule, tuple[bytes, ...], tuple[bytes, ...]]] = [
    (pattern, rule, _ENCODED.setdefault(keys[0], tuple(k.encode() for k in keys[0])),
     tuple(k.encode() for group in keys[1:] for k in group))
    for pattern, rule, keys in _RULE_KEYS
]
_PREFIX_REACH = 40  # characters before an expression searched for 'niet', 'twee weken', 'uiterlijk'


def _find(text: str, meeting: dt.date | None) -> list[_Found]:
    # PERF: a pattern runs only if the text holds one of its keywords; the prefix tests only at a hit.
    low = keytext(text)
    found: list[_Found] = []
    holds = low.__contains__
    last_keys: tuple[bytes, ...] = ()
    held = False
    for pattern, rule, keys, also in _RULES:
        if keys is not last_keys:  # WITHIN_RE and AFTER_RE share their first group
            last_keys, held = keys, any(map(holds, keys))
        if not held or (also and not any(map(holds, also))):
            continue
        for m in pattern.finditer(text):
            found.append(_found(text, m, rule, meeting))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[_Found] = []
    last_end = -1
    for f in found:
        if f.start < last_end:
            continue  # overlaps a longer, earlier expression
        out.append(f)
        last_end = f.end
    return out


def _found(text: str, m: regex.Match[str], rule: _Rule, meeting: dt.date | None) -> _Found:
    """One expression with the words just before it: a negation, a period counted back, a 'latest' mark."""
    start = m.start()
    reach = max(0, start - _PREFIX_REACH)
    neg = NEGATION_RE.search(text, reach, start)
    if neg is not None:  # 'niet voor de zomer'
        return _Found(neg.start(), m.end(), None, None, negated=True)
    back = None
    if m.group(0)[:5].lower().rstrip() in ("voor", "vóór"):
        back = PERIOD_BEFORE_RE.search(text, reach, start)  # 'twee weken voor de zomer'
        if back is not None:
            start = back.start()
    date, precision = _NONE
    if meeting is not None:
        try:
            date, precision = rule(m, meeting)
            if back is not None and date is not None and precision is not None:  # counted back from where 'voor' ends
                date, by = _count(back, date + dt.timedelta(days=1), -1)
                precision = None if by is None else _coarser(precision, by)
        except (ValueError, OverflowError):  # an impossible date ('31 februari'): keep the words only
            date, precision = _NONE
        if date is not None and date < meeting:
            date, precision = _NONE  # 'eind 2019' said in 2020: no deadline by then
    latest = m.group(0)[:9].lower().startswith(("uiterlijk", "niet late")) or (
        LATEST_RE.search(text, max(0, start - _PREFIX_REACH), start) is not None)
    return _Found(start, m.end(), date, precision, latest=latest)


def _deadline(text: str, f: _Found) -> Deadline:
    words = " ".join(text[f.start : f.end].split())
    return Deadline(text=words, date=f.date, precision=f.precision if f.date else None)


def find_deadlines(text: str, meeting: dt.date | None) -> list[Deadline]:
    """Every deadline expression in ``text``, in order; dates only when ``meeting`` is known.

    A negated expression ('niet voor de zomer') is listed with its negation and without a date.
    """
    return [_deadline(text, f) for f in _find(text, meeting)]


def parse_deadline(text: str, meeting: dt.date | None) -> Deadline | None:
    """The deadline of ``text`` ('Binnen vier weken' → meeting + 28 days, day precision), or ``None``.

    The first expression that is not negated ('niet voor de zomer maar voor het kerstreces' → the
    kerstreces; if all are negated, the first one, without a date), unless it has no date and a later one
    with a date is marked as the latest ('zo spoedig mogelijk, maar uiterlijk voor de zomer' → the zomer).
    """
    hits = _find(text, meeting)
    if not hits:
        return None
    first = next((f for f in hits if not f.negated), hits[0])
    if first.date is None:
        first = next((f for f in hits if f.start > first.start and f.latest and f.date is not None), first)
    return _deadline(text, first)
