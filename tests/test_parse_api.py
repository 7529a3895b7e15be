"""verslag.parse: the format is told by the content, whatever form the input comes in."""

from __future__ import annotations

from pathlib import Path

import pytest

import verslag

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HANDELINGEN = FIXTURES / "xml" / "h-tk-20172018-61-10.xml"
VLOS = next((FIXTURES / "xml" / "vlos").glob("*.xml"))


def test_a_path_a_str_path_bytes_and_text_all_parse() -> None:
    text = (FIXTURES / "kst-26643-679.txt").read_text(encoding="utf-8")
    a = verslag.parse(FIXTURES / "kst-26643-679.txt")
    b = verslag.parse(str(FIXTURES / "kst-26643-679.txt"))
    c = verslag.parse(text.encode("utf-8"))
    d = verslag.parse(text)
    assert verslag.compare(a, b) == verslag.compare(a, c) == verslag.compare(a, d) == []
    assert len(a.turns) > 100


def test_xml_given_as_str_is_read_as_xml() -> None:
    data = HANDELINGEN.read_bytes()
    want = verslag.read_xml(data)
    got = verslag.parse(data.decode("utf-8-sig"))
    assert got.source_format == want.source_format == "ob-xml"
    assert verslag.compare(got, want) == []


def test_xml_str_with_a_latin1_declaration_keeps_its_accents() -> None:
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<officiele-publicatie><handelingen/></officiele-publicatie>'
    assert verslag.detect_format(xml.encode("latin-1")) == "ob-xml"
    v = verslag.parse(xml)  # no turns, but read as XML (not as text with a V202 warning)
    assert v.source_format == "ob-xml"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_xml_in_utf16_or_utf32_is_recognised(encoding: str) -> None:
    data = HANDELINGEN.read_bytes().decode("utf-8-sig")
    encoded = data.encode(encoding)  # 'utf-16-le' has no byte-order mark: told by '<?' as two-byte characters
    assert verslag.detect_format(encoded) == "ob-xml"
    assert len(verslag.parse(encoded).turns) == len(verslag.read_xml(HANDELINGEN.read_bytes()).turns)


def test_vlos_is_told_by_the_root_elements_namespace_after_a_long_prolog() -> None:
    data = VLOS.read_bytes()
    assert verslag.detect_format(data) == "vlos"
    end = data.index(b"?>") + 2
    padded = data[:end] + b"<!--" + b"x" * 10_000 + b"--><?xpp x?>" + data[end:]
    assert verslag.detect_format(padded) == "vlos"
    # the namespace in a comment is not the root's
    fake = b'<?xml version="1.0"?><!-- http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0 --><officiele-publicatie/>'
    assert verslag.detect_format(fake) == "ob-xml"


def test_a_file_name_that_names_no_file_is_an_error_not_a_report() -> None:
    with pytest.raises(verslag.InputError) as e:
        verslag.parse("fixtures/no-such-report.txt")
    assert "no such file" in str(e.value)
    # a one-line report text is still text
    v = verslag.parse("De voorzitter: Welkom.")
    assert v.source_format == "text"


def test_resolve_speaker_names_the_person_with_a_score_or_nobody() -> None:
    v = verslag.parse(FIXTURES / "kst-26643-679.txt")
    for mention, name in [("meneer Amhaouch", "Amhaouch"), ("collega Keijzer", "Keijzer"),
                          ("de heer Verhoeven van D66", "Verhoeven"), ("de Minister van BZK", "Knops"),
                          ("de Minister van Justitie en Veiligheid", "Grapperhaus"),
                          ("Ik sluit me aan bij collega Keijzer.", "Keijzer")]:  # fmt: skip
        res = verslag.resolve_speaker(v, mention)
        assert res is not None and res.name == name and 0 < res.score <= 1 and res.reason, mention
    assert verslag.resolve_speaker(v, "de heer Jansen") is None
    assert verslag.resolve_speaker(v, "de Minister van Defensie") is None
