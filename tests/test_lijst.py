"""Mijn lijst (/lijst/): keep entries, share the list as a link, copy it as text, print it as a referral card.

The browser tests use the session site on the local server; the printed card is measured with
Chromium's PDF printing (pypdf counts the pages) and its QR code is read back with zxing-cpp.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from conftest import offline
from wegwijzer.core import contact
from wegwijzer.site import lijst

A4 = (595, 842)  # points, rounded


def _cards(site) -> dict[str, dict]:
    cards: dict[str, dict] = {}
    for path in sorted((site / "lijst").glob("*.json")):
        cards.update(json.loads(path.read_text(encoding="utf-8")))
    return cards


# --- the shard files (no browser) -------------------------------------------------------------


def test_every_entry_is_in_the_shard_its_id_hashes_to(site, catalog):
    count = lijst.shard_count(len(catalog.entries()))
    assert count & (count - 1) == 0, "a power of two"
    files = sorted((site / "lijst").glob("*.json"))
    assert len(files) == count
    seen = {}
    for path in files:
        for entry_id in json.loads(path.read_text(encoding="utf-8")):
            assert lijst.shard_of(entry_id, count) == int(path.stem), entry_id
            seen[entry_id] = path.stem
    assert sorted(seen) == sorted(e.id for e in catalog.entries())
    html = (site / "lijst" / "index.html").read_text(encoding="utf-8")
    assert f'data-shards="{count}"' in html


def test_shards_stay_small_as_the_catalogue_grows():
    assert lijst.shard_count(1) == 1
    assert lijst.shard_count(120) == 16
    assert lijst.shard_count(10_000) == 2048  # about 5 entries a file at 10,000 entries
    assert lijst.fnv1a("a") == 0xE40C292C  # the published FNV-1a test value: the browser computes the same


def test_a_card_holds_the_contact_route_of_the_entry(site, catalog):
    cards = _cards(site)
    for entry in catalog.entries():
        route = contact.route_of(catalog, entry)
        card = cards[entry.id]
        assert card["naam"] == entry.naam and card["url"] == entry.url
        links = [tuple(link) for way in card["contact"]["ways"] for link in way["links"]]
        assert links == [(link.kind, link.text, link.href) for link in route.links], entry.id
        assert card["contact"].get("note", "") == route.note


def test_the_qr_library_is_vendored_with_its_licence(site):
    folder = site / "assets" / "vendor" / "qrcode-generator"
    assert "Kazuhiko Arase" in (folder / "LICENSE.txt").read_text(encoding="utf-8")
    assert "MIT License" in (folder / "LICENSE.txt").read_text(encoding="utf-8")
    assert (folder / "qrcode.js").stat().st_size > 10_000


def test_without_javascript_the_list_page_says_what_it_needs(site):
    html = (site / "lijst" / "index.html").read_text(encoding="utf-8")
    noscript = html[html.index("<noscript>") : html.index("</noscript>")]
    assert "Mijn lijst werkt alleen met JavaScript" in noscript


# --- in the browser ---------------------------------------------------------------------------


def _context(browser, server, **options):
    context = browser.new_context(locale="nl-NL", **options)
    offline(context)
    origin = server.rstrip("/")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    return context


def _named(label: str, name: str) -> re.Pattern:
    """The button's name: its visible label, then the entry's name (hidden text, for screen readers)."""
    return re.compile(rf"^{re.escape(label)}\W+{re.escape(name)}$")


def _ids_in(page) -> list[str]:
    hrefs = page.locator("#lijst-items .ww-lijst__naam a").evaluate_all("els => els.map(a => a.pathname)")
    return [re.search(r"/(?:aanbod|plek)/([a-z0-9-]+)/$", h).group(1) for h in hrefs]


@pytest.mark.browser
def test_two_entries_from_two_pages_travel_as_a_link(browser, server, catalog):
    """Add one entry on its own page and one from a card, copy the share link, open it in a fresh browser."""
    first = catalog.activities["welzijn-op-recept"]
    theme = "geld"
    second = next(a for a in catalog.by_theme[theme] if a.id != first.id)
    context = _context(browser, server, viewport={"width": 360, "height": 640})
    page = context.new_page()
    try:
        page.goto(server + first.url)
        page.get_by_role("button", name=_named("Zet op mijn lijst", first.naam)).click()
        assert page.get_by_role("button", name=_named("Haal van mijn lijst", first.naam)).count() == 1
        page.goto(server + f"thema/{theme}/")
        page.get_by_role("button", name=_named("Zet op mijn lijst", second.naam)).click()
        page.get_by_role("link", name="Bekijk mijn lijst").first.click()
        page.wait_for_selector("#lijst-items li + li")
        assert _ids_in(page) == [first.id, second.id]
        page.get_by_role("button", name="Deel").click()
        expect(page.locator("#lijst-melding")).not_to_have_text("")
        link = page.evaluate("navigator.clipboard.readText()")
        assert link == page.input_value("#lijst-link") == f"{server}lijst/#{first.id},{second.id}"
        stored = page.evaluate("localStorage.getItem('wegwijzer-lijst')")
        assert json.loads(stored) == [first.id, second.id]
    finally:
        context.close()

    fresh = _context(browser, server, viewport={"width": 360, "height": 640})
    page = fresh.new_page()
    try:
        page.goto(link)
        page.wait_for_selector("#lijst-items li + li")
        assert _ids_in(page) == [first.id, second.id]
        assert page.locator("#lijst-items .ww-lijst__naam a").all_inner_texts() == [first.naam, second.naam]
        assert page.locator("#lijst-gedeeld").is_visible(), "a shared list says so and offers to keep it"
        assert page.evaluate("localStorage.getItem('wegwijzer-lijst')") is None, "opening a link stores nothing"
        page.get_by_role("button", name="Zet dit op mijn lijst").click()
        expect(page.locator("#lijst-gedeeld")).to_be_hidden()  # the list is now this browser's own
        assert json.loads(page.evaluate("localStorage.getItem('wegwijzer-lijst')")) == [first.id, second.id]
    finally:
        fresh.close()


@pytest.mark.browser
def test_the_text_copy_holds_names_and_contact_routes(browser, server, catalog):
    ids = ["juridisch-loket", "welzijn-op-recept", "schuldhulpverlening-wijkteam"]
    context = _context(browser, server, viewport={"width": 1024, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{server}lijst/#{','.join(ids)}")
        page.wait_for_selector("#lijst-items li + li + li")
        page.get_by_role("button", name="Kopieer als tekst").click()
        expect(page.locator("#lijst-melding")).not_to_have_text("")
        text = page.evaluate("navigator.clipboard.readText()")
        assert text == page.input_value("#lijst-tekstveld")
    finally:
        context.close()
    for entry_id in ids:
        entry = catalog.activities[entry_id]
        block = text[text.index(entry.naam) :]
        block = block[: block.index("\n\n")]
        assert entry.samenvatting in block
        route = contact.route_of(catalog, entry)
        for way in route.ways:
            for link in way.links:
                assert link.text in block, (entry_id, link.text)
            if not route.own:
                assert way.naam in block
        assert f"{server}aanbod/{entry_id}/" in block
    assert text.rstrip().endswith(f"De hele lijst: {server}lijst/#{','.join(ids)}")


def _largest_cards(site, n: int) -> list[str]:
    cards = _cards(site)
    return sorted(cards, key=lambda k: (-len(json.dumps(cards[k], ensure_ascii=False)), k))[:n]


@pytest.mark.browser
def test_six_entries_print_on_one_a4_with_a_qr_code_of_the_list_link(browser, server, site, tmp_path):
    import pypdfium2 as pdfium
    import zxingcpp
    from pypdf import PdfReader

    ids = _largest_cards(site, 6)  # the worst case: the six entries with the most to print
    link = f"{server}lijst/#{','.join(ids)}"
    context = _context(browser, server)
    page = context.new_page()
    try:
        page.goto(link)
        page.wait_for_selector("#lijst-items li:nth-child(6)")
        pdf = tmp_path / "verwijskaart.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    finally:
        context.close()
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1, f"{len(reader.pages)} pages for six entries"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4
    text = " ".join(reader.pages[0].extract_text().split())
    for word in ("Verwijskaart", "Afspraak:", "Wie helpt:", "De Wegwijzer van de Kop"):
        assert word in text
    assert "Deel" not in text.split("Verwijskaart")[0], "no buttons on paper"
    doc = pdfium.PdfDocument(str(pdf))
    image = doc[0].render(scale=2.5).to_numpy()  # about 180 dpi, like a simple office scan
    codes = [c for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
    doc.close()
    assert [c.text for c in codes] == [link]


@pytest.mark.browser
def test_an_entry_page_prints_on_one_a4_with_the_site_address(browser, server, site, catalog, tmp_path):
    from pypdf import PdfReader

    def largest(folder):
        return max(sorted((site / folder).glob("*/index.html")), key=lambda p: p.stat().st_size).parent.name

    pages = [f"aanbod/{largest('aanbod')}/", f"plek/{largest('plek')}/", "aanbod/welzijn-op-recept/"]
    context = _context(browser, server)
    page = context.new_page()
    try:
        for path in pages:
            page.goto(server + path)
            pdf = tmp_path / (path.replace("/", "_") + ".pdf")
            page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
            reader = PdfReader(pdf)
            assert len(reader.pages) == 1, f"{path} prints on {len(reader.pages)} pages"
            text = "".join(reader.pages[0].extract_text().split())
            assert (server + path).replace(" ", "") in text, f"{path}: the address is on paper"
            assert "Zetopmijnlijst" not in text and "Opdekaart" not in text
    finally:
        context.close()


@pytest.mark.browser
def test_ids_from_a_link_are_checked_and_what_is_left_out_is_said(browser, server):
    context = _context(browser, server)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(
            server + "lijst/#welzijn-op-recept,%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E,constructor,"
            "bestaat-niet,welzijn-op-recept,Hoofdletters"
        )
        page.wait_for_selector("#lijst-items li")
        expect(page.locator("#lijst-status")).to_contain_text("Wegwijzer")
        assert _ids_in(page) == ["welzijn-op-recept"]
        status = page.inner_text("#lijst-status")
        assert "2 delen van de link kloppen niet" in status
        assert "2 dingen van de lijst staan niet (meer) in de Wegwijzer" in status
        assert page.locator("#ww-lijst img").count() == 0
        long = ",".join(f"bestaat-niet-{i}" for i in range(lijst.MAX_ITEMS + 5))
        page.goto(server + "lijst/#" + long)
        expect(page.locator("#lijst-status")).to_contain_text("te lang")
        assert f"Alleen de eerste {lijst.MAX_ITEMS}" in page.inner_text("#lijst-status")
    finally:
        context.close()
    assert errors == []


@pytest.mark.browser
def test_search_results_get_the_button_too(browser, server):
    """Cards that a script adds later (search results) get "Zet op mijn lijst" as well."""
    context = _context(browser, server)
    page = context.new_page()
    try:
        page.goto(server + "zoeken/?q=taal")
        page.wait_for_selector("#zoek-resultaten li.ww-card")
        page.wait_for_selector("#zoek-resultaten li.ww-card .ww-bewaar__knop")
        page.wait_for_timeout(300)  # the observer runs after each batch of cards
        entries = page.locator("#zoek-resultaten li.ww-card").evaluate_all(
            "els => els.filter(li => /\\/(aanbod|plek)\\/[a-z0-9-]+\\/$/.test("
            "new URL(li.querySelector('.ww-card__title a').href).pathname)).length"
        )
        assert entries > 0  # a theme or a village in the results is no entry: no button there
        assert page.locator("#zoek-resultaten li.ww-card .ww-bewaar__knop").count() == entries
    finally:
        context.close()


@pytest.mark.browser
def test_deel_uses_the_phones_share_sheet_where_there_is_one(browser, server, catalog):
    """A phone with the Web Share API gets its share sheet with the list link; 'Haal van de lijst' keeps the rest."""
    ids = ["welzijn-op-recept", "juridisch-loket"]
    context = _context(browser, server, viewport={"width": 360, "height": 640}, has_touch=True, is_mobile=True)
    # the share sheet itself is the phone's: stand in for it and remember what the page gave it
    context.add_init_script("navigator.share = (data) => { window.__gedeeld = data; return Promise.resolve(); };")
    context.add_init_script(f"localStorage.setItem('wegwijzer-lijst', '{json.dumps(ids)}');")
    page = context.new_page()
    try:
        page.goto(server + "lijst/")
        page.wait_for_selector("#lijst-items li + li")
        page.evaluate("navigator.clipboard.writeText('niets')")  # the clipboard may hold a link of another test
        page.get_by_role("button", name="Deel").click()
        expect(page.locator("#lijst-melding")).to_have_text("De lijst is gedeeld.")
        shared = page.evaluate("window.__gedeeld")
        assert shared["url"] == f"{server}lijst/#{','.join(ids)}"
        assert page.evaluate("navigator.clipboard.readText()") == "niets", "with a share sheet nothing is copied"
        name = catalog.activities[ids[0]].naam
        page.get_by_role("button", name=_named("Haal van de lijst", name)).click()
        expect(page.locator("#lijst-items li")).to_have_count(1)
        assert page.evaluate("localStorage.getItem('wegwijzer-lijst')") == json.dumps([ids[1]]).replace(" ", "")
        assert page.url.endswith(f"lijst/#{ids[1]}"), "the address follows the list"
    finally:
        context.close()
