"""Search: the same Dutch tokens in Python and JavaScript, and the search page in Chromium.

Most browser tests use a small site built from entries written here, so the expected
results do not change when the shipped data changes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import ROOT, build_site, serving, wait_for_text
from wegwijzer.site import search
from wegwijzer.site.search import analysis, compounds

NODE = shutil.which("node")
PLACE = {"bron": "Test voor de zoekfunctie.", "beheerder": "Test", "voorbeeld": True}
PLACES = {
    "t-buurthuis-den-burg": {
        "naam": "Buurthuis De Kolk",
        "soort": "buurthuis",
        "adres": {"plaats": "Den Burg"},
        "gemeente": "texel",
        "woonkern": "den-burg",
        "coordinaten": {"lat": 53.055, "lon": 4.7985},
        "openingstijden": [{"dag": "woensdag", "van": "09:00", "tot": "17:00"}],
    },
    "t-wijkpunt-schagen": {
        "naam": "Wijkpunt Markt",
        "soort": "wijksteunpunt",
        "adres": {"plaats": "Schagen"},
        "gemeente": "schagen",
        "woonkern": "schagen-stad",
        "coordinaten": {"lat": 52.7875, "lon": 4.799},
    },
    "t-steunpunt-centrum": {
        "naam": "Steunpunt Zeestraat",
        "soort": "wijksteunpunt",
        "adres": {"plaats": "Den Helder"},
        "gemeente": "den-helder",
        "woonkern": "den-helder-stad",
        "wijk": "centrum",
        "coordinaten": {"lat": 52.958, "lon": 4.7605},
    },
}
OFFERS = {
    "t-spreekuur-rondkomen": {
        "naam": "Spreekuur Rondkomen",
        "soort": "hulp",
        "samenvatting": "Hulp als je je rekeningen niet kunt betalen.",
        "themas": ["geld"],
        "doelgroepen": ["iedereen"],
        "plekken": ["t-steunpunt-centrum"],
        "schema": [{"dag": "dinsdag", "van": "09:00", "tot": "11:00"}],
        "kosten": {"gratis": True},
    },
    "t-taalcafe-texel": {
        "naam": "Taalcafé De Kolk",
        "soort": "activiteit",
        "samenvatting": "Oefen Nederlands praten met andere mensen.",
        "themas": ["taal"],
        "doelgroepen": ["nieuwkomers"],
        "plekken": ["t-buurthuis-den-burg"],
        "schema": [{"dag": "donderdag", "van": "10:00", "tot": "12:00"}],
        "kosten": {"gratis": True},
    },
    "t-taalcafe-schagen": {
        "naam": "Taalcafé Markt",
        "soort": "activiteit",
        "samenvatting": "Oefen Nederlands praten met andere mensen.",
        "themas": ["taal"],
        "doelgroepen": ["nieuwkomers"],
        "plekken": ["t-wijkpunt-schagen"],
        "schema": [{"dag": "donderdag", "van": "19:00", "tot": "21:00"}],
        "kosten": {"bedrag": 2, "uitleg": "per keer"},
    },
    "t-formulierenhulp": {
        "naam": "Hulp bij post en formulieren",
        "soort": "hulp",
        "samenvatting": "Een vrijwilliger helpt je thuis met brieven van instanties.",
        "themas": ["digitaal"],
        "doelgroepen": ["ouderen"],
        "gebied": ["hollands-kroon"],
        "schema": [{"dag": "maandag", "van": "13:00", "tot": "16:00"}],
        "kosten": {"gratis": True},
    },
    "t-computercursus": {
        "naam": "Computercursus voor beginners",
        "soort": "cursus",
        "samenvatting": "In acht lessen leer je mailen en internetten.",
        "themas": ["digitaal"],
        "doelgroepen": ["ouderen"],
        "plekken": ["t-wijkpunt-schagen"],
        "schema": [{"dag": "maandag", "van": "10:00", "tot": "12:00"}],
        "kosten": {"bedrag": 5, "uitleg": "voor de hele cursus"},
        "talen": ["nl", "en"],
    },
    "t-vrouwencentrum": {
        "naam": "Vrouwencentrum De Brug",
        "soort": "activiteit",
        "samenvatting": "Vrouwen ontmoeten elkaar en drinken samen thee.",
        "themas": ["ontmoeten"],
        "doelgroepen": ["vrouwen"],
        "plekken": ["t-steunpunt-centrum"],
        "schema": [{"dag": "woensdag", "van": "10:00", "tot": "12:00"}],
        "kosten": {"gratis": True},
        "talen": ["nl", "ar", "en"],
    },
    "t-kindersport": {
        "naam": "Sportclub De Rakkers",
        "soort": "activiteit",
        "samenvatting": "Kinderen sporten en spelen samen in de gymzaal.",
        "themas": ["gezondheid"],
        "doelgroepen": ["kinderen"],
        "plekken": ["t-buurthuis-den-burg"],
        "schema": [{"dag": "woensdag", "van": "14:00", "tot": "15:00"}],
        "kosten": {"bedrag": 1, "uitleg": "per keer"},
    },
    "t-wandelclub": {
        "naam": "Wandelclub De Stappers",
        "soort": "activiteit",
        "samenvatting": "Samen een uur door de duinen lopen.",
        "themas": ["gezondheid", "ontmoeten"],
        "doelgroepen": ["ouderen"],
        "plekken": ["t-buurthuis-den-burg"],
        "schema": [{"dag": "zaterdag", "van": "10:00", "tot": "11:00"}],
        "kosten": {"bedrag": 1, "uitleg": "per keer"},
    },
}
OFFER_NAMES = {v["naam"] for v in OFFERS.values()}


# --- the same tokens on both sides -----------------------------------------------------

KERN = ROOT / "overrides" / "assets" / "javascripts" / "zoeken-kern.js"
JS_PIPELINE = r"""
const nm = process.argv[1] + '/';
const lunr = require(nm + 'lunr');
require(nm + 'lunr-languages/lunr.stemmer.support.js')(lunr);
require(nm + 'lunr-languages/lunr.nl.js')(lunr);
const Kern = require(process.argv[2])(lunr, null);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const split = Kern.splitter(new Map(Object.entries(input.parts)), new Set(input.keep));
const out = input.texts.map(text => Kern.words(text).map(w => w.stem));
const parts = input.words.map(w => split(Kern.fold(w)));
const stop = require('fs').readFileSync(nm + 'lunr-languages/lunr.nl.js', 'utf8')
  .match(/generateStopWordFilter\('([^']*)'/)[1].split(' ').filter(Boolean);
process.stdout.write(JSON.stringify({out, parts, stop}));
"""

WORDS = [
    "geldzorgen",
    "schulden",
    "rekeningen",
    "eenzaam",
    "eenzaamheid",
    "alleen",
    "contact",
    "taalles",
    "Nederlands",
    "leren",
    "formulieren",
    "hulp",
    "huiswerkbegeleiding",
    "ontmoeting",
    "koffie",
    "wandelen",
    "bewegen",
    "mantelzorgers",
    "kinderen",
    "jongeren",
    "ouderen",
    "vrijwilligers",
    "vrijwilligerswerk",
    "opvoeding",
    "gezondheid",
    "buurthuis",
    "bibliotheek",
    "café",
    "één",
    "geïnteresseerd",
    "ziekenhuis",
    "inloopspreekuur",
    "schuldhulpverlening",
    "Texel",
    "Julianadorp",
    "'t",
    "Zand",
    "Hippolytushoef",
    "Den",
    "Helder",
    "(gratis)",
    "koffie,",
    "thee.",
    "55+",
    "e-mail",
    "DigiD",
    "zorgen-voor-een-ander",
    "financiële",
    "thuisadministratie",
    "reparatiecafé",
    "peuters",
    "uitgebreid",
    "gebeurtenissen",
]


def _node_pipeline(texts, words, splitter):
    data = {"texts": texts, "words": words, "parts": splitter.parts, "keep": sorted(splitter.keep)}
    result = subprocess.run(
        [NODE, "-e", JS_PIPELINE, str(ROOT / "node_modules"), str(KERN)],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


COMPOUNDS = {  # what the decompounder must do with words residents and editors write
    "vrouwencentrum": ("vrouwen", "centrum"),
    "computercursus": ("computer", "cursus"),
    "computerles": ("computer", "les"),
    "taalmaatjes": ("taal", "maatje"),
    "vrijwilligerswerk": ("vrijwilligers", "werk"),  # with the linking s
    "reparatiecafé": ("reparatie", "cafe"),
    "mantelzorgontbijt": ("mantelzorg", "ontbijt"),
    "huiswerkbegeleiding": ("huiswerk", "begeleiding"),
    "ziekenhuis": (),  # a common word stays whole
    "ochtend": (),
    "bibliotheek": (),
    "taal": (),  # too short
}


@pytest.mark.skipif(NODE is None, reason="node ontbreekt")
def test_python_and_javascript_give_the_same_tokens_and_parts(catalog):
    texts = [*WORDS, " ".join(WORDS)]
    for entry in catalog.entries():
        texts += [entry.naam, getattr(entry, "samenvatting", "") or "", entry.beschrijving or ""]
    for group in search.load_synonyms():
        texts += group
    words = sorted({w for t in texts for w in analysis.words(t)} | set(COMPOUNDS))
    splitter = compounds.dutch_splitter()
    js = _node_pipeline(texts, words, splitter)
    py = [search.analyze(t) for t in texts]
    different = [(t, p, j) for t, p, j in zip(texts, py, js["out"], strict=False) if p != j]
    assert not different, different[:10]
    assert sum(len(p) for p in py) > 2000  # a real word list, not a handful
    assert set(js["stop"]) == search.STOP_WORDS
    py_parts = [list(splitter.split(compounds.fold(w))) for w in words]
    different = [(w, p, j) for w, p, j in zip(words, py_parts, js["parts"], strict=False) if p != j]
    assert not different, different[:10]
    assert sum(1 for p in py_parts if p) > 100  # many words of the entries are compounds


def test_compounds_split_into_known_parts():
    splitter = compounds.dutch_splitter()
    for word, parts in COMPOUNDS.items():
        assert splitter.split(compounds.fold(word)) == parts, word
    terms = dict(analysis.weighted_terms("Het Internationaal Vrouwencentrum", splitter)[0])
    assert terms[analysis.stem("vrouwen")] == analysis.PART_WEIGHT  # 'vrouwen' finds the centre
    assert terms[analysis.stem("vrouwencentrum")] == 1


def test_stemming_joins_word_forms():
    assert search.analyze("formulieren") == search.analyze("formulier")
    assert search.analyze("Hulp bij de formulieren") == search.analyze("hulp formulier")  # stop words go
    assert search.analyze("Taalcafé") == search.analyze("taalcafe")


def test_index_is_reproducible_and_named(catalog, tmp_path):
    import datetime as dt

    today = dt.date(2026, 11, 18)
    pages = [{"title": "Over ons", "url": "over/", "summary": "Wie wij zijn.", "text": "Wie wij zijn."}]
    search.write_index(catalog, today, tmp_path / "a", pages)
    search.write_index(catalog, today, tmp_path / "b", list(reversed(pages)))
    files = sorted(p.name for p in (tmp_path / "a" / search.FOLDER).iterdir())
    assert {"index.json", "kaarten-0.json", "termen-0.bin", "soorten.bin", "punten-0.json"} <= set(files)
    for name in files:
        assert (tmp_path / "a" / search.FOLDER / name).read_bytes() == (
            tmp_path / "b" / search.FOLDER / name
        ).read_bytes()
    data = json.loads((tmp_path / "a" / search.FOLDER / "index.json").read_text(encoding="utf-8"))
    assert data["versie"] == 2
    assert data["aantal"] == len(catalog.activities) + len(catalog.locations) + 1
    assert data["termen"] == sorted(data["termen"]) and data["blokken"][0] == 0
    assert {"gemeente", "kern", "thema", "voor", "dag", "taal", "gratis"} <= set(data["filters"])
    assert data["filters"]["taal"]["en"] >= 1  # entries that say they speak English
    card = json.loads((tmp_path / "a" / search.FOLDER / "kaarten-0.json").read_text(encoding="utf-8"))[0]
    assert {"naam", "url", "samenvatting", "soort"} <= set(card)


def test_bad_synonyms_file_is_explained(tmp_path):
    path = tmp_path / "synoniemen.yaml"
    path.write_text("groepen:\n  - [alleen]\n", encoding="utf-8")
    with pytest.raises(Exception, match="minstens twee woorden"):
        search.load_synonyms(path)


# --- a small site with known entries -------------------------------------------------


def build_search_site(work: Path) -> Path:
    """Build a small site with the known entries above (only the pages search needs: a fast build)."""
    (work / "locations").mkdir()
    (work / "activities").mkdir()
    for pid, data in PLACES.items():
        (work / "locations" / f"{pid}.yaml").write_text(
            yaml.safe_dump({**PLACE, **data}, allow_unicode=True), encoding="utf-8"
        )
    for aid, data in OFFERS.items():
        entry = {**PLACE, "organisatie": "Test", **data}
        (work / "activities" / f"{aid}.yaml").write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    for name in ("overrides", "node_modules"):
        os.symlink(ROOT / name, work / name)
    (work / "content").mkdir()
    for name in ("index.md", "zoeken.md"):
        shutil.copy(ROOT / "content" / name, work / "content" / name)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    dest = work / "site"
    result = build_site(dest, root=work)
    assert result.returncode == 0, result.stderr[-3000:]
    return dest


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    return build_search_site(tmp_path_factory.mktemp("zoek"))


@pytest.fixture(scope="module")
def small_server(small_site):
    with serving(small_site) as url:
        yield url


def _open(phone, base, query=""):
    phone.goto(base + "zoeken/" + query)
    phone.wait_for_selector("#ww-zoeken[data-klaar='ja']")
    if query:
        wait_for_text(phone, "#zoek-status", pattern=r"^(?!Even)\S")


def _names(phone):
    return [t.strip() for t in phone.locator("#zoek-resultaten .ww-card__title a").all_inner_texts()]


def test_small_site_has_search_files(small_site):
    assert (small_site / "zoekindex" / "index.json").exists()
    for path in search.VENDOR:
        assert (small_site / path).stat().st_size > 1000
    html = (small_site / "zoeken" / "index.html").read_text(encoding="utf-8")
    assert 'method="get"' in html and "<noscript>" in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()
    # The header box is on every page, also on generated entry pages.
    for page in ("index.html", "aanbod/t-wandelclub/index.html", "plek/t-wijkpunt-schagen/index.html"):
        text = (small_site / page).read_text(encoding="utf-8")
        assert 'class="ww-kopzoek"' in text and 'name="q"' in text, page


@pytest.mark.browser
@pytest.mark.parametrize(
    "query, expected, absent",
    [
        ("geldzorgen", "Spreekuur Rondkomen", None),  # synonym: the entry says 'rekeningen'
        ("eenzaam", "Wandelclub De Stappers", None),  # synonym via the theme 'Mensen ontmoeten'
        ("formulier", "Hulp bij post en formulieren", None),  # stemming
        ("wandelclup", "Wandelclub De Stappers", None),  # typing error
        ("formulieeren", "Hulp bij post en formulieren", None),  # typing error in a longer word
        ("taalcafe", "Taalcafé De Kolk", None),  # no accent
        ("taalles Texel", "Taalcafé De Kolk", "Taalcafé Markt"),  # synonym + place
    ],
)
def test_plain_words_find_entries(phone, small_server, query, expected, absent):
    _open(phone, small_server, "?q=" + query.replace(" ", "+"))
    names = _names(phone)
    assert expected in names, (query, names)
    if absent:
        assert absent not in names
    assert re.match(r"^\d+ resulta", phone.inner_text("#zoek-status"))
    assert phone.console_errors == []


@pytest.mark.browser
def test_filters_combine_and_live_in_the_url(phone, small_server):
    _open(phone, small_server)
    phone.fill("#zoek-q", "taal")
    phone.press("#zoek-q", "Enter")
    wait_for_text(phone, "#zoek-status", "taal")
    assert {"Taalcafé De Kolk", "Taalcafé Markt"} <= set(_names(phone))
    phone.click("#zoek-filters summary")
    phone.select_option("#zoek-gemeente", "schagen")
    wait_for_text(phone, "#zoek-status", "Schagen")
    assert [n for n in _names(phone) if n in OFFER_NAMES] == ["Taalcafé Markt"]
    assert phone.inner_text("#zoek-status").startswith("1 resultaat")
    params = parse_qs(urlsplit(phone.url).query)
    assert params == {"q": ["taal"], "gemeente": ["schagen"]}
    # The shared address gives the same search.
    phone.reload()
    phone.wait_for_selector("#ww-zoeken[data-klaar='ja']")
    wait_for_text(phone, "#zoek-status", "Schagen")
    assert phone.input_value("#zoek-q") == "taal"
    assert phone.input_value("#zoek-gemeente") == "schagen"
    assert [n for n in _names(phone) if n in OFFER_NAMES] == ["Taalcafé Markt"]
    assert phone.console_errors == []


@pytest.mark.browser
@pytest.mark.parametrize(
    "query, expected",
    [
        ("?dag=donderdag&gratis=ja", ["Taalcafé De Kolk"]),
        ("?thema=taal&gemeente=texel", ["Taalcafé De Kolk", "Buurthuis De Kolk"]),  # offers first, then places
        ("?voor=ouderen&gemeente=texel", ["Wandelclub De Stappers", "Buurthuis De Kolk"]),
        ("?kern=hippolytushoef", ["Hulp bij post en formulieren"]),  # serves all of Hollands Kroon
        ("?q=praten&dag=donderdag&kern=schagen-stad", ["Taalcafé Markt"]),
    ],
)
def test_filters_without_and_with_words(phone, small_server, query, expected):
    _open(phone, small_server, query)
    assert _names(phone) == expected
    assert phone.console_errors == []


@pytest.mark.browser
def test_no_results_suggests_what_to_try(phone, small_server):
    _open(phone, small_server, "?q=wandelen&gemeente=schagen")
    assert phone.inner_text("#zoek-status").startswith("Geen resultaten")
    help_text = phone.inner_text("#zoek-hulp")
    assert "Probeer dit" in help_text
    assert phone.locator("#zoek-bladeren a[href*='thema/']").count() >= 10
    phone.click("#zoek-hulp >> text=Zoek zonder filters")
    phone.wait_for_url(lambda url: "gemeente" not in url)
    phone.wait_for_selector("#ww-zoeken[data-klaar='ja']")
    wait_for_text(phone, "#zoek-status", "resulta")
    assert "Wandelclub De Stappers" in _names(phone)
    assert "gemeente" not in phone.url
    _open(phone, small_server, "?q=qwxzzyv")
    assert phone.inner_text("#zoek-status").startswith("Geen resultaten")
    assert phone.is_visible("#zoek-hulp")
    assert phone.console_errors == []


@pytest.mark.browser
def test_header_box_and_accessibility(phone, small_server):
    phone.goto(small_server)
    phone.fill("#ww-kopzoek-q", "geldzorgen")
    phone.press("#ww-kopzoek-q", "Enter")
    phone.wait_for_selector("#ww-zoeken[data-klaar='ja']")
    wait_for_text(phone, "#zoek-status", "geldzorgen")
    assert urlsplit(phone.url).path == "/zoeken/"
    assert "Spreekuur Rondkomen" in _names(phone)
    status = phone.locator("#zoek-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    # Every form field has a visible label; the header box has a hidden one.
    for field in ("zoek-q", "zoek-gemeente", "zoek-kern", "zoek-thema", "zoek-voor", "zoek-dag", "zoek-gratis"):
        assert phone.locator(f"label[for='{field}']").count() == 1
    # Keyboard: from the search field, Tab reaches the button, then the filters.
    phone.focus("#zoek-q")
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent.trim()") == "Zoek"
    assert phone.console_errors == []


@pytest.mark.browser
def test_without_javascript_the_page_explains_and_offers_links(browser, small_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(small_server + "zoeken/?q=geldzorgen")
    assert "Zoeken werkt alleen met JavaScript" in page.inner_text("body")
    assert page.locator("#zoek-bladeren a[href*='thema/geld/']").count() == 1
    assert page.get_attribute("#zoek-form", "method") == "get"
    context.close()


@pytest.mark.skipif(NODE is None, reason="node ontbreekt")
def test_search_core_in_node(small_site):
    """tests/js/*.test.js: the pure search (zoeken-kern.js) on this small site's index, with node's test runner."""
    env = dict(os.environ, WW_ZOEKINDEX=str(small_site / search.FOLDER))
    tests = sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.js"))
    result = subprocess.run([NODE, "--test", *tests], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
