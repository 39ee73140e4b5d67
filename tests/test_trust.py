"""A site people can trust (issue 20), in Chromium: map tiles only after consent, Dutch only,
finger-sized targets, a skip link on every page, nothing stored but what /privacy/ says, Lees voor, Deze week.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import urlsplit

import pytest

from conftest import BLANK_PNG, offline
from pagetypes import NAMES, visit
from statement_results import record
from wegwijzer.core import vocab
from wegwijzer.site.trust import BROWSER_STORAGE

pytestmark = pytest.mark.browser

TILE_HOST = "tile.openstreetmap.org"
MAP_TYPES = ["kaart", "kern", "gemeente", "plek", "aanbod", "wijk"]
CONSENT = re.compile(r"^Kaart tonen \(laadt kaartjes van OpenStreetMap\)$")


def _context(browser, **kwargs):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL", **kwargs)
    outside = offline(context)
    context.route(f"https://{TILE_HOST}/**", lambda r: r.fulfill(status=200, content_type="image/png", body=BLANK_PNG))
    return context, outside


@pytest.fixture(scope="module")
def tab(browser):
    """One tab for the checks over every page type; the visitor has said yes to the map (so its controls show)."""
    context, _ = _context(browser)
    context.add_init_script("try { localStorage.setItem('wegwijzer-kaart', 'tonen'); } catch (e) {}")
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def _tiles(page) -> list[str]:
    return [u for u in page.requests if urlsplit(u).hostname == TILE_HOST]


# --- maps: consent ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", MAP_TYPES)
def test_no_tile_request_before_consent(browser, server, site, name):
    context, _ = _context(browser)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    try:
        visit(page, server, site, name, idle=True)
        button = page.get_by_role("button", name=CONSENT)
        if not page.locator("section.ww-kaart").count():
            pytest.skip(f"the {name} page of this build has no map")
        assert button.is_visible(), "a calm placeholder with the choice, not a map"
        assert page.locator(".leaflet-container").count() == 0
        page.mouse.wheel(0, 2000)
        page.wait_for_load_state("networkidle")
        assert _tiles(page) == [], "no tile is asked for before the visitor says yes"
        assert page.get_by_role("link", name="Lees meer over privacy").is_visible()

        button.click()
        page.locator(".leaflet-container").first.wait_for()
        page.wait_for_load_state("networkidle")
        assert _tiles(page), "after the click the map loads its tiles"
        assert page.evaluate("localStorage.getItem('wegwijzer-kaart')") == "tonen"

        page.requests.clear()
        page.reload(wait_until="networkidle")  # the choice is remembered
        page.locator(".leaflet-container").first.wait_for()
        assert not button.is_visible()
        page.get_by_role("button", name="Kaart uitzetten").click()
        page.wait_for_load_state("networkidle")
        assert page.evaluate("localStorage.getItem('wegwijzer-kaart')") is None
        assert page.get_by_role("button", name=CONSENT).is_visible()
    finally:
        context.close()


def test_map_without_javascript_shows_the_list_only(browser, server, catalog):
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "kaart/")
        assert not page.get_by_role("button", name=CONSENT).is_visible()
        assert page.locator(".ww-kaart-lijst ul a").count() == len(catalog.locations)
    finally:
        context.close()


# --- Dutch only ------------------------------------------------------------------------------------

# English that themes and map libraries put on a page (Material, Leaflet, markercluster). Whole words, case as written.
ENGLISH = [
    "Made with",
    "Material for MkDocs",
    "Zoom out",
    "Close popup",
    "Header",
    "Footer",
    "Tabs",
    "Skip to content",
    "Back to top",
    "Not found",
    "Table of contents",
    "Search",
    "Copy to clipboard",
    "Previous",
    "Next",
    "Navigation",
    "Type to start searching",
    "Initializing search",
    "No matching documents",
    "A JavaScript library",
    "interactive maps",
    "Share",
    "Clear",
    "Select language",
    "Edit this page",
    "Loading",
    "Show more",
    "Read more",
    "Home page",
]
# "Zoom in op je buurt" is good Dutch, so "Zoom in" only counts as a whole label (Leaflet's button title).
ENGLISH_LABELS = {"Zoom in", "Zoom out", "Close popup", "Close", "Menu", "Logo", "logo"}
_ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w-])")

VISIBLE_WORDS = """() => {
    const text = [], labels = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const el = walker.currentNode.parentElement;
        if (el && !el.closest('script, style, code, pre')) text.push(walker.currentNode.nodeValue);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
        for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
            if (el.getAttribute(a)) labels.push(el.getAttribute(a));
        }
    }
    for (const el of document.querySelectorAll('input[type=submit], input[type=button]')) labels.push(el.value);
    labels.push(document.title);
    return {text: text.join('\\n'), labels};
}"""


def english_in(text: str, labels: list[str] = ()) -> list[str]:
    found = set(_ENGLISH_RE.findall(text + "\n" + "\n".join(labels)))
    return sorted(found | {label.strip() for label in labels if label.strip() in ENGLISH_LABELS})


def test_the_english_check_itself_finds_english():
    assert english_in("Made with Material for MkDocs") == ["Made with", "Material for MkDocs"]
    assert english_in("Tabs", ["Zoom in"]) == ["Tabs", "Zoom in"]
    assert english_in("Zoom in op je eigen buurt. Inzoomen, Zoeken, Voettekst, Hoofdmenu", ["Sluiten"]) == []


@pytest.mark.parametrize("name", NAMES)
def test_every_page_type_is_dutch_only(tab, server, site, name):
    """Text, labels, titles and the map controls (after consent) carry no English from the theme or the map."""
    url = visit(tab, server, site, name, idle=True)
    if tab.locator("section.ww-kaart").count():
        tab.locator(".leaflet-container").first.wait_for()
        marker = tab.locator(".leaflet-marker-icon:not(.marker-cluster)").first
        if marker.count():  # open a popup, so its close button is checked too
            marker.focus()
            tab.keyboard.press("Enter")
    seen = tab.evaluate(VISIBLE_WORDS)
    found = english_in(seen["text"], seen["labels"])
    found += [f"(html) {w}" for w in english_in(tab.content()) if w not in found]
    record("nederlands", name, len(set(found)))
    assert not found, f"English on {url}: {found}"
    assert tab.evaluate("document.documentElement.lang") == "nl"


# --- tap targets -----------------------------------------------------------------------------------

MAIN_CONTROLS = ", ".join(
    [
        ".md-header .ww-kopzoek__veld",
        ".md-header .ww-kopzoek__knop",
        ".md-header__button",
        ".md-typeset ul.ww-links > li > a",
        ".md-typeset .ww-chips a",
        ".md-typeset .md-button",
        ".md-typeset .ww-bewaar__knop",  # "Zet op mijn lijst" (lijst.js)
        ".md-typeset .ww-card__title > a",
        ".ww-voet a",
        ".leaflet-control-zoom a",
        ".folder-bar a",
        ".folder-bar button",  # the bar above a printable leaflet
        ".ww-form .ww-keuze",  # a choice in the intake form: the box and its label together
        ".ww-form .ww-invoer",
    ]
)

TARGETS = """(selector) => [...document.querySelectorAll(selector)].filter(el => {
        const r = el.getBoundingClientRect(), s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('[hidden]');
    }).map(el => { const r = el.getBoundingClientRect();
        return {w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10,
                what: el.outerHTML.slice(0, 100)}; })"""


@pytest.mark.parametrize("name", NAMES)
def test_main_controls_are_finger_sized_on_a_phone(tab, server, site, name):
    """At 360 x 640 the header search, menu, list links, chips, buttons, footer links and map zoom are 44 x 44 px."""
    url = visit(tab, server, site, name, idle=True)
    if tab.locator("section.ww-kaart").count():
        tab.locator(".leaflet-container").first.wait_for()
    targets = tab.evaluate(TARGETS, MAIN_CONTROLS)
    small = [t for t in targets if t["w"] < 44 or t["h"] < 44]
    record("tikdoelen", name, len(small))
    assert targets, "the page has controls to check"
    assert not small, f"{len(small)} of {len(targets)} controls smaller than 44 x 44 px on {url}:\n" + "\n".join(
        f"{t['w']} x {t['h']}: {t['what']}" for t in small[:12]
    )


# --- skip link -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in NAMES if n not in ("folder", "folder-gids")])
def test_skip_link_is_first_and_moves_focus_to_the_content(tab, server, site, name):
    """Every page with the site's header and menu (a printable leaflet has neither, so nothing to skip)."""
    visit(tab, server, site, name)
    tab.evaluate("document.activeElement && document.activeElement.blur()")
    tab.keyboard.press("Tab")
    focused = tab.evaluate("[document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert focused == ["Ga naar de inhoud", "#inhoud"]
    assert tab.locator("a.ww-skip").bounding_box()["height"] > 0, "visible when it has focus"
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "inhoud"
    tab.keyboard.press("Tab")  # the next stop is in the content, past the header and the menu
    assert tab.evaluate("!!document.activeElement.closest('.md-content')")


# --- what the browser keeps --------------------------------------------------------------------------


def test_the_site_stores_only_what_the_privacy_page_says(browser, server, site):
    context, _ = _context(browser)
    page = context.new_page()
    try:
        for name in NAMES:
            visit(page, server, site, name)
            if page.get_by_role("button", name=CONSENT).count():
                page.get_by_role("button", name=CONSENT).first.click()
        stored = page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
        cookies = context.cookies()
        page.goto(server + "privacy/")
        listed = page.locator("[data-ww-opslag]").get_attribute("data-ww-opslag").split()
    finally:
        context.close()
    assert cookies == []
    assert sorted(listed) == sorted(BROWSER_STORAGE)
    unknown = [k for k in stored if k not in BROWSER_STORAGE and not re.search(r"__(palette|tabs|toc|consent)$", k)]
    assert not unknown, f"stored in the browser but not on /privacy/: {unknown}"
    assert "wegwijzer-kaart" in stored


# --- Lees voor -------------------------------------------------------------------------------------

FAKE_SPEECH = """
window.__spoken = [];
const voices = [{name: 'Online', lang: 'nl-NL', localService: false},
                {name: 'Op dit apparaat', lang: 'nl-NL', localService: true},
                {name: 'English', lang: 'en-US', localService: true}];
Object.defineProperty(window, 'speechSynthesis', {value: {
    getVoices: () => voices, speak: (u) => window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice.name}),
    cancel: () => { window.__cancelled = true; }, addEventListener: () => {}}});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


def test_lees_voor_reads_the_main_content_in_dutch(browser, server, catalog):
    act = next(a for a in catalog.activities.values() if a.plekken and a.schema)
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL")
    offline(context)
    context.add_init_script(FAKE_SPEECH)
    page = context.new_page()
    try:
        page.goto(server + f"aanbod/{act.id}/")
        button = page.get_by_role("button", name="Lees voor")
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
        button.click()
        spoken = page.evaluate("window.__spoken")
        assert act.naam in [s["text"] for s in spoken[:2]], "starts at the top of the content (label, title)"
        assert {s["lang"] for s in spoken} == {"nl-NL"} and {s["voice"] for s in spoken} == {"Op dit apparaat"}
        text = " ".join(s["text"] for s in spoken)
        assert act.samenvatting in text
        assert "Zoek" not in text.split() and "Over de Wegwijzer" not in text, "not the header or the footer"
        assert "Kaart tonen" not in text, "not the map"
        assert page.get_by_role("button", name="Stop met voorlezen").get_attribute("aria-pressed") == "true"
        page.get_by_role("button", name="Stop met voorlezen").click()
        assert page.evaluate("window.__cancelled") is True
    finally:
        context.close()


def test_no_lees_voor_without_a_dutch_voice_on_the_device(browser, server, catalog):
    act = next(iter(catalog.activities.values()))
    context = browser.new_context(viewport={"width": 360, "height": 640})
    offline(context)
    context.add_init_script(FAKE_SPEECH.replace("localService: true}", "localService: false}"))
    page = context.new_page()
    try:
        page.goto(server + f"aanbod/{act.id}/")
        page.wait_for_load_state("networkidle")
        assert page.locator(".ww-voorlezen").count() == 0
    finally:
        context.close()


# --- Deze week -------------------------------------------------------------------------------------


def _week_at(browser, server, path: str, day: dt.date) -> dict[str, list[str]]:
    context = browser.new_context(viewport={"width": 360, "height": 640})
    offline(context)
    page = context.new_page()
    try:
        page.clock.set_fixed_time(dt.datetime(day.year, day.month, day.day, 9, 0))
        page.goto(server + path)
        box = page.locator("section.ww-deze-week")
        box.wait_for()
        return page.evaluate("""() => { const out = {}; let day = null;
            for (const el of document.querySelectorAll('[data-ww-deze-week-lijst] > *')) {
                if (el.tagName === 'H3') { day = el.textContent; out[day] = []; }
                else if (el.tagName === 'UL') out[day] = [...el.querySelectorAll('a')].map(a => a.textContent); }
            return out; }""")
    finally:
        context.close()


def test_deze_week_follows_each_rule(browser, server, catalog):
    """A first-week-of-the-month item shows only in that week; a weekly one every week. Worked out in the browser."""
    act, item = next(
        (a, i)
        for a in catalog.activities.values()
        if a.plekken
        for i in a.schema
        if i.herhaling == "maandelijks" and i.week == 1 and not i.eind
    )
    gemeente = catalog.region.gemeente_of(catalog.locations[act.plekken[0]].woonkern)
    weekly = next(
        a
        for a in catalog.activities.values()
        if a.plekken
        and catalog.region.gemeente_of(catalog.locations[a.plekken[0]].woonkern).id == gemeente.id
        and any(i.dag and i.herhaling == "wekelijks" and not i.start and not i.eind for i in a.schema)
    )
    first = dt.date(2026, 12, 1)
    while vocab.weekday(first) != item.dag:
        first += dt.timedelta(days=1)
    on = _week_at(browser, server, gemeente.url, first)
    today = next(k for k in on if k.startswith("Vandaag"))
    assert act.naam in on[today], on
    later = _week_at(browser, server, gemeente.url, first + dt.timedelta(days=7))
    assert not any(act.naam in names for names in later.values()), "a first-week item is not in the second week"
    for week in (on, later):
        assert any(weekly.naam in names for names in week.values()), week


def test_deze_week_data_matches_the_schedules(site, catalog):
    html = (site / "gemeente" / "texel" / "index.html").read_text(encoding="utf-8")
    raw = re.search(r'data-ww-schema="([^"]*)"', html).group(1)
    import html as html_lib

    data = json.loads(html_lib.unescape(raw))
    names = {row["naam"] for row in data}
    assert names and all(catalog.activities[row["url"].split("/")[1]].naam == row["naam"] for row in data)
