"""The debate page: one self-contained HTML file for reading a verslag (``--format html``).

The page has the meeting header, a timeline of the debate per phase (termijn) in which every turn is
a bar as wide as its word count in the colour of its speaker, interruption exchanges (interrupties)
drawn low with a marker above them and suspensions (schorsingen) as hatched gaps; then the turns,
with each interruption exchange indented under the speech it interrupts, and the table of
toezeggingen with status and deadline.

Self-contained means: inline CSS, a few lines of inline JavaScript (highlight a speaker, open folded
text before printing) and nothing fetched; a Content-Security-Policy forbids the browser to load
anything at all. The page is responsive (viewport meta, one column under 640px) and has print styles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from verslag.display import (
    CHAIR_COLOUR,
    ROLE_LABELS,
    SOURCE_LABELS,
    STATUS_LABELS,
    amount,
    dutch_date,
    event_slot,
    heading,
    hhmm,
    kamerstuk,
    meeting_title,
    noun,
    phase_label,
    speaker_colours,
    speaker_heading,
)
from verslag.errors import InputError
from verslag.model import Phase, Role, Speaker, Turn, Verslag

__all__ = ["debate_page"]

#: Nothing may be loaded: no network, no files; inline style and script only.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

_CSS = """
:root{--bg:#fff;--fg:#1d2126;--muted:#5f6670;--line:#e3e6ea;--soft:#f5f6f8;--accent:#1f6fb2;--mark:#1d2126;
--ok:#2a7d4f;--warn:#a66300;--off:#7b8088;--add:#1f6fb2}
@media (prefers-color-scheme:dark){:root{--bg:#15181c;--fg:#e6e8eb;--muted:#a0a7b0;--line:#2c3238;
--soft:#1e2227;--accent:#79b3ea;--mark:#e6e8eb;--ok:#5fc58c;--warn:#e3a341;--off:#8d939b;--add:#79b3ea}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.7rem;line-height:1.2;margin:.2rem 0 .3rem}
h2{font-size:1.25rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid var(--line)}
h3{font-size:1.08rem;margin:1.8rem 0 .7rem}
h2 small,h3 small,h1+p{color:var(--muted);font-weight:normal;font-size:.95rem}
.kicker{text-transform:uppercase;letter-spacing:.06em;font-size:.75rem;color:var(--muted);margin:0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0;font-size:.95rem}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.stats{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0;padding:0;list-style:none}
.stats li{background:var(--soft);border-radius:8px;padding:.4rem .75rem;font-size:.9rem;color:var(--muted)}
.stats b{display:block;font-size:1.25rem;color:var(--fg);font-variant-numeric:tabular-nums}
details summary{cursor:pointer;color:var(--accent)}
.legend{display:flex;flex-wrap:wrap;gap:.35rem;margin:.5rem 0 1rem;padding:0;list-style:none}
.legend button{font:inherit;font-size:.85rem;color:var(--fg);background:var(--soft);border:1px solid var(--line);
border-radius:999px;padding:.15rem .65rem .15rem .4rem;cursor:pointer;display:flex;align-items:center;gap:.35rem}
.legend button[aria-pressed=true]{border-color:var(--fg);box-shadow:0 0 0 1px var(--fg)}
.legend small{color:var(--muted)}
.sw{display:inline-block;width:.8rem;height:.8rem;border-radius:3px;background:var(--c);flex:none}
.timeline{margin:.5rem 0 1rem}
.tl-row{display:grid;grid-template-columns:13rem 1fr;gap:.75rem;align-items:end;margin:.2rem 0 .55rem}
.tl-label{font-size:.85rem;line-height:1.25;color:var(--fg);text-decoration:none}
.tl-label small{display:block;color:var(--muted)}
.tl-bar{display:flex;align-items:flex-end;height:30px;padding-top:8px;min-width:2.5rem;overflow:hidden}
.seg{position:relative;flex:1 1 0;min-width:2px;height:100%;background:var(--c);border-right:1px solid var(--bg);
display:block}
.seg.ex{height:55%;opacity:.95}
.seg.mark::before{content:"";position:absolute;left:50%;top:-8px;transform:translateX(-50%);
border:4px solid transparent;border-top:5px solid var(--mark)}
.seg.pause{flex:0 0 7px;height:100%;background:repeating-linear-gradient(135deg,var(--muted) 0 2px,transparent 2px 4px)}
.tl-key{font-size:.8rem;color:var(--muted);margin:0 0 1rem}
.tl-key i{display:inline-block;vertical-align:middle;margin:0 .25rem 0 .6rem}
.tl-key .k-ex{width:10px;height:8px;background:var(--muted)}
.tl-key .k-mark{border:4px solid transparent;border-top:5px solid var(--mark);height:0;width:0}
.tl-key .k-pause{width:7px;height:14px;background:repeating-linear-gradient(135deg,var(--muted) 0 2px,transparent 2px 4px)}
.dim{opacity:.18}
article.turn{border-left:4px solid var(--c);padding:.1rem 0 .1rem .9rem;margin:0 0 1.1rem}
article.turn header{display:flex;flex-wrap:wrap;align-items:baseline;gap:.15rem .5rem;margin-bottom:.2rem}
.who{font-weight:650}
.tag{font-size:.75rem;border-radius:4px;padding:0 .35rem;background:var(--soft);color:var(--muted);
border:1px solid var(--line)}
.where{margin-left:auto;font-size:.78rem;color:var(--muted);text-decoration:none;font-variant-numeric:tabular-nums}
article.turn p{margin:.35rem 0;overflow-wrap:break-word}
article.chair{--c:#8a8f98}
article.chair p{color:var(--muted)}
.exchange{margin:-.4rem 0 1.1rem 1.6rem;padding:.5rem 0 .1rem .9rem;border-left:2px dashed var(--line)}
.exchange>.ex-label{font-size:.8rem;color:var(--muted);margin:0 0 .5rem}
.exchange article.turn{margin-bottom:.8rem}
.event{display:flex;align-items:center;gap:.75rem;color:var(--muted);font-size:.9rem;margin:1.2rem 0}
.event::before,.event::after{content:"";flex:1;border-top:1px solid var(--line)}
.event.pause::before,.event.pause::after{border-top:3px double var(--muted)}
.event b{color:var(--fg)}
table.commitments{width:100%;border-collapse:collapse;font-size:.92rem}
table.commitments th,table.commitments td{text-align:left;vertical-align:top;padding:.45rem .5rem;
border-bottom:1px solid var(--line)}
table.commitments th{font-size:.8rem;color:var(--muted);font-weight:600;border-bottom-width:2px}
.num{font-variant-numeric:tabular-nums;color:var(--muted)}
.status{display:inline-block;font-size:.78rem;font-weight:600;border-radius:4px;padding:0 .4rem;border:1px solid}
.s-listed{color:var(--ok)}.s-amended{color:var(--warn)}.s-withdrawn{color:var(--off)}.s-added{color:var(--add)}
tr.withdrawn td.text{text-decoration:line-through;color:var(--muted)}
.amend{display:block;font-size:.85rem;color:var(--warn)}
.date{display:block;font-size:.8rem;color:var(--muted);white-space:nowrap}
.closing,.diag{color:var(--muted);font-size:.9rem}
footer{margin-top:3rem;padding-top:.8rem;border-top:1px solid var(--line);color:var(--muted);font-size:.8rem}
a{color:var(--accent)}
@media (max-width:640px){
main{padding:1rem .85rem 2rem}h1{font-size:1.4rem}
.stats li{padding:.3rem .6rem;font-size:.8rem}.stats b{font-size:1.05rem}
.legend button{font-size:.78rem}
dl.facts{grid-template-columns:1fr;gap:0}dl.facts dd{margin-bottom:.4rem}
.tl-row{grid-template-columns:1fr;gap:.1rem}
.exchange{margin-left:.6rem;padding-left:.6rem}
article.turn{padding-left:.65rem}
table.commitments thead{display:none}
table.commitments tr{display:block;padding:.5rem 0;border-bottom:1px solid var(--line)}
table.commitments td{display:block;border:0;padding:.1rem 0}
table.commitments td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.8rem}
tr.withdrawn td.text::before{display:inline-block;margin-right:.3em}
}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--soft:#fff}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-size:10.5pt}main{max-width:none;padding:0}
.legend button{border:0;padding:0 .4rem 0 0}.no-print{display:none}
h2,h3{break-after:avoid}article.turn header{break-after:avoid}.tl-row,tr,.event{break-inside:avoid}
a{color:inherit;text-decoration:none}.dim{opacity:1}
}
"""

_JS = """
(function () {
  var doc = document;
  var buttons = doc.querySelectorAll(".legend button");
  function highlight(sp) {
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.sp === sp)); });
    doc.querySelectorAll("[data-sp]").forEach(function (el) {
      if (el.tagName === "BUTTON") { return; }
      el.classList.toggle("dim", sp !== "" && el.dataset.sp !== sp);
    });
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () {
      highlight(b.getAttribute("aria-pressed") === "true" ? "" : b.dataset.sp);
    });
  });
  window.addEventListener("beforeprint", function () {
    highlight("");
    doc.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  doc.documentElement.setAttribute("data-js", "ok");
})();
"""


def _e(x: object) -> str:
    return escape("" if x is None else str(x), quote=True)


def _n(x: int) -> str:
    """Format a number with the Dutch thousands separator: 12.345."""
    return f"{x:,}".replace(",", ".")


@dataclass
class _Page:
    """What the page needs to know about the debate, computed once."""

    v: Verslag
    colours: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    #: First turn of an exchange group → (last turn, interruption indexes).
    groups: dict[int, tuple[int, list[int]]] = field(default_factory=dict)
    #: Turns inside an exchange group.
    in_exchange: set[int] = field(default_factory=set)
    #: Turns that host an interruption marker in the timeline (the first turn of each exchange).
    marked: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        v = self.v
        self.colours = speaker_colours(v)
        self.keys = {name: f"s{i}" for i, name in enumerate(self.colours)}
        n = len(v.turns)
        spans = sorted(
            (min(ts), max(ts), k)
            for k, it in enumerate(v.interruptions)
            if (ts := [i for i in it.turns if 0 <= i < n])
        )
        for a, b, k in spans:  # merge overlapping exchanges into one group
            self.marked.add(a)
            last = max(self.groups, default=None)
            if last is not None and a <= self.groups[last][0]:
                end, ks = self.groups[last]
                self.groups[last] = (max(end, b), [*ks, k])
            else:
                self.groups[a] = (b, [k])
        for a, (b, _ks) in self.groups.items():
            self.in_exchange.update(range(a, b + 1))

    def colour(self, t: Turn) -> str:
        return CHAIR_COLOUR if t.speaker.role is Role.CHAIR else self.colours.get(t.speaker.name, CHAIR_COLOUR)

    def runs(self) -> list[tuple[Phase | None, list[int]]]:
        """Split the turns into consecutive runs of one phase; an exchange group stays in the run it starts in."""
        out: list[tuple[Phase | None, list[int]]] = []
        i, n = 0, len(self.v.turns)
        while i < n:
            phase = self.v.turns[i].phase
            end = self.groups[i][0] if i in self.groups else i
            block = list(range(i, end + 1))
            if out and out[-1][0] == phase:
                out[-1][1].extend(block)
            else:
                out.append((phase, block))
            i = end + 1
        return out


def _header(p: _Page) -> str:
    m = p.v.meta
    sub = " · ".join(
        x for x in (kamerstuk(m), dutch_date(m.date),
                     "–".join(y for y in (hhmm(m.start), hhmm(m.end)) if y) + (" uur" if m.start or m.end else ""),
                     f"vergaderjaar {m.year}" if m.year else "") if x
    )
    facts: list[tuple[str, str]] = [
        (noun(len(m.committees), "Commissie"), "<br>".join(_e(c) for c in m.committees)),
        ("Voorzitter", _e(m.chair)),
        ("Griffier", _e(m.clerk)),
        ("Aanwezig", _e(", ".join(m.members_present))),
        (noun(len(m.government), "Bewindspersoon"), "<br>".join(f"{_e(g.name)}, {_e(g.office)}" for g in m.government)),
    ]
    if m.agenda:
        items = "".join(f"<li>{_e(a.text)}</li>" for a in m.agenda)
        facts.append(("Agenda", f"<details><summary>{amount(len(m.agenda), 'agendapunt')}</summary><ul>{items}</ul></details>"))
    dl = "".join(f"<dt>{k}</dt><dd>{val}</dd>" for k, val in facts if val)
    kind = _e((m.kind or "verslag").capitalize())
    return (
        f"<header><p class=kicker>{kind} · Tweede Kamer</p><h1>{_e(meeting_title(m))}</h1>"
        f"<p>{_e(sub)}</p><dl class=facts>{dl}</dl></header>"
    )


def _stats(p: _Page) -> str:
    v = p.v
    items = [
        (len(v.turns), "spreekbeurt"),
        (len(p.colours), "spreker"),
        (sum(t.words for t in v.turns), "woord"),
        (len(v.interruptions), "interruptie"),
        (len(v.suspensions), "schorsing"),
        (len(v.commitments), "toezegging"),
    ]
    return "<ul class=stats>" + "".join(f"<li><b>{_n(n)}</b>{noun(n, word)}</li>" for n, word in items) + "</ul>"


def _legend(p: _Page) -> str:
    total = sum(t.words for t in p.v.turns) or 1
    people: dict[str, tuple[Speaker, int, int]] = {}  # name → (speaker, turns, words); one button per person
    for t in p.v.turns:
        sp, n, w = people.get(t.speaker.name, (t.speaker, 0, 0))
        if sp.role is Role.CHAIR and t.speaker.role is not Role.CHAIR:
            sp = t.speaker  # show a chair who also debates by their own label
        people[t.speaker.name] = (sp, n + 1, w + t.words)
    out = []
    for name, (sp, n, w) in people.items():
        who = name + (f" ({sp.party})" if sp.party else "")
        out.append(
            f"<li><button type=button data-sp='{p.keys[name]}' aria-pressed=false style='--c:{p.colours[name]}'>"
            f"<span class=sw></span>{_e(who)} <small>{_e(ROLE_LABELS[sp.role])} · {amount(n, 'beurt')} · "
            f"{round(100 * w / total)}%</small></button></li>"
        )
    return "<ul class=legend aria-label='Sprekers'>" + "".join(out) + "</ul>"


def _timeline(p: _Page) -> str:
    v = p.v
    runs = p.runs()
    if not runs:
        return ""
    pauses: dict[int, list[str]] = {}
    for s in v.suspensions:
        when = "–".join(x for x in (hhmm(s.start), hhmm(s.end)) if x)
        pauses.setdefault(event_slot(s.after_turn, len(v.turns)), []).append(f"Schorsing {when}".strip())
    widest = max(sum(v.turns[i].words for i in idx) for _ph, idx in runs) or 1
    rows = []
    for k, (phase, idx) in enumerate(runs):
        words = sum(v.turns[i].words for i in idx)
        segs = []
        if k == 0:
            segs += [f"<span class='seg pause' title='{_e(t)}'></span>" for t in pauses.get(-1, [])]
        for i in idx:
            t = v.turns[i]
            cls = "seg" + (" ex" if i in p.in_exchange and i not in p.groups else "")
            cls += " mark" if i in p.marked and i in p.in_exchange and i not in p.groups else ""
            if i in p.groups:  # first turn of an exchange: the marker goes on it
                cls += " ex mark"
            title = f"{t.speaker.label} — {amount(t.words, 'woord')}, regels {t.lines[0]}–{t.lines[1]}"
            if i in p.in_exchange:
                title += " (interruptie)"
            segs.append(
                f"<a class='{cls}' href='#t{i}' data-sp='{p.keys.get(t.speaker.name, '')}' "
                f"style='--c:{p.colour(t)};flex-grow:{max(t.words, 1)}' title='{_e(title)}' "
                f"aria-label='{_e(title)}'></a>"
            )
            segs += [f"<span class='seg pause' title='{_e(t)}'></span>" for t in pauses.get(i, [])]
        width = max(4.0, 100 * words / widest)
        rows.append(
            f"<div class=tl-row><a class=tl-label href='#phase-{k}'>{_e(phase_label(phase))}"
            f"<small>{amount(len(idx), 'beurt')} · {amount(words, 'woord')}</small></a>"
            f"<div class=tl-bar style='width:{width:.1f}%'>{''.join(segs)}</div></div>"
        )
    key = (
        "<p class=tl-key>Elke balk is een spreekbeurt, zo breed als het aantal woorden."
        "<i class=k-ex></i>lage balk: interruptie<i class=k-mark></i>begin van een interruptie"
        "<i class=k-pause></i>schorsing</p>"
    )
    return f"<section class=timeline aria-label='Verloop van het debat'>{''.join(rows)}</section>{key}"


def _turn(p: _Page, i: int) -> str:
    t = p.v.turns[i]
    sp = t.speaker
    chair = sp.role is Role.CHAIR
    who = speaker_heading(sp)
    tags = [f"<span class=tag>{_e(ROLE_LABELS[sp.role])}</span>"]
    if sp.office and not chair:
        tags = [f"<span class=tag>{_e(sp.office)}</span>"]
    paras = "".join(f"<p>{_e(x)}</p>" for x in t.paragraphs)
    return (
        f"<article class='turn{' chair' if chair else ''}' id='t{i}' data-sp='{p.keys.get(sp.name, '')}' "
        f"style='--c:{p.colour(t)}'><header><span class=who>{_e(who)}</span>{''.join(tags)}"
        f"<a class=where href='#t{i}' title='bronregels'>r. {t.lines[0]}–{t.lines[1]} · {_n(t.words)} w.</a>"
        f"</header>{paras}</article>"
    )


def _events(p: _Page) -> dict[int, list[str]]:
    """After-turn index → the suspension and chair-change lines to show there."""
    out: dict[int, list[str]] = {}
    n = len(p.v.turns)
    for s in p.v.suspensions:
        when = "–".join(x for x in (hhmm(s.start), hhmm(s.end)) if x)
        label = "Korte schorsing" if s.kind == "short" else "Schorsing"
        out.setdefault(event_slot(s.after_turn, n), []).append(
            f"<div class='event pause' role=note><span><b>{label}{' ' + when + ' uur' if when else ''}</b> · "
            f"{_e(s.text)}</span></div>"
        )
    for c in p.v.chair_changes:
        out.setdefault(event_slot(c.after_turn, n), []).append(
            f"<div class=event role=note><span><b>Wisseling voorzitter</b> · {_e(c.text)}</span></div>"
        )
    return out


def _exchange_label(p: _Page, ks: list[int]) -> str:
    parts = []
    for k in ks:
        it = p.v.interruptions[k]
        parts.append(f"{_e(it.interrupter)} bij {_e(it.host)}" + (" (aangekondigd)" if it.announced else ""))
    return "Interruptie: " + "; ".join(parts)


def _turns(p: _Page) -> str:
    v = p.v
    events = _events(p)
    out: list[str] = list(events.get(-1, []))
    if not v.turns:
        return "<p>Geen spreekbeurten gevonden.</p>" + "".join(out)
    for k, (phase, idx) in enumerate(p.runs()):
        words = sum(v.turns[i].words for i in idx)
        out.append(
            f"<section id='phase-{k}'><h3>{_e(phase_label(phase))} <small>{amount(len(idx), 'beurt')} · "
            f"{amount(words, 'woord')}</small></h3>"
        )
        group_end, deferred = -1, []
        for i in idx:
            if i in p.groups:
                group_end, ks = p.groups[i]
                out.append(f"<div class=exchange role=group><p class=ex-label>{_exchange_label(p, ks)}</p>")
            out.append(_turn(p, i))
            if i > group_end:
                out.extend(events.get(i, []))
                continue
            # An event inside an exchange is shown after it, so the exchange stays one box.
            deferred.extend(events.get(i, []))
            if i == group_end:
                out.append("</div>")
                out.extend(deferred)
                deferred = []
        out.append("</section>")
    return "".join(out)


def _commitments(p: _Page) -> str:
    v = p.v
    if not v.commitments:
        return f"<h2 id=toezeggingen>{heading('commitments')}</h2><p>Geen toezeggingen gevonden.</p>"
    rows = []
    for k, c in enumerate(v.commitments):
        deadline = ""
        if c.deadline is not None:
            deadline = _e(c.deadline.text)
            if c.deadline.date is not None:
                deadline += f"<span class=date>uiterlijk {_e(dutch_date(c.deadline.date))}</span>"
        amend = f"<span class=amend>gewijzigd: {_e(c.amendment)}</span>" if c.amendment else ""
        src = ""
        if c.turns and 0 <= c.turns[0] < len(v.turns):
            src = f" <a href='#t{c.turns[0]}' class='num no-print' title='waar het werd voorgelezen'>↗</a>"
        st = c.status.value
        rows.append(
            f"<tr class='{st}'><td class=num>{k + 1}</td><td class=text data-label='Toezegging'>{_e(c.text)}{amend}"
            f"{src}</td><td data-label='Door'>{_e(c.by or '—')}</td><td data-label='Aan'>{_e(c.to or '—')}</td>"
            f"<td data-label='Termijn'>{deadline or '—'}</td><td data-label='Status'>"
            f"<span class='status s-{st}'>{_e(STATUS_LABELS[c.status])}</span></td></tr>"
        )
    head = "<tr><th>#</th><th>Toezegging</th><th>Door</th><th>Aan</th><th>Termijn</th><th>Status</th></tr>"
    return (
        f"<h2 id=toezeggingen>{heading('commitments')} <small>{len(v.commitments)}</small></h2>"
        f"<table class=commitments><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _tail(p: _Page) -> str:
    from verslag import __version__

    v = p.v
    out = []
    if v.closing:
        out.append("<div class=closing>" + "".join(f"<p>{_e(b.text)}</p>" for b in v.closing) + "</div>")
    if v.diagnostics or v.unparsed:
        items = "".join(
            f"<li>{_e(d.code)} ({_e(d.severity.value)}), regel {d.line}: {_e(d.message)}</li>" for d in v.diagnostics
        ) + "".join(f"<li>Niet geplaatst, regels {u.lines[0]}–{u.lines[1]}: {_e(u.text)}</li>" for u in v.unparsed)
        count = len(v.diagnostics) + len(v.unparsed)
        out.append(f"<details class=diag><summary>Meldingen van de parser ({count})</summary><ul>{items}</ul></details>")
    ident = _e(v.meta.identifier or kamerstuk(v.meta))
    source = SOURCE_LABELS.get(v.source_format, v.source_format)
    out.append(f"<footer>{ident} · gemaakt met verslag {_e(__version__)} uit {_e(source)}</footer>")
    return "".join(out)


def debate_page(v: Verslag) -> str:
    """Render the whole debate as one self-contained HTML page (UTF-8 text, no external resources)."""
    if not isinstance(v, Verslag):
        raise InputError("debate_page needs a Verslag", found=type(v).__name__, expected="Verslag")
    p = _Page(v)
    title = meeting_title(v.meta) + (f" — {kamerstuk(v.meta)}" if v.meta.dossier else "")
    body = (
        f"{_header(p)}{_stats(p)}<h2 id=verloop>{heading('timeline')}</h2>{_legend(p)}{_timeline(p)}"
        f"{_commitments(p)}<h2 id=debat>{heading('debate')}</h2>{_turns(p)}{_tail(p)}"
    )
    return (
        "<!DOCTYPE html>\n<html lang=nl><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<meta http-equiv=Content-Security-Policy content=\"{CSP}\">"
        "<meta name=color-scheme content='light dark'>"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{body}</main><script>{_JS}</script></body></html>\n"
    )
