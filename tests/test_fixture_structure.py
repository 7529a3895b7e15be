"""Golden structure of the fixture: every turn's phase and every interruption exchange, field by field.

The truth in ``fixtures/text/golden/kst-26643-679.structure.json`` was made by reading the report
(``fixtures/kst-26643-679.txt``), not from verslag's output; each exchange carries a ``why`` with the
words that decide it. The rules it follows are those of ``docs/phases.md`` and ``docs/interruptions.md``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import verslag

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "kst-26643-679.txt"
GOLDEN = ROOT / "fixtures" / "text" / "golden" / "kst-26643-679.structure.json"
FIELDS = ("interrupter", "host", "turns", "announced", "phase")


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def v() -> verslag.Verslag:
    return verslag.parse(FIXTURE)


def _value(x: object) -> object:
    """An enum as its plain value, anything else as is."""
    return getattr(x, "value", x)


def _show_turn(v: verslag.Verslag, i: int) -> str:
    if not 0 <= i < len(v.turns):
        return f"  [{i}] (no such turn)"
    t = v.turns[i]
    text = " ".join(t.text.split())
    cut = text[:160] + (" …" if len(text) > 160 else "")
    return f"  [{i}] lines {t.lines[0]}-{t.lines[1]} {t.speaker.label} ({_value(t.phase)}): {cut}"


def _exchange(i: verslag.Interruption) -> dict[str, object]:
    return {
        "interrupter": i.interrupter,
        "host": i.host,
        "turns": list(i.turns),
        "announced": i.announced,
        "phase": _value(i.phase),
    }


def _turns(exchange: dict[str, object]) -> list[int]:
    turns = exchange["turns"]
    assert isinstance(turns, list)
    return [int(t) for t in turns]


def test_turn_list_is_the_one_the_golden_file_indexes(v: verslag.Verslag, golden: dict[str, Any]) -> None:
    # Every index below depends on the text parser cutting the same 174 turns.
    assert len(v.turns) == len(golden["phases"]), (
        f"the parser gives {len(v.turns)} turns, the golden file indexes {len(golden['phases'])}: "
        "every phase and exchange index would be shifted"
    )
    for e in golden["interruptions"]:
        first = v.turns[e["turns"][0]]
        assert first.speaker.name == e["interrupter"], (
            f"golden exchange {e} starts at a turn of {first.speaker.label}, not of its interrupter"
        )


def test_every_turn_has_its_phase(v: verslag.Verslag, golden: dict[str, Any]) -> None:
    want = golden["phases"]
    got = [_value(t.phase) for t in v.turns]
    wrong = [i for i, (w, g) in enumerate(zip(want, got, strict=False)) if w != g]
    shown = "\n".join(f"{_show_turn(v, i)}\n      expected {want[i]}" for i in wrong[:8])
    assert not wrong and len(got) == len(want), f"{len(wrong)} turns with a wrong phase, first ones:\n{shown}"


def test_every_interruption_exchange_field_by_field(v: verslag.Verslag, golden: dict[str, Any]) -> None:
    want = [{k: e[k] for k in FIELDS} for e in golden["interruptions"]]
    got = [_exchange(i) for i in v.interruptions]
    n = max(len(want), len(got))
    differing = sum(
        1 for k in range(n) if (want[k] if k < len(want) else None) != (got[k] if k < len(got) else None)
    )
    for k in range(n):
        w = want[k] if k < len(want) else None
        g = got[k] if k < len(got) else None
        if w == g:
            continue
        turns = sorted({t for x in (w, g) if x for t in _turns(x)})
        fields = [f for f in FIELDS if (w or {}).get(f) != (g or {}).get(f)]
        why = golden["interruptions"][k]["why"] if w else "-"
        pytest.fail(
            f"{differing} exchanges differ (by position); the first, exchange {k} "
            f"(of {len(want)} expected, {len(got)} found), differs in {fields}:\n"
            f"  expected {w}\n           why: {why}\n  found    {g}\n"
            "turns:\n" + "\n".join(_show_turn(v, i) for i in turns)
        )


def test_counts(golden: dict[str, Any], v: verslag.Verslag) -> None:
    # The headline numbers, so a change shows at a glance (they follow from the full comparison above).
    want = golden["interruptions"]
    assert (len(v.interruptions), sum(i.announced for i in v.interruptions)) == (
        len(want),
        sum(e["announced"] for e in want),
    )
