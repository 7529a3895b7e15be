"""Tables of a Verslag: one plain row per turn, interruption, commitment or speaker.

:func:`to_records` needs nothing but the standard library; :func:`to_frame` and :func:`frame` build
pandas DataFrames (the optional extra ``verslag[pandas]``). Every row starts with the report's
identifiers (``report``, ``dossier``, ``number``, ``date``, ``meeting_kind``) so rows of many reports
can be stacked and still be told apart. Every kind names its people with their party and role, and
gives the phase (termijn), word counts and source lines (see ``docs/research.md`` for each column).
The columns of each kind are fixed (:data:`COLUMNS`), also for a report without any rows of that kind;
columns are only ever added at the end, so code that selects columns by name keeps working.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from verslag.errors import InputError
from verslag.model import Role, Verslag

__all__ = ["COLUMNS", "KINDS", "frame", "to_frame", "to_records"]

#: The identifiers of the report repeated in every row.
ID_COLUMNS: tuple[str, ...] = ("report", "dossier", "number", "date", "meeting_kind")

#: The columns of each kind of row, in order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "turns": (
        *ID_COLUMNS, "turn", "speaker", "party", "role", "office", "label", "phase", "words", "paragraphs",
        "line_start", "line_end", "interruption", "interrupter", "host", "text",
    ),
    "interruptions": (
        *ID_COLUMNS, "interruption", "interrupter", "interrupter_party", "interrupter_role", "host", "host_party",
        "host_role", "phase", "announced", "turns", "first_turn", "last_turn", "words", "interrupter_words",
        "host_words", "line_start", "line_end",
    ),
    "commitments": (
        *ID_COLUMNS, "commitment", "text", "by", "by_office", "to", "to_party", "status", "deadline",
        "deadline_date", "deadline_precision", "amendment", "words", "phase", "turns", "line_start", "line_end",
        "by_role", "by_party", "to_role",
    ),
    "speakers": (
        *ID_COLUMNS, "speaker", "party", "role", "office", "turns", "words", "interruptions_made",
        "interruptions_received", "commitments_made", "commitments_received", "first_turn", "line_start", "line_end",
        "first_phase",
    ),
}

#: The kinds of rows there are.
KINDS: tuple[str, ...] = tuple(COLUMNS)


def _check(v: object, kind: object) -> None:
    if not isinstance(v, Verslag):
        raise InputError("a table needs a Verslag", found=type(v).__name__, expected="Verslag")
    if kind not in COLUMNS:
        raise InputError("unknown kind of table", found=repr(kind), expected=" or ".join(repr(k) for k in KINDS))


def _ids(v: Verslag) -> dict[str, Any]:
    m = v.meta
    report = m.identifier or (f"kst-{m.dossier}-{m.number}" if m.dossier and m.number else None)
    return {"report": report, "dossier": m.dossier, "number": m.number, "date": m.date, "meeting_kind": m.kind}


def _parties(v: Verslag) -> dict[str, str]:
    """Surname → fractie, from the speaker labels (a chair's label has no party)."""
    out: dict[str, str] = {}
    for t in v.turns:
        if t.speaker.party:
            out.setdefault(t.speaker.name, t.speaker.party)
    return out


def _roles(v: Verslag) -> dict[str, str]:
    """Surname → role, preferring the role the person has when not chairing."""
    out: dict[str, str] = {}
    for t in v.turns:
        if t.speaker.role is not Role.CHAIR:
            out.setdefault(t.speaker.name, t.speaker.role.value)
    for t in v.turns:
        out.setdefault(t.speaker.name, t.speaker.role.value)
    return out


def _person_roles(v: Verslag) -> dict[str, str]:
    """Surname → role, from the turns (:func:`_roles`), else from the office in the header.

    A bewindspersoon listed as present but never speaking still has a role: 'Minister van ...' is a
    minister, 'Staatssecretaris van ...' a state secretary.
    """
    out = _roles(v)
    for g in v.meta.government:
        office = g.office.strip().lower()
        if office.startswith("minister"):
            out.setdefault(g.name, Role.MINISTER.value)
        elif office.startswith("staatssecretaris"):
            out.setdefault(g.name, Role.STATE_SECRETARY.value)
    return out


def _offices(v: Verslag) -> dict[str, str]:
    out = {g.name: g.office for g in v.meta.government}
    for t in v.turns:
        if t.speaker.office:
            out.setdefault(t.speaker.name, t.speaker.office)
    return out


def _value(x: Any) -> Any:
    return getattr(x, "value", x)


def _turn_exchange(v: Verslag) -> dict[int, int]:
    """Turn index → index of the (first) interruption exchange it belongs to."""
    out: dict[int, int] = {}
    for k, it in enumerate(v.interruptions):
        for i in it.turns:
            out.setdefault(i, k)
    return out


def _turn_rows(v: Verslag, ids: dict[str, Any]) -> list[dict[str, Any]]:
    exchange = _turn_exchange(v)
    rows = []
    for i, t in enumerate(v.turns):
        k = exchange.get(i)
        it = v.interruptions[k] if k is not None else None
        sp = t.speaker
        rows.append({
            **ids, "turn": i, "speaker": sp.name, "party": sp.party, "role": sp.role.value, "office": sp.office,
            "label": sp.label, "phase": _value(t.phase), "words": t.words, "paragraphs": len(t.paragraphs),
            "line_start": t.lines[0], "line_end": t.lines[1], "interruption": k,
            "interrupter": it.interrupter if it else None, "host": it.host if it else None, "text": t.text,
        })
    return rows


def _interruption_rows(v: Verslag, ids: dict[str, Any]) -> list[dict[str, Any]]:
    parties, roles = _parties(v), _roles(v)
    rows = []
    for k, it in enumerate(v.interruptions):
        turns = [v.turns[i] for i in it.turns if 0 <= i < len(v.turns)]
        rows.append({
            **ids, "interruption": k, "interrupter": it.interrupter, "interrupter_party": parties.get(it.interrupter),
            "interrupter_role": roles.get(it.interrupter), "host": it.host, "host_party": parties.get(it.host),
            "host_role": roles.get(it.host), "phase": _value(it.phase), "announced": it.announced,
            "turns": len(it.turns), "first_turn": min(it.turns, default=None), "last_turn": max(it.turns, default=None),
            "words": sum(t.words for t in turns),
            "interrupter_words": sum(t.words for t in turns if t.speaker.name == it.interrupter),
            "host_words": sum(t.words for t in turns if t.speaker.name == it.host),
            "line_start": min((t.lines[0] for t in turns), default=None),
            "line_end": max((t.lines[1] for t in turns), default=None),
        })
    return rows


def _commitment_rows(v: Verslag, ids: dict[str, Any]) -> list[dict[str, Any]]:
    parties, offices, roles = _parties(v), _offices(v), _person_roles(v)
    rows = []
    for k, c in enumerate(v.commitments):
        turns = [v.turns[i] for i in c.turns if 0 <= i < len(v.turns)]
        d = c.deadline
        rows.append({
            **ids, "commitment": k, "text": c.text, "by": c.by, "by_office": offices.get(c.by) if c.by else None,
            "to": c.to, "to_party": parties.get(c.to) if c.to else None, "status": c.status.value,
            "deadline": d.text if d else None, "deadline_date": d.date if d else None,
            "deadline_precision": _value(d.precision) if d else None, "amendment": c.amendment,
            "words": len(c.text.split()), "phase": _value(turns[0].phase) if turns else None, "turns": len(c.turns),
            "line_start": min((t.lines[0] for t in turns), default=None),
            "line_end": max((t.lines[1] for t in turns), default=None),
            "by_role": roles.get(c.by) if c.by else None, "by_party": parties.get(c.by) if c.by else None,
            "to_role": roles.get(c.to) if c.to else None,
        })
    return rows


def _speaker_rows(v: Verslag, ids: dict[str, Any]) -> list[dict[str, Any]]:
    made = Counter(it.interrupter for it in v.interruptions)
    received = Counter(it.host for it in v.interruptions)
    by = Counter(c.by for c in v.commitments if c.by)
    to = Counter(c.to for c in v.commitments if c.to)
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for i, t in enumerate(v.turns):
        sp = t.speaker
        key = (sp.name, sp.role.value)
        row = rows.get(key)
        if row is None:
            # Interruptions and commitments name a person, not a role: count them on the non-chair row.
            counted = sp.role is not Role.CHAIR or not any(
                u.speaker.name == sp.name and u.speaker.role is not Role.CHAIR for u in v.turns
            )
            row = rows[key] = {
                **ids, "speaker": sp.name, "party": sp.party, "role": sp.role.value, "office": sp.office,
                "turns": 0, "words": 0, "interruptions_made": made[sp.name] if counted else 0,
                "interruptions_received": received[sp.name] if counted else 0,
                "commitments_made": by[sp.name] if counted else 0, "commitments_received": to[sp.name] if counted else 0,
                "first_turn": i, "line_start": t.lines[0], "line_end": t.lines[1], "first_phase": _value(t.phase),
            }
        row["turns"] += 1
        row["words"] += t.words
        row["line_end"] = t.lines[1]
        if row["party"] is None and sp.party:
            row["party"] = sp.party
    return list(rows.values())


_BUILDERS = {
    "turns": _turn_rows,
    "interruptions": _interruption_rows,
    "commitments": _commitment_rows,
    "speakers": _speaker_rows,
}


def to_records(v: Verslag, kind: str) -> list[dict[str, Any]]:
    """One plain dict per item of ``kind`` ('turns', 'interruptions', 'commitments' or 'speakers').

    Values are plain Python: str, int, bool, None and ``datetime.date`` for dates; enums are given by
    their value ('member', 'members_first_term'). The keys are :data:`COLUMNS` ``[kind]``.
    Raises :class:`verslag.InputError` for an unknown kind.
    """
    _check(v, kind)
    rows = _BUILDERS[kind](v, _ids(v))
    return [{c: r[c] for c in COLUMNS[kind]} for r in rows]


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as e:
        raise InputError(
            "pandas is not installed",
            found="no module 'pandas'",
            expected="pandas: pip install 'verslag[pandas]' (or use to_records, which needs nothing)",
        ) from e
    return pd


def _dataframe(rows: list[dict[str, Any]], kind: str) -> Any:
    pd = _pandas()
    df = pd.DataFrame.from_records(rows, columns=list(COLUMNS[kind]))
    for col in ("date", "deadline_date"):
        if col in df.columns:
            df[col] = pd.to_datetime(df[col])
    for col in COLUMNS[kind]:
        values = [r[col] for r in rows if r[col] is not None]
        if values and len(values) < len(rows) and all(type(x) is int for x in values):
            df[col] = df[col].astype("Int64")  # integers with gaps stay integers (pandas' nullable Int64)
    return df


def to_frame(v: Verslag, kind: str) -> Any:
    """Build a pandas DataFrame of :func:`to_records` (dates as ``datetime64``); needs ``verslag[pandas]``."""
    _check(v, kind)
    return _dataframe(to_records(v, kind), kind)


def frame(reports: Iterable[Verslag], kind: str) -> Any:
    """Stack many reports into one DataFrame of ``kind``; the identifier columns tell them apart."""
    _check(Verslag(), kind)
    rows: list[dict[str, Any]] = []
    for v in reports:
        rows.extend(to_records(v, kind))
    return _dataframe(rows, kind)
