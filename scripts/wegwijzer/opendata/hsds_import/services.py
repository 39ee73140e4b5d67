"""HSDS services -> our offers (``activities/<id>.yaml``), one function per part of a service.

To map one more HSDS part (contacts, assured_date, ...): write a function ``_<part>(service)``
that returns the fields it fills, add it to ``PARTS`` and its HSDS key to ``HANDLED``.

Themes, audiences and kinds come from our own ``wegwijzer-*`` attributes when present (our
export has them); otherwise a default is chosen and the report says so. The ``verwijzen`` block
comes back only from our own export (its attributes, its lines in ``application_process`` and
``required_documents``); another feed's referral text is reported, not guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from wegwijzer.core import model, referral
from wegwijzer.core.guard import shown
from wegwijzer.core.region import REGION_ID, REGION_NAME, UNKNOWN_AREA, Region
from wegwijzer.core.vocab import LISTS
from wegwijzer.opendata.hsds_import.contacts import contact_block, valid
from wegwijzer.opendata.hsds_import.feed import Part
from wegwijzer.opendata.hsds_import.places import Service, attribute_codes, location_entry
from wegwijzer.opendata.hsds_import.schedules import schedule_items

DEFAULT_THEME = "ontmoeten"
DEFAULT_AUDIENCE = "iedereen"
DEFAULT_OFFER_KIND = "hulp"
UNKNOWN_NOTE = "weet je waar het is? Zet dan de gemeente of 'regio'."  # after "Gebied is 'onbekend': "
PROFESSIONALS = "Voor professionals: "
_EXPORT_PROCESS = re.compile(r"^Aanmelden is (niet )?nodig\.\s*(.*)$", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")

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
    "required_documents",
    "attributes",
    "assured_date",
    "assurer_email",
    "alert",
    "contacts",
    "fees",
    "last_modified",
    "metadata",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
}


class Mapped:
    """One service as our offer: its YAML data and the places it is held at (id, YAML data)."""

    def __init__(self, data: dict, places: list[tuple[str, dict]]):
        self.data = data
        self.places = places


# --- texts ----------------------------------------------------------------------------------


def service_name(service: Part) -> str | None:
    """The name of a service, at most 90 characters; None when it has none."""
    name = service.text("name", "de naam", one_line=True)
    if name and len(name) > 90:
        service.notes.append("De naam was langer dan 90 tekens en is ingekort.")
        name = name[:90].rstrip()
    return name


def summary_of(service: Part, name: str, description: str | None) -> dict:
    if not description:
        service.notes.append("Er is geen beschrijving. De samenvatting is de naam: schrijf een zin in B1.")
        return {"samenvatting": name}
    first, _, rest = description.partition("\n\n")
    if len(first) <= 160 and "\n" not in first:
        return {"samenvatting": first, **({"beschrijving": rest.strip()} if rest.strip() else {})}
    sentence = _SENTENCE_END.split(description.replace("\n", " "), maxsplit=1)[0]
    if len(sentence) > 160:
        sentence = sentence[:157].rsplit(" ", 1)[0] + "..."
    service.notes.append("De samenvatting komt uit de eerste zin van de beschrijving. Maak er één korte zin in B1 van.")
    return {"samenvatting": sentence, "beschrijving": description}


def _organization(service: Part) -> Service:
    org = service.part("organization", "de organisatie") or Part({}, service.notes)
    organisatie = org.text("name", "de organisatie", one_line=True)
    if not organisatie:
        organisatie = "Onbekende aanbieder"
        service.notes.append("Er staat geen organisatie bij. Vul 'organisatie' en 'beheerder' in.")
    common: dict = {"bron": "", "gecontroleerd_op": None, "beheerder": organisatie[:120]}
    email = org.text("email")
    if email and valid(model._email, email):
        common["beheerder_email"] = email.strip()
    _assurer(service, common)
    return Service(organisatie[:120], common)


def _assurer(service: Part, common: dict) -> None:
    """'assurer_email' (who checks the data at the source): for reports, when the organisation has no address."""
    assurer = service.text("assurer_email", "wie de gegevens controleert")
    if not assurer:
        return
    if not valid(model._email, assurer):
        service.notes.append(f"E-mailadres van wie de gegevens controleert ('{shown(assurer)}') klopt niet.")
    elif "beheerder_email" not in common:
        common["beheerder_email"] = assurer.strip()
        service.notes.append(
            f"Meldingen over dit item gaan naar {shown(assurer)}: wie de gegevens bij de bron controleert."
        )
    elif assurer.strip() != common["beheerder_email"]:
        service.notes.append(
            f"Wie de gegevens bij de bron controleert: {shown(assurer)}. Meldingen gaan naar de organisatie."
        )


# --- lists ------------------------------------------------------------------------------------


def _guess_themes(text: str) -> list[str]:
    low = text.casefold()
    return [theme for theme, words in THEME_WORDS.items() if any(w in low for w in words)][:2]


def _kind(service: Part) -> dict:
    codes = attribute_codes(service.parts("attributes"), "wegwijzer-aanbod_soorten")
    kinds = [k for k in codes if k in LISTS["aanbod_soorten"]]
    if kinds:
        return {"soort": kinds[0]}
    service.notes.append(f"Soort is '{DEFAULT_OFFER_KIND}' (hulp en advies). Kies de goede soort.")
    service.notes.append("Controleer of de teksten in B1-Nederlands zijn.")  # written for another site
    return {"soort": DEFAULT_OFFER_KIND}


def themes_of(service: Part, text: str) -> dict:
    themes = [t for t in attribute_codes(service.parts("attributes"), "wegwijzer-themas") if t in LISTS["themas"]]
    if not themes:
        themes = _guess_themes(text)
        if themes:
            service.notes.append(
                f"Thema's gekozen op woorden in de tekst: {', '.join(themes)}. Kies zelf de goede thema's."
            )
        else:
            themes = [DEFAULT_THEME]
            service.notes.append(
                f"Geen thema gevonden. Thema '{DEFAULT_THEME}' is gekozen: kies zelf de goede thema's."
            )
    return {"themas": themes}


def _age_text(low: float | None, high: float | None) -> str:
    """'leeftijd 12 tot 18', 'vanaf 12 jaar', 'tot 18 jaar' or '' (never 'None')."""
    if low is not None and high is not None:
        return f"leeftijd {low:g} tot {high:g}"
    if low is not None:
        return f"vanaf {low:g} jaar"
    return f"tot {high:g} jaar" if high is not None else ""


def audiences_of(service: Part) -> dict:
    codes = attribute_codes(service.parts("attributes"), "wegwijzer-doelgroepen")
    audiences = [d for d in codes if d in LISTS["doelgroepen"]]
    if not audiences:
        ages = _age_text(service.number("minimum_age"), service.number("maximum_age"))
        extra = f" (de bron zegt: {ages})" if ages else ""
        service.notes.append(f"Geen doelgroep gevonden. Doelgroep '{DEFAULT_AUDIENCE}' is gekozen{extra}: kies zelf.")
        audiences = [DEFAULT_AUDIENCE]
    eligibility = service.text("eligibility_description")
    if eligibility:
        service.notes.append(f"Voor wie (niet overgenomen): '{shown(eligibility, 200)}'.")
    return {"doelgroepen": audiences}


# --- where and when ---------------------------------------------------------------------------


def _places_and_times(service: Part, region: Region, org: Service) -> tuple[dict, list[tuple[str, dict]]]:
    """'plekken' (or 'gebied') and 'schema', and the places to write."""
    places: list[tuple[str, dict]] = []
    schedules: list[dict] = []
    for schedule in service.parts("schedules", "een tijd"):
        schedules += schedule_items(schedule)
    for sal in service.parts("service_at_locations", "een plek"):
        loc = sal.part("location", "een plek")
        if loc is None:
            service.notes.append("Een plek zonder 'location' is overgeslagen.")
            continue
        found = location_entry(loc, region, org)
        items = [item for schedule in sal.parts("schedules", "een tijd") for item in schedule_items(schedule)]
        if found is None:
            if items:
                service.notes.append("De tijden van een plek buiten de regio zijn als algemene tijden overgenomen.")
            schedules += items
            continue
        loc_id, loc_data = found
        if loc_id not in [p for p, _ in places]:
            places.append((loc_id, loc_data))
        schedules += [{**item, "plek": loc_id} for item in items]
    data: dict = {"plekken": [p for p, _ in places]} if places else _areas(service, region)
    if schedules:
        data["schema"] = schedules
    return data, places


def _areas(service: Part, region: Region) -> dict:
    gebied = []
    names = {a.naam.casefold(): a.id for a in region.gemeenten()}
    names.update({f"gemeente {a.naam}".casefold(): a.id for a in region.gemeenten()})
    names.update({REGION_NAME.casefold(): REGION_ID, "kop van noord-holland": REGION_ID})
    for area in service.parts("service_areas", "een gebied"):
        gid = names.get((area.text("name") or "").strip().casefold())
        if gid and gid not in gebied:
            gebied.append(gid)
    if not gebied:  # no invented coverage: the editor fills it in when it is known
        gebied = [UNKNOWN_AREA]
        service.notes.append(f"Geen plek of gebied in de Kop gevonden. Gebied is '{UNKNOWN_AREA}': {UNKNOWN_NOTE}")
    return {"gebied": gebied}


# --- costs, registration, languages, contact ----------------------------------------------------


def _option_cost(option: Part) -> dict | None:
    """One HSDS cost option as our 'kosten' block; None when it says nothing we can use."""
    currency = (option.text("currency") or "EUR").upper()
    amount = option.number("amount")
    texts = (option.text("option", one_line=True), option.text("amount_description", one_line=True))
    uitleg = " ".join(t for t in texts if t and t != "Gratis")
    if currency != "EUR" and amount is not None:
        option.notes.append(f"Prijs in {shown(currency)} is als tekst overgenomen. Zet het bedrag in euro als dat kan.")
        return {"uitleg": f"{amount:g} {currency} {uitleg}".strip()}
    if amount is not None and amount > 0 and not option.has("currency"):
        option.notes.append("De bron noemt geen munt (currency). Het bedrag is als euro overgenomen: controleer dat.")
    if amount == 0:
        return {"gratis": True, **({"uitleg": uitleg} if uitleg else {})}
    if amount is not None and amount > 0:
        return {"bedrag": amount, **({"uitleg": uitleg} if uitleg else {})}
    return {"uitleg": uitleg} if uitleg else None


def _option_period(option: Part) -> None:
    """A note when the price was only valid until a date that has passed."""
    until = option.raw("valid_to")
    try:
        ended = isinstance(until, str) and dt.date.fromisoformat(until[:10]) < dt.date.today()
    except ValueError:
        ended = False
    if ended:
        option.notes.append(f"De prijs gold tot {shown(until, 20)}. Kijk of hij nog klopt.")


def _fees(service: Part) -> str | None:
    """The costs in words: 'fees_description' (HSDS 3), else 'fees' (Open Referral UK); a note for the other."""
    texts = [service.text(k, "de kosten", one_line=True) for k in ("fees_description", "fees")]
    first, second = texts
    if first and second and second != first:
        service.notes.append(f"Over de kosten staat ook (in 'fees', niet overgenomen): '{shown(second, 200)}'.")
    return first or second


def _cost(service: Part) -> dict:
    options = service.parts("cost_options", "een prijs")
    if len(options) > 1:
        service.notes.append(f"Alleen de eerste prijs is overgenomen ({len(options)} in de bron).")
    fees = _fees(service)
    for option in options[:1]:
        kosten = _option_cost(option)
        if kosten:
            _option_period(option)
            if fees:
                service.notes.append(
                    f"Over de kosten zegt de bron ook: '{shown(fees, 200)}'. "
                    "Niet overgenomen: zet het in 'kosten, uitleg' als het nodig is."
                )
            return {"kosten": kosten}
    if fees:
        return {"kosten": {"gratis": True} if fees == "Gratis" else {"uitleg": fees}}
    return {}


def _documents(service: Part) -> str:
    docs = [d.text("document", "wat je meestuurt", one_line=True) for d in service.parts("required_documents")]
    return "; ".join(d for d in docs if d)


def _referral(service: Part, lines: str) -> dict:
    """Our own export's 'verwijzen': who and how from the wegwijzer-* attributes, the rest from its lines."""
    attributes = service.parts("attributes")
    wie = [c for c in attribute_codes(attributes, "wegwijzer-verwijzers") if c in LISTS["verwijzers"]]
    documents = _documents(service)
    if not wie:
        for what, text in (("Verwijzen", lines), ("Meesturen", documents)):
            if text:
                service.notes.append(f"{what} (niet overgenomen, vul 'verwijzen' zelf in): '{shown(text, 200)}'.")
        return {}
    hoe = [c for c in attribute_codes(attributes, "wegwijzer-verwijs_manieren") if c in LISTS["verwijs_manieren"]]
    block: dict = {"wie": wie, **({"hoe": hoe} if hoe else {}), **referral.from_process(lines)}
    if "formulier" in block and not valid(model._website, block["formulier"]):
        service.notes.append(f"Het aanmeldformulier '{shown(block.pop('formulier'))}' is geen geldig webadres.")
    if documents and len(documents) <= 300:
        block["meesturen"] = documents
    elif documents:
        service.notes.append("Wat je meestuurt is langer dan 300 tekens en is niet overgenomen.")
    return {"verwijzen": block}


def _registration(service: Part) -> dict:
    out: dict = {}
    process = service.text("application_process", "het aanmelden")
    if process and PROFESSIONALS in process:
        process, _, professionals = process.partition(PROFESSIONALS)
        out["voor_professionals"] = professionals.strip()
        process = process.strip()
    process, _, lines = (process or "").partition(referral.PROCESS_HEADING)
    out.update(_referral(service, lines.strip()))
    process = process.strip()
    if process:
        match = _EXPORT_PROCESS.match(process)
        if match:
            out["aanmelden"] = {"nodig": not match.group(1)}
            if match.group(2).strip():
                out["aanmelden"]["hoe"] = match.group(2).strip()
        else:
            service.notes.append(f"Aanmelden (niet overgenomen, vul 'aanmelden' zelf in): '{shown(process, 200)}'.")
    return out


def _languages(service: Part) -> dict:
    talen: list[str] = []
    for lang in service.parts("languages", "een taal"):
        code = (lang.text("code") or "").strip().lower()
        if code in LISTS["talen"] and code not in talen:
            talen.append(code)
        elif code or lang.text("name"):
            service.notes.append(
                f"Taal '{shown(lang.text('name') or code)}' staat niet in de lijst met talen en is niet overgenomen."
            )
    return {"talen": talen} if talen else {}


def _contact(service: Part) -> dict:
    org = service.part("organization")
    known = (org.text("name", one_line=True) or "",) if org else ()
    contact = contact_block(service, service.text("email"), known)
    return {"contact": contact} if contact else {}


def _checked_by_source(service: Part) -> dict:
    """'assured_date' as the source's own check (never ours), and the source's alert for the editor."""
    out: dict = {}
    assured = service.raw("assured_date")
    if assured not in (None, ""):
        try:
            date = dt.date.fromisoformat(str(assured)[:10])
        except ValueError:
            date = None
        if date is None or date > dt.date.today():
            service.notes.append(f"De controledatum van de bron ('{shown(assured, 30)}') klopt niet: niet overgenomen.")
        else:
            out["bron_gecontroleerd_op"] = date
    alert = service.text("alert", "de melding van de bron")
    if alert:
        service.notes.append(
            f"De bron meldt: '{shown(alert, 300)}'. Niet overgenomen: zet het in de beschrijving als het nu nog geldt."
        )
    return out


def _status(service: Part) -> dict:
    status = service.raw("status")
    if status not in (None, "active"):
        service.notes.append(f"De status in de bron is '{shown(status)}'. Kijk of het aanbod nog bestaat.")
    rest = sorted(str(k) for k in service.data if k not in HANDLED and service.has(k))
    if rest:
        service.notes.append("Niet overgenomen velden: " + shown(", ".join(rest), 300) + ".")
    return {}


# The parts after the places and times, in the order their fields appear in the file.
PARTS: tuple[Callable[[Part], dict], ...] = (_cost, _registration, _languages, _contact, _checked_by_source, _status)


def service_entry(service: Part, region: Region, source_name: str) -> Mapped | None:
    """One HSDS service as our offer; None (with a note) when it has no name."""
    name = service_name(service)
    if not name:
        service.notes.append("De dienst heeft geen naam ('name'). Zonder naam kan hij niet in de Wegwijzer.")
        return None
    org = _organization(service)
    org.common["bron"] = f"HSDS-import: {source_name}"
    description = service.text("description", "de beschrijving")
    data: dict = {"naam": name, **_kind(service), **summary_of(service, name, description)}
    data["organisatie"] = org.organisatie
    data.update(themes_of(service, f"{name} {description or ''}"))
    data.update(audiences_of(service))
    where, places = _places_and_times(service, region, org)
    data.update(where)
    for part in PARTS:
        data.update(part(service))
    source_check = data.pop("bron_gecontroleerd_op", None)
    for key, value in org.common.items():
        data[key] = value
        if key == "gecontroleerd_op" and source_check:  # next to our own (empty) check date
            data["bron_gecontroleerd_op"] = source_check
    return Mapped(data, places)
