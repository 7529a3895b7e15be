"""Round-trip properties: a generated report, rendered as PDF text in any layout, parses back to itself.

The hypothesis profile decides how many examples run (tests/conftest.py: 'ci' by default,
VERSLAG_HYPOTHESIS_PROFILE=long for a soak run).  Every shrunk failure becomes a named test in
tests/test_regressions.py.
"""

from __future__ import annotations

from hypothesis import given

import verslag
from verslag import strategies
from verslag.render import Layout

REPORTS = strategies.verslagen()


def text_level(v: verslag.Verslag) -> verslag.Verslag:
    return strategies.without_structure(v)


@given(REPORTS, strategies.layouts())
def test_a_rendered_report_parses_back_to_its_content(v: verslag.Verslag, layout: Layout) -> None:
    text = verslag.render_text(v, layout)
    got = verslag.parse_text(text)
    want = strategies.expected_parse(v, layout, analyze=False)
    assert verslag.compare(want, text_level(got)) == []
    assert [t.paragraphs for t in got.turns] == [t.paragraphs for t in v.turns]


@given(REPORTS)
def test_the_default_layout_round_trips_meta_speakers_and_events(v: verslag.Verslag) -> None:
    got = verslag.parse_text(verslag.render_text(v))
    assert got.meta == v.meta
    assert got.speakers() == v.speakers()
    assert [(s.text, s.start, s.end, s.kind, s.after_turn) for s in got.suspensions] == [
        (s.text, s.start, s.end, s.kind, s.after_turn) for s in v.suspensions
    ]
    assert [(c.name, c.after_turn) for c in got.chair_changes] == [(c.name, c.after_turn) for c in v.chair_changes]
    assert not got.unparsed


@given(strategies.pdf_texts(REPORTS))
def test_a_pdf_text_parses_to_its_verslag_structure_included(pair: tuple[str, verslag.Verslag]) -> None:
    text, want = pair
    assert verslag.compare(want, verslag.parse_text(text)) == []


def structure_differences(truth: verslag.Verslag, got: verslag.Verslag) -> list[str]:
    """Where the analyzer's phases, interruptions and closing list differ from how the debate was built."""
    out = []
    for i, (a, b) in enumerate(zip(truth.turns, got.turns, strict=True)):
        if a.phase != b.phase:
            out.append(f"turn {i} ({a.speaker.label}: {a.text[:50]!r}) phase {b.phase} != {a.phase}")
    key = [(x.interrupter, x.host, x.turns, x.announced) for x in truth.interruptions]
    got_key = [(x.interrupter, x.host, x.turns, x.announced) for x in got.interruptions]
    if key != got_key:
        out.append(f"interruptions {got_key} != {key}")
    ck = [(c.text, c.by, c.to, c.status, c.deadline.text if c.deadline else None) for c in truth.commitments]
    got_ck = [(c.text, c.by, c.to, c.status, c.deadline.text if c.deadline else None) for c in got.commitments]
    if ck != got_ck:
        out.append(f"commitments {got_ck} != {ck}")
    return out


@given(REPORTS, strategies.layouts())
def test_the_analyzer_finds_the_structure_the_debate_was_built_with(v: verslag.Verslag, layout: Layout) -> None:
    """Phases, interruptions and the closing list come out as the generator built them, in any layout."""
    got = verslag.parse_text(verslag.render_text(v, layout))
    assert structure_differences(v, got) == []
