"""The `wegwijzer import-...` commands: HSDS, a spreadsheet (CSV/XLSX), an agenda (ICS) and OpenStreetMap.

Each reads its input, plans every entry through the checked write path (``hsds_import.write``) and
prints the report. Exit codes (the same for all, also in the help and the README): 0 everything
came in, 1 the input could not be read or nothing could be written (nothing is written then),
3 one or more items were skipped with their reason (the others are written).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from wegwijzer.core.guard import one_line

if TYPE_CHECKING:
    from wegwijzer.opendata.hsds_import import ImportResult

EXIT_CODES = (
    "Afsluitcode: 0 = alles ingelezen; 1 = het bestand is niet te lezen of schrijven lukte niet "
    "(er is niets geschreven); 3 = een of meer {what} zijn overgeslagen (de reden staat in het verslag)."
)


def _root(args: argparse.Namespace) -> Path:
    from wegwijzer.tools.cli import project_root

    return Path(args.root).resolve() if args.root else project_root()


def _folders(args: argparse.Namespace) -> tuple[Path, Path]:
    root = _root(args)
    locations = Path(args.locations).resolve() if args.locations else root / "locations"
    activities = Path(args.activities).resolve() if args.activities else root / "activities"
    return locations, activities


def _run(make: Callable[[], ImportResult]) -> int:
    """Run one import; a problem with the input or with writing is one Dutch message and exit code 1."""
    from wegwijzer.opendata.hsds_import import UNREADABLE, FeedProblem, WriteProblem

    try:
        result = make()
    except (FeedProblem, WriteProblem) as exc:
        print("\n".join(one_line(line) for line in exc.message.splitlines()), file=sys.stderr)
        return UNREADABLE
    print(result.report())
    return result.exit_code


def cmd_import_hsds(args: argparse.Namespace) -> int:
    from wegwijzer.opendata.hsds_import import import_file

    locations, activities = _folders(args)
    return _run(lambda: import_file(Path(args.bestand), _root(args), locations, activities, write=not args.proef))


def cmd_import_csv(args: argparse.Namespace) -> int:
    from wegwijzer.opendata.imports.spreadsheet import import_spreadsheet

    locations, activities = _folders(args)
    return _run(
        lambda: import_spreadsheet(Path(args.bestand), Path(args.mapping), locations, activities, write=not args.proef)
    )


def _agenda_options(args: argparse.Namespace):
    """The command-line options of import-ics, checked against the lists; a Dutch message when one is wrong."""
    from wegwijzer.core.region import REGION_ID, load_region
    from wegwijzer.opendata.hsds_import import FeedProblem
    from wegwijzer.opendata.imports.agenda import Options
    from wegwijzer.opendata.imports.common import allowed, gemeente_by_name, list_value

    def checked(list_name: str, words: list[str], option: str) -> list[str]:
        values = [list_value(list_name, w) for w in words]
        wrong = [w for w, v in zip(words, values, strict=True) if v is None]
        if wrong:
            raise FeedProblem(
                f"{option} '{one_line(wrong[0])}' staat niet in de lijst. Kies uit: {allowed(list_name)}."
            )
        return [v for v in values if v]

    if args.gebied and args.gebied != REGION_ID and gemeente_by_name(load_region(), args.gebied) is None:
        raise FeedProblem(
            f"--gebied '{one_line(args.gebied)}' is geen gemeente. "
            "Kies Den Helder, Hollands Kroon, Schagen, Texel of regio."
        )
    return Options(
        organisatie=args.organisatie,
        bron=args.bron,
        soort=checked("aanbod_soorten", [args.soort], "--soort")[0],
        themas=checked("themas", args.thema or [], "--thema"),
        doelgroepen=checked("doelgroepen", args.doelgroep or [], "--doelgroep"),
        gebied=args.gebied,
        plek=args.plek,
        evenement=checked("evenement_soorten", [args.evenement], "--evenement")[0] if args.evenement else None,
    )


def cmd_import_ics(args: argparse.Namespace) -> int:
    from wegwijzer.opendata.imports.agenda import import_agenda

    locations, activities = _folders(args)
    return _run(
        lambda: import_agenda(Path(args.bestand), locations, activities, _agenda_options(args), write=not args.proef)
    )


def _overpass(args: argparse.Namespace, root: Path) -> tuple[bytes, str]:
    """Fresh data from the Overpass API, kept in --bewaar when asked (never over a file without asking)."""
    import datetime as dt

    from wegwijzer.opendata.hsds_import import FeedProblem
    from wegwijzer.opendata.imports.overpass import fetch
    from wegwijzer.tools.output import output_problem

    target = Path(args.bewaar) if args.bewaar else None
    problem = output_problem(target, root, args.overschrijven) if target else None
    if problem:
        raise FeedProblem(problem)
    print("Vraag de plekken op bij OpenStreetMap (Overpass). Dat kan een minuut duren ...", file=sys.stderr, flush=True)
    raw = fetch(args.server)
    if target is not None:
        try:
            target.write_bytes(raw)
        except OSError as exc:
            raise FeedProblem(
                f"Bewaren in {one_line(str(target))} lukte niet ({exc.strerror}). Er is niets ingelezen."
            ) from None
        print(
            f"Het antwoord staat in {one_line(str(target))}: lees het later opnieuw in met --bestand.", file=sys.stderr
        )
    return raw, f"overpass-{dt.date.today().isoformat()}.json"


def cmd_import_osm(args: argparse.Namespace) -> int:
    from wegwijzer.opendata.imports.osm import import_osm

    locations, activities = _folders(args)

    def run() -> ImportResult:
        source = Path(args.bestand) if args.bestand else _overpass(args, _root(args))
        return import_osm(source, locations, activities, args.beheerder, write=not args.proef)

    return _run(run)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", help="Map met locations/ en activities/ (standaard: deze map).")
    p.add_argument("--locations", help="Schrijf plekken naar deze map (standaard: ROOT/locations).")
    p.add_argument("--activities", help="Schrijf aanbod naar deze map (standaard: ROOT/activities).")
    p.add_argument("--proef", action="store_true", help="Toon alleen het verslag; schrijf niets.")


def args_import_hsds(p: argparse.ArgumentParser) -> None:
    p.add_argument("bestand", help="HSDS 3.0 JSON: een lijst services, of één service.")
    _common(p)


def args_import_csv(p: argparse.ArgumentParser) -> None:
    p.add_argument("bestand", help="De lijst: CSV (met ; of ,) of Excel (.xlsx).")
    p.add_argument("--mapping", required=True, help="YAML-bestand: welke kolom welk veld is (zie de README).")
    _common(p)


def args_import_ics(p: argparse.ArgumentParser) -> None:
    p.add_argument("bestand", help="De agenda: een iCalendar-bestand (.ics).")
    p.add_argument("--organisatie", help="Wie het organiseert (standaard: ORGANIZER of de naam van de agenda).")
    p.add_argument("--bron", help="Waar de agenda vandaan komt (standaard: 'Agenda-import: BESTAND').")
    p.add_argument("--soort", default="activiteit", help="Soort aanbod (standaard: activiteit).")
    p.add_argument("--thema", action="append", help="Thema voor alles uit deze agenda (mag vaker).")
    p.add_argument("--doelgroep", action="append", help="Doelgroep voor alles uit deze agenda (mag vaker).")
    p.add_argument("--plek", help="Id of naam van een bestaande plek, voor afspraken zonder bekende plek.")
    p.add_argument("--gebied", help="Gemeente (of 'regio') voor afspraken zonder bekende plek.")
    p.add_argument(
        "--evenement", help="Soort van de afspraken op één datum: voorlichting, webinar, bijeenkomst of markt."
    )
    _common(p)


def args_import_osm(p: argparse.ArgumentParser) -> None:
    from wegwijzer.opendata.imports.overpass import SERVER

    p.add_argument("--bestand", help="Lees een opgeslagen antwoord van Overpass (JSON); zonder: vraag het online op.")
    p.add_argument("--beheerder", help="Wie de plekken bijhoudt (standaard: 'operator' uit OpenStreetMap).")
    p.add_argument(
        "--bewaar", help="Bewaar het antwoord van Overpass in dit bestand (om later --bestand te gebruiken)."
    )
    p.add_argument("--overschrijven", action="store_true", help="Vervang het bestand van --bewaar als het al bestaat.")
    p.add_argument("--server", default=SERVER, help=f"Adres van de Overpass API (standaard: {SERVER}).")
    _common(p)
