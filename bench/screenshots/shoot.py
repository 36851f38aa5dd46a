"""Headless Chromium: a page's height, then a picture of all of it, stored compactly."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from bench.screenshots.palette import to_palette

BROWSER_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars")
_HEIGHT = re.compile(r'<pre id="height">(\d+)</pre>')


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(browser: str, page: Path, profile: Path, *flags: str) -> str:
    done = subprocess.run(
        [
            browser,
            *BROWSER_FLAGS,
            "--allow-file-access-from-files",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=10000",
            *flags,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    return done.stdout


def picture(page: Path, png: Path, width: int, scale: float) -> int:
    """Write `png` of the whole page at `width` CSS pixels; returns its height."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    profile = page.parent / "profile"
    size = f"--window-size={width},2000"
    found = _HEIGHT.search(_run(browser, page, profile, size, "--dump-dom"))
    if found is None:
        raise RuntimeError(f"{page.name} did not draw (is the adaptivecards renderer installed?)")
    height = int(found.group(1))
    _run(
        browser,
        page,
        profile,
        f"--window-size={width},{height}",
        f"--force-device-scale-factor={scale}",
        f"--screenshot={png}",
    )
    to_palette(png)
    return height
