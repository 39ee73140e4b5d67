"""Open data out: every entry is in every file, the files parse, and they are the same on every build."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from conftest import FIXED_EPOCH, ROOT
from wegwijzer.core import describe, guard, vocab
from wegwijzer.opendata import hsds, ical, ids, jsonld, table, view

HSDS_SCHEMA = ROOT / "schema" / "hsds-3.0" / "service_with_definitions.json"  # vendored, see its README
BUILD_DATE = dt.datetime.fromtimestamp(int(FIXED_EPOCH), dt.UTC).date()
SCRIPT_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def services(site):
    return json.loads((site / "open-data/hsds/services.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def calendar(site):
    from icalendar import Calendar

    return Calendar.from_ical((site / "open-data/activiteiten.ics").read_bytes())


def test_hsds_services_validate_against_the_hsds_schema(services):
    import jsonschema

    schema = json.loads(HSDS_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = [(s["name"], e.message, list(e.absolute_path)) for s in services for e in validator.iter_errors(s)]
    assert errors == []


def test_every_offer_is_an_hsds_service_with_its_places_and_times(services, catalog):
    by_id = {s["id"]: s for s in services}
    assert set(by_id) == {ids.service_uid(a) for a in catalog.activities.values()}
    assert [s["id"] for s in services] == [ids.service_uid(a) for a in catalog.activities.values()]
    for act in catalog.activities.values():
        svc = by_id[ids.service_uid(act)]
        assert svc["name"] == act.naam
        assert svc["organization"]["name"] == act.organisatie
        assert svc["organization_id"] == ids.org_uid(act.organisatie)
        assert [s["location"]["name"] for s in svc["service_at_locations"]] == [p.naam for p in catalog.places_of(act)]
        scheduled = svc["schedules"] + [x for s in svc["service_at_locations"] for x in s["schedules"]]
        assert len(scheduled) == len(act.schema)
        assert sorted(x["description"] for x in scheduled) == sorted(describe.schedule_line(i) for i in act.schema)
        # an area that is not known ('onbekend') is left out, not written as an area
        assert [a["name"] for a in svc["service_areas"]] == [ids.area_name(catalog, g) for g in ids.known_areas(act)]
        assert [lang["code"] for lang in svc["languages"]] == list(act.talen)
        if act.contact and act.contact.telefoon:
            assert svc["phones"][0]["number"] == act.contact.telefoon
        if act.kosten and act.kosten.free:
            assert svc["cost_options"][0]["amount"] == 0


def test_hsds_schedules_use_ical_rules(services, catalog):
    by_id = {s["id"]: s for s in services}
    seen = set()
    for act in catalog.activities.values():
        svc = by_id[ids.service_uid(act)]
        scheduled = {
            x["description"]: x
            for x in svc["schedules"] + [x for s in svc["service_at_locations"] for x in s["schedules"]]
        }
        for item in act.schema:
            sched = scheduled[describe.schedule_line(item)]
            assert sched["opens_at"] == item.van
            if item.datum:
                assert (sched["freq"], sched["count"], sched["dtstart"]) == ("WEEKLY", 1, item.datum.isoformat())
                seen.add("datum")
            elif item.herhaling == "maandelijks":
                assert sched["freq"] == "MONTHLY"
                assert sched["byday"] == f"{item.week}{vocab.ICAL_DAY[item.dag]}"
                seen.add("maandelijks")
            else:
                assert sched["freq"] == "WEEKLY" and sched["byday"] == vocab.ICAL_DAY[item.dag]
                assert sched["interval"] == (2 if item.herhaling == "tweewekelijks" else 1)
                seen.add(item.herhaling)
            if item.eind:
                assert sched["until"] == item.eind.isoformat()
    assert {"wekelijks", "maandelijks"} <= seen


def test_hsds_locations_list_every_place(site, catalog):
    items = json.loads((site / "open-data/hsds/locations.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == [ids.location_uid(p) for p in catalog.locations.values()]
    assert [i["external_identifier"] for i in items] == list(catalog.locations)
    for item, loc in zip(items, catalog.locations.values(), strict=False):
        assert (item["latitude"], item["longitude"]) == (loc.coordinaten.lat, loc.coordinaten.lon)


def test_csv_opens_in_excel_and_round_trips(site, catalog):
    raw = (site / "open-data/aanbod.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte order mark"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [r["id"] for r in rows] == list(catalog.activities)
    for row in rows:
        act = catalog.activities[row["id"]]
        assert row["uuid"] == ids.service_uid(act)
        assert row["naam"] == act.naam
        assert row["beschrijving"] == (act.beschrijving or "")  # newlines and ';' survive
        assert row["themas"].split(", ") == list(act.themas)
        assert row["wanneer"] == " | ".join(describe.schedule_line(i) for i in act.schema)
        assert row["gratis"] in ("ja", "nee", "")


def test_csv_cells_cannot_start_a_formula():
    assert guard.safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert guard.safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert guard.safe_cell("-cmd") == "'-cmd"
    assert guard.safe_cell("+1+cmd|' /C calc'!A0") == "'+1+cmd|' /C calc'!A0"
    assert guard.safe_cell('-1+HYPERLINK("http://x")') == '\'-1+HYPERLINK("http://x")'
    assert guard.safe_cell("\t=1") == "'\t=1" and guard.safe_cell("\r=1") == "'\r=1"
    assert guard.safe_cell("+31 223 123 456", phone=True) == "+31 223 123 456"  # a phone number stays readable
    assert guard.safe_cell("+1+cmd|x", phone=True) == "'+1+cmd|x"  # but not a formula in the phone column
    for text in ("Gewone tekst", "XL-maat", "'t Dorpshuis", "0223 123 456"):
        assert guard.safe_cell(text) == text
    assert guard.safe_cell("-1-2") == "'-1-2"  # outside a phone column: Excel would show -3
    assert guard.safe_cell("") == ""


def test_geojson_has_every_place_as_a_point(site, catalog):
    data = json.loads((site / "open-data/plekken.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert [f["id"] for f in data["features"]] == list(catalog.locations)
    for feature in data["features"]:
        loc = catalog.locations[feature["id"]]
        assert feature["geometry"] == {"type": "Point", "coordinates": [loc.coordinaten.lon, loc.coordinaten.lat]}
        assert feature["properties"]["uuid"] == ids.location_uid(loc)
        assert feature["properties"]["aanbod"] == [a.id for a in catalog.activities_at.get(loc.id, [])]


def test_ics_has_a_timezone_and_the_right_rrules(calendar, catalog):
    zones = [c for c in calendar.walk("VTIMEZONE")]
    assert [str(z["TZID"]) for z in zones] == ["Europe/Amsterdam"]
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    expected = 0
    kinds = set()
    for act in catalog.activities.values():
        places = catalog.places_of(act)
        for i, item in enumerate(act.schema):
            if not describe.is_current(item, BUILD_DATE):
                continue
            where = [p for p in places if p.id == item.plek] if item.plek else places
            for loc in where or [None]:
                parts = ["aanbod", act.id, "schema", str(i)] + (["plek", loc.id] if loc else [])
                event = events[ids.uid(*parts) + "@wegwijzer-van-de-kop"]
                expected += 1
                assert str(event["SUMMARY"]) == act.naam
                start = event.decoded("DTSTART")
                assert str(start.tzinfo) == "Europe/Amsterdam"
                assert start.strftime("%H:%M") == item.van
                assert event.decoded("DTSTAMP") == dt.datetime.combine(BUILD_DATE, dt.time(0), dt.UTC)
                if item.datum:
                    assert "RRULE" not in event and start.date() == item.datum
                    kinds.add("datum")
                    continue
                rule = event["RRULE"]
                day = vocab.ICAL_DAY[item.dag]
                assert describe.DAYS[start.weekday()] == item.dag
                if item.herhaling == "maandelijks":
                    assert rule["FREQ"] == ["MONTHLY"] and rule["BYDAY"] == [f"{item.week}{day}"]
                else:
                    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == [day]
                    assert rule.get("INTERVAL", [1]) == [2 if item.herhaling == "tweewekelijks" else 1]
                if item.start:
                    assert start.date() >= item.start
                if item.eind:
                    assert rule["UNTIL"][0].date() in (item.eind, item.eind + dt.timedelta(days=1))
                kinds.add(item.herhaling)
    assert len(events) == expected
    assert {"wekelijks", "maandelijks"} <= kinds


def test_first_occurrence_follows_the_rule():
    from wegwijzer.core.model import ScheduleItem

    last_sat = ScheduleItem(
        dag="zaterdag", van="09:30", tot="11:00", herhaling="maandelijks", week=-1, start=dt.date(2027, 2, 1)
    )
    assert ical.first_occurrence(last_sat) == dt.date(2027, 2, 27)
    second_tue = ScheduleItem(
        dag="dinsdag", van="10:00", tot="11:00", herhaling="maandelijks", week=2, start=dt.date(2027, 3, 10)
    )
    assert ical.first_occurrence(second_tue) == dt.date(2027, 4, 13)
    weekly = ScheduleItem(dag="maandag", van="10:00", tot="11:00", start=dt.date(2027, 1, 5))
    assert ical.first_occurrence(weekly) == dt.date(2027, 1, 11)


def test_one_calendar_per_woonkern_with_only_its_places(site, catalog):
    from icalendar import Calendar

    total = 0
    for kern in catalog.region.kernen():
        path = site / f"open-data/ics/{kern.id}.ics"
        cal = Calendar.from_ical(path.read_bytes())
        for event in cal.walk("VEVENT"):
            total += 1
            names = {p.naam for p in catalog.places_in.get(kern.id, [])}
            assert str(event["LOCATION"]).split(",")[0] in names
    with_place = sum(
        1 for e in Calendar.from_ical((site / "open-data/activiteiten.ics").read_bytes()).walk("VEVENT") if "GEO" in e
    )
    assert total == with_place > 0


def test_entry_pages_carry_schema_org_json_ld(site, catalog):
    for loc in catalog.locations.values():
        html = (site / loc.url / "index.html").read_text(encoding="utf-8")
        scripts = SCRIPT_RE.findall(html)
        assert len(scripts) == 1, loc.id
        data = json.loads(scripts[0])
        assert data["@type"] == "Place" and data["name"] == loc.naam
        assert data["geo"]["latitude"] == loc.coordinaten.lat
    for act in catalog.activities.values():
        html = (site / act.url / "index.html").read_text(encoding="utf-8")
        scripts = SCRIPT_RE.findall(html)
        assert len(scripts) == 1, act.id
        graph = json.loads(scripts[0])["@graph"]
        types = [n["@type"] for n in graph]
        recurring = [i for i in act.schema if not i.datum]
        coming = [i for i in act.schema if i.datum and i.datum >= BUILD_DATE]  # one Event per coming date
        assert types == ["Service"] + ["Event"] * (bool(recurring) + len(coming)), act.id
        assert graph[0]["name"] == act.naam and graph[0]["provider"]["name"] == act.organisatie
        if recurring:
            schedules = graph[1]["eventSchedule"]
            assert len(schedules) == len(recurring)
            assert all(s["@type"] == "Schedule" and s["scheduleTimezone"] == "Europe/Amsterdam" for s in schedules)
        singles = graph[1 + bool(recurring) :]
        assert [e["startDate"][:10] for e in singles] == [i.datum.isoformat() for i in coming]


def test_json_ld_cannot_break_out_of_its_script():
    out = str(jsonld.jsonld_script({"name": "</script><script>alert(1)</script> & co"}))
    assert out.count("</script>") == 1
    assert json.loads(SCRIPT_RE.findall(out)[0])["name"] == "</script><script>alert(1)</script> & co"


_EXPORT_DIGESTS = """
import datetime as dt, hashlib, json, sys
from pathlib import Path
from wegwijzer.core.load import load_catalog
from wegwijzer.opendata import view
files = view.all_files(load_catalog(Path(sys.argv[1])), dt.date.fromisoformat(sys.argv[2]))
data = {k: (v.encode("utf-8") if isinstance(v, str) else v) for k, v in files.items()}
print(json.dumps({k: hashlib.sha256(v).hexdigest() for k, v in sorted(data.items())}))
"""


def _export_digests(seed: str) -> dict[str, str]:
    """The digests of every open data file, made in a new Python process with this hash seed."""
    env = dict(os.environ, PYTHONHASHSEED=seed)
    args = [sys.executable, "-c", _EXPORT_DIGESTS, str(ROOT), BUILD_DATE.isoformat()]
    return json.loads(subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout)


def test_exports_are_deterministic(site):
    """Two processes (with another order of sets and dicts of text) write the same bytes as the build."""
    first, second = _export_digests("1"), _export_digests("2")
    assert first == second
    assert len(first) > 10
    for path, digest in first.items():
        assert hashlib.sha256((site / path).read_bytes()).hexdigest() == digest, path


def test_open_data_page_links_to_every_file(site, catalog):
    html = (site / "open-data/index.html").read_text(encoding="utf-8")
    assert "CC BY 4.0" in html
    links = set(re.findall(r'href="([^"#]+\.(?:csv|geojson|ics|json))"', html))
    for name in ("aanbod.csv", "plekken.geojson", "activiteiten.ics", "hsds/services.json", "hsds/locations.json"):
        assert name in links
    for kern in catalog.region.kernen():
        assert f"ics/{kern.id}.ics" in links
    for link in links:
        assert (site / "open-data" / link).is_file(), link


def test_ics_text_is_escaped_and_folded_safely(tmp_path):
    from icalendar import Calendar

    from entries import offer, place, write_project
    from wegwijzer.core.load import load_catalog

    name = "Koffie, thee; en \\ meer: één café in Den Helder met een hele lange naam voor de kalender"
    summary = "Praat mee, drink koffie; één keer per week \\ gezellig."
    write_project(tmp_path, {"buurtkamer-test": place()}, {"koffie": offer(naam=name, samenvatting=summary)})
    events = ical.calendar_events(load_catalog(tmp_path), dt.date(2026, 11, 18))
    raw = ical.ics_bytes([event for _, _, event in events], "Test, agenda")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    raw.decode("utf-8")  # folding never cut a character in half
    cal = Calendar.from_ical(raw)
    assert b"\r\nX-WR-CALNAME:Test\\, agenda\r\n" in raw  # a TEXT value: the comma is escaped
    (parsed,) = cal.walk("VEVENT")
    assert str(parsed["SUMMARY"]) == name
    assert str(parsed["DESCRIPTION"]).split("\n") == [summary, "Elke dinsdag, 10:00 tot 12:00 uur"]
    assert parsed["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=TU"
    assert parsed.decoded("DTSTART") == dt.datetime(2026, 1, 6, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_ics_text_cannot_start_a_new_line():
    """A lone CR (or NEL, LS, PS, ESC) in a text must not let line-based readers see an injected property."""
    for sep in ("\r", "\n", "\r\n", "\x85", "\u2028", "\u2029", "\x1b"):
        escaped = ical.ical_text(f"Koffie{sep}URL:https://kwaad.example")
        assert not any(c in escaped for c in "\r\n\x85\u2028\u2029\x1b"), repr(escaped)
    assert ical.ical_text("a\rb") == "a\\nb"


# --- values written out by hand (the golden fixture project, no build) -------------------------


def test_schedule_lines_in_words():
    from wegwijzer.core.model import ScheduleItem

    def line(**fields) -> str:
        return describe.schedule_line(ScheduleItem(van="10:00", tot="11:30", **fields))

    assert line(dag="dinsdag") == "Elke dinsdag, 10:00 tot 11:30 uur"
    assert line(dag="zaterdag", herhaling="maandelijks", week=-1) == (
        "Elke laatste zaterdag van de maand, 10:00 tot 11:30 uur"
    )
    assert (
        line(dag="maandag", herhaling="maandelijks", week=2) == "Elke tweede maandag van de maand, 10:00 tot 11:30 uur"
    )
    assert line(dag="woensdag", herhaling="tweewekelijks", start=dt.date(2026, 9, 2), eind=dt.date(2027, 6, 30)) == (
        "Om de week op woensdag, 10:00 tot 11:30 uur (van 2 september 2026 tot en met 30 juni 2027)"
    )
    assert line(dag="vrijdag", start=dt.date(2027, 1, 8)) == "Elke vrijdag, 10:00 tot 11:30 uur (vanaf 8 januari 2027)"
    assert line(dag="vrijdag", eind=dt.date(2026, 6, 1)) == "Elke vrijdag, 10:00 tot 11:30 uur (tot en met 1 juni 2026)"
    assert line(datum=dt.date(2026, 12, 24), opmerking="Kerstsoep.") == (
        "Donderdag 24 december 2026, 10:00 tot 11:30 uur. Kerstsoep."
    )


def test_uuids_that_partners_store_never_change(golden_catalog):
    act = golden_catalog.activities["taalcafe-proef"]
    place = golden_catalog.locations["dorpshuis-t-proefje"]
    assert ids.service_uid(act) == "3b11d66a-1d30-5d82-96ab-c89091f6e6e7"
    assert ids.location_uid(place) == "cbd45872-746f-5d7b-9e3c-228aa80aadfe"
    assert (
        ids.org_uid("Bibliotheek Proef")
        == ids.org_uid(" bibliotheek proef ")
        == ("d834e06c-5217-5e81-962c-aee0532d4996")
    )


def test_area_names(golden_catalog):
    names = {
        a: ids.area_name(golden_catalog, a) for a in ("den-helder", "texel", "regio", "julianadorp", "willemsoord")
    }
    assert names == {
        "den-helder": "Gemeente Den Helder",
        "texel": "Gemeente Texel",
        "regio": "Kop van Noord-Holland",
        "julianadorp": "Julianadorp",
        "willemsoord": "Willemsoord",
    }


def test_ical_day_codes():
    assert vocab.ICAL_DAY == {
        "maandag": "MO",
        "dinsdag": "TU",
        "woensdag": "WE",
        "donderdag": "TH",
        "vrijdag": "FR",
        "zaterdag": "SA",
        "zondag": "SU",
    }
    assert vocab.DAY_OF_ICAL["SU"] == "zondag"


def test_golden_hsds_services_validate_against_the_hsds_schema(golden_catalog):
    """The same check as on the shipped site, in the fast tier: every kind of schedule, cost and area."""
    import jsonschema

    schema = json.loads(HSDS_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
    services = json.loads(json.dumps(hsds.hsds_services(golden_catalog)))
    assert [(s["name"], e.message) for s in services for e in validator.iter_errors(s)] == []
    broken = dict(services[0], schedules=[{"id": "x", "freq": "YEARLY"}])
    assert list(validator.iter_errors(broken)), "the schema check itself must find a broken service"


# --- the site's address in the open data; the rarer cases, written out by hand -------------------

SITE = "https://wegwijzer.example"  # mkdocs.yml site_url, as OpenDataView passes it (no slash at the end)


def _csv_rows(text: str | bytes) -> dict[str, dict[str, str]]:
    data = text.decode("utf-8") if isinstance(text, bytes) else text
    return {row["id"]: row for row in csv.DictReader(io.StringIO(data.removeprefix("\ufeff")), delimiter=";")}


def _unfolded(ics: bytes) -> list[str]:
    return ics.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_page_addresses_with_and_without_the_site_address():
    assert ids.page_url(SITE, "aanbod/taalcafe/") == "https://wegwijzer.example/aanbod/taalcafe/"
    assert ids.page_url(SITE + "/", "aanbod/taalcafe/") == "https://wegwijzer.example/aanbod/taalcafe/"
    assert ids.page_url("", "aanbod/taalcafe/") == "/aanbod/taalcafe/"
    folder = "https://gemeente.example/wegwijzer-TX/"  # a site in a folder: only the last '/' goes
    assert ids.page_url(folder, "aanbod/taalcafe/") == "https://gemeente.example/wegwijzer-TX/aanbod/taalcafe/"


def test_open_data_links_each_offer_to_its_page_on_the_site(golden_catalog):
    page = "https://wegwijzer.example/aanbod/taalcafe-proef/"
    files = view.all_files(golden_catalog, BUILD_DATE, SITE)
    assert _csv_rows(files["open-data/aanbod.csv"])["taalcafe-proef"]["pagina"] == page
    assert _csv_rows(table.csv_text(golden_catalog))["taalcafe-proef"]["pagina"] == "/aanbod/taalcafe-proef/"
    lines = _unfolded(files["open-data/activiteiten.ics"])
    summary = lines.index("SUMMARY:Taalcafé Proef")
    assert lines[summary + 1].endswith(f"\\n{page}") and lines[summary + 2] == f"URL:{page}"
    without = _unfolded(view.all_files(golden_catalog, BUILD_DATE)["open-data/activiteiten.ics"])
    assert not any(line.startswith("URL:") or "https://wegwijzer" in line for line in without)


def test_json_ld_names_the_pages_with_the_site_address(golden_catalog):
    act = golden_catalog.activities["taalcafe-proef"]
    service, event = jsonld.jsonld_activity(golden_catalog, act, SITE)["@graph"]
    page = "https://wegwijzer.example/aanbod/taalcafe-proef/"
    place_page = "https://wegwijzer.example/plek/dorpshuis-t-proefje/"
    assert (service["@id"], service["url"], event["url"]) == (page, page, page)
    assert [(p["@id"], p["url"]) for p in service["areaServed"]] == [(place_page, place_page)]
    assert [(p["@id"], p["url"]) for p in event["location"]] == [(place_page, place_page)]
    place = jsonld.jsonld_place(golden_catalog, golden_catalog.locations["dorpshuis-t-proefje"], SITE)
    assert (place["@id"], place["url"]) == (place_page, place_page)
    without = jsonld.jsonld_activity(golden_catalog, act)["@graph"]
    assert not any(key in node for node in without for key in ("@id", "url"))
    assert not any(key in p for p in without[0]["areaServed"] for key in ("@id", "url"))


def test_json_files_and_json_ld_are_written_one_way():
    """Keys sorted (the same bytes on every build), letters as they are, no NaN (it is no JSON)."""
    data = {"naam": "Café <De Hoek> & zo", "b": 1.5, "a": [1, 2]}
    assert ids.dumps(data) == '{"a":[1,2],"b":1.5,"naam":"Café <De Hoek> & zo"}\n'
    assert str(jsonld.jsonld_script(data)) == (
        '<script type="application/ld+json">'
        '{"a": [1, 2], "b": 1.5, "naam": "Café \\u003cDe Hoek\\u003e \\u0026 zo"}</script>'
    )
    for write in (ids.dumps, jsonld.jsonld_script):
        with pytest.raises(ValueError):
            write({"lat": float("nan")})


def test_the_phone_column_of_the_csv_stays_readable():
    text = table.csv_document(["naam", "telefoon"], [["-1-2", "+31 223 000 001"]], phone_columns=("telefoon",))
    assert text == "\ufeffnaam;telefoon\r\n'-1-2;+31 223 000 001\r\n"


@pytest.fixture(scope="module")
def rare_cases(tmp_path_factory):
    """Offers with what the golden project has not: an e-mail address, walk-in times without a note, a time
    until midnight, the first week of the month in December, every other week without a start, an area."""
    from entries import offer, place, write_project
    from wegwijzer.core.load import load_catalog

    def when(day: str, **more) -> dict:
        return {"dag": day, "van": "10:00", "tot": "12:00", **more}

    root = tmp_path_factory.mktemp("zeldzaam")
    write_project(
        root,
        {"buurtkamer-test": place()},
        {
            "mail": offer(
                contact={"telefoon": "+31 223 000 001", "email": "info@proef.example"},
                schema=[
                    when("dinsdag", eind="2026-01-31"),  # over before the build: not in the calendar
                    {"dag": "vrijdag", "van": "20:00", "tot": "24:00"},
                    when("maandag", herhaling="maandelijks", week=1, start="2026-12-08"),
                ],
                inloop=[when("woensdag"), when("donderdag", opmerking="Niet in de zomer.")],
            ),
            "gebied": offer(
                plekken=[],
                gebied=["texel", "regio"],
                contact={"website": "https://proef.example"},
                schema=[when("woensdag", herhaling="tweewekelijks")],
            ),
        },
    )
    return load_catalog(root)


def test_rare_cases_in_the_csv(rare_cases):
    rows = _csv_rows(table.csv_text(rare_cases))
    assert (rows["mail"]["email"], rows["mail"]["telefoon"]) == ("info@proef.example", "+31 223 000 001")
    assert rows["mail"]["inloop"] == (
        "Elke woensdag, 10:00 tot 12:00 uur | Elke donderdag, 10:00 tot 12:00 uur. Niet in de zomer."
    )
    assert (rows["gebied"]["email"], rows["gebied"]["telefoon"]) == ("", "")


def test_rare_cases_in_hsds(rare_cases):
    service = hsds.hsds_service(rare_cases, rare_cases.activities["mail"])
    assert service["email"] == "info@proef.example"
    schedules = service["schedules"]  # times without a 'plek' belong to the service itself
    assert [(s["opens_at"], s["closes_at"]) for s in schedules][1] == ("20:00", "23:59")  # HSDS has no 24:00
    walk_in = [s for s in schedules if s.get("attending_type")]
    assert [s["notes"] for s in walk_in] == [hsds.INLOOP, f"{hsds.INLOOP} Niet in de zomer."]
    assert "email" not in hsds.hsds_service(rare_cases, rare_cases.activities["gebied"])


def test_rare_cases_in_the_calendar(rare_cases):
    events = ical.calendar_events(rare_cases, BUILD_DATE)
    assert [uid for _, uid, _ in events] == sorted(uid for _, uid, _ in events)
    by_uid = {uid: (kern, _unfolded(text.encode("utf-8"))) for kern, uid, text in events}

    def event(offer_id: str, i: int, place: str | None = None) -> tuple[str | None, list[str]]:
        parts = ["aanbod", offer_id, "schema", str(i)] + (["plek", place] if place else [])
        return by_uid[ids.uid(*parts) + "@wegwijzer-van-de-kop"]

    assert len(events) == 3  # the ended Tuesday is left out, the two after it are in
    _, late = event("mail", 1, "buurtkamer-test")
    assert "DTEND;TZID=Europe/Amsterdam:20260110T000000" in late  # until midnight: the next day at 00:00
    _, monthly = event("mail", 2, "buurtkamer-test")
    assert "DTSTART;TZID=Europe/Amsterdam:20270104T100000" in monthly  # 7 December was before the start
    kern, fortnightly = event("gebied", 0)
    assert kern is None  # no place: in the calendar of the whole region, in no woonkern's calendar
    assert "LOCATION:Gemeente Texel\\, Kop van Noord-Holland" in fortnightly
    description = next(line for line in fortnightly if line.startswith("DESCRIPTION:"))
    assert description.endswith("\\nOm de week: vraag na in welke week het is.")


def test_rare_cases_in_json_ld(rare_cases):
    service, event = jsonld.jsonld_activity(rare_cases, rare_cases.activities["mail"])["@graph"]
    assert service["provider"] == {"@type": "Organization", "name": "Bibliotheek", "email": "info@proef.example"}
    monthly = event["eventSchedule"][2]
    assert (monthly["byMonthWeek"], monthly["repeatFrequency"]) == (1, "P1M")


def test_the_first_time_of_a_monthly_item():
    from wegwijzer.core.model import ScheduleItem

    def first(day: str, week: int, start: str) -> dt.date:
        item = ScheduleItem(
            dag=day, van="10:00", tot="11:00", herhaling="maandelijks", week=week, start=dt.date.fromisoformat(start)
        )
        return ical.first_occurrence(item)

    assert first("maandag", 1, "2026-06-01") == dt.date(2026, 6, 1)  # the 1st itself is the first Monday
    assert first("maandag", 1, "2026-12-07") == dt.date(2026, 12, 7)  # the start day itself counts
    assert first("maandag", 1, "2026-12-08") == dt.date(2027, 1, 4)  # into the next year
    assert first("woensdag", 4, "2026-11-01") == dt.date(2026, 11, 25)
    assert first("vrijdag", -1, "2026-12-01") == dt.date(2026, 12, 25)  # the last Friday of December
    assert first("donderdag", -1, "2026-12-01") == dt.date(2026, 12, 31)


def test_an_end_date_is_the_end_of_that_day_in_dutch_time(monkeypatch):
    """UNTIL is in UTC: 23:59:59 in Amsterdam, also when the computer that builds is set to another time zone."""
    import time

    from wegwijzer.core.model import ScheduleItem

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        summer = ScheduleItem(dag="maandag", van="10:00", tot="11:00", eind=dt.date(2026, 6, 29))
        winter = ScheduleItem(dag="maandag", van="10:00", tot="11:00", eind=dt.date(2026, 12, 28))
        assert ical.rrule(summer) == "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260629T215959Z"
        assert ical.rrule(winter) == "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261228T225959Z"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_calendar_lines_are_folded_at_75_bytes_between_letters():
    assert ical.fold("A" * 75) == "A" * 75
    assert ical.fold("A" * 76) == "A" * 75 + "\r\n A"
    assert ical.fold("A" * 150) == "A" * 75 + "\r\n " + "A" * 74 + "\r\n A"  # the space counts on the next line
    assert ical.fold("A" * 74 + "é" + "B") == "A" * 74 + "\r\n éB"  # é is two bytes: it moves to the next line


def test_calendar_text_is_escaped_exactly():
    assert ical.ical_text("a\x07b\r\nc\\d;e,f") == "ab\\nc\\\\d\\;e\\,f"
