"""The round-trip check behind ``verslag roundtrip FILE``: whether read → write gives the same bytes.

If not, the report names the first difference by line and column (1-based, counted in the input)
and shows the line as read and as written with a caret under the first differing character.
"""

from __future__ import annotations

__all__ = ["first_difference", "roundtrip_report"]

#: How many characters of a long line to show on each side of the difference.
CONTEXT = 60


def first_difference(expected: bytes, got: bytes) -> tuple[int, int, int] | None:
    """(byte offset, line, column) of the first byte where ``got`` differs from ``expected``; None if equal.

    Line and column are 1-based and refer to ``expected``; the column counts characters, not bytes.
    """
    if expected == got:
        return None
    n = min(len(expected), len(got))
    k = 0
    while k + 4096 <= n and expected[k : k + 4096] == got[k : k + 4096]:  # PERF: skip equal blocks
        k += 4096
    while k < n and expected[k] == got[k]:
        k += 1
    line = expected.count(b"\n", 0, k) + 1
    start = expected.rfind(b"\n", 0, k) + 1
    column = len(expected[start:k].decode("utf-8", errors="replace")) + 1
    return k, line, column


def _excerpt(data: bytes, offset: int) -> tuple[str, int]:
    """The line around ``offset`` (decoded, CR shown as ␍) and the caret position in it."""
    start = data.rfind(b"\n", 0, offset) + 1
    end = data.find(b"\n", offset)
    end = len(data) if end < 0 else end + 1
    before = data[start:offset].decode("utf-8", errors="replace")
    after = data[offset:end].decode("utf-8", errors="replace")
    if len(before) > CONTEXT:
        before = "…" + before[-CONTEXT:]
    if len(after) > CONTEXT:
        after = after[:CONTEXT] + "…"
    shown = (before + after).replace("\ufeff", "<BOM>").replace("\r", "␍").replace("\n", "␊")
    caret = len(before.replace("\ufeff", "<BOM>"))
    return shown, caret


def roundtrip_report(data: bytes) -> tuple[bool, str]:
    """Read ``data`` as XML, write it back, and say whether the bytes are the same.

    Two writes are checked: :func:`verslag.write_xml` as a user calls it (which returns the input
    when the model is unchanged) and the same report rendered from its lossless tree with every
    element through the edit path (``force_render``), so that the renderer itself is checked too.
    Returns ``(True, summary)`` or ``(False, where and how the output first differs)``.  Errors in
    reading or writing propagate as :class:`~verslag.errors.VerslagError`.
    """
    from verslag.api import read_xml, write_xml
    from verslag.xml_reader import XmlBinding
    from verslag.xml_writer import write_xml as render

    v = read_xml(data)
    out = write_xml(v)
    path = "write_xml"
    diff = first_difference(data, out)
    if diff is None and isinstance(v._xml, XmlBinding):
        out = render(v, force_render=True)
        path = "the lossless tree rendered element by element"
        diff = first_difference(data, out)
    kind = getattr(v._xml, "variant", v.source_format)
    if diff is None:
        return True, f"round-trip OK: {len(data)} bytes identical ({kind}, {len(v.turns)} turns; the tree rendered too)"
    k, line, column = diff
    want, wc = _excerpt(data, k)
    got, gc = _excerpt(out, min(k, len(out)))
    lines = [
        f"round-trip DIFFERS at line {line}, column {column} (byte {k}; input {len(data)} bytes, output {len(out)} bytes"
        f", {path})",
        f"  input:  {want}",
        "          " + " " * wc + "^",
        f"  output: {got}",
        "          " + " " * gc + "^",
    ]
    if v.source_format == "vlos":
        lines.append("  (VLOS is read into the model; write_xml writes OB XML, so VLOS input never round-trips)")
    return False, "\n".join(lines)
