"""`wegwijzer verouderd`: the list of entries to check this month, as Markdown or CSV."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from wegwijzer.core import describe
from wegwijzer.core.freshness import StaleRow, stale_entries
from wegwijzer.core.guard import one_line
from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors, format_report
from wegwijzer.opendata.table import csv_document
from wegwijzer.site.context import build_date
from wegwijzer.tools.deployment import load_settings
from wegwijzer.tools.output import write_output

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


def run(root: Path, args, out=None) -> int:
    """`wegwijzer verouderd`: the list for the monthly round, as Markdown or CSV."""
    out = out or sys.stdout
    settings = load_settings(root)
    months = args.maanden if args.maanden is not None else settings.verouderd_na_maanden
    try:
        cat = load_catalog(root, include_examples=args.met_voorbeelden)
    except EntryErrors as exc:
        print(format_report(exc.problems), file=sys.stderr)
        return 1
    today = build_date()
    rows = stale_entries(cat, today, months, settings.site_url)
    text = stale_csv(rows) if args.formaat == "csv" else stale_markdown(rows, today, months)
    if args.uit:
        problem = write_output(Path(args.uit), text, root, getattr(args, "overschrijven", False))
        if problem:
            print(problem, file=sys.stderr)
            return 1
        print(f"{len(rows)} {'item' if len(rows) == 1 else 'items'} om na te kijken. Geschreven: {one_line(args.uit)}")
    else:
        out.write(text)
    return 0
