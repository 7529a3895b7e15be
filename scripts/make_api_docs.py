"""Generate the API reference in docs/api/ from the docstrings, with pdoc.

Run from the project root after changing a public docstring, and commit the result:

    .venv/bin/python scripts/make_api_docs.py

Only the public modules are documented (the package and the modules users import); the parser's
internal stages are left out. No search index and no source listings, so the output stays small, and
nothing in it is fetched from the network.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pdoc
import pdoc.render

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "api"

#: The modules users import; the rest is internal. The package page already documents everything in
#: ``verslag.__all__`` (the model, the errors, the entry points), so those modules get no page of their own.
MODULES = [
    "verslag",
    "verslag.tables",
    "verslag.display",
    "verslag.html_page",
    "verslag.export",
    "verslag.tei",
    "verslag.plot",
]


def main() -> int:
    """Write docs/api/ afresh; returns the exit code."""
    sys.path.insert(0, str(ROOT / "src"))
    if OUT.exists():
        shutil.rmtree(OUT)
    pdoc.render.configure(docformat="restructuredtext", search=False, show_source=False, math=False,
                          mermaid=False, footer_text="verslag API reference")
    pdoc.pdoc(*MODULES, output_directory=OUT)
    size = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"wrote {len(list(OUT.rglob('*.html')))} pages, {size // 1024} KiB, to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
