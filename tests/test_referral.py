"""How to refer, as data (the block 'verwijzen'), and the one professionals page that shows it."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from playwright.sync_api import expect

from conftest import offline
from entries import offer, place, write_project
from wegwijzer.core import contact, referral
from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors
from wegwijzer.core.urls import url_for
from wegwijzer.site import professionals

# --- the block ---------------------------------------------------------------------------------


def _load(tmp_path, **changes):
    root = write_project(tmp_path, {"buurtkamer-test": place()}, {"taalcafe-test": offer(**changes)})
    return load_catalog(root)


def test_a_full_block_is_read_and_said_in_words(tmp_path):
    block = {
        "wie": ["huisarts", "wijkteam"],
        "toestemming": "ja",
        "indicatie": False,
        "hoe": ["telefoon", "formulier"],
        "formulier": "https://www.voorbeeld.nl/aanmelden",
        "meesturen": "Een korte verwijsbrief.",
    }
    act = _load(tmp_path, verwijzen=block).activities["taalcafe-test"]
    assert dict(referral.facts(act.verwijzen)) == {
        "Wie kan aanmelden?": "Huisarts of wijkteam.",
        "Toestemming van de inwoner": "Nodig.",
        "Indicatie of beschikking": "Niet nodig.",
        "Zo meld je aan": "Bellen of een formulier invullen.",
        "Meesturen": "Een korte verwijsbrief.",
    }
    assert referral.short_text(act.verwijzen) == (
        "Huisarts of wijkteam. Bellen of een formulier invullen. Met toestemming van de inwoner."
    )
    assert referral.by_professional(act.verwijzen)
    # the HSDS importer reads consent, indication and form back from the exported lines
    assert referral.from_process(referral.process_text(act.verwijzen)) == {
        "toestemming": True,
        "indicatie": False,
        "formulier": "https://www.voorbeeld.nl/aanmelden",
    }


def test_what_is_not_known_is_said_so(tmp_path):
    act = _load(tmp_path, verwijzen={"wie": ["zelf"]}).activities["taalcafe-test"]
    facts = dict(referral.facts(act.verwijzen))
    assert facts["Toestemming van de inwoner"] == facts["Indicatie of beschikking"] == "Niet bekend. Vraag het na."
    assert facts["Zo meld je aan"] == "Niet bekend. Neem contact op."
    assert not referral.by_professional(act.verwijzen), "only the resident: no professional signs up"
    assert referral.short_text(None) == "Niet bekend. Neem contact op."
    assert referral.from_process(referral.process_text(act.verwijzen)) == {}, "not known stays not known"


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("huisarts", "Schrijf het zo: `verwijzen: {wie: [huisarts, wijkteam], hoe: [telefoon]}`"),
        (
            {"wie": ["dokter"]},
            "'dokter' is geen geldige keuze. Kies uit: zelf, iedereen, huisarts, zorgverlener, wijkteam.",
        ),
        (
            {"wie": ["zelf"], "hoe": ["fax"]},
            "'fax' is geen geldige keuze. Kies uit: telefoon, email, formulier, langskomen.",
        ),
        ({"wie": []}, "Deze lijst is leeg"),
        ({"wie": ["huisarts", "huisarts"]}, "'huisarts' staat twee keer bij 'wie'"),
        ({"wie": ["zelf"], "formulier": "https://www.voorbeeld.nl"}, "bij 'hoe' staat geen 'formulier'"),
        ({"wie": ["zelf"], "hoe": ["formulier"], "formulier": "javascript:alert(1)"}, "geen geldig webadres"),
        ({"wie": ["zelf"], "meesturen": "<b>brief</b>"}, "Gebruik geen HTML"),
        ({"wie": ["zelf"], "fax": "0223"}, "Het veld 'fax' bestaat niet."),
    ],
)
def test_a_wrong_block_gets_a_dutch_message_with_its_line(tmp_path, block, message):
    with pytest.raises(EntryErrors) as caught:
        _load(tmp_path, verwijzen=block)
    text = str(caught.value)
    assert "activities/taalcafe-test.yaml, regel " in text and "verwijzen" in text
    assert message in text


# --- real entries: only where the sources say how -----------------------------------------------


def test_real_entries_say_how_to_refer_only_where_the_plan_says_so(catalog):
    real = {a.id: a.verwijzen for a in catalog.activities.values() if a.verwijzen and not a.voorbeeld}
    assert set(real) == {"welzijn-op-recept"}  # the plan: via huisartsen and eerstelijnszorgverleners
    assert real["welzijn-op-recept"].wie == ["huisarts", "zorgverlener"]
    assert real["welzijn-op-recept"].toestemming is None and real["welzijn-op-recept"].hoe == []


def test_the_entry_page_shows_the_block_or_says_it_is_not_known(site):
    page = (site / "aanbod" / "welzijn-op-recept" / "index.html").read_text(encoding="utf-8")
    pro = page[page.index('id="pro"') :]
    assert "<dt>Wie kan aanmelden?</dt>" in pro and "<dd>Huisarts of andere zorgverlener.</dd>" in pro
    assert "<dt>Toestemming van de inwoner</dt>\n    <dd>Niet bekend. Vraag het na.</dd>" in pro
    other = (site / "aanbod" / "juridisch-loket" / "index.html").read_text(encoding="utf-8")
    assert "Er staat nog niet bij wie iemand mag aanmelden en hoe dat gaat." in other
    assert '<a href="#contact">Zo kom je in contact</a>' in other


# --- open data ------------------------------------------------------------------------------------


def test_hsds_and_csv_carry_the_block(site, catalog):
    services = json.loads((site / "open-data/hsds/services.json").read_text(encoding="utf-8"))
    by_name = {s["name"]: s for s in services}
    for act in catalog.activities.values():
        service = by_name[act.naam]
        kinds = {(a["taxonomy_term"]["taxonomy"], a["value"]) for a in service["attributes"]}
        if act.verwijzen is None:
            assert "Verwijzen door een professional" not in service.get("application_process", "")
            assert not any(t == "wegwijzer-verwijzers" for t, _ in kinds)
            continue
        assert referral.process_text(act.verwijzen) in service["application_process"]
        assert {("wegwijzer-verwijzers", w) for w in act.verwijzen.wie} <= kinds
        if act.verwijzen.meesturen:
            assert service["required_documents"][0]["document"] == act.verwijzen.meesturen
    text = (site / "open-data/aanbod.csv").read_bytes().decode("utf-8-sig")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert rows["welzijn-op-recept"]["verwijzen_wie"] == "huisarts, zorgverlener"
    assert rows["welzijn-op-recept"]["verwijzen_toestemming"] == ""  # not known: empty, never "nee"
    assert all(rows["juridisch-loket"][c] == "" for c in referral.CSV_COLUMNS)
    geld = rows["voorbeeld-geldspreekuur-den-helder"]
    assert (geld["verwijzen_indicatie"], geld["verwijzen_meesturen"]) == ("nee", "Brieven en rekeningen.")


# --- the professionals page -------------------------------------------------------------------------


def test_one_professionals_page_the_audience_page_leads_there(site, catalog):
    assert url_for("doelgroep", "professionals") == url_for("professionals") == "professionals/"
    assert not (site / "voor" / "professionals").exists()
    tiles = (site / "voor" / "index.html").read_text(encoding="utf-8")
    assert 'href="../professionals/"' in tiles
    page = (site / "professionals" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="voor-jou"') :]
    for act in catalog.by_audience["professionals"]:  # what /voor/professionals/ listed is here
        assert f'href="../{act.url}"' in section, act.id


def test_the_table_has_every_referable_offer_with_its_route_per_gemeente(site, catalog):
    page = (site / "professionals" / "index.html").read_text(encoding="utf-8")
    sections = dict(
        re.findall(r'<section class="ww-section ww-pro-groep" id="pro-([a-z-]+)"(.*?)</section>', page, re.S)
    )
    helplines = page[page.index('id="hulplijnen"') : page.index('id="voor-jou"')]
    for act in catalog.listed():
        if not professionals.referable(act):
            continue
        line = professionals.helpline(catalog, act)
        if line:  # a national helpline: in its own list, with its phone number
            assert f'href="{contact.tel_href(line.telefoon)}">Bel {line.telefoon}</a>' in helplines, act.id
            continue
        keys = ["regio"] if "regio" in act.gebied else catalog.gemeenten_of(act)
        if catalog.area_unknown(act):  # gebied: [onbekend]: one row in the last section
            keys = ["onbekend"]
        for key in keys:
            rows = re.findall(r'<tr data-id="([a-z0-9-]+)".*?</tr>', sections[key], re.S)
            assert act.id in rows, (act.id, key)
            row = re.search(rf'<tr data-id="{act.id}".*?</tr>', sections[key], re.S).group(0)
            for link in professionals._section_route(catalog, act, key).links:
                assert f'href="{link.href}"' in row, (act.id, key, link.href)
    # a gemeente's section gives that gemeente's route, not the other three
    texel = re.search(r'<tr data-id="schuldhulpverlening-wijkteam".*?</tr>', sections["texel"], re.S).group(0)
    assert "texel" in texel and "denhelder" not in texel


@pytest.mark.browser
def test_the_filters_work_and_live_in_the_address(browser, server, catalog):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    offline(context)
    page = context.new_page()
    try:
        page.goto(server + "professionals/?gemeente=texel")
        assert page.locator("#pro-filter").is_visible()
        visible = page.locator("section.ww-pro-groep:not([hidden])").evaluate_all("els => els.map(e => e.dataset.g)")
        assert visible == ["regio", "texel", "onbekend"], "not known where: it may be in Texel too"
        assert page.locator("#pro-texel tr[data-id='schuldhulpverlening-wijkteam']").is_visible()
        assert page.get_by_role("link", name="www.texel.nl").first.is_visible()
        # a regional offer that falls back to the gemeenten shows only the chosen gemeente's way
        ways = page.locator("#pro-regio .ww-pro-weg[data-g], #pro-onbekend .ww-pro-weg[data-g]")
        assert ways.count() > 4
        shown_ways = ways.evaluate_all("els => els.filter(e => e.checkVisibility()).map(e => e.dataset.g)")
        assert set(shown_ways) == {"texel"}
        den_helder = page.locator("#pro-regio").get_by_role("link", name="www.denhelder.nl", include_hidden=True)
        assert den_helder.count() > 0 and not den_helder.first.is_visible()
        page.select_option("#pro-gemeente", "schagen")
        assert "gemeente=schagen" in page.url
        page.check("#pro-verwijzen")
        assert "verwijzen=ja" in page.url
        shown = page.locator("tbody tr:not([hidden])").evaluate_all("els => [...new Set(els.map(e => e.dataset.id))]")
        expected = [
            a.id
            for a in catalog.listed()
            if professionals.referable(a)
            and referral.by_professional(a.verwijzen)
            and ("regio" in a.gebied or catalog.area_unknown(a) or "schagen" in catalog.gemeenten_of(a))
            and not professionals.helpline(catalog, a)
        ]
        assert sorted(shown) == sorted(expected) and shown
        assert page.inner_text("#pro-status") == f"{len(expected)} keer aanbod past bij je keuzes."
        page.get_by_role("button", name="Wis de keuzes").click()
        expect(page).to_have_url(server + "professionals/")
        assert page.locator("section.ww-pro-groep[hidden]").count() == 0
    finally:
        context.close()
