"""The debate page in a real browser: headless Chromium loads it from a file.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: NUL-separated
JSON on file descriptors 3 and 4), so the test needs nothing but the standard library and Debian's
``chromium``. That is what lets the phone test run at a true phone viewport: a command-line run
(``--window-size=390,...`` with ``--dump-dom`` or ``--screenshot``) lays the page out some 485 px wide
whatever it is asked, while ``Emulation.setDeviceMetricsOverride`` gives a 390 px mobile viewport
with a device pixel ratio of 2, as on a phone.

JavaScript errors fail the tests (uncaught exceptions, console errors and browser log errors, which
include Content-Security-Policy violations), and the page's script must have run to its last line.
On the phone the page must not scroll sideways (``scrollWidth <= 390``). Screenshots at phone and
desktop size must not be blank; they are kept in ``artifacts/`` with a printed PDF.

Without Chromium the tests are skipped, except in CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import select
import shutil
import struct
import subprocess
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _factory import make_verslag, parsed_fixture
from verslag.html_page import debate_page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
#: The ready mark the page's script sets on <html> as its last statement.
READY = "ok"
#: A phone: the CSS width of an iPhone 12-15 in portrait, at its device pixel ratio (rounded to 2).
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
DESKTOP = {"width": 1280, "height": 1600, "deviceScaleFactor": 1, "mobile": False}
#: Seconds to wait for one answer or event from the browser.
TIMEOUT = 60.0


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail("CI=true but chromium is not installed (apt-get install chromium)")
    pytest.skip("chromium is not installed (Debian: apt-get install chromium); it is required in CI")


class Browser:
    """Headless Chromium over the DevTools protocol on a pipe; one tab per :meth:`open`."""

    def __init__(self, exe: str, profile: Path, log: Path) -> None:
        cmd_r, self._cmd_w = os.pipe()  # we write commands, Chromium reads them on fd 3
        self._res_r, res_w = os.pipe()  # Chromium writes answers and events on fd 4, we read them

        def fds_3_and_4() -> None:  # in the child, before exec: put the pipe ends where Chromium expects them
            a, b = os.dup(cmd_r), os.dup(res_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self._log = log.open("wb")
        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=fds_3_and_4, stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log,
        )
        os.close(cmd_r)
        os.close(res_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._res_r], [], [], max(0.0, left))
            if not ready:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._res_r, 1 << 16)
            if not chunk:
                raise RuntimeError(f"chromium closed the pipe (exit code {self.proc.poll()})")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        msg: dict[str, Any] = json.loads(raw)
        return msg

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send one command and return its result; events that arrive meanwhile are kept in :attr:`events`."""
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            m = self._read(deadline)
            if m.get("id") == self._id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                result: dict[str, Any] = m.get("result", {})
                return result
            self.events.append(m)

    def wait_for(self, method: str, session: str) -> dict[str, Any]:
        """Wait for the event ``method`` of ``session`` (it may have arrived already)."""
        deadline = time.monotonic() + TIMEOUT
        k = 0
        while True:
            for ev in self.events[k:]:
                if ev.get("method") == method and ev.get("sessionId") == session:
                    return ev
            k = len(self.events)
            self.events.append(self._read(deadline))

    def open(self, page: Path, metrics: dict[str, Any]) -> Tab:
        """Open ``page`` in a new tab with the viewport ``metrics``; return once it has loaded."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable", session=session)
        self.send("Emulation.setDeviceMetricsOverride", metrics, session=session)
        self.send("Page.navigate", {"url": page.as_uri()}, session=session)
        self.wait_for("Page.loadEventFired", session)
        return Tab(self, target, session)

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.send("Browser.close")
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._cmd_w)
        os.close(self._res_r)
        self._log.close()


class Tab:
    """One page loaded in :class:`Browser`."""

    def __init__(self, browser: Browser, target: str, session: str) -> None:
        self.browser, self.target, self.session = browser, target, session

    def js(self, expression: str) -> Any:
        """Evaluate ``expression`` in the page and return its value."""
        r = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                              session=self.session)
        assert "exceptionDetails" not in r, r["exceptionDetails"]
        return r["result"].get("value")

    def errors(self) -> list[str]:
        """Uncaught exceptions, console errors and browser log errors of this page so far."""
        out = []
        for ev in self.browser.events:
            if ev.get("sessionId") != self.session:
                continue
            p = ev.get("params", {})
            if ev["method"] == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                out.append(d.get("exception", {}).get("description") or d.get("text", "exception"))
            elif ev["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif ev["method"] == "Log.entryAdded" and p["entry"].get("level") == "error":
                out.append(p["entry"].get("text", ""))
        return out

    def screenshot(self, path: Path, width: int, height: int) -> None:
        """Save the top ``width`` × ``height`` CSS pixels of the page (beyond the viewport) as a PNG."""
        shot = self.browser.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        }, session=self.session)
        path.write_bytes(base64.b64decode(shot["data"]))

    def pdf(self, path: Path) -> None:
        """Print the page to ``path`` as the browser's print dialog would, without header and footer."""
        r = self.browser.send("Page.printToPDF", {"displayHeaderFooter": False}, session=self.session)
        path.write_bytes(base64.b64decode(r["data"]))

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})


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
    # The top of the page (header, counts, legend, timeline) is enough to tell; decoding in Python is slow.
    w, h, rows, bpp = read_png(png.read_bytes(), max_rows=900)
    assert w == width and h > 300, (w, h)
    counts = _colours(rows, bpp)
    background = max(counts.values()) / sum(counts.values())
    assert len(counts) > 50, f"{png.name}: only {len(counts)} colours: blank?"
    assert background < 0.97, f"{png.name}: {background:.0%} of the pixels are one colour"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    exe = _chromium()
    tmp = tmp_path_factory.mktemp("chromium")
    b = Browser(exe, tmp / "profile", tmp / "chromium.log")
    try:
        b.send("Browser.getVersion")
        yield b
    finally:
        b.close()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "debate.html"
    path.write_text(debate_page(parsed_fixture()), encoding="utf-8")
    return path


def _layout(tab: Tab) -> dict[str, Any]:
    value: dict[str, Any] = tab.js(
        "({inner: innerWidth, client: document.documentElement.clientWidth,"
        " scroll: document.documentElement.scrollWidth,"
        " body: document.body.scrollWidth, phone: matchMedia('(max-width:640px)').matches,"
        " ready: document.documentElement.getAttribute('data-js'),"
        " turns: document.querySelectorAll('article.turn').length})")
    return value


def _fits_the_phone(lay: dict[str, Any]) -> bool:
    """Nothing wider than the phone: no sideways scrolling, and no zooming out to fit the page.

    A mobile browser zooms out a page that is wider than the screen, so the viewport then grows
    (innerWidth 614 for 600 px of content): the viewport must stay the phone's width as well.
    """
    w = PHONE["width"]
    return bool(lay["inner"] == lay["client"] == w and lay["scroll"] <= w and lay["body"] <= w)


def test_the_page_fits_a_phone_without_script_errors(browser: Browser, page: Path) -> None:
    tab = browser.open(page, PHONE)
    try:
        lay = _layout(tab)
        assert tab.errors() == []
        assert lay["ready"] == READY, "the page's script did not run to its end"
        # A true phone viewport, with the page's phone layout in force, and nothing wider than it.
        assert lay["phone"] is True, lay
        assert _fits_the_phone(lay), f"the page is wider than a phone ({PHONE['width']}px): {lay}"
        assert lay["turns"] == len(parsed_fixture().turns)
        ARTIFACTS.mkdir(exist_ok=True)
        png = ARTIFACTS / "debate-page-phone.png"
        png.unlink(missing_ok=True)
        tab.screenshot(png, PHONE["width"], 1600)
        _assert_not_blank(png, PHONE["width"] * PHONE["deviceScaleFactor"])
        # Clicking a speaker in the legend highlights them (the script works on a phone too).
        dimmed = tab.js("document.querySelector('.legend button').click();"
                        " document.querySelectorAll('article.dim').length")
        assert 0 < dimmed < lay["turns"]
        assert tab.errors() == []
    finally:
        tab.close()


def test_a_page_too_wide_for_a_phone_would_fail(browser: Browser, page: Path, tmp_path: Path) -> None:
    wide = tmp_path / "wide.html"
    wide.write_text(page.read_text(encoding="utf-8").replace(
        "<main>", "<main><div style='width:600px;height:4px'></div>", 1), encoding="utf-8")
    tab = browser.open(wide, PHONE)
    try:
        lay = _layout(tab)
        assert not _fits_the_phone(lay), lay
        assert lay["scroll"] > PHONE["width"], lay
    finally:
        tab.close()


def test_a_script_error_would_fail_the_test(browser: Browser, tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text(debate_page(make_verslag()).replace("var doc = document;", "var doc = document; undefinedName();"),
                      encoding="utf-8")
    tab = browser.open(broken, PHONE)
    try:
        assert any("undefinedName" in e for e in tab.errors()), tab.errors()
        assert _layout(tab)["ready"] is None
    finally:
        tab.close()


def test_the_desktop_screenshot_is_not_blank(browser: Browser, page: Path) -> None:
    tab = browser.open(page, DESKTOP)
    try:
        lay = _layout(tab)
        assert tab.errors() == [] and lay["ready"] == READY
        assert lay["inner"] == DESKTOP["width"] and lay["phone"] is False
        assert lay["scroll"] <= DESKTOP["width"]
        ARTIFACTS.mkdir(exist_ok=True)
        png = ARTIFACTS / "debate-page-desktop.png"
        png.unlink(missing_ok=True)
        tab.screenshot(png, DESKTOP["width"], DESKTOP["height"])
        _assert_not_blank(png, DESKTOP["width"])
    finally:
        tab.close()


def test_the_page_prints(browser: Browser, page: Path) -> None:
    tab = browser.open(page, DESKTOP)
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        pdf = ARTIFACTS / "debate-page.pdf"
        pdf.unlink(missing_ok=True)
        tab.pdf(pdf)
        assert tab.errors() == []
    finally:
        tab.close()
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    # 26,000 words of debate: far more than a handful of pages, far fewer than one page per turn.
    assert 10 < pages < len(parsed_fixture().turns), pages
