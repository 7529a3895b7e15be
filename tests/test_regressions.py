"""Named regression tests: each shrunk failure of the properties and the fuzzers, pinned as a small input.

A test marked xfail is a known limit of the parser or the analyzer that the round trip found; its
docstring gives the input, what is expected and what comes out.  It turns into a pass (xpass,
strict) when the limit is fixed: then drop the mark and the matching exclusion in
tests/test_properties.py.
"""

from __future__ import annotations

import datetime as dt
import itertools

import verslag
from _factory import FINANCE_HEADER
from verslag import Layout, render_text
from verslag.model import Role, Speaker, Suspension, Turn, Verslag

HEADER = FINANCE_HEADER


def chair(name: str = "Agema") -> Speaker:
    return Speaker(label="De voorzitter", name=name, role=Role.CHAIR, prefix="De")


# --- parser limits (owned by the text parser) ---------------------------------------------------


def test_office_with_a_comma_is_read_from_the_header() -> None:
    """Input: a header with 'de heer De Jonge, Minister van Volksgezondheid, Welzijn en Sport, over:'.

    Expected: meta.government == [De Jonge, 'Minister van Volksgezondheid, Welzijn en Sport'] and the
    office on his turns.  Was: meta.government == [] and office None (GOVERNMENT_RE stopped an office
    at its first comma; found by test_properties with 'Minister van Onderwijs, Cultuur en Wetenschap').
    """
    text = (
        "De vaste commissie voor Volksgezondheid, Welzijn en Sport heeft op 3 februari 2021 overleg gevoerd met de "
        "heer De Jonge, Minister van Volksgezondheid, Welzijn en Sport, over:\n"
        "– de brief van de Minister van Volksgezondheid, Welzijn en Sport d.d. 1 februari 2021 inzake de "
        "vaccinatiegraad (Kamerstuk 25 295, nr. 900).\n\nVoorzitter: Agema\nGriffier: Post\n\n"
        "Aanwezig zijn twee leden der Kamer, te weten: Agema en Westerveld,\n\n"
        "en de heer De Jonge, Minister van Volksgezondheid, Welzijn en Sport.\n\nAanvang 10.00 uur.\n\n"
        "De voorzitter:\nWelkom bij dit commissiedebat. Het woord is aan mevrouw Westerveld.\n\n"
        "Mevrouw Westerveld (GroenLinks):\nDank u wel.\n\nMinister De Jonge:\nDank u wel.\n"
    )
    v = verslag.parse_text(text)
    assert [(g.name, g.office) for g in v.meta.government] == [
        ("De Jonge", "Minister van Volksgezondheid, Welzijn en Sport")
    ]
    assert v.turns[2].speaker.office == "Minister van Volksgezondheid, Welzijn en Sport"


def test_minister_president_with_two_offices_is_read_from_the_header() -> None:
    text = HEADER.replace(
        "de heer Snel, Staatssecretaris van Financiën, over:",
        "de heer Rutte, Minister-president, Minister van Algemene Zaken, over:",
    ) + "\nDe voorzitter:\nWelkom.\n\nMinister-president Rutte:\nDank u wel.\n"
    v = verslag.parse_text(text)
    assert ("Rutte", "Minister-president, Minister van Algemene Zaken") in [(g.name, g.office) for g in v.meta.government]
    assert v.turns[1].speaker.role == Role.MINISTER


def test_text_before_the_first_label_parses_in_linear_time() -> None:
    """Input: 1,000 short lines ending in ':' and no speaker label ('\\n'.join(':' * (i % 50 + 1) ...)).

    Expected: about the time of the same lines inside a turn (0.01 s).  Was: 2 s, and 4,000 lines
    took 24 s (12× for 4× the input): frontmatter.parse_paragraph scanned to the end of the run of
    plain lines for every paragraph.  Found by benchmarks/bench_scale.py (pathological inputs).
    """
    import time

    lines = "\n".join(":" * (i % 50 + 1) for i in range(1000))
    t = time.perf_counter()
    verslag.parse_text("De voorzitter:\n" + lines)
    in_a_turn = time.perf_counter() - t
    t = time.perf_counter()
    verslag.parse_text(lines)
    before_a_label = time.perf_counter() - t
    assert before_a_label < 10 * in_a_turn + 0.3


# --- analyzer limits (owned by the structure analysis) ---------------------------------------------


def test_the_first_inbreng_after_als_eerste_is_the_members_first_term() -> None:
    """Input: the chair's 'Ik geef als eerste het woord aan mevrouw Westerveld.' and a 17-word inbreng.

    Expected: Westerveld's turn (and the chair's turn after it) in members_first_term.
    Was: both in 'opening' (HANDOVER_RE did not know 'geef als eerste het woord aan') (a member turn opens the term without a recognised hand-over only from
    100 words), so an interruption during that inbreng is lost too.  When that member is the only
    one to speak, every phase shifts by one: the government's answers come out as 'opening' and the
    tweede termijn as the first.  Found by
    test_properties::test_the_analyzer_finds_the_structure_the_debate_was_built_with (in 40 generated
    reports 1,310 of 1,508 turn phases agree with the construction; nearly all the rest is this).
    """
    text = HEADER + (
        "\nDe voorzitter:\nWelkom bij dit commissiedebat. Ik geef als eerste het woord aan mevrouw Westerveld.\n\n"
        "Mevrouw Westerveld (GroenLinks):\nVoorzitter, dank u wel. Ik wil het vandaag hebben over de toeslagen. "
        "Hoe kijkt de Minister daarnaar?\n\n"
        "De voorzitter:\nDank u wel. Dan geef ik nu het woord aan de heer Omtzigt.\n\n"
        "De heer Omtzigt (Lid Omtzigt):\nIk sluit me aan bij de vragen van mevrouw Westerveld.\n"
    )
    v = verslag.parse_text(text)
    assert [t.phase for t in v.turns[:4]] == [
        verslag.Phase.OPENING, verslag.Phase.MEMBERS_FIRST_TERM, verslag.Phase.MEMBERS_FIRST_TERM,
        verslag.Phase.MEMBERS_FIRST_TERM,
    ]  # fmt: skip


def test_an_item_added_after_a_members_interjection_is_added() -> None:
    """Input: the list, then 'Ik mis nog de toezegging over de zeekabels.' (a member) and the chair's
    'Dat klopt, die voeg ik toe.' followed by a new '– …' item in the same turn.

    Expected: that item's status 'added' (to: Omtzigt), its text the item as the chair reads it out.
    Was: 'listed' (CHAIR_ADD_RE did not know 'voeg ik toe', and the item read out after an accepted
    request was taken as a new item).
    """
    text = HEADER + (
        "\nDe voorzitter:\nWelkom bij dit commissiedebat. Het woord is aan mevrouw Westerveld.\n\n"
        "Mevrouw Westerveld (GroenLinks):\nIk wil het vandaag hebben over de toeslagen. Hoe kijkt de Minister daarnaar? "
        "Wat is de stand van zaken? Graag een reactie van de Minister.\n\n"
        "De voorzitter:\nHet woord is aan de Minister van Financiën.\n\n"
        "Minister Hoekstra:\nIk kom nu bij de vragen over de toeslagen. Dat is een terechte vraag. We zijn daar op dit "
        "moment volop mee bezig. Ik zal de Kamer daarover voor de zomer per brief informeren.\n\n"
        "De voorzitter:\nIk heb de volgende toezeggingen genoteerd.\n"
        "– De Minister van Financiën stuurt voor de zomer een brief over de toeslagen aan de Kamer; dat is een "
        "toezegging aan mevrouw Westerveld.\n\n"
        "De heer Omtzigt (Lid Omtzigt):\nIk mis nog de toezegging over de zeekabels.\n\n"
        "De voorzitter:\nDat klopt, die voeg ik toe.\n"
        "– De Minister van Financiën stuurt voor de zomer een brief over de zeekabels aan de Kamer; dat is een "
        "toezegging aan de heer Omtzigt.\n\n"
        "De voorzitter:\nIk dank iedereen voor zijn komst en sluit de vergadering.\n\nSluiting 11.00 uur.\n"
    )
    v = verslag.parse_text(text)
    assert [(c.to, c.status) for c in v.commitments] == [
        ("Westerveld", verslag.CommitmentStatus.LISTED),
        ("Omtzigt", verslag.CommitmentStatus.ADDED),
    ]
    assert v.commitments[1].text.startswith("De Minister van Financiën stuurt voor de zomer een brief over de zeekabels")
    assert v.commitments[1].by == "Hoekstra"


def test_an_item_about_ministeries_is_made_by_the_minister_it_names() -> None:
    """Shrunk from test_properties (long profile): '– Binnen vier weken zal de Minister-president de Kamer
    informeren over de informatiebeveiliging bij ministeries.' with a Minister-president, one Minister and a
    Staatssecretaris present.  Expected: by Rutte.  Was: None — ACTOR_RE read the 'minister' of 'ministeries'
    as a second actor (the only Minister present), and two actors give no ``by``."""
    text = HEADER.replace(
        "de heer Snel, Staatssecretaris van Financiën, over:",
        "de heer Snel, Staatssecretaris van Financiën, en de heer Rutte, Minister-president, Minister van Algemene "
        "Zaken, over:",
    ) + (
        "\nDe voorzitter:\nWelkom. Ik geef als eerste het woord aan mevrouw Westerveld.\n\n"
        "Mevrouw Westerveld (GroenLinks):\nIk wil het vandaag hebben over de digitale overheid.\n\n"
        "De voorzitter:\nHet woord is aan de Minister-president.\n\n"
        "Minister-president Rutte:\nIk kom nu bij de vragen over de digitale overheid. Ik begrijp de zorg van "
        "mevrouw Westerveld heel goed.\n\n"
        "De voorzitter:\nIk heb de volgende toezeggingen genoteerd.\n"
        "– Binnen vier weken zal de Minister-president de Kamer informeren over de informatiebeveiliging bij "
        "ministeries.\n\nDe voorzitter:\nIk dank iedereen voor zijn komst en sluit de vergadering.\n"
    )
    v = verslag.parse_text(text)
    assert [c.by for c in v.commitments] == ["Rutte"]


def test_a_remark_naming_one_items_subject_is_about_that_item_not_about_shared_deadline_words() -> None:
    """Shrunk from test_properties::test_a_pdf_text_parses_to_its_verslag_structure_included: items
    'Voor de zomer … over de woningbouw' and three 'Binnen vier weken …', then the Minister's 'De brief
    over de woningbouw komt binnen vier weken.'  Expected: that turn is part of the woningbouw item.
    Was: a tie between 'woningbouw' (one item) and 'vier' (three items) gave no topic, and the remark
    went to the last item read out.  Now a word shared by many items counts for less, and number
    words of deadlines are no topic words."""
    text = HEADER + (
        "\nDe voorzitter:\nWelkom. Ik geef als eerste het woord aan mevrouw Westerveld.\n\n"
        "Mevrouw Westerveld (GroenLinks):\nIk wil het vandaag hebben over de woningbouw.\n\n"
        "De voorzitter:\nHet woord is aan de Minister van Financiën.\n\n"
        "Minister Hoekstra:\nIk kom nu bij de vragen over de woningbouw. Ik begrijp de zorg van mevrouw "
        "Westerveld heel goed.\n\n"
        "De voorzitter:\nIk heb de volgende toezeggingen genoteerd.\n"
        "– Voor de zomer zal de Minister van Financiën de Kamer informeren over de woningbouw.\n"
        "– Binnen vier weken zal de Minister van Financiën de Kamer informeren over de digitale overheid.\n"
        "– Binnen vier weken zal de Minister van Financiën de Kamer informeren over de jeugdzorg.\n\n"
        "Minister Hoekstra:\nDe brief over de woningbouw komt binnen vier weken.\n\n"
        "De voorzitter:\nDe toezegging over de woningbouw wordt dus aangepast; het wordt binnen vier weken.\n\n"
        "De voorzitter:\nIk dank iedereen voor zijn komst en sluit de vergadering.\n"
    )
    v = verslag.parse_text(text)
    assert [(c.status, c.turns) for c in v.commitments] == [
        (verslag.CommitmentStatus.AMENDED, [4, 5, 6]),
        (verslag.CommitmentStatus.LISTED, [4]),
        (verslag.CommitmentStatus.LISTED, [4]),
    ]


def test_an_edit_naming_a_subject_prefers_the_item_that_has_that_word_whole() -> None:
    """Shrunk from the long profile (test_a_pdf_text_parses_to_its_verslag_structure_included): four items
    of the Minister voor Klimaat en Energie, one about 'de energietransitie', then 'Dan vervalt de
    toezegging over de energietransitie.'  Expected: that item withdrawn.  Was: the last item, because
    'energietransitie' also matched the 'Energie' of the office in every item (a compound match), a tie."""
    text = HEADER.replace(
        "de heer Snel, Staatssecretaris van Financiën, over:",
        "de heer Jetten, Minister voor Klimaat en Energie, over:",
    ) + (
        "\nDe voorzitter:\nWelkom. Ik geef als eerste het woord aan mevrouw Westerveld.\n\n"
        "Mevrouw Westerveld (GroenLinks):\nIk wil het vandaag hebben over de energietransitie.\n\n"
        "De voorzitter:\nHet woord is aan de Minister voor Klimaat en Energie.\n\n"
        "Minister Jetten:\nIk kom nu bij de vragen over de energietransitie. Ik begrijp de zorg van mevrouw "
        "Westerveld heel goed.\n\n"
        "De voorzitter:\nIk heb de volgende toezeggingen genoteerd.\n"
        "– Binnen vier weken zal de Minister voor Klimaat en Energie de Kamer informeren over het openbaar vervoer.\n"
        "– Binnen vier weken zal de Minister voor Klimaat en Energie de Kamer informeren over de energietransitie.\n"
        "– Binnen vier weken zal de Minister voor Klimaat en Energie de Kamer informeren over de woningbouw.\n\n"
        "Minister Jetten:\nDe brief over de energietransitie heeft de Kamer vorige week al ontvangen.\n\n"
        "De voorzitter:\nDan vervalt de toezegging over de energietransitie.\n\n"
        "De voorzitter:\nIk dank iedereen voor zijn komst en sluit de vergadering.\n"
    )
    v = verslag.parse_text(text)
    assert [c.status for c in v.commitments] == [
        verslag.CommitmentStatus.LISTED, verslag.CommitmentStatus.WITHDRAWN, verslag.CommitmentStatus.LISTED,
    ]  # fmt: skip


# --- renderer regressions (fixed; they keep it fixed) ---------------------------------------------


def test_a_long_event_line_in_a_short_report_does_not_split_paragraphs() -> None:
    """Shrunk from test_properties: at width 45 the one-line suspension (59 characters) raised the
    parser's width estimate, so a sentence-ending line of 44 characters read as a paragraph end and
    'Welkom … Klimaat.' / 'Hartelijk welkom …' came back as two paragraphs."""
    opening = (
        "Welkom bij dit algemeen overleg van de vaste commissie voor Economische Zaken en Klimaat. Hartelijk welkom "
        "aan de Minister van Justitie en Veiligheid en aan de mensen die thuis kijken."
    )
    v = Verslag(
        meta=verslag.Meta(chair="Verhoeven", clerk="Nava", start=dt.time(9, 0), end=dt.time(9, 12)),
        turns=[
            Turn(speaker=chair("Verhoeven"), paragraphs=[opening, "Ik geef het woord aan mevrouw Buitenweg."]),
            Turn(
                speaker=Speaker(label="Mevrouw Buitenweg (GroenLinks)", name="Buitenweg", party="GroenLinks",
                                role=Role.MEMBER, prefix="Mevrouw"),
                paragraphs=["Ik wil het vandaag hebben over de digitale overheid."],
            ),
            Turn(speaker=chair("Verhoeven"), paragraphs=["Ik schors de vergadering."]),
        ],
        suspensions=[
            Suspension(text="De vergadering wordt van 09.03 uur tot 09.08 uur geschorst.", start=dt.time(9, 3),
                       end=dt.time(9, 8), after_turn=2)
        ],
    )
    lay = Layout(width=45, width_jitter=0, hyphenate=False, trailing_space=False, page_lines=8, page_marks=False,
                 footers=False, front_page_breaks=False, final_page_mark=False)  # fmt: skip
    got = verslag.parse_text(render_text(v, lay))
    assert got.turns[0].paragraphs == v.turns[0].paragraphs


def test_a_page_boundary_on_a_blank_line_keeps_pages_the_same_length() -> None:
    """A blank line at a page boundary used to stay on the old page, making it one line too long."""
    v = verslag.parse_text(render_text(Verslag(turns=[Turn(speaker=chair(), paragraphs=["Ja."])] * 40)))
    text = render_text(v, Layout(page_lines=7, footers=False))
    marks = [i for i, ln in enumerate(text.split("\n")) if ln.startswith(" ") and ln.strip()]
    assert {b - a for a, b in itertools.pairwise(marks)} == {7}
