"""`wegwijzer import-osm`: meeting places from OpenStreetMap (Overpass API JSON) -> places.

Each element (a node with lat/lon, or a way or relation with ``center``) with a name and one of
the amenities in ``KINDS`` becomes a place in its woonkern: the one named in ``addr:city`` when
that is near, else the nearest one; an element far from every woonkern is not imported. Address,
contact, accessibility and simple ``opening_hours`` ("Mo-Fr 09:00-17:00; Sa 10:00-12:00") come
along; what does not fit is in the report. Every place gets ``bron: OpenStreetMap (ODbL), node/123``
(``core.sources``); an element already imported (the same OSM id in a 'bron') is skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

from wegwijzer.core import model
from wegwijzer.core.catalog import distance_km
from wegwijzer.core.guard import MAX_OPENING_HOURS, shown
from wegwijzer.core.model import _TIME_RE
from wegwijzer.core.region import Area, Region, inside_region, load_region
from wegwijzer.core.sources import OSM_CREDIT, osm_bron, osm_ref
from wegwijzer.core.vocab import DAY_OF_ICAL, slug
from wegwijzer.opendata.hsds_import.contacts import valid
from wegwijzer.opendata.hsds_import.feed import FeedProblem, Part, parse_json
from wegwijzer.opendata.hsds_import.places import FAR_KM
from wegwijzer.opendata.hsds_import.report import Imported, ImportResult
from wegwijzer.opendata.hsds_import.write import Plan, finish, plan_place
from wegwijzer.opendata.imports.common import checked_contact, entry_tail, kern_by_name, read_input

MAX_ELEMENTS = 20_000
CITY_KM = 10  # addr:city names a woonkern at most this far away
# amenity (and community_centre=...) -> our kind of place; 'buurthuis' words in the name go first
KINDS = {
    "community_centre": "buurthuis",
    "social_centre": "buurthuis",
    "library": "bibliotheek",
    "townhall": "gemeentehuis",
    "social_facility": "anders",
}
NAME_KINDS = (("dorpshuis", "dorpshuis"), ("buurtkamer", "buurtkamer"), ("wijksteunpunt", "wijksteunpunt"))
ACCESS = (("wheelchair", "rolstoel"), ("toilets:wheelchair", "toilet"), ("hearing_loop", "ringleiding"))
_OSM_DAY = {"Mo": "MO", "Tu": "TU", "We": "WE", "Th": "TH", "Fr": "FR", "Sa": "SA", "Su": "SU"}
_DAY_ORDER = list(_OSM_DAY)
_DAY = "(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_SPANS = rf"{_DAY}(?:-{_DAY})?(?:,{_DAY}(?:-{_DAY})?)*"
_TIMES = r"\d\d:\d\d-\d\d:\d\d(?:,\d\d:\d\d-\d\d:\d\d)*"
_RULE = re.compile(rf"^({_SPANS}) ({_TIMES})$")  # 'Mo-Fr,Su 09:00-12:00,13:00-17:00'


def read_elements(raw: bytes, name: str) -> list:
    """The elements of an Overpass API answer (JSON); FeedProblem (Dutch) when it is none."""
    data = parse_json(raw, name, "Overpass-JSON")
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
        raise FeedProblem(
            f"{shown(name)} is geen antwoord van de Overpass API: er staat geen lijst 'elements' in. "
            "Vraag de gegevens op met [out:json]."
        )
    if len(data["elements"]) > MAX_ELEMENTS:
        raise FeedProblem(f"{shown(name)} heeft meer dan {MAX_ELEMENTS} elementen. Vraag een kleiner gebied op.")
    return data["elements"]


# --- parts of a place ---------------------------------------------------------------------------


def _days(text: str) -> list[str]:
    days = []
    for span in text.split(","):
        first, _, last = span.partition("-")
        start, end = _DAY_ORDER.index(first), _DAY_ORDER.index(last or first)
        days += _DAY_ORDER[start : end + 1] if start <= end else _DAY_ORDER[start:] + _DAY_ORDER[: end + 1]
    return days


def opening_hours(text: str, tags: Part, name: str) -> list[dict]:
    """Simple opening_hours as our weekly opening times; anything else (holidays, months, 'off') with a note."""
    hours = []
    for rule in (r.strip() for r in text.split(";") if r.strip()):
        match = _RULE.match(rule)
        if not match:
            tags.notes.append(
                f"Plek '{shown(name)}': openingstijden '{shown(text, 120)}' zijn niet overgenomen "
                "(de Wegwijzer leest alleen vaste tijden per dag, zoals Mo-Fr 09:00-17:00). Schrijf ze zelf."
            )
            return []
        spans = [span.split("-") for span in match.group(2).split(",")]
        if not all(_TIME_RE.match(van) and _TIME_RE.match(tot) and van < tot for van, tot in spans):
            tags.notes.append(
                f"Plek '{shown(name)}': openingstijden '{shown(text, 120)}' kloppen niet. Schrijf ze zelf."
            )
            return []
        hours += [
            {"dag": DAY_OF_ICAL[_OSM_DAY[day]], "van": van, "tot": tot}
            for day in _days(match.group(1))
            for van, tot in spans
        ]
    if len(hours) > MAX_OPENING_HOURS:
        tags.notes.append(f"Plek '{shown(name)}': meer dan {MAX_OPENING_HOURS} openingstijden. Schrijf ze zelf.")
        return []
    return hours


def _contact(tags: Part, name: str) -> dict:
    def tag(key: str) -> str | None:  # contact:phone before phone; OSM separates more numbers with ';'
        value = tags.text(f"contact:{key}", one_line=True) or tags.text(key, one_line=True)
        return value.split(";")[0] if value else None

    values = {"telefoon": tag("phone"), "email": tag("email"), "website": tag("website")}
    out = checked_contact(values, tags.notes, f"Plek '{shown(name)}': ")
    return {"contact": out} if out else {}


def _address(tags: Part, kern: Area) -> dict | None:
    out: dict = {}
    street, number = tags.text("addr:street", one_line=True), tags.text("addr:housenumber", one_line=True)
    if street:
        out["straat"] = street
        if number:
            out["huisnummer"] = number[:12]
    postcode = tags.text("addr:postcode", one_line=True)
    if postcode and valid(model._postcode, postcode):
        out["postcode"] = model._postcode(postcode)
    elif postcode:
        tags.notes.append(f"Postcode '{shown(postcode)}' is niet overgenomen: hij klopt niet.")
    if not out:
        return None
    out["plaats"] = tags.text("addr:city", one_line=True) or tags.text("addr:place", one_line=True) or kern.naam
    return out


def _kind(tags: Part, name: str) -> str:
    low = name.casefold()
    for word, kind in NAME_KINDS:
        if word in low:
            return kind
    amenity = str(tags.raw("amenity"))
    if amenity == "community_centre" and tags.raw("community_centre") == "youth_centre":
        return "jongerenpunt"
    kind = KINDS.get(amenity, "anders")
    if kind not in ("buurthuis", "anders"):
        return kind  # a library, a town hall: no doubt
    detail = f"amenity={amenity}" + (
        f", social_facility={shown(tags.raw('social_facility'))}" if tags.has("social_facility") else ""
    )
    tags.notes.append(f"Plek '{shown(name)}': soort '{kind}' gekozen ({shown(detail, 80)}). Kies de goede soort.")
    return kind


def _access(tags: Part) -> list[str]:
    return [ours for key, ours in ACCESS if tags.raw(key) == "yes"]


def _kern(tags: Part, region: Region, lat: float, lon: float, name: str) -> Area | None:
    """The woonkern of addr:city when it is near, else the nearest one; None (with a note) when far from all."""
    town = tags.text("addr:city", one_line=True) or tags.text("addr:place", one_line=True)
    city = kern_by_name(region, town)
    if city is not None and distance_km(lat, lon, city.lat, city.lon) <= CITY_KM:
        return city
    kern = min(region.kernen(), key=lambda k: (distance_km(lat, lon, k.lat, k.lon), k.id))
    km = distance_km(lat, lon, kern.lat, kern.lon)
    if km > FAR_KM:
        tags.notes.append(
            f"Plek '{shown(name)}' ligt {km:.0f} km van {kern.naam}, de dichtstbijzijnde woonkern: "
            "waarschijnlijk buiten de Kop. Niet ingelezen."
        )
        return None
    if town:
        tags.notes.append(
            f"Plek '{shown(name)}': volgens OpenStreetMap in '{shown(town)}', geen woonkern in de lijst. "
            f"Woonkern {kern.naam} gekozen (de dichtstbijzijnde): controleer of de plek in de Kop ligt."
        )
    return kern


# --- one element --------------------------------------------------------------------------------


def _point(element: dict) -> tuple[float, float] | None:
    where = element if element.get("type") == "node" else element.get("center")
    if not isinstance(where, dict):
        return None
    lat, lon = where.get("lat"), where.get("lon")
    ok = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon))
    return (float(lat), float(lon)) if ok else None  # type: ignore[arg-type]


def place_of(element: dict, tags: Part, region: Region, beheerder: str | None) -> tuple[str, dict] | None:
    """(id, place data) for one element; None with a note when it cannot be a place here."""
    name = tags.text("name", "de naam", one_line=True)
    if not name:
        tags.notes.append("Dit element heeft geen naam ('name'). Zonder naam kan het niet in de Wegwijzer.")
        return None
    point = _point(element)
    if point is None:
        tags.notes.append(
            f"Plek '{shown(name)}' heeft geen middelpunt: vraag Overpass om 'out center'. Niet ingelezen."
        )
        return None
    if not inside_region(*point):
        tags.notes.append(
            f"Plek '{shown(name)}' ligt niet in de Kop van Noord-Holland ({point[0]}, {point[1]}). Niet ingelezen."
        )
        return None
    kern = _kern(tags, region, *point, name)
    keeper = beheerder or tags.text("operator", one_line=True)
    if kern is None:
        return None
    if not keeper:
        tags.notes.append(
            'Er staat geen beheerder bij (operator). Geef mee wie de plekken bijhoudt: --beheerder "...".'
        )
        return None
    data: dict = {"naam": name[:90].strip(), "soort": _kind(tags, name)}
    description = tags.text("description", "de beschrijving")
    data.update({"beschrijving": description} if description else {})
    operator = tags.text("operator", one_line=True)
    data.update({"organisatie": operator[:120]} if operator else {})
    adres = _address(tags, kern)
    data.update({"adres": adres} if adres else {})
    data.update(gemeente=kern.parent, woonkern=kern.id, coordinaten={"lat": point[0], "lon": point[1]})
    access = _access(tags)
    data.update({"toegankelijkheid": access} if access else {})
    hours_text = tags.text("opening_hours", one_line=True)
    hours = opening_hours(hours_text, tags, name) if hours_text else []
    data.update({"openingstijden": hours} if hours else {})
    data.update(_contact(tags, name))
    data.update(entry_tail(osm_bron(element["type"], element["id"]), keeper))
    return slug(name) or "plek", data


def _element_item(element: object, plan: Plan, known: dict[str, str], beheerder: str | None) -> Imported | None:
    notes: list[str] = []
    if not isinstance(element, dict) or element.get("type") not in ("node", "way", "relation"):
        return None  # not a map object (Overpass can also send areas or counts): nothing to report
    if not isinstance(element.get("id"), int) or isinstance(element.get("id"), bool):
        return Imported("(element zonder id)", notes=["Dit element heeft geen geldig OSM-id."], skipped=True)
    ref = f"{element['type']}/{element['id']}"
    raw_tags = element.get("tags")
    tags = Part(raw_tags if isinstance(raw_tags, dict) else {}, notes, "de plek")
    label = tags.text("name", "de naam", one_line=True) or ref
    item = Imported(f"{shown(label, 90)} ({ref})", notes=notes)
    if ref in known:
        item.skipped = True
        notes.append(f"Al eerder ingelezen: {known[ref]}. Niets overschreven.")
        return item
    found = place_of(element, tags, plan.region, beheerder)
    if found is None:
        item.skipped = True
        return item
    return plan_place(plan, item, *found)


def import_osm(
    source: Path | tuple[bytes, str],
    locations_dir: Path,
    activities_dir: Path,
    beheerder: str | None = None,
    write: bool = True,
    region: Region | None = None,
) -> ImportResult:
    """Import an Overpass API answer: a saved file, or (bytes, name) fresh from the server.

    FeedProblem (nothing written) when it cannot be read.
    """
    raw, name = (read_input(source), Path(source).name) if isinstance(source, Path) else source
    elements = read_elements(raw, name)
    plan = Plan.start(region or load_region(), name, locations_dir, activities_dir, what="OpenStreetMap")
    known: dict[str, str] = {}
    for place in plan.places.values():
        ref = osm_ref(place.bron)
        if ref:
            known[ref] = place.source
    result = ImportResult(written=write, noun="plekken")
    result.notes.append(f"{shown(name)}: {len(elements)} elementen gelezen. Gegevens {OSM_CREDIT}.")
    for element in elements:
        item = _element_item(element, plan, known, beheerder)
        if item is not None:
            result.items.append(item)
    return finish(plan, result)
