"""Every OB file in fixtures/xml round-trips byte for byte; `verslag roundtrip` reports the first difference.

``write_xml`` of an unedited report returns its input (a snapshot comparison), so a round-trip
through it alone cannot show a renderer bug.  Every file is therefore also rendered from its lossless
tree with every element through the edit path (``Edits(everything=True)``, ``force_render``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import verslag
from verslag import xml_writer
from verslag.cli import main
from verslag.roundtrip import first_difference, roundtrip_report
from verslag.xml_tree import Edits, parse_document, scan_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "xml"
#: Every XML file under fixtures/xml, in every folder (a new folder is picked up), but the broken inputs.
ALL = sorted(p for p in FIXTURES.rglob("*.xml") if "invalid" not in p.relative_to(FIXTURES).parts)
#: VLOS is read into the model and written as OB XML: it never round-trips through write_xml.
VLOS = [p for p in ALL if verslag.detect_format(p.read_bytes()) == "vlos"]
OB = [p for p in ALL if p not in VLOS]
PRINTED = [p for p in OB if "printed" in p.relative_to(FIXTURES).parts]
RAW = [p for p in OB if p not in PRINTED]


def test_the_folders_are_not_empty() -> None:
    assert len(RAW) >= 5 and len(PRINTED) >= 3 and VLOS
    assert {p.parent.name for p in ALL} >= {"xml", "opendata", "printed", "vlos"}


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_file_comes_back_from_the_renderer(path: Path) -> None:
    data = path.read_bytes()
    for doc in (scan_document(data), parse_document(data)):
        assert doc.to_bytes(Edits(everything=True)) == data
        if doc._scan is not None:  # the bytes came from the renderer, not from copying the input
            assert all(el is not None for el in doc._scan.cache)
    if path in VLOS:
        return
    v = verslag.read_xml(data)
    assert verslag.write_xml(v) == data
    assert xml_writer.write_xml(v, force_render=True) == data


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
    assert first.startswith("round-trip DIFFERS at line 32, column 30 ") and first.endswith(", write_xml)")
    assert "input:  " in msg and "(<politiek>VVD" in msg and "(<politiek>CDA" in msg
    lines = msg.splitlines()
    assert lines[2].index("^") - 10 == lines[1].index("VVD") - 10


def test_cli_roundtrip(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roundtrip", str(FIXTURES / "h-tk-20172018-50-1.xml")]) == 0
    assert "round-trip OK" in capsys.readouterr().out
    assert main(["roundtrip", str(FIXTURES / "invalid" / "mismatched_end_tag.xml")]) == 2
    assert "line 4, column 40" in capsys.readouterr().err


def test_report_names_a_renderer_difference(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "h-tk-20172018-61-10.xml").read_bytes()
    real = xml_writer.write_xml

    def broken(v: verslag.Verslag, *, force_render: bool = False) -> bytes:
        out = real(v, force_render=force_render)
        return out.replace(b"</al>", b"</al> ", 1) if force_render else out

    monkeypatch.setattr(xml_writer, "write_xml", broken)
    ok, msg = roundtrip_report(data)
    assert not ok and msg.splitlines()[0].endswith(", the lossless tree rendered element by element)")
