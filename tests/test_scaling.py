"""Parse cost grows linearly on pathological input: a guard against regex backtracking and quadratic passes.

Not a timing test: each input is parsed at n and at 8n lines in the same run, and only the growth
is checked.  Linear cost grows about 8×, a quadratic pass 64×; the bound (24×) leaves room for a
loaded machine.  Inputs too fast to time reliably pass.  The figures themselves are printed by
``benchmarks/bench_scale.py``; the inputs are ``benchmarks/cases.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

import verslag

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.cases import PATHOLOGICAL

N = 500
K = 8
MAX_GROWTH = 24.0
#: Below this many seconds at 8n the input is too fast for its growth to mean anything.
FLOOR = 0.08


def cpu(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        verslag.parse_text(text)
        best = min(best, time.process_time() - t)
    return best


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_parse_cost_grows_linearly(name: str) -> None:
    make = PATHOLOGICAL[name]
    small, big = make(N), make(K * N)
    cpu(small, 1)  # warm caches
    a, b = cpu(small, 3), cpu(big, 2)
    if b < FLOOR:
        return
    growth = b / max(a, FLOOR / K)
    assert growth < MAX_GROWTH, f"{name}: {a:.3f} s at n, {b:.3f} s at {K}n: {growth:.1f}× for {K}× the input"


def test_a_quadratic_pass_would_fail_this_check() -> None:
    """The guard can fail: a deliberately quadratic step on the same inputs grows far beyond the bound."""

    def quadratic(text: str) -> None:
        lines = text.split("\n")
        for i in range(len(lines)):
            "\n".join(lines[:i]).count(":")

    text = PATHOLOGICAL["n lines of colons"]
    t0 = time.process_time()
    quadratic(text(N))
    a = time.process_time() - t0
    t0 = time.process_time()
    quadratic(text(K * N))
    b = time.process_time() - t0
    assert b / max(a, FLOOR / K) > MAX_GROWTH
