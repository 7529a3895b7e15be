"""The command line, run as users run it: ``python -m verslag``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import verslag

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "kst-26643-679.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "verslag", *args], capture_output=True, input=stdin, timeout=120)


def test_parse_json_is_the_model() -> None:
    r = run("parse", str(SEED), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    v = verslag.Verslag.model_validate(data)
    assert len(v.turns) == 174 and v.meta.chair == "Diks"
    assert data["turns"][1]["text"].startswith("Voorzitter, dank u wel.")


def test_parse_reads_stdin_and_writes_a_file(tmp_path: Path) -> None:
    out = tmp_path / "v.json"
    r = run("parse", "-", "--format", "json", "--output", str(out), stdin=SEED.read_bytes())
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["number"] == "679"


def test_unreadable_file_is_exit_2_with_a_message(tmp_path: Path) -> None:
    r = run("parse", str(tmp_path / "missing.txt"))
    assert r.returncode == 2
    assert b"verslag:" in r.stderr and b"Traceback" not in r.stderr


def test_strict_error_names_line_and_column(tmp_path: Path) -> None:
    f = tmp_path / "novel.txt"
    f.write_text("Het was een donkere en stormachtige nacht.\n", encoding="utf-8")
    r = run("parse", str(f), "--strict")
    assert r.returncode == 2
    assert b"at line 1, column 1" in r.stderr


def test_schema_is_json_schema() -> None:
    r = run("schema")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert schema["title"] == "Verslag" and "turns" in schema["properties"]


def test_python_m_and_console_script_agree() -> None:
    exe = Path(sys.executable).parent / "verslag"
    if exe.exists():
        a = subprocess.run([str(exe), "parse", str(SEED), "--format", "json"], capture_output=True, timeout=120)
        b = run("parse", str(SEED), "--format", "json")
        assert a.stdout == b.stdout
