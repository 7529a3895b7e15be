"""Parsing many reports: verslag.parse_many and ``verslag batch DIR --out FILE.jsonl -j N``."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import verslag
from verslag.batch import TAIL_BLOCK, run_batch, truncate_torn_tail
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


def _records(out: Path) -> list[dict[str, object]]:
    """Every line of ``out`` as JSON: fails if a line is not valid JSON."""
    return [json.loads(line) for line in out.read_bytes().split(b"\n") if line]


def test_run_batch_writes_json_lines_and_lists_failures(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    err = io.StringIO()
    assert run_batch(folder, out, jobs=2, progress=True, stderr=err) == 1
    recs = _records(out)
    assert [r["path"] for r in recs] == sorted(p.name for p in folder.iterdir())
    by_path = {r["path"]: r for r in recs}
    assert len(by_path["a.txt"]["verslag"]["turns"]) == 174
    assert verslag.Verslag.model_validate(by_path["a.txt"]["verslag"]).meta.number == "679"
    bad = by_path["broken.xml"]["error"]
    assert bad["type"] == "XmlSyntaxError" and bad["line"] >= 1 and bad["message"]
    report = err.getvalue()
    assert "failed" in report and "broken.xml:" in report and "empty.xml:" in report


def test_a_rerun_skips_parsed_files_and_retries_failed_ones(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run_batch(folder, out, progress=False, stderr=io.StringIO()) == 1
    # Nothing changed: the parsed files are skipped, the failed ones tried again and listed again.
    err = io.StringIO()
    assert run_batch(folder, out, progress=False, stderr=err) == 1
    report = err.getvalue()
    assert "0 parsed, 2 failed, 5 skipped" in report and "2 retried" in report
    assert "broken.xml:1:" in report and "empty.xml:1:" in report
    paths = [r["path"] for r in _records(out)]
    assert sorted(paths) == sorted(p.name for p in folder.iterdir()), "one line per file, the old errors gone"
    # The failed files are mended: the rerun parses them, replaces their error lines and succeeds.
    shutil.copy(XML, folder / "broken.xml")
    shutil.copy(MINI[0], folder / "empty.xml")
    (folder / "new.txt").write_text(MINI[1].read_text(encoding="utf-8"), encoding="utf-8")
    err = io.StringIO()
    assert run_batch(folder, out, jobs=2, progress=False, stderr=err) == 0
    assert "3 parsed, 0 failed, 5 skipped" in err.getvalue()
    recs = _records(out)
    assert sorted(r["path"] for r in recs) == sorted(p.name for p in folder.iterdir())
    assert all("verslag" in r for r in recs)
    # Everything is done now: a third run parses nothing and succeeds.
    err = io.StringIO()
    assert run_batch(folder, out, progress=False, stderr=err) == 0
    assert "0 parsed, 0 failed, 8 skipped" in err.getvalue()


def test_files_in_subfolders_are_taken_hidden_ones_are_not(tmp_path: Path) -> None:
    d = tmp_path / "in"
    (d / "2020" / "maart").mkdir(parents=True)
    (d / ".git").mkdir()
    shutil.copy(MINI[0], d / "top.txt")
    shutil.copy(MINI[1], d / "2020" / "maart" / "deep.txt")
    shutil.copy(XML, d / "2020" / "m.xml")
    for hidden in (d / ".hidden.txt", d / ".git" / "x.txt", d / "2020" / ".~lock.deep.txt#"):
        shutil.copy(MINI[2], hidden)
    out = d / "out.jsonl"  # the output inside the folder is not an input
    assert run_batch(d, out, progress=False, stderr=io.StringIO()) == 0
    assert sorted(r["path"] for r in _records(out)) == ["2020/m.xml", "2020/maart/deep.txt", "top.txt"]
    out2 = tmp_path / "xml.jsonl"
    assert run_batch(d, out2, pattern="*.xml", progress=False, stderr=io.StringIO()) == 0
    assert [r["path"] for r in _records(out2)] == ["2020/m.xml"]


@pytest.mark.parametrize("torn", ['{"path": "zz', '{"path": "x.txt", "verslag": {"meta": {' + "x" * 200_000, "\xff\xfe{"])
def test_a_line_torn_by_a_killed_run_is_cut_off(folder: Path, tmp_path: Path, torn: str) -> None:
    out = tmp_path / "out.jsonl"
    run_batch(folder, out, progress=False, stderr=io.StringIO())
    whole = out.read_bytes()
    out.write_bytes(whole + torn.encode("utf-8", "surrogateescape"))
    (folder / "new.txt").write_text(MINI[0].read_text(encoding="utf-8"), encoding="utf-8")
    err = io.StringIO()
    run_batch(folder, out, progress=False, stderr=err)
    assert "torn last line" in err.getvalue()
    recs = _records(out)  # every line is valid JSON again
    assert recs[-1]["path"] == "new.txt"
    assert sorted(r["path"] for r in recs) == sorted(p.name for p in folder.iterdir())
    parsed_before = [line for line in whole.split(b"\n") if b'"verslag"' in line]
    assert out.read_bytes().startswith(b"\n".join(parsed_before) + b"\n")  # what was parsed is kept as it was


def test_truncate_torn_tail_seeks_from_the_end(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert truncate_torn_tail(out) == 0  # no file
    out.write_bytes(b"")
    assert truncate_torn_tail(out) == 0
    out.write_bytes(b'{"a": 1}\n{"b": 2}\n')
    assert truncate_torn_tail(out) == 0 and out.read_bytes() == b'{"a": 1}\n{"b": 2}\n'
    out.write_bytes(b'{"a": 1}\n{"b": 2}\n{"c": ')
    assert truncate_torn_tail(out) == 6 and out.read_bytes() == b'{"a": 1}\n{"b": 2}\n'
    # The torn line spans several blocks, and a file that is one torn line becomes empty.
    out.write_bytes(b'{"a": 1}\n' + b"x" * (3 * TAIL_BLOCK + 5))
    assert truncate_torn_tail(out) == 3 * TAIL_BLOCK + 5 and out.read_bytes() == b'{"a": 1}\n'
    out.write_bytes(b"y" * (TAIL_BLOCK + 1))
    assert truncate_torn_tail(out) == TAIL_BLOCK + 1 and out.read_bytes() == b""


def test_the_output_is_never_read_whole(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    run_batch(folder, out, progress=False, stderr=io.StringIO())
    out.write_bytes(out.read_bytes() + b'{"path": "to')

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise AssertionError(f"{self} read whole")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "read_text", refuse)
    assert run_batch(folder, out, progress=False, stderr=io.StringIO()) == 1
    monkeypatch.undo()
    assert len(_records(out)) == len(list(folder.iterdir()))


def test_the_batch_command(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.jsonl"
    code = main(["batch", str(folder), "--out", str(out), "-j", "2", "--pattern", "*.txt", "--no-progress"])
    assert code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    assert "4 parsed, 0 failed" in capsys.readouterr().err
