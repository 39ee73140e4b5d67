"""Open data out: HSDS 3.0 JSON, CSV, GeoJSON, iCalendar and schema.org JSON-LD.

Everything here is made from the Catalog (never from YAML) and is deterministic:
ids are uuid5 values derived from entry ids, lists are sorted, JSON keys are
sorted, and the only date in the output is the build date (``plugin.today``).

Files (under ``/open-data/``):
- ``hsds/services.json``   list of compiled HSDS 3.0 services (one per offer)
- ``hsds/locations.json``  list of HSDS 3.0 locations (one per place, also places without offers)
- ``aanbod.csv``           one row per offer; UTF-8 with BOM and ';' so Excel opens it
- ``plekken.geojson``      every place as a GeoJSON point
- ``activiteiten.ics``     every recurring or dated activity (RRULE, Europe/Amsterdam)
- ``ics/<kern>.ics``       the same, only the activities at places in that woonkern
Entry pages get a ``<script type="application/ld+json">`` block (see ``page_context``).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import uuid
from zoneinfo import ZoneInfo

from markupsafe import Markup

from wegwijzer.core import describe, text
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.model import Activity, Location, ScheduleItem
from wegwijzer.core.region import REGION_ID, REGION_NAME

# Never change these: partners store our uuids.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wegwijzer-van-de-kop.nl/open-data")
ORG_NAMESPACE = uuid.uuid5(NAMESPACE, "organisatie")
TZID = "Europe/Amsterdam"
TZ = ZoneInfo(TZID)
# Recurring items without a start date begin on the first matching day on/after this date.
ANCHOR = dt.date(2026, 1, 5)
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
PUBLISHER = "De Wegwijzer van de Kop"
FOLDER = "open-data"

BYDAY = {
    "maandag": "MO",
    "dinsdag": "TU",
    "woensdag": "WE",
    "donderdag": "TH",
    "vrijdag": "FR",
    "zaterdag": "SA",
    "zondag": "SU",
}
SCHEMA_DAY = {
    "maandag": "Monday",
    "dinsdag": "Tuesday",
    "woensdag": "Wednesday",
    "donderdag": "Thursday",
    "vrijdag": "Friday",
    "zaterdag": "Saturday",
    "zondag": "Sunday",
}
WEEKDAY_NUM = {d: i for i, d in enumerate(BYDAY)}  # maandag = 0, like date.weekday()


@functools.lru_cache(maxsize=65536)
def uid(*parts: str) -> str:
    """Stable uuid for a thing in the catalogue, e.g. uid('aanbod', 'taalcafe')."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def org_uid(name: str) -> str:
    return str(uuid.uuid5(ORG_NAMESPACE, name.strip().casefold()))


def service_uid(act: Activity) -> str:
    return uid("aanbod", act.id)


def location_uid(loc: Location) -> str:
    return uid("plek", loc.id)


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def page_url(base: str, path: str) -> str:
    """Address of a page: absolute when the site has a site_url, else from the site root."""
    return (base.rstrip("/") + "/" + path) if base else "/" + path


def area_name(cat: Catalog, area_id: str) -> str:
    if area_id == REGION_ID:
        return REGION_NAME
    area = cat.region.areas[area_id]
    return f"Gemeente {area.naam}" if area.level == "gemeente" else area.naam


# --- HSDS 3.0 --------------------------------------------------------------------------


def _phones(owner: str, contact) -> list[dict]:
    if not contact or not contact.telefoon:
        return []
    return [{"id": uid(owner, "telefoon"), "number": contact.telefoon, "type": "voice"}]


def _hsds_time(value: str) -> str:
    return "23:59" if value == "24:00" else value


def hsds_schedule(item: ScheduleItem, schedule_id: str) -> dict:
    """One schedule item as an HSDS schedule (iCal-style fields; local Dutch time)."""
    out = {
        "id": schedule_id,
        "opens_at": _hsds_time(item.van),
        "closes_at": _hsds_time(item.tot),
        "description": describe.schedule_line(item),
        "wkst": "MO",
    }
    if item.opmerking:
        out["notes"] = item.opmerking
    if item.datum:
        day = BYDAY[describe.DAYS[item.datum.weekday()]]
        out.update(
            freq="WEEKLY",
            byday=day,
            count=1,
            dtstart=item.datum.isoformat(),
            until=item.datum.isoformat(),
            valid_from=item.datum.isoformat(),
            valid_to=item.datum.isoformat(),
        )
        return out
    day = BYDAY[item.dag]
    if item.herhaling == "maandelijks":
        out.update(freq="MONTHLY", interval=1, byday=f"{item.week}{day}")
    else:
        out.update(freq="WEEKLY", interval=2 if item.herhaling == "tweewekelijks" else 1, byday=day)
    if item.start:
        out["dtstart"] = item.start.isoformat()
        out["valid_from"] = item.start.isoformat()
    if item.eind:
        out["until"] = item.eind.isoformat()
        out["valid_to"] = item.eind.isoformat()
    return out


def _opening_schedule(loc: Location, i: int, hours) -> dict:
    out = {
        "id": uid("plek", loc.id, "open", str(i)),
        "freq": "WEEKLY",
        "interval": 1,
        "wkst": "MO",
        "byday": BYDAY[hours.dag],
        "opens_at": _hsds_time(hours.van),
        "closes_at": _hsds_time(hours.tot),
        "description": f"{hours.dag.capitalize()}: {describe.time_range(hours.van, hours.tot)}",
    }
    if hours.opmerking:
        out["notes"] = hours.opmerking
    return out


def _attribute(owner: str, taxonomy: str, code: str, name: str, description: str) -> dict:
    term_id = uid("taxonomie", taxonomy, code)
    return {
        "id": uid(owner, "kenmerk", taxonomy, code),
        "link_entity": "location" if owner.startswith("plek/") else "service",
        "taxonomy_term_id": term_id,
        "value": code,
        "taxonomy_term": {"id": term_id, "code": code, "name": name, "description": description, "taxonomy": taxonomy},
    }


def _list_attribute(owner: str, list_name: str, code: str) -> dict:
    item = describe._LISTS[list_name][code]
    return _attribute(owner, f"wegwijzer-{list_name}", code, item["label"], item.get("uitleg") or item["label"])


def hsds_location(cat: Catalog, loc: Location, base: str = "") -> dict:
    owner = f"plek/{loc.id}"
    desc = describe.label("plek_soorten", loc.soort) + " in " + cat.region.areas[loc.woonkern].naam + "."
    if loc.beschrijving:
        desc += "\n\n" + loc.beschrijving
    out = {
        "id": location_uid(loc),
        "location_type": "physical",
        "name": loc.naam,
        "description": desc,
        "latitude": loc.coordinaten.lat,
        "longitude": loc.coordinaten.lon,
        "external_identifier": loc.id,
        "external_identifier_type": "wegwijzer-id",
        "phones": _phones(owner, loc.contact),
        "schedules": [_opening_schedule(loc, i, h) for i, h in enumerate(loc.openingstijden)],
        "accessibility": [
            {"id": uid(owner, "toegankelijkheid", a), "description": describe.label("toegankelijkheid", a)}
            for a in loc.toegankelijkheid
        ],
        "attributes": [_list_attribute(owner, "plek_soorten", loc.soort)],
        "addresses": [],
    }
    if loc.organisatie:
        out["organization_id"] = org_uid(loc.organisatie)
    if loc.contact and loc.contact.website:
        out["url"] = loc.contact.website
    adres = loc.adres
    if adres and adres.straat and adres.postcode:
        # HSDS requires street, postcode, province and country; a partial address stays out.
        out["addresses"].append(
            {
                "id": uid(owner, "adres"),
                "address_1": " ".join(p for p in (adres.straat, adres.huisnummer) if p),
                "city": adres.plaats,
                "region": cat.region.areas[loc.gemeente].naam,
                "state_province": "Noord-Holland",
                "postal_code": adres.postcode,
                "country": "NL",
                "address_type": "physical",
            }
        )
    elif adres:
        out["transportation"] = f"Plaats: {adres.plaats}."
    return out


def hsds_service(cat: Catalog, act: Activity, base: str = "", locations: dict | None = None) -> dict:
    """One offer as a compiled HSDS service. locations: a cache of hsds_location results by place id."""
    locations = {} if locations is None else locations
    owner = f"aanbod/{act.id}"
    description = act.samenvatting + ("\n\n" + act.beschrijving if act.beschrijving else "")
    org = {
        "id": org_uid(act.organisatie),
        "name": act.organisatie,
        "description": f"{act.organisatie}: aanbieder in De Wegwijzer van de Kop.",
    }
    out = {
        "id": service_uid(act),
        "name": act.naam,
        "description": description,
        "status": "active",
        "organization_id": org["id"],
        "organization": org,
        "phones": _phones(owner, act.contact),
        "languages": [
            {"id": uid(owner, "taal", code), "code": code, "name": describe.label("talen", code)} for code in act.talen
        ],
        "service_areas": [
            {
                "id": uid(owner, "gebied", g),
                "name": area_name(cat, g),
                "extent_type": "text",
                "extent": area_name(cat, g),
            }
            for g in act.gebied
        ],
        "cost_options": [],
        "schedules": [],
        "service_at_locations": [],
        "attributes": (
            [_list_attribute(owner, "aanbod_soorten", act.soort)]
            + [_list_attribute(owner, "themas", t) for t in act.themas]
            + [_list_attribute(owner, "doelgroepen", d) for d in act.doelgroepen]
        ),
    }
    if act.contact and act.contact.email:
        out["email"] = act.contact.email
    if act.contact and act.contact.website:
        out["url"] = act.contact.website
    if act.gecontroleerd_op:
        out["assured_date"] = act.gecontroleerd_op.isoformat()
    if act.kosten:
        out["fees_description"] = describe.cost_text(act.kosten)
        cost = {"id": uid(owner, "kosten"), "currency": "EUR"}
        if act.kosten.free:
            cost.update(amount=0, option="Gratis")
        elif act.kosten.bedrag is not None:
            cost["amount"] = act.kosten.bedrag
        if act.kosten.uitleg:
            cost["amount_description"] = act.kosten.uitleg
        out["cost_options"].append(cost)
    process = []
    if act.aanmelden:
        process.append(
            ("Aanmelden is nodig." if act.aanmelden.nodig else "Aanmelden is niet nodig.")
            + (f" {act.aanmelden.hoe}" if act.aanmelden.hoe else "")
        )
    if act.voor_professionals:
        process.append(f"Voor professionals: {act.voor_professionals}")
    if process:
        out["application_process"] = "\n\n".join(process)
    places = cat.places_of(act)
    for i, item in enumerate(act.schema):
        if item.plek is None:
            out["schedules"].append(hsds_schedule(item, uid(owner, "schema", str(i))))
    for loc in places:
        sal_id = uid(owner, "plek", loc.id)
        out["service_at_locations"].append(
            {
                "id": sal_id,
                "service_id": out["id"],
                "location_id": location_uid(loc),
                "location": locations[loc.id]
                if loc.id in locations
                else locations.setdefault(loc.id, hsds_location(cat, loc, base)),
                "schedules": [
                    hsds_schedule(item, uid(owner, "schema", str(i)))
                    for i, item in enumerate(act.schema)
                    if item.plek == loc.id
                ],
            }
        )
    return out


def hsds_services(cat: Catalog, base: str = "") -> list[dict]:
    locations: dict = {}
    return [hsds_service(cat, act, base, locations) for act in cat.activities.values()]


def hsds_locations(cat: Catalog, base: str = "") -> list[dict]:
    return [hsds_location(cat, loc, base) for loc in cat.locations.values()]


# --- CSV -------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id",
    "uuid",
    "naam",
    "soort",
    "samenvatting",
    "beschrijving",
    "organisatie",
    "themas",
    "doelgroepen",
    "plekken",
    "plek_namen",
    "adressen",
    "woonkernen",
    "gemeenten",
    "gebied",
    "wanneer",
    "kosten",
    "gratis",
    "aanmelden",
    "voor_professionals",
    "talen",
    "telefoon",
    "email",
    "website",
    "pagina",
    "bron",
    "gecontroleerd_op",
    "voorbeeld",
]


def _safe_cell(value: str) -> str:
    """Stop spreadsheet formulas: a cell starting with =, @ or +/- followed by a non-digit gets a quote."""
    if value[:1] in ("=", "@") or (value[:1] in ("+", "-") and not value[1:2].isdigit()):
        return "'" + value
    return value


def csv_rows(cat: Catalog, base: str = "") -> list[dict]:
    rows = []
    for act in cat.activities.values():
        places = cat.places_of(act)
        contact = act.contact
        rows.append(
            {
                "id": act.id,
                "uuid": service_uid(act),
                "naam": act.naam,
                "soort": act.soort,
                "samenvatting": act.samenvatting,
                "beschrijving": act.beschrijving or "",
                "organisatie": act.organisatie,
                "themas": ", ".join(act.themas),
                "doelgroepen": ", ".join(act.doelgroepen),
                "plekken": ", ".join(p.id for p in places),
                "plek_namen": " | ".join(p.naam for p in places),
                "adressen": " | ".join(p.adres.one_line() if p.adres else "" for p in places),
                "woonkernen": ", ".join(cat.kernen_of(act)),
                "gemeenten": ", ".join(cat.gemeenten_of(act)),
                "gebied": ", ".join(act.gebied),
                "wanneer": " | ".join(describe.schedule_line(i) for i in act.schema),
                "kosten": describe.cost_text(act.kosten) if act.kosten else "",
                "gratis": ("ja" if act.kosten.free else "nee") if act.kosten else "",
                "aanmelden": (
                    ""
                    if act.aanmelden is None
                    else ("nodig" if act.aanmelden.nodig else "niet nodig")
                    + (f": {act.aanmelden.hoe}" if act.aanmelden.hoe else "")
                ),
                "voor_professionals": act.voor_professionals or "",
                "talen": ", ".join(act.talen),
                "telefoon": contact.telefoon or "" if contact else "",
                "email": contact.email or "" if contact else "",
                "website": contact.website or "" if contact else "",
                "pagina": page_url(base, act.url),
                "bron": act.bron,
                "gecontroleerd_op": act.gecontroleerd_op.isoformat() if act.gecontroleerd_op else "",
                "voorbeeld": "ja" if act.voorbeeld else "nee",
            }
        )
    return rows


def csv_text(cat: Catalog, base: str = "") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=CSV_COLUMNS, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writeheader()
    for row in csv_rows(cat, base):
        writer.writerow({k: _safe_cell(v) for k, v in row.items()})
    return "\ufeff" + out.getvalue()


# --- GeoJSON ---------------------------------------------------------------------------


def geojson(cat: Catalog, base: str = "") -> dict:
    features = []
    for loc in cat.locations.values():
        contact = loc.contact
        features.append(
            {
                "type": "Feature",
                "id": loc.id,
                "geometry": {"type": "Point", "coordinates": [loc.coordinaten.lon, loc.coordinaten.lat]},
                "properties": {
                    "id": loc.id,
                    "uuid": location_uid(loc),
                    "naam": loc.naam,
                    "soort": loc.soort,
                    "soort_label": describe.label("plek_soorten", loc.soort),
                    "organisatie": loc.organisatie,
                    "adres": loc.adres.one_line() if loc.adres else None,
                    "gemeente": loc.gemeente,
                    "woonkern": loc.woonkern,
                    "wijk": loc.wijk,
                    "toegankelijkheid": list(loc.toegankelijkheid),
                    "openingstijden": describe.opening_lines(loc),
                    "telefoon": contact.telefoon if contact else None,
                    "email": contact.email if contact else None,
                    "website": contact.website if contact else None,
                    "aanbod": [a.id for a in cat.activities_at.get(loc.id, [])],
                    "pagina": page_url(base, loc.url),
                    "gecontroleerd_op": loc.gecontroleerd_op.isoformat() if loc.gecontroleerd_op else None,
                    "voorbeeld": loc.voorbeeld,
                },
            }
        )
    return {"type": "FeatureCollection", "name": "plekken", "license": LICENSE, "features": features}


# --- iCalendar -------------------------------------------------------------------------


def first_occurrence(item: ScheduleItem) -> dt.date:
    """The first day the item happens on or after its start (or ANCHOR when it has none)."""
    if item.datum:
        return item.datum
    base = item.start or ANCHOR
    target = WEEKDAY_NUM[item.dag]
    if item.herhaling != "maandelijks":
        return base + dt.timedelta(days=(target - base.weekday()) % 7)
    year, month = base.year, base.month
    while True:
        day = _nth_weekday(year, month, target, item.week)
        if day >= base:
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def rrule(item: ScheduleItem) -> str | None:
    """The RRULE value of a recurring item (None for a single date)."""
    if item.datum:
        return None
    day = BYDAY[item.dag]
    if item.herhaling == "maandelijks":
        rule = f"FREQ=MONTHLY;BYDAY={item.week}{day}"
    else:
        rule = f"FREQ=WEEKLY;BYDAY={day}" + (";INTERVAL=2" if item.herhaling == "tweewekelijks" else "")
    if item.eind:
        end = dt.datetime.combine(item.eind, dt.time(23, 59, 59), TZ).astimezone(dt.UTC)
        rule += ";UNTIL=" + end.strftime("%Y%m%dT%H%M%SZ")
    return rule


def _local(day: dt.date, hhmm: str) -> str:
    if hhmm == "24:00":
        return (day + dt.timedelta(days=1)).strftime("%Y%m%dT000000")
    return day.strftime("%Y%m%d") + "T" + hhmm.replace(":", "") + "00"


# The EU rule (since 1996): summer time from the last Sunday of March to the last Sunday of October.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZNAME:CEST",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZNAME:CET",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def ical_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with a space
    return "\r\n ".join(parts)


def calendar_events(cat: Catalog, today: dt.date, base: str = "") -> list[tuple[str | None, str, str]]:
    """(woonkern or None, uid, VEVENT text) for every schedule item that is not over, sorted by uid."""
    stamp = today.strftime("%Y%m%dT000000Z")
    events = []
    for act in cat.activities.values():
        places = cat.places_of(act)
        themes = ",".join(ical_text(describe.label("themas", t)) for t in act.themas)
        for i, item in enumerate(act.schema):
            if not describe.is_current(item, today):
                continue
            where = [p for p in places if p.id == item.plek] if item.plek else places
            day = first_occurrence(item)
            rule = rrule(item)
            lines = [act.samenvatting, describe.schedule_line(item)]
            if item.herhaling == "tweewekelijks" and not item.start and not item.datum:
                lines.append("Om de week: vraag na in welke week het is.")
            for loc in where or [None]:
                parts = ["aanbod", act.id, "schema", str(i)] + (["plek", loc.id] if loc else [])
                event_uid = uid(*parts) + "@wegwijzer-van-de-kop"
                out = [
                    "BEGIN:VEVENT",
                    f"UID:{event_uid}",
                    f"DTSTAMP:{stamp}",
                    f"DTSTART;TZID={TZID}:{_local(day, item.van)}",
                    f"DTEND;TZID={TZID}:{_local(day, item.tot)}",
                ]
                if rule:
                    out.append(f"RRULE:{rule}")
                out.append(f"SUMMARY:{ical_text(act.naam)}")
                out.append("DESCRIPTION:" + ical_text("\n".join(lines + ([page_url(base, act.url)] if base else []))))
                if base:
                    out.append(f"URL:{page_url(base, act.url)}")
                if loc:
                    place = loc.naam + (f", {loc.adres.one_line()}" if loc.adres else "")
                    out.append(f"LOCATION:{ical_text(place)}")
                    out.append(f"GEO:{loc.coordinaten.lat};{loc.coordinaten.lon}")
                elif act.gebied:
                    out.append("LOCATION:" + ical_text(", ".join(area_name(cat, g) for g in act.gebied)))
                out.append(f"CATEGORIES:{themes}")
                out.append("END:VEVENT")
                events.append((loc.woonkern if loc else None, event_uid, "\r\n".join(fold(line) for line in out)))
    events.sort(key=lambda e: e[1])
    return events


def ics_bytes(events: list[str], name: str) -> bytes:
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//De Wegwijzer van de Kop//Open data//NL",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{ical_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
    ] + VTIMEZONE
    body = "\r\n".join([fold(line) for line in head] + events + ["END:VCALENDAR"]) + "\r\n"
    return body.encode("utf-8")


# --- schema.org JSON-LD ----------------------------------------------------------------


def _postal_address(cat: Catalog, loc: Location) -> dict:
    out = {"@type": "PostalAddress", "addressCountry": "NL", "addressRegion": cat.region.areas[loc.gemeente].naam}
    if loc.adres:
        street = " ".join(p for p in (loc.adres.straat, loc.adres.huisnummer) if p)
        if street:
            out["streetAddress"] = street
        if loc.adres.postcode:
            out["postalCode"] = loc.adres.postcode
        out["addressLocality"] = loc.adres.plaats
    else:
        out["addressLocality"] = cat.region.areas[loc.woonkern].naam
    return out


def _place_node(cat: Catalog, loc: Location, base: str) -> dict:
    node = {
        "@type": "Place",
        "name": loc.naam,
        "address": _postal_address(cat, loc),
        "geo": {"@type": "GeoCoordinates", "latitude": loc.coordinaten.lat, "longitude": loc.coordinaten.lon},
    }
    if base:
        node["@id"] = page_url(base, loc.url)
        node["url"] = page_url(base, loc.url)
    return node


def jsonld_place(cat: Catalog, loc: Location, base: str = "") -> dict:
    node = {"@context": "https://schema.org", **_place_node(cat, loc, base)}
    node["additionalType"] = describe.label("plek_soorten", loc.soort)
    if loc.beschrijving:
        node["description"] = text.plain(loc.beschrijving)
    if loc.contact:
        if loc.contact.telefoon:
            node["telephone"] = loc.contact.telefoon
        if loc.contact.email:
            node["email"] = loc.contact.email
        if loc.contact.website:
            node["sameAs"] = loc.contact.website
    if loc.openingstijden:
        node["openingHoursSpecification"] = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_DAY[o.dag]}",
                "opens": o.van,
                "closes": o.tot,
            }
            for o in loc.openingstijden
        ]
    if loc.toegankelijkheid:
        node["amenityFeature"] = [
            {"@type": "LocationFeatureSpecification", "name": describe.label("toegankelijkheid", a), "value": True}
            for a in loc.toegankelijkheid
        ]
    return node


def _schedule_node(item: ScheduleItem) -> dict:
    node = {"@type": "Schedule", "scheduleTimezone": TZID, "startTime": item.van, "endTime": item.tot}
    if item.datum:
        node.update(startDate=item.datum.isoformat(), endDate=item.datum.isoformat(), repeatCount=1)
        return node
    node["byDay"] = f"https://schema.org/{SCHEMA_DAY[item.dag]}"
    node["repeatFrequency"] = {"wekelijks": "P1W", "tweewekelijks": "P2W", "maandelijks": "P1M"}[item.herhaling]
    if item.herhaling == "maandelijks":
        if item.week > 0:
            node["byMonthWeek"] = item.week
        else:
            node["description"] = describe.schedule_line(item)  # schema.org has no 'last week of the month'
    if item.start:
        node["startDate"] = item.start.isoformat()
    if item.eind:
        node["endDate"] = item.eind.isoformat()
    return node


def jsonld_activity(cat: Catalog, act: Activity, base: str = "") -> dict:
    org = {"@type": "Organization", "name": act.organisatie}
    places = cat.places_of(act)
    areas = [{"@type": "AdministrativeArea", "name": area_name(cat, g)} for g in act.gebied]
    service = {
        "@type": "Service",
        "name": act.naam,
        "description": act.samenvatting,
        "serviceType": describe.label("aanbod_soorten", act.soort),
        "provider": org,
        "category": [describe.label("themas", t) for t in act.themas],
        "audience": [{"@type": "Audience", "audienceType": describe.label("doelgroepen", d)} for d in act.doelgroepen],
        "areaServed": [_place_node(cat, p, base) for p in places] + areas,
    }
    if act.talen:
        service["availableLanguage"] = list(act.talen)
    if act.contact:
        channel = {"@type": "ServiceChannel"}
        if act.contact.telefoon:
            channel["servicePhone"] = {"@type": "ContactPoint", "telephone": act.contact.telefoon}
        if act.contact.website:
            channel["serviceUrl"] = act.contact.website
        if act.contact.email:
            org["email"] = act.contact.email
        if len(channel) > 1:
            service["availableChannel"] = channel
    if act.kosten:
        offer = {"@type": "Offer", "priceCurrency": "EUR", "description": describe.cost_text(act.kosten)}
        if act.kosten.free:
            offer["price"] = 0
        elif act.kosten.bedrag is not None:
            offer["price"] = act.kosten.bedrag
        service["offers"] = offer
    if base:
        service["@id"] = page_url(base, act.url)
        service["url"] = page_url(base, act.url)
    graph = [service]
    if act.schema:
        event = {
            "@type": "Event",
            "name": act.naam,
            "description": act.samenvatting,
            "organizer": org,
            "eventSchedule": [_schedule_node(i) for i in act.schema],
            "eventAttendanceMode": (
                "https://schema.org/OnlineEventAttendanceMode"
                if act.soort == "online"
                else "https://schema.org/OfflineEventAttendanceMode"
            ),
            "eventStatus": "https://schema.org/EventScheduled",
        }
        dated = sorted(i.datum for i in act.schema if i.datum)
        starts = sorted(first_occurrence(i) for i in act.schema)
        event["startDate"] = (dated or starts)[0].isoformat()
        if places:
            event["location"] = [_place_node(cat, p, base) for p in places]
        elif areas:
            event["location"] = areas
        if act.kosten:
            event["isAccessibleForFree"] = act.kosten.free
        if base:
            event["url"] = page_url(base, act.url)
        graph.append(event)
    return {"@context": "https://schema.org", "@graph": graph}


def jsonld_script(data: dict) -> Markup:
    body = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # Keep the JSON inside the script element whatever the text says.
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{body}</script>')


# --- plugin hooks ----------------------------------------------------------------------


def _base(config) -> str:
    return (config.get("site_url") or "").rstrip("/")


def all_files(cat: Catalog, today: dt.date, base: str = "") -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        f"{FOLDER}/hsds/services.json": dumps(hsds_services(cat, base)),
        f"{FOLDER}/hsds/locations.json": dumps(hsds_locations(cat, base)),
        f"{FOLDER}/aanbod.csv": csv_text(cat, base).encode("utf-8"),
        f"{FOLDER}/plekken.geojson": dumps(geojson(cat, base)),
    }
    events = calendar_events(cat, today, base)
    files[f"{FOLDER}/activiteiten.ics"] = ics_bytes(
        [text for _, _, text in events], "De Wegwijzer van de Kop: activiteiten"
    )
    by_kern: dict[str, list[str]] = {}
    for kern, _, text in events:
        if kern:
            by_kern.setdefault(kern, []).append(text)
    for kern in cat.region.kernen():
        files[f"{FOLDER}/ics/{kern.id}.ics"] = ics_bytes(
            by_kern.get(kern.id, []), f"De Wegwijzer van de Kop: {kern.naam}"
        )
    return files


def extra_files(plugin, config) -> dict[str, str | bytes]:
    return all_files(plugin.catalog, plugin.today, _base(config))


def page_context(plugin, page, context) -> None:
    spec = plugin.specs.get(page.file.src_uri)
    if spec is None:
        if page.file.src_uri == "open-data.md":
            context["ww_kernen_ics"] = [
                (k, f"{FOLDER}/ics/{k.id}.ics") for k in sorted(plugin.catalog.region.kernen(), key=lambda a: a.naam)
            ]
        return
    base = _base(context.get("config") or {})
    if spec.kind == "plek":
        context["ww_jsonld"] = jsonld_script(jsonld_place(plugin.catalog, plugin.catalog.locations[spec.key], base))
    elif spec.kind == "aanbod":
        context["ww_jsonld"] = jsonld_script(jsonld_activity(plugin.catalog, plugin.catalog.activities[spec.key], base))
