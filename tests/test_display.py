from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

import verslag
from _factory import make_verslag, parsed_fixture, unbalanced_tags
from verslag.display import FOLD_WORDS, commitment_html, turn_html, verslag_html
from verslag.html_page import debate_page

XML = Path(__file__).resolve().parent.parent / "fixtures" / "xml" / "h-tk-20172018-61-10.xml"

#: The counted Dutch nouns of the two views, written out here (not taken from the library): singular, plural.
DUTCH_NOUNS = [
    ("spreekbeurt", "spreekbeurten"), ("beurt", "beurten"), ("spreker", "sprekers"), ("woord", "woorden"),
    ("interruptie", "interrupties"), ("schorsing", "schorsingen"), ("toezegging", "toezeggingen"),
    ("melding", "meldingen"), ("agendapunt", "agendapunten"), ("alinea", "alinea's"),
]


def _page_text(html: str) -> str:
    doc = lxml.html.document_fromstring(html.encode("utf-8"))
    for el in doc.xpath("//style | //script"):
        el.drop_tree()
    # The count and its noun are in separate elements in the page's counters: '<b>1</b>schorsing'.
    for b in doc.xpath("//ul[@class='stats']//b"):
        b.tail = " " + (b.tail or "")
    return " ".join(doc.text_content().split())


def _wrong_numbers(text: str) -> list[str]:
    """'1 schorsingen' and '2 schorsing' in ``text``: a count followed by its noun in the wrong number."""
    found = []
    for one, many in DUTCH_NOUNS:
        found += re.findall(rf"(?<![\d.]){re.escape('1')} {re.escape(many)}\b", text)
        found += re.findall(rf"(?<![\d.])(?!1 )\d[\d.]* {re.escape(one)}(?![\w'])", text)
    return found


def _one_of_each() -> verslag.Verslag:
    """A report with exactly one of everything the views count."""
    v = make_verslag()
    v.turns = [v.turns[1].model_copy(update={"paragraphs": ["Ja."]})]
    v.meta.agenda = v.meta.agenda[:1]
    v.meta.government = v.meta.government[:1]
    v.interruptions = [verslag.Interruption(interrupter="Van Dijk", host="Bakker", turns=[0])]
    v.suspensions = v.suspensions[:1]
    v.suspensions[0].after_turn = 0
    v.chair_changes = []
    v.commitments = v.commitments[:1]
    v.commitments[0].turns = [0]
    v.diagnostics = [verslag.Diagnostic(code="V201", message="x", line=3)]
    return v


def _text(html: str) -> str:
    return re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S)


def test_verslag_repr_has_header_speakers_phases_and_commitments() -> None:
    v = make_verslag()
    html = v._repr_html_()
    assert html == verslag_html(v)
    text = _text(html)
    assert "Commissiedebat van 11 maart 2020" in text
    # The Kamerstuk row says the word once: 'Kamerstuk | 12345, nr. 67', not 'Kamerstuk: Kamerstuk 12345'.
    assert "<tr><th>Kamerstuk</th><td>12345, nr. 67</td></tr>" in html
    assert text.count("Kamerstuk") == 1
    for name in ("Jansen", "Bakker", "Van Dijk", "De Vries", "Smit"):
        assert name in text
    assert "Eerste termijn van de regering" in text
    assert "Binnen vier weken" in text and "uiterlijk 2020-04-08" in text
    assert "vervallen" in text and "gewijzigd" in text
    assert unbalanced_tags(html) == []


def test_speaker_table_counts_turns_and_words() -> None:
    v = make_verslag()
    html = verslag_html(v)
    bakker = [t for t in v.turns if t.speaker.name == "Bakker"]
    row = re.search(r"<tr><td><span[^>]*></span>Bakker</td>(.*?)</tr>", html)
    assert row is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))
    assert cells[:4] == ["D66", "Kamerlid", str(len(bakker)), str(sum(t.words for t in bakker))]


def test_all_text_is_escaped() -> None:
    v = make_verslag()
    v.meta.committees = ["<script>alert(1)</script>"]
    html = verslag_html(v)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;IPv6&gt; &amp; zo" in html  # a commitment's text
    t_html = turn_html(v.turns[1])
    assert "&lt;meldplicht&gt; &amp; de &quot;regels&quot;" in t_html


def test_long_turns_are_folded_short_ones_are_not() -> None:
    v = make_verslag()
    long_turn = v.turns[5]
    assert long_turn.words > FOLD_WORDS
    html = long_turn._repr_html_()
    assert "<details" in html and "woorden meer" in html
    assert unbalanced_tags(html) == []
    # No word is lost by folding.
    assert _text(html).split().count("lange") == long_turn.text.split().count("lange")
    assert "<details" not in v.turns[1]._repr_html_()


def test_turn_repr_shows_speaker_phase_and_lines() -> None:
    v = make_verslag()
    text = _text(turn_html(v.turns[8]))
    assert "Minister De Vries" in text and "minister" in text
    assert "Eerste termijn van de regering" in text
    assert f"regels {v.turns[8].lines[0]}–{v.turns[8].lines[1]}" in text
    chair = _text(turn_html(v.turns[0]))
    assert "De voorzitter (Jansen)" in chair


def test_commitment_repr() -> None:
    c = make_verslag().commitments[1]
    html = c._repr_html_()
    assert html == commitment_html(c)
    text = _text(html)
    assert "Voor de zomer" in text and "Smit" in text and "Van Dijk" in text and "gewijzigd" in text
    assert unbalanced_tags(html) == []


def test_a_report_without_structure_still_shows() -> None:
    html = verslag_html(make_verslag(structure=False))
    assert "Geen toezeggingen" in html and "Debat" in html
    assert verslag_html(verslag.Verslag())  # nothing at all


def test_fixture_repr() -> None:
    v = parsed_fixture()
    html = v._repr_html_()
    text = _text(html)
    assert "Verhoeven" in text and "Diks" in text and "Grapperhaus" in text
    assert f"{len(v.turns)} spreekbeurten" in text
    assert unbalanced_tags(html) == []


@pytest.mark.parametrize("view", ["notebook", "page"])
def test_counts_of_one_are_singular_and_other_counts_plural(view: str) -> None:
    render = verslag_html if view == "notebook" else debate_page
    one = _one_of_each()
    text = _page_text(render(one))
    assert _wrong_numbers(text) == []
    assert "1 schorsing" in text and "1 interruptie" in text and "1 toezegging" in text
    assert "1 spreekbeurt" in text and "1 woord" in text
    many = make_verslag()
    many.suspensions.append(many.suspensions[0].model_copy(update={"after_turn": 12}))
    text = _page_text(render(many))
    assert _wrong_numbers(text) == []
    assert "2 schorsingen" in text and "2 interrupties" in text and "4 toezeggingen" in text
    empty = _page_text(render(verslag.Verslag()))
    assert _wrong_numbers(empty) == [] and "0 schorsingen" in empty


def test_the_check_for_wrong_numbers_can_fail() -> None:
    assert sorted(_wrong_numbers("1 schorsingen · 3 schorsing · 26.159 woord · 1 alinea's")) == [
        "1 alinea's", "1 schorsingen", "26.159 woord", "3 schorsing"]
    assert _wrong_numbers("11 schorsingen · 1 schorsing · 2.001 woorden · 1 alinea") == []


def test_one_committee_and_one_bewindspersoon_are_labelled_in_the_singular() -> None:
    v = _one_of_each()
    for html in (verslag_html(v), debate_page(v)):
        text = _page_text(html)
        assert "Bewindspersoon" in text and "Bewindspersonen" not in text
        assert "Commissie" in text and "Commissies" not in text
    v.meta.committees.append("vaste commissie voor Financiën")
    assert "Commissies" in _page_text(debate_page(v)) and "Commissies" in _page_text(verslag_html(v))


def test_headings_give_the_dutch_term_then_the_english_one_in_both_views() -> None:
    v = make_verslag()
    notebook = lxml.html.fragment_fromstring(verslag_html(v), create_parent="div")
    page = lxml.html.document_fromstring(debate_page(v).encode("utf-8"))
    h_notebook = [" ".join(h.text_content().split()) for h in notebook.xpath("//h4")]
    h_page = [" ".join(h.text_content().split()) for h in page.xpath("//h2")]
    assert h_notebook == ["Sprekers (speakers)", "Termijnen (phases)", "Toezeggingen (commitments)"]
    assert h_page == ["Verloop (timeline)", "Toezeggingen (commitments) 4", "Het debat (turns)"]
    for h in h_notebook + h_page:
        assert re.fullmatch(r"[A-Z][a-z ]+ \([a-z ]+\)( \d+)?", h), h
        assert not h.startswith(("Speakers", "Phases", "Commitments")), h


def test_the_source_is_named_in_dutch() -> None:
    footer = lxml.html.document_fromstring(debate_page(parsed_fixture()).encode("utf-8")).xpath("//footer")[0]
    assert "uit PDF-tekst" in footer.text_content()
    xml_page = debate_page(verslag.parse(XML))
    assert "uit OB-XML" in xml_page and "uit ob-xml" not in xml_page
    assert "uit een Verslag-object" in debate_page(make_verslag())
    for v in (parsed_fixture(), make_verslag()):
        assert not re.search(r"uit (text|ob-xml|vlos|model)\b", debate_page(v))
    assert "<tr><th>Bron</th><td>PDF-tekst</td></tr>" in verslag_html(parsed_fixture())
