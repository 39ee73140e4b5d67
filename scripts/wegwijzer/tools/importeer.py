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
