"""verslag.strategies: the generated reports are valid, realistic and cover what the strategies promise."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import Phase as HPhase

import verslag
from verslag import strategies
from verslag.model import CommitmentStatus, Phase, Role, Verslag
from verslag.patterns import LABEL_RE


@given(strategies.verslagen())
def test_generated_reports_are_valid_and_consistent(v: Verslag) -> None:
    assert Verslag.model_validate_json(v.model_dump_json()) == v
    m = v.meta
    assert m.chair in m.members_present and m.members_count == len(m.members_present)
    assert m.identifier == f"kst-{m.dossier}-{m.number}"
    assert m.start is not None and (m.end is None or m.end >= m.start)
    names = set(m.members_present) | {g.name for g in m.government}
    for t in v.turns:
        assert t.paragraphs and all(p == " ".join(p.split()) for p in t.paragraphs)
        assert t.speaker.name in names
        assert LABEL_RE.match(t.speaker.label + ":") is not None, t.speaker.label
        assert t.phase is not None
    phases = [t.phase for t in v.turns]
    assert phases[0] == Phase.OPENING and phases[-1] == Phase.CLOSING
    order = list(Phase)
    assert [order.index(p) for p in phases] == sorted(order.index(p) for p in phases)  # phases never go back
    for x in v.interruptions:
        assert x.turns == sorted(x.turns) and v.turns[x.turns[0]].speaker.name == x.interrupter
        assert any(v.turns[i].speaker.name == x.host for i in x.turns)
        assert x.announced == (v.turns[x.turns[0] - 1].text.startswith("Er is een interruptie"))
    for c in v.commitments:
        assert c.by in {g.name for g in m.government} and (c.to is None or c.to in m.members_present)
        assert c.deadline is not None and c.deadline.text.lower() in (c.amendment or c.text).lower()
    times = [s.start for s in v.suspensions if s.start] + [s.end for s in v.suspensions if s.end]
    assert all(m.start <= t for t in times)


@given(strategies.verslagen(structure=False))
def test_without_structure_the_report_is_what_the_text_parser_gives_before_analysis(v: Verslag) -> None:
    assert all(t.phase is None for t in v.turns) and not v.interruptions and not v.commitments


@given(strategies.layouts())
def test_layouts_are_valid(layout: verslag.Layout) -> None:
    assert layout.width - layout.width_jitter >= 30
    assert verslag.Layout.model_validate(layout.model_dump()) == layout


# find() without its shrink phase returns the first example that shows the phenomenon (seconds, not minutes)
FIRST = settings(max_examples=2000, phases=[HPhase.generate], database=None, deadline=None,
                 suppress_health_check=list(HealthCheck))  # fmt: skip


def found(condition: Callable[[Verslag], bool]) -> Verslag:
    """A generated report for which ``condition`` holds (fails when 2000 examples show none)."""
    return find(strategies.verslagen(), condition, settings=FIRST)


def labels(v: Verslag) -> set[str]:
    return {t.speaker.label for t in v.turns}


def test_members_have_tussenvoegsels_diacritics_and_every_kind_of_fractie() -> None:
    found(lambda v: any(re.search(r" (van|der|den|'t) ", lb) for lb in labels(v)))
    found(lambda v: any(re.search(r"[ÖöüëŞş]", lb) for lb in labels(v)))
    found(lambda v: any(re.search(r"\((Lid|Groep|Fractie) ", lb) for lb in labels(v)))
    found(lambda v: any("(GroenLinks-PvdA)" in lb or "(50PLUS)" in lb or "(DENK)" in lb for lb in labels(v)))
    found(lambda v: {"Minister", "Staatssecretaris"} <= {lb.split()[0] for lb in labels(v)})


def test_the_chair_may_hand_over() -> None:
    v = found(lambda v: bool(v.chair_changes))
    c = v.chair_changes[0]
    after = [t for t in v.turns[c.after_turn + 1 :] if t.speaker.role == Role.CHAIR]
    assert c.text == f"Voorzitter: {c.name}" and after[0].speaker.name == c.name != v.meta.chair


def chairs_and_speaks(v: Verslag) -> bool:
    """Whether someone speaks as a member while chairing (as the chair changes say)."""
    chair = v.meta.chair
    for i, t in enumerate(v.turns):
        for c in v.chair_changes:
            if c.after_turn == i - 1:
                chair = c.name
        if t.speaker.role == Role.MEMBER and t.speaker.name == chair:
            return True
    return False


def test_a_vice_chair_may_take_over_and_hand_back_and_the_chair_may_give_an_inbreng() -> None:
    v = found(lambda v: len(v.chair_changes) >= 2 and v.chair_changes[-1].name == v.meta.chair)
    assert v.chair_changes[0].name != v.meta.chair and not chairs_and_speaks(v)
    v = found(lambda v: any(t.speaker.role == Role.MEMBER and t.speaker.name == v.meta.chair for t in v.turns))
    assert v.chair_changes and not chairs_and_speaks(v)


@given(strategies.verslagen())
def test_a_chairing_member_never_speaks_as_a_member(v: Verslag) -> None:
    assert not chairs_and_speaks(v)


@pytest.mark.parametrize(
    "pattern",
    [
        r"^De vergadering wordt van \d\d\.\d\d uur tot \d\d\.\d\d uur geschorst\.$",
        r"^De vergadering wordt enkele ogenblikken geschorst\.$",
        r"^De vergadering wordt geschorst van \d\d\.\d\d uur tot \d\d\.\d\d uur\.$",
    ],
)
def test_all_three_forms_of_suspension_occur(pattern: str) -> None:
    v = found(lambda v: any(re.match(pattern, s.text) for s in v.suspensions))
    s = next(s for s in v.suspensions if re.match(pattern, s.text))
    assert (s.kind == "short") == ("ogenblikken" in s.text) and (s.start is None) == (s.kind == "short")


def test_interruptions_announced_unannounced_and_by_a_bewindspersoon() -> None:
    def gov(v: Verslag) -> set[str]:
        return {g.name for g in v.meta.government}

    found(lambda v: any(x.announced for x in v.interruptions))
    found(lambda v: any(not x.announced for x in v.interruptions))
    found(lambda v: any(x.interrupter in gov(v) for x in v.interruptions))
    found(lambda v: any(x.host in gov(v) for x in v.interruptions))


def test_both_termijnen_and_the_closing_list_with_every_status() -> None:
    found(lambda v: {Phase.MEMBERS_SECOND_TERM, Phase.GOVERNMENT_SECOND_TERM} <= {t.phase for t in v.turns})
    for status in (CommitmentStatus.WITHDRAWN, CommitmentStatus.AMENDED, CommitmentStatus.ADDED):
        w = found(lambda v, s=status: any(c.status == s for c in v.commitments))
        c = next(c for c in w.commitments if c.status == status)
        assert all(w.turns[i].phase == Phase.COMMITMENTS for i in c.turns)
        if status == CommitmentStatus.AMENDED:
            assert c.amendment and c.amendment in w.turns[c.turns[-1]].text


@given(strategies.pdf_texts())
def test_pdf_texts_are_texts_with_their_verslag(pair: tuple[str, Verslag]) -> None:
    text, v = pair
    assert isinstance(text, str) and isinstance(v, Verslag)
    assert v.turns[0].speaker.label + ":" in text


@settings(max_examples=10)
@given(strategies.ob_xml(strategies.verslagen(max_members=2, max_government=3)))
def test_ob_xml_documents_read_back_to_their_verslag(pair: tuple[bytes, Verslag]) -> None:
    data, v = pair
    assert data.lstrip(b"\xef\xbb\xbf").startswith(b"<?xml")
    assert verslag.compare(verslag.read_xml(data), v) == []
