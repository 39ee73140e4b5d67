"""`wegwijzer import-hsds` on the Open Referral UK example feeds: contact routes, costs and the source's check come in.

Before, the report said "Niet overgenomen velden: accreditations, alert, assurer_email, contacts, fees, funding"
and the phone numbers, e-mail addresses, costs and the assurance date were lost.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import ROOT
from entries import offer, place, write_project
from wegwijzer.core.load import load_catalog
from wegwijzer.opendata import hsds, hsds_import, ids
from wegwijzer.tools import cli

ORUK = ROOT / "tests" / "fixtures" / "hsds" / "oruk"  # vendored, see tests/fixtures/hsds/README.md
FEEDS = sorted(p.name for p in ORUK.glob("*.json"))
CARRIED = ("contacts", "fees", "assurer_email", "alert", "assured_date", "phones", "email", "url", "cost_options")


def _left_out(report: str) -> set[str]:
    fields: set[str] = set()
    for line in re.findall(r"Niet overgenomen velden: ([^.]*)\.", report):
        fields |= {f.strip() for f in line.split(",")}
    return fields


def test_the_fixture_feeds_are_there():
    expected = [f"{kind}-service_{shape}.json" for kind in ("Default", "Fail", "Warn") for shape in ("full", "list")]
    assert expected == FEEDS


@pytest.mark.parametrize("name", FEEDS)
def test_no_contact_cost_or_check_field_is_left_out(name, tmp_path):
    result = hsds_import.import_file(ORUK / name, tmp_path)
    report = result.report()
    assert not _left_out(report) & set(CARRIED), report
    assert _left_out(report) <= {"accreditations", "funding"}, report
    assert cli.main(["validate", "--root", str(tmp_path)]) == 0 or not result.files


def test_default_feed_keeps_email_website_costs_and_the_assurance_date(tmp_path):
    result = hsds_import.import_file(ORUK / "Default-service_full.json", tmp_path)
    (act,) = load_catalog(tmp_path).activities.values()
    assert (act.contact.email, act.contact.website) == ("email@example.com", "http://example.com/counselling")
    assert (act.kosten.bedrag, act.kosten.uitleg) == (35, "Under 18s and Over 60s per 1 hour session")
    # The source's check, never ours.
    assert act.bron_gecontroleerd_op == dt.date(2005, 1, 1) and act.gecontroleerd_op is None
    report = result.report()
    assert "Contactpersoon in de bron: Ann Persona (Reception Manager). Niet overgenomen" in report
    assert "De bron meldt: 'Following COVID-19" in report
    assert "De bron noemt geen munt (currency)" in report and "De prijs gold tot 2022-12-31" in report
    assert "Over de kosten zegt de bron ook: 'fees_description'" in report
    text = next((tmp_path / "activities").glob("*.yaml")).read_text(encoding="utf-8")
    assert "gecontroleerd_op:\nbron_gecontroleerd_op: 2005-01-01\n" in text


def test_fail_feed_refuses_a_broken_email_and_website_with_a_dutch_line(tmp_path):
    report = hsds_import.import_file(ORUK / "Fail-service_full.json", tmp_path).report()
    assert "E-mailadres 'email-example_com' is niet overgenomen: het klopt niet." in report
    assert "Webadres 'example/counselling' is niet overgenomen: het klopt niet." in report
    (act,) = load_catalog(tmp_path).activities.values()
    assert act.contact is None


def test_the_hsds_example_keeps_the_phone_with_when_it_is_open(tmp_path):
    hsds_import.import_file(ROOT / "tests" / "fixtures" / "hsds" / "service_full.json", tmp_path)
    (act,) = load_catalog(tmp_path).activities.values()
    assert act.contact.telefoon == "+44 1234 234567"
    assert act.contact.bereikbaar.startswith("Our main reception phone number. The phones will be available from 0800")


def test_a_contact_persons_line_is_used_only_without_an_own_one_and_their_name_never(tmp_path):
    person = {"name": "Ann Persona", "email": "ann@voorbeeld.nl", "phones": [{"number": "0223 111 222"}]}
    own = {"phones": [{"number": "0223 123 456"}], "email": "info@voorbeeld.nl"}
    services = [
        {"name": "Zonder eigen nummer", "contacts": [person]},
        {"name": "Met eigen nummer", "contacts": [person], **own},
    ]
    result = hsds_import.import_services(services, "feed.json", tmp_path / "locations", tmp_path / "activities")
    cat = load_catalog(tmp_path)
    borrowed = cat.activities["zonder-eigen-nummer"].contact
    assert (borrowed.telefoon, borrowed.email) == ("0223 111 222", "ann@voorbeeld.nl")
    mine = cat.activities["met-eigen-nummer"].contact
    assert (mine.telefoon, mine.email) == ("0223 123 456", "info@voorbeeld.nl")
    assert "Ann Persona" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "activities").iterdir())
    assert result.report().count("Contactpersoon in de bron: Ann Persona.") == 2


def test_round_trip_keeps_the_sources_check_date_apart_from_ours(tmp_path):
    """An entry checked by its source (not by us) comes back the same; our own check comes back as the source's."""
    project = write_project(
        tmp_path / "project",
        {"buurtkamer-test": place()},
        {
            "van-de-bron": offer(naam="Van de bron", bron_gecontroleerd_op="2025-03-01"),
            "door-ons": offer(naam="Door ons", gecontroleerd_op="2026-01-05", bron_gecontroleerd_op="2025-03-01"),
        },
    )
    feed = tmp_path / "feed.json"
    feed.write_text(ids.dumps(hsds.hsds_services(load_catalog(project))), encoding="utf-8")
    hsds_import.import_file(feed, tmp_path / "again")
    again = {a.naam: a for a in load_catalog(tmp_path / "again").activities.values()}
    assert (again["Van de bron"].bron_gecontroleerd_op, again["Van de bron"].gecontroleerd_op) == (
        dt.date(2025, 3, 1),
        None,
    )
    assert (again["Door ons"].bron_gecontroleerd_op, again["Door ons"].gecontroleerd_op) == (dt.date(2026, 1, 5), None)
