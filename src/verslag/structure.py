"""Debate structure: phases, interruptions, commitments (the structure stage of every reader).

:func:`analyze` fills, in place, ``Turn.phase`` of every turn, ``Verslag.interruptions``,
``Verslag.commitments`` and ``Verslag.candidates``.  It is pure over the Verslag (no I/O), may be
run again after an edit, and never raises on odd input: a report it cannot read a structure from
simply gets fewer phases and no commitments.
"""

from __future__ import annotations

from verslag.commitments import _find_candidates, _link_candidates, extract
from verslag.interruptions import find_interruptions
from verslag.model import Diagnostic, Phase, Severity, Verslag
from verslag.phases import plan_phases
from verslag.speakers import roster

__all__ = ["STRUCTURE_CODES", "analyze"]

#: The diagnostic codes this stage adds (and replaces when run again).
STRUCTURE_CODES = ("V401", "V402")


def analyze(v: Verslag) -> None:
    """Fill phases, interruptions, commitments and commitment candidates of ``v`` in place.

    For VLOS input that already carries interruptions (from the nesting of ``interrumpant`` in
    ``woordvoerder``) those are kept.
    """
    keep = v.source_format == "vlos" and bool(v.interruptions)  # VLOS nesting: the Kamer's own
    if not v.turns:
        # PERF: no turns, no structure; the roster of a long members-present list alone took a third
        # of reading a plenary opening item (h-tk-20172018-50-1: 147 people, 0.18 ms).
        if not keep:
            v.interruptions = []
        v.candidates = []
        v.commitments = []
        _diagnose(v, False, [])
        return
    people = roster(v)
    plan = plan_phases(v, people)
    phases = plan.phases(len(v.turns))
    for t, p in zip(v.turns, phases, strict=True):
        t.phase = p
    if not keep:
        v.interruptions = find_interruptions(v, phases, people)
    # PERF: the keyword sentences of the bewindspersonen's turns, read once for both the candidates
    # and their links (by turn index; the turns do not change in between).
    split: dict[int, object] = {}
    candidates = _find_candidates(v, split)
    commitments = extract(v, phases, people)
    _link_candidates(v, commitments, candidates, split)
    v.candidates = candidates
    v.commitments = commitments
    _diagnose(v, plan.government_first is not None, phases)


def _diagnose(v: Verslag, answered: bool, phases: list[Phase]) -> None:
    diags = [d for d in v.diagnostics if d.code not in STRUCTURE_CODES]
    if answered and Phase.COMMITMENTS not in phases:
        diags.append(
            Diagnostic(
                code="V401",
                severity=Severity.INFO,
                message="no closing list of commitments found (expected a chair's turn such as "
                "'Ik heb de volgende toezeggingen genoteerd.' followed by items)",
            )
        )
    for c in v.commitments:
        if c.by is None and c.status != "withdrawn":
            first = c.turns[0] if c.turns else None
            line = v.turns[first].lines[0] if first is not None and first < len(v.turns) else 0
            diags.append(
                Diagnostic(
                    code="V402",
                    severity=Severity.INFO,
                    message=f"commitment {c.text[:60]!r}: the bewindspersoon could not be resolved with certainty",
                    line=line,
                )
            )
    v.diagnostics = diags
