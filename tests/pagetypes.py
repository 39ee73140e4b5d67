"""One page per page type of the built site, for the quality gates (a11y, HTML, privacy, budgets).

Page types are found by looking at the files in the built site, so a type that
another part of the project adds later is picked up as soon as it exists.
For each type the largest page is chosen: the richest example is the best test.
A type that does not exist yet is reported as missing, with a reason, and its test is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class PageType:
    name: str
    globs: tuple[str, ...]  # candidate index.html files, relative to the site root
    required: bool  # must exist today: a missing required type is a failure, not a skip
    query: str = ""  # appended to the URL in the browser (e.g. a search term)
    ready: str = ""  # CSS selector that appears when the page's script has done its work
    what: str = ""


PAGE_TYPES: list[PageType] = [
    PageType("home", ("index.html",), True, what="startpagina"),
    PageType("aanbod", ("aanbod/*/index.html",), True, what="pagina van een aanbod"),
    PageType("plek", ("plek/*/index.html",), True, what="pagina van een plek"),
    PageType("kern", ("kern/*/index.html",), True, what="pagina van een woonkern"),
    PageType("wijk", ("wijk/*/index.html",), True, what="pagina van een wijk"),
    PageType("gemeente", ("gemeente/*/index.html",), True, what="pagina van een gemeente"),
    PageType("thema", ("thema/*/index.html",), True, what="pagina van een thema"),
    PageType("doelgroep", ("voor/*/index.html",), True, what="pagina voor een doelgroep"),
    PageType("themas", ("thema/index.html",), True, what="lijst van thema's"),
    PageType("buurt", ("buurt/index.html",), True, what="mijn buurt"),
    PageType("plekken", ("plekken/index.html",), True, what="alle plekken"),
    PageType("alle-aanbod", ("aanbod/index.html",), True, what="al het aanbod"),
    PageType("professionals", ("professionals/index.html",), True, what="voor professionals"),
    # A shared list (the ids in the link): the page loads the data of both entries and shows them.
    PageType(
        "lijst",
        ("lijst/index.html",),
        True,
        query="#welzijn-op-recept,juridisch-loket",
        ready="#lijst-items li + li",
        what="mijn lijst (een gedeelde lijst)",
    ),
    PageType("programma", ("plan/ambitie-*/index.html",), True, what="programma van het plan"),
    PageType("project", ("plan/projecten/*/index.html",), True, what="project uit het plan"),
    PageType("vragen", ("plan/projecten/*/vragen/index.html",), True, what="veelgestelde vragen"),
    PageType("plan", ("plan/index.html",), True, what="overzicht van het plan"),
    PageType(
        "zoeken",
        ("zoeken/index.html",),
        True,
        query="?q=taal",
        ready="#zoek-resultaten li",
        what="zoekpagina met resultaten",
    ),
    # The map box shows (a choice before tiles from another host, or the map itself with the site's own tiles).
    PageType("kaart", ("kaart/index.html",), True, ready="section.ww-kaart:not([hidden])", what="kaart"),
    PageType("folder", ("folder/*/index.html",), True, what="folder van een woonkern"),
    PageType("gidsen", ("gids/index.html",), True, what="alle gidsen (waar gaat het om?)"),
    PageType("gids", ("gids/*/index.html",), True, what="gids voor de hele regio"),
    PageType("gids-gebied", ("gids/*/*/index.html",), True, what="gids voor een gemeente of woonkern"),
    PageType("folder-gids", ("folder/gids/*/*/index.html",), True, what="folder van een gids"),
    PageType("binnenkort", ("binnenkort/index.html",), True, what="alles wat binnenkort is"),
    PageType("redactie-gidsen", ("redactie/gidsen/index.html",), True, what="gidsen en hun signalen (redactie)"),
    PageType("open-data", ("open-data/index.html", "data/index.html", "opendata/index.html"), True, what="open data"),
    PageType("nieuw", ("nieuw/index.html",), True, what="nieuw aanbod"),
    PageType(
        "redactie",
        ("redactie/zo-voeg-je-iets-toe/index.html", "redactie/beheer/index.html", "redactie/index.html"),
        True,
        what="uitleg voor de redactie",
    ),
    PageType("gereed", ("redactie/gereed/index.html",), True, what="klaar voor de echte site?"),
    # The intake form shows its first question once aanmelden.js has started (data-klaar).
    PageType("aanmelden", ("aanmelden/index.html",), True, ready="#ww-aanmelden[data-klaar]", what="aanmeldformulier"),
    PageType("404", ("404.html",), True, what="pagina niet gevonden"),
    PageType("privacy", ("privacy/index.html",), True, what="privacy"),
    PageType("toegankelijkheid", ("toegankelijkheid/index.html",), True, what="toegankelijkheidsverklaring"),
    PageType("over", ("over/index.html",), True, what="over deze site"),
]


def find_page(site: Path, pt: PageType) -> Path | None:
    """The largest file of this type in the site, or None when the type does not exist."""
    found: list[Path] = []
    for pattern in pt.globs:
        found += [p for p in site.glob(pattern) if p.is_file()]
    # thema/*/index.html must not catch thema/index.html etc.; glob already needs one folder level.
    if not found:
        return None
    return max(sorted(found), key=lambda p: p.stat().st_size)


def url_path(site: Path, file: Path) -> str:
    """Site-relative URL of a built file (directory URL for index.html)."""
    rel = file.relative_to(site).as_posix()
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


def pages(site: Path) -> dict[str, Path]:
    """All page types that exist in this build: name -> file."""
    out = {}
    for pt in PAGE_TYPES:
        file = find_page(site, pt)
        if file is not None:
            out[pt.name] = file
    return out


def page_or_skip(site: Path, name: str) -> Path:
    pt = next(p for p in PAGE_TYPES if p.name == name)
    file = find_page(site, pt)
    if file is None:
        if pt.required:
            pytest.fail(f"Page type '{name}' ({pt.what}) is missing from the built site: {pt.globs}")
        pytest.skip(f"Page type '{name}' ({pt.what}) does not exist yet in the site ({', '.join(pt.globs)}).")
    return file


NAMES = [pt.name for pt in PAGE_TYPES]
BY_NAME = {pt.name: pt for pt in PAGE_TYPES}


def visit(page, base: str, site: Path, name: str, idle: bool = False) -> str:
    """Open the page of this type in a Playwright page and wait until it is ready. Returns the URL.

    idle=True also waits until the network is quiet (to see every request a page makes).
    """
    pt = BY_NAME[name]
    file = page_or_skip(site, name)
    url = base + url_path(site, file) + pt.query
    page.goto(url, wait_until="load")
    if pt.ready:
        page.wait_for_selector(pt.ready, state="attached", timeout=20_000)
    if idle:
        page.wait_for_load_state("networkidle")
    return url
