"""Self-hosted map tiles (PMTiles): with tiles: pmtiles the site makes no outside request at all.

A second build of the shipped data, with a tiny PMTiles archive made in tests/tilefixture.py,
served by a web server that answers range requests (as real hosts do).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from mkdocs.exceptions import PluginError

from conftest import build_site
from pagetypes import NAMES, visit
from tilefixture import make_pmtiles, serving_ranges
from wegwijzer.site import tiles
from wegwijzer.site.context import Settings


@pytest.fixture(scope="module")
def pm_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pmtiles")
    archive = make_pmtiles(folder / "kop.pmtiles")
    dest = folder / "site"
    result = build_site(dest, {"WEGWIJZER_TILES": "pmtiles", "WEGWIJZER_PMTILES_FILE": str(archive)})
    assert result.returncode == 0, result.stderr
    return dest


@pytest.fixture(scope="module")
def pm_tab(browser, pm_site):
    with serving_ranges(pm_site) as base:
        context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL")
        page = context.new_page()
        page.requests = []
        page.errors = []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        context.route(lambda url: not url.startswith(base), lambda route: route.abort())
        page.base = base
        yield page
        context.close()


def test_the_archive_is_copied_into_the_site(pm_site):
    data = (pm_site / tiles.PMTILES_PATH).read_bytes()
    assert data[:7] == b"PMTiles" and data[7] == 3
    assert (pm_site / tiles.RENDERER[1]).stat().st_size > 50_000
    assert "pmtiles" in (pm_site / tiles.LICENCES).read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("name", NAMES)
def test_no_outside_request_on_any_page_type(pm_tab, pm_site, name):
    pm_tab.requests.clear()
    pm_tab.errors.clear()
    url = visit(pm_tab, pm_tab.base, pm_site, name, idle=True)
    own = urlsplit(pm_tab.base).netloc
    outside = sorted(
        {u for u in pm_tab.requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own}
    )
    assert outside == [], f"{url} asked other hosts for: {outside}"
    if pm_tab.locator("section.ww-kaart").count():  # the map is drawn at once, from the site's own file
        pm_tab.locator(".leaflet-container canvas").first.wait_for()
        assert pm_tab.get_by_role("button", name="Kaart tonen").count() == 0, "no consent needed"
        assert any(u.endswith(tiles.PMTILES_PATH) for u in pm_tab.requests)
    assert pm_tab.errors == []


@pytest.mark.browser
def test_privacy_page_says_there_are_no_outside_requests(pm_tab):
    pm_tab.goto(pm_tab.base + "privacy/")
    text = pm_tab.locator("article").inner_text()
    assert "Nooit vanzelf" in text and "openstreetmap.org" not in text.lower().replace("openstreetmap-", "")


# --- settings ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"tiles": "google"}, "ken ik niet"),
        ({"tiles": "pmtiles"}, "precies één"),
        ({"tiles": "pmtiles", "pmtiles_file": "bestaat-niet.pmtiles"}, "bestaat niet"),
        ({"tiles": "pmtiles", "pmtiles_url": "https://tiles.example.org/kop.pmtiles"}, "eigen site"),
        ({"tile_url": "tegels"}, "geen webadres"),
    ],
)
def test_tile_settings_that_cannot_work_stop_the_build_in_dutch(tmp_path, settings, message):
    with pytest.raises(PluginError, match=message):
        tiles.check(Settings(project_dir=tmp_path, **settings))


def test_a_file_that_is_not_pmtiles_is_refused(tmp_path):
    (tmp_path / "kaart.pmtiles").write_bytes(b"<html>not found</html>" * 10)
    with pytest.raises(PluginError, match="geen PMTiles-bestand"):
        tiles.check(Settings(project_dir=tmp_path, tiles="pmtiles", pmtiles_file="kaart.pmtiles"))


def test_tile_config_for_the_browser(tmp_path):
    make_pmtiles(tmp_path / "kop.pmtiles")
    own = tiles.config(Settings(project_dir=tmp_path, tiles="pmtiles", pmtiles_file="kop.pmtiles"), "../../")
    assert own == {
        "soort": "pmtiles",
        "url": "../../kaart/tegels.pmtiles",
        "attribution": tiles.PMTILES_ATTRIBUTION,
        "maxzoom": 6,
    }
    osm = tiles.config(Settings(), "../")
    assert osm["soort"] == "osm" and osm["naam"] == "OpenStreetMap"
    assert tiles.tile_host(Settings()) == "tile.openstreetmap.org"
    assert tiles.tile_host(Settings(tiles="pmtiles", pmtiles_url="/kop.pmtiles")) == ""
