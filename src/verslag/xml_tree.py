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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

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
    "unescape",
]

#: Largest input accepted (bytes); larger input is refused with :class:`XmlSecurityError`.
MAX_BYTES = 200 * 1024 * 1024

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
    """An element with its raw start tag, raw text, raw children, raw end tag and raw tail."""

    __slots__ = ("_attrib", "children", "depth", "end", "index", "offset", "parent", "start", "tag", "tail", "text")

    def __init__(self, tag: str, start: str, offset: int, index: int, depth: int, parent: Element | None) -> None:
        self.tag = tag  #: the element name as written: 'al'
        self.start = start  #: the raw start tag: '<nadruk type="vet">' or '<meta ... />'
        self.end = ""  #: the raw end tag: '</al>'; '' for an empty element written as one tag
        self.text = ""  #: raw text between the start tag and the first child (lxml's .text)
        self.tail = ""  #: raw text after the end tag (lxml's .tail)
        self.children: list[Element | Leaf] = []
        self.offset = offset  #: character offset of the start tag in the decoded document
        self.index = index  #: position in document order among elements (0 = the root)
        self.depth = depth  #: 0 for the root
        self.parent = parent
        self._attrib: dict[str, str] | None = None

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
        out: list[str] = []
        _render(self, out, Edits(), None, False)
        return "".join(out)


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

    _insert_parents: set[int] = field(default_factory=set, repr=False)  #: filled when rendering

    def __bool__(self) -> bool:
        return any((self.text, self.tail, self.start, self.content, self.delete, self.drop, self.before, self.after))


def _ws(s: str) -> bool:
    return not s or s.isspace()


def _render(el: Element, out: list[str], ed: Edits, style: DocumentStyle | None, edited: bool = True) -> None:
    children = el.children
    if not edited:  # PERF: the unedited path does no lookups at all
        out.append(el.start)
        out.append(el.text)
        for c in children:
            if isinstance(c, Element):
                _render(c, out, ed, style, False)
            else:
                out.append(c.raw)
            out.append(c.tail)
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
    for c in children:
        if not isinstance(c, Element):
            out.append(c.raw)
            out.append(c.tail)
            continue
        ci = c.index
        tail = ed.tail.get(ci, c.tail)
        lead = ""
        if has_inserts:
            lead = out[-1] if _ws(out[-1]) and out[-1] else _lead(style, c.depth)
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
        _render(c, out, ed, style, True)
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

    __slots__ = ("elements", "foot", "head", "root", "style")

    def __init__(self, root: Element, head: str, foot: str, elements: list[Element], style: DocumentStyle) -> None:
        self.root = root
        self.head = head  #: raw text before the root: declaration, whitespace, comments, PIs
        self.foot = foot  #: raw text after the root's end tag (the final newline, if any)
        self.elements = elements  #: every element in document order; ``elements[i].index == i``
        self.style = style

    def serialize(self, edits: Edits | None = None) -> str:
        """The document as text (without BOM), with ``edits`` applied."""
        out: list[str] = [self.head]
        ed = edits or Edits()
        els = self.elements
        ed._insert_parents = {p.index for i in (*ed.after, *ed.before) if (p := els[i].parent) is not None}
        _render(self.root, out, ed, self.style, bool(ed))
        out.append(self.root.tail)
        out.append(self.foot)
        return "".join(out)

    def to_bytes(self, edits: Edits | None = None) -> bytes:
        """The document as bytes in its own encoding, BOM included, with ``edits`` applied."""
        text = self.serialize(edits)
        return self.style.bom + text.encode(self.style.encoding, errors="xmlcharrefreplace")


# --- safety --------------------------------------------------------------------------------------


def check_untrusted(data: bytes) -> None:
    """Refuse, before any parsing, input that is too large or declares a DTD or entities."""
    if len(data) > MAX_BYTES:
        raise XmlSecurityError(
            "XML input too large", line=1, column=1, found=f"{len(data)} bytes", expected=f"at most {MAX_BYTES} bytes"
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


def _decode(data: bytes) -> tuple[str, bytes, str]:
    """The decoded text, the BOM bytes and the codec name."""
    bom, enc = b"", "utf-8"
    for b, e in _BOMS:
        if data.startswith(b):
            bom, enc = b, e
            break
    body = data[len(bom) :]
    if not bom:
        m = DECL_ENCODING_RE.match(body[:200])
        if m is not None:
            name = m["enc"].decode("ascii")
            try:
                enc = codecs.lookup(name).name
            except LookupError:
                raise XmlSyntaxError(
                    f"unknown encoding {name!r}", line=1, column=m.start("enc") + 1, found=name, expected="utf-8"
                ) from None
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


def _infer_style(root: Element, head: str, foot: str, bom: bytes, enc: str) -> DocumentStyle:
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
    for el in root.iter():
        if el.end == "":
            style.empty_tag = " />" if el.start.endswith(" />") else "/>"
            break
    else:
        style.empty_tag = " />" if bom else "/>"
    for el in root.iter():
        m = ATTR_RE.search(el.start, len(el.tag) + 1)
        if m is not None:
            style.quote = "'" if m["sq"] is not None else '"'
            break
    style.final_newline = foot.endswith("\n") or root.tail.endswith("\n")
    return style


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
