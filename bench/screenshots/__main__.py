"""`python -m bench.screenshots [--out DIR] [--scale S] [--playground]`: remake the pictures
in docs/screenshots/."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from bench.screenshots.dialog import hold_conversations
from bench.screenshots.pages import RENDERER, WIDTH, page
from bench.screenshots.playground import missing as playground_missing
from bench.screenshots.playground import shoot_the_playground
from bench.screenshots.shoot import chromium, picture

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=DOCS)
    parser.add_argument("--scale", type=float, default=1.0, help="device pixels per CSS pixel")
    parser.add_argument(
        "--playground",
        action="store_true",
        help="only the pictures of the coach in the Microsoft 365 Agents Playground",
    )
    args = parser.parse_args(argv)
    if chromium() is None:
        print("chromium is not installed: apt-get install chromium", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)  # the throwaway database's key notice is not news here
    args.out.mkdir(parents=True, exist_ok=True)
    if args.playground:
        return _playground(args.out)
    if not RENDERER.exists():
        print("the renderer is missing: npm ci --prefix tests/teams/cardcheck", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="coach-screens-") as work:
        for scene in hold_conversations():
            html = Path(work) / f"{scene.name}.html"
            html.write_text(page(scene), encoding="utf-8")
            png = args.out / f"{scene.name}.png"
            height = picture(html, png, WIDTH, args.scale)
            size = png.stat().st_size
            print(f"{png}  {WIDTH}x{height} CSS px  {size / 1024:.0f} KB  {scene.caption}")
    return 0


def _playground(out: Path) -> int:
    missing = playground_missing()
    if missing is not None:
        print(missing, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="coach-playground-") as work:
        for png, shot in shoot_the_playground(out, Path(work)):
            size = png.stat().st_size
            print(f"{png}  {size / 1024:.0f} KB  {shot.caption}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
