"""The example test of docs/testing.md, verbatim: it must run as users will copy it."""

# --- from docs/testing.md -----------------------------------------------------------------------
from collections import Counter

from hypothesis import given, settings

import verslag
from verslag import strategies


def words_per_speaker(v: verslag.Verslag) -> dict[str, int]:
    """The code under test: how many words each person spoke."""
    words: Counter[str] = Counter()
    for turn in v.turns:
        words[turn.speaker.name] += turn.words
    return dict(words)


@given(strategies.verslagen())
def test_everyone_who_speaks_is_counted(v: verslag.Verslag) -> None:
    counts = words_per_speaker(v)
    assert set(counts) == set(v.speakers())
    assert sum(counts.values()) == sum(len(p.split()) for t in v.turns for p in t.paragraphs)


@given(strategies.pdf_texts())
def test_the_pipeline_from_pdf_text_gives_the_known_answer(pair: tuple[str, verslag.Verslag]) -> None:
    text, expected = pair
    assert words_per_speaker(verslag.parse_text(text)) == words_per_speaker(expected)


@settings(max_examples=10)
@given(strategies.verslagen(max_members=3, second_term=True), strategies.layouts(max_width=60))
def test_a_narrow_messy_layout_changes_nothing(v: verslag.Verslag, layout: verslag.Layout) -> None:
    text = verslag.render_text(v, layout)
    assert words_per_speaker(verslag.parse_text(text)) == words_per_speaker(v)
# --- end of the example -------------------------------------------------------------------------


def test_the_docs_show_this_example_verbatim() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    source = Path(__file__).read_text(encoding="utf-8")
    example = source.split("# --- from docs/testing.md")[1].split("\n", 1)[1].split("# --- end of the example")[0]
    assert "```python\n" + example.rstrip() + "\n```" in (root / "docs" / "testing.md").read_text(encoding="utf-8")
