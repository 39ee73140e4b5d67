"""`wegwijzer folders`: print the built leaflets to A4 PDF files with Chromium.

Two kinds: the leaflet of a gemeente, kern or wijk (id: the area, 'julianadorp') and a guide for one
gemeente (id: 'gids/<guide>/<gemeente>', written as gids-<guide>-<gemeente>.pdf).
"""

from __future__ import annotations

import re
from pathlib import Path

from wegwijzer.site.leaflets import FOLDER_DIR
from wegwijzer.tools.chromium import CHROMIUM, CHROMIUM_ARGS

PDF_DIR = "folders"


GUIDES = "gids"  # folder/gids/<guide>/<gemeente>/: the leaflets of the guides (site.guides)


def leaflet_ids(site_dir: Path) -> list[str]:
    """Every leaflet in a built site: areas first, then the guides ('gids/<guide>/<gemeente>')."""
    folder = Path(site_dir) / FOLDER_DIR
    areas = sorted(p.parent.name for p in folder.glob("*/index.html"))
    guides = sorted(p.parent.relative_to(folder).as_posix() for p in folder.glob(f"{GUIDES}/*/*/index.html"))
    return areas + guides


def pdf_name(leaflet_id: str) -> str:
    """'julianadorp' -> 'julianadorp.pdf'; 'gids/ik-heb-geldzorgen/texel' -> 'gids-ik-heb-geldzorgen-texel.pdf'."""
    return leaflet_id.replace("/", "-") + ".pdf"


def write_pdfs(site_dir: Path, out_dir: Path, ids: list[str] | None = None, browser=None) -> list[Path]:
    """Print the built leaflets to A4 PDFs with Chromium. Returns the files written, in order."""
    site_dir, out_dir = Path(site_dir).resolve(), Path(out_dir).resolve()
    available = leaflet_ids(site_dir)
    if not available:
        raise FileNotFoundError(f"Er staan geen folders in {site_dir}. Bouw eerst de site: wegwijzer build.")
    wanted = [i.strip("/") for i in ids] if ids else available
    missing = [i for i in wanted if i not in available]
    if missing:
        raise KeyError(
            "Deze folders bestaan niet: "
            + ", ".join(missing)
            + ". Gebruik de id van een gemeente, kern of wijk, bijvoorbeeld julianadorp."
            + " Of een gids voor een gemeente, bijvoorbeeld gids/ik-heb-geldzorgen/texel."
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    if browser is not None:
        return _print_all(browser, site_dir, out_dir, wanted)
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"Chromium ontbreekt ({CHROMIUM}). Installeer het pakket chromium.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return _print_all(b, site_dir, out_dir, wanted)
        finally:
            b.close()


def _print_all(browser, site_dir: Path, out_dir: Path, ids: list[str]) -> list[Path]:
    context = browser.new_context(locale="nl-NL")
    # Leaflets are made from local files only; block anything else (fonts, tiles, trackers).
    context.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())
    written = []
    try:
        page = context.new_page()
        for leaflet_id in ids:
            page.goto((site_dir / FOLDER_DIR / leaflet_id / "index.html").as_uri())
            target = out_dir / pdf_name(leaflet_id)
            page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True)
            written.append(target)
    finally:
        context.close()
    return written
