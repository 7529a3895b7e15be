"""XML is untrusted input: DTDs and entities refused, limits enforced, broken input gives the right error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import verslag
from verslag import xml_tree
from verslag.errors import XmlSecurityError, XmlStructureError, XmlSyntaxError

INVALID = Path(__file__).resolve().parent.parent / "fixtures" / "xml" / "invalid"

#: Each broken input (named after its defect) and the error it must give, with its line.
EXPECTED: dict[str, tuple[type[verslag.VerslagError], int]] = {
    "empty_file": (XmlSyntaxError, 1),
    "whitespace_only": (XmlSyntaxError, 4),
    "plain_text": (XmlSyntaxError, 1),
    "external_entity": (XmlSecurityError, 2),
    "entity_expansion_bomb": (XmlSecurityError, 2),
    "external_dtd_after_comment": (XmlSecurityError, 3),
    "unclosed_root": (XmlSyntaxError, 6),
    "mismatched_end_tag": (XmlSyntaxError, 4),
    "undefined_entity": (XmlSyntaxError, 3),
    "second_root": (XmlSyntaxError, 6),
    "latin1_bytes_declared_utf8": (XmlSyntaxError, 3),
    "unterminated_attribute": (XmlSyntaxError, 3),
    "wrong_root_html": (XmlStructureError, 2),
    "unknown_publication_type": (XmlStructureError, 4),
}


def test_every_invalid_fixture_has_an_expectation() -> None:
    assert sorted(p.stem for p in INVALID.glob("*.xml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_input_gives_its_error(name: str) -> None:
    cls, line = EXPECTED[name]
    with pytest.raises(cls) as err:
        verslag.read_xml((INVALID / f"{name}.xml").read_bytes())
    assert err.value.line == line and err.value.column >= 1
    assert f"line {line}" in str(err.value)


def test_external_entity_is_never_resolved() -> None:
    data = (INVALID / "external_entity.xml").read_bytes()
    with pytest.raises(XmlSecurityError):
        verslag.read_xml(data)
    with pytest.raises(XmlSecurityError):  # the lossless layer refuses it on its own too
        xml_tree.parse_document(data, validate=False)


def test_billion_laughs_is_refused_quickly() -> None:
    lol = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(8)
    ) + b"]><officiele-publicatie><handelingen><agendapunt><tekst><al>&i;</al></tekst></agendapunt></handelingen></officiele-publicatie>"
    t = time.perf_counter()
    with pytest.raises(XmlSecurityError):
        verslag.read_xml(lol)
    assert time.perf_counter() - t < 0.5


def test_utf16_input_with_a_dtd_is_refused() -> None:
    data = '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE x SYSTEM "http://x/y"><officiele-publicatie/>'
    with pytest.raises(XmlSecurityError):
        verslag.read_xml(data.encode("utf-16"))


def test_deep_nesting_is_refused_quickly_with_a_line() -> None:
    t = time.perf_counter()
    with pytest.raises(XmlSecurityError) as err:
        verslag.read_xml(b"<a>" * 100_000)
    assert time.perf_counter() - t < 1
    assert err.value.line == 1 and err.value.column > 1
    deep = b"<a>" * 300 + b"</a>" * 300
    with pytest.raises(XmlSecurityError):
        verslag.read_xml(deep)
    with pytest.raises(XmlSecurityError):
        xml_tree.parse_document(deep, validate=False)


def test_nesting_within_the_limit_is_fine() -> None:
    ok = b"<a>" * 200 + b"</a>" * 200
    assert xml_tree.parse_document(ok).to_bytes() == ok


def test_too_large_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xml_tree, "MAX_BYTES", 1000)
    with pytest.raises(XmlSecurityError) as err:
        verslag.read_xml(b"<officiele-publicatie>" + b" " * 2000 + b"</officiele-publicatie>")
    assert (err.value.line, err.value.column) == (1, 1001)


def test_the_size_bound_is_defensible_and_its_refusal_fast() -> None:
    # the largest real OB file is 1.1 MB and a VLOS day 1-3 MB: the bound leaves ten times that, no more
    assert 10 * 3_000_000 <= xml_tree.MAX_BYTES <= 64 * 1024 * 1024
    row = b"      <al>Dank u wel, voorzitter.</al>\r\n"
    head = b"<officiele-publicatie>\r\n<handelingen>\r\n"
    big = head + row * ((xml_tree.MAX_BYTES - len(head)) // len(row) + 1) + b"</handelingen></officiele-publicatie>"
    for read in (verslag.read_xml, verslag.parse, xml_tree.parse_document, xml_tree.scan_document):
        t = time.perf_counter()
        with pytest.raises(XmlSecurityError) as err:
            read(big)
        assert time.perf_counter() - t < 0.5, read
        # the line and column where the input crosses the bound
        over = xml_tree.MAX_BYTES - len(head)
        assert (err.value.line, err.value.column) == (3 + over // len(row), over % len(row) + 1)
    assert verslag.read_xml(big[: len(head)] + b"</handelingen></officiele-publicatie>").turns == []


@pytest.mark.parametrize("bad", [b"", b"\xff\xfe\x00<", b"<officiele-publicatie><kamerstuk>", b"\x00\x00", b"<", b"<?xml"])
def test_garbage_gives_a_verslag_error_with_a_line(bad: bytes) -> None:
    with pytest.raises(verslag.VerslagError) as err:
        verslag.read_xml(bad)
    assert err.value.line >= 1


def test_str_input_is_refused() -> None:
    with pytest.raises(verslag.InputError):
        verslag.read_xml("<officiele-publicatie/>")  # type: ignore[arg-type]
