"""How parse cost grows with input: 1×, 4×, 16× the fixture, pathological inputs, and a corpus of reports.

Not a test: it prints figures.  Run from the project root::

    .venv/bin/python benchmarks/bench_scale.py            # everything (a few minutes)
    .venv/bin/python benchmarks/bench_scale.py --quick    # 100 reports instead of 1,000

1. **Linear time.**  The fixture's body is repeated 4 and 16 times inside one report; the time per
   MB should stay flat.
2. **Pathological input.**  Long lines, thousands of colons or dashes, deeply repeated labels:
   regex backtracking would show as a time per MB far above the fixture's.
3. **Corpus.**  1,000 reports generated with ``verslag.strategies`` and rendered as PDF text are
   parsed with ``verslag.parse_many`` by 1 and by 2 worker processes: reports/s, MB/s and peak
   memory (resident set size of the parsing process and its workers, each run in a fresh process).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.cases import PATHOLOGICAL  # noqa: E402

FIXTURE = ROOT / "fixtures" / "kst-26643-679.txt"


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def scaled_fixture(k: int) -> str:
    """The fixture with its body (first label to 'Sluiting') repeated ``k`` times: one report, k× as long."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    first = next(i for i, ln in enumerate(lines) if ln.strip() == "De voorzitter:")
    last = next(i for i, ln in enumerate(lines) if ln.startswith("Sluiting"))
    head, body, tail = lines[:first], lines[first:last], lines[last:]
    return "\n".join(head + body * k + tail)


def linear() -> None:
    import verslag

    print("1. Parse time against input size (one report, body repeated)")
    print(f"   {'input':>6} {'MB':>6} {'lines':>7} {'turns':>6} {'seconds':>8} {'s/MB':>6}")
    base = None
    for k in (1, 4, 16):
        text = scaled_fixture(k)
        mb = len(text.encode()) / 1e6
        v = verslag.parse_text(text)
        t = best_of(functools.partial(verslag.parse_text, text), 3 if k < 16 else 1)
        base = base or t / mb
        print(f"   {k:>5}× {mb:6.2f} {text.count(chr(10)) + 1:7d} {len(v.turns):6d} {t:8.2f} {t / mb:6.2f}"
              f"   ({t / mb / base:.2f}× the 1× rate)")


def pathological() -> None:
    import verslag

    print("\n2. Pathological input, each at n and 4n: linear cost grows about 4×; regex backtracking or a")
    print("   quadratic pass shows as a growth near 16× and a time per MB far above the fixture's")
    fixture = FIXTURE.read_text(encoding="utf-8")
    ref = best_of(lambda: verslag.parse_text(fixture)) / (len(fixture.encode()) / 1e6)
    cases = PATHOLOGICAL
    n = 1000
    print(f"   fixture: {ref:.2f} s/MB;  n = {n:,}")
    print(f"   {'input':<36} {'MB at 4n':>8} {'s at n':>7} {'s at 4n':>8} {'growth':>7} {'s/MB':>7}")
    for name, make in cases.items():
        small, big = make(n), make(4 * n)
        mb = len(big.encode()) / 1e6
        a = best_of(functools.partial(verslag.parse_text, small), 1)
        b = best_of(functools.partial(verslag.parse_text, big), 1)
        growth = b / max(a, 1e-3)
        flag = "  <-- superlinear" if growth > 8 and b > 0.5 else ""
        print(f"   {name:<36} {mb:8.2f} {a:7.2f} {b:8.2f} {growth:6.1f}× {b / mb:7.2f}{flag}")


def make_corpus(folder: Path, n: int) -> int:
    """Render ``n`` generated reports into ``folder``; return the total bytes."""
    from hypothesis import HealthCheck, Phase, given, seed, settings

    import verslag
    from verslag import strategies

    count = 0

    @seed(679)
    @settings(max_examples=n, phases=[Phase.generate], database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(strategies.verslagen(), strategies.layouts())
    def write(v: verslag.Verslag, layout: verslag.Layout) -> None:
        nonlocal count
        (folder / f"r{count:05d}.txt").write_text(verslag.render_text(v, layout), encoding="utf-8")
        count += 1

    while count < n:  # hypothesis may stop early when it runs out of distinct examples
        write()
    return sum(p.stat().st_size for p in folder.iterdir())


def peak_rss_mb() -> float:
    """This process's peak resident memory: VmHWM (ru_maxrss survives exec, so it would show the parent's)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus_run(folder: Path, workers: int) -> dict[str, float]:
    """Parse every file of ``folder`` with ``workers`` processes (run in a fresh process by corpus())."""
    import verslag

    paths = sorted(folder.iterdir())
    t, c = time.perf_counter(), os.times()
    ok = sum(isinstance(r, verslag.Verslag) for r in verslag.parse_many(paths, workers=workers))
    elapsed, c2 = time.perf_counter() - t, os.times()
    cpu = (c2.user - c.user) + (c2.system - c.system) + (c2.children_user - c.children_user) + (
        c2.children_system - c.children_system)  # fmt: skip
    own = peak_rss_mb()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 if workers > 1 else 0.0
    return {"seconds": elapsed, "cpu": cpu, "ok": ok, "n": len(paths), "rss_mb": own, "worker_rss_mb": children}


def batch_run(folder: Path, workers: int) -> dict[str, float]:
    """``verslag batch`` on ``folder`` into a temporary JSON Lines file (run in a fresh process)."""
    import io

    from verslag.batch import run_batch

    with tempfile.TemporaryDirectory() as d:
        t, c = time.perf_counter(), os.times()
        run_batch(folder, Path(d) / "out.jsonl", jobs=workers, progress=False, stderr=io.StringIO())
        elapsed, c2 = time.perf_counter() - t, os.times()
    cpu = (c2.user - c.user) + (c2.system - c.system) + (c2.children_user - c.children_user) + (
        c2.children_system - c.children_system)  # fmt: skip
    own = peak_rss_mb()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 if workers > 1 else 0.0
    n = sum(1 for _ in folder.iterdir())
    return {"seconds": elapsed, "cpu": cpu, "ok": n, "n": n, "rss_mb": own, "worker_rss_mb": children}


def corpus(n: int) -> None:
    print(f"\n3. A corpus of {n:,} generated reports (verslag.parse_many)")
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        t = time.perf_counter()
        size = make_corpus(folder, n)
        print(f"   generated and rendered in {time.perf_counter() - t:.0f} s: {size / 1e6:.1f} MB, "
              f"{size / n / 1e3:.0f} kB a report")
        print("   (wall time; CPU time of the process and its workers; peak resident memory of the main")
        print("   process and of the largest worker; the load average says how busy the machine was)")
        for mode in ("--corpus-run", "--batch-run"):
            print(f"   {'verslag.parse_many' if mode == '--corpus-run' else 'verslag batch (JSON Lines)'}:")
            for workers in (1, 2):
                load = os.getloadavg()[0]
                out = subprocess.run(
                    [sys.executable, __file__, mode, str(folder), "--workers", str(workers)],
                    check=True, capture_output=True, text=True,
                )
                r = json.loads(out.stdout)
                print(f"     {workers} worker{'s' if workers > 1 else ' '}: {r['seconds']:6.1f} s "
                      f"(CPU {r['cpu']:5.1f} s)  {r['n'] / r['seconds']:6.1f} reports/s  "
                      f"{size / 1e6 / r['seconds']:5.2f} MB/s  peak RSS {r['rss_mb']:.0f} MB + "
                      f"{r['worker_rss_mb']:.0f} MB  {r['ok']}/{r['n']} parsed  (load {load:.1f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a corpus of 100 reports instead of 1,000")
    ap.add_argument("--corpus-run", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--batch-run", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--only", choices=["linear", "pathological", "corpus"], help="run one part")
    args = ap.parse_args()
    if args.corpus_run:
        print(json.dumps(corpus_run(args.corpus_run, args.workers)))
        return
    if args.batch_run:
        print(json.dumps(batch_run(args.batch_run, args.workers)))
        return
    print(f"verslag scale benchmark — Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    if args.only in (None, "linear"):
        linear()
    if args.only in (None, "pathological"):
        pathological()
    if args.only in (None, "corpus"):
        corpus(100 if args.quick else 1000)


if __name__ == "__main__":
    main()
