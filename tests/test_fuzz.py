"""Mutation fuzzing: damaged reports give a Verslag or a VerslagError, never a crash, and lose no text.

The inputs are the real fixture, the hand-written mini reports and rendered reports, mutated the
way real extractions go wrong: lines deleted, duplicated, swapped or truncated; labels damaged;
encoding damage (mojibake, replacement characters); CRLF and lone CR; NUL and other control
characters; a BOM; form feeds; inserted noise.  "No text lost": every non-space character of the
input, apart from layout (footers, page marks, line-end hyphens), is in ``v.iter_text()``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import verslag
from _lossless import assert_nothing_lost
from verslag import strategies

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = (ROOT / "fixtures" / "kst-26643-679.txt").read_text(encoding="utf-8")
MINI = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "text").glob("*.txt"))]


def check(text: str) -> verslag.Verslag | None:
    """Parse ``text``: a Verslag that accounts for every character, or a VerslagError; nothing else."""
    try:
        v = verslag.parse_text(text)
    except verslag.InternalError:  # a bug, not bad input
        raise
    except verslag.VerslagError as e:
        assert e.line >= 0 and e.column >= 0
        return None
    assert_nothing_lost(text, v)
    return v


# --- mutations --------------------------------------------------------------------------------------

Draw = Callable[[st.SearchStrategy[Any]], Any]


def _span(draw: Draw, n: int) -> tuple[int, int]:
    a = draw(st.integers(0, max(n - 1, 0)))
    return a, min(n, a + draw(st.integers(1, 40)))


def delete(draw: Draw, lines: list[str]) -> list[str]:
    a, b = _span(draw, len(lines))
    return lines[:a] + lines[b:]


def duplicate(draw: Draw, lines: list[str]) -> list[str]:
    a, b = _span(draw, len(lines))
    return lines[:b] + lines[a:b] + lines[b:]


def swap(draw: Draw, lines: list[str]) -> list[str]:
    if len(lines) < 2:
        return lines
    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines = list(lines)
    lines[i], lines[j] = lines[j], lines[i]
    return lines


def truncate_line(draw: Draw, lines: list[str]) -> list[str]:
    if not lines:
        return lines
    i = draw(st.integers(0, len(lines) - 1))
    lines = list(lines)
    lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return lines


def truncate_text(draw: Draw, lines: list[str]) -> list[str]:
    return lines[: draw(st.integers(0, len(lines)))]


LABEL_STARTS = ("De ", "Mevrouw ", "Minister", "Staatssecretaris ", "Voorzitter:", "Griffier:", "Aanvang", "Sluiting",
                "Tweede Kamer", "– ", " De ")  # fmt: skip


def damage_label(draw: Draw, lines: list[str]) -> list[str]:
    """Break a label, footer or event line: drop or double its colon or bracket, change case, split it."""
    idx = [i for i, ln in enumerate(lines) if ln.lstrip().startswith(LABEL_STARTS)]
    if not idx:
        return lines
    i = draw(st.sampled_from(idx))
    ln = lines[i]
    how = draw(st.integers(0, 6))
    lines = list(lines)
    if how == 0:
        lines[i] = ln.replace(":", "", 1)
    elif how == 1:
        lines[i] = ln.replace(")", "", 1).replace("(", "((", 1)
    elif how == 2:
        lines[i] = ln.upper() if draw(st.booleans()) else ln.lower()
    elif how == 3:
        cut = draw(st.integers(0, len(ln)))
        lines[i : i + 1] = [ln[:cut], ln[cut:]]
    elif how == 4:
        lines[i] = ln.replace(" ", "  ", 1) + draw(st.sampled_from([":", "::", " :", ": x", "-", "–"]))
    elif how == 5:
        lines[i] = draw(st.sampled_from(["", " "])) + ln.strip() + draw(st.sampled_from(["", " ", "\t"]))
    else:
        pos = draw(st.integers(0, len(ln)))
        lines[i] = ln[:pos] + draw(st.text(max_size=3)) + ln[pos:]
    return lines


def encoding_damage(draw: Draw, lines: list[str]) -> list[str]:
    """Mojibake (UTF-8 read as cp1252 or Latin-1) or replacement characters in a stretch of lines."""
    a, b = _span(draw, len(lines))
    how = draw(st.integers(0, 2))
    out = list(lines)
    for i in range(a, b):
        raw = out[i].encode("utf-8")
        if how == 0:
            out[i] = raw.decode("cp1252", errors="replace")
        elif how == 1:
            out[i] = raw.decode("latin-1")
        else:
            out[i] = raw.decode("ascii", errors="replace")
    return out


def control_chars(draw: Draw, lines: list[str]) -> list[str]:
    """NUL bytes, form feeds and other control characters inside lines."""
    if not lines:
        return ["\x00"]
    out = list(lines)
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(out) - 1))
        pos = draw(st.integers(0, len(out[i])))
        out[i] = out[i][:pos] + draw(st.sampled_from(["\x00", "\x00\x00", "\f", "\x1b", "\x7f", "\x0b", "\ufeff"])) + out[i][pos:]
    return out


def insert_noise(draw: Draw, lines: list[str]) -> list[str]:
    i = draw(st.integers(0, len(lines)))
    noise = draw(st.lists(st.text(max_size=60) | st.sampled_from(["De voorzitter:", ":", "-", "–", " ", ""]), max_size=8))
    return lines[:i] + noise + lines[i:]


MUTATIONS = [delete, duplicate, swap, truncate_line, truncate_text, damage_label, encoding_damage, control_chars,
             insert_noise]  # fmt: skip


@st.composite
def mutated(draw: Draw, base: st.SearchStrategy[str]) -> str:
    lines = draw(base).split("\n")
    for _ in range(draw(st.integers(1, 5))):
        lines = draw(st.sampled_from(MUTATIONS))(draw, lines)
    newline = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    bom = draw(st.sampled_from(["", "", "\ufeff"]))
    return bom + newline.join(lines)


RENDERED = strategies.pdf_texts(strategies.verslagen(max_members=3, max_government=2)).map(lambda p: p[0])


# --- the tests ----------------------------------------------------------------------------------


@given(mutated(st.just(FIXTURE)))
def test_the_mutated_fixture_parses_or_fails_cleanly_and_loses_nothing(text: str) -> None:
    check(text)


@given(mutated(st.sampled_from(MINI)))
def test_mutated_mini_reports_parse_or_fail_cleanly_and_lose_nothing(text: str) -> None:
    check(text)


@given(mutated(RENDERED))
def test_mutated_rendered_reports_parse_or_fail_cleanly_and_lose_nothing(text: str) -> None:
    check(text)


@given(RENDERED)
def test_rendered_reports_lose_nothing(text: str) -> None:
    assert check(text) is not None


def test_the_fixture_in_crlf_with_nul_bytes_and_a_bom_loses_nothing() -> None:
    text = "\ufeff" + FIXTURE.replace("\n", "\r\n").replace("Voorzitter", "Voor\x00zitter")
    v = check(text)
    assert v is not None and len(v.turns) == 174


def test_ten_megabytes_of_noise_parse_in_linear_time() -> None:
    rng = random.Random(5)
    alphabet = "abcdefghij klmnopqrstuvwxyz ABCDEFG :::---–––((())) 0123456789 .,;!? éëï\n"
    noise = "".join(rng.choices(alphabet, k=10_000_000))
    t = time.perf_counter()
    v = check(noise)
    elapsed = time.perf_counter() - t
    assert v is not None and not v.turns
    assert elapsed < 60, f"{elapsed:.1f} s for 10 MB"


def test_ten_megabytes_on_one_line_and_of_labels_only() -> None:
    assert check("De heer " * 1_250_000) is not None
    labels = "".join(f"De heer Van der Staaij{'(' * (i % 3)} (SGP):\n" for i in range(20_000))
    v = check(labels)
    assert v is not None
