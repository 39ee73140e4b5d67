"""The pages a public service owes its users (privacy, accessibility statement, about this site), and two
things every page gets: "Lees voor" where it helps, and long words in headings that break with a hyphen.

Each page is made from facts the build knows, so it stays true when the settings change:
- ``/privacy/`` says which outside requests there are with the tile setting of this build
  (``site.tiles``) and what the browser keeps (``BROWSER_STORAGE``: a test checks that the
  site stores nothing else);
- ``/toegankelijkheid/`` comes from the statement file and the suite's results (``site.statement``);
- ``/over/`` names the software in the site with the licences from the installed packages.

The footer (``overrides/partials/footer.html``) links to all three on every page.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any, ClassVar

import pyphen

from wegwijzer.core.model import Activity
from wegwijzer.core.sources import OSM_COPYRIGHT, OSM_SOURCE, shows_osm_data, source_group
from wegwijzer.core.urls import url_for
from wegwijzer.site import statement, tiles
from wegwijzer.site.pages import AudiencePage, Context, OfferPage, Page, PlacePage, ThemePage
from wegwijzer.site.view import View

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.pages import Page as MkDocsPage

    from wegwijzer.site.context import BuildContext

# What the site keeps in the visitor's browser (localStorage), and why. Nothing else: tests/test_trust.py
# visits every page type, uses the map choice and compares the browser's storage with this list.
BROWSER_STORAGE = {
    "wegwijzer-kaart": "Of je de kaart wilt zien (alleen als de kaartjes van een andere server komen).",
    "wegwijzer-lijst": "Mijn lijst: welk aanbod en welke plekken je op je lijst zet. Niets anders.",
}

# Software that ends up in the site, with where its version and licence are read from.
NPM_PARTS = (
    ("leaflet", "de kaart"),
    ("leaflet.markercluster", "groepjes plekken op de kaart"),
    ("lunr", "zoeken"),
    ("lunr-languages", "zoeken in het Nederlands"),
    ("qrcode-generator", "de QR-code op de verwijskaart van Mijn lijst"),
    ("@cfworker/json-schema", "controleert het aanmeldformulier"),
)
PYTHON_PARTS = (
    ("mkdocs", "maakt de pagina's"),
    ("mkdocs-material", "de opmaak van de site"),
    ("folium", "maakt de kaarten van gemeenten en dorpen"),
)


@dataclass(frozen=True)
class PrivacyPage(Page):
    template: ClassVar[str] = "wegwijzer/privacy.html"

    def context(self, ctx: BuildContext) -> Context:
        settings = ctx.settings
        return {
            "eigen_tegels": tiles.self_hosted(settings),
            "tegel_host": tiles.tile_host(settings),
            "tegel_naam": tiles.provider_name(settings),
            "opslag": BROWSER_STORAGE,
            "site_url": settings.site_url,
            "melden_url": settings.melden_url,
            "repo_url": settings.repo_url,
        }


@dataclass(frozen=True)
class AccessibilityPage(Page):
    template: ClassVar[str] = "wegwijzer/toegankelijkheid.html"

    def context(self, ctx: BuildContext) -> Context:
        return {"verklaring": statement.load(ctx.today)}


def _npm_version(ctx: BuildContext, name: str) -> tuple[str, str]:
    path = ctx.settings.node_modules / name / "package.json"
    if not path.is_file():
        return "", ""
    meta = json.loads(path.read_text(encoding="utf-8"))
    return str(meta.get("version", "")), str(meta.get("license", ""))


def _python_version(name: str) -> tuple[str, str]:
    try:
        meta = metadata.metadata(name)
    except metadata.PackageNotFoundError:
        return "", ""
    licence = meta["License-Expression"] or meta["License"] or ""
    if not licence or len(licence) > 40:  # some packages put the whole licence text here
        classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        licence = classifiers[0].rsplit("::", 1)[-1].strip() if classifiers else ""
    return meta["Version"] or "", licence


def software(ctx: BuildContext) -> list[dict[str, str]]:
    """The parts the site is made with, with the version and licence of the installed package."""
    rows = []
    npm = list(NPM_PARTS)
    if tiles.self_hosted(ctx.settings):
        npm.append(("protomaps-leaflet", "tekent de eigen kaart (met pmtiles)"))
    for name, what in npm:
        version, licence = _npm_version(ctx, name)
        rows.append({"naam": name, "waarvoor": what, "versie": version, "licentie": licence})
    for name, what in PYTHON_PARTS:
        version, licence = _python_version(name)
        rows.append({"naam": name, "waarvoor": what, "versie": version, "licentie": licence})
    return rows


@dataclass(frozen=True)
class AboutPage(Page):
    template: ClassVar[str] = "wegwijzer/over.html"

    def context(self, ctx: BuildContext) -> Context:
        cat = ctx.catalog
        entries = [*cat.locations.values(), *cat.activities.values()]
        sources = Counter(source_group(e.bron) for e in entries if e.bron)
        return {
            "software": software(ctx),
            "bronnen": sources.most_common(12),
            "bronnen_aantal": len(sources),
            "osm_aantal": sources.get(OSM_SOURCE, 0),
            "osm_copyright": OSM_COPYRIGHT,
            "beheerders": sorted({e.beheerder for e in entries if e.beheerder}, key=str.casefold),
            "voorbeelden": sum(1 for e in entries if e.voorbeeld),
            "eigen_tegels": tiles.self_hosted(ctx.settings),
            "melden_url": ctx.settings.melden_url,
            "melden_email": ctx.settings.melden_email,
        }


READ_ALOUD_PAGES = (PlacePage, OfferPage, ThemePage, AudiencePage, PrivacyPage, AccessibilityPage, AboutPage)
READ_ALOUD_FOLDERS = (url_for("plan"), "redactie/")  # hand-written pages: the plan and the editors' guide


def read_aloud(page: Page | None, doc: MkDocsPage) -> bool:
    """Pages with a "Lees voor" button: entries, topics, the plan, the guides and these pages."""
    if page is not None:
        return isinstance(page, READ_ALOUD_PAGES)
    return doc.url.startswith(READ_ALOUD_FOLDERS)


# --- long words in headings ------------------------------------------------------------------

HEADING = re.compile(r"(<h[1-4]\b[^>]*>)(.*?)(</h[1-4]>)", re.S)
LONG_WORD = re.compile(r"[^\W\d_]{16,}")  # about what fits on a 360 px line in a heading
_DUTCH = pyphen.Pyphen(lang="nl_NL")


@functools.lru_cache(maxsize=4096)
def _hyphenated(word: str) -> str:
    return _DUTCH.inserted(word, hyphen="\u00ad")


def soft_hyphens(html: str) -> str:
    """Soft hyphens in long words of headings, at Dutch syllable breaks (pyphen).

    A phone then breaks 'Schuldhulpverlening' as 'Schuldhulp-/verlening' with a hyphen, never in a random
    place. Browsers show a soft hyphen only at a line break; text, search and read-aloud stay the same.
    Only text between tags changes, never a tag or an attribute.
    """

    def heading(match: re.Match) -> str:
        parts = re.split(r"(<[^>]*>)", match.group(2))
        inner = "".join(p if p.startswith("<") else LONG_WORD.sub(lambda w: _hyphenated(w.group(0)), p) for p in parts)
        return match.group(1) + inner + match.group(3)

    return HEADING.sub(heading, html)


class TrustView(View):
    """Owns /privacy/, /toegankelijkheid/ and /over/; says which pages get "Lees voor"."""

    name = "trust"

    def jinja(self, ctx: BuildContext, env: Environment, ww: dict[str, Any]) -> None:
        cat = ctx.catalog
        ww["osm_credit"] = lambda e: shows_osm_data(e, cat.places_of(e) if isinstance(e, Activity) else ())
        ww["osm_copyright"] = OSM_COPYRIGHT

    def context(self, ctx: BuildContext, page: Page | None, doc: MkDocsPage, context: Context) -> None:
        context["ww_voorlezen"] = read_aloud(page, doc)

    def html(self, ctx: BuildContext, page: Page | None, html: str) -> str:
        return soft_hyphens(html)

    def pages(self, ctx: BuildContext) -> Iterable[Page]:
        yield PrivacyPage(
            "privacy", title="Privacy", description="Wat de Wegwijzer van je weet en bewaart: niets op een server."
        )
        yield AccessibilityPage(
            "toegankelijkheid",
            title="Toegankelijkheid",
            description="Hoe goed iedereen deze site kan gebruiken, wat we testen en wat nog niet goed is.",
        )
        yield AboutPage(
            "over", title="Over deze site", description="Wie de Wegwijzer maakt, waar de gegevens vandaan komen."
        )
