"""The code bar as tests: ``mypy --strict`` and ``ruff check`` are clean, every public name is documented."""

from __future__ import annotations

import inspect
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import verslag

ROOT = Path(__file__).resolve().parent.parent


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_ruff_is_clean() -> None:
    r = subprocess.run([tool("ruff"), "check", "src", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:]


def test_mypy_strict_is_clean() -> None:
    r = subprocess.run([tool("mypy"), "--strict", "src/verslag"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-3000:]


def test_every_public_name_has_a_docstring() -> None:
    missing = []
    for name in verslag.__all__:
        obj = getattr(verslag, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            if not (obj.__doc__ or "").strip():
                missing.append(name)
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if attr.startswith("_") or not inspect.isfunction(member):
                        continue
                    if not (member.__doc__ or "").strip():
                        missing.append(f"{name}.{attr}")
    assert missing == []


def test_every_model_field_is_described() -> None:
    bare = [
        f"{name}.{field}"
        for name in verslag.__all__
        if inspect.isclass(cls := getattr(verslag, name)) and issubclass(cls, verslag.Verslag.__mro__[1])
        for field, info in cls.model_fields.items()
        if not info.description
    ]
    assert bare == []
