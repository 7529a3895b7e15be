"""A lossless XML tree for Officiële Bekendmakingen documents, and the safety gate for untrusted XML.

lxml gives structure and well-formedness checks but cannot give the bytes back (it drops the BOM,
rewrites the declaration, turns CRLF into LF and ``" />"`` into ``"/>"``).  This module keeps the
raw pieces instead, the way tomlkit and LibCST do, so that writing an unedited tree gives back the
input byte for byte, and an edit changes only the bytes it touches.

Trivia ownership (decided once, here):

* The :class:`Document` owns what lies outside the root element: the byte-order mark, the
  ``head`` (XML declaration, whitespace, comments and processing instructions before the root,
  all as one raw string) and the ``foot`` (everything after the root's end tag, including the
  document's final newline or the absence of one).  It also owns the :class:`DocumentStyle`
  inferred from the input: newline, indent unit, empty-element spelling, quote character.
* Every :class:`Element` owns its raw start tag (attribute order, quoting and spacing exactly as
  written, including ``" />"`` vs ``"/>"`` for an empty element), its raw ``text`` (everything
  between the start tag and the first child), its raw end tag, and its raw ``tail`` (everything
  between its end tag and the next sibling or the parent's end tag).  This mirrors lxml's
  ``.text``/``.tail``.  Text is raw: entity references, CDATA sections and CRLF stay as written.
* Comments and processing instructions inside the root are :class:`Leaf` children with a raw
  string and a tail, like lxml's comment and PI nodes.

Serialising = concatenating the raw pieces in document order.  :class:`Edits` describe changes by
element index (the element's position in document order, the same order as lxml's
``root.iter(etree.Element)``), so the tree itself is never mutated.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, overload

from lxml import etree

from verslag.errors import XmlSecurityError, XmlStructureError, XmlSyntaxError

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Document",
    "DocumentStyle",
    "Edits",
    "Element",
    "Leaf",
    "NewElement",
    "check_untrusted",
    "escape_attr",
    "escape_text",
    "line_col",
    "parse_document",
    "render_new",
    "safe_parse",
    "scan_document",
    "unescape",
]

#: Largest input accepted, in bytes (32 MiB); larger input is refused with :class:`XmlSecurityError`
#: before any parsing.  Real inputs are far smaller: the largest OB file in the corpus is 1.1 MB and a
#: plenary VLOS day 1 to 3 MB, so the bound leaves ten times the largest known input.  At the bound a
#: read takes about 4 s of CPU and 0.5 GB of memory (docs/xml.md, Safety); at the old 200 MB it was
#: minutes and gigabytes.  OB XML and VLOS go through the same gate (:func:`check_untrusted`).
MAX_BYTES = 32 * 1024 * 1024

#: Deepest element nesting accepted; OB documents nest about 12 deep.
MAX_DEPTH = 256

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# One raw token of XML.  Example line from h-tk-20172018-61-10.xml:
#   <al>Aan de orde is het <nadruk type="vet">VAO Ondernemen en Bedrijfsfinanciering (AO d.d. 22/02)</nadruk>.</al>
# gives start 'al', text 'Aan de orde is het ', start 'nadruk', text, end 'nadruk', text '.', end 'al'.
TOKEN_RE = re.compile(
    r"""
      (?P<text>[^<]+)
    | (?P<cdata><!\[CDATA\[.*?\]\]>)
    | (?P<comment><!--.*?-->)
    | (?P<pi><\?.*?\?>)
    | (?P<decl><![A-Za-z][^>]*>?)
    | </(?P<end>[^\s>]+)\s*>
    | <(?P<tag>[^\s/>!?]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?)>
    """,
    re.S | re.X,
)

# The same tokens as TOKEN_RE as plain groups for findall(): (text, end tag, start tag, its name,
# other markup, a stray character).  Example line from h-tk-20142015-33-13.xml:
#   <meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://...metadata.xml" />
# gives ('', '', '<meta name=... />', 'meta', '', '').
FAST_TOKEN_RE = re.compile(
    r"""
      ([^<]+)
    | (</[^\s>]+\s*>)
    | (<([^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>)
    | (<!\[CDATA\[.*?\]\]>|<!--.*?-->|<\?.*?\?>|<![A-Za-z][^>]*>?)
    | ([\s\S])
    """,
    re.S | re.X,
)

# One attribute inside a raw start tag:  name="OVERHEIDop.externMetadataRecord" scheme=""
ATTR_RE = re.compile(r"""(?P<name>[^\s=/>]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")

# The encoding in an XML declaration:  <?xml version="1.0" encoding="utf-8"?>
DECL_ENCODING_RE = re.compile(rb"""^<\?xml[^>]*?\sencoding\s*=\s*["'](?P<enc>[A-Za-z0-9._\-]+)["']""")

# An entity or character reference in raw text:  &amp;  &#233;  &#xE9;
ENTITY_RE = re.compile(r"&(?:#(?P<dec>[0-9]+)|#x(?P<hex>[0-9A-Fa-f]+)|(?P<name>[A-Za-z][A-Za-z0-9]*));")

# A CDATA section in raw text:  <![CDATA[a < b]]>
CDATA_RE = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)

# The prolog up to the first markup that is not a PI or comment, in ASCII-compatible bytes:
#   <BOM><?xml version="1.0" encoding="utf-8"?>\r\n<!-- x -->  then '<!DOCTYPE x [...]>' or '<officiele-publicatie'
PROLOG_RE = re.compile(rb"(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)

# The same prolog as text (for UTF-16 input, decoded first).
PROLOG_TEXT_RE = re.compile(r"\ufeff?(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)

# Characters XML 1.0 cannot hold at all, even as references:  '\x0c' (a form feed from PDF text)
INVALID_XML_CHAR_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# The position lxml appends to its messages (we report it in the error's own fields):
#   "Opening and ending tag mismatch: b line 2 and a, line 3, column 5"
LXML_POSITION_RE = re.compile(r", line \d+, column \d+$")

_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _bytes_line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


# --- escaping ------------------------------------------------------------------------------------


def unescape(raw: str) -> str:
    """The character data of raw text: CDATA unwrapped, references replaced, CRLF → LF (XML §2.11)."""
    if "&" not in raw and "<" not in raw and "\r" not in raw:
        return raw
    parts: list[str] = []
    pos = 0
    for m in CDATA_RE.finditer(raw):
        parts.append(_unescape_refs(raw[pos : m.start()]))
        parts.append(m.group(1))
        pos = m.end()
    parts.append(_unescape_refs(raw[pos:]))
    return "".join(parts).replace("\r\n", "\n").replace("\r", "\n")


def _unescape_refs(s: str) -> str:
    if "&" not in s:
        return s

    def one(m: re.Match[str]) -> str:
        if m["dec"] is not None:
            return chr(int(m["dec"]))
        if m["hex"] is not None:
            return chr(int(m["hex"], 16))
        return _PREDEFINED.get(m["name"], m.group())

    return ENTITY_RE.sub(one, s)


def escape_text(s: str) -> str:
    """Character data for an element: ``&``, ``<`` and ``>`` escaped, everything else literal UTF-8.

    Characters XML 1.0 cannot represent (NUL, form feed, ...) are dropped; a lone CR is kept as ``&#13;``.
    """
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "\r" in s:
        s = s.replace("\r", "&#13;")
    return INVALID_XML_CHAR_RE.sub("", s)


def escape_attr(s: str, quote: str = '"') -> str:
    """An attribute value for the given quote character."""
    s = escape_text(s).replace("\n", "&#10;").replace("\t", "&#9;")
    return s.replace('"', "&quot;") if quote == '"' else s.replace("'", "&apos;")


# --- the tree ------------------------------------------------------------------------------------


class Leaf:
    """A comment or processing instruction inside the root: its raw markup and its tail."""

    __slots__ = ("kind", "offset", "parent", "raw", "tail")

    def __init__(self, kind: str, raw: str, offset: int, parent: Element) -> None:
        self.kind = kind  #: 'comment' or 'pi'
        self.raw = raw  #: the whole markup as written: '<?xpp qa?>'
        self.tail = ""  #: raw text after it, up to the next sibling or the parent's end tag
        self.offset = offset  #: character offset in the decoded document
        self.parent = parent


class Element:
    """An element with its raw start tag, raw text, raw children, raw end tag and raw tail.

    An element of a scanned document (:func:`scan_document`) builds its children on first use.
    """

    __slots__ = ("_attrib", "_children", "_offset", "_scan", "depth", "end", "index", "parent", "start", "tag",
                 "tail", "text")

    def __init__(self, tag: str, start: str, offset: int, index: int, depth: int, parent: Element | None) -> None:
        self.tag = tag  #: the element name as written: 'al'
        self.start = start  #: the raw start tag: '<nadruk type="vet">' or '<meta ... />'
        self.end = ""  #: the raw end tag: '</al>'; '' for an empty element written as one tag
        self.text = ""  #: raw text between the start tag and the first child (lxml's .text)
        self.tail = ""  #: raw text after the end tag (lxml's .tail)
        self._children: list[Element | Leaf] | None = []
        self._offset = offset
        self.index = index  #: position in document order among elements (0 = the root)
        self.depth = depth  #: 0 for the root
        self.parent = parent
        self._attrib: dict[str, str] | None = None
        self._scan: _Scan | None = None

    @property
    def children(self) -> list[Element | Leaf]:
        """The element, comment and PI children, in document order."""
        kids = self._children
        if kids is None:
            assert self._scan is not None
            kids = self._children = self._scan.children(self)
        return kids

    @property
    def offset(self) -> int:
        """Character offset of the start tag in the decoded document."""
        if self._offset < 0 and self._scan is not None:  # PERF: a scanned document counts only when asked
            self._offset = self._scan.char_offset(self._scan.start_k[self.index])
        return self._offset

    @property
    def attrib(self) -> dict[str, str]:
        """The attributes, unescaped, in document order."""
        if self._attrib is None:
            self._attrib = {
                m["name"]: unescape(m["dq"] if m["dq"] is not None else (m["sq"] or ""))
                for m in ATTR_RE.finditer(self.start, len(self.tag) + 1)
            }
        return self._attrib

    @property
    def is_empty_tag(self) -> bool:
        """Whether the element is written as one tag (``<x />``)."""
        return self.end == ""

    def elements(self) -> list[Element]:
        """The element children (no comments or PIs)."""
        return [c for c in self.children if isinstance(c, Element)]

    def find(self, tag: str) -> Element | None:
        """The first element child named ``tag``."""
        for c in self.children:
            if isinstance(c, Element) and c.tag == tag:
                return c
        return None

    def iter(self, tag: str | None = None) -> Iterator[Element]:
        """Yield this element and its descendants in document order, optionally only those named ``tag``."""
        stack: list[Element] = [self]
        while stack:
            el = stack.pop()
            if tag is None or el.tag == tag:
                yield el
            stack.extend(c for c in reversed(el.children) if isinstance(c, Element))

    def itertext(self) -> Iterator[str]:
        """The character data of this element and its descendants (tails inside it included)."""
        yield unescape(self.text)
        for c in self.children:
            if isinstance(c, Element):
                yield from c.itertext()
            yield unescape(c.tail)

    def raw(self) -> str:
        """The raw markup of this element, without its tail."""
        if self._scan is not None:
            return self._scan.raw(self).decode("utf-8")
        out: list[str | bytes] = []
        _render(self, out, Edits(), None, False)
        return "".join(x for x in out if isinstance(x, str))


@dataclass
class DocumentStyle:
    """How the document writes itself, inferred at read time and used for new nodes."""

    bom: bytes = b""  #: the byte-order mark as read (b'' for none)
    encoding: str = "utf-8"  #: the Python codec that decodes the document
    declaration: str | None = None  #: the raw XML declaration, if any
    newline: str = "\r\n"  #: '\r\n' or '\n' between tags; '' for a document on one line
    indent: str = "  "  #: one indentation step ('' for a document on one line)
    empty_tag: str = " />"  #: how an empty element ends: ' />' or '/>'
    quote: str = '"'  #: the attribute quote character
    final_newline: bool = False  #: whether a newline follows the root's end tag


@dataclass
class Edits:
    """Changes to a :class:`Document`, keyed by element index; the tree itself is never mutated."""

    text: dict[int, str] = field(default_factory=dict)  #: new raw .text of an element
    tail: dict[int, str] = field(default_factory=dict)  #: new raw .tail of an element
    start: dict[int, str] = field(default_factory=dict)  #: new raw start tag
    content: dict[int, str] = field(default_factory=dict)  #: new raw content (text and children)
    delete: set[int] = field(default_factory=set)  #: elements removed with the indentation before them
    drop: set[int] = field(default_factory=set)  #: elements removed together with their tail, nothing else
    before: dict[int, list[str]] = field(default_factory=dict)  #: raw markup inserted before an element
    after: dict[int, list[str]] = field(default_factory=dict)  #: raw markup inserted after an element
    #: a comment or PI replaced, by its :attr:`Leaf.offset`: (its parent's element index, the new
    #: raw markup); ``""`` removes it with the whitespace before it
    leaf: dict[int, tuple[int, str]] = field(default_factory=dict)
    #: render every element through the edit path even where nothing changed: the check that the
    #: renderer itself gives the bytes back (``verslag roundtrip``, tests/test_roundtrip.py)
    everything: bool = False

    _insert_parents: set[int] = field(default_factory=set, repr=False)  #: filled when rendering
    _special: set[int] = field(default_factory=set, repr=False)  #: elements a scanned render builds

    def __bool__(self) -> bool:
        return self.everything or any(
            (self.text, self.tail, self.start, self.content, self.delete, self.drop, self.before, self.after, self.leaf)
        )

    def owners(self, elements: Sequence[Element]) -> set[int]:
        """The elements whose rendering an edit changes, with all their ancestors.

        An edit of an element's start tag, text or content changes that element; an edit of its
        tail, a deletion or an insertion next to it changes its parent.  Everything else renders
        as it was read.
        """
        if self.everything:
            return set(range(len(elements)))
        out: set[int] = set()
        own = [*self.text, *self.start, *self.content, *(p for p, _raw in self.leaf.values())]
        for i in (*self.tail, *self.delete, *self.drop, *self.before, *self.after):
            p = elements[i].parent
            own.append(p.index if p is not None else i)
        for i in own:
            el: Element | None = elements[i]
            while el is not None and el.index not in out:
                out.add(el.index)
                el = el.parent
        return out


def _ws(s: str | bytes) -> bool:
    return not s or s.isspace()


def _render(el: Element, out: list[str | bytes], ed: Edits, style: DocumentStyle | None, edited: bool = True,
            touched: set[int] | None = None) -> None:
    """Append ``el``'s markup with ``ed`` applied to ``out``.

    With ``touched`` (a scanned document) only the children in ``ed._special`` are built; the
    others go out as runs of bytes (PERF: an edit costs what it touches, not the document).
    """
    if not edited:  # PERF: the unedited path does no lookups at all
        out.append(el.start)
        out.append(el.text)
        for node in el.children:
            if isinstance(node, Element):
                _render(node, out, ed, style, False)
            else:
                out.append(node.raw)
            out.append(node.tail)
        out.append(el.end)
        return
    i = el.index
    start = ed.start.get(i, el.start)
    end = el.end
    has_inserts = i in ed._insert_parents
    if i in ed.content:
        if not end:  # an empty element that gets content: open and close it
            start, end = _open_empty(start), f"</{el.tag}>"
        out.append(start)
        out.append(ed.content[i])
        out.append(end)
        return
    out.append(start)
    out.append(ed.text.get(i, el.text))
    children: Sequence[Element | Leaf | _Run]
    if touched is not None:
        assert el._scan is not None
        children = el._scan.runs(el, ed._special, ed.leaf)
    else:
        children = el.children
    for c in children:
        if not isinstance(c, Element):
            if ed.leaf and isinstance(c, Leaf) and c.offset in ed.leaf:
                new = ed.leaf[c.offset][1]
                if new:
                    out.append(new)
                elif _ws(out[-1]) and _ws(c.tail):
                    out[-1] = c.tail
                    continue
                out.append(c.tail)
                continue
            out.append(c.raw)
            out.append(c.tail)
            continue
        ci = c.index
        tail = ed.tail.get(ci, c.tail)
        lead = ""
        if has_inserts:
            prev = out[-1]
            lead = prev if isinstance(prev, str) and prev and _ws(prev) else _lead(style, c.depth)
            for m in ed.before.get(ci, ()):
                out.append(m)
                out.append(lead)
        if ci in ed.drop:
            continue
        if ci in ed.delete:
            inserts = ed.after.get(ci, [])
            if inserts:
                out.append(inserts[0])
                for m in inserts[1:]:
                    out.append(lead)
                    out.append(m)
                out.append(tail)
            elif _ws(out[-1]) and _ws(tail):
                out[-1] = tail
            else:
                out.append(tail)
            continue
        if touched is None or ci in touched:
            _render(c, out, ed, style, True, touched)
        else:
            assert c._scan is not None
            out.append(c._scan.raw(c))
        if has_inserts:
            for m in ed.after.get(ci, ()):
                out.append(lead)
                out.append(m)
        out.append(tail)
    out.append(end)


def _lead(style: DocumentStyle | None, depth: int) -> str:
    if style is None:
        return ""
    return style.newline + style.indent * depth


def _open_empty(start: str) -> str:
    body = start[:-2] if start.endswith("/>") else start[:-1]
    return body.rstrip() + ">"


class Document:
    """A parsed XML document that serialises back to its exact bytes."""

    __slots__ = ("_scan", "elements", "foot", "head", "root", "style")

    def __init__(self, root: Element, head: str, foot: str, elements: Sequence[Element], style: DocumentStyle,
                 scan: _Scan | None = None) -> None:
        self.root = root
        self.head = head  #: raw text before the root: declaration, whitespace, comments, PIs
        self.foot = foot  #: raw text after the root's end tag (the final newline, if any)
        self.elements = elements  #: every element in document order; ``elements[i].index == i``
        self.style = style
        self._scan = scan

    def serialize(self, edits: Edits | None = None) -> str:
        """The document as text (without BOM), with ``edits`` applied."""
        if self._scan is not None:
            return "".join(x if isinstance(x, str) else x.decode("utf-8") for x in self._render_scanned(edits))
        out: list[str | bytes] = [self.head]
        ed = edits or Edits()
        els = self.elements
        ed._insert_parents = {p.index for i in (*ed.after, *ed.before) if (p := els[i].parent) is not None}
        _render(self.root, out, ed, self.style, bool(ed))
        out.append(self.root.tail)
        out.append(self.foot)
        return "".join(x for x in out if isinstance(x, str))

    def to_bytes(self, edits: Edits | None = None) -> bytes:
        """The document as bytes in its own encoding, BOM included, with ``edits`` applied."""
        scan = self._scan
        if scan is None:
            text = self.serialize(edits)
            return self.style.bom + text.encode(self.style.encoding, errors="xmlcharrefreplace")
        if not edits:
            return scan.data
        out = self._render_scanned(edits)
        if scan.transcoded:
            text = "".join(x if isinstance(x, str) else x.decode("utf-8") for x in out)
            return self.style.bom + text.encode(self.style.encoding, errors="xmlcharrefreplace")
        return self.style.bom + b"".join(
            x if isinstance(x, bytes) else x.encode("utf-8", errors="xmlcharrefreplace") for x in out
        )

    def _render_scanned(self, edits: Edits | None) -> list[str | bytes]:
        # PERF: only the elements an edit touches are built and rendered; every other subtree is
        # copied as bytes.  One party edit in h-tk-20142015-33-13.xml: 17x an lxml tostring before
        # (the whole tree tokenized and rendered), see benchmarks/bench_xml.py for after.
        scan = self._scan
        assert scan is not None
        if not edits:
            return [scan.body]
        els = self.elements
        edits._insert_parents = {p.index for i in (*edits.after, *edits.before) if (p := els[i].parent) is not None}
        touched = edits.owners(els)
        edits._special = touched.union(edits.tail, edits.delete, edits.drop, edits.before, edits.after)
        out: list[str | bytes] = [scan.head_bytes()]
        _render(self.root, out, edits, self.style, True, touched)
        out.append(scan.foot_bytes())
        return out


# --- safety --------------------------------------------------------------------------------------


def check_untrusted(data: bytes) -> None:
    """Refuse, before any parsing, input that is too large or declares a DTD or entities.

    The one gate for untrusted XML, OB and VLOS alike.  Too large input is refused at the line and
    column where it crosses :data:`MAX_BYTES` (one pass of ``bytes.count``: milliseconds).
    """
    if len(data) > MAX_BYTES:
        line, col = _bytes_line_col(data, MAX_BYTES)
        raise XmlSecurityError(
            "XML input too large", line=line, column=col, found=f"{len(data)} bytes",
            expected=f"at most {MAX_BYTES} bytes (MAX_BYTES)",
        )
    # A DTD can only stand in the prolog (anywhere else it is a syntax error lxml reports), so only
    # the prolog is searched.  PERF: O(prolog), not O(document).
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or b"\x00" in data[:4]:
        head = data[:65536].decode("utf-16", errors="replace")
        t = PROLOG_TEXT_RE.match(head)
        at = t.end() if t is not None else 0
        found = head[at : at + 2] == "<!"
        line, col = line_col(head, at)
    else:
        m = PROLOG_RE.match(data)
        at = m.end() if m is not None else 0
        found = data[at : at + 2] == b"<!"
        line, col = _bytes_line_col(data, at)
    if found:
        raise XmlSecurityError(
            "XML with a DTD or entity declaration is refused (external entities, entity expansion)",
            line=line,
            column=col,
            found="<!DOCTYPE",
            expected="a document without a DTD",
        )


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=False,
        collect_ids=False,
    )


def safe_parse(data: bytes) -> Any:
    """Parse untrusted bytes with lxml after :func:`check_untrusted`; map every failure to an XmlError.

    Returns the lxml root element.
    """
    check_untrusted(data)
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        line, col = e.position if e.position else (1, 1)
        msg = LXML_POSITION_RE.sub("", str(e.msg or e))
        line, col = max(int(line or 1), 1), max(int(col or 1), 1)
        if "Excessive depth" in msg or "XML_PARSE_HUGE" in msg or "huge" in msg.lower():
            raise XmlSecurityError(
                f"XML refused: {msg}", line=line, column=col, found="a limit exceeded",
                expected=f"depth at most {MAX_DEPTH}, text nodes under 10 MB",
            ) from None
        raise XmlSyntaxError(f"malformed XML: {msg}", line=line, column=col) from None
    except (ValueError, etree.ParserError) as e:
        raise XmlSyntaxError(f"malformed XML: {e}", line=1, column=1) from None


# --- tokenizer -----------------------------------------------------------------------------------


def _encoding(data: bytes) -> tuple[bytes, str]:
    """The BOM bytes and the codec name, from the BOM or the XML declaration."""
    for b, e in _BOMS:
        if data.startswith(b):
            return b, e
    m = DECL_ENCODING_RE.match(data[:200])
    if m is None:
        return b"", "utf-8"
    name = m["enc"].decode("ascii")
    try:
        return b"", codecs.lookup(name).name
    except LookupError:
        raise XmlSyntaxError(
            f"unknown encoding {name!r}", line=1, column=m.start("enc") + 1, found=name, expected="utf-8"
        ) from None


def _decode(data: bytes) -> tuple[str, bytes, str]:
    """The decoded text, the BOM bytes and the codec name."""
    bom, enc = _encoding(data)
    body = data[len(bom) :]
    try:
        return body.decode(enc), bom, enc
    except UnicodeDecodeError as e:
        line, col = _bytes_line_col(body, e.start)
        raise XmlSyntaxError(
            f"bytes that are not {enc}", line=line, column=col, found=repr(body[e.start : e.start + 4]), expected=enc
        ) from None


def parse_document(data: bytes, *, validate: bool = True) -> Document:
    """Parse bytes into a lossless :class:`Document`.

    With ``validate`` the bytes first go through :func:`safe_parse` (lxml decides well-formedness and
    gives the error position); the tokenizer itself also refuses DTDs, excessive depth and broken markup.
    """
    check_untrusted(data)
    if validate:
        safe_parse(data)
    text, bom, enc = _decode(data)
    return _tokenize(text, bom, enc)


def _syntax(text: str, offset: int, message: str, found: str | None = None, expected: str | None = None) -> XmlSyntaxError:
    line, col = line_col(text, offset)
    return XmlSyntaxError(message, line=line, column=col, found=found, expected=expected)


def _tokenize(text: str, bom: bytes, enc: str) -> Document:
    # PERF: findall() with plain groups is about 2.5x faster than finditer() and match objects;
    # a character no token covers comes out as the last group, so no gap goes unseen.
    tokens = FAST_TOKEN_RE.findall(text)
    elements: list[Element] = []
    head: list[str] = []
    foot: list[str] = []
    stack: list[Element] = []
    root: Element | None = None
    cur: Element | None = None
    pos = 0
    for chars, end, start, tag, other, stray in tokens:
        if chars:
            if cur is not None:
                ch = cur.children
                if ch:
                    ch[-1].tail += chars
                else:
                    cur.text += chars
            elif chars.isspace():
                (head if root is None else foot).append(chars)
            else:
                raise _syntax(text, pos, "text outside the root element", found=chars[:20], expected="whitespace")
            pos += len(chars)
        elif start:
            depth = len(stack)
            if depth >= MAX_DEPTH:
                line, col = line_col(text, pos)
                raise XmlSecurityError("XML nested too deeply", line=line, column=col, found=f"depth {depth + 1}",
                                       expected=f"at most {MAX_DEPTH}")
            if cur is None and root is not None:
                raise _syntax(text, pos, "a second root element", found=tag, expected="end of document")
            el = Element(tag, start, pos, len(elements), depth, cur)
            elements.append(el)
            if cur is None:
                root = el
            else:
                cur.children.append(el)
            if start[-2] != "/":
                stack.append(el)
                cur = el
            pos += len(start)
        elif end:
            if cur is None or end[2:-1].rstrip() != cur.tag:
                raise _syntax(text, pos, "end tag does not match", found=end,
                              expected=f"</{cur.tag}>" if cur is not None else "no end tag")
            cur.end = end
            stack.pop()
            cur = stack[-1] if stack else None
            pos += len(end)
        elif stray:
            raise _syntax(text, pos, "markup the tokenizer cannot read", found=text[pos : pos + 20], expected="a tag")
        else:
            if other.startswith("<![CDATA["):
                if cur is None:
                    raise _syntax(text, pos, "CDATA outside the root element", found=other[:20], expected="whitespace")
                ch = cur.children
                if ch:
                    ch[-1].tail += other
                else:
                    cur.text += other
            elif other.startswith(("<!--", "<?")):
                if cur is None:
                    (head if root is None else foot).append(other)
                else:
                    cur.children.append(Leaf("comment" if other.startswith("<!--") else "pi", other, pos, cur))
            else:
                line, col = line_col(text, pos)
                raise XmlSecurityError("XML with a DTD or declaration is refused", line=line, column=col,
                                       found=other[:20], expected="no <!DOCTYPE>")
            pos += len(other)
    if root is None:
        raise XmlStructureError("no root element", line=1, column=1, found="nothing", expected="an element")
    if stack:
        raise _syntax(text, len(text), "document ends inside an element", found="end of input",
                      expected=f"</{stack[-1].tag}>")
    h, f = "".join(head), "".join(foot)
    return Document(root, h, f, elements, _infer_style(root, h, f, bom, enc))


def _infer_style(root: Element, head: str, foot: str, bom: bytes, enc: str,
                 tags: Iterable[tuple[str, str, bool]] | None = None) -> DocumentStyle:
    """The document's style; ``tags`` gives (name, raw start tag, is empty) in document order."""
    style = DocumentStyle(bom=bom, encoding=enc)
    if head.lstrip().startswith("<?xml"):
        style.declaration = head.lstrip().split("?>", 1)[0] + "?>"
    # newline and indent: from the whitespace before the root's first child
    ws = root.text if root.text.isspace() else ""
    if not ws:
        for c in root.children:
            if isinstance(c, Element) and c.tail.isspace():
                ws = c.tail
                break
    if "\n" in ws:
        style.newline = "\r\n" if "\r\n" in ws else "\n"
        style.indent = ws.rsplit("\n", 1)[1]
    elif "\n" in head:
        style.newline = "\r\n" if "\r\n" in head else "\n"
        style.indent = ""
    else:
        style.newline, style.indent = "", ""
    if tags is None:
        tags = ((el.tag, el.start, el.end == "") for el in root.iter())
    empty: str | None = None
    quote: str | None = None
    for tag, start, is_empty in tags:
        if empty is None and is_empty:
            empty = " />" if start.endswith(" />") else "/>"
        if quote is None and (m := ATTR_RE.search(start, len(tag) + 1)) is not None:
            quote = "'" if m["sq"] is not None else '"'
        if empty is not None and quote is not None:
            break
    style.empty_tag = empty if empty is not None else (" />" if bom else "/>")
    if quote is not None:
        style.quote = quote
    style.final_newline = foot.endswith("\n") or root.tail.endswith("\n")
    return style


# --- the scanned document: built on demand ---------------------------------------------------------

# A '>' inside a quoted attribute value (legal XML, never seen in OB files), which splitting at '<'
# and cutting each tag at its first '>' would misread:  <extref doc="a>b">  (the scan falls back).
GT_IN_DQ_ATTR_RE = re.compile(rb"""=\s*"[^"<]*>""")

# The same in a single-quoted value:  <extref doc='a>b'>
GT_IN_SQ_ATTR_RE = re.compile(rb"""=\s*'[^'<]*>""")

# The element name at the start of a piece after '<':  b'nadruk type="vet">Voorzitter: Arib'  → b'nadruk'
PIECE_NAME_RE = re.compile(rb"[^\s/>]+")


class _Run:
    """Consecutive children that no edit touches: their bytes, and the raw tail of the last one."""

    __slots__ = ("raw", "tail")

    def __init__(self, raw: bytes, tail: str) -> None:
        self.raw = raw
        self.tail = tail


class _Scan:
    """A UTF-8 document split at every ``<``, with the piece where each element starts and ends.

    Piece ``k`` (``k >= 1``) is what follows the k-th ``<``: a start tag with the raw text after it
    (``b'al>Dank u wel.'``), an end tag with its tail, or a comment or PI with its tail.  Element
    ``i`` starts in piece ``start_k[i]`` and ends in ``end_k[i]`` (the same piece for ``<x />``).
    Elements, their children and their raw bytes are made from the pieces only when asked for.
    """

    __slots__ = ("body", "cache", "data", "depths", "end_k", "offs", "parent", "pieces", "start_k", "transcoded")

    def __init__(self, data: bytes, body: bytes, pieces: list[bytes], start_k: list[int], end_k: list[int],
                 parent: list[int], transcoded: bool) -> None:
        self.data = data  #: the input, BOM included
        self.body = body  #: the document without BOM, in UTF-8
        self.pieces = pieces
        self.start_k = start_k
        self.end_k = end_k
        self.parent = parent  #: element index of each element's parent (-1 for the root)
        self.transcoded = transcoded  #: whether ``body`` was converted to UTF-8 from the document's encoding
        self.cache: list[Element | None] = [None] * len(start_k)
        self.depths: dict[int, int] = {-1: -1}
        self.offs: list[int] | None = None

    def depth(self, i: int) -> int:
        """The depth of element ``i`` (0 for the root), from its chain of parents."""
        depths, parent = self.depths, self.parent
        chain: list[int] = []
        while i not in depths:
            chain.append(i)
            i = parent[i]
        d = depths[i]
        for j in reversed(chain):
            d += 1
            depths[j] = d
        return d

    def element(self, i: int) -> Element:
        """Element ``i`` with its start tag, text, end tag and tail; its children come on first use."""
        el = self.cache[i]
        if el is not None:
            return el
        pieces = self.pieces
        k, ke = self.start_k[i], self.end_k[i]
        p = pieces[k]
        j = p.find(b">") + 1
        name = PIECE_NAME_RE.match(p)
        par = self.parent[i]
        el = Element(name.group().decode("utf-8") if name is not None else "", "<" + p[:j].decode("utf-8"), -1, i,
                     self.depth(i), self.element(par) if par >= 0 else None)
        el._children = None
        el._scan = self
        if ke == k:
            tail = p[j:]
        else:
            el.text = p[j:].decode("utf-8")
            q = pieces[ke]
            je = q.find(b">") + 1
            el.end = "<" + q[:je].decode("utf-8")
            tail = q[je:]
        if i:  # the root's tail belongs to the document's foot (as in the tokenizer)
            el.tail = tail.decode("utf-8")
        self.cache[i] = el
        return el

    def _nodes(self, el: Element) -> Iterator[tuple[int, int]]:
        """(element index or -1 for a comment or PI, piece) of each child of ``el``, skipping subtrees."""
        start_k, end_k = self.start_k, self.end_k
        i = el.index
        kk, stop = start_k[i] + 1, end_k[i]
        j, n = i + 1, len(start_k)
        while kk < stop:
            if j < n and start_k[j] == kk:
                yield j, kk
                kk = end_k[j] + 1
                j = bisect_right(start_k, end_k[j], j + 1)
            else:
                yield -1, kk
                kk += 1

    def _leaf_end(self, k: int) -> int:
        p = self.pieces[k]
        return p.find(b"-->") + 3 if p.startswith(b"!--") else p.find(b"?>") + 2

    def children(self, el: Element) -> list[Element | Leaf]:
        """The children of ``el``: each child element's subtree is skipped in one step."""
        return [self.element(j) if j >= 0 else self._leaf(el, kk) for j, kk in self._nodes(el)]

    def _leaf(self, parent: Element, kk: int) -> Leaf:
        p = self.pieces[kk]
        e = self._leaf_end(kk)
        leaf = Leaf("comment" if p.startswith(b"!--") else "pi", "<" + p[:e].decode("utf-8"),
                    self.char_offset(kk), parent)
        leaf.tail = p[e:].decode("utf-8")
        return leaf

    def runs(self, el: Element, special: set[int], leaves: Container[int] = ()) -> list[Element | Leaf | _Run]:
        """The children of ``el``, the unbuilt ones as runs of bytes.

        Only the elements in ``special`` and the comments and PIs in ``leaves`` (by character
        offset) are built.  PERF: the walk of :meth:`_nodes`, inlined (an edited write calls this
        for every element on the path to an edit, the agendapunt's seventy children included).
        """
        start_k, end_k = self.start_k, self.end_k
        out: list[Element | Leaf | _Run] = []
        first = last = -1
        last_leaf = False
        i = el.index
        kk, stop = start_k[i] + 1, end_k[i]
        j, n = i + 1, len(start_k)
        while kk < stop:
            if j < n and start_k[j] == kk:
                ej = end_k[j]
                if j in special:
                    if first >= 0:
                        out.append(self._run(first, last, last_leaf))
                        first = -1
                    out.append(self.element(j))
                else:
                    if first < 0:
                        first = kk
                    last, last_leaf = ej, False
                kk = ej + 1
                j = bisect_right(start_k, ej, j + 1)
                continue
            if leaves and self.char_offset(kk) in leaves:
                if first >= 0:
                    out.append(self._run(first, last, last_leaf))
                    first = -1
                out.append(self._leaf(el, kk))
            else:
                if first < 0:
                    first = kk
                last, last_leaf = kk, True
            kk += 1
        if first >= 0:
            out.append(self._run(first, last, last_leaf))
        return out

    def _run(self, first: int, last: int, leaf: bool) -> _Run:
        q = self.pieces[last]
        e = self._leaf_end(last) if leaf else q.find(b">") + 1
        data = b"<" + (b"<".join(self.pieces[first:last]) + b"<" if last > first else b"") + q[:e]
        return _Run(data, q[e:].decode("utf-8"))

    def raw(self, el: Element) -> bytes:
        """The bytes of ``el`` from its start tag to its end tag, as read."""
        i = el.index
        k, ke = self.start_k[i], self.end_k[i]
        q = self.pieces[ke]
        last = q[: q.find(b">") + 1]
        if ke == k:
            return b"<" + last
        return b"<" + b"<".join(self.pieces[k:ke]) + b"<" + last

    def head_bytes(self) -> bytes:
        """Everything before the root's start tag."""
        return b"<".join(self.pieces[: self.start_k[0]])

    def foot_bytes(self) -> bytes:
        """Everything after the root's end tag."""
        ke = self.end_k[0]
        q = self.pieces[ke]
        rest = self.pieces[ke + 1 :]
        return q[q.find(b">") + 1 :] + (b"<" + b"<".join(rest) if rest else b"")

    def char_offset(self, k: int) -> int:
        """Character offset of the ``<`` that opens piece ``k`` in the decoded document."""
        if self.offs is None:  # PERF: counted once, when an offset is first asked for
            self.offs = list(accumulate((len(p.decode("utf-8", errors="replace")) + 1 for p in self.pieces),
                                        initial=0))
        return self.offs[k] - 1

    def tags(self) -> Iterator[tuple[str, str, bool]]:
        """(name, raw start tag, is empty) of every element in document order, without building elements."""
        for k, ke in zip(self.start_k, self.end_k, strict=True):
            p = self.pieces[k]
            start = "<" + p[: p.find(b">") + 1].decode("utf-8")
            m = PIECE_NAME_RE.match(p)
            yield (m.group().decode("utf-8") if m is not None else ""), start, ke == k


class _Elements(Sequence[Element]):
    """``Document.elements`` of a scanned document: element ``i`` is built when it is first indexed."""

    __slots__ = ("_scan",)

    def __init__(self, scan: _Scan) -> None:
        self._scan = scan

    def __len__(self) -> int:
        return len(self._scan.start_k)

    @overload
    def __getitem__(self, i: int) -> Element: ...

    @overload
    def __getitem__(self, i: slice) -> list[Element]: ...

    def __getitem__(self, i: int | slice) -> Element | list[Element]:
        if isinstance(i, slice):
            return [self._scan.element(k) for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._scan.element(i)


def _scan_pieces(body: bytes) -> tuple[list[bytes], list[int], list[int], list[int]] | None:
    """Split ``body`` at every ``<`` and pair start and end tags; None for what the scan does not take.

    It does not take (and :func:`scan_document` hands to the tokenizer instead): CDATA, a comment or
    PI with a ``<`` inside, a ``>`` inside an attribute value, text or a second element outside the
    root, and anything else that is not well-formed.  End tag names are not compared: the input
    has been parsed by lxml.
    """
    pieces = body.split(b"<")
    if pieces[0].strip() or GT_IN_DQ_ATTR_RE.search(body) is not None:
        return None
    if b"'" in body and GT_IN_SQ_ATTR_RE.search(body) is not None:
        return None
    start_k: list[int] = []
    end_k: list[int] = []
    parent: list[int] = []
    stack: list[int] = [-1]
    new_start, new_end, new_parent = start_k.append, end_k.append, parent.append
    push, pop = stack.append, stack.pop
    i = 0
    it = enumerate(pieces)
    next(it)
    try:
        for k, p in it:
            c = p[0]
            if c == 47:  # '/': an end tag
                end_k[pop()] = k
            elif c == 33 or c == 63:  # '!' or '?': a comment or PI, which must end inside this piece
                if (p.find(b"?>") if c == 63 else p.find(b"-->") if p.startswith(b"!--") else -1) < 0:
                    return None
            elif c <= 32 or c == 62:  # '< ' or '<>': not markup
                return None
            else:  # a start tag
                new_start(k)
                new_parent(stack[-1])
                j = p.find(b">")
                if j < 1:
                    return None
                if p[j - 1] == 47:  # '/>'
                    new_end(k)
                else:
                    new_end(-1)
                    push(i)
                i += 1
    except IndexError:  # an empty piece ('<<'), or an end tag with nothing open
        return None
    if stack != [-1] or not start_k or start_k[-1] > end_k[0]:  # unclosed, no root, a second root
        return None
    # outside the root: only comments, PIs and whitespace
    for k in (*range(1, start_k[0]), *range(end_k[0] + 1, len(pieces))):
        p = pieces[k]
        if p[0] not in b"!?" or p[p.find(b">") + 1 :].strip():
            return None
    q = pieces[end_k[0]]
    if q[q.find(b">") + 1 :].strip():
        return None
    return pieces, start_k, end_k, parent


def scan_document(data: bytes) -> Document:
    """A lossless :class:`Document` of trusted bytes (already parsed by lxml), built on demand.

    The same document as :func:`parse_document` gives, but only where each element starts and ends
    is worked out up front; elements, their children and their text are made when first used, and
    rendering an edit copies every subtree it does not touch as bytes.  PERF: on
    h-tk-20142015-33-13.xml the scan costs about 2x an lxml tostring where the tokenizer cost
    about 12x.  Input the scan does not take (CDATA, ``<`` inside a comment, ``>`` inside an
    attribute value) goes to the tokenizer.
    """
    check_untrusted(data)
    bom, enc = _encoding(data)
    body = data[len(bom) :]
    transcoded = enc != "utf-8"
    if transcoded:
        try:
            body = body.decode(enc).encode("utf-8")
        except UnicodeError:
            return parse_document(data, validate=False)
    found = _scan_pieces(body)
    if found is None:
        return parse_document(data, validate=False)
    scan = _Scan(data, body, *found, transcoded=transcoded)
    root = scan.element(0)
    head = scan.head_bytes().decode("utf-8")
    foot = scan.foot_bytes().decode("utf-8")
    style = _infer_style(root, head, foot, bom, enc, scan.tags())
    return Document(root, head, foot, _Elements(scan), style, scan)


# --- new markup in the document's style ----------------------------------------------------------


@dataclass
class NewElement:
    """An element to be written fresh: tag, attributes in order, children (elements or text)."""

    tag: str
    attrs: list[tuple[str, str]] = field(default_factory=list)
    children: list[NewElement | str] = field(default_factory=list)


def render_new(el: NewElement, depth: int, style: DocumentStyle, *, mixed: bool = False) -> str:
    r"""Markup for ``el`` at ``depth``, indented the way the OB serializer does it.

    While an element's content is only elements, each child goes on its own indented line; from
    the first text node on (mixed content) nothing more is indented inside that element, and its
    end tag follows inline.  Example: ``<al>`` → ``<nadruk>`` gives
    ``<al>\r\n  <nadruk type="vet">Voorzitter: Arib</nadruk> </al>``.
    """
    q = style.quote
    attrs = "".join(f" {k}={q}{escape_attr(v, q)}{q}" for k, v in el.attrs)
    if not el.children:
        return f"<{el.tag}{attrs}{style.empty_tag}"
    out = [f"<{el.tag}{attrs}>"]
    inner_mixed = mixed
    nl = style.newline
    for c in el.children:
        if isinstance(c, str):
            out.append(escape_text(c))
            inner_mixed = True
        else:
            if not inner_mixed and nl:
                out.append(nl + style.indent * (depth + 1))
            out.append(render_new(c, depth + 1, style, mixed=inner_mixed))
    if not inner_mixed and nl:
        out.append(nl + style.indent * depth)
    out.append(f"</{el.tag}>")
    return "".join(out)


def replace_attr(start: str, name: str, value: str, quote: str = '"') -> str:
    """A raw start tag with one attribute's value replaced, keeping everything else as written."""
    for m in ATTR_RE.finditer(start):
        if m["name"] == name:
            q = "'" if m["sq"] is not None else '"'
            g = "sq" if q == "'" else "dq"
            return start[: m.start(g)] + escape_attr(value, q) + start[m.end(g) :]
    body = start[:-2] if start.endswith("/>") else start[:-1]
    close = start[len(body) :]
    stripped = body.rstrip()
    return f"{stripped} {name}={quote}{escape_attr(value, quote)}{quote}{body[len(stripped):]}{close}"
