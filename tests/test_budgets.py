"""Budgets per page type: bytes a phone downloads, and no sideways scrolling at 360x640.

Sizes are what a page really loads in Chromium (every request to the site), measured
from the built files: HTML raw and gzipped, CSS and JS gzipped, and the total after gzip
(images, JSON and fonts included; map tiles are outside the site and not counted).
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import offline
from pagetypes import NAMES, visit

pytestmark = pytest.mark.browser

KB = 1024
# Budgets in KB per page type: measured on the shipped data (November 2026, 360x640 Chromium),
# plus roughly 35% headroom. Measured then (html / html_gz / css_gz / js_gz / total_gz):
#   home 15.8/4.3/28.8/34.2/69.1   aanbod 17.0/4.6/32.8/77.8/119.2   kern 36.0/7.0/32.8/77.8/121.6
#   gemeente 38.1/7.3/32.8/77.8/121.9   alle-aanbod 51.6/8.5/28.8/34.2/73.4
#   zoeken 18.6/4.6/28.8/51.6/111.7   kaart 19.3/5.1/33.4/87.9/131.3   folder 19.1/3.6/1.7/0/5.2
#   gids 35.0/7.2/31.4/35.5/74.6   gids-gebied 36.6/7.2/31.4/35.5/74.5   folder-gids 7.1/2.3/1.9/0.2/4.5
#   redactie-gidsen 24.4/5.5/31.4/34.8/72.2   binnenkort 16.5/3.8/31.4/35.5/71.2 (December 2026)
# "html" is the raw HTML (entry pages must stay under 40 KB); the others are after gzip.
# Material's own CSS (~29 KB gz) and JS bundle (~34 KB gz) are on every normal page;
# pages with a map add Leaflet (~44 KB gz JS, ~4 KB gz CSS).
# Lists of everything (alle-aanbod, gemeente, doelgroep) grow with the data: when they hit the
# budget, split them into pages rather than raising the number.
BASE = {"html": 40, "html_gz": 10, "css_gz": 38, "js_gz": 50, "total_gz": 100}
MAP = {**BASE, "css_gz": 44, "js_gz": 105, "total_gz": 165}
BUDGETS: dict[str, dict[str, int]] = {
    "home": BASE,
    "aanbod": MAP,
    "plek": MAP,
    "kern": {**MAP, "html": 60, "html_gz": 12},
    "wijk": {**MAP, "html": 60, "html_gz": 12},
    "gemeente": {**MAP, "html": 64, "html_gz": 12},
    "thema": {**BASE, "html": 40},
    "doelgroep": {**BASE, "html": 56, "html_gz": 10},
    "themas": BASE,
    "buurt": BASE,
    "plekken": {**BASE, "html": 40},
    "alle-aanbod": {**BASE, "html": 90, "html_gz": 14},
    # One table of the offers to refer to, per gemeente (site.professionals): 48.5 KB with 32 rows (about
    # 650 bytes a row). Room for about 55 rows; past that, split it into a page per gemeente.
    "professionals": {**BASE, "html": 64, "html_gz": 12},
    "lijst": {**BASE, "js_gz": 66, "total_gz": 120},  # + the QR code library (~12 KB gz) and two small shards
    "programma": BASE,
    "project": BASE,
    "vragen": BASE,
    "plan": BASE,
    "zoeken": {**BASE, "js_gz": 75, "total_gz": 160},  # lunr, Dutch stemmer and the index
    "kaart": {**MAP, "js_gz": 120, "total_gz": 180},  # Leaflet, markercluster, all places
    "folder": {"html": 40, "html_gz": 10, "css_gz": 5, "js_gz": 2, "total_gz": 12},  # printable, no theme
    "open-data": {**BASE, "html": 48, "html_gz": 12},
    "nieuw": {**BASE, "html": 56, "html_gz": 10},
    "redactie": {**BASE, "html": 48, "html_gz": 12},
    "gereed": {**BASE, "html": 48, "html_gz": 10},  # grows with the woonkernen that have entries (about 60 at most)
    # The form has every choice of the controlled lists and the region on the page (not the catalogue: the
    # places and the schema are JSON it reads when needed); its scripts and the validator are about 24 KB gz.
    "aanmelden": {**BASE, "html": 72, "html_gz": 14, "js_gz": 75, "total_gz": 135},
    "404": BASE,
    "privacy": BASE,
    "toegankelijkheid": BASE,
    "over": BASE,
    "gidsen": BASE,
    "gids": {**BASE, "html": 48},  # the place chooser lists every woonkern; the lists are capped
    "gids-gebied": {**BASE, "html": 48},
    "folder-gids": {"html": 40, "html_gz": 10, "css_gz": 5, "js_gz": 2, "total_gz": 12},  # printable, no theme
    "redactie-gidsen": BASE,  # grows with the guides (about 3 KB each)
    "binnenkort": BASE,  # grows with the coming events
}


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL")
    offline(context)
    page = context.new_page()
    page.local_requests = []
    page.on("requestfinished", lambda req: page.local_requests.append((req.url, req.resource_type)))
    yield page
    context.close()


@cache
def _sizes(file: Path) -> tuple[int, int]:
    data = file.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def _file_of(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    path = unquote(urlsplit(url).path)
    target = site / path.lstrip("/")
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def measure(tab, server, site, name) -> dict[str, float]:
    tab.local_requests.clear()
    visit(tab, server, site, name, idle=True)
    seen: dict[Path, str] = {}
    for url, kind in tab.local_requests:
        file = _file_of(site, server, url)
        if file is not None:
            seen.setdefault(file, kind)
    out = {"html": 0, "html_gz": 0, "css_gz": 0, "js_gz": 0, "total_gz": 0}
    for file, kind in seen.items():
        raw, gz = _sizes(file)
        if kind == "document":
            out["html"] += raw
            out["html_gz"] += gz
        elif kind == "stylesheet":
            out["css_gz"] += gz
        elif kind == "script":
            out["js_gz"] += gz
        out["total_gz"] += gz
    return {k: round(v / KB, 1) for k, v in out.items()}


def test_every_page_type_has_a_budget():
    assert set(BUDGETS) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_page_type_stays_within_budget(tab, server, site, name):
    got = measure(tab, server, site, name)
    over = {k: f"{got[k]} KB > {limit} KB" for k, limit in BUDGETS[name].items() if got[k] > limit}
    print(f"\nBUDGET {name}: {got}")
    assert got["html"] > 0, "the page itself was not loaded"
    assert not over, f"{name} is over budget: {over} (all sizes: {got})"


@pytest.mark.parametrize("name", NAMES)
def test_no_sideways_scrolling_on_a_phone(tab, server, site, name):
    url = visit(tab, server, site, name)
    width = tab.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    if width > 360:
        wide = tab.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 361)
            .slice(0, 5).map(e => e.tagName.toLowerCase()
                                + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
                                + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)')""")
        pytest.fail(f"{url} is {width}px wide on a 360px screen; too wide: {wide}")
