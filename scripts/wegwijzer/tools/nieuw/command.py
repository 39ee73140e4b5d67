"""The `wegwijzer nieuw` command: write the file, then show what is still to do in it."""

from __future__ import annotations

import sys
from pathlib import Path

from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors, format_report
from wegwijzer.core.region import Region, inside_region, load_region
from wegwijzer.core.vocab import ID_RE, slug
from wegwijzer.tools.nieuw.answers import FOLDER, Answers, EditorError, answers_from_args, check
from wegwijzer.tools.nieuw.interview import interview
from wegwijzer.tools.nieuw.template import render


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


def _fill_coordinates(a: Answers, lookup, stdout, region: Region) -> None:
    """Coordinates from the address (geocode cache first, then the geocoder); silent about nothing."""
    from wegwijzer.tools.geocode import DEFAULT_CACHE, Unreachable, address_query, load_cache, nominatim_lookup

    town = a.plaats or (region.areas[a.woonkern].naam if a.woonkern in region.areas else "")
    query = address_query({"straat": a.straat, "huisnummer": a.huisnummer, "postcode": a.postcode, "plaats": town})
    if query is None:
        return
    found = load_cache(DEFAULT_CACHE).get(query)
    if found is None:
        try:
            found = (lookup or nominatim_lookup())(query)
        except Unreachable:
            print(
                f"De coördinaten van '{query}' konden niet worden opgezocht. Draai later wegwijzer geocode.",
                file=stdout,
            )
            return
    if found and inside_region(found[0], found[1]):
        a.lat, a.lon = round(found[0], 5), round(found[1], 5)
        print(f"Coördinaten gevonden bij '{query}': {a.lat}, {a.lon}. Kijk op de kaart of het klopt.", file=stdout)
    else:
        print(f"Het adres '{query}' is niet gevonden in de Kop. Vul de coördinaten zelf in.", file=stdout)


def run(root: Path, args, stdin=None, stdout=None, lookup=None) -> int:
    """The `wegwijzer nieuw` command. Returns the exit code."""
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
        if answers.soort == "plek" and answers.lat is None:
            _fill_coordinates(answers, lookup, stdout, region)
        path = create(root, answers, region, cat)
    except EditorError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):  # Ctrl-D or Ctrl-C during the questions
        print("\nGestopt. Er is niets geschreven.", file=sys.stderr)
        return 1
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
