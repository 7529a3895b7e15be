"""HTML for Jupyter (``_repr_html_``) and the presentation vocabulary shared by the research tools.

The labels (phase, role, status names in Dutch), the section headings, the counted nouns (``1
schorsing``, ``2 schorsingen``), the speaker colours and the Dutch date are defined here once, so the
notebook view, the debate page (:mod:`verslag.html_page`), the markdown export and the plots
(:mod:`verslag.plot`) say the same thing in the same colour.

Language: the views are Dutch, the language of the reports. A section heading gives the Dutch term
first and the English one in parentheses ("Sprekers (speakers)"), the same on the notebook view and on
the debate page (:data:`HEADINGS`); labels, counts and table columns are Dutch only.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from verslag.model import Commitment, CommitmentStatus, Meta, Phase, Role, Speaker, Turn, Verslag

__all__ = [
    "CHAIR_COLOUR",
    "FOLD_WORDS",
    "HEADINGS",
    "NOUNS",
    "PALETTE",
    "PHASE_LABELS",
    "ROLE_LABELS",
    "SOURCE_LABELS",
    "STATUS_LABELS",
    "amount",
    "commitment_html",
    "dutch_date",
    "event_slot",
    "heading",
    "hhmm",
    "kamerstuk",
    "kamerstuk_number",
    "meeting_title",
    "noun",
    "phase_label",
    "speaker_colours",
    "speaker_heading",
    "turn_html",
    "verslag_html",
]

#: Dutch names of the phases (termijnen); a turn without a phase belongs to "Debat".
PHASE_LABELS: dict[Phase, str] = {
    Phase.OPENING: "Opening",
    Phase.MEMBERS_FIRST_TERM: "Eerste termijn van de Kamer",
    Phase.GOVERNMENT_FIRST_TERM: "Eerste termijn van de regering",
    Phase.MEMBERS_SECOND_TERM: "Tweede termijn van de Kamer",
    Phase.GOVERNMENT_SECOND_TERM: "Tweede termijn van de regering",
    Phase.COMMITMENTS: "Toezeggingen",
    Phase.CLOSING: "Sluiting",
}

#: Dutch names of the speaker roles (sprekersoort).
ROLE_LABELS: dict[Role, str] = {
    Role.CHAIR: "voorzitter",
    Role.MEMBER: "Kamerlid",
    Role.MINISTER: "minister",
    Role.STATE_SECRETARY: "staatssecretaris",
    Role.OTHER: "overig",
}

#: Dutch names of what became of a toezegging.
STATUS_LABELS: dict[CommitmentStatus, str] = {
    CommitmentStatus.LISTED: "genoteerd",
    CommitmentStatus.WITHDRAWN: "vervallen",
    CommitmentStatus.AMENDED: "gewijzigd",
    CommitmentStatus.ADDED: "toegevoegd",
}

#: What a report was read from (``Verslag.source_format``), in Dutch: 'gemaakt met verslag uit PDF-tekst'.
SOURCE_LABELS: dict[str, str] = {
    "text": "PDF-tekst",
    "ob-xml": "OB-XML",
    "vlos": "VLOS-XML",
    "model": "een Verslag-object",
}

#: Section headings: the Dutch term, then the English one (shown in parentheses).
HEADINGS: dict[str, tuple[str, str]] = {
    "speakers": ("Sprekers", "speakers"),
    "phases": ("Termijnen", "phases"),
    "commitments": ("Toezeggingen", "commitments"),
    "timeline": ("Verloop", "timeline"),
    "debate": ("Het debat", "turns"),
}

#: The Dutch nouns the views count, singular → plural: '1 schorsing', '2 schorsingen'.
NOUNS: dict[str, str] = {
    "agendapunt": "agendapunten",
    "alinea": "alinea's",
    "beurt": "beurten",
    "bewindspersoon": "bewindspersonen",
    "commissie": "commissies",
    "interruptie": "interrupties",
    "melding": "meldingen",
    "schorsing": "schorsingen",
    "spreekbeurt": "spreekbeurten",
    "spreker": "sprekers",
    "toezegging": "toezeggingen",
    "woord": "woorden",
}

#: Speaker colours in order of first appearance: distinguishable, readable under white text, print-safe.
PALETTE: tuple[str, ...] = (
    "#1f6fb2", "#c8553d", "#2a9d6f", "#8e5cb8", "#d18b00", "#3a8fa8",
    "#b8406f", "#5b7f1e", "#7a5230", "#4c5fd5", "#a3364a", "#167a7a",
)

#: The chair's colour: neutral, so the debaters stand out.
CHAIR_COLOUR = "#8a8f98"

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")

#: Above this many words a turn's text is folded in <details> in the notebook view.
FOLD_WORDS = 120


def noun(n: int, singular: str) -> str:
    """Return the noun in the number that goes with ``n``: the singular for one, else its plural.

    'schorsing' for 1, 'schorsingen' for 0 or 2 (from :data:`NOUNS`); capitalisation is kept
    ('Commissie', 'Commissies'). Raises ``KeyError`` for a noun not in :data:`NOUNS`.
    """
    if n == 1:
        return singular
    plural = NOUNS[singular.lower()]
    return plural[:1].upper() + plural[1:] if singular[:1].isupper() else plural


def amount(n: int, singular: str, sep: str = ".") -> str:
    """Return a count with its noun in the right number: ``1 schorsing``, ``26.159 woorden``.

    ``sep`` groups the thousands (Dutch: a full stop; '' for none).
    """
    digits = f"{n:,}".replace(",", sep)
    return f"{digits} {noun(n, singular)}"


def heading(key: str) -> str:
    """Return a section heading from :data:`HEADINGS` as HTML: the Dutch term, the English one in parentheses."""
    nl, en = HEADINGS[key]
    return f"{escape(nl)} <span lang=en>({escape(en)})</span>"


def phase_label(phase: Phase | None) -> str:
    """Return the Dutch name of ``phase``; ``"Debat"`` when the turn has no phase."""
    return PHASE_LABELS[phase] if phase is not None else "Debat"


def dutch_date(d: dt.date | None) -> str:
    """``11 maart 2020``; empty for ``None``."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}" if d is not None else ""


def hhmm(t: dt.time | None) -> str:
    """``16.04`` as the reports print times; empty for ``None``."""
    return f"{t.hour:02d}.{t.minute:02d}" if t is not None else ""


def meeting_title(meta: Meta) -> str:
    """Return the meeting's title: the printed title, else kind and date ('Commissiedebat van 11 maart 2020')."""
    if meta.title:
        return meta.title
    kind = (meta.kind or "verslag").strip()
    kind = kind[:1].upper() + kind[1:]
    return f"{kind} van {dutch_date(meta.date)}" if meta.date else kind


def kamerstuk_number(meta: Meta) -> str:
    """``26643, nr. 679``: the Kamerstuk number without the word; empty when the report has none."""
    if not meta.dossier:
        return ""
    return meta.dossier + (f", nr. {meta.number}" if meta.number else "")


def kamerstuk(meta: Meta) -> str:
    """``Kamerstuk 26643, nr. 679``; the publication id when the report has no Kamerstuk number, else empty."""
    if not meta.dossier:
        return meta.identifier or ""
    return f"Kamerstuk {kamerstuk_number(meta)}"


def speaker_colours(v: Verslag) -> dict[str, str]:
    """Give each speaker name a colour, in order of first appearance; a speaker who only chairs is grey."""
    out: dict[str, str] = {}
    chairs = {t.speaker.name for t in v.turns if t.speaker.role is Role.CHAIR}
    i = 0
    for name in v.speakers():
        if name in chairs and all(t.speaker.role is Role.CHAIR for t in v.turns if t.speaker.name == name):
            out[name] = CHAIR_COLOUR
        else:
            out[name] = PALETTE[i % len(PALETTE)]
            i += 1
    return out


def speaker_heading(sp: Speaker) -> str:
    """Return the label as printed, with the chairing member's name added: 'De voorzitter (Diks)'."""
    if sp.role is Role.CHAIR and sp.name and sp.name not in sp.label:
        return f"{sp.label} ({sp.name})"
    return sp.label


def event_slot(after_turn: int, n_turns: int) -> int:
    """Clamp an event's ``after_turn`` to -1 (before the first turn) .. the last turn's index."""
    return max(-1, min(after_turn, n_turns - 1))


def _e(x: object) -> str:
    return escape("" if x is None else str(x))


_STYLE = (
    "<style>.vsl{font-family:system-ui,sans-serif;font-size:13px;line-height:1.4;max-width:60em}"
    ".vsl h3{margin:.2em 0;font-size:1.25em}.vsl h4{margin:.8em 0 .2em;font-size:1.05em}"
    ".vsl table{border-collapse:collapse;margin:.2em 0}.vsl th,.vsl td{border-bottom:1px solid #ddd;"
    "padding:2px 8px;text-align:left;vertical-align:top}.vsl td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".vsl .sw{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.3em;vertical-align:-1px}"
    ".vsl .muted{color:#666}.vsl details summary{cursor:pointer;color:#555}.vsl p{margin:.3em 0}</style>"
)


def _header(v: Verslag) -> str:
    m = v.meta
    facts = [
        ("Kamerstuk", kamerstuk_number(m)),
        ("Publicatie", "" if m.dossier else m.identifier or ""),
        ("Vergaderjaar", m.year or ""),
        (noun(len(m.committees), "Commissie"), "; ".join(m.committees)),
        ("Voorzitter", m.chair or ""),
        ("Griffier", m.clerk or ""),
        ("Tijd", "–".join(x for x in (hhmm(m.start), hhmm(m.end)) if x)),
        (noun(len(m.government), "Bewindspersoon"), "; ".join(f"{g.name} ({g.office})" for g in m.government)),
        ("Bron", SOURCE_LABELS.get(v.source_format, v.source_format)),
    ]
    rows = "".join(f"<tr><th>{_e(k)}</th><td>{_e(val)}</td></tr>" for k, val in facts if val)
    return f"<h3>{_e(meeting_title(m))}</h3><table>{rows}</table>"


def _speakers(v: Verslag) -> str:
    from verslag.tables import to_records

    colours = speaker_colours(v)
    rows = []
    for r in to_records(v, "speakers"):
        colour = colours.get(r["speaker"], CHAIR_COLOUR)
        rows.append(
            f"<tr><td><span class=sw style='background:{colour}'></span>{_e(r['speaker'])}</td>"
            f"<td>{_e(r['party'] or '')}</td><td>{_e(ROLE_LABELS[Role(r['role'])])}</td>"
            f"<td class=n>{r['turns']}</td><td class=n>{r['words']}</td>"
            f"<td class=n>{r['interruptions_made']}</td></tr>"
        )
    head = "<tr><th>Spreker</th><th>Fractie</th><th>Rol</th><th>Beurten</th><th>Woorden</th><th>Interrupties</th></tr>"
    return f"<h4>{heading('speakers')}</h4><table>{head}{''.join(rows)}</table>"


def _phases(v: Verslag) -> str:
    order: dict[Phase | None, list[int]] = {}
    for i, t in enumerate(v.turns):
        order.setdefault(t.phase, []).append(i)
    rows = []
    for phase, idx in order.items():
        words = sum(v.turns[i].words for i in idx)
        first, last = v.turns[idx[0]].lines[0], v.turns[idx[-1]].lines[1]
        rows.append(
            f"<tr><td>{_e(phase_label(phase))}</td><td class=n>{len(idx)}</td><td class=n>{words}</td>"
            f"<td class=n>{first}–{last}</td></tr>"
        )
    head = "<tr><th>Termijn</th><th>Beurten</th><th>Woorden</th><th>Regels</th></tr>"
    return f"<h4>{heading('phases')}</h4><table>{head}{''.join(rows)}</table>"


def _commitment_row(c: Commitment, n: int | None = None) -> str:
    deadline = ""
    if c.deadline is not None:
        deadline = _e(c.deadline.text) + (
            f" <span class=muted>(uiterlijk {c.deadline.date.isoformat()})</span>" if c.deadline.date else ""
        )
    amend = f"<br><span class=muted>gewijzigd: {_e(c.amendment)}</span>" if c.amendment else ""
    num = f"<td class=n>{n}</td>" if n is not None else ""
    return (
        f"<tr>{num}<td>{_fold(c.text)}{amend}</td><td>{_e(c.by or '')}</td><td>{_e(c.to or '')}</td>"
        f"<td>{deadline}</td><td>{_e(STATUS_LABELS[c.status])}</td></tr>"
    )


_COMMITMENT_HEAD = "<tr>{num}<th>Toezegging</th><th>Door</th><th>Aan</th><th>Termijn</th><th>Status</th></tr>"


def _commitments(v: Verslag) -> str:
    if not v.commitments:
        return f"<h4>{heading('commitments')}</h4><p class=muted>Geen toezeggingen gevonden.</p>"
    rows = "".join(_commitment_row(c, i + 1) for i, c in enumerate(v.commitments))
    return f"<h4>{heading('commitments')}</h4><table>{_COMMITMENT_HEAD.format(num='<th>#</th>')}{rows}</table>"


def _fold(text: str, limit: int = FOLD_WORDS) -> str:
    """Escaped text; beyond ``limit`` words the rest is folded in <details>."""
    words = text.split()
    if len(words) <= limit:
        return _e(text)
    return (
        f"{_e(' '.join(words[:limit]))} <details style='display:inline'><summary>… "
        f"({amount(len(words) - limit, 'woord')} meer)</summary>{_e(' '.join(words[limit:]))}</details>"
    )


def verslag_html(v: Verslag) -> str:
    """Show a report in a notebook: header, speakers with turn and word counts, phases, commitments."""
    counted = [
        amount(len(v.turns), "spreekbeurt"),
        amount(sum(t.words for t in v.turns), "woord"),
        amount(len(v.interruptions), "interruptie"),
        amount(len(v.suspensions), "schorsing"),
        amount(len(v.commitments), "toezegging"),
    ] + ([amount(len(v.diagnostics), "melding")] if v.diagnostics else [])
    counts = f"<p class=muted>{' · '.join(counted)}</p>"
    return (
        f"{_STYLE}<div class=vsl>{_header(v)}{counts}{_speakers(v)}{_phases(v)}{_commitments(v)}</div>"
    )


def turn_html(t: Turn) -> str:
    """Show a turn in a notebook: speaker, phase, lines and words, and the text, folded when long."""
    sp = t.speaker
    who = _e(speaker_heading(sp)) + (f" <span class=muted>({_e(ROLE_LABELS[sp.role])})</span>")
    info = f"{_e(phase_label(t.phase))} · regels {t.lines[0]}–{t.lines[1]} · {amount(t.words, 'woord')}"
    if t.words <= FOLD_WORDS:
        body = "".join(f"<p>{_e(p)}</p>" for p in t.paragraphs)
    else:
        first, rest = t.paragraphs[:1], t.paragraphs[1:]
        head = "".join(f"<p>{_fold(p)}</p>" for p in first)
        body = head + (
            f"<details><summary>{_e(amount(len(rest), 'alinea'))} meer</summary>"
            + "".join(f"<p>{_e(p)}</p>" for p in rest)
            + "</details>"
            if rest
            else ""
        )
    return f"{_STYLE}<div class=vsl><b>{who}</b><br><span class=muted>{info}</span>{body}</div>"


def commitment_html(c: Commitment) -> str:
    """Show a toezegging in a notebook: one row of the commitments table."""
    return f"{_STYLE}<div class=vsl><table>{_COMMITMENT_HEAD.format(num='')}{_commitment_row(c)}</table></div>"
