"""Speaker resolution: who is meant by 'meneer Amhaouch', 'collega Keijzer' or 'de Minister van BZK'.

A :class:`Roster` is built from the report's own header (members present, the bewindspersonen
with their offices, the chair) and from the speakers of the turns.  :meth:`Roster.resolve` maps a
mention to one person with a score and a reason, or to ``None`` when nobody matches well enough
or when two people match equally well: a name is never guessed.

Matching uses rapidfuzz on accent-folded, case-folded names; offices are compared by title
(minister, staatssecretaris) and ministry, with the usual ministry abbreviations expanded
(BZK, EZK, JenV, VWS, OCW, IenW, SZW, LNV, BuZa, Financiën, Defensie, AZ, BHO ...).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar, cast

import regex
from rapidfuzz import fuzz

from verslag.model import Role, Verslag

__all__ = [
    "MINISTRY_ABBREVIATIONS",
    "Mention",
    "Person",
    "Resolution",
    "Roster",
    "expand_ministry",
    "fold",
    "keytext",
    "names_in",
    "roster",
]

PersonKind = Literal["member", "government"]

_T = TypeVar("_T")

#: Minimum rapidfuzz ratio (0..100) for a surname to count as the same name ('Amhaoch' ~ 'Amhaouch').
NAME_MIN_RATIO = 88.0
#: Minimum rapidfuzz ratio (0..100) for a ministry name when it is neither equal nor a part of the office.
MINISTRY_MIN_RATIO = 90.0
#: Score of a bare title ('de staatssecretaris') that fits exactly one bewindspersoon present.
BARE_TITLE_SCORE = 0.8
#: A name mentioned with the other salutation ('de heer Keijzer' for mevrouw Keijzer) scores this share.
SALUTATION_MISMATCH_FACTOR = 0.8

#: The salutation of a mention or a person: 'de heer', 'meneer', 'mijnheer', 'dhr.' or 'mevrouw', 'mevr.'.
GENDER_RE = regex.compile(r"^\s*(?:de\s+)?(?P<m>heer|meneer|mijnheer|dhr\.)\b|^\s*(?P<f>mevrouw|mevr\.)", regex.IGNORECASE)


def _gender(text: str) -> str | None:
    """'m' or 'f' from a leading salutation, else None."""
    g = GENDER_RE.match(text)
    if g is None:
        return None
    return "m" if g.group("m") else "f"

#: Ministry abbreviations and short forms → the ministry's name as used in offices.
#: Keys are compared case-folded with '&' and spaces removed ('J&V' → 'jv').
MINISTRY_ABBREVIATIONS: dict[str, str] = {
    "az": "Algemene Zaken",
    "bz": "Buitenlandse Zaken",
    "buza": "Buitenlandse Zaken",
    "bho": "Buitenlandse Handel en Ontwikkelingssamenwerking",
    "bhos": "Buitenlandse Handel en Ontwikkelingssamenwerking",
    "bzk": "Binnenlandse Zaken en Koninkrijksrelaties",
    "def": "Defensie",
    "defensie": "Defensie",
    "ez": "Economische Zaken",
    "ezk": "Economische Zaken en Klimaat",
    "ezk/lnv": "Economische Zaken en Klimaat",
    "fin": "Financiën",
    "financien": "Financiën",
    "financiën": "Financiën",
    "ienm": "Infrastructuur en Milieu",
    "ienw": "Infrastructuur en Waterstaat",
    "iw": "Infrastructuur en Waterstaat",
    "jenv": "Justitie en Veiligheid",
    "jv": "Justitie en Veiligheid",
    "venj": "Veiligheid en Justitie",
    "kgg": "Klimaat en Groene Groei",
    "lnv": "Landbouw, Natuur en Voedselkwaliteit",
    "lvvn": "Landbouw, Visserij, Voedselzekerheid en Natuur",
    "ocw": "Onderwijs, Cultuur en Wetenschap",
    "szw": "Sociale Zaken en Werkgelegenheid",
    "vro": "Volkshuisvesting en Ruimtelijke Ordening",
    "vws": "Volksgezondheid, Welzijn en Sport",
    "aenm": "Asiel en Migratie",
}

_TUSSENVOEGSEL = r"(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|[Hh]et|'t|[Ii]n|[Oo]p|[Ll]e|[Ll]a|[Dd]a|[Dd]i|[Dd]u|[Ee]l|[Aa]l)"

#: A surname with optional tussenvoegsels and at most one further capitalised word:
#: 'Van Otterloo', 'van der Lee', 'Van Haersma Buma', 'Dik-Faber', 'Özütok'.
NAME_RE = regex.compile(
    rf"""(?:{_TUSSENVOEGSEL}\s+){{0,3}}\p{{Lu}}[\p{{L}}'’\-]+(?:\s+\p{{Lu}}[\p{{L}}'’\-]+)?""",
    regex.VERBOSE,
)

#: A person mentioned by salutation or office in running text.
#: 'Het woord is aan de heer Amhaouch van de CDA-fractie.' / 'Ik sluit me aan bij collega Keijzer'
#: / 'Ik kijk naar de Minister van BZK, van Binnenlandse Zaken en Koninkrijksrelaties.'
MENTION_RE = regex.compile(
    rf"""
    (?P<office>
        \b(?:[Dd]e\s+)?(?:[Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris|[Vv]iceminister-president)
        \s+(?:van|voor)\s+
        (?:\p{{Lu}}[\p{{L}}&/\-]*|en|,)(?:\s*(?:\p{{Lu}}[\p{{L}}&/\-]*|en\s+(?=\p{{Lu}})|,\s*(?=\p{{Lu}})))*
    )
    |
    (?P<titled>
        \b(?:[Dd]e\s+heer|[Mm]evrouw|[Mm]eneer|[Mm]ijnheer|[Cc]ollega|[Hh]et\s+lid|[Mm]inister|[Ss]taatssecretaris)
        \s+(?P<name>{NAME_RE.pattern})
        (?P<party>\s+(?:van\s+(?:de\s+)?(?:fractie\s+van\s+(?:de\s+)?)?)?\(?[\p{{Lu}}0-9][\p{{L}}0-9\-]*\)?)?
    )
    |
    (?P<bare>\b(?:[Dd]e|[Dd]eze)\s+(?:[Mm]inister-[Pp]resident|[Mm]inister(?!-)|[Ss]taatssecretaris|[Pp]remier)\b)
    """,
    regex.VERBOSE,
)

#: The parts of an office: 'Minister van Binnenlandse Zaken en Koninkrijksrelaties', 'Minister voor Rechtsbescherming'.
OFFICE_RE = regex.compile(
    r"""^(?:de\s+)?(?P<title>minister-president|viceminister-president|minister|staatssecretaris|premier|bewindspersoon)
        (?:\s+(?P<prep>van|voor)\s+(?P<ministry>.+?))?\s*$""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: Salutations and determiners before a name: 'de heer', 'mevrouw', 'meneer', 'collega', 'het lid'.
SALUTATION_RE = regex.compile(
    r"^(?:(?:de|het|mijn|onze|mijnheer\s+de)\s+)?(?:heer|mevrouw|mevr\.|meneer|mijnheer|dhr\.|collega|lid|leden)\s+",
    regex.IGNORECASE,
)

#: A trailing party after a name: 'Verhoeven van D66', 'Amhaouch van de CDA-fractie', 'Buitenweg (GroenLinks)'.
PARTY_TAIL_RE = regex.compile(
    r"""\s+(?:\((?P<p1>[^)]+)\)?|van\s+(?:de\s+)?(?:fractie\s+van\s+(?:de\s+)?)?(?P<p2>[\p{L}0-9\-]+?)(?:-?fractie)?)\s*$""",
    regex.VERBOSE | regex.IGNORECASE,
)

_TITLES = {"minister": "minister", "staatssecretaris": "staatssecretaris", "minister-president": "minister-president",
           "premier": "minister-president", "viceminister-president": "minister", "bewindspersoon": "*"}


#: A run of characters outside ASCII: after NFKD only these can be combining marks ('Özütok' → 'O\u0308zu\u0308tok').
NON_ASCII_RE = regex.compile(r"[^\x00-\x7f]+")

#: Strings up to this length are folded once and remembered (names, parties, mentions); longer ones each time.
FOLD_CACHE_MAX_LEN = 120


def _drop_combining(m: regex.Match[str]) -> str:
    return "".join(c for c in m.group() if not unicodedata.combining(c))


def _fold(s: str) -> str:
    # PERF: was a generator over every character of every string (1.1 M calls to unicodedata.combining
    # per 20 analyses of the fixture, ~30 % of analyze); now ASCII text is folded by str methods alone
    # and only the non-ASCII runs are filtered character by character.  Same result.
    if s.isascii():
        return " ".join(s.casefold().split())
    plain = NON_ASCII_RE.sub(_drop_combining, unicodedata.normalize("NFKD", s))
    return " ".join(plain.casefold().replace("’", "'").split())


@functools.lru_cache(maxsize=8192)
def _fold_short(s: str) -> str:
    return _fold(s)


def fold(s: str) -> str:
    """Case- and accent-folded text with single spaces: 'Van  Öztürk' → 'van ozturk'."""
    # PERF: short strings (the same few names thousands of times per report) come from a cache.
    return _fold_short(s) if len(s) <= FOLD_CACHE_MAX_LEN else _fold(s)


#: The letters that the regex module's IGNORECASE takes for an ASCII letter: 'İ' ~ 'i', 'K' (kelvin) ~ 'k', 'ſ' ~ 's'.
_ASCII_LOOKALIKES = str.maketrans({"\u0130": "i", "\u212a": "k", "\u017f": "s"})


def keytext(text: str) -> bytes:
    """``text`` as lower-case ASCII bytes, one per character (any other character becomes '?').

    For keyword tests that stand in for a case-insensitive pattern: where a match of the pattern
    holds an ASCII keyword, ``keytext(text)`` holds it in lower case at the same position (the
    three letters IGNORECASE takes for ASCII letters are mapped to them first).  Much cheaper than
    str.lower() on text with non-Latin-1 characters ('’', '–').
    """
    if not text.isascii() and ("\u0130" in text or "\u212a" in text or "\u017f" in text):
        text = text.translate(_ASCII_LOOKALIKES)
    return text.encode("ascii", "replace").lower()


def expand_ministry(text: str) -> str:
    """The ministry named by ``text``, with an abbreviation expanded: 'BZK' → 'Binnenlandse Zaken en Koninkrijksrelaties'."""
    key = fold(text).replace("&", "").replace(" ", "").replace(".", "")
    return MINISTRY_ABBREVIATIONS.get(key, text.strip())


#: The separators between the words of a ministry: 'Volksgezondheid, Welzijn en Sport'.
MINISTRY_SPLIT_RE = regex.compile(r"[\s,]+")


@functools.lru_cache(maxsize=1024)
def _ministry_words_cached(text: str) -> tuple[str, ...]:
    return tuple(w for w in MINISTRY_SPLIT_RE.split(fold(expand_ministry(text))) if w and w != "en")


def _ministry_words(text: str) -> list[str]:
    # PERF: cached per ministry text (the same offices are compared for every office mention).
    return list(_ministry_words_cached(text))


#: Two offices held at once, the first a title only: 'Minister-president, Minister van Algemene Zaken'.
DOUBLE_OFFICE_RE = regex.compile(
    r"^(?P<title>minister-president|viceminister-president)\s*,\s*(?:minister|staatssecretaris)\s+(?:van|voor)\s+(?P<ministry>.+?)\s*$",
    regex.IGNORECASE,
)


@functools.lru_cache(maxsize=1024)
def _office_parts(office: str) -> tuple[bool, str | None, str | None]:
    """(whether OFFICE_RE reads it, title, ministry) of an office, read once per distinct office text."""
    d = DOUBLE_OFFICE_RE.match(office)
    if d:
        return True, _TITLES.get(d.group("title").lower()), d.group("ministry")
    m = OFFICE_RE.match(office)
    if not m:
        return False, None, None
    return True, _TITLES.get(m.group("title").lower()), (m.group("ministry") or None)


@dataclass(frozen=True)
class Person:
    """Someone present at the meeting, as the header and the labels give them."""

    name: str
    kind: PersonKind
    party: str | None = None
    office: str | None = None
    salutation: str = ""
    is_chair: bool = False
    role_title: str | None = None

    @property
    def title(self) -> str | None:
        """'minister', 'staatssecretaris' or 'minister-president': from the office, else from the label's role."""
        # PERF: OFFICE_RE ran for every person on every name lookup; now once per distinct office.
        if self.office:
            read, title, _ = _office_parts(self.office)
            if read:
                return title
        return self.role_title

    @property
    def ministry(self) -> str | None:
        """The ministry part of the office: 'Justitie en Veiligheid'."""
        if not self.office:
            return None
        return _office_parts(self.office)[2]


@dataclass(frozen=True)
class Resolution:
    """A mention resolved to a person: the surname, how sure (0..1) and why."""

    name: str
    score: float
    kind: PersonKind
    reason: str


@dataclass(frozen=True)
class Mention:
    """A reference to a person found in running text, with its character span and resolution (or None)."""

    start: int
    end: int
    text: str
    resolution: Resolution | None


@dataclass
class Roster:
    """The people of one report, with the rules to resolve a mention to one of them."""

    people: list[Person] = field(default_factory=list)
    _memo: dict[Hashable, object] = field(default_factory=dict, init=False, repr=False, compare=False)
    _memo_people: tuple[Person, ...] = field(default=(), init=False, repr=False, compare=False)

    def cached(self, key: Hashable, make: Callable[[], _T]) -> _T:
        """``make()``, computed once per ``key`` for as long as :attr:`people` stays the same.

        For facts that depend only on the roster and the key (a mention's resolution, whom a chair's
        turn gives the floor): the structure rules ask for the same ones many times per report.
        """
        people = tuple(self.people)
        if people != self._memo_people:
            self._memo.clear()
            self._memo_people = people
        try:
            return cast(_T, self._memo[key])
        except KeyError:
            value = self._memo[key] = make()
            return value

    def members(self) -> list[Person]:
        """The members of the Kamer present (including the chairing member)."""
        return [p for p in self.people if p.kind == "member"]

    def government(self) -> list[Person]:
        """The bewindspersonen present."""
        return [p for p in self.people if p.kind == "government"]

    def parties(self) -> set[str]:
        """The folded party names known from the labels."""
        return set(self._parties())

    def _parties(self) -> frozenset[str]:
        return self.cached(("parties",), lambda: frozenset(fold(p.party) for p in self.people if p.party))

    def get(self, name: str) -> Person | None:
        """The person with exactly this surname (case-insensitive), preferring a bewindspersoon's record."""
        hits = [p for p in self.people if fold(p.name) == fold(name)]
        return hits[0] if hits else None

    # -- resolution -------------------------------------------------------------------------------

    def resolve(self, mention: str, *, kind: PersonKind | None = None) -> Resolution | None:
        """Resolve a mention ('meneer Amhaouch', 'de Minister van BZK') to one person, or ``None``.

        ``kind`` restricts the search to members or to bewindspersonen.
        """
        # PERF: the same mentions are resolved over and over (every hand-over, every announcement):
        # 53 resolutions per analysis of the fixture took ~14 ms; now each distinct one is resolved once.
        return self.cached(("resolve", mention, kind), lambda: self._resolve(mention, kind))

    def _resolve(self, mention: str, kind: PersonKind | None) -> Resolution | None:
        text = " ".join(mention.replace("\u00a0", " ").split()).strip(" .,;:!?«»\"'()")
        if not text or len(text) > 200:
            return None
        m = OFFICE_RE.match(text)
        if m and m.group("ministry"):
            if kind == "member":
                return None
            return self._by_office(m.group("title"), m.group("ministry"))
        if m:
            if kind == "member":
                return None
            return self._by_title(m.group("title"))
        title = None
        first = text.split()[0].lower()
        if first in ("minister", "staatssecretaris", "premier", "minister-president"):
            title = _TITLES[first]
            text = text.split(None, 1)[1] if " " in text else ""
            kind = kind or "government"
        gender = _gender(text)
        text = SALUTATION_RE.sub("", text)
        party: str | None = None
        pm = PARTY_TAIL_RE.search(text)
        if pm:
            cand = (pm.group("p1") or pm.group("p2") or "").strip()
            parties = self._parties()
            if fold(cand) in parties or fold(cand).removesuffix("-fractie") in parties:
                party = fold(cand).removesuffix("-fractie")
                text = text[: pm.start()]
        return self._by_name(text, kind=kind, title=title, party=party, gender=gender)

    def _by_name(
        self, name: str, *, kind: PersonKind | None, title: str | None, party: str | None, gender: str | None = None
    ) -> Resolution | None:
        key = fold(name)
        if not key:
            return None
        scored: dict[tuple[str, str], tuple[float, Person]] = {}  # by (name, kind): two people may share a name
        mismatched: dict[tuple[str, str], float] = {}  # who → the name's own score
        for p in self.people:
            if kind and p.kind != kind:
                continue
            if title and p.title and p.title != title:
                continue
            if party and p.party and fold(p.party) != party:
                continue
            pk = fold(p.name)
            if key == pk:
                score = 100.0
            else:
                score = fuzz.ratio(key, pk)
                # 'Van Otterloo' mentioned as 'Otterloo': the surname without its tussenvoegsel.
                tail = pk.split()[-1]
                if key == tail and " " in pk:
                    score = max(score, 95.0)
            if score < NAME_MIN_RATIO:
                continue
            who = (p.name, p.kind)
            # 'de heer Keijzer' for mevrouw Keijzer: a salutation that does not fit costs a share of the
            # score, so that it tells two people of one name apart and still finds the one person of it.
            other = _gender(p.salutation)
            if gender and other and gender != other:
                mismatched[who] = score
                score *= SALUTATION_MISMATCH_FACTOR
            if score > scored.get(who, (0.0, p))[0]:
                scored[who] = (score, p)
        res = _best(scored.values(), "name")
        raw = mismatched.get((res.name, res.kind)) if res is not None else None
        if res is not None and raw is not None:
            how = "equal" if raw >= 100 else f"similar ({raw:.0f})"
            res = Resolution(res.name, res.score, res.kind, f"name {how}, salutation differs")
        return res

    def _by_office(self, title: str, ministry: str) -> Resolution | None:
        want_title = _TITLES.get(title.lower(), title.lower())
        want = _ministry_words(ministry)
        if not want:
            return None
        scored: dict[str, tuple[float, Person]] = {}
        for p in self.government():
            if p.ministry is None:
                continue
            # The Minister-president is also the Minister van Algemene Zaken.
            if want_title != "*" and p.title != want_title and not (
                want_title == "minister" and p.title == "minister-president"
            ):
                continue
            have = _ministry_words(p.ministry)
            if want == have:
                score = 100.0
            elif len(want) < len(have) and have[: len(want)] == want:
                score = 92.0  # 'Minister van Justitie' for the Minister van Justitie en Veiligheid
            else:
                score = fuzz.ratio(" ".join(want), " ".join(have))
                if score < MINISTRY_MIN_RATIO:
                    continue
            if score > scored.get(p.name, (0.0, p))[0]:
                scored[p.name] = (score, p)
        return _best(scored.values(), "office")

    def _by_title(self, title: str) -> Resolution | None:
        want = _TITLES.get(title.lower(), title.lower())
        hits = [p for p in self.government() if want == "*" or p.title == want]
        names = {p.name for p in hits}
        if len(names) != 1:
            return None
        p = hits[0]
        return Resolution(p.name, BARE_TITLE_SCORE, p.kind, f"the only {want} present")

    def find(self, text: str, *, kind: PersonKind | None = None) -> list[Mention]:
        """Every mention of a person in ``text`` with its resolution (``None`` if it resolves to nobody)."""
        # PERF: memoised per text (a chair's turn is searched by the phases, the interruptions and the list).
        return list(self.cached(("find", text, kind), lambda: tuple(self._find(text, kind))))

    def _find(self, text: str, kind: PersonKind | None) -> list[Mention]:
        out: list[Mention] = []
        for m in MENTION_RE.finditer(text):
            if m.group("office"):
                span = m.group("office").rstrip(" ,")
                res = self.resolve(span, kind=kind)
                # 'de Minister van Justitie en Veiligheid voor zijn beantwoording': try shorter spans too.
                words = span.split()
                while res is None and len(words) > 3:
                    words = words[:-1]
                    if words[-1] in ("en", "van", "voor"):
                        continue
                    res = self.resolve(" ".join(words), kind=kind)
                out.append(Mention(m.start(), m.start() + len(span), span, res))
            elif m.group("titled"):
                res = self._resolve_titled(m, kind)
                out.append(Mention(m.start(), m.end(), m.group(0), res))
            else:
                out.append(Mention(m.start(), m.end(), m.group(0), self.resolve(m.group(0), kind=kind)))
        return out

    def _resolve_titled(self, m: regex.Match[str], kind: PersonKind | None) -> Resolution | None:
        head = m.group(0)[: m.start("name") - m.start()]
        name = m.group("name")
        party = (m.group("party") or "").strip()
        tries = [f"{head}{name} {party}".strip(), f"{head}{name}"]
        words = name.split()
        if len(words) > 1:
            tries.append(f"{head}{' '.join(words[:-1])}")
        for t in tries:
            res = self.resolve(t, kind=kind)
            if res is not None:
                return res
        return None


def _best(scored: Iterable[tuple[float, Person]], how: str) -> Resolution | None:
    """The best-scoring person, unless two score the same (then nobody: a name is never guessed)."""
    ranked = sorted(scored, key=lambda sp: -sp[0])
    if not ranked:
        return None
    top_score, top = ranked[0]
    if len(ranked) > 1 and ranked[1][0] >= top_score:
        return None  # two people fit equally well: do not guess
    reason = f"{how} {'equal' if top_score >= 100 else f'similar ({top_score:.0f})'}"
    return Resolution(top.name, round(top_score / 100, 3), top.kind, reason)


def _kind(role: Role) -> PersonKind:
    return "government" if role in (Role.MINISTER, Role.STATE_SECRETARY) else "member"


def roster(v: Verslag, extra: Iterable[Person] = ()) -> Roster:
    """The people of ``v``: header (members present, bewindspersonen, chair) and the turns' speakers."""
    people: dict[tuple[str, str], Person] = {}

    def add(p: Person) -> None:
        key = (fold(p.name), p.kind)
        old = people.get(key)
        if old is None:
            people[key] = p
            return
        party = old.party or p.party
        office = old.office or p.office
        salutation = old.salutation or p.salutation
        is_chair = old.is_chair or p.is_chair
        role_title = old.role_title or p.role_title
        if (party is old.party and office is old.office and salutation is old.salutation
                and is_chair is old.is_chair and role_title is old.role_title):
            return  # PERF: the same fields (the same objects): the merged Person would equal ``old``
        people[key] = Person(
            name=old.name,
            kind=old.kind,
            party=party,
            office=office,
            salutation=salutation,
            is_chair=is_chair,
            role_title=role_title,
        )

    for g in v.meta.government:
        add(Person(g.name, "government", office=g.office, salutation=g.salutation))
    for name in v.meta.members_present:
        add(Person(name, "member", is_chair=(name == v.meta.chair)))
    if v.meta.chair:
        add(Person(v.meta.chair, "member", is_chair=True))
    # PERF: a speaker's Person is made once, not for each of their turns, and adding it again
    # changes nothing (see add): roster() of kst-26643-679 (174 turns, 9 people) 0.53 ms -> 0.15 ms.
    made: dict[tuple[str, Role, str | None, str | None, str], Person] = {}
    for t in v.turns:
        sp = t.speaker
        if sp.role == Role.CHAIR or not sp.name:
            continue
        sig = (sp.name, sp.role, sp.party, sp.office, sp.prefix)
        p = made.get(sig)
        if p is None:
            role_title = {Role.MINISTER: "minister", Role.STATE_SECRETARY: "staatssecretaris"}.get(sp.role)
            if role_title == "minister" and fold(sp.prefix).startswith("minister-president"):
                role_title = "minister-president"
            salutation = {"de heer": "de heer", "mevrouw": "mevrouw"}.get(fold(sp.prefix), "")
            p = made[sig] = Person(sp.name, _kind(sp.role), party=sp.party, office=sp.office, role_title=role_title,
                                   salutation=salutation)  # fmt: skip
        add(p)
    for p in extra:
        add(p)
    return Roster(list(people.values()))


def names_in(text: str, people: Roster, *, kind: PersonKind | None = None) -> Sequence[str]:
    """The distinct surnames of the people resolved in ``text``, in order of first mention."""
    seen: dict[str, None] = {}
    for m in people.find(text, kind=kind):
        if m.resolution is not None:
            seen.setdefault(m.resolution.name, None)
    return list(seen)

