"""Hypothesis strategies: whole projects (places and offers) made from the entry model.

`project()` draws only valid entries, with every field of the model (checked against the model
in test_properties, so a new field must be added here). Each of ``NEAR_MISSES`` breaks one thing
in such a project, a near miss that `validate` must refuse (an unknown gebied, a 'week' without
'maandelijks', a house number without a street, ...). So the tests can say both: whatever is
valid is accepted and builds, and every near miss is refused.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable

from hypothesis import strategies as st

from wegwijzer.core.region import REGION_ID, UNKNOWN_AREA, inside_region, load_region
from wegwijzer.core.vocab import load_lists

REGION = load_region()
LISTS = load_lists()
# Kernen with the point a place may have: close to the middle, and inside the region.
KERNEN = [
    (g.id, k.id, k.lat, k.lon)
    for g in REGION.gemeenten()
    for k in REGION.kernen(g.id)
    if all(inside_region(k.lat + d, k.lon + e) for d in (-0.004, 0.004) for e in (-0.004, 0.004))
]
GEMEENTEN = [g.id for g in REGION.gemeenten()]
WIJKEN = {k: [w.id for w in REGION.wijken(k)] for _, k, _, _ in KERNEN}
CHECKED_BEFORE = dt.date(2026, 1, 1)  # gecontroleerd_op may not lie in the future

# Text as editors write it: accents, quotes, &, Markdown; '<' only where it cannot look like HTML.
_ALPHABET = string.ascii_letters + string.digits + " '\"&;,.:!?-/*#éëïöüçñ€ß—"  # no '(': no link by chance
_SNIPPETS = ["'t Zand", "Koffie & thee", "**vet**", "[site](https://voorbeeld.nl)", "3 < 5 en 6 > 2", 'Café "De Ster"']
text = st.one_of(st.text(_ALPHABET, min_size=1, max_size=40), st.sampled_from(_SNIPPETS)).filter(str.strip)
long_text = st.one_of(text, st.text(_ALPHABET, min_size=60, max_size=90).filter(str.strip))
description = st.one_of(text, st.lists(text, min_size=2, max_size=4).map("\n\n- ".join))
_TIMES = ["00:00", "08:30", "09:00", "9:30", "12:00", "13:45", "17:00", "23:59", "24:00"]
time_pair = st.lists(st.sampled_from(range(len(_TIMES))), min_size=2, max_size=2, unique=True).map(
    lambda ij: (_TIMES[min(ij)], _TIMES[max(ij)])
)
dates = st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31))
days = st.sampled_from(list(LISTS["dagen"]))


def choices(list_name: str, min_size: int = 0):
    return st.lists(st.sampled_from(list(LISTS[list_name])), min_size=min_size, max_size=3, unique=True)


_ways = st.fixed_dictionaries(
    {},
    optional={
        "telefoon": st.sampled_from(["0223 123 456", "06-12345678", "0800 1234", "14 0223", "+31 223 123456", "112"]),
        "email": st.sampled_from(["info@voorbeeld.nl", "mailto:a.b@c.nl"]),
        "website": st.sampled_from(["https://voorbeeld.nl/a?b=c&d=e", "http://x.nl"]),
    },
)


@st.composite
def contact(draw) -> dict:
    out = draw(_ways)
    if out and draw(st.booleans()):  # when you can call or write: only with a way to do it
        out["bereikbaar"] = draw(text)
    return out


address = st.one_of(
    st.fixed_dictionaries({"plaats": text}, optional={"postcode": st.sampled_from(["1781 AB", "1791ab"])}),
    st.fixed_dictionaries(
        {"plaats": text, "straat": text},
        optional={"huisnummer": st.sampled_from(["1", "12a", 3]), "postcode": st.just("1781 AB")},
    ),
)
ENTRY_FIELDS = {  # fields every entry has (model.Entry); naam, bron and beheerder are required
    "naam": long_text,
    "voorbeeld": st.booleans(),
    "beschrijving": description,
    "organisatie": text,
    "contact": contact(),
    "bron": text,
    "gecontroleerd_op": st.dates(dt.date(2024, 1, 1), CHECKED_BEFORE),
    "bron_gecontroleerd_op": st.dates(dt.date(2005, 1, 1), CHECKED_BEFORE),
    "beheerder": text,
    "beheerder_email": st.just("redactie@voorbeeld.nl"),
}
REQUIRED = {"naam", "bron", "beheerder"}


@st.composite
def _entry(draw) -> dict:
    return {k: draw(v) for k, v in ENTRY_FIELDS.items() if k in REQUIRED or draw(st.booleans())}


@st.composite
def opening_hours(draw) -> dict:
    van, tot = draw(time_pair)
    return {"dag": draw(days), "van": van, "tot": tot, **draw(st.fixed_dictionaries({}, optional={"opmerking": text}))}


@st.composite
def place(draw) -> dict:
    gemeente, kern, lat, lon = draw(st.sampled_from(KERNEN))
    data = draw(_entry())
    data.update(
        soort=draw(st.sampled_from(list(LISTS["plek_soorten"]))),
        gemeente=gemeente,
        woonkern=kern,
        coordinaten={"lat": lat + draw(st.floats(-0.004, 0.004)), "lon": lon + draw(st.floats(-0.004, 0.004))},
        toegankelijkheid=draw(choices("toegankelijkheid")),
        openingstijden=draw(st.lists(opening_hours(), max_size=2)),
    )
    if draw(st.booleans()):
        data["adres"] = draw(address)
    if WIJKEN[kern] and draw(st.booleans()):
        data["wijk"] = draw(st.sampled_from(WIJKEN[kern]))
    return data


@st.composite
def schedule_item(draw, plekken: list[str], events: bool = True) -> dict:
    """One time; with events, a dated time may be a voorlichting, webinar (online, with a link), ..."""
    van, tot = draw(time_pair)
    item: dict = {"van": van, "tot": tot}
    if draw(st.integers(0, 3)) == 0:
        item["datum"] = draw(dates)
        if events and draw(st.booleans()):
            item["evenement"] = draw(st.sampled_from(list(LISTS["evenement_soorten"])))
        if item.get("evenement") == "webinar":
            item["link"] = draw(st.sampled_from(["https://voorbeeld.nl/webinar?a=1&b=2", "http://x.nl/kijk"]))
            return item  # online: no place
    else:
        item["dag"] = draw(days)
        herhaling = draw(st.sampled_from([None, "wekelijks", "tweewekelijks", "maandelijks"]))
        if herhaling:
            item["herhaling"] = herhaling
        if herhaling == "maandelijks":
            item["week"] = draw(st.sampled_from([1, 2, 3, 4, -1]))
        start, eind = sorted(draw(st.lists(dates, min_size=2, max_size=2)))
        item.update(draw(st.fixed_dictionaries({}, optional={"start": st.just(start), "eind": st.just(eind)})))
    if plekken and draw(st.booleans()):
        item["plek"] = draw(st.sampled_from(plekken))
    if draw(st.booleans()):
        item["opmerking"] = draw(text)
    return item


cost = st.one_of(
    st.just({"gratis": True}),
    st.fixed_dictionaries({"gratis": st.just("ja")}, optional={"uitleg": text}),
    st.fixed_dictionaries({"bedrag": st.sampled_from([0, 2.5, 10])}, optional={"uitleg": text}),
    st.fixed_dictionaries({"uitleg": text}, optional={"gratis": st.sampled_from([False, "nee"])}),
)
registration = st.fixed_dictionaries({"nodig": st.sampled_from([True, False, "ja", "nee"])}, optional={"hoe": text})
_yes_no = st.sampled_from([True, False, "ja", "nee"])


@st.composite
def referral(draw) -> dict:
    """A 'verwijzen' block: who and how from the lists; a form address only with 'formulier' in 'hoe'."""
    block = draw(
        st.fixed_dictionaries(
            {"wie": choices("verwijzers", min_size=1)},
            optional={"toestemming": _yes_no, "indicatie": _yes_no, "hoe": choices("verwijs_manieren")},
        )
    )
    if "formulier" in block.get("hoe", []) and draw(st.booleans()):
        block["formulier"] = "https://voorbeeld.nl/aanmelden?x=1&y=2"
    if draw(st.booleans()):
        block["meesturen"] = draw(text)
    return block


@st.composite
def offer(draw, places: dict[str, dict]) -> dict:
    data = draw(_entry())
    plekken = draw(st.lists(st.sampled_from(sorted(places)), max_size=2, unique=True))
    gebied = draw(st.lists(st.sampled_from(GEMEENTEN + [REGION_ID]), min_size=0 if plekken else 1, max_size=2))
    if not plekken and draw(st.integers(0, 4)) == 0:
        gebied = [UNKNOWN_AREA]  # the plan names it, but not where
    data.update(
        soort=draw(st.sampled_from(list(LISTS["aanbod_soorten"]))),
        samenvatting=draw(st.one_of(text, st.text(_ALPHABET, min_size=150, max_size=160).filter(str.strip))),
        organisatie=draw(text),
        themas=draw(choices("themas", min_size=1)),
        doelgroepen=draw(choices("doelgroepen", min_size=1)),
        plekken=plekken,
        gebied=sorted(set(gebied)),
        schema=draw(st.lists(schedule_item(plekken), max_size=3)),
        inloop=draw(st.lists(schedule_item(plekken, events=False), max_size=2)),
        talen=draw(choices("talen")),
        gezondheid=draw(choices("gezondheid")),
        bel_112=draw(st.sampled_from([False, True, "ja", "nee"])),
    )
    if any(places[p].get("voorbeeld") for p in plekken):
        data["voorbeeld"] = True  # a real offer may not be at an example place
    optional = {"kosten": cost, "aanmelden": registration, "voor_professionals": text, "verwijzen": referral()}
    for name, strategy in optional.items():
        if draw(st.booleans()):
            data[name] = draw(strategy)
    return data


@st.composite
def project(draw) -> tuple[dict[str, dict], dict[str, dict]]:
    """(places, offers) by file name, all valid: one to three places, one to three offers."""
    places = {f"plek-{i}": draw(place()) for i in range(draw(st.integers(1, 3)))}
    offers = {f"aanbod-{i}": draw(offer(places)) for i in range(draw(st.integers(1, 3)))}
    return places, offers


# --- near misses: one broken thing that validate must refuse -----------------------------------

Project = tuple[dict[str, dict], dict[str, dict]]


def _first_offer(p: Project) -> dict:
    return p[1]["aanbod-0"]


def _first_place(p: Project) -> dict:
    return p[0]["plek-0"]


def _item(p: Project) -> dict:
    offer = _first_offer(p)
    offer["schema"] = offer["schema"] or [{"dag": "dinsdag", "van": "10:00", "tot": "12:00"}]
    return offer["schema"][0]


def _recurring(p: Project) -> dict:
    item = _item(p)
    item.pop("datum", None)
    item.setdefault("dag", "dinsdag")
    return item


def _once(p: Project) -> dict:
    item = _item(p)
    for key in ("dag", "week", "herhaling", "start", "eind"):
        item.pop(key, None)
    item["datum"] = "2027-01-05"
    return item


NEAR_MISSES: dict[str, Callable[[Project], None]] = {
    "gebied bestaat niet": lambda p: _first_offer(p).update(gebied=["den-heldr"]),
    "gebied is een woonkern": lambda p: _first_offer(p).update(gebied=["julianadorp"]),
    "plek bestaat niet": lambda p: _first_offer(p).update(plekken=[*_first_offer(p)["plekken"], "bestaat-niet"]),
    "schema-plek staat niet bij plekken": lambda p: _item(p).update(plek="elders"),
    "inloop-plek staat niet bij plekken": lambda p: _first_offer(p).update(
        inloop=[{"dag": "woensdag", "van": "09:00", "tot": "10:00", "plek": "elders"}]
    ),
    "bereikbaar zonder telefoon, e-mail of website": lambda p: _first_place(p).update(
        contact={"bereikbaar": "Elke ochtend."}
    ),
    "week zonder maandelijks": lambda p: _recurring(p).update(herhaling="wekelijks", week=2),
    "maandelijks zonder week": lambda p: (_recurring(p).update(herhaling="maandelijks"), _item(p).pop("week", None)),
    "datum met herhaling": lambda p: (
        _item(p).pop("dag", None),
        _item(p).update(datum="2027-01-05", herhaling="wekelijks"),
    ),
    "eindtijd voor begintijd": lambda p: _item(p).update(van="12:00", tot="11:00"),
    "einddatum voor startdatum": lambda p: _recurring(p).update(start="2027-02-01", eind="2027-01-01"),
    "huisnummer zonder straat": lambda p: _first_place(p).update(adres={"huisnummer": "12", "plaats": "Den Helder"}),
    "samenvatting op twee regels": lambda p: _first_offer(p).update(samenvatting="Een zin.\nNog een zin."),
    "kosten leeg": lambda p: _first_offer(p).update(kosten={}),
    "verwijzen zonder wie": lambda p: _first_offer(p).update(verwijzen={"hoe": ["telefoon"]}),
    "formulier zonder 'formulier' bij hoe": lambda p: _first_offer(p).update(
        verwijzen={"wie": ["huisarts"], "hoe": ["telefoon"], "formulier": "https://voorbeeld.nl/aanmelden"}
    ),
    "gratis en een bedrag": lambda p: _first_offer(p).update(kosten={"gratis": True, "bedrag": 2}),
    "naam te lang": lambda p: _first_place(p).update(naam="x" * 91),
    "HTML in een tekst": lambda p: _first_offer(p).update(beschrijving="Kom <b>langs</b>"),
    "gemeente bestaat niet": lambda p: _first_place(p).update(gemeente="amsterdam"),
    "woonkern van een andere gemeente": lambda p: _first_place(p).update(
        woonkern="den-burg" if _first_place(p)["gemeente"] != "texel" else "julianadorp"
    ),
    "soort bestaat niet": lambda p: _first_place(p).update(soort="kasteel"),
    "gecontroleerd in de toekomst": lambda p: _first_offer(p).update(gecontroleerd_op=dt.date(2999, 1, 1)),
    "bron gecontroleerd in de toekomst": lambda p: _first_place(p).update(bron_gecontroleerd_op=dt.date(2999, 1, 1)),
    "geen plekken en geen gebied": lambda p: _first_offer(p).update(plekken=[], gebied=[], schema=[]),
    "evenement zonder datum": lambda p: _recurring(p).update(evenement="markt"),
    "webinar zonder link": lambda p: (_once(p).update(evenement="webinar"), _item(p).pop("link", None)),
    "link zonder webinar": lambda p: _once(p).update(evenement="markt", link="https://voorbeeld.nl"),
    "link die geen webadres is": lambda p: (
        _once(p).update(evenement="webinar", link="javascript:alert(1)"),
        _item(p).pop("plek", None),
    ),
    "onbekend samen met een gemeente": lambda p: _first_offer(p).update(gebied=[UNKNOWN_AREA, "texel"]),
    "onderdeel van Positieve Gezondheid bestaat niet": lambda p: _first_offer(p).update(gezondheid=["geluk"]),
    "echt aanbod op een voorbeeld-plek": lambda p: (
        _first_place(p).update(voorbeeld=True),
        _first_offer(p).update(voorbeeld=False, plekken=["plek-0"]),
    ),
}


# The model fields each strategy fills (checked against the model in test_properties).
PLACE_FIELDS = set(ENTRY_FIELDS) | {"soort", "gemeente", "woonkern", "coordinaten", "adres", "wijk"}
PLACE_FIELDS |= {"toegankelijkheid", "openingstijden"}
OFFER_FIELDS = set(ENTRY_FIELDS) | {"soort", "samenvatting", "organisatie", "themas", "doelgroepen", "plekken"}
OFFER_FIELDS |= {"gebied", "schema", "inloop", "talen", "bel_112", "kosten", "aanmelden", "voor_professionals"}
OFFER_FIELDS |= {"verwijzen", "gezondheid"}
SCHEDULE_FIELDS = {"dag", "datum", "van", "tot", "herhaling", "week", "start", "eind", "opmerking", "plek"}
SCHEDULE_FIELDS |= {"evenement", "link"}
