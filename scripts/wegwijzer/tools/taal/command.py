"""The `wegwijzer taal` command: arguments, and which tips to show (only for your own changes by default)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wegwijzer.tools.taal.changed import changed_files
from wegwijzer.tools.taal.config import ConfigProblem, load_config
from wegwijzer.tools.taal.report import format_report, report_json
from wegwijzer.tools.taal.sources import check_all

NO_GIT = (
    "Met git kan ik niet zien welke bestanden je hebt veranderd. Daarom zie je alleen de fouten. "
    "Wil je ook alle tips zien? Gebruik dan --alle-tips."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("bestanden", nargs="*", help="Alleen deze bestanden (standaard: alle items en pagina's).")
    p.add_argument("--root", help="Map met locations/, activities/ en content/ (standaard: deze map).")
    p.add_argument("--alleen-fouten", action="store_true", help="Toon alleen fouten, geen tips.")
    p.add_argument(
        "--alle-tips",
        action="store_true",
        help="Toon ook tips voor bestanden die je niet hebt veranderd (standaard: tips alleen voor je eigen werk).",
    )
    p.add_argument("--json", action="store_true", help="Geef de uitkomst als JSON (alle fouten en tips).")
    p.add_argument("--instellingen", help="Ander bestand met instellingen (standaard: data/taal.yaml).")


def run(root: Path, args: argparse.Namespace) -> int:
    try:
        config = load_config(Path(args.instellingen) if args.instellingen else None)
    except ConfigProblem as exc:
        print(f"De instellingen kloppen niet: {exc}", file=sys.stderr)
        return 2
    only = []
    for name in args.bestanden:
        path = Path(name).resolve()
        only.append(path.relative_to(root).as_posix() if path.is_relative_to(root) else name)
    report = check_all(root, config=config, only=only or None)
    if args.json:
        print(report_json(report))
    else:
        everything = args.alle_tips or bool(only)
        changed = None if everything else changed_files(root)
        no_git = not everything and changed is None
        print(format_report(report, show_warnings=not (args.alleen_fouten or no_git), tips_for=changed))
        if no_git and not args.alleen_fouten:
            print(NO_GIT)
    return 1 if report.errors else 0
