"""Parse cost grows linearly on pathological input: a guard against regex backtracking and quadratic passes.

Not a timing test: each input is parsed at n and at 8n lines in the same run, and only the growth
is checked.  Linear cost grows about 8×, a quadratic pass 64×; the bound (32×) leaves room for a
loaded machine (the two sizes are timed in turn, best of three, the garbage collector paused).  Inputs too fast to time reliably pass.  The figures themselves are printed by
``benchmarks/bench_scale.py``; the inputs are ``benchmarks/cases.py``.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

import pytest

import verslag

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.cases import PATHOLOGICAL

N = 500
K = 8
MAX_GROWTH = 32.0
#: Below this many seconds at 8n the input is too fast for its growth to mean anything.
FLOOR = 0.08


def cpu(text: str) -> float:
    t = time.process_time()
    verslag.parse_text(text)
    return time.process_time() - t


def growth_of(small: str, big: str, rounds: int = 3) -> tuple[float, float]:
    """Best CPU time of each input, the two timed in turn so that a busy spell hits both.

    The garbage collector is paused while timing: its passes depend on what else the test process
    holds, not on the parser (a collection of a large heap is seconds of noise).
    """
    a = b = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            a, b = min(a, cpu(small)), min(b, cpu(big))
    finally:
        gc.enable()
    return a, b


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_parse_cost_grows_linearly(name: str) -> None:
    make = PATHOLOGICAL[name]
    small, big = make(N), make(K * N)
    cpu(small)  # warm caches
    a, b = growth_of(small, big)
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
    small, big = text(2 * N), text(2 * K * N)  # large enough that the small one is above the floor too
    t0 = time.process_time()
    quadratic(small)
    a = time.process_time() - t0
    t0 = time.process_time()
    quadratic(big)
    b = time.process_time() - t0
    assert b >= FLOOR and b / max(a, FLOOR / K) > MAX_GROWTH
