"""Plain-text views of a report for the command line: an overview (``--format summary``) and the turns.

:func:`summary` shows the meeting, the speakers with their turns and words, the suspensions, the
phases (termijnen), the interruptions per member and the commitments (toezeggingen) as a table.
:func:`plain_text` gives the turns as ``Label:`` followed by the paragraphs.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence

from verslag.display import PHASE_LABELS, STATUS_LABELS
from verslag.model import Commitment, Phase, Role, Verslag

__all__ = ["plain_text", "summary"]

#: Width of the text column of the commitments table.
TEXT_WIDTH = 72


def _hhmm(t: object) -> str:
    return t.strftime("%H.%M") if t is not None and hasattr(t, "strftime") else "?"


def _table(rows: Sequence[Sequence[str]], header: Sequence[str], right: Sequence[int] = ()) -> list[str]:
    """Rows as fixed-width columns; columns in ``right`` are right-aligned."""
    cells = [list(header), *[list(r) for r in rows]]
    widths = [max(len(r[k]) for r in cells) for k in range(len(header))]
    out = []
    for n, r in enumerate(cells):
        parts = [r[k].rjust(widths[k]) if k in right else r[k].ljust(widths[k]) for k in range(len(r))]
        out.append("  " + "  ".join(parts).rstrip())
        if n == 0:
            out.append("  " + "  ".join("-" * w for w in widths))
    return out


def _speaker_label(v: Verslag, name: str) -> str:
    for t in v.turns:
        if t.speaker.name == name and t.speaker.role != Role.CHAIR:
            sp = t.speaker
            return f"{name} ({sp.party})" if sp.party else f"{name} ({sp.office or sp.role.value})"
    return f"{name} (chair)"


def _meeting(v: Verslag) -> list[str]:
    m = v.meta
    title = " · ".join(x for x in (m.identifier, m.kind, m.date.isoformat() if m.date else None) if x)
    lines = [title or "verslag"]
    if m.start or m.end:
        lines[0] += f" · {_hhmm(m.start)}–{_hhmm(m.end)}"
    if m.committees:
        lines.append("Committees: " + "; ".join(m.committees))
    who = [f"chair {m.chair}" if m.chair else "", f"clerk {m.clerk}" if m.clerk else ""]
    if any(who):
        lines.append("Chair and clerk: " + ", ".join(w for w in who if w))
    if m.members_present:
        lines.append(f"Members present ({len(m.members_present)}): " + ", ".join(m.members_present))
    if m.government:
        lines.append("Government: " + "; ".join(f"{g.name} ({g.office})" for g in m.government))
    if m.agenda:
        lines.append(f"Agenda: {len(m.agenda)} item(s)")
    return lines


def _speakers(v: Verslag) -> list[str]:
    turns: Counter[str] = Counter()
    words: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for t in v.turns:
        key = "chair" if t.speaker.role == Role.CHAIR else t.speaker.name
        turns[key] += 1
        words[key] += t.words
        labels.setdefault(key, f"De voorzitter ({t.speaker.name})" if key == "chair" else _speaker_label(v, key))
    rows = [(labels[k], str(turns[k]), f"{words[k]:,}") for k in turns]
    return [f"Speakers ({len(v.turns)} turns, {sum(words.values()):,} words)", *_table(rows, ("speaker", "turns", "words"), (1, 2))]


def _suspensions(v: Verslag) -> list[str]:
    if not v.suspensions:
        return []
    out = [f"Suspensions (schorsingen): {len(v.suspensions)}"]
    for s in v.suspensions:
        span = f"{_hhmm(s.start)}–{_hhmm(s.end)}" if s.start or s.end else s.kind
        out.append(f"  {span} after turn {s.after_turn}: {s.text}")
    return out


def _phases(v: Verslag) -> list[str]:
    runs: list[list[int]] = []  # [first turn, turns, words] per run of one phase
    phases: list[Phase | None] = []
    for i, t in enumerate(v.turns):
        if not runs or t.phase != phases[-1]:
            runs.append([i, 0, 0])
            phases.append(t.phase)
        runs[-1][1] += 1
        runs[-1][2] += t.words
    rows = [
        (PHASE_LABELS.get(p, "—") if p is not None else "(no phase)", str(first), str(n), f"{w:,}")
        for p, (first, n, w) in zip(phases, runs, strict=True)
    ]
    if not rows:
        return []
    return ["Phases (termijnen)", *_table(rows, ("phase", "from turn", "turns", "words"), (1, 2, 3))]


def _interruptions(v: Verslag) -> list[str]:
    if not v.interruptions:
        return ["Interruptions (interrupties): none"]
    made = Counter(i.interrupter for i in v.interruptions)
    received = Counter(i.host for i in v.interruptions)
    announced = sum(1 for i in v.interruptions if i.announced)
    names = sorted(set(made) | set(received), key=lambda n: (-made[n], -received[n], n))
    rows = [(_speaker_label(v, n), str(made[n]), str(received[n])) for n in names]
    head = f"Interruptions (interrupties): {len(v.interruptions)} exchanges, {announced} announced by the chair"
    return [head, *_table(rows, ("speaker", "made", "received"), (1, 2))]


def _deadline(c: Commitment) -> str:
    if c.deadline is None:
        return ""
    d = c.deadline
    if d.date is None:
        return d.text
    return f"{d.text} ({d.date.isoformat()}, {d.precision.value if d.precision else '?'})"


def _commitments(v: Verslag) -> list[str]:
    if not v.commitments:
        return ["Commitments (toezeggingen): none found"]
    rows = []
    for k, c in enumerate(v.commitments, 1):
        rows.append((str(k), STATUS_LABELS.get(c.status, str(c.status)), c.by or "?", c.to or "", _deadline(c)))
    out = [f"Commitments (toezeggingen): {len(v.commitments)}"]
    table = _table(rows, ("#", "status", "by", "to", "deadline"), (0,))
    out.extend(table[:2])
    for line, c in zip(table[2:], v.commitments, strict=True):
        out.append(line)
        text = c.text + (f" [amended: {c.amendment}]" if c.amendment else "")
        out.extend(textwrap.wrap(text, TEXT_WIDTH, initial_indent="      ", subsequent_indent="      "))
    return out


def summary(v: Verslag) -> str:
    """A readable overview of ``v``: meeting, speakers, suspensions, phases, interruptions, commitments."""
    blocks = [_meeting(v), _speakers(v), _suspensions(v), _phases(v), _interruptions(v), _commitments(v)]
    return "\n\n".join("\n".join(b) for b in blocks if b) + "\n"


def plain_text(v: Verslag) -> str:
    """The turns as ``Label:`` on its own line, the paragraphs one per line, a blank line between turns."""
    return "".join(f"{t.speaker.label}:\n" + "".join(p + "\n" for p in t.paragraphs) + "\n" for t in v.turns)
