"""Open Referral HSDS 3.0: every offer as a compiled service, every place as a location.

HSDS has no field for our own page of an offer (``url`` is the provider's website), so unlike the
other formats these files do not depend on the site's address.
"""

from __future__ import annotations

from typing import Any

from wegwijzer.core import describe, referral, vocab
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.model import Activity, Cost, Location, ScheduleItem
from wegwijzer.opendata.ids import area_name, known_areas, location_uid, org_uid, service_uid, uid


def _phones(owner: str, contact) -> list[dict]:
    if not contact or not contact.telefoon:
        return []
    phone = {"id": uid(owner, "telefoon"), "number": contact.telefoon, "type": "voice"}
    if contact.bereikbaar:
        phone["description"] = contact.bereikbaar  # when the line is open, in words
    return [phone]


def _contacts(owner: str, name: str, contact) -> list[dict]:
    """HSDS contacts: only for an e-mail address of a place (a location has no 'email' field of its own)."""
    if not contact or not contact.email:
        return []
    return [{"id": uid(owner, "contact"), "name": name, "email": contact.email}]


INLOOP = "Inloop: je kunt zonder afspraak binnenlopen."
ONLINE = "Online: je kijkt mee via de link (schedule_link)."


def _schedules(owner: str, act: Activity, plek: str | None) -> list[dict]:
    """The offer's schedule and its walk-in times (``inloop``, marked in 'notes') at one place (or at none)."""
    out = [hsds_schedule(item, uid(owner, "schema", str(i))) for i, item in enumerate(act.schema) if item.plek == plek]
    for i, item in enumerate(act.inloop):
        if item.plek == plek:
            walk_in = hsds_schedule(item, uid(owner, "inloop", str(i)))
            walk_in["attending_type"] = INLOOP
            walk_in["notes"] = " ".join(n for n in (INLOOP, walk_in.get("notes", "")) if n)
            out.append(walk_in)
    return out


def _hsds_time(value: str) -> str:
    return "23:59" if value == "24:00" else value


def hsds_schedule(item: ScheduleItem, schedule_id: str) -> dict:
    """One schedule item as an HSDS schedule (iCal-style fields; local Dutch time)."""
    out: dict[str, Any] = {
        "id": schedule_id,
        "opens_at": _hsds_time(item.van),
        "closes_at": _hsds_time(item.tot),
        "description": describe.schedule_line(item),
        "wkst": "MO",
    }
    if item.opmerking:
        out["notes"] = item.opmerking
    if item.evenement:  # a one-off event: its kind in the notes, and for a webinar how to attend
        kind = "Soort: " + vocab.label("evenement_soorten", item.evenement) + "."
        out["notes"] = " ".join(n for n in (kind, out.get("notes", "")) if n)
    if item.link:
        out["schedule_link"] = item.link
        out["attending_type"] = ONLINE
    if item.datum:
        day = vocab.ICAL_DAY[vocab.weekday(item.datum)]
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
    day = vocab.ICAL_DAY[item.weekday]
    if item.herhaling == "maandelijks":
        out.update(freq="MONTHLY", interval=1, byday=f"{item.week_of_month}{day}")
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
    out: dict[str, Any] = {
        "id": uid("plek", loc.id, "open", str(i)),
        "freq": "WEEKLY",
        "interval": 1,
        "wkst": "MO",
        "byday": vocab.ICAL_DAY[hours.dag],
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
    return _attribute(
        owner, f"wegwijzer-{list_name}", code, vocab.label(list_name, code), vocab.explanation(list_name, code)
    )


def hsds_location(cat: Catalog, loc: Location) -> dict:
    owner = f"plek/{loc.id}"
    desc = vocab.label("plek_soorten", loc.soort) + " in " + cat.region.areas[loc.woonkern].naam + "."
    if loc.beschrijving:
        desc += "\n\n" + loc.beschrijving
    out: dict[str, Any] = {
        "id": location_uid(loc),
        "location_type": "physical",
        "name": loc.naam,
        "description": desc,
        "latitude": loc.coordinaten.lat,
        "longitude": loc.coordinaten.lon,
        "external_identifier": loc.id,
        "external_identifier_type": "wegwijzer-id",
        "phones": _phones(owner, loc.contact),
        "contacts": _contacts(owner, loc.organisatie or loc.naam, loc.contact),
        "schedules": [_opening_schedule(loc, i, h) for i, h in enumerate(loc.openingstijden)],
        "accessibility": [
            {"id": uid(owner, "toegankelijkheid", a), "description": vocab.label("toegankelijkheid", a)}
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


def _cost_options(owner: str, cost: Cost | None) -> list[dict[str, Any]]:
    if cost is None:
        return []
    out: dict[str, Any] = {"id": uid(owner, "kosten"), "currency": "EUR"}
    if cost.free:
        out.update(amount=0, option="Gratis")
    elif cost.bedrag is not None:
        out["amount"] = cost.bedrag
    if cost.uitleg:
        out["amount_description"] = cost.uitleg
    return [out]


def _application_process(act: Activity) -> str:
    process = []
    if act.aanmelden:
        process.append(
            ("Aanmelden is nodig." if act.aanmelden.nodig else "Aanmelden is niet nodig.")
            + (f" {act.aanmelden.hoe}" if act.aanmelden.hoe else "")
        )
    if act.verwijzen:
        process.append(f"{referral.PROCESS_HEADING}\n" + referral.process_text(act.verwijzen))
    if act.voor_professionals:
        process.append(f"Voor professionals: {act.voor_professionals}")
    return "\n\n".join(process)


def _referral_fields(owner: str, act: Activity) -> dict[str, Any]:
    """What to send along (HSDS required_documents), when the offer's 'verwijzen' says it."""
    if not act.verwijzen or not act.verwijzen.meesturen:
        return {}
    return {"required_documents": [{"id": uid(owner, "meesturen"), "document": act.verwijzen.meesturen}]}


def _referral_attributes(owner: str, act: Activity) -> list[dict]:
    """Who may refer and how, as attributes of the lists 'verwijzers' and 'verwijs_manieren'."""
    if not act.verwijzen:
        return []
    return [_list_attribute(owner, "verwijzers", w) for w in act.verwijzen.wie] + [
        _list_attribute(owner, "verwijs_manieren", h) for h in act.verwijzen.hoe
    ]


def _service_at_locations(cat: Catalog, act: Activity, locations: dict) -> list[dict[str, Any]]:
    owner = f"aanbod/{act.id}"
    out = []
    for loc in cat.places_of(act):
        if loc.id not in locations:
            locations[loc.id] = hsds_location(cat, loc)
        schedules = _schedules(owner, act, loc.id)
        out.append(
            {
                "id": uid(owner, "plek", loc.id),
                "service_id": service_uid(act),
                "location_id": location_uid(loc),
                "location": locations[loc.id],
                "schedules": schedules,
            }
        )
    return out


def _optional_fields(act: Activity) -> dict[str, Any]:
    """Fields HSDS allows to be absent: only written when known."""
    out: dict[str, Any] = {}
    if act.contact and act.contact.email:
        out["email"] = act.contact.email
    if act.contact and act.contact.website:
        out["url"] = act.contact.website
    checked = [d for d in (act.gecontroleerd_op, act.bron_gecontroleerd_op) if d]
    if checked:  # the last check, ours or the source's (an import reads it back as the source's)
        out["assured_date"] = max(checked).isoformat()
    if act.kosten:
        out["fees_description"] = describe.cost_text(act.kosten)
    process = _application_process(act)
    if process:
        out["application_process"] = process
    return out


def hsds_service(cat: Catalog, act: Activity, locations: dict | None = None) -> dict:
    """One offer as a compiled HSDS service. locations: a cache of hsds_location results by place id."""
    locations = {} if locations is None else locations
    owner = f"aanbod/{act.id}"
    description = act.samenvatting + ("\n\n" + act.beschrijving if act.beschrijving else "")
    org = {
        "id": org_uid(act.organisatie),
        "name": act.organisatie,
        "description": f"{act.organisatie}: aanbieder in De Wegwijzer van de Kop.",
    }
    languages = [
        {"id": uid(owner, "taal", code), "code": code, "name": vocab.label("talen", code)} for code in act.talen
    ]
    areas = [
        {"id": uid(owner, "gebied", g), "name": area_name(cat, g), "extent_type": "text", "extent": area_name(cat, g)}
        for g in known_areas(act)
    ]
    attributes = (
        [_list_attribute(owner, "aanbod_soorten", act.soort)]
        + [_list_attribute(owner, "themas", t) for t in act.themas]
        + [_list_attribute(owner, "doelgroepen", d) for d in act.doelgroepen]
        + _referral_attributes(owner, act)
    )
    schedules = _schedules(owner, act, None)
    return {
        "id": service_uid(act),
        "name": act.naam,
        "description": description,
        "status": "active",
        "organization_id": org["id"],
        "organization": org,
        "phones": _phones(owner, act.contact),
        "languages": languages,
        "service_areas": areas,
        "cost_options": _cost_options(owner, act.kosten),
        "schedules": schedules,
        "service_at_locations": _service_at_locations(cat, act, locations),
        "attributes": attributes,
        **_optional_fields(act),
        **_referral_fields(owner, act),
    }


def hsds_services(cat: Catalog) -> list[dict]:
    locations: dict = {}
    return [hsds_service(cat, act, locations) for act in cat.activities.values()]


def hsds_locations(cat: Catalog) -> list[dict]:
    return [hsds_location(cat, loc) for loc in cat.locations.values()]
