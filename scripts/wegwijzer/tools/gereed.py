"""`wegwijzer gereed`: is the real site ready to go live? The report of ``core.readiness``, as Markdown.

``--streng`` makes the command fail (exit status 1) while something is still missing to go live,
so a release branch can require it in CI.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wegwijzer.core import describe
from wegwijzer.core.guard import one_line
from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors, format_report
from wegwijzer.core.readiness import AreaReport, Counts, GoLive, Readiness, readiness
from wegwijzer.site.context import build_date
from wegwijzer.tools.deployment import load_settings
from wegwijzer.tools.output import write_output

HEADER = "| gebied | plekken | aanbod | eigen contact | via gemeente | met adres | nagekeken |"


def _row(name: str, c: Counts) -> str:
    return (
        f"| {name} | {c.plekken} | {c.aanbod} | {c.eigen_contact} van {c.items} | {c.via_gemeente} "
        f"| {c.met_adres} van {c.plekken} | {c.nagekeken} van {c.items} |"
    )


def _area_rows(report: AreaReport) -> list[str]:
    rows = [_row(f"**{report.area.naam}**", report.counts)]
    rows += [_row(f"{k.area.naam}", k.counts) for k in report.kernen if k.counts.items]
    return rows


def report_markdown(r: Readiness) -> str:
    t = r.totaal
    lines = [
        "# Klaar voor de echte site?",
        "",
        f"Stand op {describe.date_text(r.datum)}. Alleen echte items tellen mee, geen voorbeelden.",
        "",
        "## Nog nodig om live te gaan" if r.blockers else "## Alles is klaar om live te gaan",
        "",
    ]
    lines += [f"- **{b.wat}**: {b.uitleg}" for b in r.blockers] or ["Er ontbreekt niets meer."]
    lines += [
        "",
        "## In cijfers",
        "",
        f"- {t.plekken} echte plekken en {t.aanbod} keer echt aanbod.",
        f"- {t.eigen_contact} van de {t.items} items hebben eigen contactgegevens (telefoon, e-mail of website). "
        f"{t.via_ander} gebruiken die van hun organisatie of plek. "
        f"Bij {t.via_gemeente} wijst de pagina alleen naar de gemeente.",
        f"- {t.met_adres} van de {t.plekken} plekken hebben een adres met straat en postcode.",
        f"- {t.nagekeken} van de {t.items} items zijn nagekeken in de laatste {r.maanden} maanden.",
        f"- Voorbeelden in de gegevens: {r.voorbeelden}. De echte site laat ze weg (`--zonder-voorbeelden`).",
        "",
        "## Per gemeente en woonkern",
        "",
        "Aanbod voor de hele gemeente of de regio telt mee bij elke gemeente, niet bij de woonkernen. "
        "Een woonkern zonder plekken en aanbod staat hier niet.",
        "",
        HEADER,
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for g in r.gemeenten:
        lines += _area_rows(g)
    lines += ["", "## Woonkernen zonder plek", ""]
    lines.append(", ".join(k.naam for k in r.kernen_zonder_plek) or "Geen: elke woonkern heeft een plek.")
    lines += ["", "## Thema's zonder aanbod", ""]
    lines.append(", ".join(label for _, label in r.themas_zonder_aanbod) or "Geen: elk thema heeft aanbod.")
    return "\n".join(lines) + "\n"


def run(root: Path, args: argparse.Namespace, out=None) -> int:
    """`wegwijzer gereed`: print the report; with --streng exit 1 while something is missing."""
    out = out or sys.stdout
    today = build_date()
    try:
        cat = load_catalog(root, include_examples=True, today=today)  # ended offers leave the lists, as on the site
    except EntryErrors as exc:
        print(format_report(exc.problems), file=sys.stderr)
        return 1
    report = readiness(cat, GoLive.of(load_settings(root)), today)
    text = report_markdown(report)
    if args.uit:
        problem = write_output(Path(args.uit), text, root, getattr(args, "overschrijven", False))
        if problem:
            print(problem, file=sys.stderr)
            return 1
        print(f"Geschreven: {one_line(args.uit)}", file=out)
    else:
        out.write(text)
    if args.streng and not report.ready:
        n = len(report.blockers)
        print(
            f"Niet klaar: er {'ontbreekt' if n == 1 else 'ontbreken'} nog {n} {'punt' if n == 1 else 'punten'}.",
            file=sys.stderr,
        )
        return 1
    return 0
