"""`wegwijzer folders`: print the built leaflets to A4 PDF files with Chromium.

Two kinds: the leaflet of a gemeente, kern or wijk (id: the area, 'julianadorp') and a guide for one
gemeente (id: 'gids/<guide>/<gemeente>', written as gids-<guide>-<gemeente>.pdf).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from wegwijzer.core.region import load_region
from wegwijzer.site.context import build_date
from wegwijzer.site.leaflets import FOLDER_DIR
from wegwijzer.site.stamp import Stamp, sources_digest, why_stale
from wegwijzer.tools.chromium import CHROMIUM, CHROMIUM_ARGS

PDF_DIR = "folders"
GUIDES = "gids"  # folder/gids/<guide>/<gemeente>/: the leaflets of the guides (site.guides)
EXAMPLES_ENV = "WEGWIJZER_VOORBEELDEN"  # read by the plugin (site.plugin._include_examples)
BUILDING = "De site wordt eerst opnieuw gebouwd. Even geduld ..."


def wanted_stamp(config, examples: bool) -> Stamp:
    """What a build for the folders must be made from now (the date, examples or not, site_url, sources)."""
    from wegwijzer.site.plugin import settings_of

    settings = settings_of(config, config.plugins["wegwijzer"].config)
    digest = sources_digest(settings.project_dir, settings.data_dir)
    return Stamp(build_date().isoformat(), examples, settings.site_url, digest)


@contextmanager
def examples_setting(examples: bool):
    """Build with or without example items, whatever mkdocs.yml or WEGWIJZER_VOORBEELDEN says."""
    before = os.environ.get(EXAMPLES_ENV)
    os.environ[EXAMPLES_ENV] = "ja" if examples else "nee"
    try:
        yield
    finally:
        if before is None:
            del os.environ[EXAMPLES_ENV]
        else:
            os.environ[EXAMPLES_ENV] = before


def fresh_site(config, examples: bool, rebuild: bool, build: Callable[[], int], out=sys.stdout) -> int:
    """Build the site when it is old (or asked for), saying why. Returns 0 when the site is right for the folders."""
    site_dir = Path(config.site_dir)
    wanted = wanted_stamp(config, examples)
    reasons = ["Je vroeg om een nieuwe bouw (--bouw)."] if rebuild else why_stale(site_dir, wanted)
    if not reasons:
        print(f"De site in {site_dir} is actueel. De folders komen daaruit.", file=out)
        return 0
    print(BUILDING, file=out)
    for reason in reasons:
        print(f"- {reason}", file=out)
    out.flush()
    with examples_setting(examples):
        code = build()
    if code:
        return code
    left = why_stale(site_dir, wanted)
    if left:
        print("De site is gebouwd, maar past nog niet bij de folders: " + " ".join(left), file=sys.stderr)
        return 1
    return 0


def not_found(missing: list[str]) -> str:
    return (
        f"Deze folders bestaan niet: {', '.join(missing)}. "
        "Gebruik de id van een gemeente, kern of wijk, bijvoorbeeld julianadorp. "
        "Of een gids voor een gemeente, bijvoorbeeld gids/ik-heb-geldzorgen/texel."
    )


def unknown_areas(ids: list[str]) -> list[str]:
    """Asked ids that are no gemeente, kern or wijk, nor a guide for a gemeente (found before anything is built)."""
    areas = load_region().areas

    def known(leaflet_id: str) -> bool:
        parts = leaflet_id.strip("/").split("/")
        if len(parts) == 3 and parts[0] == GUIDES:  # gids/<guide>/<gemeente>: the guide is checked in the site
            return parts[2] in areas and areas[parts[2]].level == "gemeente"
        return leaflet_id in areas

    return [i for i in ids if not known(i)]


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
        raise KeyError(not_found(missing))
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
