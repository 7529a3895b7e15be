from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator

import pytest

import verslag
from _factory import make_verslag, parsed_fixture
from verslag.tables import COLUMNS, KINDS

IDS = ("report", "dossier", "number", "date", "meeting_kind")


@pytest.mark.parametrize("kind", KINDS)
def test_every_row_has_the_report_identifiers_and_the_fixed_columns(kind: str) -> None:
    v = make_verslag()
    rows = v.to_records(kind)
    assert rows, kind
    for r in rows:
        assert tuple(r) == COLUMNS[kind]
        assert (r["report"], r["dossier"], r["number"], r["date"], r["meeting_kind"]) == (
            "kst-12345-67", "12345", "67", dt.date(2020, 3, 11), "commissiedebat")


def test_one_row_per_item() -> None:
    v = make_verslag()
    assert len(v.to_records("turns")) == len(v.turns)
    assert len(v.to_records("interruptions")) == len(v.interruptions)
    assert len(v.to_records("commitments")) == len(v.commitments)
    assert [r["speaker"] for r in v.to_records("speakers")] == ["Jansen", "Bakker", "Van Dijk", "De Vries", "Smit"]


def test_turn_rows_carry_speaker_phase_words_lines_and_exchange() -> None:
    v = make_verslag()
    rows = v.to_records("turns")
    r = rows[3]
    assert (r["speaker"], r["party"], r["role"], r["label"]) == (
        "Van Dijk", "GroenLinks", "member", "Mevrouw Van Dijk (GroenLinks)")
    assert r["phase"] == "members_first_term"
    assert r["words"] == v.turns[3].words == len(r["text"].split())
    assert (r["line_start"], r["line_end"]) == v.turns[3].lines
    assert (r["interruption"], r["interrupter"], r["host"]) == (0, "Van Dijk", "Bakker")
    assert rows[1]["interruption"] is None
    assert rows[8]["office"] == "Minister van Justitie en Veiligheid"


def test_interruption_rows_resolve_parties_and_count_words() -> None:
    v = make_verslag()
    r = v.to_records("interruptions")[0]
    assert (r["interrupter"], r["interrupter_party"], r["host"], r["host_party"]) == (
        "Van Dijk", "GroenLinks", "Bakker", "D66")
    assert r["announced"] is True
    assert (r["first_turn"], r["last_turn"], r["turns"]) == (3, 4, 2)
    assert r["interrupter_words"] == v.turns[3].words
    assert r["host_words"] == v.turns[4].words
    assert r["words"] == r["interrupter_words"] + r["host_words"]
    r2 = v.to_records("interruptions")[1]
    assert (r2["host"], r2["host_role"], r2["host_party"]) == ("De Vries", "minister", None)


def test_commitment_rows_flatten_the_deadline() -> None:
    rows = make_verslag().to_records("commitments")
    assert rows[0]["deadline"] == "Binnen vier weken"
    assert rows[0]["deadline_date"] == dt.date(2020, 4, 8)
    assert rows[0]["deadline_precision"] == "day"
    assert rows[0]["by_office"] == "Minister van Justitie en Veiligheid"
    assert rows[0]["to_party"] == "D66"
    assert rows[1]["status"] == "amended" and rows[1]["amendment"] == "het gaat om Kamervragen"
    assert rows[2]["deadline"] is None and rows[2]["deadline_date"] is None
    assert rows[3]["by"] is None and rows[3]["line_start"] is None


#: What issue 6 asks of every row: who (name, party, role), the phase, word counts and source lines.
REQUIRED = {
    "turns": {"speaker", "party", "role", "phase", "words", "line_start", "line_end"},
    "interruptions": {"interrupter", "interrupter_party", "interrupter_role", "host", "host_party", "host_role",
                      "phase", "words", "line_start", "line_end"},
    "commitments": {"by", "by_party", "by_role", "by_office", "to", "to_party", "to_role", "phase", "words",
                    "line_start", "line_end"},
    "speakers": {"speaker", "party", "role", "first_phase", "words", "line_start", "line_end"},
}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_names_people_with_party_and_role_and_gives_phase_words_and_lines(kind: str) -> None:
    assert set(IDS) | REQUIRED[kind] <= set(COLUMNS[kind])
    # The columns of before stay first and in order: code that picks columns by position keeps working.
    assert COLUMNS[kind][: len(IDS)] == IDS


def test_commitment_rows_give_the_role_and_party_of_both_sides() -> None:
    v = make_verslag()
    rows = v.to_records("commitments")
    assert (rows[0]["by"], rows[0]["by_role"], rows[0]["by_party"], rows[0]["by_office"]) == (
        "De Vries", "minister", None, "Minister van Justitie en Veiligheid")
    assert (rows[0]["to"], rows[0]["to_role"], rows[0]["to_party"]) == ("Bakker", "member", "D66")
    assert (rows[1]["by"], rows[1]["by_role"]) == ("Smit", "state_secretary")
    assert (rows[1]["to"], rows[1]["to_role"], rows[1]["to_party"]) == ("Van Dijk", "member", "GroenLinks")
    assert rows[3]["by"] is None and rows[3]["by_role"] is None and rows[3]["to_role"] is None
    # A bewindspersoon who never speaks still has a role: the office in the header says it.
    v.turns = [t for t in v.turns if t.speaker.name != "Smit"]
    rows = v.to_records("commitments")
    assert (rows[1]["by_role"], rows[1]["by_office"]) == ("state_secretary", "Staatssecretaris van Economische Zaken en Klimaat")
    # A member who speaks with a party gives it for `by` as well (e.g. a commitment by a rapporteur).
    v.commitments[3].by = "Bakker"
    assert (v.to_records("commitments")[3]["by_role"], v.to_records("commitments")[3]["by_party"]) == ("member", "D66")


def test_speaker_rows_give_the_phase_they_first_speak_in() -> None:
    by_name = {r["speaker"]: r for r in make_verslag().to_records("speakers")}
    assert by_name["Jansen"]["first_phase"] == "opening"
    assert by_name["Bakker"]["first_phase"] == "members_first_term"
    assert by_name["De Vries"]["first_phase"] == "government_first_term"
    assert {r["first_phase"] for r in make_verslag(structure=False).to_records("speakers")} == {None}


def test_speaker_rows_add_up() -> None:
    v = make_verslag()
    rows = v.to_records("speakers")
    assert sum(r["turns"] for r in rows) == len(v.turns)
    assert sum(r["words"] for r in rows) == sum(t.words for t in v.turns)
    by_name = {r["speaker"]: r for r in rows}
    assert by_name["Bakker"]["interruptions_made"] == 1
    assert by_name["Bakker"]["interruptions_received"] == 1
    assert by_name["Van Dijk"]["interruptions_made"] == 1
    assert by_name["Smit"]["commitments_made"] == 2
    assert by_name["Jansen"]["role"] == "chair"


def test_a_chair_who_also_debates_has_two_rows_but_counts_once() -> None:
    v = make_verslag()
    # Van Dijk takes the chair for one turn: she has a chair row and a member row.
    chair_turn = v.turns[16].model_copy(update={"speaker": v.turns[16].speaker.model_copy(update={"name": "Van Dijk"})})
    v.turns[16] = chair_turn
    rows = [r for r in v.to_records("speakers") if r["speaker"] == "Van Dijk"]
    assert sorted(r["role"] for r in rows) == ["chair", "member"]
    assert sum(r["interruptions_made"] for r in rows) == 1


@pytest.mark.parametrize("kind", ["turn", "", "Turns", None, 3])
def test_an_unknown_kind_is_an_input_error(kind: object) -> None:
    with pytest.raises(verslag.InputError, match="unknown kind"):
        make_verslag().to_records(kind)  # type: ignore[arg-type]


def test_not_a_verslag_is_an_input_error() -> None:
    from verslag.tables import to_records

    with pytest.raises(verslag.InputError):
        to_records({"turns": []}, "turns")  # type: ignore[arg-type]


def test_an_empty_report_gives_no_rows_but_the_columns() -> None:
    v = verslag.Verslag()
    for kind in KINDS:
        assert v.to_records(kind) == []
        assert list(v.to_frame(kind).columns) == list(COLUMNS[kind])


def test_to_frame_types() -> None:
    df = make_verslag().to_frame("commitments")
    assert len(df) == 4
    assert str(df["date"].dtype).startswith("datetime64")
    assert str(df["deadline_date"].dtype).startswith("datetime64")
    assert str(df["line_start"].dtype) == "Int64"  # integers with gaps stay integers
    assert df["line_start"].isna().sum() == 2


def test_frame_stacks_reports_and_keeps_them_apart() -> None:
    a = make_verslag()
    b = make_verslag()
    b.meta.number = "68"
    b.meta.identifier = "kst-12345-68"
    df = verslag.frame(iter([a, b]), "turns")
    assert len(df) == len(a.turns) + len(b.turns)
    assert df.groupby("report").size().to_dict() == {"kst-12345-67": len(a.turns), "kst-12345-68": len(b.turns)}


def test_frame_refuses_an_unknown_kind_before_reading_reports() -> None:
    def reports() -> Iterator[verslag.Verslag]:
        raise AssertionError("must not be iterated")
        yield

    with pytest.raises(verslag.InputError):
        verslag.frame(reports(), "speeches")


def test_to_frame_without_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    v = make_verslag()
    assert v.to_records("turns")  # records need nothing
    with pytest.raises(verslag.InputError, match="pandas") as e:
        v.to_frame("turns")
    assert "verslag[pandas]" in str(e.value)


def test_fixture_tables() -> None:
    v = parsed_fixture()
    turns = v.to_records("turns")
    assert len(turns) == len(v.turns) > 100
    assert turns[1]["speaker"] == "Verhoeven" and turns[1]["party"] == "D66" and turns[1]["role"] == "member"
    assert all(r["report"] == "kst-26643-679" and r["date"] == dt.date(2020, 3, 11) for r in turns)
    assert len(v.to_records("interruptions")) == len(v.interruptions)
    assert len(v.to_records("commitments")) == len(v.commitments)
    speakers = {r["speaker"]: r for r in v.to_records("speakers")}
    assert {"Verhoeven", "Buitenweg", "Grapperhaus", "Keijzer", "Knops", "Diks"} <= set(speakers)
    assert sum(r["words"] for r in speakers.values()) == sum(r["words"] for r in turns)
    df = v.to_frame("turns")
    assert df["words"].sum() == sum(t.words for t in v.turns)
