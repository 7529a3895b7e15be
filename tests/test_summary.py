"""The command line's summary and plain-text views."""

from __future__ import annotations

import subprocess
import sys

import pytest

import verslag
from verslag import Verslag
from verslag.summary import plain_text, summary


@pytest.fixture(scope="module")
def v():
    return verslag.parse("fixtures/kst-26643-679.txt")


def test_summary_shows_meeting_speakers_phases_interruptions_commitments(v):
    s = summary(v)
    assert s.startswith("kst-26643-679 · algemeen overleg · 2020-03-11 · 16.04–19.24")
    for part in ("Speakers (174 turns", "Suspensions (schorsingen): 1", "Phases (termijnen)",
                 "Eerste termijn van de Kamer", "Tweede termijn van de regering", "Toezeggingen",
                 f"Interruptions (interrupties): {len(v.interruptions)} exchanges",
                 "Commitments (toezeggingen): 8"):
        assert part in s, part
    # The interruptions per member: Buitenweg interrupts most and is never interrupted.
    block = s.split("Interruptions (interrupties)")[1].split("\n\n")[0]
    row = next(line for line in block.splitlines() if line.strip().startswith("Buitenweg (GroenLinks)"))
    made = sum(1 for i in v.interruptions if i.interrupter == "Buitenweg")
    assert row.split()[-2:] == [str(made), "0"]
    # The commitments table: status, by, to and deadline with its date.
    assert any(line.split()[:5] == ["1", "genoteerd", "Grapperhaus", "Buitenweg", "Binnen"] and "2020-04-08" in line
               for line in s.splitlines())
    assert "[amended: het gaat om een reactie op Kamervragen.]" in " ".join(s.split())


def test_summary_of_an_empty_report():
    s = summary(Verslag())
    assert "Commitments (toezeggingen): none found" in s


def test_plain_text(v):
    t = plain_text(v)
    assert t.startswith("De voorzitter:\nHeel hartelijk welkom")
    assert "\n\nDe heer Verhoeven (D66):\nVoorzitter, dank u wel." in t
    assert t.count(":\n") >= len(v.turns)
    assert t.endswith("smakelijk eten.\n\n")


def test_cli_summary():
    r = subprocess.run([sys.executable, "-m", "verslag", "parse", "fixtures/kst-26643-679.txt", "--format", "summary"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Commitments (toezeggingen): 8" in r.stdout
