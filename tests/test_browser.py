"""The debate page in a real browser: headless Chromium loads it from a file.

JavaScript errors fail the test (the console is read from Chromium's log, and the page's script must
have run to its last line); the page must not scroll sideways on a phone; screenshots at desktop and
phone width must not be blank, and are kept in ``artifacts/`` with a printed PDF.

Without Chromium the test is skipped, except in CI (``CI=true``), where it must run.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from _factory import make_verslag, parsed_fixture
from verslag.html_page import debate_page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
#: The ready mark the page's script sets as its last statement.
READY = 'data-js="ok"'


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail("CI=true but chromium is not installed (apt-get install chromium)")
    pytest.skip("chromium is not installed (Debian: apt-get install chromium); it is required in CI")


def _run(page: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on ``page`` with a fresh profile and the console logged to stderr."""
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    cmd = [
        _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
        *args, page.as_uri(),
    ]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)
    assert r.returncode == 0, f"chromium failed ({r.returncode}): {r.stderr[-2000:]}"
    return r


def _console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "CONSOLE" in line and re.search(r"Uncaught|Error", line)]


def read_png(data: bytes, max_rows: int | None = None) -> tuple[int, int, list[bytes], int]:
    """Decode an 8-bit, non-interlaced PNG: (width, height, the first ``max_rows`` rows, bytes per pixel)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, []
    width = height = ctype = 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, ctype, _c, _f, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0, "only 8-bit non-interlaced PNGs"
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(min(height, max_rows or height)):
        off = y * (stride + 1)
        ft, line = raw[off], bytearray(raw[off + 1:off + 1 + stride])
        if ft == 1:  # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif ft == 2:  # Up
            line = bytearray((a + b) & 255 for a, b in zip(line, prev, strict=True))
        elif ft == 3:  # Average
            for i in range(stride):
                line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
        elif ft == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


def _colours(rows: list[bytes], bpp: int) -> dict[bytes, int]:
    """Pixel counts per colour (RGB), sampling every second pixel."""
    counts: dict[bytes, int] = {}
    step = 2 * bpp
    for row in rows:
        for i in range(0, len(row), step):
            px = row[i:i + 3]
            counts[px] = counts.get(px, 0) + 1
    return counts


def _assert_not_blank(png: Path, width: int) -> None:
    # The top of the page (header, timeline) is enough to tell, and decoding in Python is slow.
    w, h, rows, bpp = read_png(png.read_bytes(), max_rows=900)
    assert w == width and h > 300
    counts = _colours(rows, bpp)
    background = max(counts.values()) / sum(counts.values())
    assert len(counts) > 50, f"{png.name}: only {len(counts)} colours: blank?"
    assert background < 0.97, f"{png.name}: {background:.0%} of the pixels are one colour"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "debate.html"
    path.write_text(debate_page(parsed_fixture()), encoding="utf-8")
    return path


def test_the_page_runs_without_script_errors_and_fits_a_phone(page: Path, tmp_path: Path) -> None:
    # A copy with a probe after the page's own script: it reports the layout width in the title.
    probe = page.read_text(encoding="utf-8").replace(
        "</body>", "<script>document.title='W:'+document.documentElement.scrollWidth+'/'+innerWidth</script></body>")
    probed = tmp_path / "probed.html"
    probed.write_text(probe, encoding="utf-8")
    r = _run(probed, tmp_path, "--window-size=400,900", "--dump-dom")
    assert _console_errors(r.stderr) == []
    assert READY in r.stdout, "the page's script did not run to its end"
    m = re.search(r"<title>W:(\d+)/(\d+)</title>", r.stdout)
    assert m, "the probe did not run"
    scroll, inner = int(m.group(1)), int(m.group(2))
    assert inner <= 640, "not laid out at phone width"
    assert scroll <= inner, f"the page scrolls sideways on a phone: {scroll}px wide in {inner}px"
    # Every turn made it into the DOM.
    assert r.stdout.count("<article class=\"turn") == len(parsed_fixture().turns)


def test_a_script_error_would_fail_the_test(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text(debate_page(make_verslag()).replace("var doc = document;", "var doc = document; undefinedName();"),
                      encoding="utf-8")
    r = _run(broken, tmp_path, "--dump-dom")
    assert _console_errors(r.stderr), "the console error was not seen"
    assert READY not in r.stdout


def test_screenshots_are_not_blank(page: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for name, size, width in (("desktop", "1280,1600", 1280), ("phone", "400,1400", 400)):
        png = ARTIFACTS / f"debate-page-{name}.png"
        png.unlink(missing_ok=True)
        r = _run(page, tmp_path, f"--window-size={size}", f"--screenshot={png}")
        assert _console_errors(r.stderr) == []
        assert png.exists(), r.stderr[-2000:]
        _assert_not_blank(png, width)


def test_the_page_prints(page: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "debate-page.pdf"
    pdf.unlink(missing_ok=True)
    _run(page, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    # 26,000 words of debate: far more than a handful of pages, far fewer than one page per turn.
    assert 10 < pages < len(parsed_fixture().turns), pages
