"""Phases of a debate (termijnen) and who is given the floor.

A committee debate runs: the chair opens; the members give their inbreng (eerste termijn van de
Kamer); the bewindspersonen answer one after the other (eerste termijn van het kabinet); often a
second round of both; the chair reads out the commitments (toezeggingen); the chair closes.

The boundaries are found from what happens, never from turn counts:

* ``members_first_term`` starts at the first member's inbreng: the first member given the floor
  by the chair, or the first long member turn;
* ``government_first_term`` starts at the first *answer* of a bewindspersoon: a turn after the
  chair gave that bewindspersoon (or 'de bewindspersonen', 'de beantwoording') the floor, a turn
  that opens by thanking for the questions ('Dank voor de vragen.'), the first turn after a
  suspension, or a long turn.  A short remark of a bewindspersoon during a member's inbreng does
  not start it;
* ``members_second_term`` starts at the chair's turn announcing the tweede termijn (followed by the
  member it gives the floor, or by a member who speaks at some length), or else at the first member turn that opens a run of inbrengen of at least
  two members before the government speaks again;
* ``government_second_term`` starts at the next answer of a bewindspersoon;
* ``commitments`` starts at the chair's turn that opens the closing list (see
  :func:`verslag.commitments.find_list_start`) and holds the interjections during it;
* ``closing`` is the chair's final turn(s) after the last turn of anyone else, without list items.

A report with one termijn simply has no second-term phases; a report without bewindspersonen
(a rondetafelgesprek) has only opening, members_first_term and closing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import regex

from verslag.model import Phase, Role, Turn, Verslag
from verslag.speakers import Roster, fold, roster

__all__ = [
    "ANSWER_MIN_WORDS",
    "FORMAL_OPENING_MIN_WORDS",
    "INBRENG_MIN_WORDS",
    "INBRENG_OPENING_RE",
    "THANKS_OPENING_RE",
    "PhasePlan",
    "TurnKind",
    "assign_phases",
    "floor_targets",
    "has_words",
    "plan_phases",
    "sentence_span",
    "sentences",
    "turn_kind",
]

TurnKind = Literal["chair", "member", "government"]

#: A bewindspersoon's turn of at least this many words is an answer even without a hand-over.
ANSWER_MIN_WORDS = 200
#: After the chair gave a bewindspersoon the floor, a turn of at least this many words starts an answer.
ANSWER_AFTER_HANDOVER_MIN_WORDS = 5
#: A member turn of at least this many words can open the members' first term without a hand-over.
INBRENG_MIN_WORDS = 100
#: The first member turn right after the chair's opening starts the members' term if it has this many words.
OPENING_INBRENG_MIN_WORDS = 30
#: A member's inbreng in a second-term run must have at least this many words.
SECOND_TERM_MIN_WORDS = 12
#: A turn with the formal opening and at least this many words starts a new inbreng without a hand-over.
FORMAL_OPENING_MIN_WORDS = 60

#: Sentence boundary: after . ! ? (or an ellipsis) followed by a space.
#: 'Ik zal u dat onderzoek toezenden. Dan de vraag over IPv6.' splits after 'toezenden.'.
#: The definition: sentences() and sentence_span() find the same boundaries with the two patterns
#: below, without its lookbehind (tests/test_phases.py holds them to it).
SENTENCE_SPLIT_RE = regex.compile(r"(?<=[.!?…])\s+(?=[\p{Lu}«\"'‘(–\d])")

#: A sentence end with the boundary after it (the boundary starts one character later):
#: 'Ik zal u dat onderzoek toezenden. Dan de vraag over IPv6.' matches '. ' after 'toezenden'.
SENTENCE_END_RE = regex.compile(r"[.!?…]\s+(?=[\p{Lu}«\"'‘(–\d])")

#: The white space of a boundary, right after a sentence end: the ' ' before 'Dan' in
#: 'Ik zal u dat onderzoek toezenden. Dan de vraag over IPv6.'
SENTENCE_GAP_RE = regex.compile(r"\s+(?=[\p{Lu}«\"'‘(–\d])")

#: The chair gives the floor.  'Het woord is aan de heer Amhaouch van de CDA-fractie.' /
#: 'Dan kijken we naar de Minister van Binnenlandse Zaken en Koninkrijksrelaties voor zijn beantwoording.' /
#: 'Als laatste heeft mevrouw Buitenweg van de GroenLinksfractie het woord.' / 'Ik kijk naar de heer Van Otterloo' /
#: 'Ik geef als eerste het woord aan mevrouw Westerveld.' / 'Mevrouw Westerveld, gaat uw gang met uw inbreng.' /
#: 'We gaan nu luisteren naar de heer Paternotte van de fractie van D66.' /
#: 'De laatste spreker van de zijde van de Kamer is de heer Amhaouch van de fractie van het CDA.' /
#: 'Dan de laatste spreker van de zijde van de Kamer: de heer Van Wijngaarden van de fractie van de VVD.' /
#: 'Dan is het woord nu aan de heer Van Weyenberg van Democraten '66.' /
#: 'Als eerste geef ik de heer Krol van de eerste helft van 50PLUS het woord.'
HANDOVER_RE = regex.compile(
    r"""\b(?:het\s+woord\s+is\s+(?:nu\s+|dan\s+|eerst\s+)?(?:aan|voor)
        |is\s+(?:nu\s+|dan\s+|eerst\s+)?het\s+woord\s+(?:nu\s+|dan\s+|eerst\s+)?(?:aan|voor)
        |geef\s+(?:ik\s+)?(?:nu\s+|graag\s+|eerst\s+|als\s+(?:eerste|eerst|laatste|volgende)\s+)?(?:het\s+woord\s+)?(?:aan|naar)
        |heeft\s+(?:nu\s+|eerst\s+)?(?:\S+\s+){0,8}?het\s+woord
        |(?:ik\s+)?kijk\s+(?:even\s+|nu\s+|eerst\s+)?(?:naar|richting)
        |kijken\s+we\s+(?:nu\s+|eerst\s+)?naar
        |gaan\s+we\s+(?:nu\s+|eerst\s+)?(?:naar|luisteren\s+naar)
        |we\s+gaan\s+(?:nu\s+|eerst\s+)?luisteren\s+naar
        |\b(?:eerste|volgende|laatste)\s+spreker\b[^.?!:]{0,80}?(?:\bis\b|:)
        |(?:de\s+)?beurt\s+(?:is\s+)?aan
        |voor\s+(?:zijn|haar|de)\s+beantwoording
        |geef\s+ik\s+(?:\S+\s+){1,10}het\s+woord
        |gaat\s+uw\s+gang\s+(?:met|voor)\s+(?:uw|haar|zijn)\s+(?:inbreng|betoog|termijn|beantwoording)
        |mag\s+(?:\S+\s+){1,6}beginnen
        |gelegenheid\s+(?:\S+\s+){0,2}(?:krijgen|krijgt|geven|geef|voor\s+een\s+nabrander))""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: The one just given the floor does not take it: 'Ik geef het woord aan de heer Pechtold. Ik constateer dat
#: hij daarvan afziet.' / 'Mevrouw Thieme ziet af van haar spreektijd.' / 'Hij is niet aanwezig.'
DECLINED_RE = regex.compile(
    r"\b(?:hij|zij|ze|u)\b[^.?!]{0,30}?\b(?:daarvan\s+|ervan\s+)?afzie[tn]\b|\bzie[tn]\s+(?:daarvan\s+|ervan\s+)?af\b"
    r"|\bzie[tn]\s+af\s+van\b|\b(?:is|zijn)\s+niet\s+aanwezig\b",
    regex.IGNORECASE,
)

#: A chair's sentence that is nothing but a name: 'De heer Weverling.' / 'Tot slot mevrouw Buitenweg.'
BARE_NAME_RE = regex.compile(
    r"""^(?:(?:dank\s+u\s+wel|dank\s+u|dank)[.,]?\s+)?(?:dan\s+|tot\s+slot\s+|als\s+laatste\s+|ten\s+slotte\s+|nu\s+|eerst\s+)?
        (?:de\s+heer|mevrouw|meneer|mijnheer|minister|staatssecretaris)\s+[\p{L}'’\- ]{2,40}?
        (?:\s+van\s+(?:de\s+)?[\p{L}0-9\-]+)?(?:,\s*gaat\s+uw\s+gang)?\s*[.!]?$
      |^(?:(?:dank\s+u\s+wel|dank\s+u|dank)[.,]?\s+)?(?:dan\s+|nu\s+|eerst\s+)?(?:de\s+)?(?:minister|staatssecretaris)
        (?:\s+(?:van|voor)\s+[\p{L}&,\- ]{2,80}?)?(?:,\s*gaat\s+uw\s+gang)?\s*[.!]?$""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A turn that opens with the formal address of an inbreng: 'Voorzitter. Het is heel goed dat …' /
#: 'Dank u wel, voorzitter.' / 'Voorzitter, dank u wel.' (not 'Voorzitter, ik heb een punt van orde.').
INBRENG_OPENING_RE = regex.compile(
    r"""^\s*(?:(?:(?:dank\s+u|dank\s+je|hartelijk\s+dank)(?:\s+wel|\s+zeer)?|dank)\s*,\s*)?
        (?:(?:mevrouw|meneer|mijnheer)\s+de\s+)?voorzitter\s*[.!](?:\s|$)
        |^\s*(?:(?:mevrouw|meneer|mijnheer)\s+de\s+)?voorzitter\s*,\s*(?:dank\s+u(?:\s+wel)?|dank\s+je\s+wel|dank)\s*[.!]""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A turn that opens with thanks: 'Dank u wel. Wat zijn we scherp vandaag, hè?'
THANKS_OPENING_RE = regex.compile(
    r"^\s*(?:(?:dank\s+u|dank\s+je|hartelijk\s+dank)(?:\s+wel|\s+zeer)?|dank)\s*[.,!]", regex.IGNORECASE
)

#: The government as a whole: 'Kunnen de bewindspersonen meteen antwoorden?' /
#: 'We schorsen tien minuten en dan gaan we luisteren naar de beantwoording.'
GOVERNMENT_WORDS_RE = regex.compile(
    r"""\b(?:de\s+bewindsperso(?:o|ne)n|de\s+bewindslieden|het\s+kabinet|de\s+regering|de\s+ministers
        |(?:naar|met|aan)\s+de\s+beantwoording|de\s+beantwoording\s+(?:van|door)\s+(?:de\s+)?(?:kabinet|bewinds|regering))""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: Words that make a chair's sentence about an interruption, not a hand-over: 'Er is een interruptie van …'.
NOT_A_HANDOVER_RE = regex.compile(r"interrupt|interrump|vervolgvraag|punt\s+van\s+orde|\bvraag\s+van\b", regex.IGNORECASE)

#: The chair announces the second round: 'Ik kijk naar de linkerkant voor de tweede termijn.'
SECOND_TERM_RE = regex.compile(
    r"\btweede\s+termijn\b|\btermijn\s+van\s+de\s+(?:Kamer|commissie)\b|\btweede\s+ronde\b", regex.IGNORECASE
)

#: A mention of the second round that is not its start: 'Dat kunt u bewaren voor de tweede termijn.'
SECOND_TERM_NOT_RE = regex.compile(
    r"""\b(?:geen|zonder)\b[^.?!]{0,40}\btweede\s+(?:termijn|ronde)
        |\bbewa(?:ar|ren)\b|\bkunt\s+u\b|\bstraks\b|\blater\b|\bterugkomen\b|\bop\s+terug\b""",
    regex.VERBOSE | regex.IGNORECASE,
)


def turn_kind(t: Turn) -> TurnKind:
    """'chair', 'government' (minister or staatssecretaris) or 'member' (members and other speakers).

    A turn without a label and without a known speaker (a bare ``<tekst>`` between the
    ``<spreekbeurt>`` elements of Handelingen XML: 'Het woord is aan de heer Van der Lee.' after the chair
    announced a motie, 'De algemene beraadslaging wordt gesloten.') counts as the chair's: it is
    procedural, and nobody takes or interrupts the floor in it.
    """
    if t.speaker.role == Role.CHAIR or (t.speaker.role == Role.OTHER and not t.speaker.label):
        return "chair"
    if t.speaker.role in (Role.MINISTER, Role.STATE_SECRETARY):
        return "government"
    return "member"


def has_words(t: Turn, n: int) -> bool:
    """Whether turn ``t`` has at least ``n`` words (``t.words >= n``), counting no further than needed."""
    # PERF: Turn.words splits the whole turn; the rules only compare it with a threshold, hundreds
    # of times per report (~2 ms of splitting on the fixture).  A text of L characters holds at most
    # (L + 1) // 2 words, and split(None, n - 1) stops after n words.
    if n <= 0:
        return True
    text = t.text
    if (len(text) + 1) // 2 < n:
        return False
    return len(text.split(None, n - 1)) >= n


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (a simple split after . ! ? before a capital)."""
    # PERF: was SENTENCE_SPLIT_RE.split (a lookbehind at every character); SENTENCE_END_RE finds the
    # same boundaries one character earlier, without one (328 calls on the three benchmark reports:
    # 0.83 ms -> 0.56 ms; the same sentences on those and on 200,000 random strings).
    out: list[str] = []
    for para in text.split("\n"):
        prev = 0
        for m in SENTENCE_END_RE.finditer(para):
            s = para[prev : m.start() + 1].strip()
            if s:
                out.append(s)
            prev = m.end()
        s = para[prev:].strip()
        if s:
            out.append(s)
    return out


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """The span in ``text`` of the piece between sentence boundaries (or line ends) around ``pos``.

    ``text[pos]`` must not be white space.  ``text[a:b].strip()`` is then the sentence of
    :func:`sentences` that holds ``pos``, found without splitting the rest of the text.
    """
    start = text.rfind("\n", 0, pos) + 1
    stop = text.find("\n", pos)
    if stop < 0:
        stop = len(text)
    # Searched within the line: a boundary never spans a line end, as sentences() splits lines first
    # (the lookbehind sees the newline before the line and the lookahead the one after it, and
    # neither is a character they accept).
    # PERF: was SENTENCE_SPLIT_RE searched backwards and forwards (a reverse search and a lookbehind at every
    # character; 304 calls, ~1.3 ms of analyze on the fixture kst-26643-679).  Now the boundary ahead
    # is found from its sentence end (SENTENCE_END_RE, no lookbehind: twice as fast), and the one
    # behind by finding the last sentence end with str.rfind and testing the gap after it (~-0.3 ms
    # per analyze).  Same boundaries: a boundary is an end character, all the white space after it,
    # and a character the lookahead accepts (checked against the old patterns on random text).
    ahead = SENTENCE_END_RE.search(text, max(pos - 1, start), stop)
    return (_boundary_before(text, start, pos), ahead.start() + 1 if ahead else stop)


def _boundary_before(text: str, start: int, pos: int) -> int:
    """The end of the last sentence boundary in ``text[start:pos + 1]`` (``start`` if none)."""
    hi = pos
    while True:
        p = max(text.rfind(".", start, hi), text.rfind("!", start, hi), text.rfind("?", start, hi),
                text.rfind("…", start, hi))  # written out: a generator cost 20 %
        if p < 0:
            return start
        gap = SENTENCE_GAP_RE.match(text, p + 1, pos + 1)
        if gap is not None:
            return gap.end()
        hi = p  # an end character without a boundary ('o.a. de'): look further back


@dataclass(frozen=True)
class FloorTargets:
    """Whom a chair's turn gives the floor: surnames, and whether it is 'the government' as a whole."""

    names: tuple[str, ...] = ()
    government: bool = False
    any_handover: bool = False
    #: Those named in an explicit hand-over ('Het woord is aan …'), not by a bare name ('Mevrouw Buitenweg.'),
    #: which also grants an interruption.
    explicit: tuple[str, ...] = ()


def floor_targets(text: str, people: Roster) -> FloorTargets:
    """Whom the chair gives the floor in ``text`` ('Het woord is aan de heer Amhaouch' → Amhaouch)."""
    names: dict[str, None] = {}
    explicit: dict[str, None] = {}
    government = False
    seen = False
    last: list[str] = []  # who the last hand-over sentence named
    for s in sentences(text):
        if last and DECLINED_RE.search(s):
            for name in last:  # 'Ik constateer dat hij daarvan afziet.': the floor was not taken
                names.pop(name, None)
                explicit.pop(name, None)
            last = []
            continue
        if NOT_A_HANDOVER_RE.search(s):
            continue
        handover = HANDOVER_RE.search(s) is not None
        if not (handover or BARE_NAME_RE.match(s)):
            continue
        seen = True
        last = []
        for m in people.find(s):
            if m.resolution is not None:
                names.setdefault(m.resolution.name, None)
                last.append(m.resolution.name)
                if handover:
                    explicit.setdefault(m.resolution.name, None)
        if GOVERNMENT_WORDS_RE.search(s):
            government = True
    return FloorTargets(tuple(names), government, seen, tuple(explicit))


@dataclass
class PhasePlan:
    """The first turn (0-based) of each phase that occurs; ``None`` where a phase is absent."""

    members_first: int | None = None
    government_first: int | None = None
    members_second: int | None = None
    government_second: int | None = None
    commitments: int | None = None
    closing: int | None = None
    kinds: list[TurnKind] = field(default_factory=list)

    def phases(self, n: int) -> list[Phase]:
        """The phase of each of ``n`` turns."""
        starts = [
            (0, Phase.OPENING),
            (self.members_first, Phase.MEMBERS_FIRST_TERM),
            (self.government_first, Phase.GOVERNMENT_FIRST_TERM),
            (self.members_second, Phase.MEMBERS_SECOND_TERM),
            (self.government_second, Phase.GOVERNMENT_SECOND_TERM),
            (self.commitments, Phase.COMMITMENTS),
            (self.closing, Phase.CLOSING),
        ]
        marks = sorted((i, p) for i, p in starts if i is not None)
        out: list[Phase] = []
        k = 0
        current = Phase.OPENING
        for i in range(n):
            while k < len(marks) and marks[k][0] <= i:
                current = marks[k][1]
                k += 1
            out.append(current)
        return out


def _chairs_before(i: int, kinds: Sequence[TurnKind]) -> range:
    """The run of chair turns directly before turn ``i``."""
    j = i
    while j > 0 and kinds[j - 1] == "chair":
        j -= 1
    return range(j, i)


def _handed_to(i: int, turns: Sequence[Turn], kinds: Sequence[TurnKind], people: Roster) -> FloorTargets:
    names: dict[str, None] = {}
    gov = False
    any_h = False
    for c in _chairs_before(i, kinds):
        ft = floor_targets(turns[c].text, people)
        names.update(dict.fromkeys(ft.names))
        gov = gov or ft.government
        any_h = any_h or ft.any_handover
    return FloorTargets(tuple(names), gov, any_h)


#: A bewindspersoon opens an answer by thanking the members: 'Dank voor de vragen.' /
#: 'Dank u wel, voorzitter. Dank ook aan de leden voor hun inbreng.' / 'Veel dank voor alle vragen die zijn gesteld.'
ANSWER_OPENING_RE = regex.compile(
    r"""^(?:[^.?!]{0,40}[.!,]\s*)?(?:(?:heel\s+|veel\s+|hartelijk\s+)?dank(?:\s+u\s+wel|\s+je\s+wel)?
        (?:\s+ook)?(?:\s+aan\s+de\s+(?:leden|Kamerleden|commissie|Kamer))?\s+(?:voor|van)\s+
        (?:de|alle|uw|jullie|hun|al\s+die|deze)\s+(?:\w+\s+){0,2}(?:vragen|inbreng|inbrengen|opmerkingen))""",
    regex.VERBOSE | regex.IGNORECASE,
)


def _is_answer(
    i: int, turns: Sequence[Turn], kinds: Sequence[TurnKind], people: Roster, after_break: frozenset[int] = frozenset()
) -> bool:
    """Whether turn ``i`` starts a bewindspersoon's answer (see the module docstring)."""
    t = turns[i]
    if kinds[i] != "government":
        return False
    if has_words(t, ANSWER_MIN_WORDS):
        return True
    first = t.paragraphs[0] if t.paragraphs else ""
    if ANSWER_OPENING_RE.match(first):
        return True  # 'Dank voor de vragen. Ik begin met de heer Omtzigt.'
    if i in after_break and has_words(t, ANSWER_AFTER_HANDOVER_MIN_WORDS):
        return True  # the first word after a suspension (to prepare the answers) is the government's
    ft = _handed_to(i, turns, kinds, people)
    given = fold(t.speaker.name) in {fold(n) for n in ft.names} or ft.government
    return given and has_words(t, ANSWER_AFTER_HANDOVER_MIN_WORDS)


def _first_answer(
    start: int,
    stop: int,
    turns: Sequence[Turn],
    kinds: Sequence[TurnKind],
    people: Roster,
    after_break: frozenset[int] = frozenset(),
) -> int | None:
    for i in range(start, stop):
        if _is_answer(i, turns, kinds, people, after_break):
            return i
    return None


def _members_first(turns: Sequence[Turn], kinds: Sequence[TurnKind], people: Roster) -> int | None:
    first: int | None = None
    for i, t in enumerate(turns):
        if kinds[i] != "member":
            continue
        if first is None:
            first = i
            if all(k == "chair" for k in kinds[:i]) and has_words(t, OPENING_INBRENG_MIN_WORDS):
                return i  # the first word after the chair's opening
        if has_words(t, INBRENG_MIN_WORDS):
            return i
        ft = _handed_to(i, turns, kinds, people)
        if fold(t.speaker.name) in {fold(n) for n in ft.names}:
            return i
    return first


def _next_kind(i: int, kinds: Sequence[TurnKind], stop: int, kind: TurnKind) -> int:
    for j in range(i, stop):
        if kinds[j] == kind:
            return j
    return stop


def _members_second(
    start: int, stop: int, turns: Sequence[Turn], kinds: Sequence[TurnKind], people: Roster
) -> int | None:
    # 1. The chair announces the tweede termijn and a member then speaks.
    for c in range(start, stop):
        if kinds[c] != "chair":
            continue
        hits = [s for s in sentences(turns[c].text) if SECOND_TERM_RE.search(s) and not SECOND_TERM_NOT_RE.search(s)]
        if not hits:
            continue
        j = c + 1
        while j < stop and kinds[j] == "chair":
            j += 1
        if j >= stop or kinds[j] != "member":
            continue
        # The member given the floor with the announcement speaks, however briefly ('Het woord is aan
        # de heer Amhaouch.' — 'Mijn fractie maakt zich grote zorgen over de pensioenen.').
        if fold(turns[j].speaker.name) in {fold(n) for n in _handed_to(j, turns, kinds, people).names}:
            return c
        gov = _next_kind(j, kinds, stop, "government")
        if any(kinds[k] == "member" and has_words(turns[k], SECOND_TERM_MIN_WORDS) for k in range(j, gov)):
            return c
    # 2. A run of inbrengen of two or more members before the government speaks again: turns that
    #    open formally ('Voorzitter. …') or of members the chair gave the floor by name ('De heer Azizi.').
    def inbreng(k: int) -> bool:
        if kinds[k] != "member" or not has_words(turns[k], SECOND_TERM_MIN_WORDS):
            return False
        if INBRENG_OPENING_RE.match(turns[k].paragraphs[0] if turns[k].paragraphs else ""):
            return True
        return fold(turns[k].speaker.name) in {fold(n) for n in _handed_to(k, turns, kinds, people).names}

    for i in range(start, stop):
        if not inbreng(i):
            continue
        gov = _next_kind(i, kinds, stop, "government")
        speakers = {fold(turns[k].speaker.name) for k in range(i, gov) if inbreng(k)}
        if len(speakers) >= 2:
            return i
    return None


def _closing(start: int, turns: Sequence[Turn], kinds: Sequence[TurnKind], in_list: bool) -> int | None:
    from verslag.commitments import is_list_turn

    c = len(turns)
    while c > start and kinds[c - 1] == "chair":
        if in_list and is_list_turn(turns[c - 1].text):
            break
        c -= 1
    return c if c < len(turns) else None


def plan_phases(v: Verslag, people: Roster | None = None) -> PhasePlan:
    """Find where each phase starts in ``v`` (see the module docstring for the rules)."""
    from verslag.commitments import find_list_start

    people = people or roster(v)
    turns = v.turns
    n = len(turns)
    kinds: list[TurnKind] = [turn_kind(t) for t in turns]
    p = PhasePlan(kinds=kinds)
    if n == 0:
        return p
    p.members_first = _members_first(turns, kinds, people)
    # The first turn after a suspension, if nobody but the chair speaks before it.
    after_break = frozenset(s.after_turn + 1 for s in v.suspensions if 0 <= s.after_turn + 1 < n)
    p.government_first = _first_answer((p.members_first or 0) + 1 if p.members_first is not None else 0, n,
                                       turns, kinds, people, after_break)
    last_start = p.government_first if p.government_first is not None else p.members_first
    if p.government_first is not None:
        p.commitments = find_list_start(v, p.government_first + 1)
        stop = p.commitments if p.commitments is not None else n
        p.members_second = _members_second(p.government_first + 1, stop, turns, kinds, people)
        if p.members_second is not None:
            last_start = p.members_second
            p.government_second = _first_answer(p.members_second + 1, stop, turns, kinds, people, after_break)
            if p.government_second is not None:
                last_start = p.government_second
    if p.commitments is not None:
        p.closing = _closing(p.commitments + 1, turns, kinds, in_list=True)
    elif last_start is not None:
        p.closing = _closing(last_start + 1, turns, kinds, in_list=False)
    if p.members_first is not None and p.government_first is None and p.closing is not None and p.closing <= p.members_first:
        p.closing = None
    return p


def assign_phases(v: Verslag, people: Roster | None = None) -> list[Phase]:
    """The phase of every turn of ``v``, in order."""
    return plan_phases(v, people).phases(len(v.turns))
