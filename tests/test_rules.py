"""Every validation rule, as an editor meets it: a bad case with its exact Dutch message, field and line,
and a good case next to it that passes `validate` without a problem.

The whole message is compared, not a part of it: a message that changes is something an editor
notices, so a test should notice it too. Each row loads a small project from files (the real path:
YAML, line numbers, checks across files).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from entries import offer, place, write_project
from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors

P = "buurtkamer-test"  # the id of the place in entries.PLACE; offers point at it
LOC = f"locations/{P}.yaml"
ACT = "activities/x.yaml"


def when(**changes) -> dict:
    return {"dag": "dinsdag", "van": "10:00", "tot": "12:00", **changes}


def without(data: dict, key: str) -> dict:
    return {k: v for k, v in data.items() if k != key}


@dataclass
class Rule:
    name: str
    bad: tuple[dict, dict]  # (places, offers)
    good: tuple[dict, dict]
    expected: list[tuple[str, int | None, str, str]]  # (file, line, field, message) of the bad case
    warnings: list[str] = field(default_factory=list)


def only_place(**changes) -> tuple[dict, dict]:
    return {P: place(**changes)}, {}


def with_offer(**changes) -> tuple[dict, dict]:
    return {P: place()}, {"x": offer(**changes)}


RULES = [
    # --- checks across files (load.py) ---
    Rule(
        "gebied bestaat niet",
        with_offer(plekken=[], gebied=["den-heldr"]),
        with_offer(plekken=[], gebied=["den-helder", "regio"]),
        [
            (
                ACT,
                21,
                "gebied, regel 1",
                "'den-heldr' is geen gebied. Bedoelde je 'den-helder'? "
                "Kies uit: den-helder, hollands-kroon, schagen, texel, regio, onbekend.",
            )
        ],
    ),
    Rule(
        "schema[].plek staat niet bij plekken",
        with_offer(schema=[when(plek="elders")]),
        with_offer(schema=[when(plek=P)]),
        [(ACT, 15, "schema, regel 1, plek", "De plek 'elders' staat niet bij 'plekken'. Zet hem daar ook bij.")],
    ),
    Rule(
        "inloop-plek staat niet bij plekken",
        with_offer(inloop=[{"dag": "woensdag", "van": "09:00", "tot": "10:00", "plek": "elders"}]),
        with_offer(inloop=[{"dag": "woensdag", "van": "09:00", "tot": "10:00", "plek": P}]),
        [(ACT, 25, "inloop, regel 1, plek", "De plek 'elders' staat niet bij 'plekken'. Zet hem daar ook bij.")],
    ),
    Rule(
        "aanbod op een plek met fouten",
        ({P: place(soort="kasteel")}, {"x": offer()}),
        ({P: place(soort="buurthuis")}, {"x": offer()}),
        [
            (
                LOC,
                2,
                "soort",
                "'kasteel' is geen geldige keuze. Kies uit: buurtkamer, buurthuis, wijksteunpunt, dorpshuis, "
                "bibliotheek, kindcentrum, school, jongerenpunt, sportclub, zorgpost, huisartsenpraktijk, "
                "gemeentehuis, kantoor, kerk, anders.",
            )
        ],
        warnings=[
            "De plek 'buurtkamer-test' heeft zelf fouten. Verbeter eerst de fouten in locations/buurtkamer-test.yaml "
            "(zie hierboven)."
        ],
    ),
    Rule(
        "plek bestaat niet",
        with_offer(plekken=["buurtkamer-tset"]),
        with_offer(plekken=[P]),
        [
            (
                ACT,
                10,
                "plekken, regel 1",
                "Er is geen plek met id 'buurtkamer-tset'. Bedoelde je 'buurtkamer-test'? "
                "Een id is de naam van een bestand in locations/, zonder .yaml.",
            )
        ],
    ),
    Rule(
        "echt aanbod op een voorbeeld-plek",
        ({P: place(voorbeeld=True)}, {"x": offer()}),
        ({P: place(voorbeeld=True)}, {"x": offer(voorbeeld=True)}),
        [
            (
                ACT,
                10,
                "plekken, regel 1",
                "'buurtkamer-test' is een voorbeeld-plek. Echt aanbod mag niet naar een verzonnen plek "
                "verwijzen. Kies een echte plek of gebruik 'gebied'.",
            )
        ],
    ),
    Rule(
        "gemeente bestaat niet",
        only_place(gemeente="den-heldr"),
        only_place(gemeente="den-helder"),
        [
            (
                LOC,
                8,
                "gemeente",
                "'den-heldr' is geen gemeente in de Kop. Bedoelde je 'den-helder'? "
                "Kies uit: den-helder, hollands-kroon, schagen, texel.",
            )
        ],
    ),
    Rule(
        "woonkern hoort niet bij de gemeente",
        only_place(woonkern="den-burg"),
        only_place(woonkern="julianadorp", coordinaten={"lat": 52.9, "lon": 4.731}),
        [
            (
                LOC,
                9,
                "woonkern",
                "'den-burg' is geen woonkern in Den Helder. Kies uit: den-helder-stad, julianadorp, huisduinen.",
            )
        ],
    ),
    Rule(
        "wijk bestaat niet",
        only_place(wijk="centrm"),
        only_place(wijk="centrum"),
        [
            (
                LOC,
                23,
                "wijk",
                "'centrm' is geen wijk van Den Helder. Bedoelde je 'centrum'? "
                "Kies uit: centrum, oud-den-helder, willemsoord, tuindorp, nieuw-den-helder, de-schooten.",
            )
        ],
    ),
    Rule(
        "wijk in een kern zonder wijken",
        only_place(gemeente="texel", woonkern="den-burg", coordinaten={"lat": 53.0546, "lon": 4.798}, wijk="centrum"),
        only_place(gemeente="texel", woonkern="den-burg", coordinaten={"lat": 53.0546, "lon": 4.798}),
        [
            (
                LOC,
                23,
                "wijk",
                "'centrum' is geen wijk van Den Burg. Den Burg heeft geen wijken in de lijst; haal 'wijk' weg.",
            )
        ],
    ),
    # --- the schedule ---
    Rule(
        "week zonder maandelijks",
        with_offer(schema=[when(week=2)]),
        with_offer(schema=[when(week=2, herhaling="maandelijks")]),
        [
            (
                ACT,
                12,
                "schema, regel 1",
                "'week' hoort alleen bij herhaling: maandelijks. Haal 'week' weg of zet herhaling op maandelijks.",
            )
        ],
    ),
    Rule(
        "maandelijks zonder week",
        with_offer(schema=[when(herhaling="maandelijks")]),
        with_offer(schema=[when(herhaling="maandelijks", week=-1)]),
        [
            (
                ACT,
                12,
                "schema, regel 1",
                "Bij maandelijks hoort 'week': 1, 2, 3, 4 of -1 (de laatste week van de maand).",
            )
        ],
    ),
    Rule(
        "datum met herhaling",
        with_offer(schema=[{"datum": "2027-01-05", "van": "10:00", "tot": "12:00", "herhaling": "wekelijks"}]),
        with_offer(schema=[{"datum": "2027-01-05", "van": "10:00", "tot": "12:00"}]),
        [(ACT, 12, "schema, regel 1", "Bij één datum horen geen 'herhaling' en 'week'. Haal die weg.")],
    ),
    Rule(
        "dag en datum allebei",
        with_offer(schema=[when(datum="2027-01-05")]),
        with_offer(schema=[when()]),
        [
            (
                ACT,
                12,
                "schema, regel 1",
                "Vul 'dag' in (iets dat terugkomt) of 'datum' (iets dat één keer is), "
                "niet allebei en niet geen van beide.",
            )
        ],
    ),
    Rule(
        "einddatum voor startdatum",
        with_offer(schema=[when(start="2027-02-01", eind="2027-01-01")]),
        with_offer(schema=[when(start="2027-01-01", eind="2027-01-01")]),
        [(ACT, 12, "schema, regel 1", "De einddatum (2027-01-01) ligt voor de startdatum (2027-02-01). Draai ze om.")],
    ),
    Rule(
        "eindtijd niet na begintijd",
        with_offer(schema=[when(van="12:00", tot="12:00")]),
        with_offer(schema=[when(van="9:00", tot="9:01")]),
        [
            (
                ACT,
                14,
                "schema, regel 1, tot",
                "De eindtijd (12:00) ligt niet na de begintijd (12:00). Zet 'tot' later dan 'van'.",
            )
        ],
    ),
    Rule(
        "tijd bestaat niet",
        only_place(openingstijden=[{"dag": "maandag", "van": "24:01", "tot": "24:00"}]),
        only_place(openingstijden=[{"dag": "maandag", "van": "23:59", "tot": "24:00"}]),
        [
            (
                LOC,
                15,
                "openingstijden, regel 1, van",
                "'24:01' is geen bestaande tijd. Schrijf een tijd als \"09:30\" (tussen aanhalingstekens).",
            )
        ],
    ),
    Rule(
        "datum bestaat niet",
        with_offer(schema=[{"datum": "2027-02-29", "van": "10:00", "tot": "12:00"}]),
        with_offer(schema=[{"datum": "2028-02-29", "van": "10:00", "tot": "12:00"}]),
        [
            (
                ACT,
                12,
                "schema, regel 1, datum",
                "'2027-02-29' is geen bestaande datum. Schrijf een datum als 2026-11-23 (jaar-maand-dag).",
            )
        ],
    ),
    # --- the address and other parts ---
    Rule(
        "huisnummer zonder straat",
        only_place(adres={"huisnummer": "12", "plaats": "Den Helder"}),
        only_place(adres={"straat": "Keizerstraat", "huisnummer": 12, "plaats": "Den Helder"}),
        [(LOC, 3, "adres", "Je schreef een huisnummer zonder straat. Vul ook 'straat' in.")],
    ),
    Rule(
        "bereikbaar zonder telefoon, e-mail of website",
        only_place(contact={"bereikbaar": "Elke ochtend."}),
        only_place(contact={"telefoon": "112", "bereikbaar": "Dag en nacht."}),
        [
            (
                LOC,
                17,
                "contact",
                "Je schreef wanneer iemand bereikbaar is, maar niet hoe. Vul telefoon, email of website in.",
            )
        ],
    ),
    Rule(
        "telefoonnummer bestaat niet",
        only_place(contact={"telefoon": "12345"}),
        only_place(contact={"telefoon": "0800 1234"}),
        [
            (
                LOC,
                18,
                "contact, telefoon",
                "'12345' is geen geldig telefoonnummer. Schrijf het hele nummer met netnummer, "
                "bijvoorbeeld 0223 123 456, 06 12345678, 0800 1234, 14 0223 of 112.",
            )
        ],
    ),
    Rule(
        "kosten leeg",
        with_offer(kosten={}),
        with_offer(kosten={"uitleg": "Vraag het aan de balie."}),
        [(ACT, 15, "kosten", "Schrijf 'gratis: true', of een 'bedrag' met 'uitleg'.")],
    ),
    Rule(
        "gratis en een bedrag",
        with_offer(kosten={"gratis": True, "bedrag": 3}),
        with_offer(kosten={"gratis": True, "bedrag": 0}),
        [(ACT, 15, "kosten", "Je schreef gratis én een bedrag. Kies één van de twee.")],
    ),
    Rule(
        "bedrag onder nul",
        with_offer(kosten={"bedrag": -1, "uitleg": "per keer"}),
        with_offer(kosten={"bedrag": 0, "uitleg": "per keer"}),
        [(ACT, 16, "kosten, bedrag", "'-1' kan niet. Schrijf 0 of meer.")],
    ),
    Rule(
        "samenvatting op twee regels",
        with_offer(samenvatting="Eén zin\nen nog een regel."),
        with_offer(samenvatting="Eén zin en nog een stukje."),
        [(ACT, 3, "samenvatting", "Deze tekst moet op één regel staan. Haal de regel-overgang weg.")],
    ),
    Rule(
        "naam te lang",
        only_place(naam="Buurtkamer " + "x" * 50 + " " + "y" * 29),
        only_place(naam="Buurtkamer " + "x" * 50 + " " + "y" * 28),
        [(LOC, 1, "naam", "De tekst is te lang: 91 tekens. Maak hem korter dan 91 tekens.")],
    ),
    Rule(
        "gecontroleerd in de toekomst",
        only_place(gecontroleerd_op="2999-01-01"),
        only_place(gecontroleerd_op="2026-01-05"),
        [
            (
                LOC,
                23,
                "gecontroleerd_op",
                "2999-01-01 ligt in de toekomst. Schrijf de datum waarop iemand het echt controleerde.",
            )
        ],
    ),
    Rule(
        "bron gecontroleerd in de toekomst",
        only_place(bron_gecontroleerd_op="2999-01-01"),
        only_place(bron_gecontroleerd_op="2005-01-01"),
        [
            (
                LOC,
                23,
                "bron_gecontroleerd_op",
                "2999-01-01 ligt in de toekomst. Schrijf de datum waarop iemand het echt controleerde.",
            )
        ],
    ),
    Rule(
        "geen plekken en geen gebied",
        with_offer(plekken=[]),
        with_offer(plekken=[], gebied=["texel"]),
        [
            (
                ACT,
                1,
                "",
                "Vul 'plekken' in (ids van plekken) of 'gebied' (een gemeente of 'regio'), "
                "zodat mensen weten waar het is. Weet je het niet? Schrijf dan: gebied: [onbekend].",
            )
        ],
    ),
    # --- what pydantic finds, in Dutch (messages.py) ---
    Rule(
        "lege tekst",
        only_place(naam=""),
        only_place(naam="B"),
        [(LOC, 1, "naam", "Dit veld is leeg. Vul het in of haal het veld weg.")],
    ),
    Rule(
        "lege lijst",
        with_offer(themas=[]),
        with_offer(themas=["taal"]),
        [(ACT, 5, "themas", "Deze lijst is leeg. Zet er minstens één waarde in.")],
    ),
    Rule(
        "veld ontbreekt",
        ({P: without(place(), "bron")}, {}),
        ({P: place(bron="Een gesprek")}, {}),
        [(LOC, 1, "bron", "Het veld 'bron' ontbreekt. Vul het in.")],
    ),
    Rule(
        "coordinaten ontbreken",
        ({P: without(place(), "coordinaten")}, {}),
        only_place(coordinaten={"lat": 52.957, "lon": 4.76}),
        [
            (
                LOC,
                1,
                "coordinaten",
                "Het veld 'coordinaten' ontbreekt. Vul coordinaten in of draai wegwijzer geocode "
                "(dat zoekt ze op bij het adres).",
            )
        ],
    ),
    Rule(
        "verkeerd soort waarde",
        only_place(toegankelijkheid="rolstoel"),
        only_place(toegankelijkheid=["rolstoel"]),
        [
            (
                LOC,
                23,
                "toegankelijkheid",
                "Hier hoort een lijst (regels die beginnen met '- ', of [a, b]), maar er staat 'rolstoel'.",
            )
        ],
    ),
    Rule(
        "geen keuze uit de lijst",
        with_offer(schema=[when(herhaling="dagelijks")]),
        with_offer(schema=[when(herhaling="tweewekelijks")]),
        [
            (
                ACT,
                15,
                "schema, regel 1, herhaling",
                "'dagelijks' is geen geldige keuze. Bedoelde je 'maandelijks'? "
                "Kies uit: wekelijks, tweewekelijks, maandelijks.",
            )
        ],
    ),
    Rule(
        "veld bestaat niet",
        only_place(telefoon="0223 123 456"),
        only_place(contact={"telefoon": "0223 123 456"}),
        [
            (
                LOC,
                23,
                "telefoon",
                "Het veld 'telefoon' bestaat niet. Toegestaan: naam, voorbeeld, beschrijving, organisatie, contact, "
                "bron, gecontroleerd_op, bron_gecontroleerd_op, beheerder, beheerder_email, soort, adres, gemeente, "
                "woonkern, wijk, coordinaten, toegankelijkheid, openingstijden.",
            )
        ],
    ),
    Rule(
        "plek buiten de Kop",
        only_place(coordinaten={"lat": 52.37, "lon": 4.89}),  # Amsterdam
        only_place(coordinaten={"lat": 52.96, "lon": 4.77}),
        [
            (
                LOC,
                10,
                "coordinaten",
                "De plek (52.37, 4.89) ligt niet in de Kop van Noord-Holland. Controleer de coördinaten: "
                "lat is ongeveer 52.7 tot 53.2, lon ongeveer 4.6 tot 5.3. Draai ze niet om.",
            )
        ],
    ),
    Rule(
        "postcode die niet bestaat",  # SA, SD and SS are never given out
        only_place(adres={"straat": "Keizerstraat", "postcode": "1781 SA", "plaats": "Den Helder"}),
        only_place(adres={"straat": "Keizerstraat", "postcode": "1781 sb", "plaats": "Den Helder"}),
        [
            (
                LOC,
                5,
                "adres, postcode",
                "'1781 SA' is geen geldige postcode. Schrijf vier cijfers en twee letters, bijvoorbeeld 1781 AB.",
            )
        ],
    ),
    Rule(
        "e-mailadres klopt niet",
        only_place(contact={"email": "info@bieb"}),
        only_place(contact={"email": "MailTo:info@bieb.nl"}),  # copied from a link: 'mailto:' goes
        [(LOC, 18, "contact, email", "'info@bieb' is geen geldig e-mailadres. Schrijf het zo: naam@voorbeeld.nl.")],
    ),
    Rule(
        "webadres zonder https",
        only_place(contact={"website": "www.bieb.nl"}),
        only_place(contact={"website": "https://www.bieb.nl"}),
        [
            (
                LOC,
                18,
                "contact, website",
                "'www.bieb.nl' is geen geldig webadres. Begin met https://, bijvoorbeeld https://www.voorbeeld.nl.",
            )
        ],
    ),
    Rule(
        "id met een hoofdletter",
        only_place(woonkern="Julianadorp"),
        only_place(woonkern="den-helder-stad"),
        [
            (
                LOC,
                9,
                "woonkern",
                "'Julianadorp' is geen id. Een id heeft alleen kleine letters, cijfers en streepjes, "
                "zoals de naam van een bestand zonder .yaml.",
            )
        ],
    ),
    Rule(
        "onzichtbaar teken in een tekst",
        only_place(naam="Buurt\x01kamer"),
        only_place(naam="Buurtkamer"),
        [
            (
                LOC,
                1,
                "naam",
                "Er staat een onzichtbaar stuurteken (\\x01) in de tekst (teken 6). Haal het weg. "
                "Heb je de tekst geplakt? Typ dat stukje dan opnieuw.",
            )
        ],
    ),
    Rule(
        "link naar iets anders dan een website",
        only_place(beschrijving="Zie [de route](javascript:alert(1))."),
        only_place(beschrijving="Zie [de route](https://bieb.nl/route)."),
        [(LOC, 23, "beschrijving", "Een link mag alleen beginnen met https://, http://, mailto: of tel:.")],
    ),
    Rule(
        "HTML in een tekst",
        only_place(beschrijving="Kom langs <b>bij de buurtkamer in de Keizerstraat, elke dinsdag</b>."),
        only_place(beschrijving="Kom langs **bij de buurtkamer**. Kinderen < 12 jaar met een ouder."),
        [
            (
                LOC,
                23,
                "beschrijving",
                "Gebruik geen HTML in een tekst (gevonden: '<b>bij de buurtkamer in de Keizerstraat,'). "
                "Schrijf gewone tekst. Voor vet gebruik **woord**, voor een link [tekst](https://...). "
                "Bedoel je 'kleiner dan'? Zet dan een spatie achter het teken <.",
            )
        ],
    ),
    # --- a warning, not an error ---
    Rule(
        "plek ver van de woonkern",
        only_place(coordinaten={"lat": 53.05, "lon": 4.80}),  # Texel, while the woonkern is Den Helder
        only_place(coordinaten={"lat": 52.99, "lon": 4.76}),  # 3.5 km from the middle: close enough
        [],
        warnings=["De plek ligt 11 km van het midden van Den Helder. Klopt de woonkern? Klopt de plek?"],
    ),
]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_bad_case_gets_its_message(rule: Rule, tmp_path):
    write_project(tmp_path, *rule.bad)
    if rule.expected:
        with pytest.raises(EntryErrors) as exc:
            load_catalog(tmp_path)
        problems = exc.value.problems
    else:
        problems = load_catalog(tmp_path).problems
    assert [(p.file, p.line, p.field, p.message) for p in problems if not p.warning] == rule.expected
    assert [p.message for p in problems if p.warning] == rule.warnings


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_good_case_passes(rule: Rule, tmp_path):
    write_project(tmp_path, *rule.good)
    assert load_catalog(tmp_path).problems == []
