"""Parsing many reports: verslag.parse_many and ``verslag batch DIR --out FILE.jsonl -j N``."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import verslag
from verslag.batch import run_batch
from verslag.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "kst-26643-679.txt"
MINI = sorted((ROOT / "fixtures" / "text").glob("*.txt"))
XML = ROOT / "fixtures" / "xml" / "h-tk-20172018-61-10.xml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(FIXTURE, d / "a.txt")
    for p in MINI[:3]:
        shutil.copy(p, d / p.name)
    shutil.copy(XML, d / "m.xml")
    (d / "broken.xml").write_bytes(b"<officiele-publicatie><kamerstuk>")
    (d / "empty.xml").write_bytes(b"<?xml version='1.0'?>")
    return d


@pytest.mark.parametrize("workers", [1, 2])
def test_parse_many_yields_one_result_per_path_in_order(folder: Path, workers: int) -> None:
    paths = sorted(folder.iterdir())
    results = list(verslag.parse_many(paths, workers=workers, chunk=2))
    assert len(results) == len(paths)
    for p, r in zip(paths, results, strict=True):
        if p.name in ("broken.xml", "empty.xml"):
            assert isinstance(r, verslag.XmlError) and r.line >= 0, (p, r)
        else:
            assert isinstance(r, verslag.Verslag), (p, r)
            assert r == verslag.parse(p) or verslag.compare(r, verslag.parse(p)) == []
    assert len(results[0].turns) == 174  # a.txt


def test_parse_many_with_workers_keeps_error_fields(folder: Path) -> None:
    paths = [folder / "broken.xml", folder / "missing.txt"]
    inline = list(verslag.parse_many(paths))
    parallel = list(verslag.parse_many(paths, workers=2))
    for a, b in zip(inline, parallel, strict=True):
        assert type(a) is type(b) and (a.line, a.column, a.message) == (b.line, b.column, b.message)
    assert isinstance(inline[1], verslag.InputError)


def test_parse_many_is_lazy_and_accepts_strings() -> None:
    it = verslag.parse_many(str(FIXTURE) for _ in range(3))
    assert isinstance(next(it), verslag.Verslag)


def test_run_batch_writes_json_lines_lists_failures_and_skips_done_files(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    err = io.StringIO()
    assert run_batch(folder, out, jobs=2, progress=True, stderr=err) == 1
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["path"] for r in recs] == sorted(p.name for p in folder.iterdir())
    by_path = {r["path"]: r for r in recs}
    assert len(by_path["a.txt"]["verslag"]["turns"]) == 174
    assert verslag.Verslag.model_validate(by_path["a.txt"]["verslag"]).meta.number == "679"
    bad = by_path["broken.xml"]["error"]
    assert bad["type"] == "XmlSyntaxError" and bad["line"] >= 1 and bad["message"]
    report = err.getvalue()
    assert "failed" in report and "broken.xml:" in report and "empty.xml:" in report
    # a rerun skips what is done, and a torn last line is redone
    (folder / "new.txt").write_text(MINI[0].read_text(encoding="utf-8"), encoding="utf-8")
    text = out.read_text(encoding="utf-8")
    out.write_text(text + '{"path": "zz', encoding="utf-8")
    err = io.StringIO()
    run_batch(folder, out, jobs=1, progress=False, stderr=err)
    assert "1 parsed, 0 failed, 7 skipped" in err.getvalue()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[-1])["path"] == "new.txt" and lines[-2] == '{"path": "zz'


def test_the_batch_command(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.jsonl"
    code = main(["batch", str(folder), "--out", str(out), "-j", "2", "--pattern", "*.txt", "--no-progress"])
    assert code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    assert "4 parsed, 0 failed" in capsys.readouterr().err
