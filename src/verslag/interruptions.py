"""Interruptions (interrupties): exchanges while someone else holds the floor.

In each phase somebody holds the floor (het woord voeren): in the members' terms the member
giving an inbreng, in the government's terms the bewindspersoon answering.  The floor passes when
the chair gives it to someone else ('Het woord is aan de heer Amhaouch') or, failing that, when the
right kind of speaker starts a long turn.

An exchange (interruptie) starts when another member speaks while someone holds the floor — or a
bewindspersoon during a member's inbreng.  It holds the interrupter's follow-ups (vervolgvragen),
the floor holder's replies and the chair's procedural turns in between.  It ends when

* another member starts interrupting, or the chair announces a new interruption;
* the floor holder resumes: after the chair says 'Vervolgt u uw betoog' (the chair's turn is not
  part of the exchange), or when the holder's turn is the last of the exchange and clearly a
  resumption (long: at least :data:`RESUME_MIN_WORDS`, or many times longer than what the
  interrupter said) — that turn is then left out;
* the chair gives the floor to someone else.

This is the grouping of VLOS, where each ``interrumpant`` is nested in the ``woordvoerder`` who
holds the floor: our exchange is a maximal run of one interrumpant with the woordvoerder's replies.
An exchange is *announced* when the chair's turn(s) right before it announce an interruption
('Er is een interruptie van de heer Verhoeven.', 'Een vervolgvraag, meneer Verhoeven.') or name
the interrupter ('Het woord is aan de heer Verhoeven.').  One-line heckles ('In de ellenboog!') are
exchanges too.  Turns of another bewindspersoon during an answer, and anything said before the
person given the floor has spoken, are not interruptions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from verslag.model import Interruption, Phase, Turn, Verslag
from verslag.phases import TurnKind, floor_targets, turn_kind
from verslag.speakers import Roster, fold, roster

__all__ = ["RESUME_MIN_WORDS", "find_interruptions", "holder_phases"]

#: A floor holder's turn at the end of an exchange with at least this many words is the resumed speech.
RESUME_MIN_WORDS = 300
#: ... or with at least this many words and :data:`RESUME_RATIO` times what the interrupter said.
RESUME_MIN_WORDS_RELATIVE = 100
#: See :data:`RESUME_MIN_WORDS_RELATIVE`.
RESUME_RATIO = 10
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
SELF_RESUME_RE = regex.compile(
    r"\bik\s+ga\s+(?:nu\s+)?verder\b|\bik\s+vervolg\b|\bik\s+ga\s+door\b|\bdan\s+ga\s+ik\s+(?:nu\s+)?verder\b"
    r"|(?<=[.!?]\s)Voorzitter\.\s",
    regex.IGNORECASE,
)

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
    words: int = 0


@dataclass
class _State:
    holder: str | None = None
    pending: str | None = None
    current: _Exchange | None = None
    chairs: list[int] = field(default_factory=list)
    done: list[_Exchange] = field(default_factory=list)

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
        if any(m.resolution is not None and _same(m.resolution.name, speaker) for m in people.find(text)):
            announced = True
    return announced, new


def _next_speaker(i: int, turns: Sequence[Turn], kinds: Sequence[TurnKind], phases: Sequence[Phase]) -> tuple[int | None, bool]:
    """The next non-chair turn after ``i`` in the same phase, and whether a chair turn before it breaks the exchange."""
    broken = False
    for j in range(i + 1, len(turns)):
        if phases[j] != phases[i]:
            return None, True
        if kinds[j] == "chair":
            text = turns[j].text
            if RESUME_RE.search(text) or NEW_INTERRUPTION_RE.search(text):
                broken = True
            continue
        return j, broken
    return None, True


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
                if passes and not _same(target, st.holder):
                    st.close()
                    st.pending = target
                    st.holder = None
            st.chairs.append(i)
            continue
        chairs, st.chairs = st.chairs, []
        if st.pending is not None:
            if _same(name, st.pending):
                st.holder, st.pending = name, None
            continue  # others speaking before the person given the floor: procedural, not an interruption
        if st.holder is None:
            if kind == holder_kind:
                st.holder = name
            continue
        if _same(name, st.holder):
            ex = st.current
            if ex is None:
                continue
            nxt, broken = _next_speaker(i, turns, kinds, phases)
            follow_up = nxt is not None and not broken and _same(turns[nxt].speaker.name, ex.interrupter)
            if not follow_up and (
                t.words >= RESUME_MIN_WORDS
                or (t.words >= RESUME_MIN_WORDS_RELATIVE and t.words >= RESUME_RATIO * max(ex.words, 1))
            ):
                st.close()  # the resumed speech, not a reply
                continue
            ex.turns.extend(chairs)
            ex.turns.append(i)
            if SELF_RESUME_RE.search(t.text):
                st.close()  # 'Ik ga verder.': what the interrupter says next is a new interruption
            continue
        if kind == holder_kind:
            if (kind == "government" and t.words >= TAKEOVER_MIN_WORDS) or (
                kind == "member" and t.words >= INBRENG_TAKEOVER_MIN_WORDS
            ):
                st.close()
                st.holder = name
                continue
            if kind == "government":
                continue  # a colleague of the answering bewindspersoon: not an interruption
        announced, new = _chair_flags(turns, chairs, name, people)
        ex = st.current
        if ex is not None and _same(ex.interrupter, name) and not new:
            ex.turns.extend(chairs)
            ex.turns.append(i)
            ex.words += t.words
            continue
        st.close()
        st.current = _Exchange(name, st.holder, [i], announced, phase, t.words)
    st.close()
    return [
        Interruption(interrupter=e.interrupter, host=e.host, turns=sorted(e.turns), announced=e.announced, phase=e.phase)
        for e in st.done
        if e.interrupter != e.host
    ]
