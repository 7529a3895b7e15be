"""Interruptions (interrupties): exchanges while someone else holds the floor.

In each phase somebody holds the floor (het woord voeren): in the members' terms the member
giving an inbreng, in the government's terms the bewindspersoon answering.  The floor passes when
the chair gives it to someone else ('Het woord is aan de heer Amhaouch' — to a member only if that
member then gives an inbreng: thanks, 'Voorzitter.' or a long turn), or when the right kind of
speaker opens formally ('Voorzitter. …', at least :data:`~verslag.phases.FORMAL_OPENING_MIN_WORDS`
words) or speaks at length.

An exchange (interruptie) starts when another member speaks while someone holds the floor — or a
bewindspersoon during a member's inbreng.  It holds the interrupter's follow-ups (vervolgvragen),
the floor holder's reply to each of them and the chair's procedural turns in between.  It ends when

* another member starts interrupting, or the chair announces a new interruption;
* the floor holder resumes: after the chair says 'Vervolgt u uw betoog' (that chair turn is not
  part of the exchange), when the holder says so ('Ik ga verder.'), or with a second turn of the
  holder in a row;
* the chair gives the floor to someone else.

This is the grouping of VLOS, where each ``interrumpant`` is nested in the ``woordvoerder`` who
holds the floor, and the woordvoerder's next turn answers it: the holder's reply belongs to the
exchange even when the holder goes on with the speech in the same turn (a report cannot split it).
An exchange is *announced* when the chair's turn(s) right before it announce an interruption
('Er is een interruptie van de heer Verhoeven.', 'Een vervolgvraag, meneer Verhoeven.') or name
the interrupter ('Het woord is aan de heer Verhoeven.').  One-line heckles ('In de ellenboog!') are
exchanges too.  Turns of another bewindspersoon during an answer, and anything said after the chair
gave the floor to someone who has not spoken yet, are not interruptions, nor is a member's short reaction to a request put to the meeting ('Geen steun.',
'Ik steun het verzoek.': :data:`SUPPORT_RE`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from verslag.model import Interruption, Phase, Turn, Verslag
from verslag.phases import (
    FORMAL_OPENING_MIN_WORDS,
    INBRENG_MIN_WORDS,
    INBRENG_OPENING_RE,
    THANKS_OPENING_RE,
    TurnKind,
    floor_targets,
    has_words,
    sentence_span,
    turn_kind,
)
from verslag.speakers import Roster, fold, keytext, roster

__all__ = ["find_interruptions", "holder_phases", "is_support", "says_resume"]

#: How many turns after a hand-over to look for the first turn of the member given the floor.
ADDRESS_WINDOW = 6
#: In a government term, another bewindspersoon's turn this long takes over the floor without a hand-over.
TAKEOVER_MIN_WORDS = 150
#: In a members' term, another member's turn this long takes over the floor without a hand-over.
INBRENG_TAKEOVER_MIN_WORDS = 400

#: The chair announces an interruption: 'Er is een interruptie van de heer Verhoeven.' / 'Een vervolgvraag.'
ANNOUNCE_RE = regex.compile(
    r"\binterrupt|\binterrump|\bvervolgvraag|\b(?:heeft|is\s+er)\s+(?:nog\s+)?een\s+vraag\b|\bwil\s+(?:graag\s+)?reageren\b",
    regex.IGNORECASE,
)

#: The chair announces a new interruption (not a follow-up): 'O, er is nog een interruptie van de heer Weverling.'
NEW_INTERRUPTION_RE = regex.compile(r"\binterruptie\b|\binterrumperen\b", regex.IGNORECASE)

#: The chair hands the floor back: 'Prima. Ik zou zeggen: vervolgt u uw betoog.' / 'De Staatssecretaris vervolgt haar betoog.'
RESUME_RE = regex.compile(
    r"""\bvervolg(?:t|en)?\s+(?:u\s+)?(?:uw|haar|zijn)\s+(?:betoog|beantwoording|inbreng|verhaal)
        |\b(?:gaat|gaan)\s+u\s+(?:verder|door)\b|\bu\s+(?:kunt|mag)\s+(?:verder|door)(?:gaan)?\b
        |\bgaat\s+(?:u\s+)?verder\s+met\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: The floor holder says they resume within a reply: 'Helemaal eens en dat doen we ook. Ik ga verder, voorzitter.'
#: Matched backwards, from the end of the word each form ends with ('verder', 'vervolg', 'door').
SELF_RESUME_BACK_RE = regex.compile(
    r"\bik\s+ga\s+(?:nu\s+)?verder\b|\bik\s+vervolg\b|\bik\s+ga\s+door\b|\bdan\s+ga\s+ik\s+(?:nu\s+)?verder\b",
    regex.IGNORECASE | regex.REVERSE,
)
#: The floor holder resumes with a new 'Voorzitter.' after a sentence: 'Dat doen we ook. Voorzitter. Dan de vraag …'
SELF_RESUME_CHAIR_RE = regex.compile(r"(?<=[.!?]\s)Voorzitter\.\s", regex.IGNORECASE)
#: Both forms: what :func:`says_resume` finds.
SELF_RESUME_RE = regex.compile(f"{SELF_RESUME_BACK_RE.pattern}|{SELF_RESUME_CHAIR_RE.pattern}", regex.IGNORECASE)
#: The word each backward form ends with, and the start of the 'Voorzitter.' form (lower case).
SELF_RESUME_BACK_KEYS = (b"verder", b"vervolg", b"door")
SELF_RESUME_CHAIR_KEY = b"voorzitter."
#: A word boundary: the end of a backward form must be one ('Ik ga door' but not 'Ik ga doorgaan').
WORD_BOUNDARY_RE = regex.compile(r"\b")


def says_resume(text: str) -> bool:
    """Whether ``text`` holds :data:`SELF_RESUME_RE` ('Ik ga verder.'), tried only where its words are."""
    # PERF: SELF_RESUME_RE over the holder's whole reply (47 k characters of the fixture's answers,
    # ~1.8 ms); now each form is only tried, anchored, where the word it ends with (or starts with)
    # occurs.  A backward match stops at the end it is given, so the word boundary after it is
    # tested on its own.  Same answer.
    low = keytext(text)
    for key in SELF_RESUME_BACK_KEYS:
        q = low.find(key)
        while q >= 0:
            end = q + len(key)
            if WORD_BOUNDARY_RE.match(text, end) and SELF_RESUME_BACK_RE.match(text, 0, end):
                return True
            q = low.find(key, q + 1)
    q = low.find(SELF_RESUME_CHAIR_KEY)
    while q >= 0:
        if SELF_RESUME_CHAIR_RE.match(text, q):
            return True
        q = low.find(SELF_RESUME_CHAIR_KEY, q + 1)
    return False

#: A member's short reaction to a request or proposal put to the meeting (a regeling van werkzaamheden, an
#: ordevoorstel), which is no interruption: 'Wij steunen het voorstel van de heer Klaver.' / 'Geen steun.' /
#: 'Ik steun het verzoek.' / 'Meestal hebben wij geen bezwaar tegen een brief, maar nodig vinden wij die nu ook weer niet.'
SUPPORT_RE = regex.compile(
    r"\b(?:geen\s+)?steun\b|\bsteunen\s+(?:het|dit|dat|deze)\s+(?:verzoek|voorstel)|\bgeen\s+bezwaar\b",
    regex.IGNORECASE,
)
#: Such a reaction has at most this many words and asks nothing.
SUPPORT_MAX_WORDS = 40


def is_support(t: Turn) -> bool:
    """Whether ``t`` is a short reaction to a request put to the meeting (:data:`SUPPORT_RE`), not a question."""
    text = t.text
    return "?" not in text and not has_words(t, SUPPORT_MAX_WORDS + 1) and SUPPORT_RE.search(text) is not None


_HOLDER_KIND: dict[Phase, TurnKind] = {
    Phase.MEMBERS_FIRST_TERM: "member",
    Phase.MEMBERS_SECOND_TERM: "member",
    Phase.GOVERNMENT_FIRST_TERM: "government",
    Phase.GOVERNMENT_SECOND_TERM: "government",
}


def holder_phases() -> tuple[Phase, ...]:
    """The phases in which someone holds the floor and interruptions are counted."""
    return tuple(_HOLDER_KIND)


@dataclass
class _Exchange:
    interrupter: str
    host: str
    turns: list[int]
    announced: bool
    phase: Phase
    awaiting: bool = True  # the interrupter spoke last: the holder's next turn is the reply


@dataclass
class _State:
    holder: str | None = None
    pending: str | None = None
    current: _Exchange | None = None
    chairs: list[int] = field(default_factory=list)
    done: list[_Exchange] = field(default_factory=list)
    held: set[str] = field(default_factory=set)  # folded names of those who held the floor in this phase

    def take(self, name: str) -> None:
        """``name`` holds the floor now."""
        self.holder, self.pending = name, None
        self.held.add(fold(name))

    def close(self) -> None:
        if self.current is not None:
            self.done.append(self.current)
        self.current = None


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and fold(a) == fold(b)


def _chair_flags(turns: Sequence[Turn], chairs: Sequence[int], speaker: str, people: Roster) -> tuple[bool, bool]:
    """(announced, new interruption announced) for ``speaker`` after the chair turns ``chairs``."""
    announced = new = False
    for c in chairs:
        text = turns[c].text
        if ANNOUNCE_RE.search(text):
            announced = True
            if NEW_INTERRUPTION_RE.search(text):
                new = True
        # PERF: the mentions are read only while they can still tell (people.find is pure).
        if not announced and any(m.resolution is not None and _same(m.resolution.name, speaker)
                                 for m in people.find(text)):
            announced = True
    return announced, new


def _addresses(t: Turn, holder: str | None) -> bool:
    """Whether turn ``t`` opens by speaking about the floor holder, as an interruption does.

    'De heer Pechtold zei dat …' does; an opening with thanks or 'Voorzitter.' (an inbreng) does not.
    """
    if holder is None or not t.paragraphs:
        return False
    first = t.paragraphs[0]
    if INBRENG_OPENING_RE.match(first) or THANKS_OPENING_RE.match(first):
        return False
    a, b = sentence_span(first, 0) if first[:1].strip() else (0, len(first))
    return fold(holder) in fold(first[a:b])


def _goes_on(start: int, turns: Sequence[Turn], kinds: Sequence[TurnKind], people: Roster) -> str | None:
    """Who speaks first after the chair's next 'Gaat u verder.' from turn ``start`` on.

    ``None`` when the chair gives the floor to someone first, or says no such thing within
    :data:`ADDRESS_WINDOW` turns.
    """
    for k in range(start, min(len(turns), start + ADDRESS_WINDOW)):
        if kinds[k] != "chair":
            continue
        text = turns[k].text
        if RESUME_RE.search(text):
            nxt = next((j for j in range(k + 1, len(turns)) if kinds[j] != "chair"), None)
            return turns[nxt].speaker.name if nxt is not None else None
        if floor_targets(text, people).names:
            return None
    return None


def _starts_inbreng(name: str, chair: int, turns: Sequence[Turn], kinds: Sequence[TurnKind], *, fresh: bool,
                    holder: str | None, people: Roster) -> bool:
    """Whether the member the chair names at turn ``chair`` then gives an inbreng (not a question).

    A member who has not yet held the floor in this term and is given it explicitly is given it for
    their inbreng, however short ('Dan is het woord aan de heer Nijboer.' in a tweede termijn; a
    bare 'Mevrouw Buitenweg.' may grant an interruption), as is anyone named after
    the chair thanks the floor holder ('Dank u wel. Dan geef ik nu het woord aan de heer Van
    Nispen.'), which closes that speech.  Otherwise an inbreng opens with thanks or 'Voorzitter.',
    or is long; a question goes straight to the point.
    """
    if THANKS_OPENING_RE.match(turns[chair].text):
        return True
    if fresh:
        # An inbreng, unless it is an interruption of the holder (VLOS 2014-10-15, turns 7-16): 'Ik geef
        # het woord aan mevrouw Ouwehand.' during the heer Pechtold's inbreng; she opens with 'De heer
        # Pechtold zei dat …', he answers, and after the chair's 'Gaat u verder.' it is he who goes on.
        # (Others may speak before her.)  When she goes on, she gave her inbreng.
        for j in range(chair + 1, min(len(turns), chair + 1 + ADDRESS_WINDOW)):
            if kinds[j] != "chair" and _same(turns[j].speaker.name, name):
                if not _addresses(turns[j], holder):
                    return True
                reply = next((k for k in range(j + 1, len(turns)) if kinds[k] != "chair"), None)
                if reply is None or not _same(turns[reply].speaker.name, holder):
                    return True
                return not _same(_goes_on(reply + 1, turns, kinds, people), holder)
        return True
    for j in range(chair + 1, len(turns)):
        if kinds[j] == "chair":
            continue
        t = turns[j]
        if not _same(t.speaker.name, name):
            return True  # someone else speaks first: keep the hand-over
        first = t.paragraphs[0] if t.paragraphs else ""
        return bool(has_words(t, INBRENG_MIN_WORDS) or INBRENG_OPENING_RE.match(first) or THANKS_OPENING_RE.match(first))
    return True


def find_interruptions(v: Verslag, phases: Sequence[Phase], people: Roster | None = None) -> list[Interruption]:
    """The interruption exchanges of ``v``, given the phase of every turn (see the module docstring)."""
    people = people or roster(v)
    turns = v.turns
    kinds = [turn_kind(t) for t in turns]
    st = _State()
    prev_phase: Phase | None = None
    for i, t in enumerate(turns):
        phase = phases[i]
        if phase != prev_phase:
            st.close()
            st.holder = st.pending = None
            st.chairs = []
            st.held = set()
            prev_phase = phase
        holder_kind = _HOLDER_KIND.get(phase)
        if holder_kind is None:
            continue
        kind = kinds[i]
        name = t.speaker.name
        if kind == "chair":
            if RESUME_RE.search(t.text):
                st.close()
            ft = floor_targets(t.text, people)
            for target in ft.names:
                res = people.get(target)
                target_kind: TurnKind = "government" if res is not None and res.kind == "government" else "member"
                # The floor passes to someone of the phase's kind; in a members' term also to the
                # government about to answer (what members say before the answer is procedural).
                passes = target_kind == holder_kind or (holder_kind == "member" and target_kind == "government")
                fresh = fold(target) not in st.held and target in ft.explicit
                if passes and target_kind == "member" and not _starts_inbreng(target, i, turns, kinds, fresh=fresh,
                                                                         holder=st.holder, people=people):
                    passes = False  # 'Ik geef het woord aan mevrouw Ouwehand.' for a question: an interruption
                if passes and not _same(target, st.holder):
                    st.close()
                    st.pending = target
                    st.holder = None
            st.chairs.append(i)
            continue
        chairs, st.chairs = st.chairs, []
        if st.pending is not None:
            if _same(name, st.pending):
                st.take(name)
            continue  # others speaking before the person given the floor: procedural, not an interruption
        if st.holder is None:
            if kind == holder_kind:
                st.take(name)
            continue
        if _same(name, st.holder):
            ex = st.current
            if ex is None:
                continue
            if not ex.awaiting:
                st.close()  # a second turn of the holder in a row: the holder has resumed
                continue
            ex.turns.extend(chairs)
            ex.turns.append(i)
            ex.awaiting = False
            if says_resume(t.text):
                st.close()  # 'Ik ga verder.': what the interrupter says next is a new interruption
            continue
        if kind == "member" and is_support(t):
            continue  # 'Geen steun.': a reaction to a request put to the meeting, not an interruption
        announced, new = _chair_flags(turns, chairs, name, people)
        if kind == holder_kind:
            formal = (
                not announced
                and has_words(t, FORMAL_OPENING_MIN_WORDS)
                and INBRENG_OPENING_RE.match(t.paragraphs[0] if t.paragraphs else "") is not None
            )
            if formal or (kind == "government" and has_words(t, TAKEOVER_MIN_WORDS)) or (
                kind == "member" and has_words(t, INBRENG_TAKEOVER_MIN_WORDS)
            ):
                st.close()
                st.take(name)
                continue
            if kind == "government":
                continue  # a colleague of the answering bewindspersoon: not an interruption
        ex = st.current
        if ex is not None and _same(ex.interrupter, name) and not new:
            ex.turns.extend(chairs)
            ex.turns.append(i)
            ex.awaiting = True
            continue
        st.close()
        st.current = _Exchange(name, st.holder, [i], announced, phase)
    st.close()
    return [
        Interruption(interrupter=e.interrupter, host=e.host, turns=sorted(e.turns), announced=e.announced, phase=e.phase)
        for e in st.done
        if e.interrupter != e.host
    ]
