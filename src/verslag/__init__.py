"""verslag: Tweede Kamer committee reports (verslagen) as typed data.

Read PDF text or Officiële Bekendmakingen / VLOS XML into a :class:`Verslag`, write OB XML back
byte for byte, and analyse the debate: phases, interruptions and commitments (toezeggingen).

>>> import verslag
>>> v = verslag.parse("fixtures/kst-26643-679.txt")  # doctest: +SKIP
>>> v.meta.chair  # doctest: +SKIP
'Diks'
"""

from __future__ import annotations

from verslag.api import (
    compare,
    detect_format,
    parse,
    parse_text,
    read_vlos,
    read_xml,
    resolve_speaker,
    write_xml,
)
from verslag.batch import parse_many
from verslag.errors import (
    InputError,
    InternalError,
    RoundTripError,
    TextParseError,
    VerslagError,
    XmlError,
    XmlSecurityError,
    XmlStructureError,
    XmlSyntaxError,
)
from verslag.model import (
    AgendaItem,
    Block,
    ChairChange,
    Commitment,
    CommitmentCandidate,
    CommitmentStatus,
    Deadline,
    Diagnostic,
    Furniture,
    GovernmentMember,
    Interruption,
    Meta,
    Phase,
    Precision,
    Role,
    Severity,
    Signatory,
    Speaker,
    Suspension,
    Turn,
    Unparsed,
    Verslag,
)
from verslag.render import Layout, render_text
from verslag.speakers import Resolution
from verslag.tables import frame

__version__ = "0.1.0"

__all__ = [
    "AgendaItem",
    "Block",
    "ChairChange",
    "Commitment",
    "CommitmentCandidate",
    "CommitmentStatus",
    "Deadline",
    "Diagnostic",
    "Furniture",
    "GovernmentMember",
    "InputError",
    "InternalError",
    "Interruption",
    "Layout",
    "Meta",
    "Phase",
    "Precision",
    "Resolution",
    "Role",
    "RoundTripError",
    "Severity",
    "Signatory",
    "Speaker",
    "Suspension",
    "TextParseError",
    "Turn",
    "Unparsed",
    "Verslag",
    "VerslagError",
    "XmlError",
    "XmlSecurityError",
    "XmlStructureError",
    "XmlSyntaxError",
    "__version__",
    "compare",
    "detect_format",
    "frame",
    "parse",
    "parse_many",
    "parse_text",
    "read_vlos",
    "read_xml",
    "render_text",
    "resolve_speaker",
    "write_xml",
]
