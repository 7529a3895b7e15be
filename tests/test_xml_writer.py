"""Writing OB XML: the input bytes when nothing changed, only the edited bytes after an edit,
and a complete OB-style Kamerstuk for a report parsed from PDF text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import verslag
from verslag import CommitmentStatus, Phase, Role, Speaker, Turn, strategies, structure
from verslag.model import AgendaItem, Block, ChairChange, Furniture, GovernmentMember, Signatory


def _default_examples() -> int:
    """The example count of the loaded hypothesis profile (tests/conftest.py)."""
    return settings.default.max_examples if settings.default is not None else 20


ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "xml"
VAO = (FIXTURES / "h-tk-20172018-61-10.xml").read_bytes()


def changed(a: bytes, b: bytes) -> tuple[int, bytes, bytes]:
    """Offset and the differing middle of two byte strings (common prefix and suffix removed)."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    return p, a[p : len(a) - s], b[p : len(b) - s]


def test_unedited_gives_the_input() -> None:
    v = verslag.read_xml(VAO)
    assert verslag.write_xml(v) == VAO
    assert verslag.write_xml(v.model_copy(deep=True)) == VAO


def test_party_edit_changes_only_that_text_node() -> None:
    v = verslag.read_xml(VAO)
    v.turns[1].speaker.party = "CDA"
    out = verslag.write_xml(v)
    at, old, new = changed(VAO, out)
    assert (old, new) == (b"VVD", b"CDA")
    assert VAO[:at].endswith(b"<politiek>")
    assert verslag.read_xml(out).turns[1].speaker.party == "CDA"


def test_party_removed_and_added() -> None:
    v = verslag.read_xml(VAO)
    v.turns[1].speaker.party = None
    out = verslag.write_xml(v)
    assert out == VAO.replace(b"</naam> (<politiek>VVD</politiek>):</spreker>", b"</naam>:</spreker>", 1)
    w = verslag.read_xml(out)
    assert w.turns[1].speaker.party is None
    w.turns[1].speaker.party = "VVD"
    assert verslag.write_xml(w) == VAO


def test_paragraph_edit_changes_only_the_word() -> None:
    v = verslag.read_xml(VAO)
    t = v.turns[1]
    t.paragraphs[0] = t.paragraphs[0].replace("de bakker die", "de slager die")
    assert verslag.write_xml(v) == VAO.replace(b"de bakker die", b"de slager die", 1)


def test_paragraph_edit_keeps_inline_markup() -> None:
    v = verslag.read_xml(VAO)
    t = v.turns[1]
    k = t.paragraphs.index("Zij krijgt nr. 199 (31311).")
    t.paragraphs[k] = "Zij kreeg nr. 199 (31311)."
    out = verslag.write_xml(v)
    assert out == VAO.replace(b"<al>Zij krijgt nr. <extref", b"<al>Zij kreeg nr. <extref", 1)
    # a change inside the reference's own text stays inside it
    t.paragraphs[k] = "Zij krijgt nr. 1990 (31311)."
    out = verslag.write_xml(v)
    assert out == VAO.replace(b'"kst-31311-199">199</extref>', b'"kst-31311-199">1990</extref>', 1)


def test_escaping_in_edited_text() -> None:
    v = verslag.read_xml(VAO)
    v.turns[2].paragraphs[0] = "A & B <c> — d"
    out = verslag.write_xml(v)
    assert "<al>A &amp; B &lt;c&gt; — d</al>".encode() in out
    assert verslag.read_xml(out).turns[2].paragraphs[0] == "A & B <c> — d"


@pytest.mark.parametrize("text", ["A \u00a0d", "a  b", " a", "", "form\x0cfeed"])
def test_text_that_would_not_read_back_is_refused(text: str) -> None:
    # reading collapses whitespace (NBSP included), drops empty paragraphs and characters XML cannot hold
    v = verslag.read_xml(VAO)
    v.turns[2].paragraphs[0] = text
    with pytest.raises(verslag.RoundTripError, match=r"turns\[2\]\.paragraphs\[0\]") as e:
        verslag.write_xml(v)
    assert e.value.line > 1 and e.value.column >= 1


def test_turn_removed_takes_its_lines() -> None:
    v = verslag.read_xml(VAO)
    gone = v.turns.pop(2)  # the bare 'Gaat u verder.'
    out = verslag.write_xml(v)
    lines = VAO.split(b"\r\n")
    a, b = gone.lines
    assert out == b"\r\n".join(lines[: a - 1] + lines[b:])
    assert len(verslag.read_xml(out).turns) == len(v.turns)


def test_turn_added_in_the_documents_style() -> None:
    v = verslag.read_xml(VAO)
    new = Turn(
        speaker=Speaker(label="Mevrouw Jansen (D66)", name="Jansen", party="D66", role=Role.MEMBER, prefix="Mevrouw"),
        paragraphs=["Een vraag.", "Nog een."],
    )
    v.turns.insert(2, new)
    out = verslag.write_xml(v)
    at, old, added = changed(VAO, out)
    assert old == b""
    assert out[:at] + out[at + len(added) :] == VAO
    assert added.count(b"\n") == added.count(b"\r\n") > 0
    assert b'\r\n      <spreekbeurt nieuw="ja">\r\n        <spreker>\r\n          <voorvoegsels>Mevrouw</voorvoegsels>' in out
    assert b"</naam> (<politiek>D66</politiek>):</spreker>" in added
    w = verslag.read_xml(out)
    assert (w.turns[2].speaker.label, w.turns[2].paragraphs) == ("Mevrouw Jansen (D66)", ["Een vraag.", "Nog een."])
    assert verslag.write_xml(w) == out


def test_paragraphs_added_and_removed() -> None:
    v = verslag.read_xml(VAO)
    v.turns[3].paragraphs.pop(0)
    v.turns[1].paragraphs.append("Tot slot.")
    out = verslag.write_xml(v)
    w = verslag.read_xml(out)
    assert w.turns[1].paragraphs[-1] == "Tot slot." and w.turns[3].paragraphs == v.turns[3].paragraphs
    assert b"          <al-groep>\r\n            <al>Tot slot.</al>\r\n          </al-groep>\r\n        </tekst>" in out


def test_meta_edits() -> None:
    v = verslag.read_xml(VAO)
    v.meta.title = "Ondernemen"
    v.meta.identifier = "h-tk-20172018-61-11"
    out = verslag.write_xml(v)
    assert out == VAO.replace(b"<item-titel>Ondernemen en Bedrijfsfinanciering<", b"<item-titel>Ondernemen<").replace(
        b"nl/h-tk-20172018-61-10/metadata", b"nl/h-tk-20172018-61-11/metadata")


def test_kamerstuk_edits_in_the_tweede_kamer_style() -> None:
    data = (FIXTURES / "opendata" / "kst-24515-782.xml").read_bytes()
    v = verslag.read_xml(data)
    v.meta.dossier, v.meta.number = "36600", "12"
    v.turns.append(Turn(speaker=Speaker(label="De voorzitter", name="voorzitter", role=Role.CHAIR, prefix="De"),
                        paragraphs=["Dank u."]))
    out = verslag.write_xml(v)
    assert b"\r" not in out and not out.startswith(b"\xef\xbb\xbf")
    assert b"<dossiernr>36 600</dossiernr>" in out and b'<ondernummer kamer="2">12</ondernummer>' in out
    assert b"            <al>Ceder</al>\n            <al>De voorzitter:</al>\n            <al>Dank u.</al>\n" in out


def test_reordered_turns_are_refused() -> None:
    v = verslag.read_xml(VAO)
    v.turns[1], v.turns[3] = v.turns[3], v.turns[1]
    with pytest.raises(verslag.RoundTripError):
        verslag.write_xml(v)


# --- a report from PDF text -------------------------------------------------------------------


@pytest.fixture(scope="module")
def from_text() -> tuple[verslag.Verslag, bytes]:
    v = verslag.parse_text((ROOT / "fixtures" / "kst-26643-679.txt").read_text(encoding="utf-8"))
    return v, verslag.write_xml(v)


def test_text_report_is_written_as_an_ob_kamerstuk(from_text: tuple[verslag.Verslag, bytes]) -> None:
    _v, xml = from_text
    assert xml.startswith(b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-8"?>\r\n<officiele-publicatie xmlns:xsi=')
    assert b'xsi:noNamespaceSchemaLocation="http://technische-documentatie.oep.overheid.nl/schema/op-xsd-2012-1"' in xml
    assert xml.endswith(b"</officiele-publicatie>") and b"\n" not in xml.replace(b"\r\n", b"")
    assert b'content="https://zoek.officielebekendmakingen.nl/kst-26643-679/metadata.xml" />' in xml
    assert b"<dossiernr>26 643</dossiernr>" in xml and b'<ondernummer kamer="2">679</ondernummer>' in xml
    assert b"<titel>VERSLAG VAN EEN ALGEMEEN OVERLEG</titel>" in xml
    assert b"<al>De heer Verhoeven (D66):</al>" in xml and b"<al>Sluiting 19.24 uur.</al>" in xml
    assert b"<al>De vergadering wordt van 17.25 uur tot 17.42 uur geschorst.</al>" in xml


def test_text_report_reads_back_the_same(from_text: tuple[verslag.Verslag, bytes]) -> None:
    v, xml = from_text
    w = verslag.read_xml(xml)
    assert verslag.compare(v, w) == []
    assert verslag.write_xml(w) == xml
    k = next(i for i, t in enumerate(w.turns) if t.speaker.party == "D66")
    w.turns[k].speaker.party = "VVD"
    out = verslag.write_xml(w)
    at, old, new = changed(xml, out)
    assert (old, new) == (b"D66", b"VVD")
    assert out[:at].endswith(b"<al>De heer Verhoeven (")
    assert verslag.read_xml(out).turns[k].speaker.party == "VVD"


def test_commitment_fields_set_by_hand_in_a_text_report_are_written(from_text: tuple[verslag.Verslag, bytes]) -> None:
    """A status, addressee or deadline set by hand in a report parsed from text reads back from the XML.

    Before, write_xml wrote the text and the reader derived the commitments again: the edit was lost
    without an error.  Now it is written as enrichments, and nothing else in the document changes.
    """
    v, xml = from_text
    w = v.model_copy(deep=True)
    w.commitments[0].status = CommitmentStatus.WITHDRAWN
    w.commitments[2].to = "Buitenweg"
    out = verslag.write_xml(w)
    assert re.findall(rb"<\?verslag [^?]*\?>", out) == [
        b'<?verslag toezegging status="withdrawn"?>', b'<?verslag toezegging to="Buitenweg"?>']
    assert re.sub(rb"<\?verslag [^?]*\?>\r\n *", b"", out) == xml  # only the enrichments were added
    r = verslag.read_xml(out)
    assert verslag.compare(w, r) == []
    assert (r.commitments[0].status, r.commitments[2].to) == (CommitmentStatus.WITHDRAWN, "Buitenweg")
    assert verslag.write_xml(r) == out


def test_derived_commitment_fields_of_a_text_report_are_refused(from_text: tuple[verslag.Verslag, bytes]) -> None:
    """A commitment's text comes from the chair's turn: changing only the commitment cannot be written."""
    v, _xml = from_text
    w = v.model_copy(deep=True)
    w.commitments[1].text = "Iets anders."
    with pytest.raises(verslag.RoundTripError, match=r"commitments\[1\]\.text cannot be written"):
        verslag.write_xml(w)
    w = v.model_copy(deep=True)
    w.commitments.pop()
    with pytest.raises(verslag.RoundTripError, match=r"^commitments cannot be written"):
        verslag.write_xml(w)


def test_a_commitment_edited_at_a_paragraph_the_same_write_edits(from_text: tuple[verslag.Verslag, bytes]) -> None:
    """An item's paragraph corrected and its status set in one go: both are written (two passes)."""
    _v, xml = from_text
    w = verslag.read_xml(xml)
    k = w.commitments[0].turns[0]
    j = next(j for j, p in enumerate(w.turns[k].paragraphs) if "Binnen vier weken" in p)
    w.turns[k].paragraphs[j] = w.turns[k].paragraphs[j].replace("Binnen vier weken", "Binnen vijf weken")
    structure.analyze(w)
    w.commitments[0].status = CommitmentStatus.WITHDRAWN
    out = verslag.write_xml(w)
    pi = b'<?verslag toezegging status="withdrawn"?>\r\n            '
    assert out.replace(pi, b"", 1) == xml.replace(b"Binnen vier weken", b"Binnen vijf weken", 1)
    r = verslag.read_xml(out)
    assert verslag.compare(w, r) == []
    assert r.commitments[0].status is CommitmentStatus.WITHDRAWN and "vijf weken" in r.commitments[0].text


def test_a_commitment_edited_in_a_turn_the_same_write_adds(from_text: tuple[verslag.Verslag, bytes]) -> None:
    """The chair's closing turn removed and added again as a new turn, its first item withdrawn."""
    _v, xml = from_text
    w = verslag.read_xml(xml)
    k = w.commitments[0].turns[0]
    old = w.turns.pop(k)
    w.turns.insert(k, Turn(speaker=old.speaker.model_copy(), paragraphs=list(old.paragraphs)))
    structure.analyze(w)
    w.commitments[0].status = CommitmentStatus.WITHDRAWN
    r = verslag.read_xml(verslag.write_xml(w))
    assert verslag.compare(w, r) == []
    assert r.commitments[0].status is CommitmentStatus.WITHDRAWN


def test_a_commitment_whose_paragraph_has_no_element_is_refused(
    from_text: tuple[verslag.Verslag, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second pass does not go round again: still no element for the paragraph → RoundTripError."""
    from verslag import xml_writer

    _v, xml = from_text
    w = verslag.read_xml(xml)
    w.commitments[0].status = CommitmentStatus.WITHDRAWN
    monkeypatch.setattr(xml_writer._Writer, "_anchor_element", lambda self, a, turns: None)
    with pytest.raises(verslag.RoundTripError, match=r"commitments\[0\] cannot be written.*not tied to an element"):
        verslag.write_xml(w)


@pytest.mark.parametrize(("what", "edit", "read_back"), [
    ("a speaker's party", lambda v: setattr(v.turns[3].speaker, "party", "VVD"),
     lambda r: (r.turns[3].speaker.party, r.turns[3].speaker.label) == ("VVD", "De heer Verhoeven (VVD)")),
    ("the meeting date", lambda v: setattr(v.meta, "date", dt.date(2020, 3, 12)),
     lambda r: r.meta.date == dt.date(2020, 3, 12)),
    ("the chair", lambda v: setattr(v.meta, "chair", "Jansen"), lambda r: r.meta.chair == "Jansen"),
    ("a commitment's deadline removed", lambda v: setattr(v.commitments[0], "deadline", None),
     lambda r: r.commitments[0].deadline is None),
])
def test_edits_of_a_text_report_are_written(
    from_text: tuple[verslag.Verslag, bytes], what: str, edit: Callable[[verslag.Verslag], None],
    read_back: Callable[[verslag.Verslag], bool],
) -> None:
    """What the edit path of a read document can write, it writes for a report parsed from text too."""
    v, xml = from_text
    w = v.model_copy(deep=True)
    edit(w)
    out = verslag.write_xml(w)
    assert out != xml, what
    assert read_back(verslag.read_xml(out)), what


@pytest.mark.parametrize(("field", "edit"), [
    ("meta.clerk", lambda v: setattr(v.meta, "clerk", "Jansen")),
    ("meta.members_present", lambda v: v.meta.members_present.append("Jansen")),
    ("meta.start", lambda v: setattr(v.meta, "start", dt.time(10, 0))),
    (r"suspensions\[0\]\.end", lambda v: setattr(v.suspensions[0], "end", dt.time(18, 0))),
    (r"turns\[3\]\.phase", lambda v: setattr(v.turns[3], "phase", Phase.OPENING)),
    (r"interruptions\[30\]", lambda v: v.interruptions.pop()),
])
def test_edits_of_a_text_report_that_cannot_be_written_raise(
    from_text: tuple[verslag.Verslag, bytes], field: str, edit: Callable[[verslag.Verslag], None],
) -> None:
    """Before, these were written as the text said and read back different, without an error."""
    v, _xml = from_text
    w = v.model_copy(deep=True)
    edit(w)
    with pytest.raises(verslag.RoundTripError, match=f"^{field} cannot be written to OB XML"):
        verslag.write_xml(w)


def test_a_refused_text_report_names_the_way_out(from_text: tuple[verslag.Verslag, bytes]) -> None:
    """The error says the difference comes from the text and how to write the text unchecked."""
    from verslag import xml_writer

    v, xml = from_text
    w = v.model_copy(deep=True)
    w.meta.date = None  # the intro paragraph still states 11 maart 2020
    with pytest.raises(verslag.RoundTripError, match=r"^meta\.date cannot be written .*render_document writes the text"):
        verslag.write_xml(w)
    assert xml_writer.render_document(w) == xml  # the text's document, unchecked
    assert xml_writer.render_document(v) == xml == verslag.write_xml(v)


def test_hand_built_reports_are_written_with_what_every_reader_fills_in() -> None:
    """A report with meta and no header blocks: the header is written from meta, and what reading it
    adds to an empty field (the year from the date, the committee of 'De vaste commissie heeft …')
    is no reason to refuse; a suspension before the first turn, which reads as front matter, is."""
    from verslag.model import Meta, Suspension

    v = verslag.Verslag(meta=Meta(date=dt.date(2020, 1, 2), chair="Diks"))
    r = verslag.read_xml(verslag.write_xml(v))
    assert (r.meta.date, r.meta.chair, r.meta.year) == (dt.date(2020, 1, 2), "Diks", "2019-2020")
    v = verslag.Verslag(suspensions=[Suspension(text="De vergadering wordt geschorst.", after_turn=-1)])
    with pytest.raises(verslag.RoundTripError, match=r"^suspensions\[0\]\.after_turn cannot be written.*front matter"):
        verslag.write_xml(v)


def test_reports_without_a_binding_are_written_or_refused() -> None:
    """A report read from XML, its binding gone (as from JSON): written as a new Kamerstuk that reads
    back to it (the date in a <datumtekst> when no paragraph states it), or refused with the turn
    that a label-led document cannot hold (a bare Handelingen <tekst> would join the turn before)."""
    for name, ok in (("h-tk-20142015-33-13.xml", True), ("h-tk-20172018-50-1.xml", True),
                     ("opendata/kst-24515-782.xml", True), ("h-tk-20172018-61-10.xml", False)):
        v = verslag.Verslag.model_validate(verslag.read_xml((FIXTURES / name).read_bytes()).model_dump())
        if not ok:
            with pytest.raises(verslag.RoundTripError, match=r"^turns\[2\]\.speaker\.label cannot be written"):
                verslag.write_xml(v)
            continue
        r = verslag.read_xml(verslag.write_xml(v))
        assert [d for d in verslag.compare(v, r) if not d.startswith("meta.title: None")] == [], name
        assert r.meta.date == v.meta.date, name
        if name != "h-tk-20142015-33-13.xml":  # this item's XML states no date
            assert v.meta.date is not None and f"<datum isodatum=\"{v.meta.date}\">".encode() in verslag.write_xml(v)


def test_escaping_in_a_new_document() -> None:
    v = verslag.Verslag(turns=[Turn(
        speaker=Speaker(label="De heer Bakker (D66)", name="Bakker", party="D66", role=Role.MEMBER, prefix="De heer"),
        paragraphs=["R&D < 5% > 2%\u00a0— «zo»"],
    )])  # fmt: skip
    xml = verslag.write_xml(v)
    assert "<al>R&amp;D &lt; 5% &gt; 2%\u00a0— «zo»</al>".encode() in xml
    assert verslag.read_xml(xml).turns[0].paragraphs == ["R&D < 5% > 2% — «zo»"]


def test_a_vlos_report_is_written_as_ob() -> None:
    v = verslag.read_xml(next((FIXTURES / "vlos").glob("*.xml")).read_bytes())
    xml = verslag.write_xml(v)
    w = verslag.read_xml(xml)
    assert [t.speaker.label for t in w.turns if t.speaker.label] == [t.speaker.label for t in v.turns if t.speaker.label]


@settings(max_examples=max(25, _default_examples()))
@given(strategies.verslagen(comma_offices=False, structure=False))
def test_generated_reports_survive_the_xml_round_trip(v: verslag.Verslag) -> None:
    structure.analyze(v)
    xml = verslag.write_xml(v)
    w = verslag.read_xml(xml)
    assert verslag.compare(v, w) == []
    assert verslag.write_xml(w) == xml


@settings(max_examples=max(25, _default_examples()))
@given(strategies.verslagen(comma_offices=False, structure=False), st.data())
def test_generated_reports_keep_a_commitment_status_set_by_hand(v: verslag.Verslag, data: st.DataObject) -> None:
    """Any commitment's status set to any value reads back from the written XML."""
    structure.analyze(v)
    event("commitments" if v.commitments else "no commitments")
    if not v.commitments:
        return
    i = data.draw(st.integers(0, len(v.commitments) - 1))
    v.commitments[i].status = data.draw(st.sampled_from(list(CommitmentStatus)))
    w = verslag.read_xml(verslag.write_xml(v))
    assert verslag.compare(v, w) == []


def _first_member(v: verslag.Verslag) -> int | None:
    return next((i for i, t in enumerate(v.turns) if t.speaker.party), None)


#: Edits of a report not read from XML: (name, make it (False: nothing to edit), what reading back must show).
EDITS: list[tuple[str, Callable[[verslag.Verslag], bool], Callable[[verslag.Verslag, verslag.Verslag], bool]]] = [
    ("party", lambda v: (k := _first_member(v)) is not None and not setattr(v.turns[k].speaker, "party", "XYZ"),
     lambda v, r: r.turns[_first_member(v) or 0].speaker.party == "XYZ"),
    ("date", lambda v: v.meta.date is not None and not setattr(v.meta, "date", dt.date(2001, 2, 3)),
     lambda _v, r: r.meta.date == dt.date(2001, 2, 3)),
    ("clerk", lambda v: not setattr(v.meta, "clerk", "Jansen"), lambda _v, r: r.meta.clerk == "Jansen"),
    ("status", lambda v: bool(v.commitments) and not setattr(v.commitments[-1], "status", CommitmentStatus.ADDED),
     lambda _v, r: r.commitments[-1].status is CommitmentStatus.ADDED),
    ("suspension", lambda v: bool(v.suspensions) and not setattr(v.suspensions[0], "end", dt.time(23, 59)),
     lambda _v, r: r.suspensions[0].end == dt.time(23, 59)),
]


@settings(max_examples=max(25, _default_examples()))
@given(strategies.verslagen(comma_offices=False, structure=False), st.sampled_from(EDITS))
def test_an_edit_of_a_report_not_read_from_xml_is_written_or_refused(
    v: verslag.Verslag, edit: tuple[str, Callable[[verslag.Verslag], bool], Callable[[verslag.Verslag, verslag.Verslag], bool]],
) -> None:
    """write_xml never gives a document that reads back without the edit: it writes it or raises."""
    structure.analyze(v)
    name, make, shows = edit
    if not make(v):
        return
    try:
        out = verslag.write_xml(v)
    except verslag.RoundTripError:
        event(f"{name}: refused")
        return
    event(f"{name}: written")
    assert shows(v, verslag.read_xml(out)), name


def test_label_led_report_edits(from_text: tuple[verslag.Verslag, bytes]) -> None:
    _v, xml = from_text
    w = verslag.read_xml(xml)
    n = len(w.turns)
    removed = w.turns.pop(3)
    w.turns[0].paragraphs[0] = w.turns[0].paragraphs[0].replace("Heel hartelijk welkom", "Welkom")
    w.turns.insert(1, Turn(speaker=Speaker(label="Mevrouw Buitenweg (GroenLinks)", name="Buitenweg", party="GroenLinks",
                                           role=Role.MEMBER, prefix="Mevrouw"), paragraphs=["Een vraag."]))
    out = verslag.write_xml(w)
    r = verslag.read_xml(out)
    assert len(r.turns) == n
    assert r.turns[0].paragraphs[0].startswith("Welkom bij dit algemeen overleg")
    assert (r.turns[1].speaker.label, r.turns[1].paragraphs) == ("Mevrouw Buitenweg (GroenLinks)", ["Een vraag."])
    assert [t.speaker.label for t in r.turns[2:]] == [t.speaker.label for t in w.turns[2:]]
    # only those places changed: removing the edits from the output gives the input back
    assert b"<al>Welkom bij dit algemeen overleg" in out and removed.paragraphs[0].encode() not in out
    assert out.count(b"\r\n") == xml.count(b"\r\n") + 2 - 1 - len(removed.paragraphs)


# --- every edit is written back or refused, never dropped ----------------------------------------

#: A new value for every Meta field.
META_VALUES: dict[str, object] = {
    "dossier": "36600", "number": "12", "year": "2030-2031", "kind": "notaoverleg", "title": "Iets anders",
    "date": dt.date(2019, 1, 2), "committees": ["vaste commissie voor Financiën"], "chair": "Van Dam",
    "clerk": "Nieuwenhuis", "members_present": ["Agema"], "members_count": 3,
    "government": [GovernmentMember(name="Hoekstra", office="Minister van Financiën")],
    "agenda": [AgendaItem(text="de brief")], "signatories": [Signatory(function="De voorzitter", name="X")],
    "start": dt.time(9, 30), "end": dt.time(23, 0), "identifier": "h-tk-20302031-1-1",
}  # fmt: skip

Edit = tuple[str, Callable[[verslag.Verslag], None], Callable[[verslag.Verslag], object]]


def _edits(v: verslag.Verslag) -> list[Edit]:
    """(field, how to edit it, how to read it) for every kind of edit a user can make."""
    out: list[Edit] = []
    assert set(META_VALUES) == set(verslag.Meta.model_fields)
    for f, value in META_VALUES.items():
        out.append((f"meta.{f}", lambda w, f=f, value=value: setattr(w.meta, f, value),
                    lambda w, f=f: getattr(w.meta, f)))
    member = next(i for i, t in enumerate(v.turns) if t.speaker.role is Role.MEMBER)
    chair = next(i for i, t in enumerate(v.turns) if t.speaker.role is Role.CHAIR)
    for k in (member, chair):
        for f, value in (("label", "Mevrouw Iemand"), ("name", "Jansen"), ("party", "SP"), ("role", Role.MINISTER),
                         ("prefix", "Mevrouw"), ("office", "Minister van Financiën")):
            out.append((f"turns[{k}].speaker.{f}", lambda w, k=k, f=f, value=value: setattr(w.turns[k].speaker, f, value),
                        lambda w, k=k, f=f: getattr(w.turns[k].speaker, f)))
        out.append((f"turns[{k}].paragraphs[0]",
                    lambda w, k=k: w.turns[k].paragraphs.__setitem__(0, "Een nieuwe zin."),
                    lambda w, k=k: w.turns[k].paragraphs[0]))
        out.append((f"turns[{k}].phase", lambda w, k=k: setattr(w.turns[k], "phase", Phase.CLOSING),
                    lambda w, k=k: w.turns[k].phase))
    lists: dict[str, object] = {
        "interruptions": verslag.Interruption(interrupter="A", host="B", turns=[member]),
        "candidates": verslag.CommitmentCandidate(text="Ik stuur een brief.", turn=member),
        "front_matter": Block(text="Iets"), "closing": Block(text="Sluiting 23.00 uur."),
        "unparsed": verslag.Unparsed(text="los"), "furniture": Furniture(kind="footer", text="x", line=1),
        "chair_changes": ChairChange(name="Van Dam", text="Voorzitter: Van Dam", after_turn=member),
        "suspensions": verslag.Suspension(text="De vergadering wordt geschorst.", after_turn=len(v.turns) - 1),
    }
    for f, item in lists.items():
        out.append((f, lambda w, f=f, item=item: getattr(w, f).append(item),
                    lambda w, f=f: [x.model_dump(exclude={"lines"}) for x in getattr(w, f)]))
        if getattr(v, f):
            out.append((f, lambda w, f=f: getattr(w, f).pop(0),
                        lambda w, f=f: [x.model_dump(exclude={"lines"}) for x in getattr(w, f)]))
    for i, c in enumerate(v.commitments[:3]):
        for f, value in (("status", next(s for s in CommitmentStatus if s != c.status)), ("by", "Knops"),
                         ("to", None), ("deadline", verslag.Deadline(text="voor de zomer")), ("amendment", "iets"),
                         ("text", "Een andere toezegging.")):
            out.append((f"commitments[{i}].{f}", lambda w, i=i, f=f, value=value: setattr(w.commitments[i], f, value),
                        lambda w, i=i, f=f: getattr(w.commitments[i], f)))
    return out


def _written_or_refused(data: bytes) -> tuple[int, int]:
    written = refused = 0
    v = verslag.read_xml(data)
    for field, edit, get in _edits(v):
        w = v.model_copy(deep=True)  # PERF: a copy keeps what was read (v is never written)
        edit(w)
        want = get(w)
        try:
            out = verslag.write_xml(w)
        except verslag.RoundTripError as e:
            assert field.split("[")[0] in str(e), (field, str(e))
            assert e.line >= 1 and e.column >= 1
            refused += 1
            continue
        if want == get(v):
            assert out == data, field  # no change: the same bytes
            continue
        assert out != data, f"{field}: edited, and the bytes did not change"
        assert get(verslag.read_xml(out)) == want, f"{field}: written, but not read back"
        written += 1
    return written, refused


def test_every_edit_of_a_handelingen_item_is_written_or_refused() -> None:
    written, refused = _written_or_refused(VAO)
    assert written >= 10 and refused >= 10


def test_every_edit_of_a_label_led_report_is_written_or_refused(from_text: tuple[verslag.Verslag, bytes]) -> None:
    written, refused = _written_or_refused(from_text[1])
    assert written >= 20 and refused >= 10


def test_every_edit_of_an_opening_item_is_written_or_refused() -> None:
    data = (FIXTURES / "h-tk-20172018-50-1.xml").read_bytes()
    v = verslag.read_xml(data)
    for f, value in META_VALUES.items():
        w = verslag.read_xml(data)
        setattr(w.meta, f, value)
        try:
            out = verslag.write_xml(w)
        except verslag.RoundTripError as e:
            assert f"meta.{f}" in str(e)
            continue
        assert getattr(verslag.read_xml(out).meta, f) == value or getattr(v.meta, f) == value, f


# --- the edits the issue names, as byte diffs ------------------------------------------------------


def _without(out: bytes, piece: bytes) -> bytes:
    """``out`` with one occurrence of ``piece`` taken out (it must be there)."""
    assert out.count(piece) == 1, piece
    return out.replace(piece, b"", 1)


@pytest.mark.parametrize("status", list(CommitmentStatus))
def test_commitment_status_is_written_as_an_enrichment(status: CommitmentStatus,
                                                        from_text: tuple[verslag.Verslag, bytes]) -> None:
    _v, xml = from_text
    w = verslag.read_xml(xml)
    k = next(i for i, c in enumerate(w.commitments) if c.status is CommitmentStatus.LISTED)
    item = w.commitments[k]
    w.commitments[k].status = status
    out = verslag.write_xml(w)
    if status is CommitmentStatus.LISTED:
        assert out == xml  # nothing changed: the same bytes
        return
    pi = f'<?verslag toezegging status="{status}"?>'.encode()
    # only the instruction and the indentation after it, on its own line before the item's paragraph
    assert _without(out, pi + b"\r\n            ") == xml
    after = out[out.index(pi) + len(pi) :].split(b"</al>", 1)[0].decode()
    assert after.startswith("\r\n            <al>") and item.text.split()[2] in after
    r = verslag.read_xml(out)
    assert r.commitments[k].status is status and verslag.compare(w, r) == []
    assert verslag.write_xml(r) == out
    r.commitments[k].status = CommitmentStatus.LISTED  # back to what the text says: the instruction goes
    assert verslag.write_xml(r) == xml


def test_commitment_fields_in_one_enrichment_and_a_second_edit(from_text: tuple[verslag.Verslag, bytes]) -> None:
    _v, xml = from_text
    w = verslag.read_xml(xml)
    w.commitments[0].by, w.commitments[0].to = None, "Moorlag"
    w.commitments[0].deadline = verslag.Deadline(text="voor de zomer", date=dt.date(2020, 6, 20),
                                                 precision=verslag.Precision.SEASON)
    w.commitments[0].amendment = 'met "aanhalingstekens" & <haken>'
    out = verslag.write_xml(w)
    pi = (b'<?verslag toezegging by="" to="Moorlag" deadline="voor de zomer" deadline-date="2020-06-20" '
          b'deadline-precision="season" amendment="met &quot;aanhalingstekens&quot; &amp; &lt;haken&gt;"?>')
    assert _without(out, pi + b"\r\n            ") == xml
    r = verslag.read_xml(out)
    assert verslag.compare(w, r) == []
    r.commitments[0].to = "Verhoeven"  # a second edit changes the instruction in place
    out2 = verslag.write_xml(r)
    assert out2 == out.replace(b'to="Moorlag"', b'to="Verhoeven"', 1)
    assert verslag.compare(r, verslag.read_xml(out2)) == []
    r.commitments[0].to = verslag.read_xml(xml).commitments[0].to  # as the text says: the field goes
    assert verslag.write_xml(r) == out.replace(b' to="Moorlag"', b"", 1)


def test_a_broken_enrichment_is_reported_not_applied(from_text: tuple[verslag.Verslag, bytes]) -> None:
    _v, xml = from_text
    w = verslag.read_xml(xml)
    w.commitments[0].status = CommitmentStatus.WITHDRAWN
    out = verslag.write_xml(w)
    for bad in (b'status="vergeten"', b'n="9" status="withdrawn"', b'deadline="x" deadline-date="morgen"'):
        r = verslag.read_xml(out.replace(b'status="withdrawn"', bad, 1))
        assert r.commitments == verslag.read_xml(xml).commitments
        assert any(d.code == "V501" and d.line > 1 for d in r.diagnostics)
    # an instruction before a paragraph that is no item names no commitment
    first = xml.index(b"<al>De voorzitter:</al>")
    r = verslag.read_xml(xml[:first] + b'<?verslag toezegging status="added"?>' + xml[first:])
    assert r.commitments == verslag.read_xml(xml).commitments and any(d.code == "V501" for d in r.diagnostics)


def test_meta_date_and_chair_change_their_paragraphs() -> None:
    data = (FIXTURES / "h-tk-20172018-50-1.xml").read_bytes()
    v = verslag.read_xml(data)
    v.meta.date, v.meta.chair = dt.date(2018, 2, 13), "Van der Lee"
    out = verslag.write_xml(v)
    # the weekday follows the date; the chair's name changes inside its <nadruk>
    want = data.replace(b"<vergaderdatum>Donderdag 8 februari 2018<", b"<vergaderdatum>Dinsdag 13 februari 2018<")
    assert out == want.replace(b'<nadruk type="vet">Voorzitter: Arib<', b'<nadruk type="vet">Voorzitter: Van der Lee<')
    r = verslag.read_xml(out)
    assert (r.meta.date, r.meta.chair) == (dt.date(2018, 2, 13), "Van der Lee") and verslag.compare(v, r) == []


def test_meta_date_of_a_kamerstuk_changes_the_datum_element() -> None:
    data = (FIXTURES / "opendata" / "kst-24515-782.xml").read_bytes()
    v = verslag.read_xml(data)
    v.meta.date = dt.date(2025, 3, 1)
    out = verslag.write_xml(v)
    # the separator as written: '6\u00a0februari 2025' (a no-break space) → '1\u00a0maart 2025'
    assert out == data.replace('<datum isodatum="2025-02-06">6\u00a0februari 2025</datum>'.encode(),
                               '<datum isodatum="2025-03-01">1\u00a0maart 2025</datum>'.encode())
    assert verslag.read_xml(out).meta.date == dt.date(2025, 3, 1)


def test_meta_date_and_chair_of_a_label_led_report(from_text: tuple[verslag.Verslag, bytes]) -> None:
    _v, xml = from_text
    w = verslag.read_xml(xml)
    w.meta.date, w.meta.chair = dt.date(2020, 3, 12), "Van Dam"
    out = verslag.write_xml(w)
    assert out == xml.replace(b"hebben op 11 maart 2020 overleg", b"hebben op 12 maart 2020 overleg", 1).replace(
        b"<al>Voorzitter: Diks</al>", b"<al>Voorzitter: Van Dam</al>", 1)
    r = verslag.read_xml(out)
    assert (r.meta.date, r.meta.chair) == (dt.date(2020, 3, 12), "Van Dam")
    # the chair's turns name the chair of 'Voorzitter: X' on reading
    assert {t.speaker.name for t in r.turns if t.speaker.role is Role.CHAIR} == {"Van Dam"}


def test_suspension_removed_and_added_in_handelingen() -> None:
    v = verslag.read_xml(VAO)
    gone = v.suspensions.pop(0)
    out = verslag.write_xml(v)
    lines = VAO.split(b"\r\n")
    a, b = gone.lines
    assert out == b"\r\n".join(lines[: a - 1] + lines[b:])  # its bare <tekst>, with its lines
    assert verslag.read_xml(out).suspensions == []
    v.suspensions.append(gone)
    assert verslag.write_xml(v) == VAO  # put back where it was: the input
    new = verslag.Suspension(text="De vergadering wordt van 12.00 uur tot 12.30 uur geschorst.",
                             start=dt.time(12), end=dt.time(12, 30), after_turn=3)
    v.suspensions.insert(0, new)
    out = verslag.write_xml(v)
    block = (b'\r\n      <tekst status="goed">\r\n        <al-groep>\r\n          <al>De vergadering wordt van 12.00 '
             b"uur tot 12.30 uur geschorst.</al>\r\n        </al-groep>\r\n      </tekst>")
    assert _without(out, block) == VAO
    r = verslag.read_xml(out)
    assert [s.model_dump(exclude={"lines"}) for s in r.suspensions] == [
        s.model_dump(exclude={"lines"}) for s in v.suspensions]
    assert out.index(block) > out.index(v.turns[3].paragraphs[-1].encode())


def test_suspension_removed_and_added_in_a_label_led_report(from_text: tuple[verslag.Verslag, bytes]) -> None:
    _v, xml = from_text
    w = verslag.read_xml(xml)
    gone = w.suspensions.pop(0)
    out = verslag.write_xml(w)
    assert out == _without(xml, b"\r\n            <al>" + gone.text.encode() + b"</al>")
    w.suspensions.append(gone.model_copy(update={"after_turn": 5}))
    out = verslag.write_xml(w)
    assert _without(out, b"\r\n            <al>" + gone.text.encode() + b"</al>") == _without(
        xml, b"\r\n            <al>" + gone.text.encode() + b"</al>")
    r = verslag.read_xml(out)
    assert r.suspensions[0].after_turn == 5 and r.suspensions[0].text == gone.text


def test_an_added_suspension_must_read_back_as_one() -> None:
    v = verslag.read_xml(VAO)
    v.suspensions.append(verslag.Suspension(text="Even pauze.", after_turn=3))
    with pytest.raises(verslag.RoundTripError, match=r"suspensions\[1\]\.text"):
        verslag.write_xml(v)
    v.suspensions[-1] = verslag.Suspension(text="De vergadering wordt geschorst.", kind="short", after_turn=3)
    with pytest.raises(verslag.RoundTripError, match=r"suspensions\[1\]\.kind"):
        verslag.write_xml(v)


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda v: setattr(v.meta, "clerk", "Nava"), "meta.clerk"),
        (lambda v: setattr(v.meta, "date", dt.date(2018, 1, 1)), "meta.date"),  # no paragraph states it
        (lambda v: v.interruptions.pop(0), "interruptions[0]"),
        (lambda v: setattr(v.turns[1], "phase", Phase.CLOSING), "turns[1].phase"),
        (lambda v: setattr(v.front_matter[0], "text", "Iets"), "front_matter[0]"),
        (lambda v: setattr(v.turns[0].speaker, "name", "Arib"), "turns[0].speaker.name"),  # a chair's name
        (lambda v: setattr(v.turns[1].speaker, "role", Role.MINISTER), "turns[1].speaker.role"),
        (lambda v: setattr(v.turns[1].speaker, "label", "Mevrouw X"), "turns[1].speaker.label"),
    ],
)
def test_an_edit_that_cannot_be_written_names_the_field(edit: Callable[[verslag.Verslag], object], field: str) -> None:
    v = verslag.read_xml(VAO)
    edit(v)
    with pytest.raises(verslag.RoundTripError) as e:
        verslag.write_xml(v)
    assert str(e.value).startswith(field + " cannot be written to OB XML") and e.value.line >= 1


def test_derived_structure_analysed_again_is_accepted(from_text: tuple[verslag.Verslag, bytes]) -> None:
    _v, xml = from_text
    w = verslag.read_xml(xml)
    w.turns.pop(10)
    structure.analyze(w)  # phases, interruptions and commitments follow the edited turns
    w.commitments[0].status = CommitmentStatus.WITHDRAWN
    r = verslag.read_xml(verslag.write_xml(w))
    assert [t.phase for t in r.turns] == [t.phase for t in w.turns]
    assert r.interruptions == w.interruptions and r.commitments == w.commitments


def test_a_bare_turn_that_would_become_front_matter_is_refused() -> None:
    """Turn 0 of h-tk-20172018-61-10 removed: the bare <tekst> after turn 1 is not first, all is well;
    turns 0 and 1 removed: the bare 'Gaat u verder.' would come first and read back as front matter."""
    v = verslag.read_xml(VAO)
    assert v.turns[2].speaker.label == ""
    w = v.model_copy(deep=True)
    del w.turns[0]
    assert [t.speaker.label for t in verslag.read_xml(verslag.write_xml(w)).turns] == [t.speaker.label for t in w.turns]
    del w.turns[0]
    with pytest.raises(verslag.RoundTripError, match=r"turns\[0\] .*reads back as front matter") as e:
        verslag.write_xml(w)
    assert e.value.line > 1
