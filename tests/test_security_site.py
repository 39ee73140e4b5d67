"""Escaping on every page, the Content-Security-Policy, and hostile values in the exports (issues #16, #23).

The escaping test is independent of the input checks: the site is built once with the
model's markup and link checks switched off (only in this test's build process), and every
text field and every address field of every entry carries payloads that create elements or
attributes if they were printed unescaped. Then:

- every HTML page is parsed: no element or attribute the payloads could create, no event
  handler attribute, no ``javascript:`` link (JSON data blocks are data, not markup);
- every page type is opened in Chromium with a dialog handler that fails the test, and
  the live page is searched for the payloads' elements (this also catches our own scripts
  building HTML from data);
- the exports: every CSV cell is safe from formulas, the ICS has no injected lines, the JSON is strict.

The Content-Security-Policy is checked on the shipped site: on every page type it is the
first element of the head, Chromium reports no violation, and it really stops an inline script.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXED_EPOCH, ROOT, offline, serving
from entries import offer, place
from fields import TEXT_FIELDS, full_entry, set_path
from pagetypes import NAMES, PAGE_TYPES, find_page, url_path, visit

# {m} is a marker unique to (entry, field): the payload's element or attribute carries it as its id.
PAYLOADS = [
    '<svg id="{m}" onload="alert(1)">',
    'x"><img id="{m}" src=x onerror="alert(1)">',
    "x' id='{m}' onmouseover='alert(1)' y='",
    'x" id="{m}" autofocus onfocus="alert(1)" y="',
    '<script id="{m}">alert(1)</script>',
    'Taalcafe <svg id="{m}" onload=alert(1)',
    '</title></textarea></script></style><svg id="{m}" onload=alert(1)>',
    "[klik](javascript:alert(1)) [klik](JaVaScRiPt:alert(1)) [klik](java&#x73;cript:alert(1)) {m}",
    "{{{{ 7*7 }}}} {m} {{% if 1 %}}x{{% endif %}}",
    '=HYPERLINK("https://kwaad.example") {m}',
    "+1+cmd|' /C calc'!A0 {m}",
    "-1+HYPERLINK(1) {m}",
    "@SUM(1) {m}",
]
SHORT = "<b id={m}>"  # for a field with room for a few characters (huisnummer)
BUILD = """
import sys
from wegwijzer.core import guard
# This build tests escaping on its own: the input checks for markup and links are off.
guard.markup_problem = lambda value: None
guard.link_problem = lambda value: None
from wegwijzer.tools.cli import main
sys.exit(main(sys.argv[1:]))
"""
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _marker(n: int, kind: str, i: int) -> str:
    return f"h{n}{kind[0]}{i}"


def _hostile(kind: str, n: int) -> tuple[dict, set[str]]:
    """An entry with payload n in every text field (address fields included); and its markers."""
    data = full_entry(kind)
    markers = set()
    for i, (_, path, limit) in enumerate(TEXT_FIELDS[kind]):
        m = _marker(n, kind, i)
        value = PAYLOADS[n].format(m=m)
        if limit is not None and len(value) > limit:
            value = SHORT.format(m=m)
        set_path(data, path, value)
        markers.add(m)
    return data, markers


def _long_entry() -> dict:
    """Long words and a long web address: the page must still fit a phone."""
    return offer(
        naam="Lang " + "a" * 60,
        organisatie=("Stichting" + "b" * 50 + " ") * 2,
        contact={"website": "https://www.voorbeeld.nl/" + "c" * 470},
        plekken=["hostile-plek-lang"],
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile site: (site dir, markers, build result)."""
    project = tmp_path_factory.mktemp("hostile-site") / "project"
    (project / "locations").mkdir(parents=True)
    (project / "activities").mkdir()
    markers: set[str] = set()
    for n in range(len(PAYLOADS)):
        loc, found = _hostile("plek", n)
        loc.update(gemeente="den-helder", woonkern="den-helder-stad", wijk="centrum")
        act, more = _hostile("aanbod", n)
        act["plekken"] = [f"hostile-plek-{n}"]
        act["schema"][0]["plek"] = f"hostile-plek-{n}"
        markers |= found | more
        for folder, name, data in (("locations", f"hostile-plek-{n}", loc), ("activities", f"hostile-{n}", act)):
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
            (project / folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    long_place = place(naam="Plek " + "d" * 60, organisatie=("Vereniging" + "e" * 49 + " ") * 2)
    (project / "locations/hostile-plek-lang.yaml").write_text(yaml.safe_dump(long_place, allow_unicode=True))
    (project / "activities/hostile-lang.yaml").write_text(yaml.safe_dump(_long_entry(), allow_unicode=True))
    for name in ("content", "overrides", "mkdocs.yml", "node_modules"):
        os.symlink(ROOT / name, project / name)
    site = project.parent / "site"
    result = subprocess.run(
        [sys.executable, "-c", BUILD, "build", "--site-dir", str(site)],
        cwd=project,
        env=dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return site, markers


# --- the HTML, parsed ----------------------------------------------------------------------------

DANGEROUS_URL = re.compile(r"^(?:javascript|vbscript|data):", re.I)
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}


class _Scanner(html.parser.HTMLParser):
    """Elements and attributes in a page that come from a payload, not from the site."""

    def __init__(self, markers: set[str]):
        super().__init__(convert_charrefs=True)
        self.markers = markers
        self.found: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            clean = re.sub(r"[\x00-\x20]", "", value or "")
            if name == "id" and value in self.markers:
                self.found.append(f"<{tag} id={value}>: an element or attribute from a payload")
            elif name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>: an event handler attribute")
            elif name in URL_ATTRS and DANGEROUS_URL.match(clean):
                self.found.append(f"<{tag} {name}={value[:40]}>: a script address")
        if tag == "script" and not any(n == "src" for n, _ in attrs):
            kind = dict(attrs).get("type", "")
            if kind not in ("application/json", "application/ld+json"):
                self.found.append("<script> with code in the page: no inline script may exist (CSP)")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def test_no_payload_becomes_markup_on_any_page(hostile):
    site, markers = hostile
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    shown = 0
    problems = []
    for page in pages:
        source = page.read_text(encoding="utf-8")
        scanner = _Scanner(markers)
        scanner.feed(source)
        problems += [f"{page.relative_to(site)}: {f}" for f in scanner.found]
        text = " ".join(scanner.text)
        shown += sum(m in text for m in markers)
        assert not re.search(r"49 h\d+[ap]\d+", text), f"{page.relative_to(site)}: a template ran entry text"
    assert not problems, "\n".join(problems[:30])
    assert shown > len(markers), "the payloads must reach the pages as text (else this test proves nothing)"


def test_the_hostile_entry_pages_show_the_payloads_as_text(hostile):
    site, _ = hostile
    text = (site / "aanbod/hostile-0/index.html").read_text(encoding="utf-8")
    # The raw payload was escaped, not dropped: the page shows it to the reader as text.
    assert "&lt;svg id=&#34;h0a" in text or "&lt;svg id=&quot;h0a" in text
    title = re.search(r"<title>(.*?)</title>", text, re.S).group(1)
    assert "&lt;svg" in title and "<svg" not in title
    description = re.search(r'<meta name="description" content="([^"]*)"', text).group(1)
    assert "&lt;" in description or "&#34;" in description


# --- in Chromium ---------------------------------------------------------------------------------


def _hostile_urls(site: Path) -> list[str]:
    """One page of every type, the hostile entry pages, and search results for the payloads."""
    urls = set()
    for pt in PAGE_TYPES:
        file = find_page(site, pt)
        if file is None:
            if pt.required:
                pytest.fail(f"page type {pt.name} is missing from the hostile site")
            continue
        urls.add(url_path(site, file) + ("?q=den+helder" if pt.name == "zoeken" else ""))
    for file in list(site.glob("aanbod/hostile-*/index.html")) + list(site.glob("plek/hostile-*/index.html")):
        urls.add(url_path(site, file))
    return sorted(urls)


@pytest.mark.browser
def test_no_payload_runs_in_chromium_on_any_page_type(browser, hostile):
    site, markers = hostile
    # bypass_csp: this checks escaping alone. With the policy on, a slip would be stopped there
    # (test_the_policy_stops_an_inline_script_and_an_event_handler) and no dialog would show.
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL", bypass_csp=True)
    offline(context)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.type} {d.message}"), d.dismiss()))
    found = []
    with serving(site) as base:
        for url in _hostile_urls(site):
            page.goto(base + url, wait_until="load")
            if url.startswith("zoeken/"):  # the results are made by zoeken.js from the search index
                page.wait_for_selector("#zoek-resultaten li", state="attached", timeout=20_000)
                results = page.inner_text("#zoek-resultaten")
                assert any(m in results for m in markers), "the search results must show the hostile names"
            page.wait_for_timeout(150)  # let onload, onerror and autofocus handlers fire
            live = page.evaluate(
                "(ms) => ms.filter(m => document.getElementById(m)).concat("
                "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name))"
                ".map(a => e.tagName + ' ' + a.name)))",
                sorted(markers),
            )
            found += [f"{url}: {x}" for x in live]
    context.close()
    assert not dialogs, "a payload ran: " + "; ".join(dialogs[:10])
    assert not found, "payload markup in the live page: " + "; ".join(found[:10])


@pytest.mark.browser
def test_long_words_and_addresses_wrap_on_a_phone(browser, hostile):
    site, _ = hostile
    context = browser.new_context(viewport={"width": 375, "height": 700}, locale="nl-NL")
    offline(context)
    page = context.new_page()
    wide = []
    with serving(site) as base:
        for url in ("aanbod/hostile-lang/", "plek/hostile-plek-lang/", "kern/den-helder-stad/", "aanbod/"):
            page.goto(base + url, wait_until="load")
            width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            if width > 375:
                wide.append(f"{url}: {width}px")
    context.close()
    assert not wide, "pages wider than the phone: " + ", ".join(wide)


# --- the exports -----------------------------------------------------------------------------------


def test_no_csv_cell_can_start_a_formula(hostile):
    site, _ = hostile
    text = (site / "open-data/aanbod.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == len(PAYLOADS) + 1
    names = {row["naam"] for row in rows}
    assert '\'=HYPERLINK("https://kwaad.example") h9a' in " ".join(names)  # kept, but as text
    bad = [
        f"{row['id']}.{column}: {value[:30]!r}"
        for row in rows
        for column, value in row.items()
        if value.startswith(FORMULA) and not (column == "telefoon" and re.fullmatch(r"\+?[0-9 ().-]+", value))
    ]
    assert not bad, "\n".join(bad[:20])


def test_ics_has_no_injected_lines_and_json_is_strict(hostile):
    site, _ = hostile
    ics = (site / "open-data/activiteiten.ics").read_bytes().decode("utf-8")
    assert "\r" not in ics.replace("\r\n", "")  # every line ends in CRLF; no bare CR or LF anywhere
    assert "\n" not in ics.replace("\r\n", "")
    props = {line.split(":", 1)[0].split(";", 1)[0] for line in ics.split("\r\n") if line and line[0] != " "}
    assert props <= {
        "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "X-WR-CALNAME", "X-WR-TIMEZONE", "TZID", "TZNAME",
        "TZOFFSETFROM", "TZOFFSETTO", "DTSTART", "RRULE", "UID", "DTSTAMP", "DTEND", "SUMMARY", "DESCRIPTION",
        "URL", "LOCATION", "GEO", "CATEGORIES",
    }, props  # fmt: skip

    def no_constant(name):
        raise AssertionError(f"{name} is not JSON")

    for path in ("open-data/hsds/services.json", "open-data/hsds/locations.json", "open-data/plekken.geojson"):
        json.loads((site / path).read_text(encoding="utf-8"), parse_constant=no_constant)


# --- the Content-Security-Policy on the shipped site ----------------------------------------------


class _Head(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.first: tuple[str, dict] | None = None
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self.in_head = True
        elif self.in_head and self.first is None:
            self.first = (tag, dict(attrs))


@pytest.mark.parametrize("name", NAMES)
def test_every_page_type_starts_with_the_policy(site, name):
    file = find_page(site, next(pt for pt in PAGE_TYPES if pt.name == name))
    assert file is not None, name
    head = _Head()
    head.feed(file.read_text(encoding="utf-8"))
    assert head.first is not None
    tag, attrs = head.first
    assert (tag, attrs.get("http-equiv")) == ("meta", "Content-Security-Policy"), f"{name}: first in head is <{tag}>"
    policy = dict(rule.strip().split(" ", 1) for rule in attrs["content"].split(";"))
    assert policy["script-src"] == "'self'", policy  # no inline script, no event handler, no javascript: link
    assert policy["object-src"] == "'none'" and policy["base-uri"] == "'none'"
    assert "https://tile.openstreetmap.org" in policy["img-src"].split()  # the configured tile host, nothing else
    assert set(policy["img-src"].split()) == {"'self'", "data:", "https://tile.openstreetmap.org"}


CSP_WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '')));
"""


@pytest.fixture(scope="module")
def csp_tab(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL")
    context.add_init_script(CSP_WATCH)
    offline(context)
    page = context.new_page()
    page.console = []
    page.on("console", lambda msg: page.console.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", NAMES)
def test_no_policy_violation_on_any_page_type(csp_tab, server, site, name):
    csp_tab.console.clear()
    url = visit(csp_tab, server, site, name, idle=True)
    violations = csp_tab.evaluate("window.__csp")
    console = [m for m in csp_tab.console if "Content Security Policy" in m or "Content-Security-Policy" in m]
    assert not violations and not console, f"{url}: {violations} {console}"
    if name in ("kaart", "gemeente", "aanbod"):  # the map scripts are files now: the map is still drawn
        consent = csp_tab.get_by_role("button", name=re.compile("^Kaart tonen"))
        if consent.count():  # as a visitor asks for it (the browser keeps that choice for the next pages)
            consent.first.click()
        csp_tab.wait_for_selector(".leaflet-container", state="attached", timeout=20_000)
        violations = csp_tab.evaluate("window.__csp")
        assert not violations, f"{url} met kaart: {violations}"


@pytest.mark.browser
def test_the_policy_stops_an_inline_script_and_an_event_handler(csp_tab, server, site):
    visit(csp_tab, server, site, "aanbod")
    ran = csp_tab.evaluate("""() => {
        const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.head.appendChild(s);
        const d = document.createElement('div'); d.innerHTML = '<img src=x onerror="window.__ran2 = 1">';
        document.body.appendChild(d);
        return new Promise(r => setTimeout(() => r([window.__ran || 0, window.__ran2 || 0]), 300));
    }""")
    assert ran == [0, 0]
    assert any("script-src" in v for v in csp_tab.evaluate("window.__csp"))
