"""The API reference in docs/api/ is what scripts/make_api_docs.py makes from the docstrings now.

The reference is regenerated into a temporary folder and compared with docs/api in a normalised
form: per page, every documented name (each element with an ``id``: modules, classes, functions,
fields) with its text — signature, defaults, annotation and docstring, whitespace collapsed. So a
changed docstring, default or signature, a new public name or module, or a removed one fails the test;
markup that differs between pdoc versions does not. To fix a failure, run
``.venv/bin/python scripts/make_api_docs.py`` and commit docs/api.
"""

from __future__ import annotations

import importlib.util
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import lxml.html
import pytest

import verslag

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "api"
SCRIPT = ROOT / "scripts" / "make_api_docs.py"

pytest.importorskip("pdoc")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_api_docs", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _normalised(folder: Path) -> dict[str, dict[str, str]]:
    """Page (relative path) → {documented name: its text}."""
    out: dict[str, dict[str, str]] = {}
    for page in sorted(folder.rglob("*.html")):
        doc = lxml.html.parse(str(page)).getroot()
        names: dict[str, str] = {}
        for el in doc.xpath("//main//*[@id]"):
            names[el.get("id")] = " ".join(el.text_content().split())
        out[page.relative_to(folder).as_posix()] = names
    return out


def _differences(have: dict[str, dict[str, str]], want: dict[str, dict[str, str]]) -> list[str]:
    diffs = [f"page missing from docs/api: {p}" for p in sorted(set(want) - set(have))]
    diffs += [f"page in docs/api that is no longer made: {p}" for p in sorted(set(have) - set(want))]
    for page in sorted(set(have) & set(want)):
        h, w = have[page], want[page]
        diffs += [f"{page}: {n} is not documented in docs/api" for n in sorted(set(w) - set(h))]
        diffs += [f"{page}: {n} is documented but no longer public" for n in sorted(set(h) - set(w))]
        diffs += [f"{page}: {n} differs:\n    docs/api: {h[n][:300]}\n    now:      {w[n][:300]}"
                  for n in sorted(set(h) & set(w)) if h[n] != w[n]]
    return diffs


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("api") / "api"
    _script().build(out)
    return out


def test_docs_api_is_up_to_date(fresh: Path) -> None:
    diffs = _differences(_normalised(DOCS), _normalised(fresh))
    assert not diffs, (
        "docs/api is stale; run .venv/bin/python scripts/make_api_docs.py and commit docs/api:\n"
        + "\n".join(diffs[:30]) + (f"\n... and {len(diffs) - 30} more" if len(diffs) > 30 else ""))


def test_the_comparison_sees_a_changed_default_and_a_missing_name(fresh: Path) -> None:
    want = _normalised(fresh)
    have = {page: dict(names) for page, names in want.items()}
    have["verslag.html"]["Layout.stray_blank_rate"] = have["verslag.html"]["Layout.stray_blank_rate"].replace(
        "0.003", "0.01")
    del have["verslag.html"]["Layout.front_narrower"]
    del have["verslag/strategies.html"]
    diffs = _differences(have, want)
    assert any("Layout.stray_blank_rate differs" in d for d in diffs)
    assert any("Layout.front_narrower is not documented" in d for d in diffs)
    assert "page missing from docs/api: verslag/strategies.html" in diffs


def test_every_module_the_docs_tell_users_to_import_has_a_page(fresh: Path) -> None:
    documented = set(_script().MODULES)
    pages = {p.relative_to(fresh).with_suffix("").as_posix().replace("/", ".") for p in fresh.rglob("*.html")}
    assert documented <= pages
    # Every module named in the prose docs as `verslag.<module>` (and that exists) is in the reference,
    # unless it is only mentioned as an internal stage (layout, grammar, api).
    internal = {"verslag.layout", "verslag.grammar", "verslag.api"}
    modules = {f"verslag.{m.name}" for m in pkgutil.iter_modules(verslag.__path__)}
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    named = {f"verslag.{m}" for m in re.findall(r"\bverslag\.(\w+)", text)} & modules
    assert named - internal <= documented, sorted(named - internal - documented)
