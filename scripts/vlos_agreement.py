"""Measure our interruption rule against the Tweede Kamer's own VLOS nesting, and time the VLOS reader.

    .venv/bin/python scripts/vlos_agreement.py [FILE.xml ...] [--show N] [--json]

For each VLOS file: read it with :func:`verslag.read_vlos` (interruptions from the woordvoerder /
interrumpant nesting = the gold standard), run :func:`verslag.structure.analyze` over the same turns
with the nesting thrown away, and print precision and recall of exchanges (same interrupter and host,
overlapping turns) and of the turns inside interruptions.  ``--show N`` lists up to N exchanges that
the rule missed and N that it found but VLOS does not have.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

import verslag
from verslag.model import Interruption, Verslag
from verslag.vlos import (
    debates_of,
    interruption_agreement,
    match_interruptions,
    phase_agreement,
    predicted_interruptions,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = sorted((ROOT / "fixtures" / "xml" / "vlos").glob("*.xml"))


def best_of(fn: Callable[[bytes], object], data: bytes, repeat: int) -> float:
    """Return the fastest of ``repeat`` runs of ``fn(data)`` in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(data)
        best = min(best, time.perf_counter() - t0)
    return best


def rounded(figures: dict[str, int | float]) -> dict[str, int | float]:
    """Round the ratios to three decimals."""
    return {k: round(x, 3) if isinstance(x, float) else x for k, x in figures.items()}


def describe(v: Verslag, it: Interruption) -> str:
    """Return one line: who interrupts whom, the turn indexes and the opening words."""
    first = v.turns[it.turns[0]].text.replace("\n", " ")[:70]
    return f"{it.interrupter} -> {it.host} turns {it.turns}: {first!r}"


def main(argv: list[str] | None = None) -> int:
    """Run the measurement over the given files (default: fixtures/xml/vlos/*.xml)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--show", type=int, default=0, help="list up to N misses and N false alarms")
    ap.add_argument("--repeat", type=int, default=5, help="timing runs (best of)")
    ap.add_argument("--json", action="store_true", help="print one JSON object per file")
    args = ap.parse_args(argv)

    for path in args.files:
        data = path.read_bytes()
        v = verslag.read_vlos(data)
        t_read = best_of(verslag.read_vlos, data, args.repeat)
        t_lxml = best_of(etree.fromstring, data, args.repeat)
        t0 = time.perf_counter()
        pred = predicted_interruptions(v)  # the structure rules alone, debate by debate
        t_structure = time.perf_counter() - t0
        figures: dict[str, object] = {
            "file": path.name,
            "bytes": len(data),
            "read_seconds": round(t_read, 4),
            "lxml_seconds": round(t_lxml, 4),
            "read_ratio_to_lxml": round(t_read / t_lxml, 1) if t_lxml else None,
            "debates": len(debates_of(v)),
            "suspensions": len(v.suspensions),
            "chair_changes": len(v.chair_changes),
            "announced_gold": sum(1 for i in v.interruptions if i.announced),
            "structure_seconds": round(t_structure, 4),
            **rounded(interruption_agreement(v, pred)),
            **rounded(phase_agreement(v)),
        }
        if args.json:
            print(json.dumps(figures, ensure_ascii=False))
        else:
            print(f"== {path.name} ({len(data):,} bytes)")
            for key, value in figures.items():
                if key not in ("file", "bytes"):
                    print(f"  {key:22} {value}")
            if not pred:
                print(
                    "  note: the rule found no interruptions (is verslag.structure.analyze implemented yet?)"
                )
        if args.show:
            pairs = match_interruptions(v.interruptions, pred)
            gold_hit = {g for g, _ in pairs}
            pred_hit = {p for _, p in pairs}
            missed = [g for k, g in enumerate(v.interruptions) if k not in gold_hit]
            extra = [p for k, p in enumerate(pred) if k not in pred_hit]
            print(f"  missed by the rule ({len(missed)}):")
            for it in missed[: args.show]:
                print("    " + describe(v, it))
            print(f"  found by the rule, not in VLOS ({len(extra)}):")
            for it in extra[: args.show]:
                print("    " + describe(v, it))
    return 0


if __name__ == "__main__":
    sys.exit(main())
