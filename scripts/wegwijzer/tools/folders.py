"""`wegwijzer folders`: print the built leaflets to A4 PDF files with Chromium."""

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
        "Gebruik de id van een gemeente, kern of wijk, bijvoorbeeld julianadorp."
    )


def unknown_areas(ids: list[str]) -> list[str]:
    """Asked ids that are no gemeente, kern or wijk (found before anything is built)."""
    areas = load_region().areas
    return [i for i in ids if i not in areas]


def leaflet_ids(site_dir: Path) -> list[str]:
    folder = Path(site_dir) / FOLDER_DIR
    return sorted(p.parent.name for p in folder.glob("*/index.html"))


def write_pdfs(site_dir: Path, out_dir: Path, ids: list[str] | None = None, browser=None) -> list[Path]:
    """Print the built leaflets to A4 PDFs with Chromium. Returns the files written, in order."""
    site_dir, out_dir = Path(site_dir).resolve(), Path(out_dir).resolve()
    available = leaflet_ids(site_dir)
    if not available:
        raise FileNotFoundError(f"Er staan geen folders in {site_dir}. Bouw eerst de site: wegwijzer build.")
    wanted = sorted(ids) if ids else available
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
        for area_id in ids:
            page.goto((site_dir / FOLDER_DIR / area_id / "index.html").as_uri())
            target = out_dir / f"{area_id}.pdf"
            page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True)
            written.append(target)
    finally:
        context.close()
    return written
