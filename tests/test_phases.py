"""Phases (termijnen): found from what happens in the debate, on the fixture and on mini reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import verslag
from _factory import FINANCE_HEADER
from verslag import Phase, Role, Speaker, Turn, Verslag
from verslag.structure import analyze

FIXTURE = Path("fixtures/kst-26643-679.txt")
MINI = Path("fixtures/text/structure")
ORDER = list(Phase)


@pytest.fixture(scope="module")
def v():
    return verslag.parse(FIXTURE)


def mini(name: str) -> Verslag:
    return verslag.parse(MINI / f"{name}.txt")


def phases(r: Verslag) -> list[str]:
    return [t.phase.value if t.phase else None for t in r.turns]


def starts(r: Verslag) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, p in enumerate(phases(r)):
        out.setdefault(p, i)
    return out


# Turns whose phase is beyond doubt, read off the report by hand.
GOLDEN = {
    0: "opening", 1: "members_first_term", 5: "members_first_term", 37: "members_first_term",
    43: "government_first_term", 74: "government_first_term", 130: "government_first_term",
    140: "members_second_term", 152: "members_second_term",
    156: "government_second_term", 160: "government_second_term",
    166: "commitments", 167: "commitments", 170: "commitments", 173: "closing",
}


def test_fixture_phases(v):
    assert {i: phases(v)[i] for i in GOLDEN} == GOLDEN


def test_fixture_boundaries_are_events(v):
    s = starts(v)
    # The point of order and the chair's replies before the minister starts stay in the members' term.
    assert s["government_first_term"] == 43
    assert v.turns[42].phase == Phase.MEMBERS_FIRST_TERM
    # The chair's announcement of the tweede termijn opens it.
    assert s["members_second_term"] == 139 and "tweede termijn" in v.turns[139].text
    # A bewindspersoon's remark during a member's inbreng does not start the government's term.
    assert v.turns[8].speaker.name == "Grapperhaus" and v.turns[8].phase == Phase.MEMBERS_FIRST_TERM


@pytest.mark.parametrize("name", sorted(p.stem for p in MINI.glob("*.txt")))
def test_phases_never_go_back(name):
    r = mini(name)
    order = [ORDER.index(t.phase) for t in r.turns]
    assert order == sorted(order), name
    assert r.turns[0].phase == Phase.OPENING


def test_one_termijn_wetgevingsoverleg():
    r = mini("one_term_wetgevingsoverleg")
    s = starts(r)
    assert set(s) == {"opening", "members_first_term", "government_first_term", "closing"}
    assert r.turns[s["government_first_term"]].speaker.name == "Visser"
    # 'Ik zie dat de leden geen behoefte hebben aan een tweede termijn' is not a second term.
    assert r.turns[-1].phase == Phase.CLOSING


def test_two_bewindspersonen_answer_in_the_same_term():
    r = mini("two_bewindspersonen")
    s = starts(r)
    first, second = s["government_first_term"], s["members_second_term"]
    answering = {t.speaker.name for t in r.turns[first:second] if t.speaker.role != Role.MEMBER and t.speaker.role != Role.CHAIR}
    assert answering == {"De Jong", "Van Dijk"}
    assert "tweede termijn" in r.turns[second].text
    assert r.turns[s["government_second_term"]].speaker.name == "De Jong"
    assert r.turns[-1].phase == Phase.COMMITMENTS  # the list and the closing words share the last turn


def test_second_term_without_announcement_and_a_deferral_that_is_not_one():
    r = mini("no_closing_list")
    s = starts(r)
    # 'Dat kunt u bewaren voor de tweede termijn' (turn 7) does not start it; the named members' run does.
    assert r.turns[7].phase == Phase.GOVERNMENT_FIRST_TERM
    assert s["members_second_term"] == 10
    assert r.turns[s["government_second_term"]].speaker.name == "Van den Berg"
    assert "commitments" not in s and r.turns[-1].phase == Phase.CLOSING


def test_bewindspersoon_remark_in_an_inbreng_is_not_the_answer():
    r = mini("bewindspersoon_interrupts")
    assert r.turns[2].speaker.name == "Mulder" and r.turns[2].phase == Phase.MEMBERS_FIRST_TERM
    assert starts(r)["government_first_term"] == 7


def test_list_and_closing():
    r = mini("chair_announces_every_interruption")
    assert phases(r)[-2:] == ["commitments", "closing"]
    r = mini("commissiedebat_list")
    s = starts(r)
    assert "Ik heb de volgende toezeggingen genoteerd" in r.turns[s["commitments"]].text
    # The interjections during the list are part of it.
    assert all(t.phase == Phase.COMMITMENTS for t in r.turns[s["commitments"]:])


def test_no_government_and_empty_reports():
    chair = Speaker(label="De voorzitter", name="X", role=Role.CHAIR)
    member = Speaker(label="De heer Y (D66)", name="Y", party="D66", role=Role.MEMBER)
    r = Verslag(turns=[Turn(speaker=chair, paragraphs=["Welkom. Het woord is aan de heer Y."]),
                       Turn(speaker=member, paragraphs=["Dank u wel. " * 40]),
                       Turn(speaker=chair, paragraphs=["Ik sluit de vergadering."])])
    analyze(r)
    assert phases(r) == ["opening", "members_first_term", "closing"]
    empty = Verslag()
    analyze(empty)
    assert empty.turns == [] and empty.interruptions == [] and empty.commitments == []


def test_analyze_can_run_again(v):
    before = (phases(v), [i.model_dump() for i in v.interruptions], [c.model_dump() for c in v.commitments])
    analyze(v)
    after = (phases(v), [i.model_dump() for i in v.interruptions], [c.model_dump() for c in v.commitments])
    assert before == after
    assert sum(d.code == "V402" for d in v.diagnostics) == sum(d.code == "V402" for d in verslag.parse(FIXTURE).diagnostics)


# -- any sequence of turns: analyze never raises and keeps its invariants ----------------------------

PHRASES = [
    "Het woord is aan de heer A.", "Er is een interruptie van mevrouw B.", "Vervolgt u uw betoog.",
    "Ik heb de volgende toezeggingen genoteerd.", "– De Minister stuurt de Kamer voor de zomer een brief.",
    "– De Staatssecretaris van EZK informeert de Kamer binnen vier weken; dat is een toezegging aan de heer A.",
    "Die toezegging kan dus weg.", "De toezegging over X wordt dus aangepast; het gaat om Y.",
    "We gaan naar de tweede termijn.", "Ik zeg toe dat ik u een brief stuur.", "Ik sluit de vergadering.",
    "Dat is geen toezegging.", "We zouden ook het onderzoek krijgen.", "Ja, ik zorg dat u het krijgt.",
    "Voorzitter.", "", "…", "De heer A.", "Dank u wel.", "woord " * 120,
]
SPEAKERS = [
    Speaker(label="De voorzitter", name="V", role=Role.CHAIR),
    Speaker(label="De heer A (D66)", name="A", party="D66", role=Role.MEMBER),
    Speaker(label="Mevrouw B (VVD)", name="B", party="VVD", role=Role.MEMBER),
    Speaker(label="Minister M", name="M", role=Role.MINISTER, office="Minister van Financiën"),
    Speaker(label="Staatssecretaris S", name="S", role=Role.STATE_SECRETARY),
    Speaker(label="De heer O", name="O", role=Role.OTHER),
]


@given(st.lists(st.tuples(st.sampled_from(SPEAKERS), st.lists(st.sampled_from(PHRASES), max_size=4)), max_size=40))
def test_analyze_never_raises_and_keeps_invariants(spec):
    r = Verslag(turns=[Turn(speaker=s, paragraphs=p) for s, p in spec])
    analyze(r)
    n = len(r.turns)
    assert all(t.phase is not None for t in r.turns)
    order = [ORDER.index(t.phase) for t in r.turns]
    assert order == sorted(order)
    for it in r.interruptions:
        assert it.interrupter != it.host
        assert it.turns == sorted(it.turns) and all(0 <= k < n for k in it.turns)
        assert r.turns[it.turns[0]].speaker.name == it.interrupter
    for c in r.commitments:
        assert all(0 <= k < n for k in c.turns)
        assert c.candidate is None or 0 <= c.candidate < len(r.candidates)


SHORT_DEBATE_HEADER = FINANCE_HEADER + "\n"


def test_short_answers_after_a_suspension_and_a_second_round_announced_by_name():
    """Short turns everywhere: the boundaries come from what happens, not from word counts.

    'gaat uw gang met uw inbreng' hands over; the bewindspersoon who thanks for the questions after
    the suspension answers; 'We gaan naar de tweede ronde. Meneer Omtzigt.' opens the tweede termijn.
    """
    body = """De voorzitter:
Goedemorgen. Het woord is aan de heer Omtzigt.

De heer Omtzigt (Lid Omtzigt):
Dank u wel. Ik heb drie vragen over de toeslagen.

Mevrouw Westerveld (GroenLinks):
Is de heer Omtzigt het met mij eens dat het te traag gaat?

De heer Omtzigt (Lid Omtzigt):
Zeker.

De voorzitter:
Mevrouw Westerveld, gaat uw gang met uw inbreng.

Mevrouw Westerveld (GroenLinks):
Ik sluit mij aan bij de vragen. Ik heb er nog een.

De voorzitter:
We schorsen tien minuten en dan gaan we luisteren naar de beantwoording.

De vergadering wordt van 10.30 uur tot 10.40 uur geschorst.

Minister Hoekstra:
Dank voor de vragen. Ik begin met de heer Omtzigt.

De heer Omtzigt (Lid Omtzigt):
Maar dat is niet mijn vraag.

Minister Hoekstra:
Dan kom ik daar schriftelijk op terug; ik zal u voor 1 april een brief sturen.

De voorzitter:
Dank. We gaan naar de tweede ronde. Meneer Omtzigt.

De heer Omtzigt (Lid Omtzigt):
Dank. Nog één vraag.

De voorzitter:
Het woord is aan de Minister.

Minister Hoekstra:
Het antwoord op die vraag is ja.

De voorzitter:
Ik sluit de vergadering.

Sluiting 11.00 uur.
"""
    r = verslag.parse_text(SHORT_DEBATE_HEADER + body)
    assert phases(r) == [
        "opening", "members_first_term", "members_first_term", "members_first_term", "members_first_term",
        "members_first_term", "members_first_term", "government_first_term", "government_first_term",
        "government_first_term", "members_second_term", "members_second_term", "members_second_term",
        "government_second_term", "closing",
    ]  # fmt: skip
    assert [(x.interrupter, x.host, x.turns) for x in r.interruptions] == [
        ("Westerveld", "Omtzigt", [2, 3]),
        ("Omtzigt", "Hoekstra", [8, 9]),
    ]


def test_a_bare_name_grants_an_interruption_even_before_the_members_own_inbreng():
    body = """De voorzitter:
Welkom. Het woord is aan de heer Omtzigt.

De heer Omtzigt (Lid Omtzigt):
Dank u wel, voorzitter. Ik heb drie vragen over de toeslagen en de hersteloperatie.

De voorzitter:
Mevrouw Westerveld.

Mevrouw Westerveld (GroenLinks):
Is de heer Omtzigt het met mij eens dat het te traag gaat?

De heer Omtzigt (Lid Omtzigt):
Zeker.

De voorzitter:
Dank u wel. Dan geef ik nu het woord aan mevrouw Westerveld.

Mevrouw Westerveld (GroenLinks):
Ik sluit mij aan bij de vragen.
"""
    r = verslag.parse_text(SHORT_DEBATE_HEADER + body)
    assert [(x.interrupter, x.host, x.turns, x.announced) for x in r.interruptions] == [
        ("Westerveld", "Omtzigt", [3, 4], True)
    ]


def test_an_unlabelled_turn_is_procedural():
    """A bare <tekst> of Handelingen XML (no label, no speaker) counts as the chair's."""
    from verslag import Role, Speaker, Turn
    from verslag.phases import turn_kind

    bare = Turn(speaker=Speaker(label="", name="", role=Role.OTHER), paragraphs=["Gaat u verder."])
    assert turn_kind(bare) == "chair"
    other = Turn(speaker=Speaker(label="De heer X", name="X", role=Role.OTHER), paragraphs=["Ja."])
    assert turn_kind(other) == "member"


@pytest.mark.parametrize("sentence", [
    "We gaan nu luisteren naar de heer Paternotte van de fractie van D66.",
    "De laatste spreker van de zijde van de Kamer is de heer Amhaouch van de fractie van het CDA.",
    "Dan de laatste spreker van de zijde van de Kamer: de heer Van Wijngaarden van de fractie van de VVD.",
    "De volgende spreker is mevrouw Buitenweg.",
    "Dan is het woord nu aan de heer Van Weyenberg van Democraten '66.",
    "Als eerste geef ik de heer Krol van de eerste helft van 50PLUS het woord.",
])
def test_more_hand_over_phrasings(sentence):
    from verslag.phases import HANDOVER_RE

    assert HANDOVER_RE.search(sentence)


def test_a_speaker_mentioned_is_not_a_hand_over():
    from verslag.phases import HANDOVER_RE

    assert not HANDOVER_RE.search("De spreker van zojuist had gelijk.")
    assert not HANDOVER_RE.search("Wij gaan naar huis.")


def test_a_hand_over_that_is_declined_gives_nobody_the_floor():
    """'Ik geef het woord aan de heer Pechtold. Ik constateer dat hij daarvan afziet.' (VLOS 2014-10-15)."""
    from verslag import Role, Speaker, Turn, Verslag
    from verslag.phases import floor_targets
    from verslag.speakers import roster

    v = Verslag(turns=[Turn(speaker=Speaker(label=f"De heer {n} (X)", name=n, party="X", role=Role.MEMBER),
                            paragraphs=["Ja."]) for n in ("Pechtold", "Verheijen")])
    people = roster(v)
    text = "Ik geef het woord aan de heer Pechtold. Ik constateer dat hij daarvan afziet."
    assert floor_targets(text, people).names == ()
    both = "Ik geef het woord aan de heer Pechtold. Hij ziet ervan af. Dan is het woord aan de heer Verheijen."
    assert floor_targets(both, people).names == ("Verheijen",)
    assert floor_targets("Ik geef het woord aan de heer Pechtold.", people).names == ("Pechtold",)


# --- the fast sentence boundaries equal their one-pattern definitions ---------------------------

#: Pieces of text where sentence boundaries are decided: ends, white space, what may follow.
SENTENCE_PIECES = st.sampled_from([
    ".", "!", "?", "…", " ", "  ", "\n", "\t", "\u00a0", "o.a.", "Dan", "de", "«", '"', "'", "‘", "(", "–", "1",
    "Ik zal dat doen", "É", "x", "\u2003",
])


def _sentences_by_split(text: str) -> list[str]:
    from verslag.phases import SENTENCE_SPLIT_RE

    return [s.strip() for para in text.split("\n") for s in SENTENCE_SPLIT_RE.split(para) if s.strip()]


def _span_by_patterns(text: str, pos: int) -> tuple[int, int]:
    import regex

    from verslag.phases import SENTENCE_SPLIT_RE

    back_re = regex.compile(SENTENCE_SPLIT_RE.pattern, regex.REVERSE)
    start = text.rfind("\n", 0, pos) + 1
    stop = text.find("\n", pos)
    stop = len(text) if stop < 0 else stop
    back = back_re.search(text, start, pos + 1)
    ahead = SENTENCE_SPLIT_RE.search(text, pos, stop)
    return (back.end() if back else start, ahead.start() if ahead else stop)


@given(st.lists(SENTENCE_PIECES, max_size=16).map("".join))
def test_sentences_are_the_split_at_sentence_split_re(text: str) -> None:
    """phases.sentences finds boundaries from their end character; the lookbehind split is the definition."""
    from verslag.phases import sentences

    assert sentences(text) == _sentences_by_split(text)


@given(st.lists(SENTENCE_PIECES, min_size=1, max_size=16).map("".join), st.integers(0, 200))
def test_sentence_span_is_the_search_with_the_boundary_patterns(text: str, k: int) -> None:
    """phases.sentence_span at any non-space position equals the reverse and forward pattern searches."""
    from verslag.phases import sentence_span

    positions = [i for i, c in enumerate(text) if not c.isspace()]
    if not positions:
        return
    pos = positions[k % len(positions)]
    assert sentence_span(text, pos) == _span_by_patterns(text, pos)
