"""The text of a new entry file: every field explained in B1, only the facts the editor gave."""

from __future__ import annotations

import json

from wegwijzer.core import vocab
from wegwijzer.core.choices import herhaling_values
from wegwijzer.core.region import REGION_ID, Region
from wegwijzer.core.urls import url_for
from wegwijzer.tools.nieuw.answers import LIST_OF_TYPE, Answers

HELP_PAGE = url_for("redactie-hulp")
TODO = "VUL IN"


def _q(value) -> str:
    """A YAML scalar that reads back as exactly this text."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _wrap(text: str, prefix: str = "# ", width: int = 100) -> list[str]:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(prefix) + len(line) + 1 + len(w) > width:
            lines.append(prefix + line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(prefix + line)
    return lines


def _allowed(list_name: str) -> list[str]:
    return _wrap("Kies uit: " + ", ".join(vocab.keys(list_name)) + ".")


class _Lines(list[str]):
    """The lines of the file being written."""

    def required(self, name: str, value: str, comment: list[str]) -> None:
        """A field the validator needs: its value, or empty with '# VUL IN' so validate points at it."""
        self.extend(comment)
        self.append(f"{name}: {value}" if value else f"{name}:  # {TODO}")
        self.append("")


def _header(out: _Lines, a: Answers, kind: str) -> None:
    what = "een plek" if kind == "plek" else "aanbod: een activiteit, initiatief of hulp"
    out += [
        f"# Nieuw item: {what}.",
        "# Gemaakt met 'wegwijzer nieuw'. Regels met een # ervoor zijn uitleg. Die tellen niet mee.",
        "# Wil je een veld invullen dat uit staat? Haal dan de # aan het begin van de regel weg.",
        f"# Een veld met '# {TODO}' moet je nog invullen. Vul nooit iets in dat je niet zeker weet.",
        "# Controleer je werk met: .venv/bin/wegwijzer validate",
        f"# Uitleg en alle keuzes: README.md of de pagina /{HELP_PAGE} op de site.",
        "",
    ]
    out.required("naam", _q(a.naam) if a.naam else "", ["# De naam zoals mensen hem kennen. Hoogstens 90 tekens."])
    out.required("soort", a.type, [f"# Wat voor {kind} is het?", *_allowed(LIST_OF_TYPE[kind])])
    if a.voorbeeld:
        out += ["# Dit item is verzonnen, om te laten zien hoe de site werkt.", "voorbeeld: true", ""]
    if kind == "aanbod":
        summary = _q(a.samenvatting) if a.samenvatting else ""
        out.required("samenvatting", summary, ["# Eén zin in B1 over wat het is. Hoogstens 160 tekens."])
    out += [
        "# Meer uitleg in B1: korte zinnen, gewone woorden. Elke zin op een eigen regel.",
        "# beschrijving: |",
        "#   Schrijf hier wat je er kunt doen.",
        "#   En voor wie het is.",
        "",
    ]


def _offer_where(out: _Lines, a: Answers, region: Region, places_nearby: list[tuple[str, str]] | None) -> None:
    out += [
        "# Waar is het? Vul 'plekken' in: ids van plekken (de naam van een bestand in locations/,",
        "# zonder .yaml). Is er geen vaste plek? Vul dan 'gebied' in: een gemeente of regio.",
        "# Weet je niet waar het is? Schrijf dan gebied: [onbekend]. Verzin geen gebied.",
        "# Vul één van de twee in en haal de andere weg.",
    ]
    if places_nearby:
        out.append("# Plekken in de buurt:")
        out += [f"#   {pid}  ({naam})" for pid, naam in places_nearby]
    if a.plekken or not a.gebied:
        out.append(f"plekken: {_flow(a.plekken)}" if a.plekken else f"plekken:  # {TODO}")
    if a.gebied:
        out.append(f"gebied: {_flow(a.gebied)}")
    else:
        areas = ", ".join([g.id for g in region.gemeenten()] + [REGION_ID])
        out.append(f"# gebied: [{a.gemeente or 'den-helder'}]   Kies uit: {areas}.")
    out.append("")


def _offer(out: _Lines, a: Answers, region: Region, places_nearby: list[tuple[str, str]] | None) -> None:
    out.required("organisatie", _q(a.organisatie) if a.organisatie else "", ["# Wie het aanbiedt."])
    out.required(
        "themas",
        _flow(a.themas) if a.themas else "",
        ["# Een of meer thema's, zo: [taal, ontmoeten].", *_allowed("themas")],
    )
    out.required(
        "doelgroepen",
        _flow(a.doelgroepen) if a.doelgroepen else "",
        ["# Voor wie het is, zo: [ouderen, mantelzorgers].", *_allowed("doelgroepen")],
    )
    _offer_where(out, a, region, places_nearby)
    out += [
        "# Wanneer is het? Een regel per moment. Tijden tussen aanhalingstekens.",
        "# herhaling: " + ", ".join(herhaling_values()) + " (zonder herhaling: elke week).",
        "# Bij maandelijks hoort week: 1, 2, 3, 4 of -1 (de laatste week).",
        "# Eén keer? Schrijf datum: 2026-11-23 in plaats van dag. Zeg met evenement wat het is:",
        "# " + ", ".join(vocab.keys("evenement_soorten")) + ". Bij een webinar hoort link (het webadres).",
        "# schema:",
        '#   - {dag: dinsdag, van: "10:00", tot: "12:00"}',
        '#   - {dag: donderdag, van: "14:00", tot: "16:00", herhaling: maandelijks, week: 1}',
        '#   - {datum: 2026-11-23, van: "19:30", tot: "21:00", evenement: voorlichting}',
        "",
        "# Wat kost het? Laat weg als je het niet weet.",
        "# kosten: {gratis: true}",
        "# kosten: {bedrag: 2.50, uitleg: per keer}",
        "",
        "# Moet je je aanmelden? Kies één van de twee regels.",
        "# aanmelden: {nodig: false}",
        "# aanmelden: {nodig: true, hoe: Bel of mail de organisatie.}",
        "",
        "# Wanneer kun je zonder afspraak langskomen? Zelfde vorm als schema.",
        "# inloop:",
        '#   - {dag: woensdag, van: "09:00", tot: "11:00"}',
        "",
        "# Gaat het over veiligheid? Dan zegt de pagina: Bij direct gevaar: bel 112.",
        "# bel_112: true",
        "",
        "# Talen die je er kunt spreken, zo: [nl, en].",
        *["# " + line[2:] for line in _allowed("talen")],
        "# talen: [nl]",
        "",
        "# Hoe verwijst een professional iemand door? Vertel het in gewone zinnen.",
        "# voor_professionals: Bel of mail de organisatie. Een verwijzing is niet nodig.",
        "",
        "# Wie mag iemand aanmelden, en hoe? Vul alleen in wat je zeker weet. Weet je iets niet? Laat die regel weg.",
        *_wrap("wie: " + ", ".join(vocab.keys("verwijzers")) + ". Een of meer."),
        *_wrap("hoe: " + ", ".join(vocab.keys("verwijs_manieren")) + "."),
        "# toestemming: true als de inwoner eerst toestemming moet geven, false als dat niet hoeft.",
        "# indicatie: true als er eerst een indicatie (besluit dat je recht hebt op zorg) nodig is, anders false.",
        "# verwijzen:",
        "#   wie: [huisarts, wijkteam]",
        "#   toestemming: true",
        "#   indicatie: false",
        "#   hoe: [telefoon, formulier]",
        "#   formulier: https://www.voorbeeld.nl/aanmelden",
        "#   meesturen: Een korte verwijsbrief.",
        "# Bij welke onderdelen van Positieve Gezondheid helpt het? Alleen als het echt past.",
        "# " + ", ".join(vocab.keys("gezondheid")),
        "# gezondheid: [meedoen]",
        "",
    ]


def _address(out: _Lines, a: Answers, region: Region) -> None:
    out.append("# Het adres. Vul alleen in wat je zeker weet.")
    kern_name = region.areas[a.woonkern].naam if a.woonkern else ""
    if a.straat or a.postcode or a.plaats:
        out.append("adres:")
        out.append(f"  straat: {_q(a.straat)}" if a.straat else "  # straat: ")
        out.append(f"  huisnummer: {_q(a.huisnummer)}" if a.huisnummer else "  # huisnummer: ")
        out.append(f"  postcode: {_q(a.postcode)}" if a.postcode else "  # postcode: ")
        town = a.plaats or kern_name
        out.append(f"  plaats: {_q(town)}" if town else f"  plaats:  # {TODO}")
    else:
        out += [
            "# adres:",
            "#   straat: ",
            "#   huisnummer: ",
            "#   postcode: ",
            f"#   plaats: {kern_name or 'Den Helder'}",
        ]
    out.append("")


def _place(out: _Lines, a: Answers, region: Region) -> None:
    out += ["# Wie beheert de plek?", "# organisatie: ", ""]
    _address(out, a, region)
    gemeenten = [g.id for g in region.gemeenten()]
    out.required("gemeente", a.gemeente, ["# De gemeente. Kies uit: " + ", ".join(gemeenten) + "."])
    kernen = [k.id for k in region.kernen(a.gemeente or None)]
    out.required(
        "woonkern", a.woonkern, ["# De woonkern (het dorp of de stad).", *_wrap("Kies uit: " + ", ".join(kernen) + ".")]
    )
    wijken = [w.id for w in region.wijken(a.woonkern)] if a.woonkern else []
    if a.wijk:
        out += ["# De wijk.", f"wijk: {a.wijk}", ""]
    elif wijken:
        out += ["# De wijk. Mag je weglaten.", *_wrap("Kies uit: " + ", ".join(wijken) + "."), "# wijk: ", ""]
    out += [
        "# Waar ligt de plek precies? Zoek het adres op https://www.openstreetmap.org.",
        "# Klik met de rechtermuisknop op de plek en kies 'Toon adres'. Je ziet dan twee getallen.",
        "# Het eerste is lat (ongeveer 52.7 tot 53.2), het tweede lon (ongeveer 4.6 tot 5.3).",
    ]
    if a.lat is not None and a.lon is not None:
        out.append(f"coordinaten: {{lat: {a.lat}, lon: {a.lon}}}")
    else:
        out.append(f"coordinaten: {{lat: , lon: }}  # {TODO}")
    out += [
        "",
        "# Wat is er voor mensen met een beperking? Zo: [rolstoel, toilet].",
        *["# " + line[2:] for line in _allowed("toegankelijkheid")],
        "# toegankelijkheid: []",
        "",
        "# Wanneer is de plek open? Een regel per dag. Tijden tussen aanhalingstekens.",
        "# openingstijden:",
        '#   - {dag: maandag, van: "09:00", tot: "12:00"}',
        "",
    ]


def _footer(out: _Lines, a: Answers) -> None:
    out += [
        "# Contact: zo komen mensen in contact. Vul alleen in wat je zeker weet.",
        "# Zonder contact wijst de pagina naar de gemeente (zie scripts/wegwijzer/data/gemeenten.yaml).",
        "# contact:",
        "#   telefoon: 0223 123 456",
        "#   email: info@voorbeeld.nl",
        "#   website: https://www.voorbeeld.nl",
        "#   bereikbaar: Maandag tot en met vrijdag, van 9:00 tot 17:00 uur.",
        "",
    ]
    out.required(
        "bron",
        _q(a.bron) if a.bron else "",
        ["# Waar komen de gegevens vandaan? Bijvoorbeeld een website of een gesprek met de organisatie."],
    )
    out.append("# De datum (JJJJ-MM-DD) waarop jij alles hebt nagekeken. Leeg als dat nog niet is gebeurd.")
    out.append(f"gecontroleerd_op: {a.gecontroleerd_op.isoformat()}" if a.gecontroleerd_op else "gecontroleerd_op:")
    out.append("")
    out.required(
        "beheerder", _q(a.beheerder) if a.beheerder else "", ["# Wie houdt dit item bij? Een organisatie of een naam."]
    )
    out.append("# Een e-mailadres voor meldingen over dit item. Mag je weglaten.")
    out.append(f"beheerder_email: {_q(a.beheerder_email)}" if a.beheerder_email else "# beheerder_email: ")


def render(a: Answers, region: Region, places_nearby: list[tuple[str, str]] | None = None) -> str:
    """The text of the new entry file."""
    kind = "plek" if a.soort == "plek" else "aanbod"
    out = _Lines()
    _header(out, a, kind)
    if kind == "aanbod":
        _offer(out, a, region, places_nearby)
    else:
        _place(out, a, region)
    _footer(out, a)
    return "\n".join(out).rstrip() + "\n"
