"""Open data in: an HSDS 3.0 feed becomes entries that pass validation, with a Dutch report."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import ROOT
from wegwijzer.core.load import load_catalog
from wegwijzer.opendata import hsds, hsds_import, ids
from wegwijzer.tools import cli

HSDS_EXAMPLES = ROOT / "tests" / "fixtures" / "hsds"  # vendored, see its README
TODAY = dt.date(2026, 11, 18)


def _example(name: str) -> Path:
    path = HSDS_EXAMPLES / name
    assert path.is_file(), f"{path} is missing: the HSDS examples belong in the repository"
    return path


KEPT = ("naam", "soort", "samenvatting", "beschrijving", "organisatie", "themas", "doelgroepen", "gebied", "kosten")
KEPT += ("aanmelden", "talen", "voor_professionals", "verwijzen", "inloop")
# Not carried through HSDS and back: 'bel_112' (HSDS has no field for it). 'bereikbaar' comes back from
# phones[].description (test below); our check date comes back as the source's ('bron_gecontroleerd_op').


def _contact(entry) -> tuple:
    c = entry.contact
    return (c.telefoon, c.email, c.website) if c else (None, None, None)


def _times(act, places) -> list[tuple]:
    """The schedule of an offer, with the name (not the id) of the place of each line."""
    keys = ("dag", "datum", "van", "tot", "herhaling", "week", "start", "eind", "opmerking", "evenement", "link")
    return sorted(
        tuple(str(getattr(i, k)) for k in keys) + (places[i.plek].naam if i.plek else "",) for i in act.schema
    )


@pytest.fixture(scope="module")
def round_trip(catalog, tmp_path_factory):
    """The shipped catalogue exported to HSDS and imported into an empty folder."""
    folder = tmp_path_factory.mktemp("hsds")
    feed = folder / "feed.json"
    feed.write_text(ids.dumps(hsds.hsds_services(catalog)), encoding="utf-8")
    result = hsds_import.import_file(feed, folder / "root")
    return result, load_catalog(folder / "root")


def test_round_trip_keeps_names_addresses_schedules_and_phones(round_trip, catalog):
    """Every offer comes back as the same entry: compared field by field, not through the exporter."""
    result, again = round_trip
    assert not [i.name for i in result.items if i.skipped]
    after = {a.naam: a for a in again.activities.values()}
    assert sorted(after) == sorted(a.naam for a in catalog.activities.values())
    assert any(a.schema for a in catalog.activities.values()) and any(a.kosten for a in catalog.activities.values())
    for old in catalog.activities.values():
        new = after[old.naam]
        assert {k: getattr(new, k) for k in KEPT} == {k: getattr(old, k) for k in KEPT}, old.id
        assert _contact(new) == _contact(old), old.id
        assert _times(new, again.locations) == _times(old, catalog.locations), old.id
        assert [p.naam for p in again.places_of(new)] == [p.naam for p in catalog.places_of(old)], old.id
        assert new.bron == "HSDS-import: feed.json" and new.gecontroleerd_op is None


def test_round_trip_keeps_when_a_phone_line_is_open(round_trip, catalog):
    _, again = round_trip
    after = {a.naam: a for a in again.activities.values()}
    hours = {a.naam: a.contact.bereikbaar for a in catalog.activities.values() if a.contact and a.contact.bereikbaar}
    assert hours, "the shipped data has helplines with their hours"
    assert {name: after[name].contact.bereikbaar for name in hours} == hours


def test_round_trip_keeps_places_as_they_were(round_trip, catalog):
    _, again = round_trip
    used = {p for a in catalog.activities.values() for p in a.plekken}
    assert set(again.locations) == used  # places come in through the offers that use them
    for pid in used:
        old, new = catalog.locations[pid], again.locations[pid]
        assert (new.naam, new.soort, new.gemeente, new.woonkern, new.adres, new.coordinaten) == (
            old.naam,
            old.soort,
            old.gemeente,
            old.woonkern,
            old.adres,
            old.coordinaten,
        )
        assert new.openingstijden == old.openingstijden and new.toegankelijkheid == old.toegankelijkheid
        assert new.bron.startswith("HSDS-import: ") and new.gecontroleerd_op is None


@pytest.mark.parametrize("name", ["service_full.json", "service_list.json"])
def test_spec_examples_import_and_validate(name, tmp_path):
    result = hsds_import.import_file(_example(name), tmp_path)
    assert [i.skipped for i in result.items] == [False]
    cat = load_catalog(tmp_path)
    (act,) = cat.activities.values()
    assert act.naam == "Community Counselling"
    assert act.bron == f"HSDS-import: {name}"
    assert act.gecontroleerd_op is None
    assert act.beheerder == act.organisatie == "Example Organization Inc."
    assert act.gebied == ["onbekend"] and act.plekken == [] and not cat.locations
    report = result.report()
    assert "Gebied is 'onbekend': weet je waar het is? Zet dan de gemeente of 'regio'." in report
    if name == "service_full.json":  # the list example has no locations
        assert "ligt niet in de Kop van Noord-Holland" in report
        assert "1-30 Main Street" in report  # the address is kept for the editor


def test_cli_import_writes_files_that_pass_validate(tmp_path, capsys):
    assert cli.main(["import-hsds", str(_example("service_full.json")), "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Ingelezen: Community Counselling -> activities/community-counselling.yaml" in out
    text = (tmp_path / "activities/community-counselling.yaml").read_text(encoding="utf-8")
    assert "gecontroleerd_op:\n" in text and "bron: 'HSDS-import: service_full.json'" in text
    assert cli.main(["validate", "--root", str(tmp_path)]) == 0
    # A second import never overwrites what an editor may already have changed.
    (tmp_path / "activities/community-counselling.yaml").write_text(text.replace("Example", "Voorbeeld"))
    assert cli.main(["import-hsds", str(_example("service_full.json")), "--root", str(tmp_path)]) == 3  # skipped
    assert "NIET ingelezen" in capsys.readouterr().out
    assert "Voorbeeld Organization" in (tmp_path / "activities/community-counselling.yaml").read_text()


def test_cli_explains_a_broken_file(tmp_path, capsys):
    bad = tmp_path / "kapot.json"
    bad.write_text("{ niet af", encoding="utf-8")
    assert cli.main(["import-hsds", str(bad), "--root", str(tmp_path)]) == 1
    assert "kapot.json is geen geldige JSON" in capsys.readouterr().err


def test_partner_feed_in_the_region_maps_places_times_and_costs(tmp_path):
    feed = {
        "id": "0b6a4b9e-3d2f-4c1e-9a55-000000000001",
        "name": "Inloop bij de partner",
        "status": "active",
        "description": "Een test-inloop van een partner.",
        "organization": {"id": "0b6a4b9e-3d2f-4c1e-9a55-000000000002", "name": "Testpartner", "description": "x"},
        "phones": [{"id": "0b6a4b9e-3d2f-4c1e-9a55-000000000003", "number": "0223 000 000"}],
        "languages": [
            {"id": "0b6a4b9e-3d2f-4c1e-9a55-000000000004", "code": "pl", "name": "Pools"},
            {"id": "0b6a4b9e-3d2f-4c1e-9a55-000000000005", "code": "xx", "name": "Klingon"},
        ],
        "cost_options": [
            {
                "id": "0b6a4b9e-3d2f-4c1e-9a55-000000000006",
                "amount": 2.5,
                "currency": "EUR",
                "amount_description": "per keer",
            }
        ],
        "service_at_locations": [
            {
                "id": "0b6a4b9e-3d2f-4c1e-9a55-000000000007",
                "location": {
                    "id": "0b6a4b9e-3d2f-4c1e-9a55-000000000008",
                    "location_type": "physical",
                    "name": "Testgebouw",
                    "latitude": 52.9563,
                    "longitude": 4.7601,
                    "addresses": [
                        {
                            "id": "0b6a4b9e-3d2f-4c1e-9a55-000000000009",
                            "address_1": "Teststraat 12a",
                            "city": "Den Helder",
                            "postal_code": "1781AB",
                            "state_province": "NH",
                            "country": "NL",
                            "address_type": "physical",
                        }
                    ],
                },
                "schedules": [
                    {
                        "id": "0b6a4b9e-3d2f-4c1e-9a55-00000000000a",
                        "freq": "MONTHLY",
                        "byday": "-1TU",
                        "opens_at": "10:00:00",
                        "closes_at": "12:00:00",
                    },
                    {
                        "id": "0b6a4b9e-3d2f-4c1e-9a55-00000000000b",
                        "freq": "WEEKLY",
                        "interval": 2,
                        "byday": "MO,WE",
                        "opens_at": "13:00",
                        "closes_at": "14:30",
                        "dtstart": "2027-01-04",
                    },
                ],
            }
        ],
    }
    path = tmp_path / "partner.json"
    path.write_text(json.dumps([feed]), encoding="utf-8")
    result = hsds_import.import_file(path, tmp_path)
    cat = load_catalog(tmp_path)
    act = cat.activities["inloop-bij-de-partner"]
    (loc,) = cat.places_of(act)
    # 52.9563, 4.7601 is 250 m from the middle of Den Helder (stad), 2.5 km from Huisduinen.
    assert (loc.naam, loc.gemeente, loc.woonkern) == ("Testgebouw", "den-helder", "den-helder-stad")
    assert (loc.adres.straat, loc.adres.huisnummer, loc.adres.postcode) == ("Teststraat", "12a", "1781 AB")
    assert [(i.dag, i.herhaling, i.week, i.van, i.plek) for i in act.schema] == [
        ("dinsdag", "maandelijks", -1, "10:00", loc.id),
        ("maandag", "tweewekelijks", None, "13:00", loc.id),
        ("woensdag", "tweewekelijks", None, "13:00", loc.id),
    ]
    assert act.schema[1].start == dt.date(2027, 1, 4)
    assert (act.kosten.bedrag, act.kosten.uitleg) == (2.5, "per keer")
    assert act.talen == ["pl"] and act.contact.telefoon == "0223 000 000"
    report = result.report()
    assert "Klingon" in report and "Kies de goede soort" in report


def test_unmappable_schedules_are_reported_not_guessed(tmp_path):
    notes: list[str] = []
    assert (
        hsds_import.schedule_items(
            {
                "freq": "MONTHLY",
                "bymonthday": "15",
                "opens_at": "10:00",
                "closes_at": "11:00",
                "description": "Elke 15e",
            },
            notes,
        )
        == []
    )
    assert "Elke 15e" in notes[0] and "bymonthday" in notes[0]
    assert hsds_import.schedule_items({"freq": "WEEKLY", "byday": "TU", "description": "Zonder tijd"}, notes) == []
    assert "begintijd" in notes[1]
