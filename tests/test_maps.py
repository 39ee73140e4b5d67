"""Maps without third parties (issue 4): vendored Leaflet, compact marker data, keyboard and list alternatives."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from mkdocs.exceptions import PluginError

from conftest import BLANK_PNG, wait_for_text
from wegwijzer.site import maps
from wegwijzer.site.context import Settings

TILE_HOST = "tile.openstreetmap.org"
CDN_HINTS = ("cdn.jsdelivr", "cdnjs.", "code.jquery", "bootstrapcdn", "unpkg.com", "fontawesome", "googleapis")


def _html(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


# --- data and build ------------------------------------------------------------------------


def test_marker_titles_are_unique_even_for_equal_names():
    def place(pid, naam, kern, straat=None):
        adres = SimpleNamespace(one_line=lambda: f"{straat}, {kern}") if straat else None
        return SimpleNamespace(id=pid, naam=naam, woonkern=kern, adres=adres)

    places = [
        place("a", "Dorpshuis", "oosterend"),
        place("b", "Dorpshuis", "den-hoorn"),
        place("c", "Bibliotheek", "schagen-stad"),
        place("d", "Buurtkamer", "x", "Kerkstraat 1"),
        place("e", "Buurtkamer", "x", "Kerkstraat 1"),
    ]
    assert maps.marker_titles(places) == {
        "a": "Dorpshuis, oosterend",  # same name: the kern (no address)
        "b": "Dorpshuis, den-hoorn",
        "c": "Bibliotheek",  # a unique name stays as it is
        "d": "Buurtkamer, Kerkstraat 1, x (d)",  # same name and address: the id makes it unique
        "e": "Buurtkamer, Kerkstraat 1, x (e)",
    }
    assert maps.marker_titles([place("f", "Dorpshuis", "x"), place("g", "DORPSHUIS", "y")]) == {
        "f": "Dorpshuis, x",  # names that differ only in capitals are the same name to a reader
        "g": "DORPSHUIS, y",
    }


def test_overview_geojson_has_every_place_compactly(site, catalog):
    data = json.loads((site / maps.GEOJSON_PATH).read_text(encoding="utf-8"))
    features = data["features"]
    assert data["type"] == "FeatureCollection"
    assert len(features) == len(catalog.locations)
    titles = [f["properties"]["titel"] for f in features]
    assert len(set(titles)) == len(titles), "every marker needs its own title"
    for f in features:
        lon, lat = f["geometry"]["coordinates"]
        assert 52.6 < lat < 53.3 and 4.5 < lon < 5.4, "GeoJSON is lon, lat"
        assert (site / f["properties"]["url"] / "index.html").exists()
        assert set(f["properties"]) == {"titel", "url"}, "marker data stays compact"


def test_no_cdn_and_no_zoom_block_anywhere(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for hint in CDN_HINTS:
            assert hint not in text, f"{path.relative_to(site)} loads from {hint}"
        assert "user-scalable=no" not in text and "maximum-scale" not in text, f"{path} blocks pinch-zoom"
        for _src in re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?:)?//', text):
            pytest.fail(f"{path.relative_to(site)} loads a script or style from another host")


def test_vendored_leaflet_is_in_the_site(site):
    js = (site / "assets/vendor/leaflet/leaflet.js").read_text(encoding="utf-8")
    assert "Leaflet" in js and "1.9.4" in js
    assert (site / "assets/vendor/leaflet.markercluster/leaflet.markercluster.js").stat().st_size > 10_000
    assert (site / "assets/vendor/leaflet/images/marker-icon.png").read_bytes()[:4] == b"\x89PNG"


def test_map_code_only_on_pages_with_a_map(site, catalog):
    assert "leaflet.js" not in _html(site, ".")
    assert "leaflet.js" not in _html(site, "thema/" + next(iter(catalog.by_theme)))
    place = next(iter(catalog.locations.values()))
    page = _html(site, f"plek/{place.id}")
    assert "leaflet.js" in page and "data-ww-kaart=" in page
    assert "leaflet.markercluster.js" not in page, "an entry page does not need the cluster plugin"
    no_place = [a for a in catalog.activities.values() if not a.plekken]
    assert no_place, "the shipped data has offers for an area, without a place"
    for act in no_place:
        assert "leaflet.js" not in _html(site, f"aanbod/{act.id}"), act.id


def test_every_area_with_places_has_a_map_listing_the_same_places(site, catalog):
    for area in catalog.region.areas.values():
        places = catalog.places_in.get(area.id, [])
        if not places:
            continue
        html = _html(site, area.url.rstrip("/"))
        assert 'class="folium-map"' in html, area.id
        # The map's script is a file of its own (no inline script: Content-Security-Policy).
        src = re.search(r'<script src="\.\./\.\./(assets/kaarten/[0-9a-f]+\.js)"></script>', html).group(1)
        script = (site / src).read_text(encoding="utf-8")
        rows = json.loads(re.search(r"WegwijzerKaart\.addRows\(\w+, (\[.*?\]\]), ", script).group(1))
        shown = {r[3] for r in rows}
        for p in places:
            assert p.url in shown, f"{p.id} missing on the map of {area.id}"
        for r in rows:  # every marker is also a link in a list on the page
            assert f'href="../../{r[3]}"' in html, f"{r[3]} is on the map of {area.id} but not in a list"
        assert not re.search(r"map_[0-9a-f]{32}", html + script), "folium ids must be stable (reproducible builds)"


def test_overview_page_lists_every_place(site, catalog):
    html = _html(site, "kaart")
    for p in catalog.locations.values():
        assert f'href="../{p.url}"' in html, p.id
    assert "plekken.geojson" in html


def test_nearby_lists_places_and_offers_with_distance(gouden_site):
    """The golden site has Wijkcentrum Proef (with an offer) 0.6 km from Buurtkamer Proef; the rest is farther."""
    html = _html(gouden_site, "plek/buurtkamer-proef")
    section = html.split('id="in-de-buurt"', 1)[1].split("</section>", 1)[0]
    places, offers = section.split('id="aanbod-in-de-buurt"')
    assert re.findall(r">([^<]+)</a> <span class=\"ww-muted\">\(([^)]+)\)", places) == [
        ("Wijkcentrum Proef", "Den Helder, 600 m")
    ]
    assert re.findall(r">([^<]+)</a> <span class=\"ww-muted\">\(([^)]+)\)", offers) == [
        ("Spreekuur Proef", "bij Wijkcentrum Proef, 600 m")
    ]


def test_missing_node_modules_gives_a_plain_dutch_error(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    ctx = SimpleNamespace(catalog=None, settings=Settings(project_dir=tmp_path))
    with pytest.raises(PluginError, match="Draai eerst make install"):
        maps.MapView().files(ctx)


# --- in Chromium ----------------------------------------------------------------------------------


def _watch(page, base: str, tiles: str = "blank"):
    """Record every request; serve tiles locally (blank) or refuse them (blocked)."""
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    if tiles == "blank":
        page.route(
            f"https://{TILE_HOST}/**", lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)
        )
    else:
        page.route(f"https://{TILE_HOST}/**", lambda route: route.abort())
    page.route(
        re.compile(r"^(?!http://127\.0\.0\.1)https?://(?!" + re.escape(TILE_HOST) + ").*"), lambda route: route.abort()
    )


def show_map(page):
    """Press "Kaart tonen" as a visitor would: before that, the page asks the tile host for nothing."""
    assert not [u for u in page.requests if TILE_HOST in u], "no tiles before the visitor says yes"
    page.get_by_role("button", name=re.compile("^Kaart tonen")).click()


def _foreign(page, base: str) -> set[str]:
    own = urlsplit(base).netloc
    return {urlsplit(u).netloc for u in page.requests if urlsplit(u).scheme in ("http", "https")} - {own}


@pytest.mark.browser
def test_overview_map_markers_keyboard_and_requests(phone, server, catalog):
    _watch(phone, server)
    phone.goto(server + "kaart/")
    show_map(phone)
    phone.wait_for_selector(".ww-kaart__status:has-text('plekken op de kaart')")
    box = phone.locator("section.ww-kaart")
    assert box.is_visible()
    icons = phone.locator(".leaflet-marker-icon")
    assert icons.count() > 0
    titles = icons.evaluate_all("els => els.map(e => e.getAttribute('title'))")
    assert all(titles) and len(set(titles)) == len(titles), "every marker and cluster has its own title"
    # Keyboard: zoom in until single markers show, Tab onto one, Enter opens its popup with a link.
    phone.locator(".leaflet-container").focus()
    for _ in range(4):
        if phone.locator(".leaflet-marker-icon:not(.marker-cluster)").count():
            break
        phone.keyboard.press("Tab")
        assert phone.evaluate("document.activeElement.classList.contains('leaflet-marker-icon')")
        phone.keyboard.press("Enter")
        phone.wait_for_timeout(700)
        phone.locator(".leaflet-container").focus()
    marker = phone.locator(".leaflet-marker-icon:not(.marker-cluster)").first
    marker.focus()
    phone.keyboard.press("Enter")
    link = phone.locator(".leaflet-popup-content a")
    link.wait_for()
    assert link.inner_text() == marker.get_attribute("title")
    # The same places as a plain list below the map.
    assert phone.locator("#lijst ~ ul a, .ww-kaart-lijst ul a").count() == len(catalog.locations)
    assert _foreign(phone, server) <= {TILE_HOST}, _foreign(phone, server)
    assert any(TILE_HOST in u for u in phone.requests), "tiles come from the configured tile host"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.console_errors == []


@pytest.mark.browser
def test_entry_map_works_and_survives_blocked_tiles(phone, server, catalog):
    place = next(iter(catalog.locations.values()))
    _watch(phone, server, tiles="blocked")
    phone.goto(server + f"plek/{place.id}/")
    show_map(phone)
    marker = phone.locator(".leaflet-marker-icon")
    marker.wait_for()
    assert (
        marker.count() == 1
        and marker.get_attribute("title") == maps.marker_titles(catalog.locations.values())[place.id]
    )
    marker.focus()
    phone.keyboard.press("Enter")
    assert phone.locator(".leaflet-popup-content a").inner_text() == marker.get_attribute("title")
    assert phone.locator("h1").inner_text() == place.naam
    assert _foreign(phone, server) <= {TILE_HOST}
    errors = [e for e in phone.console_errors if "ERR_FAILED" not in e and "Failed to load resource" not in e]
    assert errors == []


@pytest.mark.browser
def test_pages_work_without_javascript(browser, server, catalog):
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "kaart/")
        assert not page.locator("section.ww-kaart").is_visible(), "no empty map box without JavaScript"
        assert page.locator(".ww-kaart-lijst ul a").count() == len(catalog.locations)
        kern = next(a for a in catalog.region.areas.values() if a.level == "kern" and catalog.places_in.get(a.id))
        page.goto(server + kern.url)
        assert not page.locator("section.ww-kaart").is_visible()
        for p in catalog.places_in[kern.id]:
            assert page.get_by_role("link", name=p.naam).first.is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_dichtbij_mij_sorts_by_distance_and_keeps_the_position_local(browser, server, catalog):
    from wegwijzer.core.catalog import distance_km

    here = {"latitude": 53.0540, "longitude": 4.7990}  # Den Burg, Texel
    context = browser.new_context(viewport={"width": 360, "height": 640}, geolocation=here, permissions=["geolocation"])
    page = context.new_page()
    try:
        _watch(page, server)
        page.goto(server + "kaart/")
        button = page.get_by_role("button", name="Dichtbij mij")
        assert button.is_visible()
        assert not page.locator("[data-dichtbij-lijst] li").count(), "nothing is asked before the click"
        button.click()
        items = page.locator("[data-dichtbij-lijst] li")
        items.first.wait_for()
        expected = sorted(
            catalog.locations.values(),
            key=lambda p: (
                distance_km(here["latitude"], here["longitude"], p.coordinaten.lat, p.coordinaten.lon),
                p.id,
            ),
        )
        titles = maps.marker_titles(catalog.locations.values())
        assert items.count() == min(10, len(expected))
        assert items.first.locator("a").inner_text() == titles[expected[0].id]
        assert items.nth(1).locator("a").inner_text() == titles[expected[1].id]
        assert re.search(r"\((\d+ m|\d+,\d km)\)$", items.first.inner_text())
        assert not [u for u in page.requests if "53.05" in u or "4.79" in u], "the position never leaves the browser"
        assert _foreign(page, server) <= {TILE_HOST}
    finally:
        context.close()


@pytest.mark.browser
def test_dichtbij_mij_without_permission_explains(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 640}, permissions=[])
    page = context.new_page()
    try:
        page.goto(server + "kaart/")
        page.get_by_role("button", name="Dichtbij mij").click()
        status = page.locator("[data-dichtbij-status]")
        wait_for_text(page, "[data-dichtbij-status]", pattern=r"^.{21,}")
        assert "woonplaats" in status.inner_text()
        assert page.locator("[data-dichtbij-lijst] li").count() == 0
    finally:
        context.close()
