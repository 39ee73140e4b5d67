"""HSDS locations -> our places (``locations/<id>.yaml``), one function per part of a location.

A place outside the Kop van Noord-Holland is not imported: its address goes into the
report. A place without usable coordinates but with a known town gets the middle of
that woonkern, with a note to put the real place on the map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wegwijzer.core import model
from wegwijzer.core.catalog import distance_km
from wegwijzer.core.guard import shown
from wegwijzer.core.region import Area, Region, inside_region
from wegwijzer.core.vocab import ID_MAX, ID_RE, LISTS, slug
from wegwijzer.opendata.hsds_import.contacts import contact_block, valid
from wegwijzer.opendata.hsds_import.feed import Part
from wegwijzer.opendata.hsds_import.schedules import schedule_items

DEFAULT_PLACE_KIND = "anders"
FAR_KM = 5
_STREET_NUMBER = re.compile(r"^(.*?[^\d\s])\s+(\d+\s*[A-Za-z]?(?:[-/ ]?\w+)?)$")


@dataclass
class Service:
    """What the places of one service share: its organisation and the common entry fields."""

    organisatie: str
    common: dict


def attribute_codes(attributes: list[Part], taxonomy: str) -> list[str]:
    """The codes of the HSDS attributes of one taxonomy (our own export uses 'wegwijzer-<list>')."""
    codes = []
    for attr in attributes:
        term = attr.part("taxonomy_term")
        if term is not None and term.raw("taxonomy") == taxonomy:
            code = term.raw("code") or attr.raw("value")
            if isinstance(code, str) and code not in codes:
                codes.append(code)
    return codes


def _address_line(address: Part) -> str:
    parts = [address.text(k) for k in ("address_1", "address_2", "postal_code", "city", "state_province", "country")]
    return shown(", ".join(p for p in parts if p), 120)


def _physical_address(loc: Part) -> Part | None:
    addresses = loc.parts("addresses", "een adres")
    return next((a for a in addresses if a.raw("address_type") == "physical"), addresses[0] if addresses else None)


def _kern_by_name(region: Region, city: str | None) -> Area | None:
    if not city:
        return None
    wanted = city.strip().casefold()
    return next((k for k in region.kernen() if k.naam.casefold() == wanted), None)


def _where(loc: Part, region: Region, name: str, address: Part | None) -> tuple[Area, dict] | None:
    """The woonkern and coordinates of a location, or None (with a note) when it is outside the region."""
    notes = loc.notes
    lat, lon = loc.number("latitude"), loc.number("longitude")
    if lat is not None and lon is not None and inside_region(lat, lon):
        kern = min(region.kernen(), key=lambda k: (distance_km(lat, lon, k.lat, k.lon), k.id))
        km = distance_km(lat, lon, kern.lat, kern.lon)
        if km > FAR_KM:
            notes.append(
                f"De plek '{name}' ligt {km:.0f} km van {kern.naam}, de dichtstbijzijnde woonkern. "
                "Controleer of de plek echt in de Kop ligt en kies de goede woonkern."
            )
        return kern, {"lat": lat, "lon": lon}
    town = _kern_by_name(region, address.text("city") if address else None)
    if town is None:
        point = f"; coördinaten {lat}, {lon}" if lat is not None and lon is not None else ""
        where = _address_line(address) if address else "geen adres"
        notes.append(
            f"De plek '{name}' ligt niet in de Kop van Noord-Holland ({where}{point}). Die plek is niet ingelezen."
        )
        return None
    notes.append(
        f"De plek '{name}' heeft geen bruikbare coördinaten. Het midden van {town.naam} is gebruikt: "
        "zet de echte plek op de kaart."
    )
    return town, {"lat": town.lat, "lon": town.lon}


def _address(address: Part | None, loc: Part, kern: Area, name: str) -> dict | None:
    """Our 'adres' block from an HSDS address in the Netherlands."""
    if address is None or address.raw("country") not in (None, "NL", "nl", "Nederland"):
        transport = loc.text("transportation") or ""
        if transport.startswith("Plaats: "):  # our own export of a place without an address
            return {"plaats": transport[len("Plaats: ") :].rstrip(".").strip()}
        return None
    adres = {}
    line = (address.text("address_1", one_line=True) or "").strip()
    match = _STREET_NUMBER.match(line)
    if match:
        adres["straat"], adres["huisnummer"] = match.group(1), match.group(2)
    elif line:
        adres["straat"] = line
    postcode = address.text("postal_code")
    if postcode and valid(model._postcode, postcode):
        adres["postcode"] = model._postcode(postcode)
    elif postcode:
        loc.notes.append(f"Plek '{name}': postcode '{shown(postcode)}' is niet overgenomen, hij klopt niet.")
    adres["plaats"] = (address.text("city", one_line=True) or kern.naam).strip()
    return adres


def _accessibility(loc: Part, name: str) -> list[str]:
    access = []
    labels = {v["label"].casefold(): k for k, v in LISTS["toegankelijkheid"].items()}
    for item in loc.parts("accessibility"):
        description = item.text("description") or ""
        key = labels.get(description.strip().casefold())
        if key and key not in access:
            access.append(key)
        elif description:
            loc.notes.append(
                f"Plek '{name}': toegankelijkheid niet overgenomen: '{shown(description)}'. Kies uit de lijst."
            )
    return access


def _opening_hours(loc: Part, name: str) -> list[dict]:
    hours = []
    for schedule in loc.parts("schedules", "een tijd"):
        for item in schedule_items(schedule):
            if item.get("dag") and "herhaling" not in item and "start" not in item and "eind" not in item:
                hours.append({k: item[k] for k in ("dag", "van", "tot", "opmerking") if k in item})
            else:
                loc.notes.append(f"Plek '{name}': een openingstijd die niet elke week is, is niet overgenomen.")
    return hours


def place_id(loc: Part, name: str) -> str:
    """Our own export's id when it has one, else an id made from the name (short, for a file name)."""
    ext = loc.raw("external_identifier")
    own = loc.raw("external_identifier_type") == "wegwijzer-id"
    if own and isinstance(ext, str) and ID_RE.match(ext) and len(ext) <= ID_MAX:
        return ext
    return slug(name) or "plek"


def _kind(loc: Part, name: str) -> str:
    codes = attribute_codes(loc.parts("attributes"), "wegwijzer-plek_soorten")
    kinds = [k for k in codes if k in LISTS["plek_soorten"]]
    if kinds:
        return kinds[0]
    loc.notes.append(f"Plek '{name}': soort is '{DEFAULT_PLACE_KIND}'. Kies de goede soort.")
    return DEFAULT_PLACE_KIND


def _description(loc: Part) -> str | None:
    description = loc.text("description", "de beschrijving van een plek")
    if description and loc.raw("external_identifier_type") == "wegwijzer-id":
        # Our own export starts with "<soort> in <woonkern>."; that is not part of the text.
        description = description.split("\n\n", 1)[1] if "\n\n" in description else None
    return description


def location_entry(loc: Part, region: Region, service: Service) -> tuple[str, dict] | None:
    """(id, YAML data) for an HSDS location in the region; None (with a note) when it is not in the region."""
    name = loc.text("name", "de naam van een plek", one_line=True) or "Plek zonder naam"
    address = _physical_address(loc)
    found = _where(loc, region, shown(name), address)
    if found is None:
        return None
    kern, coords = found
    data: dict = {"naam": name[:90].strip(), "soort": _kind(loc, shown(name))}
    description = _description(loc)
    if description:
        data["beschrijving"] = description
    data["organisatie"] = service.organisatie
    adres = _address(address, loc, kern, shown(name))
    if adres:
        data["adres"] = adres
    data.update(gemeente=kern.parent, woonkern=kern.id, coordinaten=coords)
    access = _accessibility(loc, shown(name))
    if access:
        data["toegankelijkheid"] = access
    hours = _opening_hours(loc, shown(name))
    if hours:
        data["openingstijden"] = hours
    contact = contact_block(loc, email=None, known_names=(service.organisatie, name))
    if contact:
        data["contact"] = contact
    data.update(service.common)
    return place_id(loc, name), data
