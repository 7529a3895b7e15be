"""Parse time of the fixture as a ratio to one regex pass over the same text, in the same run.

Run: ``python -m benchmarks.bench_parse`` (from the project root). Not a test: timings vary per
machine; the ratio is what we track (target: under 10x).

The baseline is the one pass a hand-written scraper makes: a multiline ``regex`` that finds the
speaker labels in the whole text.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import regex

import verslag

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "kst-26643-679.txt"

# De heer Verhoeven (D66):
BASELINE_RE = regex.compile(r"^ ?(?:De heer|Mevrouw|Minister|Staatssecretaris|De voorzitter)\b[^\n]*:[ ]*$", regex.M)


def best_of(fn: object, repeat: int = 7, number: int = 10) -> float:
    """Median seconds per call over ``repeat`` rounds of ``number`` calls."""
    assert callable(fn)
    fn()
    rounds = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        rounds.append((time.perf_counter() - t0) / number)
    return statistics.median(rounds)


def main() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    base = best_of(lambda: sum(1 for _ in BASELINE_RE.finditer(text)))
    from verslag import grammar

    full = best_of(lambda: verslag.parse_text(text))
    text_stage = best_of(lambda: grammar.parse(text))
    print(f"fixture: {len(text):,} characters, {text.count(chr(10)) + 1:,} lines")
    print(f"regex pass (baseline):            {base * 1000:8.2f} ms")
    print(f"verslag.parse_text (everything):  {full * 1000:8.2f} ms   ratio {full / base:5.1f}x  (target < 10x)")
    print(f"  of which the text stages:       {text_stage * 1000:8.2f} ms   ratio {text_stage / base:5.1f}x")
    print(f"  of which structure.analyze:     {(full - text_stage) * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
