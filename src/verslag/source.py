"""The input text and its positions: the only place that knows lines, columns and pages.

Normalisation of the raw string happens here and is recorded, never silent: carriage returns,
NUL and other control characters, form feeds (a PDF extractor's page break) and a BOM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from verslag.model import Diagnostic, Severity

__all__ = ["Source"]

# Control characters other than tab, newline and form feed (a page break, handled apart): "\x00".
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(slots=True)
class Source:
    """The report text split into lines, with what normalisation changed.

    ``lines[i]`` is source line ``i + 1`` (1-based numbers everywhere outside this class).
    ``page_breaks`` holds the 1-based lines that a form feed (U+000C) started.
    """

    lines: list[str]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    page_breaks: set[int] = field(default_factory=set)

    @classmethod
    def from_text(cls, text: str) -> Source:
        """Normalise ``text`` (BOM, CR, NUL, form feeds) and split it into lines."""
        diags: list[Diagnostic] = []
        if text.startswith("\ufeff"):
            text = text[1:]
        if "\r" in text:
            n = text.count("\r")
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            diags.append(Diagnostic(code="V103", severity=Severity.INFO, message=f"{n} carriage returns normalised to LF"))
        # PERF: search first; substitute only when there is something to remove
        cleaned = CONTROL_RE.sub("", text) if CONTROL_RE.search(text) else text
        if len(cleaned) != len(text):
            diags.append(
                Diagnostic(
                    code="V102",
                    severity=Severity.WARNING,
                    message=f"{len(text) - len(cleaned)} NUL or control characters removed",
                )
            )
            text = cleaned
        if "\ufffd" in text:
            diags.append(
                Diagnostic(code="V101", severity=Severity.WARNING, message="input holds replacement characters (U+FFFD)")
            )
        lines = text.split("\n")
        breaks: set[int] = set()
        if "\f" in text:
            for i, line in enumerate(lines):
                if "\f" in line:
                    breaks.add(i + 1)
                    lines[i] = line.replace("\f", "")
        return cls(lines=lines, diagnostics=diags, page_breaks=breaks)

    def line(self, n: int) -> str:
        """Source line ``n`` (1-based); empty past the end."""
        return self.lines[n - 1] if 1 <= n <= len(self.lines) else ""
