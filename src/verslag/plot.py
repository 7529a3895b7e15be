"""Plots of a debate with matplotlib (the optional extra ``verslag[plot]``).

Each function returns a :class:`matplotlib.figure.Figure` drawn on the Agg canvas: no window, no
pyplot state, so it works on a server, in tests and in notebooks alike (save it with
``fig.savefig("share.png")``; in Jupyter a returned figure shows itself). Speaker colours are the
ones the debate page uses.
"""

from __future__ import annotations

from typing import Any

from verslag.display import phase_label, speaker_colours
from verslag.errors import InputError
from verslag.model import Phase, Verslag

__all__ = ["interruption_matrix", "speaking_share"]


def _figure(width: float, height: float) -> Any:
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as e:
        raise InputError(
            "matplotlib is not installed", found="no module 'matplotlib'", expected="pip install 'verslag[plot]'"
        ) from e
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _check(v: object) -> None:
    if not isinstance(v, Verslag):
        raise InputError("a plot needs a Verslag", found=type(v).__name__, expected="Verslag")


def speaking_share(v: Verslag) -> Any:
    """Plot each speaker's share of the words per phase (termijn) as 100% stacked bars.

    The top bar is the whole debate; below it one bar per phase in debate order. Words stand in for
    speaking time, which the reports do not give. Returns the Figure.
    """
    _check(v)
    colours = speaker_colours(v)
    phases: list[Phase | None] = []
    for t in v.turns:
        if t.phase not in phases:
            phases.append(t.phase)
    rows: list[tuple[str, dict[str, int]]] = []
    total: dict[str, int] = {}
    for t in v.turns:
        total[t.speaker.name] = total.get(t.speaker.name, 0) + t.words
    rows.append(("Hele debat", total))
    if phases != [None]:
        for ph in phases:
            words: dict[str, int] = {}
            for t in v.turns:
                if t.phase == ph:
                    words[t.speaker.name] = words.get(t.speaker.name, 0) + t.words
            rows.append((phase_label(ph), words))
    fig = _figure(9, 1.1 + 0.45 * len(rows))
    ax = fig.add_subplot()
    if not v.turns:
        ax.text(0.5, 0.5, "Geen spreekbeurten", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    labels = [r[0] for r in rows][::-1]
    data = [r[1] for r in rows][::-1]
    left = [0.0] * len(rows)
    for name, colour in colours.items():
        shares = [100 * d.get(name, 0) / (sum(d.values()) or 1) for d in data]
        ax.barh(labels, shares, left=left, color=colour, label=name, edgecolor="white", linewidth=0.5)
        for y, (x0, w) in enumerate(zip(left, shares, strict=True)):
            if w >= 7:
                ax.text(x0 + w / 2, y, f"{w:.0f}%", ha="center", va="center", color="white", fontsize=8)
        left = [a + b for a, b in zip(left, shares, strict=True)]
    ax.set_xlim(0, 100)
    ax.set_xlabel("aandeel woorden (%)")
    ax.set_title("Spreektijd per spreker en termijn (in woorden)", loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35 if len(rows) < 4 else -0.12), ncols=min(6, len(colours)),
              frameon=False, fontsize=8)
    return fig


def interruption_matrix(v: Verslag) -> Any:
    """Plot who interrupts whom: interrupters (interrumpanten) as rows, floor holders as columns.

    Each cell counts interruption exchanges, darker is more; the tick labels give the totals.
    Returns the Figure.
    """
    _check(v)
    names = [n for n in v.speakers() if any(n in (it.interrupter, it.host) for it in v.interruptions)]
    for it in v.interruptions:  # names the turns do not know (a partial model) still get a row
        for n in (it.interrupter, it.host):
            if n not in names:
                names.append(n)
    k = max(len(names), 1)
    fig = _figure(2.2 + 0.7 * k, 1.6 + 0.55 * k)
    ax = fig.add_subplot()
    if not v.interruptions:
        ax.text(0.5, 0.5, "Geen interrupties", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    index = {n: i for i, n in enumerate(names)}
    counts = [[0] * len(names) for _ in names]
    for it in v.interruptions:
        counts[index[it.interrupter]][index[it.host]] += 1
    top = max(max(r) for r in counts)
    ax.imshow(counts, cmap="Blues", vmin=0, vmax=max(top, 1))
    for i, row in enumerate(counts):
        for j, c in enumerate(row):
            if c:
                ax.text(j, i, str(c), ha="center", va="center", color="white" if c > top / 2 else "black")
    ax.set_xticks(range(len(names)), [f"{n}\n({sum(r[j] for r in counts)})" for j, n in enumerate(names)],
                  rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(len(names)), [f"{n} ({sum(counts[i])})" for i, n in enumerate(names)], fontsize=8)
    ax.set_xlabel("wordt geïnterrumpeerd (heeft het woord)")
    ax.set_ylabel("interrumpeert")
    ax.set_title("Wie interrumpeert wie", loc="left", fontsize=11)
    return fig
