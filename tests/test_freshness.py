"""Keeping entries current: 'mogelijk verouderd', ended offers, 'Klopt er iets niet?', the monthly
list (`wegwijzer verouderd`) and the page 'Nieuw en gewijzigd'."""

from __future__ import annotations

import csv
import datetime as dt
import html as html_lib
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import FIXED_EPOCH, ROOT, build_in_process
from entries import link_site
from wegwijzer.core.freshness import has_ended, months_before, report_href, status
from wegwijzer.core.load import load_catalog
from wegwijzer.site import freshness as pages_freshness
from wegwijzer.site import pages
from wegwijzer.site.freshness import git_dates, recent_changes

TODAY = dt.datetime.fromtimestamp(int(FIXED_EPOCH), dt.UTC).date()  # 2026-11-18
ISSUES = "https://github.com/voorbeeld/wegwijzer/issues/new?labels=melding"

PLACE = """naam: {naam}
soort: buurthuis
gemeente: den-helder
woonkern: julianadorp
coordinaten: {{lat: {lat}, lon: 4.7290}}
bron: Test
beheerder: {beheerder}
{extra}"""

OFFER = """naam: {naam}
soort: cursus
samenvatting: Een test.
organisatie: Test
themas: [taal]
doelgroepen: [iedereen]
plekken: [buurthuis-vers]
schema:
  - {{dag: dinsdag, van: "10:00", tot: "12:00"{eind}}}
bron: Test
beheerder: Welzijn Test
{extra}"""


def make_data(root: Path) -> None:
    (root / "locations").mkdir(parents=True)
    (root / "activities").mkdir()
    (root / "locations" / "buurthuis-vers.yaml").write_text(
        PLACE.format(
            naam="Buurthuis Vers",
            lat=52.8905,
            beheerder="Welzijn Test",
            extra="gecontroleerd_op: 2026-10-01\nbeheerder_email: welzijn@voorbeeld.nl\n",
        )
    )
    (root / "locations" / "buurthuis-oud.yaml").write_text(
        PLACE.format(
            naam="Het Oude Anker", lat=52.8915, beheerder="Bibliotheek Test", extra="gecontroleerd_op: 2025-10-01\n"
        )
    )
    (root / "activities" / "cursus-voorbij.yaml").write_text(
        OFFER.format(naam="Cursus Voorbij", eind=", eind: 2026-06-30", extra="")
    )
    (root / "activities" / "taalles-lopend.yaml").write_text(
        OFFER.format(naam="Taalles Lopend", eind="", extra="gecontroleerd_op: 2026-11-01\n")
    )


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A small site with stale, fresh, never checked and ended entries, reports going to an issue form."""
    root = tmp_path_factory.mktemp("vers")
    make_data(root)
    link_site(root, ("content", "overrides", "node_modules"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config, n = re.subn(r'melden_url: *""', f'melden_url: "{ISSUES}"', config)
    assert n == 1
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    build_in_process(root / "site", root)
    return root


def html(root: Path, path: str) -> str:
    return (root / "site" / path / "index.html").read_text(encoding="utf-8")


def text_of(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


# --- rules ----------------------------------------------------------------------------------


def test_months_before_handles_short_months():
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 11, 18), 12) == dt.date(2025, 11, 18)


def test_status_after_twelve_months_and_when_never_checked():
    e = lambda d: SimpleNamespace(gecontroleerd_op=d)  # noqa: E731
    assert status(e(None), TODAY, 12) == "nooit"
    assert status(e(dt.date(2025, 11, 18)), TODAY, 12) == "verouderd"
    assert status(e(dt.date(2025, 11, 19)), TODAY, 12) == "actueel"
    assert status(e(dt.date(2026, 5, 1)), TODAY, 6) == "verouderd"


def test_ended_offer_leaves_the_weekly_list_but_not_the_catalogue(tmp_path):
    make_data(tmp_path)
    cat = load_catalog(tmp_path)
    ended, running = cat.activities["cursus-voorbij"], cat.activities["taalles-lopend"]
    assert has_ended(ended, TODAY) and not has_ended(running, TODAY)
    assert not has_ended(ended, dt.date(2026, 6, 30))  # still on its last day
    week = dict(pages.by_day(list(cat.activities.values()), TODAY))
    assert [a.id for a in week["dinsdag"]] == ["taalles-lopend"]
    assert "cursus-voorbij" in cat.activities


# --- pages ----------------------------------------------------------------------------------


def test_stale_and_unchecked_entries_say_so_on_their_page(small):
    stale = text_of(html(small, "plek/buurthuis-oud"))
    assert "Mogelijk verouderd." in stale and "1 oktober 2025" in stale and "12 maanden" in stale
    fresh = text_of(html(small, "plek/buurthuis-vers"))
    assert "Mogelijk verouderd" not in fresh and "Gecontroleerd op 1 oktober 2026" in fresh
    never = text_of(html(small, "aanbod/cursus-voorbij"))
    assert "Nog niet gecontroleerd." in never and "Mogelijk verouderd" not in never


def test_ended_offer_page_still_exists_and_says_it_has_ended(small):
    page = text_of(html(small, "aanbod/cursus-voorbij"))
    assert "Afgelopen." in page and "(voorbij)" in page
    assert "Afgelopen." not in text_of(html(small, "aanbod/taalles-lopend"))
    kern = html(small, "kern/julianadorp")
    week = kern[kern.index('id="week"') :]
    week = week[: week.index("</section>")]
    assert "Taalles Lopend" in week and "Cursus Voorbij" not in week


def _report_link(page: str) -> str:
    match = re.search(r'<a class="md-button ww-report" href="([^"]+)"', page)
    assert match, "no 'Klopt er iets niet?' button"
    return match.group(1).replace("&amp;", "&")


def test_report_button_opens_a_prefilled_issue(small):
    href = _report_link(html(small, "aanbod/cursus-voorbij"))
    parts = urlsplit(href)
    assert href.startswith("https://github.com/voorbeeld/wegwijzer/issues/new?")
    query = parse_qs(parts.query)
    assert query["labels"] == ["melding"]
    assert query["title"] == ["Klopt er iets niet? Cursus Voorbij"]
    body = query["body"][0]
    assert "Id: cursus-voorbij" in body
    assert "Pagina: /aanbod/cursus-voorbij/" in body
    assert "Bestand: activities/cursus-voorbij.yaml" in body


def test_report_goes_by_mail_to_the_beheerder_when_there_is_no_issue_form(tmp_path):
    make_data(tmp_path)
    cat = load_catalog(tmp_path)
    place = cat.locations["buurthuis-vers"]
    href = report_href(place, "https://wegwijzer.example/plek/buurthuis-vers/", "", "redactie@voorbeeld.nl")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "welzijn@voorbeeld.nl"
    query = parse_qs(parts.query)
    assert query["cc"] == ["redactie@voorbeeld.nl"]
    assert query["subject"] == ["Klopt er iets niet? Buurthuis Vers"]
    assert "Pagina: https://wegwijzer.example/plek/buurthuis-vers/" in query["body"][0]
    assert "Bestand: locations/buurthuis-vers.yaml" in query["body"][0]
    # No beheerder e-mail: to the editors. Nothing configured: no link (the page names the beheerder).
    old = cat.locations["buurthuis-oud"]
    assert (
        urlsplit(report_href(old, "/plek/buurthuis-oud/", "", "redactie@voorbeeld.nl")).path == "redactie@voorbeeld.nl"
    )
    assert report_href(old, "/plek/buurthuis-oud/", "", "") == ""


def test_shipped_site_names_the_beheerder_when_no_report_address_is_set(site, catalog):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'melden_url: ""' in config and 'melden_email: ""' in config, "this test needs a site without them"
    without_email = [e for e in catalog.entries() if not e.beheerder_email]
    assert without_email, "the shipped data needs entries without beheerder_email"
    for entry in without_email:
        page = (site / entry.url / "index.html").read_text(encoding="utf-8")
        assert f"Klopt er iets niet? Vertel het aan {entry.beheerder}." in html_lib.unescape(text_of(page)), entry.id
        assert "ww-report" not in page, f"{entry.id}: no report link when there is no address to send it to"


def test_new_and_changed_page_without_git_uses_check_dates(small):
    page = text_of(html(small, "nieuw"))
    assert "Nieuw en gewijzigd" in page
    changed = page[page.index("Veranderd of nagekeken") :]
    assert "Taalles Lopend" in changed and "gecontroleerd op 1 november 2026" in changed
    assert "Buurthuis Vers" in changed
    assert "Het Oude Anker" not in page  # checked more than 90 days ago
    assert "De datums komen alleen uit de controles" in page


CHANGE_RE = re.compile(r'<li><a href="\.\./([^"]+)">.*?<time datetime="([0-9-]+)">', re.S)


def test_shipped_site_has_the_new_and_changed_page(site):
    """The shipped data is in git: the page lists what changed lately, newest first, each with a working link."""
    page = (site / "nieuw" / "index.html").read_text(encoding="utf-8")
    new, other = page.split('id="gewijzigd"', 1)
    listed = [CHANGE_RE.findall(part) for part in (new, other)]
    assert listed[0] or listed[1], "nothing listed: is the project a git repository with its history?"
    window_start = TODAY - dt.timedelta(days=pages_freshness.RECENT_DAYS)
    for section in listed:
        days = [dt.date.fromisoformat(day) for _, day in section]
        assert days == sorted(days, reverse=True)
        assert all(day >= window_start for day in days)
        for url, _ in section:
            assert url.startswith(("aanbod/", "plek/")) and (site / url / "index.html").is_file(), url


# --- git dates ------------------------------------------------------------------------------


def _git(root: Path, *args, when: str = ""):
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_git_dates_one_call_first_and_last_change(tmp_path):
    make_data(tmp_path)
    assert git_dates(tmp_path) == {}  # no repository: no dates, no error
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "locations")
    _git(tmp_path, "commit", "-q", "-m", "places", when="2026-08-01T12:00:00+00:00")
    _git(tmp_path, "add", "activities")
    _git(tmp_path, "commit", "-q", "-m", "offers", when="2026-10-20T12:00:00+00:00")
    (tmp_path / "locations" / "buurthuis-oud.yaml").write_text(
        (tmp_path / "locations" / "buurthuis-oud.yaml").read_text() + "organisatie: Anker\n"
    )
    _git(tmp_path, "commit", "-q", "-am", "fix", when="2026-11-10T12:00:00+00:00")
    dates = git_dates(tmp_path)
    day = lambda s: dt.datetime.fromtimestamp(s, dt.UTC).date()  # noqa: E731
    assert {k: (day(a), day(b)) for k, (a, b) in dates.items()} == {
        "locations/buurthuis-vers.yaml": (dt.date(2026, 8, 1), dt.date(2026, 8, 1)),
        "locations/buurthuis-oud.yaml": (dt.date(2026, 8, 1), dt.date(2026, 11, 10)),
        "activities/cursus-voorbij.yaml": (dt.date(2026, 10, 20), dt.date(2026, 10, 20)),
        "activities/taalles-lopend.yaml": (dt.date(2026, 10, 20), dt.date(2026, 10, 20)),
    }
    changes = recent_changes(load_catalog(tmp_path), dates, TODAY)
    got = [(c.entry.id, c.wat, c.nieuw, c.datum) for c in changes]
    assert got == [
        ("buurthuis-oud", "gewijzigd", False, dt.date(2026, 11, 10)),
        ("taalles-lopend", "gecontroleerd", True, dt.date(2026, 11, 1)),
        ("cursus-voorbij", "toegevoegd", True, dt.date(2026, 10, 20)),
        ("buurthuis-vers", "gecontroleerd", False, dt.date(2026, 10, 1)),
    ]


# --- wegwijzer verouderd ----------------------------------------------------------------------


def _verouderd(root: Path, *args) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH)
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer", "verouderd", "--root", str(root), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_verouderd_csv_for_the_monthly_round(tmp_path):
    make_data(tmp_path)
    out = tmp_path / "ronde.csv"
    result = _verouderd(tmp_path, "--formaat", "csv", "--uit", str(out))
    assert result.returncode == 0, result.stderr
    assert "2 items om na te kijken" in result.stdout
    raw = out.read_bytes()
    # The same dialect as open-data/aanbod.csv, so Dutch Excel shows columns: UTF-8 with BOM, ';'.
    assert raw.startswith(b"\xef\xbb\xbf") and raw.splitlines()[0].count(b";") == 6
    assert b"," not in raw.splitlines()[0]
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [(r["beheerder"], r["id"], r["laatst_gecontroleerd"], r["link"]) for r in rows] == [
        ("Bibliotheek Test", "buurthuis-oud", "2025-10-01", "/plek/buurthuis-oud/"),
        ("Welzijn Test", "cursus-voorbij", "", "/aanbod/cursus-voorbij/"),
    ]


def test_verouderd_markdown_with_a_shorter_period(tmp_path):
    make_data(tmp_path)
    result = _verouderd(tmp_path, "--maanden", "1")
    assert result.returncode == 0, result.stderr
    md = result.stdout
    assert "## Welzijn Test" in md and "## Bibliotheek Test" in md
    assert "| [Buurthuis Vers](/plek/buurthuis-vers/) | 1 oktober 2026 | `locations/buurthuis-vers.yaml` |" in md
    assert "| [Cursus Voorbij](/aanbod/cursus-voorbij/) | nog niet gecontroleerd |" in md
    assert "Taalles Lopend" not in md  # checked on 1 November
