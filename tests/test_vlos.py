"""VLOS (the Tweede Kamer's vergaderverslag XML): turns, nesting-derived interruptions, events, safety.

The real file is parsed once per module; what it should give is computed here from its markup with
plain lxml, independently of :mod:`verslag.vlos`.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from lxml import etree

import verslag
from verslag import Interruption, Phase, Role, Verslag
from verslag.vlos import (
    debates_of,
    interruption_agreement,
    match_interruptions,
    phase_agreement,
    predicted_interruptions,
)

NS = "http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"
N = "{" + NS + "}"
FIXTURE = next((Path(__file__).parent.parent / "fixtures" / "xml" / "vlos").glob("*.xml"))


def norm(text: str) -> str:
    return " ".join(text.split())


def text_of(el: etree._Element) -> str:
    return norm("".join(el.itertext()))


@pytest.fixture(scope="module")
def data() -> bytes:
    return FIXTURE.read_bytes()


@pytest.fixture(scope="module")
def tree(data: bytes) -> etree._Element:
    return etree.fromstring(data)


@pytest.fixture(scope="module")
def v(data: bytes) -> Verslag:
    return verslag.parse(data)


@pytest.fixture(scope="module")
def markup_turns(tree: etree._Element) -> list[etree._Element]:
    return list(tree.iter(N + "woordvoerder", N + "interrumpant"))


# ------------------------------------------------------------------------------------------- the real file


def test_parse_picks_vlos_by_content(v: Verslag, data: bytes) -> None:
    assert v.source_format == "vlos"
    assert verslag.read_xml(data).source_format == "vlos"


def test_every_woordvoerder_and_interrumpant_is_a_turn(
    v: Verslag, markup_turns: list[etree._Element]
) -> None:
    woordvoerders = sum(1 for el in markup_turns if el.tag == N + "woordvoerder")
    assert woordvoerders == 288
    assert len(v.turns) == len(markup_turns) >= 288


def test_speakers_in_order_equal_the_markup(v: Verslag, markup_turns: list[etree._Element]) -> None:
    for i, (turn, el) in enumerate(zip(v.turns, markup_turns, strict=True)):
        spreker = el.find(N + "spreker")
        assert turn.speaker.name == norm(spreker.findtext(N + "verslagnaam") or ""), i
        is_chair = (el.findtext(N + "isvoorzitter") or "").strip() == "true"
        assert (turn.speaker.role is Role.CHAIR) == is_chair, i
        if not is_chair:
            soort = spreker.get("soort")
            want = {
                "Tweede Kamerlid": Role.MEMBER,
                "Minister": Role.MINISTER,
                "Staatssecretaris": Role.STATE_SECRETARY,
            }
            assert turn.speaker.role is want[soort], i


def test_labels_are_built_as_printed_and_not_repeated_in_the_text(
    v: Verslag, markup_turns: list[etree._Element]
) -> None:
    for i, (turn, el) in enumerate(zip(v.turns, markup_turns, strict=True)):
        sp = turn.speaker
        if sp.role is Role.MEMBER:
            assert sp.label == f"{sp.prefix} {sp.name} ({sp.party})", i
            assert sp.party == norm(el.find(N + "spreker").findtext(N + "fractie") or "")
        elif sp.role is Role.CHAIR:
            assert sp.label == "De voorzitter" and sp.party is None
        first = el.find(f"{N}tekst/{N}alinea/{N}alineaitem")
        printed = text_of(first) if first is not None else ""
        if printed.endswith(":"):
            assert sp.label == printed[:-1], i
            assert not turn.paragraphs or turn.paragraphs[0] != printed, i
        assert turn.paragraphs, f"turn {i} has no text"


def test_bewindspersonen_have_their_office(v: Verslag) -> None:
    ministers = {t.speaker.name: t.speaker for t in v.turns if t.speaker.role is Role.MINISTER}
    assert ministers and all(s.office and s.office.lower().startswith("minister") for s in ministers.values())
    assert {g.name for g in v.meta.government} >= set(ministers)


def test_meta_from_vergadering(v: Verslag, tree: etree._Element) -> None:
    verg = tree.find(N + "vergadering")
    assert v.meta.date == dt.date.fromisoformat(verg.findtext(N + "datum")[:10])
    assert v.meta.year == verg.findtext(N + "vergaderjaar")
    assert v.meta.start is not None and v.meta.end is not None and v.meta.start < v.meta.end
    first_chair = next(
        el for el in tree.iter(N + "woordvoerder") if el.findtext(N + "isvoorzitter") == "true"
    )
    assert v.meta.chair == first_chair.find(N + "spreker").findtext(N + "verslagnaam")
    assert v.meta.members_count is not None and len(v.meta.members_present) == v.meta.members_count


def test_schorsing_fragments_are_suspensions(v: Verslag, tree: etree._Element) -> None:
    frags = [f for f in tree.iter(N + "draadboekfragment") if f.get("soort") == "Schorsing"]
    assert len(v.suspensions) == len(frags) >= 1
    for s, f in zip(v.suspensions, frags, strict=True):
        assert s.text == text_of(f.find(N + "tekst"))
        if "enkele ogenblikken" in s.text:
            assert s.kind == "short" and s.start is None
        else:
            assert s.kind == "long" and s.start is not None and s.end is not None and s.start < s.end
            assert f"{s.start:%H.%M} uur tot {s.end:%H.%M} uur" in s.text
    after = [s.after_turn for s in v.suspensions]
    assert after == sorted(after) and after[0] >= 0


def test_wisseling_voorzitter_is_a_chair_change(v: Verslag, tree: etree._Element) -> None:
    frags = [f for f in tree.iter(N + "draadboekfragment") if f.get("soort") == "Wisseling voorzitter"]
    assert [c.name for c in v.chair_changes] == [
        f.find(f"{N}sprekers/{N}spreker").findtext(N + "verslagnaam") for f in frags
    ]
    # after a change, the chairing turns are the new chair's
    for c in v.chair_changes:
        nxt = next((t for t in v.turns[c.after_turn + 1 :] if t.speaker.role is Role.CHAIR), None)
        assert nxt is not None and nxt.speaker.name == c.name


def test_no_text_is_lost(v: Verslag, tree: etree._Element) -> None:
    held = [p for t in v.turns for p in t.paragraphs]
    held += [s.text for s in v.suspensions] + [c.text for c in v.chair_changes]
    held += [b.text for b in [*v.front_matter, *v.closing, *v.unparsed]]
    haystack = "\n".join(held)
    labels = {t.speaker.label + ":" for t in v.turns}
    missing = []
    for item in tree.iter(N + "alineaitem"):
        if item.getparent().tag == N + "lijst":
            continue
        text = text_of(item)
        if text and text not in labels and text not in haystack:
            missing.append(text[:60])
    assert not missing, missing[:5]


def test_interruptions_from_the_nesting(
    v: Verslag, tree: etree._Element, markup_turns: list[etree._Element]
) -> None:
    assert len(v.interruptions) >= 100
    index = {id(el): i for i, el in enumerate(markup_turns)}
    inside = {t for it in v.interruptions for t in it.turns}
    for it in v.interruptions:
        assert it.interrupter != it.host
        assert list(it.turns) == sorted(set(it.turns))
        assert v.turns[it.turns[0]].speaker.name == it.interrupter
        names = {v.turns[t].speaker.name for t in it.turns if v.turns[t].speaker.role is not Role.CHAIR}
        assert names <= {it.interrupter, it.host}
    for item in tree.iter(N + "activiteititem"):
        ws = item.findall(N + "woordvoerder")
        if not ws:
            continue
        assert index[id(ws[0])] not in inside  # the speech that holds the floor is never an interruption
        host = ws[0].find(N + "spreker").findtext(N + "verslagnaam")
        chair = ws[0].findtext(N + "isvoorzitter") == "true"
        for w in ws:
            for i in w.findall(N + "interrumpant"):
                who = i.find(N + "spreker").findtext(N + "verslagnaam")
                if chair or i.findtext(N + "isvoorzitter") == "true" or who == host:
                    continue
                k = index[id(i)]
                hits = [it for it in v.interruptions if k in it.turns]
                assert len(hits) == 1, (k, who, host)
                assert (hits[0].interrupter, hits[0].host) == (who, host)


def test_agreement_measures_against_the_nesting(v: Verslag) -> None:
    gold = list(v.interruptions)
    same = interruption_agreement(v, predicted=gold)
    assert same["exchange_precision"] == same["exchange_recall"] == same["turn_f1"] == 1.0
    assert same["exact_exchanges"] == len(gold)
    none = interruption_agreement(v, predicted=[])
    assert none["exchange_recall"] == 0.0 and none["matched_exchanges"] == 0
    wrong_host = [it.model_copy(update={"host": "Niemand"}) for it in gold[:10]] + gold[10:]
    half = interruption_agreement(v, predicted=wrong_host)
    assert half["matched_exchanges"] == len(gold) - 10
    assert half["turn_precision"] == 1.0  # the turns are still the same
    shifted = [it.model_copy(update={"turns": it.turns[:1]}) for it in gold]
    part = interruption_agreement(v, predicted=shifted)
    assert part["matched_exchanges"] == len(gold) and part["exact_exchanges"] < len(gold)
    assert part["turn_recall"] < 1.0 == part["turn_precision"]


def test_the_rule_agrees_with_the_nesting(v: Verslag) -> None:
    """The measured agreement (docs/vlos.md) as a floor.  The rules were tuned partly on this file, so
    these figures are an upper bound for reports the rules have not seen."""
    got = interruption_agreement(v)
    assert got["exchange_precision"] >= 0.96 and got["exchange_recall"] >= 0.99
    assert got["turn_f1"] >= 0.99


def test_the_rule_is_run_on_a_copy(v: Verslag) -> None:
    before = [it.model_dump() for it in v.interruptions]
    predicted_interruptions(v)
    assert [it.model_dump() for it in v.interruptions] == before


def test_structure_runs_per_debate(v: Verslag, tree: etree._Element) -> None:
    want, start = [], 0
    for act in tree.iter(N + "activiteit"):
        n = sum(1 for _ in act.iter(N + "woordvoerder", N + "interrumpant"))
        if n:
            want.append((start, start + n))
            start += n
    assert debates_of(v) == want and len(want) > 1
    assert all(t.phase is not None for t in v.turns)
    for c in v.candidates:
        assert 0 <= c.turn < len(v.turns) and v.turns[c.turn].speaker.role in (
            Role.MINISTER,
            Role.STATE_SECRETARY,
        )
    for cm in v.commitments:
        assert all(0 <= t < len(v.turns) for t in cm.turns)
        assert cm.candidate is None or 0 <= cm.candidate < len(v.candidates)


def test_phase_agreement_counts_the_termijn_sides(v: Verslag, tree: etree._Element) -> None:
    w = v.model_copy(deep=True)
    sides = []
    for el in tree.iter(N + "woordvoerder", N + "interrumpant"):
        hoofd = next(a for a in el.iterancestors(N + "activiteithoofd"))
        titel = hoofd.findtext(N + "titel") if hoofd.get("soort") == "Termijn" else None
        sides.append(None if titel is None else "antwoord" in titel)
    for t, side in zip(w.turns, sides, strict=True):
        t.phase = Phase.GOVERNMENT_FIRST_TERM if side else Phase.MEMBERS_SECOND_TERM
    got = phase_agreement(w)
    assert got["termijn_turns"] == sum(1 for x in sides if x is not None) > 0
    assert got["phase_side_accuracy"] == 1.0
    for t in w.turns:
        t.phase = None
    assert phase_agreement(w)["phase_side_agree"] == 0
    assert phase_agreement(Verslag(turns=v.turns[:3])) == {}


def test_matching_is_one_to_one() -> None:
    a = Interruption(interrupter="B", host="A", turns=[1, 2, 3])
    b = Interruption(interrupter="B", host="A", turns=[3, 4])
    assert match_interruptions([a], [b, a]) == [(0, 1)]
    assert match_interruptions([a, b], [a]) == [(0, 0)]
    assert match_interruptions([a], [Interruption(interrupter="A", host="B", turns=[1, 2, 3])]) == []


# ------------------------------------------------------------------------------------------- small documents


def spreker(
    name: str, *, soort: str = "Tweede Kamerlid", aanhef: str = "De heer", fractie: str = "XX"
) -> str:
    frac = f"<fractie>{fractie}</fractie>" if fractie else ""
    return (
        f'<spreker soort="{soort}">{frac}<aanhef>{aanhef}</aanhef><verslagnaam>{name}</verslagnaam>'
        f"<achternaam>{name}</achternaam><functie>Lid Tweede Kamer</functie></spreker>"
    )


def speech(tag: str, name: str, text: str, *, chair: bool = False, inner: str = "", **kw: str) -> str:
    label = "De <nadruk>voorzitter</nadruk>:" if chair else f"De heer <nadruk>{name}</nadruk> (XX):"
    return (
        f"<{tag}>{spreker(name, **kw)}<isvoorzitter>{'true' if chair else 'false'}</isvoorzitter>"
        f"<tekst><alinea><alineaitem>{label}</alineaitem><alineaitem>{text}</alineaitem></alinea></tekst>"
        f"{inner}</{tag}>"
    )


def w(name: str, text: str, inner: str = "", *, chair: bool = False) -> str:
    return speech("woordvoerder", name, text, chair=chair, inner=inner)


def i(name: str, text: str, *, chair: bool = False) -> str:
    return speech("interrumpant", name, text, chair=chair)


def document(*items: str, extra: str = "") -> bytes:
    body = "".join(f"<activiteititem>{it}</activiteititem>" for it in items)
    return (
        f'\ufeff<?xml version="1.0" encoding="UTF-8"?><vlosCoreDocument xmlns="{NS}" status="Gecorrigeerd">'
        f'<vergadering soort="Commissie"><titel>t</titel><vergaderjaar>2020-2021</vergaderjaar>'
        f"<datum>2021-03-04T00:00:00</datum><aanvangstijd>2021-03-04T10:00:00</aanvangstijd>"
        f'<sluiting>2021-03-04T12:30:00</sluiting><activiteit soort="Commissiedebat"><activiteithoofd>'
        f"<activiteitdeel>{body}</activiteitdeel>{extra}</activiteithoofd></activiteit></vergadering>"
        f"</vlosCoreDocument>"
    ).encode()


def test_nesting_rule_on_a_small_exchange() -> None:
    chair = "Voorzitter"
    doc = document(
        w("Amhaouch", "Mijn inbreng.", i("Bakker", "Een vraag."))  # 0, 1
        + w(
            "Amhaouch", "Antwoord.", i(chair, "Kort graag.", chair=True) + i("Bakker", "Vervolgvraag.")
        )  # 2-4
        + w(
            "Amhaouch",
            "Antwoord twee.",
            i(chair, "Er is een interruptie van de heer Cramer.", chair=True) + i("Cramer", "Mijn vraag."),
        )  # 5-7
        + w("Amhaouch", "Antwoord aan Cramer.")  # 8
        + w("Amhaouch", "Ik vervolg mijn betoog.", i(chair, "Dank u wel.", chair=True)),  # 9, 10
        w(
            chair,
            "Het woord is aan de minister.",
            i("Dekker", "Een punt van orde."),  # 11, 12
            chair=True,
        ),
    )
    v = verslag.read_vlos(doc)
    assert [t.speaker.name for t in v.turns] == [
        "Amhaouch",
        "Bakker",
        "Amhaouch",
        chair,
        "Bakker",
        "Amhaouch",
        chair,
        "Cramer",
        "Amhaouch",
        "Amhaouch",
        chair,
        chair,
        "Dekker",
    ]
    got = [(it.interrupter, it.host, it.turns, it.announced) for it in v.interruptions]
    assert got == [("Bakker", "Amhaouch", [1, 2, 3, 4, 5], False), ("Cramer", "Amhaouch", [7, 8], True)]
    assert v.meta.kind == "commissiedebat" and v.meta.chair == chair
    assert v.meta.start == dt.time(10, 0) and v.meta.end == dt.time(12, 30)
    assert v.turns[0].paragraphs == ["Mijn inbreng."] and v.turns[0].speaker.label == "De heer Amhaouch (XX)"


def test_speaker_fields_variants() -> None:
    sp = (
        '<spreker soort="Tweede Kamerlid"><fractie><naam>Volkspartij</naam><afkorting>VVD</afkorting></fractie>'
        "<aanhef>Mevrouw</aanhef><achternaam>Burg van der</achternaam></spreker>"
    )
    doc = document(
        f"<woordvoerder>{sp}<tekst><alinea><alineaitem>Tekst.</alineaitem></alinea></tekst></woordvoerder>"
    )
    t = verslag.read_vlos(doc).turns[0]
    assert (t.speaker.name, t.speaker.party, t.speaker.label) == (
        "Van der Burg",
        "VVD",
        "Mevrouw Van der Burg (VVD)",
    )


def test_fragments_suspension_chair_change_and_motion() -> None:
    motion = (
        '<draadboekfragment soort="Motie indiening"><tekst><alinea><alineaitem>De Kamer,</alineaitem></alinea>'
        "<alinea><alineaitem>verzoekt de regering, iets te doen,</alineaitem></alinea>"
        "<alinea><alineaitem>De <nadruk>voorzitter</nadruk>:</alineaitem>"
        "<alineaitem>Deze motie is voorgesteld door het lid Bakker.</alineaitem></alinea></tekst></draadboekfragment>"
    )
    extra = (
        '<draadboekfragment soort="Schorsing" schorsingtype="Kort"><tekst><alinea><alineaitem>'
        "De vergadering wordt geschorst.</alineaitem></alinea></tekst></draadboekfragment>"
        '<draadboekfragment soort="Wisseling voorzitter"><tekst><alinea><alineaitem>Voorzitter: Van der Lee'
        "</alineaitem></alinea></tekst></draadboekfragment>"
    )
    v = verslag.read_vlos(document(w("Bakker", "Ik dien een motie in.", motion), extra=extra))
    assert v.turns[0].paragraphs == [
        "Ik dien een motie in.",
        "De Kamer,",
        "verzoekt de regering, iets te doen,",
    ]
    assert [u.text for u in v.unparsed] == ["De voorzitter: Deze motie is voorgesteld door het lid Bakker."]
    assert [(s.kind, s.after_turn) for s in v.suspensions] == [("short", 0)]
    assert [(c.name, c.after_turn) for c in v.chair_changes] == [("Van der Lee", 0)]
    assert any(d.code == "V501" for d in v.diagnostics)


# ------------------------------------------------------------------------------------------- errors

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<vlosCoreDocument xmlns="http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0">&lol2;</vlosCoreDocument>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE v [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<vlosCoreDocument xmlns="http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0">&xxe;</vlosCoreDocument>"""


@pytest.mark.parametrize("bad", [BOMB, XXE], ids=["billion-laughs", "xxe"])
def test_dtd_and_entities_are_refused(bad: bytes) -> None:
    for read in (verslag.parse, verslag.read_vlos):
        with pytest.raises(verslag.XmlSecurityError) as e:
            read(bad)
        assert e.value.line == 2 and e.value.column == 1


def test_doctype_after_a_comment_is_refused() -> None:
    bad = b'<!-- <a> --><!DOCTYPE v><vlosCoreDocument xmlns="' + NS.encode() + b'"/>'
    with pytest.raises(verslag.XmlSecurityError):
        verslag.read_vlos(bad)


def test_malformed_xml_gives_line_and_column() -> None:
    bad = f'<vlosCoreDocument xmlns="{NS}">\n<vergadering>\n  <titel>x</vergadering>\n'.encode()
    with pytest.raises(verslag.XmlSyntaxError) as e:
        verslag.parse(bad)
    assert e.value.line == 3 and e.value.column > 1
    with pytest.raises(verslag.XmlSyntaxError) as e2:
        verslag.read_vlos(b"")
    assert e2.value.line == 1


def test_deep_nesting_is_refused() -> None:
    deep = f'<vlosCoreDocument xmlns="{NS}">'.encode() + b"<a>" * 400 + b"</a>" * 400 + b"</vlosCoreDocument>"
    with pytest.raises(verslag.XmlSecurityError) as e:
        verslag.read_vlos(deep)
    assert e.value.line == 1


def test_vlos_goes_through_the_same_size_gate_as_ob_xml(monkeypatch: pytest.MonkeyPatch) -> None:
    from verslag import xml_tree

    # a real VLOS day is 1-3 MB; one byte over the bound is refused before any parsing, quickly
    head = f'<vlosCoreDocument xmlns="{NS}">\n<vergadering>'.encode()
    big = head + b" " * (xml_tree.MAX_BYTES - len(head)) + b"</vergadering></vlosCoreDocument>"
    assert len(big) > xml_tree.MAX_BYTES
    for read in (verslag.read_vlos, verslag.parse):
        t = time.perf_counter()
        with pytest.raises(verslag.XmlSecurityError) as e:
            read(big)
        assert time.perf_counter() - t < 0.5
        assert (e.value.line, e.value.column) == (2, xml_tree.MAX_BYTES - len(head.split(b"\n")[0]))
    # the bound is the module's: lowering it refuses the real fixture too
    real = next((Path(__file__).resolve().parent.parent / "fixtures" / "xml" / "vlos").glob("*.xml")).read_bytes()
    monkeypatch.setattr(xml_tree, "MAX_BYTES", len(real) - 1)
    with pytest.raises(verslag.XmlSecurityError):
        verslag.read_vlos(real)


def test_utf16_vlos_with_a_dtd_is_refused() -> None:
    bad = f'<?xml version="1.0" encoding="utf-16"?>\n<!DOCTYPE v SYSTEM "http://x/y"><vlosCoreDocument xmlns="{NS}"/>'
    with pytest.raises(verslag.XmlSecurityError) as e:
        verslag.read_vlos(bad.encode("utf-16"))
    assert e.value.line == 2


@pytest.mark.parametrize(
    "doc",
    [
        f'<verslag xmlns="{NS}"/>'.encode(),
        b"<vlosCoreDocument/>",
        f'<vlosCoreDocument xmlns="{NS}"/>'.encode(),
    ],
    ids=["wrong-root", "no-namespace", "no-vergadering"],
)
def test_other_documents_are_structure_errors(doc: bytes) -> None:
    with pytest.raises(verslag.XmlStructureError) as e:
        verslag.read_vlos(doc)
    assert e.value.line == 1
