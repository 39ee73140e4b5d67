"""`wegwijzer verouderd`: the list of entries to check this month, as Markdown or CSV."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from wegwijzer.core import describe
from wegwijzer.core.freshness import StaleRow, stale_entries
from wegwijzer.core.guard import one_line
from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors, format_report
from wegwijzer.opendata.table import csv_document
from wegwijzer.site.context import build_date

STALE_COLUMNS = ["beheerder", "naam", "soort", "id", "bestand", "laatst_gecontroleerd", "link"]


def stale_csv(rows: list[StaleRow]) -> str:
    """The list as CSV in the same dialect as aanbod.csv (BOM, ';'), so Dutch Excel shows columns."""
    return csv_document(
        STALE_COLUMNS,
        (
            [
                r.beheerder,
                r.naam,
                r.soort,
                r.id,
                r.bestand,
                r.laatst_gecontroleerd.isoformat() if r.laatst_gecontroleerd else "",
                r.link,
            ]
            for r in rows
        ),
    )


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def stale_markdown(rows: list[StaleRow], today: dt.date, months: int) -> str:
    lines = [
        f"# Controleren: items die niet zijn nagekeken na {months} maanden",
        "",
        f"Stand op {describe.date_text(today)}. "
        f"Kijk elk item na. Zet daarna de datum van vandaag bij `gecontroleerd_op`.",
        "",
    ]
    if not rows:
        lines.append("Alles is nagekeken. Er is niets te doen.")
        return "\n".join(lines) + "\n"
    lines.append(f"{len(rows)} {'item' if len(rows) == 1 else 'items'} om na te kijken.")
    current = None
    for r in rows:
        if r.beheerder != current:
            current = r.beheerder
            lines += [
                "",
                f"## {_md_cell(current)}",
                "",
                "| item | laatst gecontroleerd | bestand |",
                "| --- | --- | --- |",
            ]
        checked = describe.date_text(r.laatst_gecontroleerd) if r.laatst_gecontroleerd else "nog niet gecontroleerd"
        lines.append(f"| [{_md_cell(r.naam)}]({r.link}) | {checked} | `{r.bestand}` |")
    return "\n".join(lines) + "\n"


def deployment_settings(root: Path) -> dict:
    """verouderd_na_maanden and site_url, read the way MkDocs reads mkdocs.yml (defaults when missing)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    settings = {"verouderd_na_maanden": 12, "site_url": ""}
    try:
        config = load_config(str(root / "mkdocs.yml"))
    except (OSError, ConfigurationError):
        config = None
    if config is not None:
        settings["site_url"] = str(config.site_url or "")
        plugin = config.plugins.get("wegwijzer")
        if plugin is not None:
            settings["verouderd_na_maanden"] = plugin.config.verouderd_na_maanden
    if os.environ.get("WEGWIJZER_SITE_URL") is not None:
        settings["site_url"] = os.environ["WEGWIJZER_SITE_URL"].strip()
    return settings


PROTECTED = ("activities", "locations", "content")  # the list is never written into these folders


def output_problem(target: Path, root: Path, overwrite: bool) -> str | None:
    """Why the list may not be written to this file (Dutch), or None when it may."""
    real = target.resolve()
    for folder in PROTECTED:
        if real.is_relative_to((root / folder).resolve()):
            return f"De lijst mag niet in de map {folder}/ komen: daar staan items of pagina's. Kies een andere plek."
    if not real.parent.is_dir():
        return f"De map {one_line(str(target.parent))} bestaat niet. Maak hem eerst, of kies een andere plek."
    if real.is_dir():
        name = one_line(str(target))
        return f"{name} is een map. Geef een bestandsnaam, bijvoorbeeld {name}/lijst.md."
    if real.exists() and not overwrite:
        return (
            f"Het bestand {one_line(str(target))} bestaat al. Kies een andere naam, "
            "of zet --overschrijven erbij als je het echt wilt vervangen."
        )
    return None


def run(root: Path, args, out=None) -> int:
    """`wegwijzer verouderd`: the list for the monthly round, as Markdown or CSV."""
    out = out or sys.stdout
    settings = deployment_settings(root)
    months = args.maanden if args.maanden is not None else settings["verouderd_na_maanden"]
    try:
        cat = load_catalog(root, include_examples=args.met_voorbeelden)
    except EntryErrors as exc:
        print(format_report(exc.problems), file=sys.stderr)
        return 1
    today = build_date()
    rows = stale_entries(cat, today, months, settings["site_url"])
    text = stale_csv(rows) if args.formaat == "csv" else stale_markdown(rows, today, months)
    if args.uit:
        target = Path(args.uit)
        problem = output_problem(target, root, getattr(args, "overschrijven", False))
        if problem:
            print(problem, file=sys.stderr)
            return 1
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"Schrijven naar {one_line(str(target))} lukte niet ({exc.strerror}).", file=sys.stderr)
            return 1
        print(f"{len(rows)} {'item' if len(rows) == 1 else 'items'} om na te kijken. Geschreven: {one_line(args.uit)}")
    else:
        out.write(text)
    return 0
