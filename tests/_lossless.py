"""The no-loss oracle shared by the property and fuzz tests.

Every character of a text input ends up in exactly one place of the model (``Verslag.iter_text``)
or in the recorded furniture (footers), apart from layout: whitespace anywhere, and a hyphen at the
end of a line ('geschie-' + 'denis' → 'geschiedenis').  Every other hyphen must be kept.
"""

from __future__ import annotations

import verslag
from verslag.source import CONTROL_RE

#: Stands in the expected text for a line-end hyphen, which the parser may drop.
OPTIONAL_HYPHEN = "\x00"


def squeeze(s: str) -> str:
    """Drop whitespace (layout clean-up may remove it anywhere)."""
    return "".join(s.split())


def accounted(v: verslag.Verslag) -> str:
    """What the model holds, in source order, without whitespace."""
    return squeeze("".join(text for _line, text in v.iter_text()))


def expected(text: str, v: verslag.Verslag) -> str:
    """The input as the model must account for it.

    Normalised as the parser does (BOM, CR, form feeds, control characters), without the footers
    the model recorded as furniture (checked to be those lines), each line-end hyphen marked as
    :data:`OPTIONAL_HYPHEN`.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")
    lines = CONTROL_RE.sub("", text).split("\n")
    for f in v.furniture:
        if f.kind == "footer":  # a whole line, or the tail of one (a first page's footer)
            line = lines[f.line - 1].rstrip()
            assert line.endswith(f.text.rstrip()), (f, line)
            lines[f.line - 1] = line[: len(line) - len(f.text.rstrip())]
    for i, line in enumerate(lines):
        line = line.rstrip()
        if line.endswith("-"):
            lines[i] = line[:-1] + OPTIONAL_HYPHEN
    return squeeze("\n".join(lines))


def matches(got: str, want: str) -> bool:
    """Whether ``got`` is ``want`` with each OPTIONAL_HYPHEN either a '-' or nothing."""
    parts = want.split(OPTIONAL_HYPHEN)
    ends = {0}  # the positions in ``got`` where the text so far can end
    for k, part in enumerate(parts):
        if k:
            ends |= {p + 1 for p in ends if got.startswith("-", p)}
        ends = {p + len(part) for p in ends if got.startswith(part, p)}
        if not ends:
            return False
    return len(got) in ends


def first_difference(got: str, want: str) -> str:
    """Where ``got`` and ``want`` part, for a failure message."""
    plain = want.replace(OPTIONAL_HYPHEN, "")
    k = next((i for i, (a, b) in enumerate(zip(got, plain, strict=False)) if a != b), min(len(got), len(plain)))
    return f"text lost or added near {k}: model {got[k - 40 : k + 40]!r} input {plain[k - 40 : k + 40]!r}"


def assert_nothing_lost(text: str, v: verslag.Verslag) -> None:
    """Fail with the first difference unless ``v`` accounts for every character of ``text``."""
    got, want = accounted(v), expected(text, v)
    assert matches(got, want), first_difference(got, want)
