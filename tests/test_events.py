"""One-off events (schema items with a date): "Binnenkort" lists, ICS, HSDS, JSON-LD, leaflets and the checks."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from conftest import FIXED_EPOCH, ROOT
from entries import offer, place, write_project
from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors

BUILD_DATE = dt.datetime.fromtimestamp(int(FIXED_EPOCH), dt.UTC).date()  # 18 November 2026
WEBINAR = "voorbeeld-webinar-geldzaken"  # dates: 6 October 2026 (past), 25 November 2026, 9 February 2027
HSDS_SCHEMA = ROOT / "schema" / "hsds-3.0" / "service_with_definitions.json"  # vendored, see its README
DATES = re.compile(r'data-ww-datum="(\d{4}-\d{2}-\d{2})"')


def _binnenkort(page: str) -> list[str]:
    section = re.search(r'<section class="ww-section ww-binnenkort".*?</section>', page, re.S)
    assert section, "geen Binnenkort op de pagina"
    return DATES.findall(section.group(0))


def test_binnenkort_lists_coming_events_in_date_order_on_home_area_theme_and_guide_pages(site):
    pages = [
        "index.html",
        "gemeente/den-helder/index.html",
        "thema/geld/index.html",
        "gids/ik-heb-geldzorgen/index.html",
    ]
    for name in pages:
        dates = _binnenkort((site / name).read_text(encoding="utf-8"))
        assert dates == sorted(dates), name
        assert all(d >= BUILD_DATE.isoformat() for d in dates), name
        assert "2026-10-06" not in dates, f"{name}: een datum die voorbij is, staat erin"
    assert "2026-11-25" in _binnenkort((site / "index.html").read_text(encoding="utf-8"))


def test_a_past_date_is_gone_from_lists_and_marked_on_the_page_of_its_offer(site, catalog):
    page = (site / catalog.activities[WEBINAR].url / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="ww-past">Webinar \(online\) op dinsdag 6 oktober 2026, [^<]*\(voorbij\)', page)
    assert 'href="https://www.voorbeeld.nl/webinar-geld" rel="external">Kijk mee via internet</a>' in page
    # cards elsewhere (a guide, a theme, the search index) say only what can still happen
    cards = " ".join(p.read_text(encoding="utf-8") for p in sorted((site / "zoekindex").glob("kaarten-*.json")))
    guide = (site / "gids/ik-heb-geldzorgen/index.html").read_text(encoding="utf-8")
    for text in (guide, cards):
        assert "25 november 2026" in text and "6 oktober 2026" not in text


@pytest.mark.browser
def test_the_browser_hides_events_that_passed_after_the_build(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL")
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2026, 11, 26, 9, 0))  # the day after the webinar of 25 November
    page.goto(server)
    passed = page.locator('[data-ww-binnenkort] [data-ww-datum="2026-11-25"]')
    coming = page.locator('[data-ww-binnenkort] [data-ww-datum="2027-02-09"]')
    assert passed.count() == 1 and not passed.is_visible()
    assert coming.is_visible()
    # on the page with every event, November has nothing left: its heading goes too
    page.goto(server + "binnenkort/")
    assert not page.get_by_role("heading", name="November 2026").is_visible()
    assert page.get_by_role("heading", name="Februari 2027").is_visible()
    context.close()


def test_the_page_binnenkort_has_every_coming_event_by_month_and_every_list_links_to_it(site, catalog):
    from wegwijzer.core import events

    page = (site / "binnenkort/index.html").read_text(encoding="utf-8")
    dates = DATES.findall(page)
    coming = events.upcoming(catalog.listed(), BUILD_DATE)
    assert len(coming) > events.BINNENKORT  # more than a list shows, so the page adds something
    assert dates == sorted(dates) == [u.datum.isoformat() for u in coming]
    assert "2026-10-06" not in dates
    months = re.findall(r'<h2 id="maand-\d+">([^<]+)</h2>', page)
    assert months[:2] == ["November 2026", "Januari 2027"] and len(months) == len(set(months))
    for name in ("index.html", "gemeente/den-helder/index.html", "gids/ik-heb-geldzorgen/index.html"):
        link = 'href="' + "../" * name.count("/") + 'binnenkort/">Alles wat binnenkort is in de regio</a>'
        assert link in (site / name).read_text(encoding="utf-8"), name


def test_events_are_single_ics_events_with_their_kind_and_online_place(site):
    from icalendar import Calendar

    calendar = Calendar.from_ical((site / "open-data/activiteiten.ics").read_bytes())
    webinars = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Webinar: grip op je geld"]
    starts = sorted(e.decoded("DTSTART") for e in webinars)
    assert [s.date() for s in starts] == [dt.date(2026, 11, 25), dt.date(2027, 2, 9)]  # not 6 October
    for event in webinars:
        assert "RRULE" not in event
        assert str(event.decoded("DTSTART").tzinfo) == "Europe/Amsterdam" and event.decoded("DTSTART").hour == 19
        assert str(event["LOCATION"]) == "Online" and "GEO" not in event
        assert "Webinar" in [str(c) for c in event["CATEGORIES"].cats]
        assert "https://www.voorbeeld.nl/webinar-geld" in str(event["DESCRIPTION"])
    markt = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Vrijwilligersmarkt")
    assert "Markt" in [str(c) for c in markt["CATEGORIES"].cats] and "GEO" in markt
    # the per-woonkern calendar of the market's place has it; a webinar is in none of them
    kern = (site / "open-data/ics/den-helder-stad.ics").read_bytes()
    assert b"Vrijwilligersmarkt" in kern and b"grip op je geld" not in kern


def test_hsds_schedules_of_events_are_schema_valid_with_link_and_kind(site):
    services = json.loads((site / "open-data/hsds/services.json").read_text(encoding="utf-8"))
    webinar = next(s for s in services if s["name"] == "Webinar: grip op je geld")
    assert len(webinar["schedules"]) == 3
    for schedule in webinar["schedules"]:
        assert schedule["count"] == 1 and schedule["dtstart"] == schedule["until"]
        assert schedule["schedule_link"] == "https://www.voorbeeld.nl/webinar-geld"
        assert schedule["attending_type"].startswith("Online") and schedule["notes"].startswith("Soort: Webinar.")
    import jsonschema

    schema = json.loads(HSDS_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
    dated = [s for s in services if any(x.get("count") == 1 for x in s["schedules"])]
    assert dated and [e.message for s in dated for e in validator.iter_errors(s)] == []


def test_json_ld_has_an_event_per_coming_date(site, catalog):
    page = (site / catalog.activities[WEBINAR].url / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    events = [n for n in data["@graph"] if n["@type"] == "Event"]
    assert [e["startDate"] for e in events] == ["2026-11-25T19:30:00+01:00", "2027-02-09T19:30:00+01:00"]
    for event in events:
        assert event["name"] == "Webinar: grip op je geld"  # the kind is not said twice
        assert event["location"] == {"@type": "VirtualLocation", "url": "https://www.voorbeeld.nl/webinar-geld"}
        assert event["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    market = catalog.activities["voorbeeld-vrijwilligersmarkt-den-helder"]
    page = (site / market.url / "index.html").read_text(encoding="utf-8")
    graph = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))["@graph"]
    assert [n["@type"] for n in graph] == ["Service", "Event"]
    assert graph[1]["location"][0]["@type"] == "Place" and graph[1]["name"] == "Markt: Vrijwilligersmarkt"


def test_the_leaflet_of_an_area_lists_its_coming_events(site):
    text = (site / "folder/den-helder/index.html").read_text(encoding="utf-8")
    section = re.search(r'id="f-binnenkort".*?</section>', text, re.S).group(0)
    assert "Zaterdag 20 maart 2027" in section and "Vrijwilligersmarkt" in section
    assert "6 oktober 2026" not in section


def test_the_checks_of_a_dated_item_in_dutch_all_at_once(tmp_path):
    write_project(
        tmp_path,
        {"buurtkamer-test": place()},
        {
            "fout": offer(
                schema=[
                    {"datum": "2027-03-04", "van": "19:00", "tot": "20:00", "evenement": "webinar"},
                    {"dag": "dinsdag", "van": "10:00", "tot": "12:00", "evenement": "markt"},
                    {"datum": "2027-03-05", "van": "19:00", "tot": "20:00", "link": "https://www.voorbeeld.nl/x"},
                    {"datum": "2027-03-06", "van": "19:00", "tot": "20:00", "evenement": "feest"},
                ]
            )
        },
    )
    with pytest.raises(EntryErrors) as info:
        load_catalog(tmp_path)
    text = str(info.value)
    assert "'feest' is geen geldige keuze. Kies uit: voorlichting, webinar, bijeenkomst, markt." in text
    # the model refused the file, so fix that one and see the checks across the fields
    (tmp_path / "activities" / "fout.yaml").write_text(
        (tmp_path / "activities" / "fout.yaml").read_text(encoding="utf-8").replace("feest", "markt"), encoding="utf-8"
    )
    with pytest.raises(EntryErrors) as info:
        load_catalog(tmp_path)
    text = str(info.value)
    assert "veld 'schema, regel 1, evenement': fout: Bij een webinar hoort een link" in text
    assert "veld 'schema, regel 2, evenement': fout: 'evenement' hoort bij één datum." in text
    assert "veld 'schema, regel 3, link': fout: Een link hoort bij een webinar." in text
