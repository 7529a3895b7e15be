"""Golden tests of the text parser on the real fixture and the hand-written mini reports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import verslag

FIX = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIX / "kst-26643-679.txt"
GOLD_TURNS = json.loads((FIX / "text" / "kst-26643-679.turns.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed() -> verslag.Verslag:
    return verslag.parse_text(SEED.read_text(encoding="utf-8"))


def test_meta_identifiers(seed: verslag.Verslag) -> None:
    m = seed.meta
    assert (m.dossier, m.number, m.year, m.kind) == ("26643", "679", "2019-2020", "algemeen overleg")
    assert m.identifier == "kst-26643-679"
    assert m.date == dt.date(2020, 3, 11)
    assert (m.start, m.end) == (dt.time(16, 4), dt.time(19, 24))


def test_meta_people(seed: verslag.Verslag) -> None:
    m = seed.meta
    assert m.committees == [
        "vaste commissie voor Economische Zaken en Klimaat",
        "vaste commissie voor Binnenlandse Zaken",
        "vaste commissie voor Justitie en Veiligheid",
    ]
    assert (m.chair, m.clerk) == ("Diks", "Nava")
    assert m.members_present == ["Amhaouch", "Buitenweg", "Diks", "Van Otterloo", "Verhoeven", "Weverling"]
    assert m.members_count == 6
    assert [(g.salutation, g.name, g.office) for g in m.government] == [
        ("de heer", "Grapperhaus", "Minister van Justitie en Veiligheid"),
        ("mevrouw", "Keijzer", "Staatssecretaris van Economische Zaken en Klimaat"),
        ("de heer", "Knops", "Minister van Binnenlandse Zaken en Koninkrijksrelaties"),
    ]
    assert [(s.function, s.name) for s in m.signatories] == [
        ("De ondervoorzitter van de vaste commissie voor Economische Zaken en Klimaat", "Azarkan"),
        ("De voorzitter van de vaste commissie voor Binnenlandse Zaken", "Ziengs"),
        ("De voorzitter van de vaste commissie voor Justitie en Veiligheid", "Van Meenen"),
        ("De griffier van de vaste commissie voor Economische Zaken en Klimaat", "Nava"),
    ]


def test_meta_agenda(seed: verslag.Verslag) -> None:
    got = [(a.dossier, a.number, a.date.isoformat() if a.date else None) for a in seed.meta.agenda]
    assert got == [
        ("26643", "586", "2018-12-21"), ("26643", "594", "2019-02-20"), ("26643", "618", "2019-06-20"),
        ("26643", "616", "2019-06-17"), ("26643", "623", "2019-07-05"), ("26643", "668", "2020-02-18"),
    ]
    first = seed.meta.agenda[0]
    assert first.sender == "Staatssecretaris van Economische Zaken en Klimaat"
    assert first.subject == "voortgangsbrief verkenning cybersecurity"
    # a blank line inside the item and a suspended hyphen inside a line are both text
    assert seed.meta.agenda[2].subject == "voortgang Roadmap Digitaal Veilige Hard- en Software"


def test_every_turn_in_order(seed: verslag.Verslag) -> None:
    got = [
        [t.lines[0], t.speaker.label, t.speaker.name, t.speaker.party, t.speaker.role.value] for t in seed.turns
    ]
    assert got == GOLD_TURNS


def test_bewindspersonen_carry_their_office(seed: verslag.Verslag) -> None:
    offices = {t.speaker.name: t.speaker.office for t in seed.turns if t.speaker.role.value != "member"}
    assert offices["Knops"] == "Minister van Binnenlandse Zaken en Koninkrijksrelaties"
    assert offices["Diks"] is None


def test_suspension_is_an_event_not_chair_text(seed: verslag.Verslag) -> None:
    (s,) = seed.suspensions
    assert (s.start, s.end, s.kind) == (dt.time(17, 25), dt.time(17, 42), "long")
    assert s.lines == (1287, 1287)
    before = seed.turns[s.after_turn]
    assert before.lines[0] == 1282 and "geschorst" not in before.text
    assert seed.turns[s.after_turn + 1].lines[0] == 1289


def test_sluiting_is_meta_not_text(seed: verslag.Verslag) -> None:
    assert "Sluiting" not in seed.turns[-1].text
    assert [b.text for b in seed.closing] == ["Sluiting 19.24 uur."]


def test_dehyphenation_and_real_hyphens(seed: verslag.Verslag) -> None:
    text = "\n".join(t.text for t in seed.turns)
    for joined in ("geschiedenis", "Technologie", "vanzelfsprekend", "Koninkrijksrelaties", "Staatssecretaris"):
        assert joined in text
    for kept in ("GroenLinks-fractie", "MijnOverheid-domein", "ISIDOOR-oefeningen", "face-to-facecontact",
                 "Internet-of-Thingsapparatuur"):
        assert kept in text, kept
    assert "geschie-" not in text and "Techno-" not in text


@pytest.mark.parametrize(
    ("lines", "paragraph"),
    [
        (["Stuur mij een e-", "mail."], "Stuur mij een e-mail."),  # one letter: never a hyphenation point
        (["Het gaat om de A-", "status."], "Het gaat om de A-status."),
        (["Dat is co-", "ouderschap."], "Dat is co-ouderschap."),  # 'oo' across the hyphen: klinkerbotsing
        (["Een auto-", "ongeluk."], "Een auto-ongeluk."),
        (["Het ging zo-", "als gezegd."], "Het ging zoals gezegd."),  # not a suspended hyphen
        (["Het gaat om zowel hard-", "als software."], "Het gaat om zowel hard- als software."),
        (["Voor in- en", "uitvoer."], "Voor in- en uitvoer."),
        (["De re-", "actie en de ide-", "alen."], "De reactie en de idealen."),  # vowels that stay apart
    ],
)
def test_line_end_hyphens_of_real_compounds(lines: list[str], paragraph: str) -> None:
    v = verslag.parse_text("De voorzitter:\n" + "\n".join(lines) + "\n")
    assert v.turns[0].paragraphs == [paragraph]


def test_paragraphs(seed: verslag.Verslag) -> None:
    first = seed.turns[0]
    assert first.paragraphs[0].endswith("Hartelijk welkom!")
    # 'Gaat' would have fitted on the line before: the PDF wrapped it there unless a paragraph ended
    assert first.paragraphs[-2:] == ["Ik zou willen beginnen met de heer Verhoeven van de fractie van D66.", "Gaat uw gang."]
    assert all(len(p) == 2 for p in first.paragraph_lines)
    assert sum(len(t.paragraphs) for t in seed.turns) >= 250
    # a page start inside a turn starts no paragraph by itself, and no paragraph keeps a hard break
    assert all("\n" not in p for t in seed.turns for p in t.paragraphs)


def test_layout_is_recorded_as_furniture(seed: verslag.Verslag) -> None:
    footers = [f for f in seed.furniture if f.kind == "footer"]
    assert [f.line for f in footers] == [763, 1125, 1961]
    assert sum(f.kind == "page_start" for f in seed.furniture) == 45  # the 46th starts a blank last line
    assert not seed.unparsed and not seed.diagnostics


def test_front_matter_blocks(seed: verslag.Verslag) -> None:
    texts = [b.text for b in seed.front_matter]
    assert texts[0].startswith("De vaste commissie voor Economische Zaken en Klimaat")
    assert texts[0].endswith("over:")
    assert "Voorzitter: Diks" in texts and "Aanvang 16.04 uur." in texts


# --- mini reports ------------------------------------------------------------------------------


def parse_fixture(name: str) -> verslag.Verslag:
    return verslag.parse(FIX / "text" / name)


def test_every_label_form() -> None:
    v = parse_fixture("labels.txt")
    got = [(t.speaker.label, t.speaker.name, t.speaker.party, t.speaker.role.value) for t in v.turns]
    assert got == [
        ("De voorzitter", "Den Boer", None, "chair"),
        ("De heer Van der Staaij (SGP)", "Van der Staaij", "SGP", "member"),
        ("Mevrouw Den Boer (D66)", "Den Boer", "D66", "member"),
        ("De heer Omtzigt (Lid Omtzigt)", "Omtzigt", "Lid Omtzigt", "member"),
        ("De heer Van Haga (Groep Van Haga)", "Van Haga", "Groep Van Haga", "member"),
        ("Mevrouw Kröger (GroenLinks-PvdA)", "Kröger", "GroenLinks-PvdA", "member"),
        ("De heer Öztürk (DENK)", "Öztürk", "DENK", "member"),
        ("Mevrouw Koşer Kaya (D66)", "Koşer Kaya", "D66", "member"),
        ("Minister-president Rutte", "Rutte", None, "minister"),
        ("Minister Van Nieuwenhuizen-Wijbenga", "Van Nieuwenhuizen-Wijbenga", None, "minister"),
        ("Staatssecretaris Van 't Wout", "Van 't Wout", None, "state_secretary"),
        ("De heer Dijkgraaf", "Dijkgraaf", None, "member"),  # no party, but among the members present
        ("De voorzitter", "Den Boer", None, "chair"),
    ]
    offices = {g.name: g.office for g in v.meta.government}
    assert offices == {
        "Van Nieuwenhuizen-Wijbenga": "Minister van Infrastructuur en Waterstaat",
        "Van 't Wout": "Staatssecretaris van Financiën",
        "Rutte": "Minister-president, Minister van Algemene Zaken",
    }
    assert v.turns[9].speaker.office == "Minister van Infrastructuur en Waterstaat"
    assert v.meta.members_count == 8 and "Van der Staaij" in v.meta.members_present


def test_chair_hand_over() -> None:
    v = parse_fixture("chair_handover.txt")
    chairs = [t.speaker.name for t in v.turns if t.speaker.role.value == "chair"]
    assert chairs == ["Van Meenen", "Van Meenen", "Van der Lee", "Van Meenen", "Van Meenen"]
    assert [(c.name, c.after_turn) for c in v.chair_changes] == [("Van der Lee", 2), ("Van Meenen", 4)]
    assert v.meta.chair == "Van Meenen"
    assert v.meta.kind == "commissiedebat"
    assert all("Voorzitter:" not in t.text for t in v.turns)


def test_three_suspension_forms() -> None:
    v = parse_fixture("suspensions.txt")
    got = [(s.start, s.end, s.kind, s.after_turn) for s in v.suspensions]
    assert got == [
        (None, None, "short", 0),
        (dt.time(12, 0), dt.time(13, 0), "long", 2),
        (dt.time(14, 5), dt.time(14, 20), "long", 4),
    ]
    assert all("geschorst" not in t.text for t in v.turns)
    assert v.meta.dossier == "35000-IX" and v.meta.year == "2018-2019"


@pytest.mark.parametrize(
    ("line", "start", "end", "kind"),
    [
        ("De vergadering wordt van 17.25 tot 17.42 uur geschorst.", dt.time(17, 25), dt.time(17, 42), "long"),
        ("De vergadering wordt om 17.25 uur geschorst.", dt.time(17, 25), None, "long"),
        ("De vergadering wordt geschorst tot 13.00 uur.", None, dt.time(13, 0), "long"),
        ("De vergadering wordt enige ogenblikken geschorst.", None, None, "short"),
        ("De vergadering wordt van 12.30 uur tot 13.15 uur geschorst voor de lunch.", dt.time(12, 30),
         dt.time(13, 15), "long"),
        ("De vergadering wordt geschorst van 12.00 uur tot 13.00\nuur.", dt.time(12, 0), dt.time(13, 0), "long"),
        ("De vergadering wordt van 17.25 uur tot 17.42 uur\ngeschorst.", dt.time(17, 25), dt.time(17, 42), "long"),
    ],
)  # fmt: skip
def test_more_suspension_forms_and_a_suspension_wrapped_over_two_lines(
    line: str, start: dt.time | None, end: dt.time | None, kind: str
) -> None:
    v = verslag.parse_text(f"De voorzitter:\nIk schors de vergadering.\n\n{line}\n\nDe voorzitter:\nWe gaan verder.\n")
    assert [(s.text, s.start, s.end, s.kind) for s in v.suspensions] == [(line.replace("\n", " "), start, end, kind)]
    assert [t.text for t in v.turns] == ["Ik schors de vergadering.", "We gaan verder."]
    assert v.suspensions[0].lines == (4, 4 + line.count("\n"))


def test_an_impossible_time_is_a_diagnostic_with_its_column() -> None:
    text = "De voorzitter:\nJa.\n\nDe vergadering wordt van 99.99 uur tot 17.42 uur geschorst.\n\nSluiting 25.00 uur.\n"
    v = verslag.parse_text(text)
    assert v.suspensions[0].start is None and v.suspensions[0].end == dt.time(17, 42) and v.meta.end is None
    assert [(d.code, d.line, d.column) for d in v.diagnostics if d.code == "V206"] == [("V206", 4, 26), ("V206", 6, 10)]
    with pytest.raises(verslag.TextParseError) as e:
        verslag.parse_text(text, strict=True)
    assert (e.value.line, e.value.column) == (4, 26)


def test_a_label_like_line_inside_a_sentence_is_text() -> None:
    v = verslag.parse_text("De voorzitter:\nIk zeg tegen de heer\nMinister Knops:\nkom op.\n\nMinister Knops:\nDank u.\n")
    assert [t.speaker.label for t in v.turns] == ["De voorzitter", "Minister Knops"]
    assert "Ik zeg tegen de heer Minister Knops:" in v.turns[0].text


def test_each_unparsed_block_has_its_own_diagnostic() -> None:
    text = ("De voorzitter:\nWelkom.\n\nDe vergadering wordt enkele ogenblikken geschorst.\n\nWaar was ik.\n"
            "Ik weet het niet meer en dat is een lange regel om de breedte te zetten op een redelijke waarde.\n"
            "Zeker.\n\nDe voorzitter:\nWe gaan verder.\n")  # fmt: skip
    v = verslag.parse_text(text)
    assert len(v.unparsed) >= 2
    v201 = [d.line for d in v.diagnostics if d.code == "V201"]
    assert v201 == [u.lines[0] for u in v.unparsed]


def test_footers_and_page_starts_inside_turns_and_labels() -> None:
    v = parse_fixture("pages.txt")
    assert [t.speaker.label for t in v.turns] == [
        "De voorzitter", "De heer Van Weyenberg (D66)", "De voorzitter", "Minister Adriaansens",
        "De heer Van Weyenberg (D66)", "De voorzitter",
    ]
    turn = v.turns[1]
    assert "de geschiedenis leert ons" in turn.paragraphs[0]  # a hyphenated word across a page break
    assert "en de vraag is of" in turn.paragraphs[0]  # a page start inside a paragraph
    assert turn.paragraphs[1] == "Dan de GroenLinks-fractie. Die heeft een motie ingediend over data."
    assert v.turns[4].lines == (45, 51)  # a label broken by a page footer
    assert (v.meta.dossier, v.meta.number, v.meta.year) == ("26643", "900", "2022-2023")
    assert [f.line for f in v.furniture if f.kind == "footer"] == [24, 30, 35, 47]


# --- errors and odd input ----------------------------------------------------------------------


def test_strict_mode_raises_with_position() -> None:
    with pytest.raises(verslag.TextParseError) as e:
        verslag.parse_text("Dit is geen verslag.\nHelemaal niet.\n", strict=True)
    assert e.value.line == 1 and e.value.column == 1
    assert "expected" in str(e.value)


def test_text_before_a_label_after_a_suspension_is_kept() -> None:
    text = "De voorzitter:\nWelkom.\n\nDe vergadering wordt enkele ogenblikken geschorst.\n\nWaar was ik.\n"
    v = verslag.parse_text(text)
    assert [u.text for u in v.unparsed] == ["Waar was ik."]
    assert any(d.code == "V201" and d.line == 6 for d in v.diagnostics)
    with pytest.raises(verslag.TextParseError) as e:
        verslag.parse_text(text, strict=True)
    assert e.value.line == 6


def test_crlf_bom_and_nul_are_normalised_with_diagnostics() -> None:
    base = SEED.read_text(encoding="utf-8")
    v = verslag.parse_text("\ufeff" + base.replace("\n", "\r\n").replace("Aanvang", "Aan\x00vang"))
    assert len(v.turns) == 174 and v.meta.start == dt.time(16, 4)
    assert {d.code for d in v.diagnostics} >= {"V102", "V103"}


def test_form_feed_is_a_page_break() -> None:
    v = verslag.parse_text("De voorzitter:\nWelkom aan\n\fallen.\n")
    assert v.turns[0].paragraphs == ["Welkom aan allen."]


def test_non_str_input_is_an_input_error() -> None:
    with pytest.raises(verslag.InputError):
        verslag.parse_text(b"bytes")  # type: ignore[arg-type]


def test_parse_detects_text_from_bytes_and_paths() -> None:
    data = SEED.read_bytes()
    assert len(verslag.parse(data).turns) == 174
    assert len(verslag.parse(str(SEED)).turns) == 174
    assert len(verslag.parse(SEED).turns) == 174


def test_json_round_trip_of_the_model(seed: verslag.Verslag) -> None:
    back = verslag.Verslag.model_validate_json(seed.model_dump_json())
    assert verslag.compare(seed, back, positions=True) == []
    assert back.turns[5].text == seed.turns[5].text


def test_compare_reports_a_difference(seed: verslag.Verslag) -> None:
    other = seed.model_copy(deep=True)
    other.turns[3].speaker.party = "VVD"
    diff = verslag.compare(seed, other)
    assert len(diff) == 1 and diff[0].startswith("turns[3]") and "VVD" in diff[0]


def test_commissiedebat_first_page() -> None:
    v = parse_fixture("commissiedebat.txt")
    m = v.meta
    assert (m.identifier, m.dossier, m.number, m.year) == ("kst-21501-20-1850", "21501-20", "1850", "2022-2023")
    assert (m.kind, m.title) == ("commissiedebat", "VERSLAG VAN EEN COMMISSIEDEBAT")
    assert m.committees == ["vaste commissie voor Europese Zaken"]  # the footnote call '1' is not part of it
    assert m.date == dt.date(2022, 12, 14)
    assert [(g.name, g.office) for g in m.government] == [
        ("Rutte", "Minister-president, minister van Algemene Zaken"),
        ("Yeşilgöz-Zegerius", "Minister van Justitie en Veiligheid"),
    ]
    assert [(s.function, s.name) for s in m.signatories] == [
        ("De fungerend voorzitter van de commissie", "Kamminga"),
        ("De griffier van de commissie", "Hessing-Puts"),
    ]
    assert (m.chair, m.clerk) == ("Kamminga", "Meester-Schaap")
    assert m.members_present == ["Jasper van Dijk", "Kamminga", "Agnes Mulder", "Van der Plas"]
    # the first page's footer is glued to a line: it is furniture, the rest of the line is text
    assert [f.text for f in v.furniture if f.kind == "footer"] == ["Tweede Kamer, vergaderjaar 2022–2023, 21 501-20, nr. 1850 1"]
    assert "'s-Gravenhage 2023" in [b.text for b in v.front_matter]
    assert [t.speaker.name for t in v.turns][1:3] == ["Jasper van Dijk", "Van der Plas"]
    assert v.turns[5].speaker.office == "Minister van Justitie en Veiligheid"


def test_wetgevingsoverleg_header() -> None:
    v = parse_fixture("wetgevingsoverleg.txt")
    m = v.meta
    assert (m.kind, m.date, m.chair, m.dossier, m.year) == (
        "wetgevingsoverleg", dt.date(2019, 11, 4), "Anne Mulder", "35302", "2019-2020")
    assert [(a.dossier, a.number) for a in m.agenda] == [("35302", "2")]
    assert [(g.name, g.office) for g in m.government] == [("Snel", "Staatssecretaris van Financiën")]
    assert v.turns[2].speaker.role.value == "state_secretary"


def test_a_label_without_party_is_a_member_only_when_listed_present() -> None:
    """'Mevrouw Gerkens:' (the Eerste Kamer prints no party): a member if the header lists her, else other."""
    head = ("Aanwezig zijn twee leden der Kamer, te weten: Gerkens en Prins.\n\nVoorzitter: Prins\n\n"
            "Aanvang 10.00 uur.\n\n")
    v = verslag.parse_text(head + "De voorzitter:\nWelkom.\n\nMevrouw Gerkens:\nDank u.\n\nDe heer Jansen:\nJa.\n")
    assert [(t.speaker.name, t.speaker.role.value) for t in v.turns] == [
        ("Prins", "chair"), ("Gerkens", "member"), ("Jansen", "other")]
