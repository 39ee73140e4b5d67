"""`wegwijzer nieuw`: write a new, commented entry file for an editor.

The file explains every field in B1 Dutch and lists the allowed values. It is
honest: it only contains facts the editor gave. Optional fields stay commented
out. A required fact that is still missing is written as an empty field, so
`wegwijzer validate` points at exactly that line until the editor fills it in.

The allowed values come from ``core.choices``, like the editors' page on the site.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from wegwijzer.core import vocab
from wegwijzer.core.choices import herhaling_values
from wegwijzer.core.model import ID_RE
from wegwijzer.core.region import REGION_ID, Region, load_region
from wegwijzer.core.vocab import slug

FOLDER = {"plek": "locations", "aanbod": "activities"}
LIST_OF_TYPE = {"plek": "plek_soorten", "aanbod": "aanbod_soorten"}
HELP_PAGE = "redactie/zo-voeg-je-iets-toe/"


class EditorError(Exception):
    """A wrong answer or flag; the message is for the editor (Dutch)."""


# --- answers --------------------------------------------------------------------------------


@dataclass
class Answers:
    soort: str = ""  # plek or aanbod
    naam: str = ""
    type: str = ""  # value of the soort field (e.g. buurthuis, activiteit)
    gemeente: str = ""
    woonkern: str = ""
    wijk: str = ""
    id: str = ""
    samenvatting: str = ""
    organisatie: str = ""
    themas: list[str] = field(default_factory=list)
    doelgroepen: list[str] = field(default_factory=list)
    plekken: list[str] = field(default_factory=list)
    gebied: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    straat: str = ""
    huisnummer: str = ""
    postcode: str = ""
    plaats: str = ""
    bron: str = ""
    beheerder: str = ""
    beheerder_email: str = ""
    gecontroleerd_op: dt.date | None = None
    voorbeeld: bool = False


def _pick(value: str, options: list[str], what: str) -> str:
    value = value.strip().lower()
    if value in options:
        return value
    match = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    hint = f" Bedoelde je '{match[0]}'?" if match else ""
    raise EditorError(f"'{value}' is geen {what}.{hint} Kies uit: {', '.join(options)}.")


def check(answers: Answers, region: Region, place_ids: list[str]) -> Answers:
    """Check the given answers against the lists. Raises EditorError with a Dutch message."""
    a = answers
    a.soort = _pick(a.soort, ["plek", "aanbod"], "soort item")
    gemeenten = [g.id for g in region.gemeenten()]
    if a.gemeente:
        a.gemeente = _pick(a.gemeente, gemeenten, "gemeente")
    if a.woonkern:
        kernen = [k.id for k in region.kernen(a.gemeente or None)]
        a.woonkern = _pick(
            slug(a.woonkern) or a.woonkern,
            kernen,
            "woonkern" + (f" in {region.areas[a.gemeente].naam}" if a.gemeente else ""),
        )
        a.gemeente = a.gemeente or region.areas[a.woonkern].parent
    if a.wijk:
        if not a.woonkern:
            raise EditorError("Een wijk hoort bij een woonkern. Geef ook --woonkern.")
        a.wijk = _pick(slug(a.wijk) or a.wijk, [w.id for w in region.wijken(a.woonkern)], "wijk")
    if a.type:
        a.type = _pick(a.type, vocab.keys(LIST_OF_TYPE[a.soort]), "soort " + a.soort)
    a.themas = [_pick(t, vocab.keys("themas"), "thema") for t in a.themas]
    a.doelgroepen = [_pick(d, vocab.keys("doelgroepen"), "doelgroep") for d in a.doelgroepen]
    a.plekken = [_pick(p, place_ids, "plek (een bestand in locations/)") for p in a.plekken]
    a.gebied = [_pick(g, gemeenten + [REGION_ID], "gebied") for g in a.gebied]
    if a.naam and len(a.naam) > 90:
        raise EditorError("De naam is te lang. Maak hem korter dan 91 tekens.")
    if a.id and not ID_RE.match(a.id):
        raise EditorError(
            f"De id '{a.id}' kan niet. Gebruik kleine letters, cijfers en streepjes, "
            f"bijvoorbeeld '{slug(a.id) or 'taalcafe-den-burg'}'."
        )
    return a


# --- writing the file --------------------------------------------------------------------------


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


def _allowed(region: Region, list_name: str) -> list[str]:
    return _wrap("Kies uit: " + ", ".join(vocab.keys(list_name)) + ".")


def render(a: Answers, region: Region, places_nearby: list[tuple[str, str]] | None = None) -> str:
    """The text of the new entry file."""
    kind = "plek" if a.soort == "plek" else "aanbod"
    out: list[str] = []
    add = out.append
    todo = "VUL IN"

    def required(name: str, value, comment: list[str]):
        out.extend(comment)
        if value in (None, "", []):
            add(f"{name}:  # {todo}")
        else:
            add(f"{name}: {value}")
        add("")

    what = "een plek" if kind == "plek" else "aanbod: een activiteit, initiatief of hulp"
    out += [
        f"# Nieuw item: {what}.",
        "# Gemaakt met 'wegwijzer nieuw'. Regels met een # ervoor zijn uitleg. Die tellen niet mee.",
        "# Wil je een veld invullen dat uit staat? Haal dan de # aan het begin van de regel weg.",
        f"# Een veld met '# {todo}' moet je nog invullen. Vul nooit iets in dat je niet zeker weet.",
        "# Controleer je werk met: .venv/bin/wegwijzer validate",
        f"# Uitleg en alle keuzes: README.md of de pagina /{HELP_PAGE} op de site.",
        "",
    ]
    required("naam", _q(a.naam) if a.naam else "", ["# De naam zoals mensen hem kennen. Hoogstens 90 tekens."])
    required("soort", a.type, [f"# Wat voor {kind} is het?", *_allowed(region, LIST_OF_TYPE[kind])])
    if a.voorbeeld:
        out += ["# Dit item is verzonnen, om te laten zien hoe de site werkt.", "voorbeeld: true", ""]
    if kind == "aanbod":
        required(
            "samenvatting",
            _q(a.samenvatting) if a.samenvatting else "",
            ["# Eén zin in B1 over wat het is. Hoogstens 160 tekens."],
        )
    out += [
        "# Meer uitleg in B1: korte zinnen, gewone woorden. Elke zin op een eigen regel.",
        "# beschrijving: |",
        "#   Schrijf hier wat je er kunt doen.",
        "#   En voor wie het is.",
        "",
    ]
    if kind == "aanbod":
        required("organisatie", _q(a.organisatie) if a.organisatie else "", ["# Wie het aanbiedt."])
        required(
            "themas",
            _flow(a.themas) if a.themas else "",
            ["# Een of meer thema's, zo: [taal, ontmoeten].", *_allowed(region, "themas")],
        )
        required(
            "doelgroepen",
            _flow(a.doelgroepen) if a.doelgroepen else "",
            ["# Voor wie het is, zo: [ouderen, mantelzorgers].", *_allowed(region, "doelgroepen")],
        )
        where = [
            "# Waar is het? Vul 'plekken' in: ids van plekken (de naam van een bestand in locations/,",
            "# zonder .yaml). Is er geen vaste plek? Vul dan 'gebied' in: een gemeente of regio.",
            "# Vul één van de twee in en haal de andere weg.",
        ]
        if places_nearby:
            where.append("# Plekken in de buurt:")
            where += [f"#   {pid}  ({naam})" for pid, naam in places_nearby]
        out += where
        if a.plekken or not a.gebied:
            add(f"plekken: {_flow(a.plekken)}" if a.plekken else f"plekken:  # {todo}")
        if a.gebied:
            add(f"gebied: {_flow(a.gebied)}")
        else:
            add(
                "# gebied: ["
                + (a.gemeente or "den-helder")
                + "]   Kies uit: "
                + ", ".join([g.id for g in region.gemeenten()] + [REGION_ID])
                + "."
            )
        add("")
        out += [
            "# Wanneer is het? Een regel per moment. Tijden tussen aanhalingstekens.",
            "# herhaling: " + ", ".join(herhaling_values()) + " (zonder herhaling: elke week).",
            "# Bij maandelijks hoort week: 1, 2, 3, 4 of -1 (de laatste week).",
            "# Eén keer? Schrijf datum: 2026-11-23 in plaats van dag.",
            "# schema:",
            '#   - {dag: dinsdag, van: "10:00", tot: "12:00"}',
            '#   - {dag: donderdag, van: "14:00", tot: "16:00", herhaling: maandelijks, week: 1}',
            "",
            "# Wat kost het? Laat weg als je het niet weet.",
            "# kosten: {gratis: true}",
            "# kosten: {bedrag: 2.50, uitleg: per keer}",
            "",
            "# Moet je je aanmelden?",
            "# aanmelden: {nodig: false, hoe: Je kunt gewoon binnenlopen.}",
            "",
            "# Talen die je er kunt spreken, zo: [nl, en].",
            *["# " + line[2:] for line in _allowed(region, "talen")],
            "# talen: [nl]",
            "",
            "# Hoe verwijst een professional iemand door?",
            "# voor_professionals: Bel of mail de organisatie. Een verwijzing is niet nodig.",
            "",
        ]
    else:
        out += ["# Wie beheert de plek?", "# organisatie: ", ""]
        out.append("# Het adres. Vul alleen in wat je zeker weet.")
        if a.straat or a.postcode or a.plaats:
            add("adres:")
            add(f"  straat: {_q(a.straat)}" if a.straat else "  # straat: ")
            add(f"  huisnummer: {_q(a.huisnummer)}" if a.huisnummer else "  # huisnummer: ")
            add(f"  postcode: {_q(a.postcode)}" if a.postcode else "  # postcode: ")
            kern_name = region.areas[a.woonkern].naam if a.woonkern else ""
            add(f"  plaats: {_q(a.plaats or kern_name)}" if (a.plaats or kern_name) else f"  plaats:  # {todo}")
        else:
            kern_name = region.areas[a.woonkern].naam if a.woonkern else "Den Helder"
            out += ["# adres:", "#   straat: ", "#   huisnummer: ", "#   postcode: ", f"#   plaats: {kern_name}"]
        add("")
        gemeenten = [g.id for g in region.gemeenten()]
        required("gemeente", a.gemeente, ["# De gemeente. Kies uit: " + ", ".join(gemeenten) + "."])
        kernen = [k.id for k in region.kernen(a.gemeente or None)]
        required(
            "woonkern",
            a.woonkern,
            ["# De woonkern (het dorp of de stad).", *_wrap("Kies uit: " + ", ".join(kernen) + ".")],
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
            add(f"coordinaten: {{lat: {a.lat}, lon: {a.lon}}}")
        else:
            add(f"coordinaten: {{lat: , lon: }}  # {todo}")
        add("")
        out += [
            "# Wat is er voor mensen met een beperking? Zo: [rolstoel, toilet].",
            *["# " + line[2:] for line in _allowed(region, "toegankelijkheid")],
            "# toegankelijkheid: []",
            "",
            "# Wanneer is de plek open? Een regel per dag. Tijden tussen aanhalingstekens.",
            "# openingstijden:",
            '#   - {dag: maandag, van: "09:00", tot: "12:00"}',
            "",
        ]
    out += [
        "# Contact. Vul alleen in wat je zeker weet.",
        "# contact:",
        "#   telefoon: 0223 123 456",
        "#   email: info@voorbeeld.nl",
        "#   website: https://www.voorbeeld.nl",
        "",
    ]
    required(
        "bron",
        _q(a.bron) if a.bron else "",
        ["# Waar komen de gegevens vandaan? Bijvoorbeeld een website of een gesprek met de organisatie."],
    )
    out.append("# De datum (JJJJ-MM-DD) waarop jij alles hebt nagekeken. Leeg als dat nog niet is gebeurd.")
    add(f"gecontroleerd_op: {a.gecontroleerd_op.isoformat()}" if a.gecontroleerd_op else "gecontroleerd_op:")
    add("")
    required(
        "beheerder", _q(a.beheerder) if a.beheerder else "", ["# Wie houdt dit item bij? Een organisatie of een naam."]
    )
    out.append("# Een e-mailadres voor meldingen over dit item. Mag je weglaten.")
    add(f"beheerder_email: {_q(a.beheerder_email)}" if a.beheerder_email else "# beheerder_email: ")
    return "\n".join(out).rstrip() + "\n"


# --- asking -----------------------------------------------------------------------------------


def _ask(prompt: str, options: list[str] | None = None, required: bool = True, many: bool = False, ask=input):
    """Ask until the answer is valid. Returns '' (or []) for an empty optional answer."""
    while True:
        hint = f" ({', '.join(options)})" if options and len(options) <= 25 else ""
        raw = ask(f"{prompt}{hint}: ").strip()
        if not raw:
            if required:
                print("Vul dit in, alsjeblieft.")
                continue
            return [] if many else ""
        values = [v.strip() for v in re.split(r"[,\s]+", raw) if v.strip()] if many else [raw]
        if options:
            wrong = [v for v in values if v.lower() not in options]
            if wrong:
                match = difflib.get_close_matches(wrong[0].lower(), options, n=1, cutoff=0.6)
                print(
                    f"'{wrong[0]}' kan niet."
                    + (f" Bedoelde je '{match[0]}'?" if match else "")
                    + f" Kies uit: {', '.join(options)}."
                )
                continue
            values = [v.lower() for v in values]
        return values if many else values[0]


def interview(a: Answers, region: Region, ask=input) -> Answers:
    """Ask for what is still missing. Optional questions may stay empty."""
    if not a.soort:
        a.soort = _ask("Wat voeg je toe: een plek of aanbod?", ["plek", "aanbod"], ask=ask)
    if not a.naam:
        a.naam = _ask("Hoe heet het?", ask=ask)
    if not a.type:
        a.type = _ask(f"Wat voor {a.soort} is het?", vocab.keys(LIST_OF_TYPE[a.soort]), ask=ask)
    if not a.gemeente:
        a.gemeente = _ask("In welke gemeente?", [g.id for g in region.gemeenten()], required=a.soort == "plek", ask=ask)
    if not a.woonkern and a.gemeente:
        a.woonkern = _ask(
            "In welke woonkern?" + (" (leeg als het in de hele gemeente is)" if a.soort == "aanbod" else ""),
            [k.id for k in region.kernen(a.gemeente)],
            required=a.soort == "plek",
            ask=ask,
        )
    if a.soort == "aanbod":
        if not a.samenvatting:
            a.samenvatting = _ask("Eén zin over wat het is", ask=ask)
        if not a.organisatie:
            a.organisatie = _ask("Wie biedt het aan?", ask=ask)
        if not a.themas:
            a.themas = _ask("Welke thema's? (met komma's ertussen)", vocab.keys("themas"), many=True, ask=ask)
        if not a.doelgroepen:
            a.doelgroepen = _ask("Voor wie? (met komma's ertussen)", vocab.keys("doelgroepen"), many=True, ask=ask)
    if not a.bron:
        a.bron = _ask("Waar komen de gegevens vandaan? (website, gesprek)", ask=ask)
    if not a.beheerder:
        a.beheerder = _ask("Wie houdt dit item bij? (organisatie of naam)", ask=ask)
    return a


# --- the command -------------------------------------------------------------------------------


def places_in(cat, woonkern: str, examples: bool = False) -> list[tuple[str, str]]:
    """Places in a woonkern to choose from (real offers may not use example places)."""
    if cat is None or not woonkern:
        return []
    return [(p.id, p.naam) for p in cat.places_in.get(woonkern, []) if examples or not p.voorbeeld][:30]


def create(root: Path, a: Answers, region: Region | None = None, cat=None) -> Path:
    """Write the new file. Returns its path. Raises EditorError when it cannot."""
    region = region or load_region()
    place_ids = sorted(cat.locations) if cat is not None else []
    a = check(a, region, place_ids)
    if not a.naam and not a.id:
        raise EditorError("Geef een naam (--naam) of een id (--id).")
    entry_id = a.id or slug(a.naam)
    if not entry_id or not ID_RE.match(entry_id):
        raise EditorError(
            "Van deze naam kan ik geen bestandsnaam maken. Geef een id met --id, bijvoorbeeld --id taalcafe-den-burg."
        )
    for folder in FOLDER.values():
        for suffix in (".yaml", ".yml"):
            existing = root / folder / f"{entry_id}{suffix}"
            if existing.exists():
                raise EditorError(
                    f"Er is al een item met de id '{entry_id}' ({folder}/{existing.name}). "
                    "Kies een andere naam of geef een id met --id."
                )
    path = root / FOLDER[a.soort] / f"{entry_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        render(a, region, places_in(cat, a.woonkern, a.voorbeeld) if a.soort == "aanbod" else None), encoding="utf-8"
    )
    return path


def answers_from_args(args) -> Answers:
    checked = None
    if args.gecontroleerd_op:
        if args.gecontroleerd_op == "vandaag":
            checked = dt.date.today()
        else:
            try:
                checked = dt.date.fromisoformat(args.gecontroleerd_op)
            except ValueError:
                raise EditorError(
                    f"'{args.gecontroleerd_op}' is geen datum. Schrijf 2026-11-23 of 'vandaag'."
                ) from None
            if checked > dt.date.today():
                raise EditorError("De datum van controle ligt in de toekomst. Schrijf de datum waarop je het nakeek.")
    return Answers(
        soort=args.soort or "",
        naam=(args.naam or "").strip(),
        type=args.type or "",
        gemeente=args.gemeente or "",
        woonkern=args.woonkern or "",
        wijk=args.wijk or "",
        id=args.id or "",
        samenvatting=(args.samenvatting or "").strip(),
        organisatie=(args.organisatie or "").strip(),
        themas=args.thema or [],
        doelgroepen=args.doelgroep or [],
        plekken=args.plek or [],
        gebied=args.gebied or [],
        lat=args.lat,
        lon=args.lon,
        straat=args.straat or "",
        huisnummer=args.huisnummer or "",
        postcode=args.postcode or "",
        plaats=args.plaats or "",
        bron=(args.bron or "").strip(),
        beheerder=(args.beheerder or "").strip(),
        beheerder_email=args.beheerder_email or "",
        gecontroleerd_op=checked,
        voorbeeld=bool(args.voorbeeld),
    )


def add_arguments(p) -> None:
    p.add_argument("--soort", choices=["plek", "aanbod"], help="plek of aanbod.")
    p.add_argument("--naam", help="De naam zoals mensen hem kennen.")
    p.add_argument("--type", help="Wat voor plek of aanbod, bijvoorbeeld buurthuis of activiteit.")
    p.add_argument("--gemeente", help="Id van de gemeente, bijvoorbeeld den-helder.")
    p.add_argument("--woonkern", help="Id van de woonkern, bijvoorbeeld julianadorp.")
    p.add_argument("--wijk", help="Id van de wijk (alleen in Den Helder).")
    p.add_argument("--id", help="Bestandsnaam zonder .yaml (standaard: gemaakt van de naam).")
    p.add_argument("--samenvatting", help="Aanbod: één zin over wat het is.")
    p.add_argument("--organisatie", help="Aanbod: wie het aanbiedt.")
    p.add_argument("--thema", action="append", help="Aanbod: een thema (mag vaker).")
    p.add_argument("--doelgroep", action="append", help="Aanbod: een doelgroep (mag vaker).")
    p.add_argument("--plek", action="append", help="Aanbod: id van een plek (mag vaker).")
    p.add_argument("--gebied", action="append", help="Aanbod zonder vaste plek: gemeente of regio (mag vaker).")
    p.add_argument("--lat", type=float, help="Plek: breedtegraad, bijvoorbeeld 52.9563.")
    p.add_argument("--lon", type=float, help="Plek: lengtegraad, bijvoorbeeld 4.7601.")
    p.add_argument("--straat")
    p.add_argument("--huisnummer")
    p.add_argument("--postcode")
    p.add_argument("--plaats")
    p.add_argument("--bron", help="Waar de gegevens vandaan komen.")
    p.add_argument("--beheerder", help="Wie het item bijhoudt.")
    p.add_argument("--beheerder-email", help="E-mailadres voor meldingen.")
    p.add_argument("--gecontroleerd-op", help="Datum van controle (JJJJ-MM-DD of 'vandaag').")
    p.add_argument("--voorbeeld", action="store_true", help="Een verzonnen voorbeeld-item.")
    p.add_argument("--root", help="Map met locations/ en activities/ (standaard: deze map).")
    p.add_argument("--geen-vragen", action="store_true", help="Stel geen vragen, ook niet in een terminal.")


def run(root: Path, args, stdin=None, stdout=None) -> int:
    """The `wegwijzer nieuw` command. Returns the exit code."""
    from wegwijzer.core.load import load_catalog
    from wegwijzer.core.problems import EntryErrors, format_report

    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    region = load_region()
    try:
        cat = load_catalog(root, strict=False)
    except EntryErrors:
        cat = None
    try:
        answers = answers_from_args(args)
        interactive = stdin.isatty() and not args.geen_vragen
        if interactive:
            answers = interview(answers, region)
        elif not answers.soort:
            raise EditorError(
                "Geef mee wat je toevoegt: --soort plek of --soort aanbod, en --naam. "
                "Of start 'wegwijzer nieuw' in een terminal, dan stel ik vragen."
            )
        path = create(root, answers, region, cat)
    except EditorError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    rel = path.relative_to(root)
    print(f"Geschreven: {rel}", file=stdout)
    # Show what is still to do: the validator's problems for this file only.
    try:
        after = load_catalog(root, strict=False)
        problems = [p for p in after.problems if p.file == str(rel)]
    except EntryErrors as exc:  # pragma: no cover - strict=False does not raise
        problems = [p for p in exc.problems if p.file == str(rel)]
    if problems:
        print("Nog te doen in dit bestand:", file=stdout)
        print(format_report(problems), file=stdout)
    else:
        print("Het bestand is in orde. Lees het nog één keer na en maak dan een pull request.", file=stdout)
    return 0
