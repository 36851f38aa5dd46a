"""`GET /privacy` and `GET /terms`: readable pages for the admins who install the coach.

Both manifests link here (COACH_PUBLIC_URL/privacy and /terms). The privacy page is
docs/PRIVACY.md itself, so what an admin reads is what the repository says; markdown is
rendered with raw HTML switched off.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

from aiohttp import web
from markdown_it import MarkdownIt

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = {"/privacy": "PRIVACY.md", "/terms": "TERMS.md"}
MISSING = "# {title}\n\nThis page ships in the repository's docs/{name}."
TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 17px/1.55 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d2b27; }}
h1, h2, h3 {{ color: #2e6b5e; line-height: 1.25; }}
code {{ background: #eef3f1; padding: 0 .2em; border-radius: 3px; }}
table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #c9d6d2; padding: .3em .5em; }}
</style>
</head>
<body>
{body}
</body>
</html>
"""


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _title(text: str, fallback: str) -> str:
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    return first.lstrip("# ").strip() or fallback


@cache
def render_page(name: str) -> str:
    """docs/`name` as a whole HTML page (read once per process)."""
    path = DOCS / name
    fallback = "Partnership Coach"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if not text:
        text = MISSING.format(title=fallback, name=name)
    title = html.escape(_title(text, fallback))
    return TEMPLATE.format(title=title, body=_markdown().render(text))


async def _page(request: web.Request) -> web.Response:
    return web.Response(text=render_page(PAGES[request.path]), content_type="text/html")


def mount_pages(app: web.Application) -> None:
    for path in PAGES:
        app.router.add_get(path, _page)
