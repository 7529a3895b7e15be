from __future__ import annotations

import re

import verslag
from _factory import make_verslag, parsed_fixture, unbalanced_tags
from verslag.display import FOLD_WORDS, commitment_html, turn_html, verslag_html


def _text(html: str) -> str:
    return re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S)


def test_verslag_repr_has_header_speakers_phases_and_commitments() -> None:
    v = make_verslag()
    html = v._repr_html_()
    assert html == verslag_html(v)
    text = _text(html)
    assert "Commissiedebat van 11 maart 2020" in text
    assert "Kamerstuk 12345, nr. 67" in text
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
