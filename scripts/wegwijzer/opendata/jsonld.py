"""schema.org JSON-LD for entry pages: Place, Service, and Event with eventSchedule."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from markupsafe import Markup

from wegwijzer.core import describe, text, vocab
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.events import is_online
from wegwijzer.core.model import Activity, Location, ScheduleItem
from wegwijzer.opendata.ical import first_occurrence
from wegwijzer.opendata.ids import TZ, TZID, area_name, known_areas, page_url


def _postal_address(cat: Catalog, loc: Location) -> dict:
    out: dict[str, Any] = {
        "@type": "PostalAddress",
        "addressCountry": "NL",
        "addressRegion": cat.region.areas[loc.gemeente].naam,
    }
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
    node: dict[str, Any] = {
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
    node: dict[str, Any] = {"@context": "https://schema.org", **_place_node(cat, loc, base)}
    node["additionalType"] = vocab.label("plek_soorten", loc.soort)
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
                "dayOfWeek": f"https://schema.org/{vocab.SCHEMA_DAY[o.dag]}",
                "opens": o.van,
                "closes": o.tot,
            }
            for o in loc.openingstijden
        ]
    if loc.toegankelijkheid:
        node["amenityFeature"] = [
            {"@type": "LocationFeatureSpecification", "name": vocab.label("toegankelijkheid", a), "value": True}
            for a in loc.toegankelijkheid
        ]
    return node


def _schedule_node(item: ScheduleItem) -> dict:
    node: dict[str, Any] = {"@type": "Schedule", "scheduleTimezone": TZID, "startTime": item.van, "endTime": item.tot}
    if item.datum:
        node.update(startDate=item.datum.isoformat(), endDate=item.datum.isoformat(), repeatCount=1)
        return node
    node["byDay"] = f"https://schema.org/{vocab.SCHEMA_DAY[item.weekday]}"
    node["repeatFrequency"] = {"wekelijks": "P1W", "tweewekelijks": "P2W", "maandelijks": "P1M"}[item.herhaling]
    if item.herhaling == "maandelijks":
        if item.week_of_month > 0:
            node["byMonthWeek"] = item.week_of_month
        else:
            node["description"] = describe.schedule_line(item)  # schema.org has no 'last week of the month'
    if item.start:
        node["startDate"] = item.start.isoformat()
    if item.eind:
        node["endDate"] = item.eind.isoformat()
    return node


def _channel(act: Activity) -> dict[str, Any] | None:
    """How to reach the service: phone and website (the e-mail goes on the organisation)."""
    channel: dict[str, Any] = {"@type": "ServiceChannel"}
    if act.contact and act.contact.telefoon:
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": act.contact.telefoon}
        if act.contact.bereikbaar:
            channel["servicePhone"]["description"] = act.contact.bereikbaar
    if act.contact and act.contact.website:
        channel["serviceUrl"] = act.contact.website
    return channel if len(channel) > 1 else None


def _offer(act: Activity) -> dict[str, Any] | None:
    if not act.kosten:
        return None
    offer: dict[str, Any] = {"@type": "Offer", "priceCurrency": "EUR", "description": describe.cost_text(act.kosten)}
    if act.kosten.free:
        offer["price"] = 0
    elif act.kosten.bedrag is not None:
        offer["price"] = act.kosten.bedrag
    return offer


def _event(act: Activity, org: dict, where: list[dict], base: str) -> dict[str, Any]:
    """The offer's recurring schedule as one schema.org Event with an eventSchedule."""
    online = act.soort == "online"
    event: dict[str, Any] = {
        "@type": "Event",
        "name": act.naam,
        "description": act.samenvatting,
        "organizer": org,
        "eventSchedule": [_schedule_node(i) for i in act.schema if not i.datum],
        "eventAttendanceMode": f"https://schema.org/{'Online' if online else 'Offline'}EventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
    }
    event["startDate"] = min(first_occurrence(i) for i in act.schema if not i.datum).isoformat()
    return _event_end(event, act, where, base)


def _event_end(event: dict[str, Any], act: Activity, where: list[dict] | None, base: str) -> dict[str, Any]:
    """What every Event of an offer ends with: where (when known), free or not, and its page."""
    if where:
        event["location"] = where
    if act.kosten:
        event["isAccessibleForFree"] = act.kosten.free
    if base:
        event["url"] = page_url(base, act.url)
    return event


def _moment(day: dt.date, hhmm: str) -> str:
    """A date and local time with its UTC offset: '2027-02-09T19:30:00+01:00'."""
    if hhmm == "24:00":
        day, hhmm = day + dt.timedelta(days=1), "00:00"
    hour, minute = (int(x) for x in hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), TZ).isoformat()


def _single_event(act: Activity, item: ScheduleItem, org: dict, where: list[dict], base: str) -> dict[str, Any]:
    """A dated schedule item (a voorlichting, webinar, bijeenkomst, markt) as its own schema.org Event."""
    assert item.datum is not None
    kind = vocab.label("evenement_soorten", item.evenement) if item.evenement else ""
    event: dict[str, Any] = {
        "@type": "Event",
        "name": f"{kind}: {act.naam}" if kind and not act.naam.casefold().startswith(kind.casefold()) else act.naam,
        "description": act.samenvatting,
        "organizer": org,
        "startDate": _moment(item.datum, item.van),
        "endDate": _moment(item.datum, item.tot),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if is_online(item):
        event["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        event["location"] = {"@type": "VirtualLocation", "url": item.link}
        return _event_end(event, act, None, base)
    event["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
    return _event_end(event, act, where, base)


def jsonld_activity(cat: Catalog, act: Activity, base: str = "", today: dt.date | None = None) -> dict:
    org: dict[str, Any] = {"@type": "Organization", "name": act.organisatie}
    if act.contact and act.contact.email:
        org["email"] = act.contact.email
    nodes = {p.id: _place_node(cat, p, base) for p in cat.places_of(act)}
    places = list(nodes.values())
    areas = [{"@type": "AdministrativeArea", "name": area_name(cat, g)} for g in known_areas(act)]
    service: dict[str, Any] = {
        "@type": "Service",
        "name": act.naam,
        "description": act.samenvatting,
        "serviceType": vocab.label("aanbod_soorten", act.soort),
        "provider": org,
        "category": [vocab.label("themas", t) for t in act.themas],
        "audience": [{"@type": "Audience", "audienceType": vocab.label("doelgroepen", d)} for d in act.doelgroepen],
        "areaServed": places + areas,
    }
    optional = {"availableLanguage": list(act.talen) or None, "availableChannel": _channel(act), "offers": _offer(act)}
    service.update({k: v for k, v in optional.items() if v})
    if base:
        service["@id"] = page_url(base, act.url)
        service["url"] = page_url(base, act.url)
    graph = [service]
    if any(not i.datum for i in act.schema):
        graph.append(_event(act, org, places or areas, base))
    for item in act.schema:  # one Event per coming date; past dates stay out
        if item.datum and (today is None or item.datum >= today):
            where = [nodes[item.plek]] if item.plek in nodes else places
            graph.append(_single_event(act, item, org, where or areas, base))
    return {"@context": "https://schema.org", "@graph": graph}


def jsonld_script(data: dict) -> Markup:
    body = json.dumps(data, ensure_ascii=False, sort_keys=True, allow_nan=False)
    # Keep the JSON inside the script element whatever the text says.
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{body}</script>')
