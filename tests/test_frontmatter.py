"""Front-matter helpers: the fast two-step reading of the members-present paragraph, and the fast whitespace collapse."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from verslag.frontmatter import match_present
from verslag.patterns import AANWEZIG_OTHERS_RE, AANWEZIG_RE

#: Pieces the list of members present is made of, including the ones the tail search keys on.
PIECES = st.sampled_from([
    "Aanwezig zijn zes leden der Kamer, te weten:", "Aanwezig is één lid der Kamer, te weten:", "Aanwezig zijn",
    " ", "  ", "\n", ",", ", ", " en ", ", en ", "en", "de heer ", "mevrouw ", "De heer ", "Amhaouch", "Van Otterloo",
    "Grapperhaus, Minister van Justitie en Veiligheid", ".", "\t", "\u00a0", "te weten:", "\x1c", "\u2003", "ven", "en,",
])


def _groups(text: str) -> tuple[str, str, str | None] | None:
    m = AANWEZIG_RE.match(text)
    return None if m is None else (m["count"], m["members"], m["others"])


@given(st.lists(PIECES, max_size=14).map("".join))
def test_match_present_gives_the_groups_of_aanwezig_re(text: str) -> None:
    assert match_present(text) == _groups(text)


@given(st.lists(PIECES, max_size=10).map("".join))
def test_match_present_after_a_real_head(tail: str) -> None:
    text = "Aanwezig zijn zes leden der Kamer, te weten: " + tail
    assert match_present(text) == _groups(text)


def test_match_present_real_paragraph() -> None:
    text = ("Aanwezig zijn zes leden der Kamer, te weten: Amhaouch, Buitenweg, Diks, Van Otterloo, Verhoeven en "
            "Weverling, en de heer Grapperhaus, Minister van Justitie en Veiligheid")
    assert match_present(text) == (
        "zes", "Amhaouch, Buitenweg, Diks, Van Otterloo, Verhoeven en Weverling",
        "de heer Grapperhaus, Minister van Justitie en Veiligheid",
    )
    assert match_present(text) == _groups(text)
    assert match_present("Aanwezig zijn twee leden der Kamer, te weten: Diks en Weverling\n") == _groups(
        "Aanwezig zijn twee leden der Kamer, te weten: Diks en Weverling\n")
    assert match_present("Dit is geen lijst") is None


@given(st.lists(PIECES, max_size=14).map("".join), st.integers(0, 20))
def test_others_start_is_the_search_of_aanwezig_others_re(text: str, start: int) -> None:
    """The literal-led search finds the bewindspersonen where the one-pattern search does."""
    from verslag.frontmatter import _others_start

    start = min(start, len(text))
    m = AANWEZIG_OTHERS_RE.search(text, start)
    assert _others_start(text, start) == (None if m is None else (m.start(), m.start("others")))


@given(st.text(alphabet=st.sampled_from(["a", "É", " ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1f",
                                          "\u00a0", "\u200a", "\u2003", "\u3000", "\u200b", "."]), max_size=30))
def test_squash_is_split_and_join(text: str) -> None:
    """layout.squash, the one whitespace collapse of the readers and the analysis, is ' '.join(text.split())."""
    from verslag.layout import squash

    assert squash(text) == " ".join(text.split())
