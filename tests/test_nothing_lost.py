"""Property: any text parses to a Verslag (or a VerslagError) and no character is lost or duplicated.

Every character of the input apart from layout (whitespace, wrap points, line-end hyphens) ends up in
exactly one place of the model, in source order (only a hyphen at the end of a line may be dropped): turns (label and paragraphs), suspensions, chair
changes, front matter, closing, unparsed blocks, or the recorded furniture (footers).
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import verslag
from _lossless import accounted, assert_nothing_lost, expected, matches

SEED_LINES = (Path(__file__).resolve().parent.parent / "fixtures" / "kst-26643-679.txt").read_text(
    encoding="utf-8"
).split("\n")

EXAMPLES = int(os.environ.get("VERSLAG_LOST_EXAMPLES", "60"))


def check_no_loss(text: str) -> None:
    try:
        v = verslag.parse_text(text)
    except verslag.InternalError:  # a bug, not an input problem
        raise
    except verslag.VerslagError as e:
        assert e.line >= 0
        return
    assert_nothing_lost(text, v)


LINE_POOL = st.sampled_from(
    [ln for ln in SEED_LINES if ln.strip()][:400]
    + [
        "De voorzitter:", "De heer Van der Staaij (SGP):", "Mevrouw Kröger (GroenLinks-PvdA):", "Minister Grapperhaus:",
        "Staatssecretaris Van 't Wout:", " De voorzitter: ", "Voorzitter: Van der Lee", "Griffier: Nava",
        "De vergadering wordt van 17.25 uur tot 17.42 uur geschorst.", "De vergadering wordt enkele ogenblikken geschorst.",
        "De vergadering wordt geschorst van 12.00 uur tot 13.00 uur.", "Sluiting 19.24 uur.", "Aanvang 16.04 uur.",
        "Tweede Kamer, vergaderjaar 2019–2020, 26 643, nr. 679 14", "", "", " ", "– Binnen vier weken stuurt de",
        "geschie-", "denis", "GroenLinks-", "fractie", "De heer Van", "Weyenberg (D66):", "Aanwezig zijn zes leden der Kamer, te weten: A en B,",
        "De vaste commissie voor Financiën heeft op 31 februari 2020 overleg gevoerd met de heer X, Minister van Y, over:",
        "Aanvang 25.99 uur.", "Sluiting 99.99 uur.", ":", "-", "–", "(", "De heer (", "Minister :",
    ]
)
LINES = st.lists(st.one_of(LINE_POOL, st.text(max_size=40)), max_size=80)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(LINES, st.sampled_from(["\n", "\r\n", "\r"]))
def test_report_like_text_loses_nothing(lines: list[str], newline: str) -> None:
    check_no_loss(newline.join(lines))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text())
def test_arbitrary_text_loses_nothing(text: str) -> None:
    check_no_loss(text)


def test_the_fixture_loses_nothing() -> None:
    check_no_loss("\n".join(SEED_LINES))


def test_truncated_fixtures_lose_nothing() -> None:
    for cut in (1, 60, 700, 1287, 2790):
        check_no_loss("\n".join(SEED_LINES[:cut]))


def test_the_check_itself_fails_on_lost_added_or_dehyphenated_text() -> None:
    assert matches("geschiedenis", "geschie\x00denis") and matches("Groen-Links", "Groen\x00Links")
    assert not matches("GroenLinksfractie", "GroenLinks-fractie")  # a real hyphen inside a line
    assert not matches("geschiedenisX", "geschie\x00denis") and not matches("geschiedens", "geschie\x00denis")
    v = verslag.parse_text("De voorzitter:\nDit is de GroenLinks-fractie en de geschie-\ndenis.\n")
    assert matches(accounted(v), expected("De voorzitter:\nDit is de GroenLinks-fractie en de geschie-\ndenis.\n", v))
    v.turns[0].paragraphs.append("INVENTED TEXT")  # a paragraph without a source span still counts
    assert not matches(accounted(v), expected("De voorzitter:\nDit is de GroenLinks-fractie en de geschie-\ndenis.\n", v))
