"""Reading OB XML: Handelingen turns from <spreekbeurt> markup, Kamerstuk meta, the label-led variant."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import verslag
from verslag import Role

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "xml"
HANDELINGEN = sorted(FIXTURES.glob("h-*.xml")) + sorted((FIXTURES / "printed").glob("*.xml"))


def squash(s: str | None) -> str:
    return " ".join((s or "").split())


@pytest.mark.parametrize("path", HANDELINGEN, ids=lambda p: p.name)
def test_handelingen_speakers_follow_the_spreker_markup(path: Path) -> None:
    data = path.read_bytes()
    root = etree.fromstring(data)
    want = []
    for sb in root.iter("spreekbeurt"):
        sp: Any = sb.find("spreker")
        name = squash("".join(sp.find("naam").itertext()))
        pol = sp.find("politiek")
        want.append(("chair" if name.lower() == "voorzitter" else name, squash(pol.text) if pol is not None else None))
    v = verslag.read_xml(data)
    got = [
        ("chair" if t.speaker.role is Role.CHAIR else t.speaker.name, t.speaker.party)
        for t in v.turns
        if t.speaker.label
    ]
    assert got == want
    assert v.source_format == "ob-xml"


def test_handelingen_labels_roles_and_lines() -> None:
    v = verslag.read_xml((FIXTURES / "h-tk-20172018-61-10.xml").read_bytes())
    t0, t1 = v.turns[0], v.turns[1]
    assert (t0.speaker.label, t0.speaker.role, t0.speaker.prefix) == ("De voorzitter", Role.CHAIR, "De")
    assert (t1.speaker.label, t1.speaker.name, t1.speaker.party) == ("De heer Wörsdörfer (VVD)", "Wörsdörfer", "VVD")
    assert t1.paragraphs[0].startswith("Dank u wel, voorzitter. Veel mkb-ondernemers")
    # the motion read out in the turn is part of its text
    assert "De Kamer," in t1.paragraphs and "en gaat over tot de orde van de dag." in t1.paragraphs
    assert t1.lines == (27, 62)
    lines = (FIXTURES / "h-tk-20172018-61-10.xml").read_bytes().split(b"\n")
    first, _last = t1.paragraph_lines[0]
    assert b"Dank u wel, voorzitter. Veel mkb" in lines[first - 1]
    keijzer = next(t for t in v.turns if t.speaker.name == "Keijzer")
    assert (keijzer.speaker.label, keijzer.speaker.role, keijzer.speaker.party) == (
        "Staatssecretaris Keijzer", Role.STATE_SECRETARY, None)


def test_bare_tekst_becomes_an_unlabelled_turn_or_a_suspension() -> None:
    v = verslag.read_xml((FIXTURES / "h-tk-20172018-61-10.xml").read_bytes())
    bare = [t for t in v.turns if not t.speaker.label]
    assert bare[0].paragraphs == ["Gaat u verder."]
    assert all(t.speaker.role is Role.OTHER for t in bare)
    assert [s.text for s in v.suspensions] == ["De vergadering wordt enkele ogenblikken geschorst."]
    assert v.suspensions[0].kind == "short"
    s = v.suspensions[0]
    assert v.turns[s.after_turn].lines[1] < s.lines[0]


def test_opening_item_gives_the_meta() -> None:
    v = verslag.read_xml((FIXTURES / "h-tk-20172018-50-1.xml").read_bytes())
    m = v.meta
    assert (m.chair, m.members_count, m.date, m.start) == ("Arib", 142, dt.date(2018, 2, 8), dt.time(10, 15))
    assert (m.identifier, m.year) == ("h-tk-20172018-50-1", "2017-2018")
    assert "Wörsdörfer" in m.members_present and "Yeşilgöz-Zegerius" in m.members_present
    assert {g.name for g in m.government} >= {"Grapperhaus", "Hoekstra"}
    assert not v.turns


def test_indentation_inside_mixed_content_is_not_text() -> None:
    # <al>\n <nadruk>... (</nadruk>\n <extref>\n <nadruk>35590</nadruk>\n </extref>\n <nadruk>).</nadruk> </al>
    data = (FIXTURES / "printed" / "h-tk-20202021-15-14.xml").read_bytes()[:-1]
    v = verslag.read_xml(data)
    assert any("(Tijdelijke wet verkiezingen covid-19) (35590)." in b.text for b in v.front_matter)


def test_kamerstuk_meta_in_both_serializations() -> None:
    v = verslag.read_xml((FIXTURES / "opendata" / "kst-34104-439.xml").read_bytes())
    m = v.meta
    assert (m.dossier, m.number, m.year, m.identifier) == ("34104", "439", "2024-2025", "kst-34104-439")
    assert m.title == "MOTIE VAN HET LID RIKKERS-OOSTERKAMP" and m.date == dt.date(2025, 4, 24)
    # the datumtekst is printed first, then the motion's paragraphs
    assert [b.text for b in v.front_matter][:3] == ["Voorgesteld 24 april 2025", "De Kamer,", "gehoord de beraadslaging,"]
    assert not v.turns and not v.diagnostics
    w = verslag.read_xml((FIXTURES / "opendata" / "kst-24515-782.xml").read_bytes())
    assert (w.meta.dossier, w.meta.number, w.meta.identifier) == ("24515", "782", "kst-24515-782")


VERBATIM = """\ufeff<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie>
  <metadata>
    <meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://zoek.officielebekendmakingen.nl/kst-31288-900/metadata.xml" />
  </metadata>
  <kamerstuk>
    <kamerstukkop>
      <tekstregel inhoud="vergaderjaar">Vergaderjaar 2021-2022</tekstregel>
    </kamerstukkop>
    <dossier>
      <dossiernummer>
        <dossiernr>31 288</dossiernr>
      </dossiernummer>
      <titel>Hoger Onderwijsbeleid</titel>
    </dossier>
    <stuk>
      <stuknr>Nr. <ondernummer kamer="2">900</ondernummer></stuknr>
      <titel>VERSLAG VAN EEN COMMISSIEDEBAT</titel>
      <datumtekst>Vastgesteld <datum isodatum="2022-03-30">30 maart 2022</datum></datumtekst>
      <algemeen>
        <vrije-tekst>
          <tekst status="goed">
            <al>De vaste commissie voor Onderwijs, Cultuur en Wetenschap heeft op 2 maart 2022 overleg gevoerd met mevrouw Dijkgraaf, Minister van Onderwijs, Cultuur en Wetenschap, over:</al>
            <al>– de brief van de Minister van Onderwijs, Cultuur en Wetenschap d.d. 1 februari 2022 inzake studiefinanciering (Kamerstuk 31 288, nr. 899).</al>
            <al>Voorzitter: <nadruk type="vet">Michon-Derkzen</nadruk></al>
            <al>Griffier: Bosnjakovic</al>
            <al>Aanvang 10.00 uur.</al>
            <al>De <nadruk type="vet">voorzitter</nadruk>:</al>
            <al>Welkom bij dit commissiedebat.</al>
            <al>Mevrouw Westerveld (GroenLinks):</al>
            <al>Voorzitter. Ik heb een vraag<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>Zie bijlage.</noot.al></noot> over de beurs.</al>
            <al>En nog een.</al>
            <al>De vergadering wordt van 10.30 uur tot 10.45 uur geschorst.</al>
            <al>De voorzitter:</al>
            <al>We gaan verder.</al>
            <al>Sluiting 11.00 uur.</al>
          </tekst>
        </vrije-tekst>
      </algemeen>
    </stuk>
  </kamerstuk>
</officiele-publicatie>""".replace("\n", "\r\n").encode()


def test_label_led_committee_report() -> None:
    v = verslag.read_xml(VERBATIM)
    m = v.meta
    assert (m.dossier, m.number, m.year, m.identifier) == ("31288", "900", "2021-2022", "kst-31288-900")
    assert (m.kind, m.title) == ("commissiedebat", None)
    assert (m.chair, m.clerk, m.start, m.end, m.date) == (
        "Michon-Derkzen", "Bosnjakovic", dt.time(10, 0), dt.time(11, 0), dt.date(2022, 3, 2))
    assert [(t.speaker.label, t.speaker.role) for t in v.turns] == [
        ("De voorzitter", Role.CHAIR), ("Mevrouw Westerveld (GroenLinks)", Role.MEMBER), ("De voorzitter", Role.CHAIR)]
    assert v.turns[0].speaker.name == "Michon-Derkzen"
    # the footnote is not part of the sentence
    assert v.turns[1].paragraphs == ["Voorzitter. Ik heb een vraag over de beurs.", "En nog een."]
    assert v.turns[1].lines[0] == 30 and v.turns[1].paragraph_lines[0][0] == 31
    assert [(s.start, s.end, s.after_turn) for s in v.suspensions] == [(dt.time(10, 30), dt.time(10, 45), 1)]
    assert [b.text for b in v.closing] == ["Sluiting 11.00 uur."]
    assert v._xml.variant == "verbatim" and not v._xml.unbound


def test_tweede_kamer_serialization_of_the_same_document_reads_the_same() -> None:
    ob = VERBATIM
    tk = ob[3:].replace(b"\r\n", b"\n").replace(b" />", b"/>").replace(b'encoding="utf-8"', b'encoding="UTF-8"')
    assert verslag.compare(verslag.read_xml(ob), verslag.read_xml(tk)) == []


def test_every_read_runs_the_structure_analysis() -> None:
    v = verslag.read_xml((FIXTURES / "h-tk-20142015-33-13.xml").read_bytes())
    assert all(t.phase is not None for t in v.turns)


SPREEKBEURT_KST = b"""<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
  <kamerstuk>
    <dossier>
      <dossiernummer>
        <dossiernr>36 200</dossiernr>
      </dossiernummer>
    </dossier>
    <stuk>
      <stuknr>Nr. <ondernummer kamer="2">7</ondernummer></stuknr>
      <titel>VERSLAG VAN EEN WETGEVINGSOVERLEG</titel>
      <algemeen>
        <vrije-tekst>
          <tekst status="goed">
            <al>Voorzitter: Bosma</al>
            <spreekbeurt nieuw="nee">
              <spreker>
                <voorvoegsels>De</voorvoegsels>
                <naam>
                  <achternaam>voorzitter</achternaam>
                </naam>:</spreker>
              <tekst status="goed">
                <al>Welkom.</al>
              </tekst>
            </spreekbeurt>
            <spreekbeurt nieuw="ja">
              <spreker>
                <voorvoegsels>Mevrouw</voorvoegsels>
                <naam>
                  <achternaam>Kr\xc3\xb6ger</achternaam>
                </naam> (<politiek>GroenLinks</politiek>):</spreker>
              <tekst status="goed">
                <al>Dank u.</al>
              </tekst>
            </spreekbeurt>
            <al>De vergadering wordt enkele ogenblikken geschorst.</al>
          </tekst>
        </vrije-tekst>
      </algemeen>
    </stuk>
  </kamerstuk>
</officiele-publicatie>"""


def test_spreekbeurt_markup_inside_a_kamerstuk() -> None:
    # the other hypothesis for committee reports: Handelingen markup inside <stuk>
    v = verslag.read_xml(SPREEKBEURT_KST)
    assert (v.meta.dossier, v.meta.number, v.meta.kind, v.meta.chair) == ("36200", "7", "wetgevingsoverleg", "Bosma")
    assert [(t.speaker.label, t.speaker.name) for t in v.turns] == [
        ("De voorzitter", "Bosma"), ("Mevrouw Kröger (GroenLinks)", "Kröger")]
    assert [s.kind for s in v.suspensions] == ["short"]
    assert verslag.write_xml(v) == SPREEKBEURT_KST
    v.turns[1].speaker.party = "GL-PvdA"
    assert verslag.write_xml(v) == SPREEKBEURT_KST.replace(b">GroenLinks<", b">GL-PvdA<")


def test_a_label_after_a_paragraph_without_final_punctuation_is_still_a_label() -> None:
    """In XML every <al> is a paragraph of its own: the PDF rule that a label-like line inside a
    sentence is text must not apply ('En nog een' without a full stop, then a label)."""
    data = VERBATIM.replace(b"<al>En nog een.</al>", b"<al>En nog een</al>\r\n            <al>Minister Dijkgraaf:</al>"
                            b"\r\n            <al>Dank u wel.</al>")  # fmt: skip
    v = verslag.read_xml(data)
    assert [t.speaker.label for t in v.turns] == [
        "De voorzitter", "Mevrouw Westerveld (GroenLinks)", "Minister Dijkgraaf", "De voorzitter"]  # fmt: skip
    assert verslag.write_xml(v) == data
