from __future__ import annotations

import io
import sys

import pytest

import verslag
from _factory import make_verslag, parsed_fixture

pytest.importorskip("matplotlib")

from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure

from verslag.plot import interruption_matrix, speaking_share


def _bars(ax: Axes) -> list[BarContainer]:
    return [c for c in ax.containers if isinstance(c, BarContainer)]


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=50)
    return buf.getvalue()


def test_speaking_share_bars_are_word_shares_per_phase() -> None:
    v = make_verslag()
    fig = speaking_share(v)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "Hele debat" and "Eerste termijn van de regering" in labels
    assert len(labels) == 1 + len({t.phase for t in v.turns})
    # One bar container per speaker; every row adds up to 100%.
    assert [c.get_label() for c in _bars(ax)] == v.speakers()
    totals = [sum(c.patches[row].get_width() for c in _bars(ax)) for row in range(len(labels))]
    assert totals == pytest.approx([100.0] * len(labels))
    # The minister holds 58% of the words in the government's first term (19 of 33).
    row = labels.index("Eerste termijn van de regering")
    minister = next(c for c in _bars(ax) if c.get_label() == "De Vries")
    words = [t.words for t in v.turns if t.phase == verslag.Phase.GOVERNMENT_FIRST_TERM]
    mine = [t.words for t in v.turns if t.phase == verslag.Phase.GOVERNMENT_FIRST_TERM and t.speaker.name == "De Vries"]
    assert minister.patches[row].get_width() == pytest.approx(100 * sum(mine) / sum(words))
    assert _png(fig).startswith(b"\x89PNG")


def test_interruption_matrix_counts_who_interrupts_whom() -> None:
    v = make_verslag()
    v.interruptions.append(verslag.Interruption(interrupter="Van Dijk", host="Bakker", turns=[7]))
    fig = interruption_matrix(v)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    names = [t.get_text().split(" (")[0] for t in ax.get_yticklabels()]
    assert names == ["Bakker", "Van Dijk", "De Vries"]
    array = ax.images[0].get_array()
    assert array is not None
    data = array.tolist()
    assert data[names.index("Van Dijk")][names.index("Bakker")] == 2
    assert data[names.index("Bakker")][names.index("De Vries")] == 1
    assert sum(map(sum, data)) == len(v.interruptions)
    assert _png(fig).startswith(b"\x89PNG")


def test_plots_of_reports_without_structure_or_turns() -> None:
    bare = make_verslag(structure=False)
    share = speaking_share(bare)
    assert [t.get_text() for t in share.axes[0].get_yticklabels()] == ["Hele debat"]
    matrix = interruption_matrix(bare)
    assert "Geen interrupties" in [t.get_text() for t in matrix.axes[0].texts]
    empty = speaking_share(verslag.Verslag())
    assert "Geen spreekbeurten" in [t.get_text() for t in empty.axes[0].texts]
    for fig in (share, matrix, empty):
        assert _png(fig).startswith(b"\x89PNG")


def test_plots_leave_pyplot_alone() -> None:
    import matplotlib
    import matplotlib.pyplot as plt

    before, figures = matplotlib.get_backend(), plt.get_fignums()
    speaking_share(make_verslag())
    interruption_matrix(make_verslag())
    # Not registered with pyplot: a loop over thousands of reports does not pile up open figures.
    assert plt.get_fignums() == figures
    assert matplotlib.get_backend() == before


def test_without_matplotlib_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(verslag.InputError, match="matplotlib") as e:
        speaking_share(make_verslag())
    assert "verslag[plot]" in str(e.value)


def test_not_a_verslag() -> None:
    with pytest.raises(verslag.InputError):
        interruption_matrix([])  # type: ignore[arg-type]


def test_fixture_plots() -> None:
    v = parsed_fixture()
    fig = speaking_share(v)
    assert [c.get_label() for c in _bars(fig.axes[0])] == v.speakers()
    assert _png(fig)
    assert _png(interruption_matrix(v))
