"""Flat exports: JSON Lines and CSV of the turns, and a readable Markdown report.

JSON Lines and CSV carry the columns of :func:`verslag.tables.to_records` (``'turns'``): the
report's identifiers on every line, so files of many reports can simply be concatenated.
Dates are ISO 8601 text (``2020-03-11``); a missing value is ``null`` in JSON and empty in CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import Any

from verslag.display import (
    ROLE_LABELS,
    STATUS_LABELS,
    amount,
    dutch_date,
    event_slot,
    hhmm,
    kamerstuk,
    meeting_title,
    noun,
    phase_label,
    speaker_heading,
)
from verslag.errors import InputError
from verslag.model import Phase, Role, Verslag
from verslag.tables import COLUMNS, to_records

__all__ = ["to_csv", "to_jsonl", "to_markdown"]

#: Markdown syntax characters escaped in running text: 'de **vet** gedrukte _term_ [1]'.
MD_INLINE_RE = re.compile(r"([\\`*_\[\]<>|])")

#: A line start Markdown would read as a heading, list item or quote: '1. Het eerste punt', '# 3', '> x', '- y'.
MD_BLOCK_START_RE = re.compile(r"^(\s*)(#|>|[-+*](?=\s)|\d+(?=[.)]\s))")


#: Characters that ``str.splitlines`` and some JSON Lines readers treat as a line break although JSON
#: leaves them raw: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR (a PDF extractor can leave them in a turn).
JSON_LINE_BREAK_RE = re.compile("[\u0085\u2028\u2029]")


def _check(v: object) -> None:
    if not isinstance(v, Verslag):
        raise InputError("an export needs a Verslag", found=type(v).__name__, expected="Verslag")


def _plain(x: Any) -> Any:
    if isinstance(x, dt.date | dt.time):
        return x.isoformat()
    return x


def to_jsonl(v: Verslag) -> str:
    """Write one JSON object per turn, one per line (JSON Lines), with the report's identifiers.

    Text stays readable UTF-8, except the characters other tools take for a line break (U+0085,
    U+2028, U+2029), which are escaped so that every record is exactly one line for any reader.
    """
    _check(v)
    lines = [
        json.dumps({k: _plain(x) for k, x in r.items()}, ensure_ascii=False) for r in to_records(v, "turns")
    ]
    return "".join(JSON_LINE_BREAK_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", line) + "\n" for line in lines)


def to_csv(v: Verslag) -> str:
    """Write the turns as CSV (RFC 4180: a header row, comma-separated, quoted where needed)."""
    _check(v)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(COLUMNS["turns"]))
    w.writeheader()
    for r in to_records(v, "turns"):
        w.writerow({k: "" if x is None else _plain(x) for k, x in r.items()})
    return buf.getvalue()


def _md(text: str) -> str:
    """Escape text for Markdown so it shows as written."""
    out = MD_INLINE_RE.sub(r"\\\1", text)
    return MD_BLOCK_START_RE.sub(lambda m: m.group(1) + "\\" + m.group(2), out)


def _cell(text: str) -> str:
    return _md(" ".join(text.split()))


def to_markdown(v: Verslag) -> str:
    """Write a readable Markdown report: header, speakers, the turns by phase, suspensions, commitments."""
    _check(v)
    m = v.meta
    out: list[str] = [f"# {_md(meeting_title(m))}", ""]
    facts = [
        ("Document", kamerstuk(m)),
        ("Datum", dutch_date(m.date)),
        ("Tijd", "–".join(x for x in (hhmm(m.start), hhmm(m.end)) if x)),
        ("Vergaderjaar", m.year or ""),
        (noun(len(m.committees), "Commissie"), "; ".join(m.committees)),
        ("Voorzitter", m.chair or ""),
        ("Griffier", m.clerk or ""),
        ("Aanwezig", ", ".join(m.members_present)),
        (noun(len(m.government), "Bewindspersoon"), "; ".join(f"{g.name} ({g.office})" for g in m.government)),
    ]
    out += [f"- **{k}:** {_md(val)}" for k, val in facts if val]
    if m.agenda:
        out += ["", "## Agenda", ""] + [f"- {_cell(a.text)}" for a in m.agenda]
    out += _speakers_md(v)
    out += _commitments_md(v)
    out += _debate_md(v)
    if v.closing:
        out += [""] + [f"*{_cell(b.text)}*" for b in v.closing]
    return "\n".join(out).rstrip("\n") + "\n"


def _speakers_md(v: Verslag) -> list[str]:
    rows = to_records(v, "speakers")
    if not rows:
        return []
    out = ["", "## Sprekers", "", "| Spreker | Fractie | Rol | Beurten | Woorden | Interrupties |",
           "|---|---|---|--:|--:|--:|"]
    for r in rows:
        out.append(
            f"| {_cell(r['speaker'])} | {_cell(r['party'] or '')} | {ROLE_LABELS[Role(r['role'])]} | {r['turns']} "
            f"| {r['words']} | {r['interruptions_made']} |"
        )
    return out


def _commitments_md(v: Verslag) -> list[str]:
    out = ["", "## Toezeggingen", ""]
    if not v.commitments:
        return [*out, "Geen toezeggingen gevonden."]
    out += ["| # | Toezegging | Door | Aan | Termijn | Status |", "|--:|---|---|---|---|---|"]
    for k, c in enumerate(v.commitments, 1):
        deadline = ""
        if c.deadline is not None:
            deadline = _cell(c.deadline.text) + (f" (uiterlijk {c.deadline.date.isoformat()})" if c.deadline.date else "")
        text = _cell(c.text) + (f" *(gewijzigd: {_cell(c.amendment)})*" if c.amendment else "")
        if c.status.value == "withdrawn":
            text = f"~~{text}~~"
        out.append(
            f"| {k} | {text} | {_cell(c.by or '')} | {_cell(c.to or '')} | {deadline} | {STATUS_LABELS[c.status]} |"
        )
    return out


def _debate_md(v: Verslag) -> list[str]:
    in_exchange: dict[int, int] = {}
    for n, exchange in enumerate(v.interruptions):
        for i in exchange.turns:
            in_exchange.setdefault(i, n)
    events: dict[int, list[str]] = {}
    for s in v.suspensions:
        events.setdefault(event_slot(s.after_turn, len(v.turns)), []).append(f"---\n\n*⏸ {_cell(s.text)}*\n\n---")
    for c in v.chair_changes:
        events.setdefault(event_slot(c.after_turn, len(v.turns)), []).append(f"*{_cell(c.text)}*")
    out = ["", "## Het debat"]
    for e in events.get(-1, []):
        out += ["", e]
    phase: Phase | str | None = "start"
    for i, t in enumerate(v.turns):
        if t.phase != phase:
            phase = t.phase
            out += ["", f"### {phase_label(t.phase)}"]
        k = in_exchange.get(i)
        quote = "> " if k is not None else ""
        if k is not None and i == min(v.interruptions[k].turns):
            it = v.interruptions[k]
            out += ["", f"> *Interruptie van {_cell(it.interrupter)} bij {_cell(it.host)}*", ">"]
        elif k is not None and in_exchange.get(i - 1) == k:
            out.append(">")  # the next turn of the same exchange: stay in the quote
        else:
            out.append("")
        head = f"**{_cell(speaker_heading(t.speaker))}** *(regels {t.lines[0]}–{t.lines[1]}, {amount(t.words, 'woord', '')})*"
        body = [head] + [x for p in t.paragraphs for x in ("", _md(" ".join(p.split())))]
        out += [quote + line if line else quote.rstrip() for line in body]
        for e in events.get(i, []):
            out += ["", e]
    return out
