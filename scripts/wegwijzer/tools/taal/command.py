"""The `wegwijzer taal` command: arguments, and which tips to show (only for your own changes by default)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wegwijzer.tools.taal.changed import changed_files
from wegwijzer.tools.taal.config import ConfigProblem, load_config
from wegwijzer.tools.taal.report import format_report, report_json
from wegwijzer.tools.taal.sources import check_all

NO_GIT = "Git is er niet, dus ik weet niet welke bestanden je hebt veranderd. Je ziet alleen de fouten."


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


def tips_for(args: argparse.Namespace, root: Path, only: list[str]) -> tuple[set[str] | None, str]:
    """For which files to show tips (None: all of them), and a note about it (Dutch)."""
    if args.alle_tips or only:
        return None, ""
    changed = changed_files(root)
    if changed is None:
        return set(), NO_GIT
    return changed, ""


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
        shown_for, note = tips_for(args, root, only)
        print(format_report(report, show_warnings=not args.alleen_fouten, tips_for=shown_for))
        if note and not args.alleen_fouten:
            print(note)
    return 1 if report.errors else 0
