"""Open data in: turn an HSDS 3.0 service feed into entry YAML files for an editor to check.

Input: a JSON file with a list of compiled HSDS services, a paginated service list
(``{"contents": [...]}``), or one service object.
Output: ``activities/<id>.yaml`` and, for places inside the Kop van Noord-Holland,
``locations/<id>.yaml``. Every file must pass ``wegwijzer validate``; what could not be
mapped goes into a Dutch report, so the editor knows what to check or fill in.

Choices (documented on the open data page too):
- A place outside the region is not imported. Its address goes into the report and the
  offer gets ``gebied: [regio]`` when it has no other place.
- Themes, audiences and kinds come from our own ``wegwijzer-*`` attributes when present
  (our own export has them); otherwise a default is chosen and the report says so.
- A schedule that HSDS can say but we cannot (week numbers, days of the month, other
  intervals) is left out and reported with its description.
- Existing files are never overwritten: an existing activity is skipped, an existing
  place with the same id is linked.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from wegwijzer.core import model
from wegwijzer.core.load import check_references
from wegwijzer.core.messages import field_label, translate
from wegwijzer.core.model import ID_RE, Activity, Location
from wegwijzer.core.region import REGION_ID, REGION_NAME, Region, inside_region, load_region
from wegwijzer.core.vocab import DAY_OF_ICAL, LISTS, slug

DAY_OF = DAY_OF_ICAL
DEFAULT_THEME = "ontmoeten"
DEFAULT_AUDIENCE = "iedereen"
DEFAULT_OFFER_KIND = "hulp"
DEFAULT_PLACE_KIND = "anders"
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_HTML = re.compile(r"<[^>]+>")
_EXPORT_PROCESS = re.compile(r"^Aanmelden is (niet )?nodig\.\s*(.*)$", re.S)
PROFESSIONALS = "Voor professionals: "

# Words that suggest a theme when the feed has none of ours (Dutch and English).
THEME_WORDS = {
    "geld": ["geld", "schuld", "budget", "financ", "debt", "money", "benefit"],
    "je-goed-voelen": ["counsel", "mental", "psych", "somber", "stress", "eenzaam", "depress", "anxiety"],
    "taal": ["taal", "language", "lezen", "reading", "literacy", "inburger"],
    "digitaal": ["computer", "digita", "internet", "online hulp"],
    "opvoeden-en-opgroeien": ["opvoed", "ouder", "parent", "kinderen", "children", "jeugd", "youth"],
    "mantelzorg": ["mantelzorg", "carer", "caregiver"],
    "werk-en-leren": ["werk", "employment", "job", "baan", "leren", "training"],
    "gezondheid": ["gezond", "health", "sport", "bewegen", "exercise"],
    "vervoer": ["vervoer", "transport", "rijden"],
    "wonen": ["wonen", "housing", "huis"],
    "vrijwilligerswerk": ["vrijwillig", "volunteer"],
    "scheiden": ["scheid", "divorce"],
    "ontmoeten": ["ontmoet", "koffie", "social", "community"],
}

# HSDS service fields this importer reads. Other filled fields are named in the report.
HANDLED = {
    "id",
    "name",
    "description",
    "status",
    "organization",
    "organization_id",
    "phones",
    "email",
    "url",
    "languages",
    "service_areas",
    "service_at_locations",
    "schedules",
    "cost_options",
    "fees_description",
    "application_process",
    "attributes",
    "assured_date",
    "last_modified",
    "metadata",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
}


@dataclass
class Imported:
    """What one service became."""

    name: str
    activity_id: str | None = None
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: bool = False


@dataclass
class ImportResult:
    items: list[Imported] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        return [f for item in self.items for f in item.files]

    def report(self) -> str:
        lines = []
        for item in self.items:
            if item.skipped:
                lines.append(f"NIET ingelezen: {item.name}")
            else:
                lines.append(f"Ingelezen: {item.name} -> activities/{item.activity_id}.yaml")
            lines += [f"  - {note}" for note in item.notes]
        written = len(self.files)
        lines.append(
            f"{written} bestand(en) geschreven. Controleer elk item en vul 'gecontroleerd_op' in "
            "als alles klopt. Draai daarna 'wegwijzer validate'."
        )
        return "\n".join(lines)


def read_services(path: Path) -> list[dict]:
    """The services in an HSDS file: a list, a paginated list or one service."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"Het bestand {path} kan niet worden gelezen ({exc}).") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{Path(path).name} is geen geldige JSON (regel {exc.lineno}): {exc.msg}.") from None
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    elif isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(s, dict) for s in data):
        raise ValueError(f"{Path(path).name} bevat geen lijst met HSDS-services.")
    missing = [i + 1 for i, s in enumerate(data) if not s.get("name")]
    if missing:
        raise ValueError(f"Service {missing[0]} in {Path(path).name} heeft geen 'name'. Is dit wel HSDS 3.0?")
    return data


# --- small converters ---------------------------------------------------------------------


def _text(value, notes: list[str], what: str) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if _HTML.search(value):
        value = _HTML.sub("", value).strip()
        notes.append(f"HTML weggehaald uit {what}.")
    value = re.sub(r"\]\(\s*(?!https?:|mailto:|tel:)[^)]*\)", "]", value)
    return value or None


def _date(value) -> str | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _time(value, notes: list[str]) -> str | None:
    if not isinstance(value, str):
        return None
    match = _TIME.match(value.strip())
    if not match or int(match.group(1)) > 24:
        return None
    if match.group(3):
        notes.append(f"De tijd {value} heeft een tijdzone. Overgenomen als Nederlandse tijd: controleer.")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _valid(check, value) -> bool:
    try:
        check(value)
        return True
    except ValueError:
        return False


def _phone(phones, notes: list[str]) -> str | None:
    for phone in phones or []:
        number = str(phone.get("number") or "").strip().strip("\"'").strip()
        if not number:
            continue
        if _valid(model._phone, number):
            if len(phones) > 1:
                notes.append(f"Alleen het eerste telefoonnummer is overgenomen ({len(phones)} in de bron).")
            return number
        notes.append(f"Telefoonnummer '{number}' is niet overgenomen: het klopt niet.")
    return None


def _contact(phones, email, url, notes: list[str]) -> dict | None:
    out = {}
    number = _phone(phones, notes)
    if number:
        out["telefoon"] = number
    if email:
        if _valid(model._email, email):
            out["email"] = email.strip()
        else:
            notes.append(f"E-mailadres '{email}' is niet overgenomen: het klopt niet.")
    if url:
        if _valid(model._website, url):
            out["website"] = url.strip()
        else:
            notes.append(f"Webadres '{url}' is niet overgenomen: het klopt niet.")
    return out or None


def _attribute_codes(attributes, taxonomy: str) -> list[str]:
    codes = []
    for attr in attributes or []:
        term = attr.get("taxonomy_term") or {}
        if term.get("taxonomy") == taxonomy:
            code = term.get("code") or attr.get("value")
            if code and code not in codes:
                codes.append(code)
    return codes


def _address_line(address: dict) -> str:
    parts = [address.get(k) for k in ("address_1", "address_2", "postal_code", "city", "state_province", "country")]
    return ", ".join(str(p) for p in parts if p)


# --- schedules ------------------------------------------------------------------------------


def schedule_items(schedule: dict, notes: list[str]) -> list[dict]:
    """One HSDS schedule as schedule items (one per weekday), or [] with a note."""
    desc = schedule.get("description") or schedule.get("notes") or "zonder beschrijving"
    skip = f"Tijd niet overgenomen ('{desc}')"
    van = _time(schedule.get("opens_at"), notes)
    tot = _time(schedule.get("closes_at"), notes)
    if not van or not tot:
        notes.append(f"{skip}: er staat geen begintijd en eindtijd bij.")
        return []
    if tot <= van:
        notes.append(f"{skip}: de eindtijd ligt niet na de begintijd.")
        return []
    freq = schedule.get("freq")
    start = _date(schedule.get("dtstart")) or _date(schedule.get("valid_from"))
    eind = _date(schedule.get("until")) or _date(schedule.get("valid_to"))
    interval = schedule.get("interval") or 1
    base = {"van": van, "tot": tot}
    if schedule.get("notes"):
        base["opmerking"] = _text(schedule["notes"], notes, "een tijd")
    once = start and (schedule.get("count") == 1 or (eind == start and freq in (None, "WEEKLY")))
    if once and not any(schedule.get(k) for k in ("byweekno", "bymonthday", "byyearday")):
        return [{"datum": start, **base}]
    if freq not in ("WEEKLY", "MONTHLY"):
        notes.append(f"{skip}: er is geen vaste herhaling (freq).")
        return []
    for key in ("byweekno", "bymonthday", "byyearday"):
        if schedule.get(key):
            notes.append(f"{skip}: '{key}' ({schedule[key]}) kan de Wegwijzer niet weergeven. Schrijf de tijden zelf.")
            return []
    if schedule.get("count"):
        notes.append(f"{skip}: een vast aantal keer (count) kan de Wegwijzer niet weergeven.")
        return []
    days = [d.strip().upper() for d in str(schedule.get("byday") or "").split(",") if d.strip()]
    if not days:
        notes.append(f"{skip}: er staat geen dag bij (byday).")
        return []
    items = []
    for day in days:
        match = re.fullmatch(r"([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)", day)
        if not match:
            notes.append(f"{skip}: de dag '{day}' is onbekend.")
            return []
        item = {"dag": DAY_OF[match.group(2)], **base}
        if freq == "WEEKLY":
            if match.group(1) or interval not in (1, 2):
                notes.append(f"{skip}: deze herhaling ({day}, interval {interval}) kan de Wegwijzer niet weergeven.")
                return []
            if interval == 2:
                item["herhaling"] = "tweewekelijks"
        else:
            week = int(match.group(1) or 0)
            if week not in (1, 2, 3, 4, -1) or interval != 1:
                notes.append(f"{skip}: alleen 'de 1e tot 4e of laatste dag van de maand' kan. Hier staat {day}.")
                return []
            item.update(herhaling="maandelijks", week=week)
        if start:
            item["start"] = start
        if eind:
            item["eind"] = eind
        items.append(item)
    return items


# --- places ---------------------------------------------------------------------------------


def _nearest_kern(region: Region, lat: float, lon: float):
    from wegwijzer.core.catalog import distance_km

    return min(region.kernen(), key=lambda k: (distance_km(lat, lon, k.lat, k.lon), k.id))


def _kern_by_name(region: Region, city: str | None):
    if not city:
        return None
    wanted = city.strip().casefold()
    for kern in region.kernen():
        if kern.naam.casefold() == wanted:
            return kern
    return None


def location_entry(loc: dict, region: Region, meta: dict, notes: list[str]) -> tuple[str | None, dict | None]:
    """(id, YAML data) for an HSDS location in the region; (None, None) with a note when it is not."""
    name = _text(loc.get("name"), notes, "de naam van een plek") or "Plek zonder naam"
    addresses = loc.get("addresses") or []
    address = next((a for a in addresses if a.get("address_type") == "physical"), addresses[0] if addresses else None)
    where = _address_line(address) if address else "geen adres"
    lat, lon = loc.get("latitude"), loc.get("longitude")
    has_point = isinstance(lat, (int, float)) and isinstance(lon, (int, float))
    kern = None
    if has_point and inside_region(lat, lon):
        from wegwijzer.core.catalog import distance_km

        kern = _nearest_kern(region, lat, lon)
        coords = {"lat": float(lat), "lon": float(lon)}
        km = distance_km(lat, lon, kern.lat, kern.lon)
        if km > 5:
            notes.append(
                f"De plek '{name}' ligt {km:.0f} km van {kern.naam}, de dichtstbijzijnde woonkern. "
                "Controleer of de plek echt in de Kop ligt en kies de goede woonkern."
            )
    else:
        kern = _kern_by_name(region, address.get("city") if address else None)
        if kern is None:
            notes.append(
                f"De plek '{name}' ligt niet in de Kop van Noord-Holland ({where}"
                + (f"; coördinaten {lat}, {lon}" if has_point else "")
                + "). Die plek is niet ingelezen."
            )
            return None, None
        coords = {"lat": kern.lat, "lon": kern.lon}
        notes.append(
            f"De plek '{name}' heeft geen bruikbare coördinaten. Het midden van {kern.naam} is gebruikt: "
            "zet de echte plek op de kaart."
        )
    ext = loc.get("external_identifier")
    if loc.get("external_identifier_type") == "wegwijzer-id" and isinstance(ext, str) and ID_RE.match(ext):
        loc_id = ext
    else:
        loc_id = slug(name) or "naam"
    gemeente = kern.parent
    data: dict = {"naam": name[:90]}
    kinds = [k for k in _attribute_codes(loc.get("attributes"), "wegwijzer-plek_soorten") if k in LISTS["plek_soorten"]]
    if kinds:
        data["soort"] = kinds[0]
    else:
        data["soort"] = DEFAULT_PLACE_KIND
        notes.append(f"Plek '{name}': soort is '{DEFAULT_PLACE_KIND}'. Kies de goede soort.")
    description = _text(loc.get("description"), notes, "de beschrijving van een plek")
    if description and loc.get("external_identifier_type") == "wegwijzer-id":
        # Our own export starts with "<soort> in <woonkern>."; that is not part of the text.
        description = description.split("\n\n", 1)[1] if "\n\n" in description else None
    if description:
        data["beschrijving"] = description
    if meta.get("organisatie"):
        data["organisatie"] = meta["organisatie"]
    if address and address.get("country") in (None, "NL", "nl", "Nederland"):
        adres = {}
        line = str(address.get("address_1") or "").strip()
        match = re.match(r"^(.*?[^\d\s])\s+(\d+\s*[A-Za-z]?(?:[-/ ]?\w+)?)$", line)
        if match:
            adres["straat"], adres["huisnummer"] = match.group(1), match.group(2)
        elif line:
            adres["straat"] = line
        postcode = address.get("postal_code")
        if postcode and _valid(model._postcode, postcode):
            adres["postcode"] = model._postcode(postcode)
        elif postcode:
            notes.append(f"Plek '{name}': postcode '{postcode}' is niet overgenomen, hij klopt niet.")
        adres["plaats"] = (address.get("city") or kern.naam).strip()
        data["adres"] = adres
    elif str(loc.get("transportation") or "").startswith("Plaats: "):
        data["adres"] = {"plaats": loc["transportation"][len("Plaats: ") :].rstrip(".").strip()}
    data["gemeente"] = gemeente
    data["woonkern"] = kern.id
    data["coordinaten"] = coords
    access = []
    labels = {v["label"].casefold(): k for k, v in LISTS["toegankelijkheid"].items()}
    for item in loc.get("accessibility") or []:
        key = labels.get(str(item.get("description") or "").strip().casefold())
        if key and key not in access:
            access.append(key)
        elif item.get("description"):
            notes.append(
                f"Plek '{name}': toegankelijkheid niet overgenomen: '{item['description']}'. Kies uit de lijst."
            )
    if access:
        data["toegankelijkheid"] = access
    hours = []
    for schedule in loc.get("schedules") or []:
        for item in schedule_items(schedule, notes):
            if item.get("dag") and "herhaling" not in item and "start" not in item and "eind" not in item:
                hours.append({k: item[k] for k in ("dag", "van", "tot", "opmerking") if k in item})
            else:
                notes.append(f"Plek '{name}': een openingstijd die niet elke week is, is niet overgenomen.")
    if hours:
        data["openingstijden"] = hours
    contact = _contact(loc.get("phones"), None, loc.get("url"), notes)
    if contact:
        data["contact"] = contact
    data.update(meta["common"])
    return loc_id, data


# --- services -------------------------------------------------------------------------------


def _summary(name: str, description: str | None, notes: list[str]) -> tuple[str, str | None]:
    if not description:
        notes.append("Er is geen beschrijving. De samenvatting is de naam: schrijf een zin in B1.")
        return name, None
    first, _, rest = description.partition("\n\n")
    if len(first) <= 160 and "\n" not in first:
        return first, rest.strip() or None
    sentence = re.split(r"(?<=[.!?])\s", description.replace("\n", " "), maxsplit=1)[0]
    if len(sentence) > 160:
        sentence = sentence[:157].rsplit(" ", 1)[0] + "..."
    notes.append("De samenvatting komt uit de eerste zin van de beschrijving. Maak er één korte zin in B1 van.")
    return sentence, description


def _guess_themes(text: str) -> list[str]:
    low = text.casefold()
    found = [theme for theme, words in THEME_WORDS.items() if any(w in low for w in words)]
    return found[:2]


def service_entry(
    service: dict, region: Region, source_name: str, notes: list[str]
) -> tuple[dict, list[tuple[str, dict]]]:
    """(activity data, [(location id, location data)]) for one HSDS service."""
    name = _text(service.get("name"), notes, "de naam") or "Zonder naam"
    if len(name) > 90:
        notes.append("De naam was langer dan 90 tekens en is ingekort.")
        name = name[:90].rstrip()
    org = service.get("organization") or {}
    organisatie = _text(org.get("name"), notes, "de organisatie")
    if not organisatie:
        organisatie = "Onbekende aanbieder"
        notes.append("Er staat geen organisatie bij. Vul 'organisatie' en 'beheerder' in.")
    common = {"bron": f"HSDS-import: {source_name}", "gecontroleerd_op": None, "beheerder": organisatie}
    org_email = org.get("email")
    if org_email and _valid(model._email, org_email):
        common["beheerder_email"] = org_email.strip()
    meta = {"organisatie": organisatie, "common": common}
    description = _text(service.get("description"), notes, "de beschrijving")
    samenvatting, beschrijving = _summary(name, description, notes)
    data: dict = {"naam": name}
    attrs = service.get("attributes")
    kinds = [k for k in _attribute_codes(attrs, "wegwijzer-aanbod_soorten") if k in LISTS["aanbod_soorten"]]
    data["soort"] = kinds[0] if kinds else DEFAULT_OFFER_KIND
    if not kinds:
        notes.append(f"Soort is '{DEFAULT_OFFER_KIND}' (hulp en advies). Kies de goede soort.")
    data["samenvatting"] = samenvatting
    if beschrijving:
        data["beschrijving"] = beschrijving
    if not kinds:  # not from a Wegwijzer export: the texts were written for another site
        notes.append("Controleer of de teksten in B1-Nederlands zijn.")
    data["organisatie"] = organisatie
    themes = [t for t in _attribute_codes(attrs, "wegwijzer-themas") if t in LISTS["themas"]]
    if not themes:
        themes = _guess_themes(f"{name} {description or ''}")
        if themes:
            notes.append(f"Thema's gekozen op woorden in de tekst: {', '.join(themes)}. Kies zelf de goede thema's.")
        else:
            themes = [DEFAULT_THEME]
            notes.append(f"Geen thema gevonden. Thema '{DEFAULT_THEME}' is gekozen: kies zelf de goede thema's.")
    data["themas"] = themes
    audiences = [d for d in _attribute_codes(attrs, "wegwijzer-doelgroepen") if d in LISTS["doelgroepen"]]
    if not audiences:
        audiences = [DEFAULT_AUDIENCE]
        ages = [service.get("minimum_age"), service.get("maximum_age")]
        extra = f" (de bron zegt: leeftijd {ages[0]} tot {ages[1]})" if any(a is not None for a in ages) else ""
        notes.append(f"Geen doelgroep gevonden. Doelgroep '{DEFAULT_AUDIENCE}' is gekozen{extra}: kies zelf.")
    data["doelgroepen"] = audiences
    if service.get("eligibility_description"):
        notes.append(f"Voor wie (niet overgenomen): '{service['eligibility_description']}'.")

    places: list[tuple[str, dict]] = []
    schedules: list[dict] = []
    for schedule in service.get("schedules") or []:
        schedules += schedule_items(schedule, notes)
    for sal in service.get("service_at_locations") or []:
        loc = sal.get("location")
        if not isinstance(loc, dict):
            notes.append("Een plek zonder 'location' is overgeslagen.")
            continue
        loc_id, loc_data = location_entry(loc, region, meta, notes)
        items = []
        for schedule in sal.get("schedules") or []:
            items += schedule_items(schedule, notes)
        if loc_id is None:
            if items:
                notes.append("De tijden van een plek buiten de regio zijn als algemene tijden overgenomen.")
            schedules += items
            continue
        if loc_id not in [p for p, _ in places]:
            places.append((loc_id, loc_data))
        schedules += [{**item, "plek": loc_id} for item in items]
    if places:
        data["plekken"] = [p for p, _ in places]
    else:
        gebied = []
        names = {a.naam.casefold(): a.id for a in region.gemeenten()}
        names.update({f"gemeente {a.naam}".casefold(): a.id for a in region.gemeenten()})
        names.update({REGION_NAME.casefold(): REGION_ID, "kop van noord-holland": REGION_ID})
        for area in service.get("service_areas") or []:
            gid = names.get(str(area.get("name") or "").strip().casefold())
            if gid and gid not in gebied:
                gebied.append(gid)
        if not gebied:
            gebied = [REGION_ID]
            notes.append("Geen plek of gebied in de Kop gevonden. Gebied is 'regio' (de hele Kop): kies zelf.")
        data["gebied"] = gebied
    if schedules:
        data["schema"] = schedules
    cost = _cost(service, notes)
    if cost:
        data["kosten"] = cost
    process = _text(service.get("application_process"), notes, "het aanmelden")
    if process and PROFESSIONALS in process:
        process, _, professionals = process.partition(PROFESSIONALS)
        data["voor_professionals"] = professionals.strip()
        process = process.strip()
    if process:
        match = _EXPORT_PROCESS.match(process)
        if match:
            data["aanmelden"] = {"nodig": not match.group(1)}
            if match.group(2).strip():
                data["aanmelden"]["hoe"] = match.group(2).strip()
        else:
            notes.append(f"Aanmelden (niet overgenomen, vul 'aanmelden' zelf in): '{process}'.")
    talen = []
    for lang in service.get("languages") or []:
        code = str(lang.get("code") or "").strip().lower()
        if code in LISTS["talen"] and code not in talen:
            talen.append(code)
        elif code or lang.get("name"):
            notes.append(f"Taal '{lang.get('name') or code}' staat niet in de lijst met talen en is niet overgenomen.")
    if talen:
        data["talen"] = talen
    contact = _contact(service.get("phones"), service.get("email"), service.get("url"), notes)
    if contact:
        data["contact"] = contact
    if service.get("status") not in (None, "active"):
        notes.append(f"De status in de bron is '{service['status']}'. Kijk of het aanbod nog bestaat.")
    rest = sorted(k for k, v in service.items() if k not in HANDLED and v not in (None, "", [], {}))
    if rest:
        notes.append("Niet overgenomen velden: " + ", ".join(rest) + ".")
    data.update(common)
    return data, places


def _cost(service: dict, notes: list[str]) -> dict | None:
    options = service.get("cost_options") or []
    if len(options) > 1:
        notes.append(f"Alleen de eerste prijs is overgenomen ({len(options)} in de bron).")
    for option in options[:1]:
        currency = str(option.get("currency") or "EUR").upper()
        amount = option.get("amount")
        uitleg = " ".join(
            str(option[k]) for k in ("option", "amount_description") if option.get(k) and option[k] != "Gratis"
        )
        if currency != "EUR" and amount is not None:
            notes.append(f"Prijs in {currency} is als tekst overgenomen. Zet het bedrag in euro als dat kan.")
            return {"uitleg": f"{amount} {currency} {uitleg}".strip()}
        if amount == 0:
            return {"gratis": True, **({"uitleg": uitleg} if uitleg else {})}
        if isinstance(amount, (int, float)) and amount > 0:
            return {"bedrag": float(amount), **({"uitleg": uitleg} if uitleg else {})}
        if uitleg:
            return {"uitleg": uitleg}
    fees = _text(service.get("fees_description"), notes, "de kosten")
    if fees:
        return {"gratis": True} if fees == "Gratis" else {"uitleg": fees}
    return None


# --- writing --------------------------------------------------------------------------------


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _errors(data: dict, kind_model, kind: str) -> list[str]:
    try:
        kind_model.model_validate(data)
    except ValidationError as exc:
        out = []
        for err in exc.errors(include_url=False):
            loc, message = translate(err, kind, kind_model)
            out.append(f"{field_label(loc) or 'item'}: {message}")
        return out
    return []


def _yaml(data: dict, source_name: str) -> str:
    header = (
        f"# Ingelezen uit {source_name} (HSDS 3.0). Controleer alles, vul 'gecontroleerd_op' in\n"
        "# en haal deze regels weg als het klopt.\n"
    )
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return header + body.replace("\ngecontroleerd_op: null\n", "\ngecontroleerd_op:\n")


def import_services(
    services: list[dict],
    source_name: str,
    locations_dir: Path,
    activities_dir: Path,
    region: Region | None = None,
    write: bool = True,
) -> ImportResult:
    """Turn HSDS services into entry files. Nothing existing is overwritten."""
    region = region or load_region()
    result = ImportResult()
    existing_places = {p.stem for p in locations_dir.glob("*.y*ml")} if locations_dir.is_dir() else set()
    taken_acts = {p.stem for p in activities_dir.glob("*.y*ml")} if activities_dir.is_dir() else set()
    taken_places = set(existing_places)
    new_places: dict[str, dict] = {}
    for service in services:
        notes: list[str] = []
        item = Imported(str(service.get("name") or "(zonder naam)"), notes=notes)
        result.items.append(item)
        data, places = service_entry(service, region, source_name, notes)
        act_id = slug(data["naam"]) or "naam"
        if act_id in taken_acts:
            item.skipped = True
            notes.insert(0, f"Er is al een item activities/{act_id}.yaml. Niets overschreven; vergelijk ze zelf.")
            continue
        # places: link existing ones, add new ones once
        rename = {}
        for loc_id, loc_data in places:
            if loc_id in existing_places:
                notes.append(f"Gekoppeld aan de bestaande plek locations/{loc_id}.yaml.")
                continue
            if loc_id in new_places and new_places[loc_id]["naam"] == loc_data["naam"]:
                continue
            new_id = _unique(loc_id, taken_places | set(new_places))
            rename[loc_id] = new_id
            problems = _errors(loc_data, Location, "plek")
            if problems:
                notes += [f"Plek '{loc_data['naam']}' niet ingelezen: {p}" for p in problems]
                rename[loc_id] = None
                continue
            new_places[new_id] = loc_data
            path = locations_dir / f"{new_id}.yaml"
            if write:
                locations_dir.mkdir(parents=True, exist_ok=True)
                path.write_text(_yaml(loc_data, source_name), encoding="utf-8")
            item.files.append(path)
            taken_places.add(new_id)
        if rename:
            data = _apply_renames(data, rename, notes)
        problems = _errors(data, Activity, "aanbod")
        if not problems:
            acts = {act_id: Activity.model_validate(data).bind(act_id, f"activities/{act_id}.yaml")}
            known = {pid: None for pid in existing_places | set(new_places)}
            problems = [
                f"{p.field}: {p.message}"
                for p in check_references(region, {}, acts)
                if not (p.field.startswith("plekken") and data["plekken"][int(p.field.rsplit(" ", 1)[-1]) - 1] in known)
            ]
        if problems:
            item.skipped = True
            notes += [f"Klopt niet: {p}" for p in problems]
            continue
        item.activity_id = act_id
        taken_acts.add(act_id)
        path = activities_dir / f"{act_id}.yaml"
        if write:
            activities_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(_yaml(data, source_name), encoding="utf-8")
        item.files.append(path)
    return result


def _apply_renames(data: dict, rename: dict, notes: list[str]) -> dict:
    data = dict(data)
    keep = [rename.get(p, p) for p in data.get("plekken", []) if rename.get(p, p) is not None]
    schema = []
    for item in data.get("schema", []):
        if "plek" in item:
            new = rename.get(item["plek"], item["plek"])
            item = {k: v for k, v in item.items() if k != "plek"} if new is None else {**item, "plek": new}
        schema.append(item)
    if schema:
        data["schema"] = schema
    if keep:
        data["plekken"] = keep
    else:
        data.pop("plekken", None)
        data["gebied"] = [REGION_ID]
        notes.append("Geen plek over. Gebied is 'regio' (de hele Kop): kies zelf.")
    return data


def import_file(
    path: Path, root: Path, locations_dir: Path | None = None, activities_dir: Path | None = None, write: bool = True
) -> ImportResult:
    services = read_services(path)
    return import_services(
        services,
        Path(path).name,
        locations_dir or root / "locations",
        activities_dir or root / "activities",
        write=write,
    )
