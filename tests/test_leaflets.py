"""Printable leaflets (folders): A4 PDFs per woonkern and gemeente, with a QR code to the online page."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import subprocess
import sys
import unicodedata
from types import SimpleNamespace

import pytest

from conftest import FIXED_EPOCH, ROOT, build_in_process

SITE_URL = "https://wegwijzer.test/kop"  # no trailing slash on purpose: the plugin adds it
A4_PT = (595.28, 841.89)
CLI = [sys.executable, "-m", "wegwijzer", "folders"]
# `folders` sees the site it is given as up to date: same date, same site_url, example items asked for.
FOLDERS_ENV = {
    **{k: v for k, v in os.environ.items() if k != "WEGWIJZER_VOORBEELDEN"},
    "NO_MKDOCS_2_WARNING": "1",
    "SOURCE_DATE_EPOCH": FIXED_EPOCH,
    "WEGWIJZER_SITE_URL": SITE_URL,
}
PHONE_RE = re.compile(r"(?<![\d:])(?:\+31|0)\d[\d \-]{7,12}\d(?![\d:])")


def squash(text: str) -> str:
    """PDF text with line breaks and ligatures undone ('ﬁ' -> 'fi'), so names that wrap still match."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)


RUNNING_HEAD = re.compile(r"^De Wegwijzer van de Kop - blad \d+ van \d+$", re.M)


def pdf_text(reader) -> str:
    """All text of a leaflet, squashed, without the line at the top of each sheet ('blad 2 van 4'):
    a gemeente's leaflet runs over more sheets, and a name may go on after the page break."""
    return squash(RUNNING_HEAD.sub("", "\n".join(p.extract_text() for p in reader.pages)))


def local_entries(catalog, area_id):
    from wegwijzer.site.leaflets import local_activities

    area = catalog.region.areas[area_id]
    return catalog.places_in.get(area_id, []) + local_activities(catalog, area)


def typical_villages(catalog, n=2):
    """Kernen with a few places and offers: the fullest ones that are still village-sized."""
    kernen = []
    for k in catalog.region.kernen():
        places = len(catalog.places_in.get(k.id, []))
        acts = len(local_entries(catalog, k.id)) - places
        if 1 <= places <= 2 and 1 <= acts <= 4:
            kernen.append((-(places + acts), k.id))
    assert kernen, "geen dorp met plekken en aanbod in de data"
    return [k for _, k in sorted(kernen)[:n]]


def empty_kern(catalog):
    """A kern without entries of its own, but with a place within 5 km (what its leaflet points to)."""
    empty = [k for k in catalog.region.kernen() if not local_entries(catalog, k.id)]
    with_neighbour = [k.id for k in empty if catalog.nearby_places(k.lat, k.lon, 5.0, limit=1)]
    assert with_neighbour, "the data needs a kern without entries, with a place within 5 km"
    return with_neighbour[0]


@pytest.fixture(scope="module")
def chosen(catalog):
    return {
        "villages": typical_villages(catalog),
        "empty": empty_kern(catalog),
        "gemeente": "texel",
        "guides": [f"gids/{g}/{m.id}" for g in catalog.guides for m in catalog.region.gemeenten()],
        "richest_guides": richest_guide_leaflets(catalog),
    }


def richest_guide_leaflets(catalog, n=2):
    """Guide leaflets with the most to say: the guides and gemeenten with the most offers before fitting."""
    from wegwijzer.core import guide_select

    sizes = []
    for guide in catalog.guides.values():
        for g in catalog.region.gemeenten():
            rows = len(guide_select.ranked(catalog, guide, g)) + len(guide.body_sections)
            sizes.append((-rows, f"gids/{guide.id}/{g.id}"))
    return [leaflet for _, leaflet in sorted(sizes)[:n]]


@pytest.fixture(scope="module")
def made(tmp_path_factory, worker_id, chosen, catalog):
    """One build with a site_url, and `wegwijzer folders` run on it (one Chromium) for every kern and wijk.

    Made once per test run: with pytest-xdist the workers share it through a lock file.
    """
    shared = tmp_path_factory.getbasetemp().parent if worker_id != "master" else tmp_path_factory.mktemp("ll")
    base = shared / "leaflets-made"
    ids = sorted(a.id for a in catalog.region.areas.values() if a.level != "gemeente") + [chosen["gemeente"]]
    ids += chosen["guides"]
    with open(shared / "leaflets-made.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (base / "done.json").exists():
                build_in_process(base / "site", ROOT, {"WEGWIJZER_SITE_URL": SITE_URL})
                assert 'class="folder-qr__img"' in (base / "site/folder/texel/index.html").read_text(encoding="utf-8")
                run = subprocess.run(
                    CLI + ["--met-voorbeelden", "--site-dir", str(base / "site"), "--uit", str(base / "pdf"), *ids],
                    cwd=ROOT,
                    env=FOLDERS_ENV,
                    capture_output=True,
                    text=True,
                    timeout=600,
                )
                (base / "done.json").write_text(
                    json.dumps({"returncode": run.returncode, "stdout": run.stdout, "stderr": run.stderr})
                )
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return SimpleNamespace(
        site=base / "site", pdf=base / "pdf", ids=ids, run=json.loads((base / "done.json").read_text())
    )


@pytest.fixture(scope="module")
def pdfs(made):
    from pypdf import PdfReader

    assert made.run["returncode"] == 0, made.run["stderr"]
    from wegwijzer.tools.folders import pdf_name

    return {i: (made.pdf / pdf_name(i), PdfReader(made.pdf / pdf_name(i))) for i in made.ids}


# --- pages in the site --------------------------------------------------------------------------------


def test_every_gemeente_kern_and_wijk_has_a_leaflet_linked_from_its_page(site, catalog):
    for area in catalog.region.areas.values():
        leaflet = site / "folder" / area.id / "index.html"
        assert leaflet.exists(), f"geen folder voor {area.id}"
        page = (site / area.url / "index.html").read_text(encoding="utf-8")
        assert f'href="../../folder/{area.id}/"' in page, f"geen link 'Print folder' op {area.url}"
    html = (site / "folder" / "julianadorp" / "index.html").read_text(encoding="utf-8")
    assert "Print deze folder" in html and 'href="../../kern/julianadorp/"' in html
    assert 'class="md-header' not in html, "de folder hoort geen kop van de site te hebben"


def test_without_site_url_the_leaflet_prints_the_path_and_no_qr_code(site, catalog, caplog):
    from wegwijzer.site import leaflets

    html = (site / "folder" / "julianadorp" / "index.html").read_text(encoding="utf-8")
    assert "<svg" not in html
    assert "/kern/julianadorp" in html
    from wegwijzer.site.context import BuildContext, Settings

    ctx = BuildContext(catalog, dt.date(2026, 11, 18), Settings(site_url=""))
    view = leaflets.LeafletView()
    with caplog.at_level("WARNING"):
        view.start(ctx)
    assert "site_url ontbreekt" in caplog.text
    assert len(list(view.pages(ctx))) == len(catalog.region.areas)


# --- the PDFs -------------------------------------------------------------------------------------------


def test_pdfs_are_a4_portrait(pdfs):
    for name, (_, reader) in pdfs.items():
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width - A4_PT[0]) < 2 and abs(height - A4_PT[1]) < 2, (name, width, height)


def shortened(catalog) -> list[str]:
    """Kernen and wijken whose leaflet leaves things out to fit one sheet (site.leaflet_fit)."""
    from wegwijzer.site.leaflets import make_leaflet

    out = []
    for area in catalog.region.areas.values():
        if area.level != "gemeente":
            f = make_leaflet(catalog, area, dt.date(2026, 11, 18), SITE_URL)
            if f.theme_more or f.themes_hidden or f.places_more or f.week_more:
                out.append(area.id)
    return out


def test_every_kern_and_wijk_leaflet_fits_on_one_sheet(pdfs, catalog):
    sheets = [a.id for a in catalog.region.areas.values() if a.level != "gemeente"]
    assert len(sheets) > 50
    too_long = {name: len(pdfs[name][1].pages) for name in sheets if len(pdfs[name][1].pages) > 2}
    assert too_long == {}, f"meer dan één vel (twee kanten): {too_long}"
    # The fullest ones say what they left out, and where to find it.
    cut = shortened(catalog)
    assert cut, "geen folder hoefde korter: deze test heeft een volle kern nodig"
    for name in cut:
        text = pdf_text(pdfs[name][1])
        assert re.search(r"En nog \d+ (meer|plekk?e?n?|tijde?n?) op de website|Op de website sta(at|an) ", text), name


def test_a_gemeente_leaflet_may_be_longer(pdfs, chosen):
    assert len(pdfs[chosen["gemeente"]][1].pages) > 2  # all of Texel: nothing is left out


def test_every_entry_of_the_area_is_on_the_leaflet(pdfs, chosen, catalog):
    from wegwijzer.site.leaflets import HELP_KINDS

    for name in chosen["villages"] + [chosen["gemeente"]]:
        text = pdf_text(pdfs[name][1])
        entries = local_entries(catalog, name)
        assert entries
        for e in entries:
            assert squash(e.naam) in text, f"{e.naam} ontbreekt in de folder van {name}"
        for a in catalog.area_wide(catalog.region.areas[name]):
            if a.soort in HELP_KINDS:
                assert squash(a.naam) in text, f"{a.naam} (hulp voor de hele gemeente) ontbreekt in {name}"


def test_an_empty_village_points_to_what_is_nearby(pdfs, chosen, catalog):
    name = chosen["empty"]
    text = pdf_text(pdfs[name][1])
    area = catalog.region.areas[name]
    assert f"Er staan in {area.naam} nog geen plekken of activiteiten" in text
    (nearby,) = catalog.nearby_places(area.lat, area.lon, 5.0, limit=1)  # empty_kern chose one that has it
    assert squash(nearby[1].naam) in text


def test_phone_numbers_are_never_invented(pdfs, chosen, catalog):
    """Only numbers from the data; an entry without a route of its own sends you to the gemeente, once per leaflet."""
    known = {re.sub(r"\D", "", e.contact.telefoon) for e in catalog.entries() if e.contact and e.contact.telefoon}
    known |= {re.sub(r"\D", "", g.loket.telefoon or g.telefoon or "") for g in catalog.gemeenten.values()} - {""}
    for name in chosen["villages"] + [chosen["empty"]]:
        text = pdf_text(pdfs[name][1])
        for number in PHONE_RE.findall(text):
            assert re.sub(r"\D", "", number) in known, f"onbekend telefoonnummer {number} in {name}"
        assert "niet bekend" not in text
        missing = [e for e in local_entries(catalog, name) if not (e.contact and e.contact.telefoon)]
        gemeente = catalog.region.gemeente_of(name)
        if missing:
            assert text.count("Geen telefoonnummer of website? Vraag het aan") == 1, name
            website = catalog.gemeenten[gemeente.id].website.removeprefix("https://")
            assert website in text, f"de website van {gemeente.naam} ontbreekt in de folder van {name}"
        for e in local_entries(catalog, name):
            if e.contact and e.contact.telefoon:
                assert e.contact.telefoon in text


def test_an_entry_is_never_split_over_two_pages(pdfs, chosen, catalog):
    """The name of an offer and its summary and phone line are on the same page."""
    name = chosen["gemeente"]
    reader = pdfs[name][1]
    assert len(reader.pages) >= 2, "deze test heeft een folder van meer bladzijden nodig"
    pages = [squash(p.extract_text()) for p in reader.pages]
    for act in local_entries(catalog, name):
        if not hasattr(act, "samenvatting"):
            continue
        on = [i for i, t in enumerate(pages) if f"{squash(act.naam)}" in t and squash(act.samenvatting)[:40] in t]
        assert on, f"{act.naam}: naam en samenvatting staan niet op dezelfde bladzijde"


def test_print_date_and_web_address_in_words(pdfs, chosen, catalog):
    for name in chosen["villages"] + [chosen["empty"]]:
        area = catalog.region.areas[name]
        first = squash(pdfs[name][1].pages[0].extract_text())
        assert "Gemaakt op 18 november 2026" in first
        assert "Kijk op de website voor wijzigingen" in first
        assert f"wegwijzer.test/kop/{area.url.rstrip('/')}" in first.replace("/ ", "/")


def test_qr_code_on_paper_opens_the_online_page(pdfs, chosen, catalog):
    import pypdfium2 as pdfium
    import zxingcpp

    for name in chosen["villages"] + [chosen["gemeente"]]:
        path = pdfs[name][0]
        doc = pdfium.PdfDocument(str(path))
        image = doc[0].render(scale=2.5).to_numpy()  # about 180 dpi, like a simple office scan
        codes = [c for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
        doc.close()
        assert [c.text for c in codes] == [f"{SITE_URL}/{catalog.region.areas[name].url}"]


# --- on screen ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def qr_server(made):
    from conftest import serving

    with serving(made.site) as url:
        yield url


def test_a_shortened_leaflet_keeps_its_type_size(phone, qr_server, catalog):
    for name in shortened(catalog):
        phone.goto(qr_server + f"folder/{name}/")
        phone.emulate_media(media="print")
        sizes = phone.evaluate(f"() => {PRINTED_SIZES}")
        assert sizes and min(sizes) >= 16, f"{name}: tekst kleiner dan 12pt: {min(sizes)}px"
        assert phone.locator(".folder-more").count() >= 1


PRINTED_SIZES = """[...document.querySelectorAll('main p, main li, main td, main th, main figcaption')]
    .filter(e => !e.closest('.folder-tag')).map(e => parseFloat(getComputedStyle(e).fontSize))"""


def test_on_a_phone_the_leaflet_fits_and_prints_without_the_bar(phone, qr_server, chosen):
    name = chosen["villages"][0]
    phone.goto(qr_server + f"folder/{name}/")
    button = phone.get_by_role("button", name="Print deze folder")
    assert button.is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.locator("svg[role=img]").get_attribute("aria-label").startswith("QR-code naar wegwijzer.test")
    phone.emulate_media(media="print")
    assert not button.is_visible()
    sizes = phone.evaluate(f"() => {PRINTED_SIZES}")
    assert sizes and min(sizes) >= 16, f"tekst kleiner dan 12pt: {min(sizes)}px"
    phone.emulate_media(media="screen")
    phone.get_by_role("link", name=re.compile("^Terug naar")).click()
    phone.wait_for_url(re.compile(rf"/kern/{name}/$"))
    assert phone.console_errors == []


def test_print_folder_link_on_the_kern_page_opens_the_leaflet(phone, qr_server, chosen):
    name = chosen["villages"][0]
    phone.goto(qr_server + f"kern/{name}/")
    phone.get_by_role("link", name=re.compile("^Print folder")).click()
    phone.wait_for_url(re.compile(rf"/folder/{name}/$"))
    assert phone.locator("h1").inner_text().startswith("Wat is er in")


# --- the command ----------------------------------------------------------------------------------------


def test_folders_command_writes_one_pdf_per_area(made):
    assert made.run["returncode"] == 0, made.run["stderr"]
    assert "is actueel" in made.run["stdout"] and "opnieuw gebouwd" not in made.run["stdout"]
    assert f"{len(made.ids)} folders (PDF) geschreven in {made.pdf}" in made.run["stdout"]
    from wegwijzer.tools.folders import pdf_name

    assert sorted(p.name for p in made.pdf.iterdir()) == sorted(pdf_name(i) for i in made.ids)
    for i in made.ids:
        assert (made.pdf / pdf_name(i)).read_bytes()[:5] == b"%PDF-"


def test_folders_command_explains_a_wrong_id(made, tmp_path):
    wrong = subprocess.run(
        CLI + ["--site-dir", str(made.site), "--uit", str(tmp_path), "bestaat-niet"],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),  # a wrong id is found before anything is built
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert wrong.returncode == 1
    assert "Deze folders bestaan niet: bestaat-niet" in wrong.stderr
    assert "opnieuw gebouwd" not in wrong.stdout
    assert not list(tmp_path.iterdir())


# --- the leaflets of the guides ---------------------------------------------------------------------------


def test_every_guide_leaflet_fits_on_two_sides(pdfs, chosen):
    assert len(chosen["guides"]) >= 7 * 4
    for name in chosen["guides"]:
        assert len(pdfs[name][1].pages) <= 2, f"de folder {name} is {len(pdfs[name][1].pages)} bladzijden"


def test_a_guide_leaflet_has_its_own_text_and_opens_its_page_by_qr(pdfs, chosen, catalog):
    import pypdfium2 as pdfium
    import zxingcpp

    for name in chosen["richest_guides"]:
        path, reader = pdfs[name]
        _, guide_id, gemeente = name.split("/")
        guide = catalog.guides[guide_id]
        text = pdf_text(reader)
        assert guide.titel in text and "Wat kun je zelf doen?" in text and "De eerste stap" in text
        assert "Gemaakt op 18 november 2026" in text
        doc = pdfium.PdfDocument(str(path))
        image = doc[0].render(scale=2.5).to_numpy()
        codes = [c.text for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
        doc.close()
        assert codes == [f"{SITE_URL}/gids/{guide_id}/{gemeente}/"]


def test_every_guide_leaflet_is_estimated_to_fit_two_sides_and_lists_offers(site, catalog):
    """The estimate that shortens a guide's leaflet agrees: it fits, and it still shows offers."""
    from wegwijzer.site.context import BuildContext, Settings
    from wegwijzer.site.guide_leaflets import BUDGET, estimate, make_guide_leaflet

    ctx = BuildContext(catalog, dt.date(2026, 11, 18), Settings(site_url=SITE_URL + "/"))
    for guide in catalog.guides.values():
        for g in catalog.region.gemeenten():
            leaflet = make_guide_leaflet(ctx, guide, g)
            assert estimate(leaflet) <= BUDGET, f"{guide.id}/{g.id}"
            assert leaflet.lists or leaflet.unknown, f"{guide.id}/{g.id}: geen aanbod op de folder"


def test_a_guide_leaflet_says_when_an_offer_is_and_never_a_past_date(site, catalog):
    """On paper nobody can click through: an offer with times says when, and only what can still happen."""
    page = (site / "folder/gids/ik-zorg-voor-iemand/schagen/index.html").read_text(encoding="utf-8")
    assert "<strong>Wanneer:</strong> Elke derde vrijdag van de maand, 09:30 tot 12:00 uur" in page
    assert "<strong>Wanneer:</strong> Voorlichting op donderdag 14 januari 2027" in page
    money = (site / "folder/gids/ik-heb-geldzorgen/den-helder/index.html").read_text(encoding="utf-8")
    assert "25 november 2026" in money and "6 oktober 2026" not in money
