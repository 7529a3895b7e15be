"""OB XML speed as ratios to plain lxml in the same run.

Run from the project root:  .venv/bin/python -m benchmarks.bench_xml [--repeat N] [FILES...]

For each file it times, interleaved so that machine load hits all alike (best of N):

* ``lxml parse``  — ``lxml.etree.fromstring(data)``
* ``lxml write``  — ``lxml.etree.tostring(root)``
* ``read_xml``    — :func:`verslag.read_xml` (XML stage + the debate-structure analysis)
* ``read (xml)``  — the same with the structure analysis switched off (the XML stage alone)
* ``write_xml``   — :func:`verslag.write_xml` of the unedited report (the snapshot comparison)
* ``write edited``— :func:`verslag.write_xml` after one party changed (tokenize + render the tree)

and prints each time with its ratio to lxml parse (reads) or lxml write (writes).  Targets: read
and write under 5x.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

import verslag
from verslag import structure

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "xml"
DEFAULT = sorted(FIXTURES.glob("*.xml")) + sorted((FIXTURES / "opendata").glob("*.xml"))


def best(fn: Callable[[], object], number: int) -> float:
    """Seconds per call, the best of one batch of ``number`` calls."""
    t = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - t) / number


def bench(path: Path, repeat: int) -> dict[str, float]:
    data = path.read_bytes()
    root = etree.fromstring(data)
    v = verslag.read_xml(data)
    edited = verslag.read_xml(data)
    turn = next((t for t in edited.turns if t.speaker.party), None)
    if turn is not None:
        turn.speaker.party = (turn.speaker.party or "") + "X"
    edited_binding = edited._xml
    analyze = structure.analyze

    def no_analysis() -> None:
        structure.analyze = lambda _v: None  # type: ignore[assignment]
        try:
            verslag.read_xml(data)
        finally:
            structure.analyze = analyze

    def write_edited() -> None:
        edited_binding._doc = None  # PERF note: the tree is tokenized on first edit; time that too
        verslag.write_xml(edited)

    number = max(1, int(2_000_000 / max(len(data), 1)))
    cases: dict[str, Callable[[], object]] = {
        "lxml parse": lambda: etree.fromstring(data),
        "read_xml": lambda: verslag.read_xml(data),
        "read (xml)": no_analysis,
        "lxml write": lambda: etree.tostring(root),
        "write_xml": lambda: verslag.write_xml(v),
    }
    if turn is not None:
        cases["write edited"] = write_edited
    times = {k: float("inf") for k in cases}
    for _ in range(repeat):
        for k, fn in cases.items():
            times[k] = min(times[k], best(fn, number))
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    files = args.files or DEFAULT
    print(f"{'file':28} {'bytes':>7} {'lxml parse':>10} {'read_xml':>14} {'read (xml)':>14} "
          f"{'lxml write':>10} {'write_xml':>13} {'write edited':>14}")
    for f in files:
        t = bench(f, args.repeat)
        lp, lw = t["lxml parse"], t["lxml write"]

        def cell(k: str, base: float, t: dict[str, float] = t) -> str:
            return f"{t[k] * 1e3:6.2f}ms {t[k] / base:4.1f}x" if k in t else "-"

        print(f"{f.name[:28]:28} {f.stat().st_size:7d} {lp * 1e3:8.2f}ms {cell('read_xml', lp):>14} "
              f"{cell('read (xml)', lp):>14} {lw * 1e3:8.2f}ms {cell('write_xml', lw):>13} "
              f"{cell('write edited', lw):>14}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
