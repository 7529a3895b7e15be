"""OB XML speed as ratios to plain lxml in the same run.

Run from the project root:  .venv/bin/python -m benchmarks.bench_xml [--repeat N] [FILES...]

For each file it times, interleaved so that machine load hits all alike, the best of N batches of
CPU time (``time.process_time``: time the process was not running does not count):

* ``lxml parse``   — ``lxml.etree.fromstring(data)``, the unit for reads
* ``read_xml``     — :func:`verslag.read_xml`, everything
* ``structure``    — :func:`verslag.structure.analyze` alone, on a model read without it
* ``xml part``     — ``read_xml`` with the structure analysis switched off (read_xml − structure)
* ``lxml write``   — ``lxml.etree.tostring(root)``, the unit for writes
* ``write``        — :func:`verslag.write_xml` of the unedited report (a snapshot comparison)
* ``write edited`` — :func:`verslag.write_xml` after one party changed, the lossless document
  built from scratch each time (as on the first edited write after a read)

Targets (issue 4): the xml part of a read and an edited write under 5x lxml.  The structure
analysis is not XML work: ``read_xml`` is printed with it for completeness.
"""

from __future__ import annotations

import argparse
import copy
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

import verslag
from verslag import structure

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "xml"
DEFAULT = sorted(FIXTURES.glob("*.xml")) + sorted((FIXTURES / "opendata").glob("*.xml"))

#: The cases in the order they are printed, with the lxml case each is a ratio to.
CASES: tuple[tuple[str, str], ...] = (
    ("read_xml", "lxml parse"),
    ("structure", "lxml parse"),
    ("xml part", "lxml parse"),
    ("write", "lxml write"),
    ("write edited", "lxml write"),
)


def batch(fn: Callable[[], object], number: int) -> float:
    """CPU seconds per call over one batch of ``number`` calls."""
    t = time.process_time()
    for _ in range(number):
        fn()
    return (time.process_time() - t) / number


def bench(path: Path, repeat: int) -> dict[str, float]:
    """Best seconds per call of each case for one file."""
    data = path.read_bytes()
    root = etree.fromstring(data)
    v = verslag.read_xml(data)
    edited = verslag.read_xml(data)
    turn = next((t for t in edited.turns if t.speaker.party), None)
    if turn is not None:
        turn.speaker.party = (turn.speaker.party or "") + "X"
    edited_binding = edited._xml
    analyze = structure.analyze

    def xml_part() -> verslag.Verslag:
        structure.analyze = lambda _v: None  # type: ignore[assignment]
        try:
            return verslag.read_xml(data)
        finally:
            structure.analyze = analyze

    bare = xml_part()

    def write_edited() -> None:
        edited_binding._doc = None  # the lossless document is built on the first edited write: time that too
        verslag.write_xml(edited)

    number = max(1, int(200_000 / max(len(data), 1)))
    cases: dict[str, Callable[[], object]] = {
        "lxml parse": lambda: etree.fromstring(data),
        "read_xml": lambda: verslag.read_xml(data),
        "xml part": xml_part,
        "lxml write": lambda: etree.tostring(root),
        "write": lambda: verslag.write_xml(v),
    }
    if turn is not None:
        cases["write edited"] = write_edited
    times = {k: float("inf") for k in [*cases, "structure"]}
    for _ in range(repeat):
        for k, fn in cases.items():
            times[k] = min(times[k], batch(fn, number))
        fresh = [copy.deepcopy(bare) for _ in range(number)]  # analyze changes the model: one copy per call
        t = time.process_time()
        for w in fresh:
            analyze(w)
        times["structure"] = min(times["structure"], (time.process_time() - t) / number)
    return times


def main(argv: list[str] | None = None) -> int:
    """Print one row per file: each case in ms and as a ratio to lxml."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args(argv)
    files = args.files or DEFAULT
    print(f"{'file':26} {'bytes':>7} {'lxml parse':>10} " + " ".join(f"{k:>15}" for k, _u in CASES[:3])
          + f" {'lxml write':>10} " + " ".join(f"{k:>15}" for k, _u in CASES[3:]))
    for f in files:
        t = bench(f, args.repeat)

        def cell(k: str, unit: str, t: dict[str, float] = t) -> str:
            return f"{t[k] * 1e3:7.3f}ms {t[k] / t[unit]:4.1f}x" if k in t else "-"

        print(f"{f.name[:26]:26} {f.stat().st_size:7d} {t['lxml parse'] * 1e3:8.3f}ms "
              + " ".join(f"{cell(k, u):>15}" for k, u in CASES[:3])
              + f" {t['lxml write'] * 1e3:8.3f}ms " + " ".join(f"{cell(k, u):>15}" for k, u in CASES[3:]))
    print("ratios: read cases to lxml parse, write cases to lxml write; targets: xml part and write edited under 5x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
