from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import verslag
from _factory import FIXTURE, make_verslag, parsed_fixture
from verslag.strategies import verslagen
from verslag.tei import XML_INVALID_RE, speech_links, to_tei

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: What ParlaMint(-NL) calls each role: members are regular speakers; the chair is the chair; anyone who is not
#: a member of the Tweede Kamer, bewindspersonen included, is a guest.
EXPECTED_TYPE = {
    verslag.Role.CHAIR: "#chair",
    verslag.Role.MEMBER: "#regular",
    verslag.Role.MINISTER: "#guest",
    verslag.Role.STATE_SECRETARY: "#guest",
    verslag.Role.OTHER: "#guest",
}
#: Attributes that point at an xml:id in the document.
POINTERS = ("who", "ana", "ref", "corresp", "next", "prev")


def _a(e: etree._Element | None, name: str) -> str:
    """An attribute that must be there."""
    assert e is not None
    value = e.get(name)
    assert value is not None, f"{e.tag} has no @{name}"
    return value


def _tree(v: verslag.Verslag) -> etree._Element:
    data = to_tei(v)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    return etree.fromstring(data)


def _check_document(v: verslag.Verslag, root: etree._Element) -> None:
    """The invariants every export must keep, whatever the report."""
    assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    us = root.findall(".//t:u", NS)
    assert len(us) == len(v.turns)
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID) is not None]
    assert len(ids) == len(set(ids)), "xml:id values must be unique"
    persons = {p.get(XML_ID) for p in root.findall(".//t:particDesc/t:listPerson/t:person", NS)}
    categories = {c.get(XML_ID) for c in root.findall(".//t:taxonomy/t:category", NS)}
    orgs = {o.get(XML_ID) for o in root.findall(".//t:listOrg/t:org", NS)}
    interrupters = {i for it in v.interruptions for i in it.turns
                    if 0 <= i < len(v.turns) and v.turns[i].speaker.name == it.interrupter
                    and v.turns[i].speaker.role is not verslag.Role.CHAIR}
    for i, (u, t) in enumerate(zip(us, v.turns, strict=True)):
        assert _a(u, "who")[1:] in persons
        ana = _a(u, "ana").split()
        assert ana[0] == EXPECTED_TYPE[t.speaker.role], (i, t.speaker.label, ana)
        assert ana[1:] == (["#interrupting"] if i in interrupters else []), (i, ana)
        assert all(a[1:] in categories for a in ana)
        assert [s.text or "" for s in u.findall("t:seg", NS)] == [XML_INVALID_RE.sub("", p) for p in t.paragraphs]
        label = u.getprevious()
        assert label is not None and str(label.tag).endswith("note")
        assert label.get("type") == "speaker" and (label.text or "") == XML_INVALID_RE.sub("", t.speaker.label)
    for aff in root.findall(".//t:affiliation", NS):
        assert _a(aff, "ref")[1:] in orgs
    for div in root.findall(".//t:body/t:div", NS):
        assert div.get("type") == "debateSection"
        if div.get("ana"):
            assert _a(div, "ana")[1:] in categories
    by_id = {u.get(XML_ID): u for u in us}
    for u in us:
        if u.get("next"):
            other = by_id[_a(u, "next")[1:]]
            assert other.get("prev") == "#" + _a(u, XML_ID)
            assert other.get("who") == u.get("who")
    assert len(root.findall(".//t:incident[@type='break']", NS)) == len(v.suspensions)
    # Every pointer resolves inside the document (ParlaMint would resolve them in the corpus root).
    all_ids = set(ids)
    for e in root.iter():
        for att in POINTERS:
            for ref in (e.get(att) or "").split():
                assert ref.startswith("#") and ref[1:] in all_ids, f"{e.tag} @{att}={ref} points nowhere"
    # ParlaMint's order of organisations: the government first, then the parliament.
    assert [o.get("role") for o in root.findall(".//t:listOrg/t:org", NS)][:2] == ["government", "parliament"]


def test_structure_and_invariants() -> None:
    v = make_verslag()
    root = _tree(v)
    _check_document(v, root)
    assert root.get(XML_ID) == "kst-12345-67"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"


def test_roles_map_to_parlamint_speaker_types() -> None:
    v = make_verslag()
    us = _tree(v).findall(".//t:u", NS)
    assert [u.get("ana") for u in us[:3]] == ["#chair", "#regular", "#chair"]
    # Bewindspersonen are not members of the Tweede Kamer: guests, as ParlaMint-NL marks 'Minister Jetten'.
    assert us[8].get("ana") == "#guest"  # Minister De Vries
    assert us[12].get("ana") == "#guest"  # Staatssecretaris Smit
    v.turns[7].speaker.role = verslag.Role.OTHER
    assert _tree(v).findall(".//t:u", NS)[7].get("ana") == "#guest"


def test_the_interrupter_is_marked_interrupting_the_floor_holder_is_not() -> None:
    v = make_verslag()
    us = _tree(v).findall(".//t:u", NS)
    # Turn 3: Van Dijk interrupts Bakker; turn 4: Bakker answers inside the exchange; 9: Bakker interrupts the minister.
    assert us[3].get("ana") == "#regular #interrupting"
    assert us[4].get("ana") == "#regular"
    assert us[9].get("ana") == "#regular #interrupting"
    assert us[10].get("ana") == "#guest"
    assert sum("#interrupting" in (u.get("ana") or "") for u in us) == 2


def test_header_lists_persons_with_party_and_office() -> None:
    root = _tree(make_verslag())
    persons = {p.get(XML_ID): p for p in root.findall(".//t:listPerson/t:person", NS)}
    assert set(persons) == {"Jansen", "Bakker", "VanDijk", "DeVries", "Smit"}
    assert persons["VanDijk"].findtext("t:persName/t:surname", namespaces=NS) == "Van Dijk"
    refs = [a.get("ref") for a in persons["Bakker"].findall("t:affiliation", NS)]
    assert refs == ["#TK", "#party.D66"]
    # ParlaMint-NL: a minister is 'minister' and 'member' of the government, the office as roleName; no TK.
    gov, member = persons["DeVries"].findall("t:affiliation", NS)
    assert (gov.get("role"), gov.get("ref"), member.get("role"), member.get("ref")) == (
        "minister", "#GOV", "member", "#GOV")
    assert gov.findtext("t:roleName", namespaces=NS) == "Minister van Justitie en Veiligheid"
    ss, _ = persons["Smit"].findall("t:affiliation", NS)
    assert (ss.get("role"), ss.get("ref")) == ("secretaryOfState", "#GOV")
    orgs = [(o.get("role"), o.get(XML_ID)) for o in root.findall(".//t:listOrg/t:org", NS)]
    assert orgs[:3] == [("government", "GOV"), ("parliament", "TK"), ("committee", "committee.1")]
    parties = [o.findtext("t:orgName", namespaces=NS) for o in root.findall(".//t:org[@role='parliamentaryGroup']", NS)]
    assert parties == ["D66", "GroenLinks"]
    assert root.findtext(".//t:sourceDesc/t:bibl/t:date", namespaces=NS) == "2020-03-11"


def test_phases_are_sections_and_procedure_is_notes() -> None:
    root = _tree(make_verslag())
    divs = root.findall(".//t:body/t:div", NS)
    assert [d.get("ana") for d in divs] == [
        "#phase.opening", "#phase.members_first_term", "#phase.government_first_term", "#phase.members_second_term",
        "#phase.government_second_term", "#phase.commitments", "#phase.closing"]
    start = root.find(".//t:note[@type='time']", NS)
    assert start is not None and "".join(start.itertext()) == "Aanvang 16.04 uur."
    # ParlaMint: a time's value carries the date as well.
    assert _a(start.find("t:time", NS), "when") == "2020-03-11T16:04:00"
    assert root.findtext(".//t:note[@type='chair']", namespaces=NS) == "Voorzitter: Bakker"
    (inc,) = root.findall(".//t:incident", NS)
    time = inc.find("t:desc/t:time", NS)
    assert (_a(time, "from"), _a(time, "to")) == ("2020-03-11T17:25:00", "2020-03-11T17:42:00")
    # The suspension comes right after the 8th utterance.
    assert _a(inc.getprevious(), XML_ID) == "kst-12345-67.u8"
    v = make_verslag()
    v.meta.date = None  # no date: the time alone
    undated = _tree(v).find(".//t:incident/t:desc/t:time", NS)
    assert (_a(undated, "from"), _a(undated, "to")) == ("17:25:00", "17:42:00")


def test_interrupted_speeches_are_linked_with_prev_and_next() -> None:
    v = make_verslag()
    assert speech_links(v) == [(1, 5), (8, 11)]
    us = _tree(v).findall(".//t:u", NS)
    assert us[1].get("next") == "#kst-12345-67.u6" and us[5].get("prev") == "#kst-12345-67.u2"
    assert us[8].get("next") == "#kst-12345-67.u12" and us[11].get("prev") == "#kst-12345-67.u9"
    assert sum(1 for u in us if u.get("next")) == 2


def test_a_speech_interrupted_twice_is_one_chain() -> None:
    v = make_verslag()
    # Turns 3-4: Van Dijk and Bakker; make turn 5 a second interruption by Van Dijk and add Bakker after it.
    extra = v.turns[5].model_copy(update={"paragraphs": ["En dan verder."]})
    v.turns.insert(6, extra)
    v.turns[5] = v.turns[3].model_copy()
    v.interruptions[0].turns = [3, 4]
    v.interruptions.insert(1, verslag.Interruption(interrupter="Van Dijk", host="Bakker", turns=[5]))
    v.interruptions[2].turns = [10, 11]
    v.suspensions[0].after_turn = 8
    v.chair_changes[0].after_turn = 13
    assert (1, 6) in speech_links(v)
    _check_document(v, _tree(v))


def test_exchange_without_the_floor_holder_on_both_sides_gives_no_link() -> None:
    v = make_verslag()
    v.interruptions = [verslag.Interruption(interrupter="Bakker", host="Smit", turns=[9])]
    assert speech_links(v) == []


def test_control_characters_and_odd_names_stay_well_formed() -> None:
    v = make_verslag()
    v.turns[1].paragraphs = ["NUL\x00 form\x0cfeed & <tag> ]]> \ud800"]
    v.turns[3].speaker.name = "'t Hoen-Çelik"
    v.turns[3].speaker.party = "50PLUS"
    root = _tree(v)
    _check_document(v, root)
    seg = root.findall(".//t:u", NS)[1].find("t:seg", NS)
    assert seg is not None and seg.text == "NUL form" "feed & <tag> ]]> "
    assert root.findall(".//t:u", NS)[3].get("who") == "#tHoen-Celik"
    assert root.find(".//t:org[@role='parliamentaryGroup']", NS) is not None


def test_names_that_collide_with_fixed_ids_get_their_own() -> None:
    v = make_verslag()
    v.turns[3].speaker.name = "TK"
    v.turns[7].speaker.name = "Chair"
    root = _tree(v)
    _check_document(v, root)
    assert root.findall(".//t:u", NS)[3].get("who") == "#TK.2"


def test_an_empty_report_is_a_valid_document() -> None:
    root = _tree(verslag.Verslag())
    assert root.findall(".//t:u", NS) == []
    assert root.find(".//t:body/t:div", NS) is not None


def test_not_a_verslag() -> None:
    with pytest.raises(verslag.InputError):
        to_tei(b"<TEI/>")  # type: ignore[arg-type]


def test_fixture_tei_is_well_formed_with_one_u_per_turn() -> None:
    v = parsed_fixture()
    root = _tree(v)
    _check_document(v, root)
    assert len(root.findall(".//t:u", NS)) == len(v.turns) > 100
    persons = {p.findtext("t:persName/t:surname", namespaces=NS) for p in root.findall(".//t:person", NS)}
    assert {"Diks", "Verhoeven", "Van Otterloo", "Grapperhaus", "Keijzer", "Knops"} <= persons


def test_cli_tei() -> None:
    r = subprocess.run([sys.executable, "-m", "verslag", "parse", str(FIXTURE), "--format", "tei"],
                       capture_output=True, timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    root = etree.fromstring(r.stdout)
    assert len(root.findall(".//t:u", NS)) == len(parsed_fixture().turns)


@given(verslagen())
def test_generated_reports_give_valid_documents(v: verslag.Verslag) -> None:
    _check_document(v, _tree(v))


@given(st.lists(st.text(max_size=40), min_size=1, max_size=4), st.text(max_size=20))
def test_any_text_gives_a_well_formed_document(paragraphs: list[str], name: str) -> None:
    v = make_verslag()
    v.turns[3].paragraphs = paragraphs
    v.turns[3].speaker.name = name
    v.turns[3].speaker.label = name
    _check_document(v, _tree(v))
