"""The renderer: a Verslag written as PDF text in the layout of fixtures/kst-26643-679.txt."""

from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import verslag
from verslag import Layout, render_text, strategies
from verslag.render import dutch_number, footer_text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "kst-26643-679.txt"
FOOTER = re.compile(r"^Tweede Kamer, vergaderjaar \d{4}–\d{4}, [\d ]+, nr\. \d+ \d+$")


@lru_cache(maxsize=1)
def fixture_verslag() -> verslag.Verslag:
    return verslag.parse_text(FIXTURE.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def rendered(seed: int = 0) -> str:
    return render_text(fixture_verslag(), Layout(seed=seed))


def test_the_fixture_renders_and_parses_back_to_the_same_content() -> None:
    v = fixture_verslag()
    w = verslag.parse_text(rendered())
    assert verslag.compare(v, w) == []
    assert [t.paragraphs for t in w.turns] == [t.paragraphs for t in v.turns]
    assert w.closing[0].text == "Sluiting 19.24 uur."


def test_the_rendering_is_wrapped_like_the_fixture() -> None:
    text = rendered()
    lines = text.split("\n")
    fixture_lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    assert 0.9 < len(lines) / len(fixture_lines) < 1.1
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip() and not FOOTER.match(ln))
    median = lengths[len(lengths) // 2]
    assert 64 <= median <= 74, median
    assert max(lengths) <= Layout().width + 1  # + the page-start space


def test_text_lines_end_in_one_trailing_space_except_hyphenations() -> None:
    for ln in rendered().split("\n"):
        if not ln.strip() or FOOTER.match(ln) or ln.startswith("Sluiting"):
            continue
        if ln.endswith("-"):
            continue
        assert (ln.endswith(" ") and not ln.endswith("  ")) or ln.endswith(","), repr(ln)


def test_hyphenations_are_rejoined_by_the_parser() -> None:
    text = rendered()
    hyphenated = [ln for ln in text.split("\n") if ln.endswith("-") and not ln.endswith(" -")]
    assert 60 <= len(hyphenated) <= 200  # the fixture has 119
    # the round trip above proves they rejoin; here: a syllable split never leaves a stray hyphen
    words = {w for t in verslag.parse_text(text).turns for p in t.paragraphs for w in p.split()}
    original = {w for t in fixture_verslag().turns for p in t.paragraphs for w in p.split()}
    assert words == original


def test_compounds_break_at_their_hyphen_and_never_inside_a_part() -> None:
    v = verslag.Verslag(
        turns=[
            verslag.Turn(
                speaker=verslag.Speaker(label="De voorzitter", name="voorzitter", role="chair", prefix="De"),
                paragraphs=["Als laatste heeft mevrouw Buitenweg van de GroenLinks-fractie het woord. " * 30],
            )
        ]
    )
    text = render_text(v, Layout(width=40, width_jitter=0, hyphen_rate=1.0, hyphen_gap=1, footers=False))
    assert "GroenLinks-\nfractie" in text or "GroenLinks-fractie" in text
    assert not re.search(r"GroenLi-|Groen-\n|frac-\n", text)
    w = verslag.parse_text(text)
    assert w.turns[0].paragraphs == [" ".join(v.turns[0].paragraphs[0].split())]


def test_page_starts_are_marked_every_page_lines() -> None:
    text = render_text(fixture_verslag(), Layout(footers=False, page_lines=50))
    marks = [i for i, ln in enumerate(text.split("\n")) if ln.startswith(" ") and ln.strip()]
    assert marks[0] == 0
    gaps = {b - a for a, b in itertools.pairwise(marks[3:])}
    assert gaps <= {50}, gaps


def test_footers_have_a_blank_line_before_and_blank_lines_after() -> None:
    text = render_text(fixture_verslag(), Layout(footer_rate=1.0, footer_blanks_after=3))
    lines = text.split("\n")
    at = [i for i, ln in enumerate(lines) if FOOTER.match(ln)]
    assert len(at) > 20
    for i in at:
        assert lines[i - 1] == "" and lines[i + 1 : i + 4] == ["", "", ""] and lines[i + 4].strip()
    pages = [int(lines[i].rsplit(" ", 1)[1]) for i in at]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)
    assert verslag.compare(fixture_verslag(), verslag.parse_text(text)) == []


def test_a_report_with_a_number_gets_at_least_one_footer() -> None:
    v = fixture_verslag()
    text = render_text(v, Layout(footer_rate=0.0))
    assert sum(bool(FOOTER.match(ln)) for ln in text.split("\n")) == 1
    assert verslag.parse_text(text).meta.number == "679"
    assert not any(FOOTER.match(ln) for ln in render_text(v, Layout(footers=False)).split("\n"))


def test_labels_follow_a_blank_line_and_stand_alone() -> None:
    lines = rendered().split("\n")
    labels = [i for i, ln in enumerate(lines) if ln.strip() in {"De voorzitter:", "Minister Knops:"}]
    assert len(labels) > 50
    for i in labels:
        assert lines[i - 1] == "" or lines[i].startswith(" ")  # a label at a page start has no blank


def test_the_suspension_and_the_closing_are_printed() -> None:
    text = rendered()
    assert "\nDe vergadering wordt van 17.25 uur tot 17.42 uur geschorst. \n" in text
    assert text.endswith("\n\nSluiting 19.24 uur.\n ")


def test_the_front_matter_is_the_reports_own() -> None:
    head = rendered().split("\n")[:60]
    assert head[0].startswith(" De vaste commissie voor Economische Zaken en Klimaat")
    assert " Voorzitter: Diks " in head and "Griffier: Nava " in head
    assert "Aanvang 16.04 uur. " in head
    assert sum(ln.startswith("– de brief") for ln in head) == 6


def test_the_front_matter_is_built_from_meta_when_there_are_no_blocks() -> None:
    v = fixture_verslag().model_copy(deep=True)
    v.front_matter = []
    w = verslag.parse_text(render_text(v))
    assert w.meta == v.meta


def test_stray_blank_lines_are_seeded_and_harmless() -> None:
    lay = Layout(stray_blank_rate=0.3, seed=7)
    a, b = render_text(fixture_verslag(), lay), render_text(fixture_verslag(), lay)
    assert a == b
    assert a != render_text(fixture_verslag(), Layout(stray_blank_rate=0.3, seed=8))
    assert a.count("\n\n") > rendered().count("\n\n") + 100
    assert verslag.compare(fixture_verslag(), verslag.parse_text(a)) == []


@pytest.mark.parametrize(
    "lay",
    [
        Layout(width=45, width_jitter=0),
        Layout(width=110, width_jitter=12, hyphen_rate=1.0),
        Layout(hyphenate=False, trailing_space=False, page_marks=False, final_page_mark=False),
        Layout(line_end="\r\n", page_lines=10, footer_rate=0.5),
    ],
    ids=["narrow", "wide", "plain", "crlf"],
)
def test_other_layouts_parse_back_too(lay: Layout) -> None:
    text = render_text(fixture_verslag(), lay)
    if lay.line_end == "\r\n":
        assert text.count("\r\n") == text.count("\n")
    assert verslag.compare(fixture_verslag(), verslag.parse_text(text)) == []


def test_dutch_numbers_and_footers() -> None:
    assert [dutch_number(n) for n in (1, 6, 13, 20, 21, 42, 63, 99)] == [
        "een", "zes", "dertien", "twintig", "eenentwintig", "tweeënveertig", "drieënzestig", "negenennegentig",
    ]  # fmt: skip
    meta = fixture_verslag().meta
    assert footer_text(meta, 14) == "Tweede Kamer, vergaderjaar 2019–2020, 26 643, nr. 679 14"
    assert footer_text(verslag.Meta(), 1) is None


def test_layout_is_validated() -> None:
    with pytest.raises(ValueError):
        Layout(width=5)
    with pytest.raises(ValueError):
        Layout(unknown_knob=1)  # type: ignore[call-arg]


@pytest.mark.parametrize("width", range(40, 80, 3))
def test_no_wrapped_line_reads_as_a_label_an_event_or_a_list_item(width: int) -> None:
    text = ("Ik zeg het maar. Voorzitter: Dank u wel. Dan iets anders – en dat is belangrijk. "
            "Sluiting 19.24 uur. De heer Van Dijk (SP): ja. Aanvang 10.00 uur. Griffier: Nava.")  # fmt: skip
    chair = verslag.Speaker(label="De voorzitter", name="Diks", role="chair", prefix="De")
    v = verslag.Verslag(turns=[verslag.Turn(speaker=chair, paragraphs=[text, "Tweede alinea."])])
    got = verslag.parse_text(render_text(v, Layout(width=width, width_jitter=0, footers=False)))
    assert [t.paragraphs for t in got.turns] == [[text, "Tweede alinea."]]


# --- real plenary debates: OB XML → the printed form → the text parser ------------------------------

XML = Path(__file__).resolve().parent.parent / "fixtures" / "xml"
HANDELINGEN = sorted(XML.glob("h-*.xml")) + sorted((XML / "printed").glob("*.xml"))


@pytest.mark.parametrize("path", HANDELINGEN, ids=lambda p: p.name)
def test_real_handelingen_print_and_parse_back(path: Path) -> None:
    """Six real debates the text parser has never been tuned on: moties, bare <tekst>, suspensions.

    Every paragraph comes back, in order; every labelled speaker comes back; a turn without a label
    (a bare <tekst>) joins the turn before it, as it would in print.  The phases and the
    interruption exchanges found in the text are those found in the markup.
    """
    v = verslag.read_xml(path.read_bytes())
    w = verslag.parse_text(render_text(v))
    assert [p for t in w.turns for p in t.paragraphs] == [p for t in v.turns for p in t.paragraphs]
    assert [(t.speaker.label, t.speaker.name) for t in w.turns] == [
        (t.speaker.label, t.speaker.name) for t in v.turns if t.speaker.label]
    assert [s.text for s in w.suspensions] == [s.text for s in v.suspensions]
    # and the structure read from the text is the structure read from the markup
    assert [t.phase for t in w.turns] == [t.phase for t in v.turns if t.speaker.label]
    assert [(i.interrupter, i.host, i.announced) for i in w.interruptions] == [
        (i.interrupter, i.host, i.announced) for i in v.interruptions]


@cache
def _read(path: Path) -> verslag.Verslag:
    return verslag.read_xml(path.read_bytes())


@given(st.sampled_from(HANDELINGEN), strategies.layouts())
def test_real_handelingen_in_any_layout(path: Path, layout: Layout) -> None:
    """The paragraphs of a real debate come back from its printed text in any layout.

    Wrap width, hyphenation, page marks, footers, stray blank lines: drawn by ``strategies.layouts()``.
    """
    v = _read(path)
    w = verslag.parse_text(render_text(v, layout))
    assert [p for t in w.turns for p in t.paragraphs] == [p for t in v.turns for p in t.paragraphs]
    assert [t.speaker.label for t in w.turns] == [t.speaker.label for t in v.turns if t.speaker.label]


#: A motion as PDF text prints it: each line with its trailing space.
MOTIE = "De heer Wörsdörfer (VVD):\nIk heb één motie.\n\n" + "".join(line + " \n" for line in [
    "De Kamer,",
    "gehoord de beraadslaging,",
    "overwegende dat het krijgen van financiering een van de gesignaleerde",
    "knelpunten is voor verdere groei van het mkb;",
    "verzoekt de regering in het voor de zomer beloofde mkb-actieplan in te",
    "gaan op de werking van de mkb-financieringsmarkt,",
    "en gaat over tot de orde van de dag.",
])


def test_a_motion_keeps_its_clauses_as_paragraphs() -> None:
    v = verslag.parse_text(MOTIE)
    assert v.turns[0].paragraphs == [
        "Ik heb één motie.",
        "De Kamer,",
        "gehoord de beraadslaging,",
        "overwegende dat het krijgen van financiering een van de gesignaleerde knelpunten is voor verdere groei van het mkb;",
        "verzoekt de regering in het voor de zomer beloofde mkb-actieplan in te gaan op de werking van de "
        "mkb-financieringsmarkt,",
        "en gaat over tot de orde van de dag.",
    ]


def test_a_motion_under_its_heading() -> None:
    """'Motie' has no end mark; 'De Kamer,' alone on a line opens the motion all the same."""
    v = verslag.parse_text("De heer Wörsdörfer (VVD):\nIk dien de volgende motie in. \n" + "".join(
        line + " \n" for line in ["Motie", "De Kamer,", "gehoord de beraadslaging,",
                                   "verzoekt de regering te handelen,", "en gaat over tot de orde van de dag."]))
    assert v.turns[0].paragraphs == ["Ik dien de volgende motie in.", "Motie", "De Kamer,", "gehoord de beraadslaging,",
                                     "verzoekt de regering te handelen,", "en gaat over tot de orde van de dag."]


def test_a_comma_before_other_words_does_not_end_a_paragraph() -> None:
    v = verslag.parse_text("De heer Wörsdörfer (VVD):\nDe Kamer, \nzo zeg ik, is het daar niet mee eens. \n")
    assert v.turns[0].paragraphs == ["De Kamer, zo zeg ik, is het daar niet mee eens."]
