"""The one exception hierarchy of verslag, and the diagnostic codes.

Every error says what was found, what was expected, and where (line and column, 1-based).
Arbitrary input never raises anything but a :class:`VerslagError`.
"""

from __future__ import annotations

__all__ = [
    "CODES",
    "InputError",
    "InternalError",
    "RoundTripError",
    "TextParseError",
    "VerslagError",
    "XmlError",
    "XmlSecurityError",
    "XmlStructureError",
    "XmlSyntaxError",
]


class VerslagError(Exception):
    """Base of every error verslag raises; carries ``line`` and ``column`` (1-based; 0 when unknown)."""

    def __init__(
        self,
        message: str,
        *,
        line: int = 0,
        column: int = 0,
        found: str | None = None,
        expected: str | None = None,
        context: str | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.found = found
        self.expected = expected
        self.context = context
        super().__init__(self._render())

    def _render(self) -> str:
        parts = [self.message]
        if self.found is not None or self.expected is not None:
            parts.append(f"(found {self.found!r}, expected {self.expected})")
        if self.line:
            parts.append(f"at line {self.line}, column {self.column}")
        text = " ".join(parts)
        if self.context is not None:
            caret = " " * max(self.column - 1, 0) + "^"
            text += f"\n    {self.context}\n    {caret}"
        return text


class InputError(VerslagError, ValueError):
    """The input is not something verslag can read at all (wrong type, undecodable bytes, unknown format)."""


class TextParseError(VerslagError, ValueError):
    """PDF text that cannot be parsed in strict mode."""


class XmlError(VerslagError, ValueError):
    """Base of the XML errors."""


class XmlSyntaxError(XmlError):
    """The bytes are not well-formed XML."""


class XmlSecurityError(XmlError):
    """The XML uses a feature refused for safety: a DTD, an entity, excessive depth or size."""


class XmlStructureError(XmlError):
    """Well-formed XML that is not a document verslag knows (wrong root, missing parts)."""


class RoundTripError(VerslagError):
    """Writing a model back to XML could not reproduce the input."""


class InternalError(VerslagError):
    """A bug in verslag: an unexpected exception, wrapped so callers only catch VerslagError."""


#: Diagnostic codes with their meaning; the docs list them too (docs/diagnostics.md).
CODES: dict[str, str] = {
    "V101": "input was decoded with replacement characters",
    "V102": "NUL or other control characters removed",
    "V103": "carriage returns normalised",
    "V201": "text before the first speaker label that is not front matter",
    "V202": "no speaker label found",
    "V203": "a line looks like a speaker label but does not parse",
    "V204": "the chair could not be resolved to a person",
    "V205": "a turn has no text",
    "V301": "front matter field missing",
    "V302": "front matter field could not be parsed",
    "V401": "no closing list of commitments found",
    "V402": "a commitment's bewindspersoon could not be resolved",
    "V501": "XML element not mapped to the model",
}
