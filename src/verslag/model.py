"""The typed model of a verslag: plain pydantic data, no parsing and no I/O.

Names follow the Tweede Kamer's own vocabulary where there is one; every field's
description gives the Dutch term (see ``docs/model.md``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field, model_validator


class Role(StrEnum):
    """What a speaker is in this meeting (sprekersoort)."""

    CHAIR = "chair"
    MEMBER = "member"
    MINISTER = "minister"
    STATE_SECRETARY = "state_secretary"
    OTHER = "other"


class Phase(StrEnum):
    """The part of the debate a turn belongs to (termijn)."""

    OPENING = "opening"
    MEMBERS_FIRST_TERM = "members_first_term"
    GOVERNMENT_FIRST_TERM = "government_first_term"
    MEMBERS_SECOND_TERM = "members_second_term"
    GOVERNMENT_SECOND_TERM = "government_second_term"
    COMMITMENTS = "commitments"
    CLOSING = "closing"


class Severity(StrEnum):
    """How serious a diagnostic is."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class CommitmentStatus(StrEnum):
    """What became of an item of the chair's closing list (toezegging)."""

    LISTED = "listed"
    WITHDRAWN = "withdrawn"
    AMENDED = "amended"
    ADDED = "added"


class Precision(StrEnum):
    """How exact a derived deadline date is."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF_YEAR = "half_year"
    YEAR = "year"


class _Model(BaseModel):
    """Shared configuration: assignment is validated, unknown fields are refused."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")


class Diagnostic(_Model):
    """A finding about the input that did not stop the parse (melding)."""

    code: str = Field(description="Stable code, e.g. 'V201'; see docs/diagnostics.md.")
    severity: Severity = Field(default=Severity.WARNING, description="How serious it is.")
    message: str = Field(description="What was found and what was expected.")
    line: int = Field(default=0, description="1-based source line (0: not tied to a line).")
    column: int = Field(default=0, description="1-based source column (0: not tied to a column).")


class Speaker(_Model):
    """The person who speaks in a turn (spreker), as labelled and as resolved."""

    label: str = Field(description="The label as printed, without the colon (sprekerkop): 'De heer Verhoeven (D66)'.")
    name: str = Field(description="Surname with tussenvoegsel (achternaam): 'Van Otterloo'; for the chair the chairing member.")
    party: str | None = Field(default=None, description="Parliamentary party (fractie), as printed: 'D66'.")
    role: Role = Field(description="chair, member, minister, state_secretary or other (sprekersoort).")
    prefix: str = Field(default="", description="Salutation or office word (aanhef/voorvoegsels): 'De heer', 'Minister'.")
    office: str | None = Field(
        default=None,
        description="For a bewindspersoon the full office from the header (functie): 'Minister van Justitie en Veiligheid'.",
    )


class Turn(_Model):
    """One speaker's uninterrupted contribution (spreekbeurt)."""

    speaker: Speaker = Field(description="Who speaks (spreker).")
    paragraphs: list[str] = Field(default_factory=list, description="The text, one string per paragraph (alinea).")
    lines: tuple[int, int] = Field(default=(0, 0), description="1-based source lines: the label's line to the last line.")
    paragraph_lines: list[tuple[int, int]] = Field(
        default_factory=list, description="1-based source line range of each paragraph."
    )
    phase: Phase | None = Field(default=None, description="The part of the debate (termijn).")
    source_id: int | None = Field(
        default=None, exclude=True, repr=False, description="Internal: the node this turn was read from (XML input)."
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_computed(cls, data: Any) -> Any:
        """Accept our own JSON back: ``text`` is computed from the paragraphs, not stored."""
        if isinstance(data, dict) and "text" in data:
            data = {k: v for k, v in data.items() if k != "text"}
        return data

    @computed_field(description="The paragraphs joined by newlines.")  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """The paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        """The number of words in the turn."""
        return sum(len(p.split()) for p in self.paragraphs)

    def _repr_html_(self) -> str:
        """HTML for Jupyter."""
        from verslag.display import turn_html

        return turn_html(self)


class Suspension(_Model):
    """A suspension of the meeting (schorsing), an event between turns."""

    text: str = Field(description="The line as printed: 'De vergadering wordt van 17.25 uur tot 17.42 uur geschorst.'")
    start: dt.time | None = Field(default=None, description="When it was suspended (geschorst van).")
    end: dt.time | None = Field(default=None, description="When it resumed (tot).")
    kind: Literal["long", "short"] = Field(
        default="long", description="'short' for 'enkele ogenblikken' (schorsingtype Kort), else 'long'."
    )
    after_turn: int = Field(default=-1, description="0-based index of the turn before it (-1: before the first turn).")
    lines: tuple[int, int] = Field(default=(0, 0), description="1-based source lines.")


class ChairChange(_Model):
    """A hand-over of the chair inside the body (wisseling voorzitter): 'Voorzitter: Van der Lee'."""

    name: str = Field(description="Surname of the new chair.")
    text: str = Field(description="The line as printed.")
    after_turn: int = Field(default=-1, description="0-based index of the turn before it.")
    lines: tuple[int, int] = Field(default=(0, 0), description="1-based source lines.")


class GovernmentMember(_Model):
    """A bewindspersoon present (minister or staatssecretaris) with the office from the header."""

    name: str = Field(description="Surname (achternaam): 'Grapperhaus'.")
    office: str = Field(description="Office (functie): 'Minister van Justitie en Veiligheid'.")
    salutation: str = Field(default="", description="'de heer' or 'mevrouw' as printed (aanhef).")


class AgendaItem(_Model):
    """A document on the agenda (agendapunt), usually a letter (brief) with its Kamerstuk number."""

    text: str = Field(description="The item as printed, without the leading dash.")
    dossier: str | None = Field(default=None, description="Kamerstuk dossier number without spaces (dossiernummer): '26643'.")
    number: str | None = Field(default=None, description="Kamerstuk number within the dossier (ondernummer): '586'.")
    date: dt.date | None = Field(default=None, description="The date of the letter (d.d.).")
    sender: str | None = Field(default=None, description="Who sent it: 'Staatssecretaris van Economische Zaken en Klimaat'.")
    subject: str | None = Field(default=None, description="What it is about (inzake).")


class Signatory(_Model):
    """Who signed the report (ondertekening): function and name."""

    function: str = Field(description="'De voorzitter van de vaste commissie voor Binnenlandse Zaken' (functie).")
    name: str = Field(description="'Ziengs' (naam).")


class Meta(_Model):
    """The report's front matter and identifiers (kop en voorwerk)."""

    dossier: str | None = Field(default=None, description="Kamerstuk dossier number, no spaces (dossiernummer): '26643'.")
    number: str | None = Field(default=None, description="Number within the dossier (ondernummer): '679'.")
    year: str | None = Field(default=None, description="Parliamentary year (vergaderjaar): '2019-2020'.")
    kind: str | None = Field(
        default=None, description="Kind of meeting (soort overleg): 'algemeen overleg', 'commissiedebat', ..."
    )
    title: str | None = Field(default=None, description="Document title if printed (titel).")
    date: dt.date | None = Field(default=None, description="Date of the meeting (datum vergadering).")
    committees: list[str] = Field(default_factory=list, description="The committees (commissies) that met.")
    chair: str | None = Field(default=None, description="Surname of the chair at the start (voorzitter).")
    clerk: str | None = Field(default=None, description="Surname of the clerk (griffier).")
    members_present: list[str] = Field(default_factory=list, description="Members present (aanwezige leden), surnames.")
    members_count: int | None = Field(default=None, description="The number of members present as printed in words.")
    government: list[GovernmentMember] = Field(default_factory=list, description="Bewindspersonen present.")
    agenda: list[AgendaItem] = Field(default_factory=list, description="The documents discussed (agenda).")
    signatories: list[Signatory] = Field(default_factory=list, description="Who signed the report (ondertekening).")
    start: dt.time | None = Field(default=None, description="Start time (aanvang).")
    end: dt.time | None = Field(default=None, description="End time (sluiting).")
    identifier: str | None = Field(default=None, description="The publication id: 'kst-26643-679' or 'h-tk-20172018-61-10'.")


class Interruption(_Model):
    """An exchange in which someone else speaks while one person holds the floor (interruptie)."""

    interrupter: str = Field(description="Surname of who interrupts (interrumpant).")
    host: str = Field(description="Surname of who holds the floor (woordvoerder).")
    turns: list[int] = Field(description="0-based indexes into Verslag.turns, in order.")
    announced: bool = Field(default=False, description="Whether the chair announced it ('Er is een interruptie van ...').")
    phase: Phase | None = Field(default=None, description="The phase it falls in.")


class Deadline(_Model):
    """When a commitment is due (termijn van een toezegging)."""

    text: str = Field(description="The words that say it: 'Binnen vier weken', 'voor de zomer'.")
    date: dt.date | None = Field(
        default=None, description="The latest date it implies, counted from the meeting date; None if none can be derived."
    )
    precision: Precision | None = Field(default=None, description="How exact the date is: day, month, quarter, season ...")


class Commitment(_Model):
    """An item of the chair's closing list of commitments (toezegging)."""

    text: str = Field(description="The item as read out, clean.")
    by: str | None = Field(default=None, description="Surname of the bewindspersoon who made it (toezegger), or None.")
    to: str | None = Field(default=None, description="Surname of the member it was made to (toegezegd aan), or None.")
    deadline: Deadline | None = Field(default=None, description="When it is due (termijn), if said.")
    status: CommitmentStatus = Field(default=CommitmentStatus.LISTED, description="listed, withdrawn, amended or added.")
    amendment: str | None = Field(default=None, description="For an amended item: the words that changed it.")
    turns: list[int] = Field(default_factory=list, description="0-based indexes of the turns it came from.")
    candidate: int | None = Field(
        default=None, description="Index into Verslag.candidates of the in-debate commitment it repeats."
    )

    def _repr_html_(self) -> str:
        """HTML for Jupyter."""
        from verslag.display import commitment_html

        return commitment_html(self)


class CommitmentCandidate(_Model):
    """A commitment a bewindspersoon made during the debate ('ik zal u dat toezenden')."""

    text: str = Field(description="The sentence in which the commitment is made.")
    by: str | None = Field(default=None, description="Surname of the bewindspersoon.")
    turn: int = Field(description="0-based index of the turn it was made in.")
    score: float = Field(default=1.0, description="How sure the detector is (0..1).")


class Block(_Model):
    """A paragraph of text outside the turns (front matter, closing), with its source lines."""

    text: str = Field(description="The text, as cleaned of layout.")
    lines: tuple[int, int] = Field(default=(0, 0), description="1-based source lines.")


class Unparsed(Block):
    """Text the parser could not place, kept whole (onverwerkt)."""

    reason: str = Field(default="", description="Why it could not be placed.")


class Furniture(_Model):
    """Page layout removed from PDF text (opmaak): a running footer or a page-start mark."""

    kind: Literal["footer", "page_start", "hyphen", "blank"] = Field(description="What it is.")
    text: str = Field(description="The characters removed.")
    line: int = Field(description="1-based source line.")


class Verslag(_Model):
    """A parsed report: meta, turns and the debate structure (verslag)."""

    meta: Meta = Field(default_factory=Meta, description="Front matter (voorwerk).")
    turns: list[Turn] = Field(default_factory=list, description="Speaker turns in order (spreekbeurten).")
    suspensions: list[Suspension] = Field(default_factory=list, description="Suspensions (schorsingen).")
    chair_changes: list[ChairChange] = Field(default_factory=list, description="Hand-overs of the chair.")
    interruptions: list[Interruption] = Field(default_factory=list, description="Interruption exchanges (interrupties).")
    commitments: list[Commitment] = Field(default_factory=list, description="The closing list (toezeggingen).")
    candidates: list[CommitmentCandidate] = Field(
        default_factory=list, description="Commitments made during the debate (toezeggingen in het debat)."
    )
    front_matter: list[Block] = Field(default_factory=list, description="The header paragraphs (voorwerk), cleaned.")
    closing: list[Block] = Field(default_factory=list, description="Text after the last turn: 'Sluiting 19.24 uur.'")
    unparsed: list[Unparsed] = Field(default_factory=list, description="Text that could not be placed.")
    furniture: list[Furniture] = Field(default_factory=list, description="Layout removed from PDF text.")
    diagnostics: list[Diagnostic] = Field(default_factory=list, description="Findings that did not stop the parse.")
    source_format: Literal["text", "ob-xml", "vlos", "model"] = Field(default="model", description="What it was read from.")
    _xml: Any = PrivateAttr(default=None)

    def speakers(self) -> list[str]:
        """Distinct speaker names in order of first appearance."""
        seen: dict[str, None] = {}
        for t in self.turns:
            seen.setdefault(t.speaker.name, None)
        return list(seen)

    def iter_text(self) -> Iterator[tuple[int, str]]:
        """Every piece of text the model holds, with its first source line, in source order.

        Together with :attr:`furniture` this accounts for every character of a text input, apart from
        whitespace and line-end hyphens; a label is given with its colon.
        """
        pieces: list[tuple[int, int, str]] = []
        for t in self.turns:
            pieces.append((t.lines[0], 0, t.speaker.label + ":"))
            spans = list(t.paragraph_lines[: len(t.paragraphs)])
            spans += [(t.lines[0], t.lines[1])] * (len(t.paragraphs) - len(spans))  # a paragraph without a span
            for (a, _b), p in zip(spans, t.paragraphs, strict=True):
                pieces.append((a, 1, p))
        for s in self.suspensions:
            pieces.append((s.lines[0], 0, s.text))
        for c in self.chair_changes:
            pieces.append((c.lines[0], 0, c.text))
        for b in [*self.front_matter, *self.closing, *self.unparsed]:
            pieces.append((b.lines[0], 0, b.text))
        pieces.sort(key=lambda p: (p[0], p[1]))
        yield from ((a, txt) for a, _k, txt in pieces)

    def to_records(self, kind: str = "turns") -> list[dict[str, Any]]:
        """One plain dict per item of ``kind``: 'turns', 'interruptions', 'commitments' or 'speakers'."""
        from verslag.tables import to_records

        return to_records(self, kind)

    def to_frame(self, kind: str = "turns") -> Any:
        """A pandas DataFrame of :meth:`to_records` (needs ``verslag[pandas]``)."""
        from verslag.tables import to_frame

        return to_frame(self, kind)

    def _repr_html_(self) -> str:
        """HTML for Jupyter."""
        from verslag.display import verslag_html

        return verslag_html(self)
