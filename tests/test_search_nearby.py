"""Search page, "Dichtbij mij": results sorted by distance in Chromium, with a fake position.

Uses a small site with the known entries of test_search.py, so the expected order can be
computed here. The position must never leave the browser: no request and no address
may carry it, and the browser is only asked after the click.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import offline, serving, wait_for_text
from test_a11y import readable, run_axe
from test_search import OFFERS, PLACES, build_search_site
from wegwijzer.core.catalog import distance_km
from wegwijzer.site import search

# In Schagen, about 100 m from "Wijkpunt Markt". Odd digits, so they are easy to find in requests.
HERE = {"latitude": 52.78812, "longitude": 4.80037}
TRACES = ("52.788", "4.800", "52,788", "4,800")
COUNT_CALLS = """
window.__geoCalls = 0;
if (navigator.geolocation) {
  const own = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
  navigator.geolocation.getCurrentPosition = function () { window.__geoCalls++; return own.apply(null, arguments); };
}
"""


@pytest.fixture(scope="module")
def near_site(tmp_path_factory):
    return build_search_site(tmp_path_factory.mktemp("dichtbij"))


@pytest.fixture(scope="module")
def near_server(near_site):
    with serving(near_site) as url:
        yield url


def _page(browser, geolocation=True, script=COUNT_CALLS):
    # bypass_csp: axe is added as an inline script, which the site's Content-Security-Policy forbids
    # (test_security_site checks the policy on every page type).
    options = {"viewport": {"width": 360, "height": 640}, "locale": "nl-NL", "bypass_csp": True}
    if geolocation:
        options.update(geolocation=HERE, permissions=["geolocation"])
    context = browser.new_context(**options)
    offline(context)
    if script:
        context.add_init_script(script)
    page = context.new_page()
    page.sent = []
    page.on("request", lambda req: page.sent.append(req.url + " " + (req.post_data or "")))
    page.console_errors = []
    page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    return context, page


def _open(page, base, query=""):
    page.goto(base + "zoeken/" + query)
    page.wait_for_selector("#ww-zoeken[data-klaar='ja']")
    if query:
        wait_for_text(page, "#zoek-status", pattern=r"^(?!Even)\S")


def _names(page, list_id="zoek-resultaten"):
    return [t.strip() for t in page.locator(f"#{list_id} .ww-card__title a").all_inner_texts()]


def _click_near(page):
    page.get_by_role("button", name="Dichtbij mij").click()
    wait_for_text(page, "#zoek-status", "bovenaan")


def _km(lat, lon):
    return distance_km(HERE["latitude"], HERE["longitude"], lat, lon)


def _expected_order():
    """Offers and places with a place, nearest first (ties: the order of the index), then the rest."""
    offers = sorted(OFFERS.values(), key=lambda o: o["naam"].casefold())
    places = sorted(PLACES.values(), key=lambda p: p["naam"].casefold())
    rows, rest = [], []
    for n, offer in enumerate(offers):
        spots = [PLACES[p]["coordinaten"] for p in offer.get("plekken", [])]
        if spots:
            rows.append((min(_km(c["lat"], c["lon"]) for c in spots), n, offer["naam"]))
        else:
            rest.append(offer["naam"])
    for n, place in enumerate(places, len(offers)):
        rows.append((_km(place["coordinaten"]["lat"], place["coordinaten"]["lon"]), n, place["naam"]))
    return [name for _, _, name in sorted(rows)], rest


def _no_traces(page):
    leaks = [s for s in [*page.sent, page.url] if any(t in s for t in TRACES)]
    assert not leaks, f"the position left the browser: {leaks}"
    stored = page.evaluate(
        "JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"
    )
    assert not any(t in stored for t in TRACES), stored


def test_points_files_match_the_cards(near_site):
    folder = near_site / search.FOLDER
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    cards, spots = [], []
    for n in range(len(list(folder.glob("kaarten-*.json")))):
        cards += json.loads((folder / f"kaarten-{n}.json").read_text(encoding="utf-8"))
    for n in range(len(list(folder.glob("punten-*.json")))):
        spots += json.loads((folder / f"punten-{n}.json").read_text(encoding="utf-8"))["plekken"]
    assert len(spots) == len(cards) == index["aantal"]
    assert "punten" not in json.dumps(index["lijsten"]) and "plekken" not in index  # not in the first download
    by_name = {p["naam"]: p["coordinaten"] for p in PLACES.values()}
    offers = {o["naam"]: o for o in OFFERS.values()}
    for card, flat in zip(cards, spots, strict=False):
        coords = [{"lat": flat[i], "lon": flat[i + 1]} for i in range(0, len(flat), 2)]
        if card["naam"] in by_name:
            assert coords == [by_name[card["naam"]]]
        elif card["naam"] in offers:
            want = [PLACES[p]["coordinaten"] for p in offers[card["naam"]].get("plekken", [])]
            assert sorted(map(str, coords)) == sorted(map(str, want)), card["naam"]
        else:
            assert coords == [], card["naam"]  # a plain page has no place


@pytest.mark.browser
def test_dichtbij_mij_sorts_everything_by_distance(browser, near_server):
    context, page = _page(browser)
    try:
        _open(page, near_server)
        button = page.get_by_role("button", name="Dichtbij mij")
        assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
        page.wait_for_timeout(200)
        assert page.evaluate("window.__geoCalls") == 0, "the position is asked only after the click"
        assert not [s for s in page.sent if "punten-" in s], "the coordinates are loaded only after the click"
        _click_near(page)
        assert page.evaluate("window.__geoCalls") == 1
        assert button.get_attribute("aria-pressed") == "true"
        with_place, rest = _expected_order()
        assert _names(page) == with_place
        assert _names(page, "zoek-zonder") == rest == ["Hulp bij post en formulieren"]
        assert page.locator("#zoek-zonder-kop").inner_text() == "Zonder vaste plek"
        assert page.locator("#zoek-zonder-kop").is_visible()
        # Every card with a place shows its distance, rounded like "100 m" or "12,3 km".
        distances = page.locator("#zoek-resultaten .ww-card__afstand").all_inner_texts()
        assert len(distances) == len(with_place)
        assert re.fullmatch(r"Afstand: \d+ m", distances[0].strip()), distances[0]
        assert all(re.fullmatch(r"Afstand: (\d+ m|\d+,\d km)", d.strip()) for d in distances), distances
        assert page.locator("#zoek-zonder .ww-card__afstand").count() == 0
        status = page.inner_text("#zoek-status")
        assert status.startswith(f"{len(with_place) + len(rest)} resultaten.")
        assert "1 resultaat heeft geen vaste plek" in status
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        violations = run_axe(page)  # the sorted list, the group heading and the pressed button
        assert not violations, readable(page.url, violations)
        _no_traces(page)
        assert page.console_errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_dichtbij_mij_combines_with_words_and_filters(browser, near_server):
    context, page = _page(browser)
    try:
        _open(page, near_server, "?q=taal")
        before = _names(page)
        assert {"Taalcafé De Kolk", "Taalcafé Markt"} <= set(before)
        _click_near(page)
        after = _names(page)
        rest = _names(page, "zoek-zonder")
        assert sorted(after + rest) == sorted(before), "the same results, only in another order"
        assert "Taal en lezen" in rest  # the theme page has no place: it goes to the end
        assert after[0] in ("Taalcafé Markt", "Wijkpunt Markt") and after.index("Taalcafé Markt") < after.index(
            "Taalcafé De Kolk"
        )
        assert page.inner_text("#zoek-status").startswith(f"{len(before)} resultaten voor ‘taal’.")
        # A filter keeps the distance order and the distances.
        page.click("#zoek-filters summary")
        page.select_option("#zoek-gemeente", "texel")
        wait_for_text(page, "#zoek-status", "Texel")
        texel = _names(page)
        assert "Taalcafé Markt" not in texel and "Taalcafé De Kolk" in texel
        assert "bovenaan" in page.inner_text("#zoek-status")
        assert page.locator("#zoek-resultaten .ww-card__afstand").count() == len(texel)
        # The address has the words and the filter, never the position or the sort.
        assert parse_qs(urlsplit(page.url).query) == {"q": ["taal"], "gemeente": ["texel"]}
        # Pressing again gives the normal order back, without asking again.
        page.get_by_role("button", name="Dichtbij mij").click()
        expect(page.locator("#zoek-status")).not_to_contain_text("bovenaan", timeout=30_000)
        assert page.get_by_role("button", name="Dichtbij mij").get_attribute("aria-pressed") == "false"
        assert page.locator(".ww-card__afstand").count() == 0
        page.get_by_role("button", name="Dichtbij mij").click()
        wait_for_text(page, "#zoek-status", "bovenaan")
        assert page.evaluate("window.__geoCalls") == 1
        _no_traces(page)
        assert page.console_errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_refused_position_keeps_the_normal_order(browser, near_server):
    context, page = _page(browser, geolocation=False)
    try:
        _open(page, near_server, "?q=taal")
        before = _names(page)
        page.get_by_role("button", name="Dichtbij mij").click()
        wait_for_text(page, "#zoek-status", "toestemming")
        status = page.inner_text("#zoek-status")
        assert "Je gaf geen toestemming" in status and "gewone volgorde" in status
        assert _names(page) == before
        assert page.locator(".ww-card__afstand").count() == 0
        assert page.get_by_role("button", name="Dichtbij mij").get_attribute("aria-pressed") == "false"
        assert page.locator("#zoek-filters").get_attribute("open") is not None  # the woonplaats list is open
        assert not [s for s in page.sent if "punten-" in s]
        assert page.console_errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_no_button_without_geolocation(browser, near_server):
    context, page = _page(browser, geolocation=False, script="delete Navigator.prototype.geolocation;")
    try:
        _open(page, near_server, "?q=taal")
        assert page.evaluate("'geolocation' in navigator") is False
        assert not page.locator("#zoek-dichtbij").is_visible()
        assert len(_names(page)) >= 2
        assert page.console_errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_nothing_in_the_woonplaats_shows_the_nearest_with_distance(browser, near_server):
    context, page = _page(browser, geolocation=False)
    try:
        _open(page, near_server, "?q=computercursus&kern=den-burg")
        wait_for_text(page, "#zoek-status", "dichtst bij")
        status = page.inner_text("#zoek-status")
        assert status.startswith("Geen resultaten voor ‘computercursus’ (in Den Burg).")
        assert "Dit is het dichtst bij Den Burg" in status
        assert _names(page) == ["Computercursus voor beginners"]  # in Schagen, the only one
        distance = page.locator("#zoek-resultaten .ww-card__afstand").inner_text().strip()
        match = re.fullmatch(r"Afstand: (\d+),\d km", distance)
        assert match and 20 < int(match.group(1)) < 40, distance  # Den Burg (Texel) to Schagen
        assert page.is_visible("#zoek-hulp")  # the tips stay
        assert page.evaluate("window.__geoCalls") == 0  # the middle of the woonplaats, not the visitor
        assert page.console_errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_results_start_above_the_fold_on_a_phone(browser, near_server):
    context, page = _page(browser)
    try:
        _open(page, near_server, "?q=taal")
        box = page.locator("#zoek-resultaten .ww-card").first.bounding_box()
        assert box is not None and box["y"] + 60 < 640, box  # the title of the first result is visible
        violations = run_axe(page)
        assert not violations, readable(page.url, violations)
    finally:
        context.close()
