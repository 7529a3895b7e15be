"""Every OB file in fixtures/xml round-trips byte for byte; `verslag roundtrip` reports the first difference."""

from __future__ import annotations

from pathlib import Path

import pytest

import verslag
from verslag.cli import main
from verslag.roundtrip import first_difference, roundtrip_report

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "xml"
RAW = sorted(FIXTURES.glob("*.xml")) + sorted((FIXTURES / "opendata").glob("*.xml"))
PRINTED = sorted((FIXTURES / "printed").glob("*.xml"))


def test_the_folders_are_not_empty() -> None:
    assert len(RAW) >= 5 and len(PRINTED) >= 3


@pytest.mark.parametrize("path", RAW, ids=lambda p: p.name)
def test_raw_ob_files_round_trip(path: Path) -> None:
    data = path.read_bytes()
    assert verslag.write_xml(verslag.read_xml(data)) == data


@pytest.mark.parametrize("path", PRINTED, ids=lambda p: p.name)
def test_printed_copies_round_trip_after_the_fix_up(path: Path) -> None:
    # print() added one '\n' after the document (fixtures/xml/PROVENANCE.md, section B)
    data = path.read_bytes()
    assert data.endswith(b"</officiele-publicatie>\n")
    fixed = data[:-1]
    assert verslag.write_xml(verslag.read_xml(fixed)) == fixed
    # and the unfixed copy too: the final newline belongs to the document
    assert verslag.write_xml(verslag.read_xml(data)) == data


@pytest.mark.parametrize("path", RAW, ids=lambda p: p.name)
def test_raw_files_round_trip_through_the_edit_path(path: Path) -> None:
    # an edit that is undone again still renders the whole tree from its raw pieces
    data = path.read_bytes()
    v = verslag.read_xml(data)
    if v.turns:
        keep = v.turns[0].paragraphs[0]
        v.turns[0].paragraphs[0] = keep + " x"
        assert verslag.write_xml(v) != data
        v.turns[0].paragraphs[0] = keep
    assert verslag.write_xml(v) == data


def test_report_ok() -> None:
    data = (FIXTURES / "h-tk-20172018-61-10.xml").read_bytes()
    ok, msg = roundtrip_report(data)
    assert ok and msg.startswith("round-trip OK: 37373 bytes identical")


def test_first_difference_line_and_column() -> None:
    assert first_difference(b"abc", b"abc") is None
    assert first_difference("ab\ncdé\nx".encode(), "ab\ncdé\ny".encode()) == (8, 3, 1)
    assert first_difference(b"ab\r\ncd\xc3\xa9f", b"ab\r\ncd\xc3\xa9g") == (8, 2, 4)
    assert first_difference(b"abc", b"ab") == (2, 1, 3)
    assert first_difference(b"a" * 10000 + b"b", b"a" * 10000 + b"c") == (10000, 1, 10001)


def test_report_shows_where_it_differs(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "h-tk-20172018-61-10.xml").read_bytes()
    monkeypatch.setattr(verslag.api, "write_xml", lambda v: data.replace(b"(<politiek>VVD", b"(<politiek>CDA", 1))
    ok, msg = roundtrip_report(data)
    assert not ok
    first = msg.splitlines()[0]
    assert first.startswith("round-trip DIFFERS at line 32, column 30 ")
    assert "input:  " in msg and "(<politiek>VVD" in msg and "(<politiek>CDA" in msg
    lines = msg.splitlines()
    assert lines[2].index("^") - 10 == lines[1].index("VVD") - 10


def test_cli_roundtrip(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roundtrip", str(FIXTURES / "h-tk-20172018-50-1.xml")]) == 0
    assert "round-trip OK" in capsys.readouterr().out
    assert main(["roundtrip", str(FIXTURES / "invalid" / "mismatched_end_tag.xml")]) == 2
    assert "line 4, column 40" in capsys.readouterr().err
