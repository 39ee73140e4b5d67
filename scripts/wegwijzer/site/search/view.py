"""The search view: vendored lunr files, the pages to index, and the index itself after the build."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from wegwijzer.core.urls import url_for
from wegwijzer.site.context import BuildContext
from wegwijzer.site.guides import GuidePage, GuidesPage
from wegwijzer.site.leaflets import LeafletPage
from wegwijzer.site.pages import AreaPage, AudiencePage, Context, Page, ThemePage
from wegwijzer.site.search.documents import _words
from wegwijzer.site.search.index import write_index
from wegwijzer.site.view import View

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page as MkDocsPage

VENDOR = {  # site path -> path in node_modules
    "assets/javascripts/vendor/lunr/lunr.min.js": "lunr/lunr.min.js",
    "assets/javascripts/vendor/lunr/lunr.stemmer.support.js": "lunr-languages/min/lunr.stemmer.support.min.js",
    "assets/javascripts/vendor/lunr/lunr.nl.js": "lunr-languages/min/lunr.nl.min.js",
}
# Generated pages that are results themselves (besides entries, which are indexed from the catalogue).
INDEXED_PAGES = (ThemePage, AudiencePage, AreaPage, LeafletPage, GuidePage, GuidesPage)

_TAG = re.compile(r"<[^>]+>")


def _first_paragraph(content: str) -> str:
    match = re.search(r"<p>(.*?)</p>", content or "", re.S)
    return html.unescape(_TAG.sub("", match.group(1))).strip() if match else ""


class SearchView(View):
    """Collects the pages to index while they render; writes ``zoekindex/`` when the site is done."""

    name = "search"

    def __init__(self) -> None:
        self.indexed: list[dict] = []  # the plain pages and topic pages, as index documents
        self.stats: dict = {}  # sizes and timings of the last index (for the benchmarks)

    def files(self, ctx: BuildContext) -> dict[str, str | bytes]:
        files: dict[str, str | bytes] = {}
        for target, source in VENDOR.items():
            path = ctx.settings.node_modules / source
            if not path.exists():
                raise PluginError(f"Het bestand {source} ontbreekt in node_modules. Draai eerst make install.")
            files[target] = path.read_bytes()
        return files

    def context(self, ctx: BuildContext, page: Page | None, doc: MkDocsPage, context: Context) -> None:
        """Remember the hand-written pages (and theme, audience and area pages) for the index."""
        if page is not None and not isinstance(page, INDEXED_PAGES):
            return
        if isinstance(page, AreaPage) and page.kind == "wijk":
            return
        if doc.url in (url_for("zoeken"), url_for("home"), "404.html"):
            return
        title = doc.meta.get("title") or doc.title or ""
        summary = (
            doc.meta.get("description") or (page.description if page else "") or _first_paragraph(doc.content or "")
        )
        if isinstance(page, AreaPage):  # the same sentence on every area page: find them by name only
            self.indexed.append({"title": str(title), "url": doc.url, "summary": summary, "text": ""})
            return
        headings = []
        for item in doc.toc or []:
            headings += [item.title] + [child.title for child in item.children]
        self.indexed.append(
            {
                "title": str(title),
                "url": doc.url,
                "summary": _words(summary, 30),
                "text": " ".join([_words(summary, 40), _words(" ".join(headings), 30)]),
            }
        )

    def finish(self, ctx: BuildContext, site_dir: Path) -> None:
        self.stats = write_index(ctx.catalog, ctx.today, site_dir, self.indexed)
