"""Generate the API reference in docs/api/ from the docstrings, with pdoc.

Run from the project root after changing a public docstring, and commit the result:

    .venv/bin/python scripts/make_api_docs.py

``--out DIR`` writes elsewhere (tests/test_docs_api.py regenerates the reference into a temporary
folder and fails when docs/api differs from it, so a stale reference cannot be committed unnoticed).

Only the public modules are documented (the package and the modules users import); the parser's
internal stages are left out. No search index and no source listings, so the output stays small, and
nothing in it is fetched from the network.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import warnings
from pathlib import Path

import pdoc
import pdoc.render

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "api"

#: The modules users import (the ones the docs tell them to); the rest is internal. The package page
#: already documents everything in ``verslag.__all__`` (the model, the errors, the entry points, Layout),
#: so those modules get no page of their own.
MODULES = [
    "verslag",
    "verslag.tables",
    "verslag.display",
    "verslag.html_page",
    "verslag.export",
    "verslag.tei",
    "verslag.plot",
    "verslag.summary",
    "verslag.strategies",
    "verslag.batch",
    "verslag.structure",
    "verslag.phases",
    "verslag.speakers",
    "verslag.deadlines",
    "verslag.vlos",
]


def build(out: Path) -> None:
    """Write the reference of :data:`MODULES` into ``out`` afresh (it is removed first)."""
    src = str(ROOT / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    if out.exists():
        shutil.rmtree(out)
    pdoc.render.configure(docformat="restructuredtext", search=False, show_source=False, math=False,
                          mermaid=False, footer_text="verslag API reference")
    with warnings.catch_warnings():
        # Annotations that name types imported only for type checking (verslag.strategies) cannot be
        # resolved; pdoc then shows them as written, which is what we want.
        warnings.filterwarnings("ignore", message="Error parsing type annotation", category=UserWarning)
        pdoc.pdoc(*MODULES, output_directory=out)


def main(argv: list[str] | None = None) -> int:
    """Write docs/api/ (or ``--out DIR``) afresh; returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT, help="where to write (default: docs/api)")
    out = ap.parse_args(argv).out.resolve()
    build(out)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"wrote {len(list(out.rglob('*.html')))} pages, {size // 1024} KiB, to {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
