from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import verslag
from _factory import FIXTURE, make_verslag, parsed_fixture
from verslag.cli import main
from verslag.export import to_csv, to_jsonl, to_markdown
from verslag.strategies import verslagen
from verslag.tables import COLUMNS


def test_jsonl_one_object_per_turn_with_report_ids() -> None:
    v = make_verslag()
    out = to_jsonl(v)
    assert out.endswith("\n")
    lines = out.splitlines()
    assert len(lines) == len(v.turns)
    rows = [json.loads(line) for line in lines]
    assert all(list(r) == list(COLUMNS["turns"]) for r in rows)
    assert rows[0]["date"] == "2020-03-11" and rows[0]["report"] == "kst-12345-67"
    assert [r["text"] for r in rows] == [t.text for t in v.turns]
    assert rows[3]["interruption"] == 0 and rows[1]["interruption"] is None


def test_jsonl_keeps_unicode_readable() -> None:
    v = make_verslag()
    v.turns[0].paragraphs = ["De Minister van BZK – «in beginsel» géén ‘achterdeur’."]
    assert "«in beginsel» géén ‘achterdeur’" in to_jsonl(v)


def test_csv_round_trips_through_the_csv_module() -> None:
    v = make_verslag()
    v.turns[1].paragraphs.append('Een "quote", een komma\nen een nieuwe regel')
    rows = list(csv.DictReader(io.StringIO(to_csv(v), newline="")))
    assert len(rows) == len(v.turns)
    assert list(rows[0]) == list(COLUMNS["turns"])
    assert rows[1]["text"] == v.turns[1].text
    assert rows[0]["party"] == "" and rows[1]["party"] == "D66"
    assert rows[3]["words"] == str(v.turns[3].words)


def test_csv_reads_into_pandas() -> None:
    pd = pytest.importorskip("pandas")
    v = make_verslag()
    df = pd.read_csv(io.StringIO(to_csv(v)))
    assert len(df) == len(v.turns)
    assert df["words"].sum() == sum(t.words for t in v.turns)


def test_markdown_report() -> None:
    v = make_verslag()
    md = to_markdown(v)
    assert md.startswith("# Commissiedebat van 11 maart 2020\n")
    for heading in ("## Sprekers", "## Toezeggingen", "## Het debat", "### Eerste termijn van de Kamer",
                    "### Tweede termijn van de regering"):
        assert f"\n{heading}\n" in md
    assert "| 1 | Binnen vier weken stuurt de minister een brief over de meldplicht. | De Vries | Bakker |" in md
    assert "~~Een brief over \\<IPv6\\> & zo.~~" in md
    assert "*⏸ De vergadering wordt van 17.25 uur tot 17.42 uur geschorst.*" in md
    assert "*Voorzitter: Bakker*" in md
    # Each turn's text appears; the exchange is quoted under the floor holder.
    assert "> *Interruptie van Van Dijk bij Bakker*" in md
    assert "> Vindt de heer Bakker ook dat het sneller moet?" in md
    assert "\n> Ja, zeker.\n" in md
    assert md.count("**De heer Bakker (D66)**") == 5
    assert "**De voorzitter (Jansen)**" in md


def test_markdown_escapes_what_markdown_would_interpret() -> None:
    v = make_verslag()
    v.turns[0].paragraphs = ["# geen kop", "1. geen lijst", "*geen nadruk* en [geen link](x) | pijp"]
    md = to_markdown(v)
    assert "\n\\# geen kop\n" in md
    assert "\n\\1. geen lijst\n" in md
    assert "\\*geen nadruk\\* en \\[geen link\\](x) \\| pijp" in md


def test_exports_of_a_report_without_structure_or_turns() -> None:
    for v in (make_verslag(structure=False), verslag.Verslag()):
        assert len(to_jsonl(v).splitlines()) == len(v.turns)
        assert len(list(csv.reader(io.StringIO(to_csv(v))))) == len(v.turns) + 1
        assert "Geen toezeggingen gevonden." in to_markdown(v)


@pytest.mark.parametrize("fn", [to_jsonl, to_csv, to_markdown])
def test_not_a_verslag(fn) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(verslag.InputError):
        fn(None)


def test_fixture_exports() -> None:
    v = parsed_fixture()
    rows = [json.loads(line) for line in to_jsonl(v).splitlines()]
    assert len(rows) == len(v.turns) > 100
    assert rows[1]["speaker"] == "Verhoeven" and rows[1]["party"] == "D66"
    assert sum(r["words"] for r in rows) == sum(t.words for t in v.turns)
    table = list(csv.DictReader(io.StringIO(to_csv(v), newline="")))
    assert [r["text"] for r in table] == [t.text for t in v.turns]
    md = to_markdown(v)
    assert md.startswith("# Algemeen overleg van 11 maart 2020")
    assert md.count("\n**De heer Verhoeven (D66)**") + md.count("\n> **De heer Verhoeven (D66)**") == sum(
        1 for t in v.turns if t.speaker.label == "De heer Verhoeven (D66)")
    assert "geschorst" in md


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "markdown"])
def test_cli_formats(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["parse", str(FIXTURE), "--format", fmt, "--output", str(out)]) == 0
    expected = {"jsonl": to_jsonl, "csv": to_csv, "markdown": to_markdown}[fmt](parsed_fixture())
    assert out.read_bytes() == expected.encode("utf-8")


@given(verslagen())
def test_generated_reports_export_one_row_per_turn(v: verslag.Verslag) -> None:
    assert len(to_jsonl(v).splitlines()) == len(v.turns)
    rows = list(csv.DictReader(io.StringIO(to_csv(v), newline="")))
    assert [r["text"] for r in rows] == [t.text for t in v.turns]
    md = to_markdown(v)
    assert md.count("*(regels ") == len(v.turns)
    for name in ("turns", "interruptions", "commitments", "speakers"):
        assert all(tuple(r) == COLUMNS[name] for r in v.to_records(name))
    assert sum(r["turns"] for r in v.to_records("speakers")) == len(v.turns)


@given(st.lists(st.text(max_size=30), max_size=3))
def test_any_text_round_trips_through_csv_and_jsonl(paragraphs: list[str]) -> None:
    v = make_verslag()
    v.turns[1].paragraphs = paragraphs
    assert json.loads(to_jsonl(v).splitlines()[1])["text"] == v.turns[1].text
    assert list(csv.DictReader(io.StringIO(to_csv(v), newline="")))[1]["text"] == v.turns[1].text


def test_markdown_counts_agree_in_number() -> None:
    v = make_verslag()
    v.turns[4].paragraphs = ["Ja."]
    v.meta.government = v.meta.government[:1]
    md = to_markdown(v)
    assert "1 woord)*" in md and not re.search(r"(?<!\d)1 woorden", md)
    assert "- **Bewindspersoon:** De Vries" in md and "- **Commissie:** vaste commissie" in md
    v.meta.committees.append("vaste commissie voor Financiën")
    assert "- **Commissies:**" in to_markdown(v)
