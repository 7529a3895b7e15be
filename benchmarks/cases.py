"""Pathological inputs for the text parser, shared by ``bench_scale.py`` and ``tests/test_scaling.py``.

Each maker takes a size ``n`` and returns a text whose parse cost must grow linearly with ``n``:
long lines, thousands of colons or dashes, deeply repeated labels, look-alikes of every line kind.
Regex backtracking or a quadratic pass shows as a growth near k² for k× the input.
"""

from __future__ import annotations

from collections.abc import Callable

#: A label that opens a turn, so the rest is read as turn text.
LABEL = "De voorzitter:\n"

PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "a line of prose, n×30 chars": lambda n: "Dit is een zin zonder einde en " * n,
    "a line without spaces": lambda n: "x" * (30 * n),
    "a line of colons": lambda n: ":" * (30 * n),
    "a line of dashes": lambda n: "-" * (30 * n),
    "n lines of colons": lambda n: "\n".join(":" * (i % 50 + 1) for i in range(n)),
    "n lines of colons, in a turn": lambda n: LABEL + "\n".join(":" * (i % 50 + 1) for i in range(n)),
    "n lines ending in ':'": lambda n: "\n".join(f"De heer Van der Staaij van de {i}:" for i in range(n)),
    "n '– ' item lines": lambda n: LABEL + "\n".join("– " + "- " * (i % 40) for i in range(n)),
    "n hyphenated line ends": lambda n: LABEL + "\n".join(["geschie-", "denis"] * (n // 2)),
    "n labels in a row": lambda n: "\n".join(["De heer Van der Staaij (SGP):"] * n),
    "labels of 60 name parts": lambda n: "\n".join(
        ["De heer " + " ".join(["Van der"] * 30) + " Staaij (SGP):", "Ja."] * (n // 2)
    ),
    "labels of 60 name parts, in a turn": lambda n: LABEL
    + "\n".join(["De heer " + " ".join(["Van der"] * 30) + " Staaij (SGP):", "Ja."] * (n // 2)),
    "unclosed '(' in labels": lambda n: LABEL + "\n".join(["De heer Van der Staaij (SGP (SGP (SGP"] * n),
    "footers only": lambda n: "\n".join(["Tweede Kamer, vergaderjaar 2019–2020, 26 643, nr. 679 14", ""] * n),
    "suspension look-alikes": lambda n: LABEL + "\n".join(["De vergadering wordt van 17.25 uur tot"] * n),
    "page-start labels": lambda n: "\n".join([" De voorzitter: "] * n),
    "closing-list look-alikes": lambda n: LABEL
    + "Ik heb de volgende toezeggingen genoteerd.\n"
    + "\n".join("– De Minister stuurt voor de zomer een brief over " + "de zaak " * (i % 20) for i in range(n)),
    "hand-overs and interruptions": lambda n: "\n\n".join(
        [
            "De voorzitter:\nEr is een interruptie van de heer Van der Staaij.",
            "De heer Van der Staaij (SGP):\nIn de ellenboog!",
            "Minister Grapperhaus:\nDank u wel.",
        ]
        * (n // 3)
    ),
}
