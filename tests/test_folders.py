"""`wegwijzer folders`: never from an old site, no examples unless asked, contact fallback, one sheet per village."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys

import pytest

from conftest import FIXED_EPOCH
from entries import link_site, offer, place, write_project
from wegwijzer.core.load import load_catalog
from wegwijzer.site import leaflet_fit
from wegwijzer.site.leaflets import make_leaflet
from wegwijzer.site.stamp import Stamp, sources_digest, why_stale, write_stamp
from wegwijzer.tools.folders import BUILDING

TODAY = dt.date(2026, 11, 18)


def small_project(root):
    """A place with a phone number, a real offer there without one, and an example offer."""
    write_project(
        root,
        {"buurtkamer-test": place()},
        {
            "taalcafe-test": offer(),  # no contact of its own
            "soos-voorbeeld": offer(naam="Soos Voorbeeld", voorbeeld=True, themas=["ontmoeten"]),
        },
    )
    link_site(root)
    return root


# --- is the site old? -------------------------------------------------------------------------------------


def test_the_stamp_tells_an_old_site(tmp_path):
    root = small_project(tmp_path / "project")
    site = tmp_path / "site"
    now = Stamp(TODAY.isoformat(), False, "", sources_digest(root, root))
    assert "nog geen gebouwde site" in why_stale(site, now)[0]
    write_stamp(site, now)
    assert why_stale(site, now) == []
    (root / "activities" / "taalcafe-test.yaml").write_text(
        (root / "activities" / "taalcafe-test.yaml").read_text(encoding="utf-8").replace("Test", "Nieuw"),
        encoding="utf-8",
    )
    changed = dataclasses.replace(now, bronnen=sources_digest(root, root))
    assert why_stale(site, changed) == ["Er is iets veranderd in de items, de keuzelijsten, de sjablonen of de code."]
    tomorrow = dataclasses.replace(now, gemaakt_op=(TODAY + dt.timedelta(days=1)).isoformat())
    assert why_stale(site, tomorrow) == [
        "De site is gemaakt op 18 november 2026. Een folder krijgt de datum van vandaag."
    ]
    assert "voorbeeld-items" in why_stale(site, dataclasses.replace(now, voorbeelden=True))[0]
    assert "site_url" in why_stale(site, dataclasses.replace(now, site_url="https://x.nl/"))[0]


# --- one sheet ------------------------------------------------------------------------------------------------


def test_a_full_village_is_shortened_on_purpose_and_counts_what_it_leaves_out(tmp_path):
    themes = ["ontmoeten", "gezondheid", "geld", "taal", "digitaal", "wonen"]
    offers = {
        f"aanbod-{i}": offer(naam=f"Aanbod {i:02d}", themas=[themes[i % len(themes)]], plekken=[f"plek-{i % 4}"])
        for i in range(30)
    }
    places = {f"plek-{i}": place(naam=f"Plek {i}") for i in range(4)}
    cat = load_catalog(write_project(tmp_path, places, offers), today=TODAY)
    area = cat.region.areas["den-helder-stad"]
    leaflet = make_leaflet(cat, area, TODAY, "")
    assert leaflet_fit.estimate(leaflet) <= leaflet_fit.BUDGET
    shown = sum(len(items) for _, items in leaflet.themes)
    hidden = sum(leaflet.theme_more.get(label, 0) for label, _ in leaflet.themes)
    hidden += sum(n for _, n in leaflet.themes_hidden)
    assert shown < 30 and shown + hidden == 30, "elk aanbod staat op de folder of telt mee bij 'op de website'"
    assert len(leaflet.places) + leaflet.places_more == 4
    assert not leaflet.empty
    # A gemeente leaflet may be longer: nothing is left out there.
    whole = make_leaflet(cat, cat.region.areas["den-helder"], TODAY, "")
    assert sum(len(items) for _, items in whole.themes) == 30 and not whole.themes_hidden


# --- the command on a small project (builds and prints with Chromium) -----------------------------------------


def folders(root, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEGWIJZER_")}
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=FIXED_EPOCH)
    cmd = [sys.executable, "-m", "wegwijzer", "folders", "den-helder-stad", "--uit", str(root / "pdf"), *args]
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=600)


def pdf_text(root) -> str:
    from pypdf import PdfReader

    reader = PdfReader(root / "pdf" / "den-helder-stad.pdf")
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.browser
def test_folders_builds_an_old_site_first_leaves_examples_out_and_uses_the_place_phone(tmp_path):
    root = small_project(tmp_path)
    first = folders(root)  # there is no site yet
    assert first.returncode == 0, first.stderr
    assert BUILDING in first.stdout and "Er is nog geen gebouwde site" in first.stdout
    text = pdf_text(root)
    assert "Taalcafé Test" in text
    assert "Soos Voorbeeld" not in text, "voorbeeld-items horen niet op een folder, tenzij je erom vraagt"
    # The offer has no phone number: the leaflet gives the one of the place where it is.
    assert "Contact: Buurtkamer Test" in text and text.count("0223 123 456") >= 2

    again = folders(root)
    assert again.returncode == 0, again.stderr
    assert BUILDING not in again.stdout and "is actueel" in again.stdout

    entry = root / "activities" / "taalcafe-test.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("Taalcafé Test", "Taalcafé Nieuw"), encoding="utf-8")
    third = folders(root, "--met-voorbeelden")
    assert third.returncode == 0, third.stderr
    assert BUILDING in third.stdout
    assert "Er is iets veranderd in de items" in third.stdout and "je vroeg erom (--met-voorbeelden)" in third.stdout
    text = pdf_text(root)
    assert "Taalcafé Nieuw" in text and "Soos Voorbeeld" in text
