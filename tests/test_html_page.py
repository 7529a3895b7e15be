from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

import verslag
from _factory import FIXTURE, make_verslag, parsed_fixture, unbalanced_tags
from verslag.cli import main
from verslag.html_page import debate_page
from verslag.strategies import verslagen


def _doc(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html.encode("utf-8"))


def _no_network(html: str) -> None:
    """Nothing in the page may be fetched: no URL, no src, no stylesheet link, no @import."""
    assert "https://" not in html
    assert "http://" not in html.replace("http://www.w3.org", "")
    assert "@import" not in html and "url(" not in html
    doc = _doc(html)
    assert not doc.xpath("//*[@src] | //link | //iframe | //object | //embed | //base")
    for el in doc.xpath("//*[@href]"):
        assert el.get("href").startswith("#"), el.get("href")


def test_the_page_is_one_self_contained_document() -> None:
    html = debate_page(make_verslag())
    assert html.startswith("<!DOCTYPE html>")
    _no_network(html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert re.search(r"<meta name=viewport content='width=device-width", html)
    assert "@media print" in html and "@media (max-width:640px)" in html
    assert html.count("<style>") == 1 and html.count("<script>") == 1
    assert unbalanced_tags(html) == []


def test_every_turn_is_on_the_page_once_with_its_text_escaped() -> None:
    v = make_verslag()
    doc = _doc(debate_page(v))
    for i, t in enumerate(v.turns):
        (art,) = doc.xpath(f"//article[@id='t{i}']")
        assert [p.text_content() for p in art.xpath("p")] == t.paragraphs
    assert len(doc.xpath("//article[contains(@class,'turn')]")) == len(v.turns)
    # escaped, not interpreted: the text shows the brackets
    assert "<meldplicht>" in doc.xpath("//article[@id='t1']")[0].text_content()
    assert not doc.xpath("//meldplicht")


def test_interruption_exchanges_are_indented_under_the_floor_holder() -> None:
    v = make_verslag()
    doc = _doc(debate_page(v))
    boxes = doc.xpath("//div[contains(@class,'exchange')]")
    assert len(boxes) == len(v.interruptions)
    for box, it in zip(boxes, v.interruptions, strict=True):
        ids = [a.get("id") for a in box.xpath("article")]
        assert ids == [f"t{i}" for i in it.turns]
        assert it.interrupter in box.xpath("p")[0].text_content()
        # The box follows the floor holder's (or the chair's) turn, not another box.
        prev = box.getprevious()
        assert prev is not None and prev.tag == "article"
    # The floor holder's speech before and after is not in a box.
    assert not doc.xpath("//div[contains(@class,'exchange')]//article[@id='t1' or @id='t5']")


def test_timeline_has_a_row_per_phase_and_a_bar_per_turn() -> None:
    v = make_verslag()
    doc = _doc(debate_page(v))
    rows = doc.xpath("//section[@class='timeline']/div[@class='tl-row']")
    assert [r.xpath("a")[0].text.strip() for r in rows] == [
        "Opening", "Eerste termijn van de Kamer", "Eerste termijn van de regering", "Tweede termijn van de Kamer",
        "Tweede termijn van de regering", "Toezeggingen", "Sluiting"]
    segs = doc.xpath("//section[@class='timeline']//a[contains(@class,'seg')]")
    assert [s.get("href") for s in segs] == [f"#t{i}" for i in range(len(v.turns))]
    # Widths follow the words; exchanges are drawn low and the first turn of each carries the marker.
    assert all(f"flex-grow:{max(t.words, 1)}" in s.get("style") for s, t in zip(segs, v.turns, strict=True))
    low = [i for i, s in enumerate(segs) if " ex" in s.get("class")]
    assert low == [3, 4, 9, 10]
    marked = [i for i, s in enumerate(segs) if "mark" in s.get("class")]
    assert marked == [3, 9]
    # The suspension after turn 7 is a gap in the members' row right after that turn.
    pause = doc.xpath("//section[@class='timeline']//span[contains(@class,'pause')]")
    assert len(pause) == 1 and pause[0].getprevious().get("href") == "#t7"


def test_speaker_colours_are_consistent_between_timeline_legend_and_turns() -> None:
    v = make_verslag()
    doc = _doc(debate_page(v))
    legend = {b.get("data-sp"): b.get("style") for b in doc.xpath("//ul[@class='legend']//button")}
    assert len(legend) == len(v.speakers())
    for art in doc.xpath("//article"):
        if "chair" not in art.get("class"):
            assert art.get("style") == legend[art.get("data-sp")]


def test_suspensions_and_chair_changes_are_marked_between_turns() -> None:
    v = make_verslag()
    doc = _doc(debate_page(v))
    (pause,) = doc.xpath("//div[contains(@class,'event') and contains(@class,'pause')]")
    assert "Schorsing 17.25–17.42 uur" in pause.text_content()
    assert pause.getprevious().get("id") == "t7"
    (change,) = doc.xpath("//div[@class='event']")
    assert "Voorzitter: Bakker" in change.text_content()


def test_an_event_inside_an_exchange_comes_after_the_box() -> None:
    v = make_verslag()
    v.suspensions[0].after_turn = 3  # in the middle of the first exchange
    doc = _doc(debate_page(v))
    (pause,) = doc.xpath("//div[contains(@class,'pause')]")
    assert "exchange" in pause.getprevious().get("class")


def test_commitments_table_has_status_and_deadline() -> None:
    v = make_verslag()
    doc = _doc(debate_page(v))
    rows = doc.xpath("//table[@class='commitments']/tbody/tr")
    assert len(rows) == len(v.commitments)
    cells = [[td.text_content().strip() for td in r.xpath("td")] for r in rows]
    assert cells[0][2:] == ["De Vries", "Bakker", "Binnen vier wekenuiterlijk 8 april 2020", "genoteerd"]
    assert cells[1][5] == "gewijzigd" and "het gaat om Kamervragen" in cells[1][1]
    assert cells[2][5] == "vervallen" and rows[2].get("class") == "withdrawn"
    assert cells[3][2:] == ["—", "—", "—", "toegevoegd"]
    # Each cell is labelled for the stacked phone layout.
    assert rows[0].xpath("td[@data-label='Termijn']")


def test_header_facts() -> None:
    doc = _doc(debate_page(make_verslag()))
    header = doc.xpath("//header")[0].text_content()
    for fact in ("Commissiedebat van 11 maart 2020", "Kamerstuk 12345, nr. 67", "16.04–19.24 uur",
                 "vaste commissie voor Digitale Zaken", "Pietersen", "Minister van Justitie en Veiligheid",
                 "1 agendapunt"):
        assert fact in header
    assert "1 agendapunten" not in header
    assert doc.xpath("//title")[0].text == "Commissiedebat van 11 maart 2020 — Kamerstuk 12345, nr. 67"


def test_hostile_text_stays_text() -> None:
    v = make_verslag()
    v.meta.title = "</title><script>alert('x')</script>"
    v.turns[0].paragraphs = ["<img src=x onerror=alert(1)> 'quoted' \"double\""]
    v.turns[0].speaker.label = "De voorzitter' onclick='x"
    html = debate_page(v)
    _no_network(html)
    assert html.count("<script>") == 1
    assert "<img" not in html and "onclick='x" not in html
    assert unbalanced_tags(html) == []


def test_reports_without_structure_or_turns() -> None:
    html = debate_page(make_verslag(structure=False))
    doc = _doc(html)
    assert [r.xpath("a")[0].text.strip() for r in doc.xpath("//div[@class='tl-row']")] == ["Debat"]
    assert not doc.xpath("//div[contains(@class,'exchange')]")
    empty = debate_page(verslag.Verslag())
    assert "Geen spreekbeurten" in empty and unbalanced_tags(empty) == []


def test_not_a_verslag() -> None:
    with pytest.raises(verslag.InputError):
        debate_page("kst-26643-679.txt")  # type: ignore[arg-type]


def test_fixture_page() -> None:
    v = parsed_fixture()
    html = debate_page(v)
    _no_network(html)
    assert unbalanced_tags(html) == []
    doc = _doc(html)
    assert len(doc.xpath("//article[contains(@class,'turn')]")) == len(v.turns)
    assert len(doc.xpath("//section[@class='timeline']//a[contains(@class,'seg')]")) == len(v.turns)
    assert len(doc.xpath("//div[contains(@class,'exchange')]")) <= len(v.interruptions)
    assert len(doc.xpath("//div[contains(@class,'pause')]")) == len(v.suspensions) >= 1
    assert len(doc.xpath("//table[@class='commitments']/tbody/tr")) == len(v.commitments)
    text = doc.text_content()
    assert "Algemeen overleg van 11 maart 2020" in text and "Kamerstuk 26643, nr. 679" in text
    assert "De voorzitter (Diks)" in text and "De heer Verhoeven (D66)" in text


def test_cli_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "debat.html"
    assert main(["parse", str(FIXTURE), "--format", "html", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == debate_page(parsed_fixture())


@given(verslagen())
def test_generated_reports_give_a_complete_page(v: verslag.Verslag) -> None:
    html = debate_page(v)
    assert unbalanced_tags(html) == []
    doc = _doc(html)
    assert len(doc.xpath("//article[contains(@class,'turn')]")) == len(v.turns)
    assert len(doc.xpath("//section[@class='timeline']//a[contains(@class,'seg')]")) == len(v.turns)
    assert len(doc.xpath("//div[contains(@class,'event')]")) == len(v.suspensions) + len(v.chair_changes)
    assert len(doc.xpath("//table[@class='commitments']/tbody/tr")) == len(v.commitments)
    # Every turn of every exchange sits in an exchange box.
    boxed = {a.get("id") for a in doc.xpath("//div[contains(@class,'exchange')]/article")}
    assert {f"t{i}" for it in v.interruptions for i in it.turns} <= boxed


@given(st.lists(st.text(max_size=40), max_size=4), st.text(max_size=20), st.integers(-5, 40))
def test_any_text_and_odd_positions_give_a_whole_page(paragraphs: list[str], label: str, after: int) -> None:
    v = make_verslag()
    v.turns[3].paragraphs = paragraphs
    v.turns[3].speaker.label = label
    v.suspensions[0].after_turn = after
    v.interruptions.append(verslag.Interruption(interrupter="X", host="Y", turns=[after, 99]))
    html = debate_page(v)
    assert unbalanced_tags(html) == []
    doc = _doc(html)
    assert len(doc.xpath("//article[contains(@class,'turn')]")) == len(v.turns)
    assert len(doc.xpath("//div[contains(@class,'pause')]")) == 1
