"""The accessibility statement (toegankelijkheidsverklaring) from two files, never from guesses.

- ``data/toegankelijkheid.yaml``: what people decide and know: the status (A-E, as the Dutch
  government defines it), an expert audit when there is one, and the known gaps.
- ``data/toegankelijkheid-getest.json``: what the test suite measured, written by
  ``make toegankelijkheid`` (tests/statement_results.py): per page type and per check the
  number of problems found, the tools and their versions, and the date of the run.

The status is checked against the facts: A and B need an expert audit (WCAG-EM) of at most three
years old, C needs a planned audit. Automated tests alone never give more than D.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from wegwijzer.core import yamlsafe
from wegwijzer.core.vocab import DATA_DIR

STATEMENT_FILE = DATA_DIR / "toegankelijkheid.yaml"
RESULTS_FILE = DATA_DIR / "toegankelijkheid-getest.json"
AUDIT_YEARS = 3

# What each status means (digitoegankelijk.nl, "De status"), in B1 words.
STATUS_TEXT = {
    "A": "De site voldoet aan alle eisen. Een deskundige heeft dat onderzocht.",
    "B": "De site voldoet aan een deel van de eisen. Een deskundige heeft dat onderzocht. "
    "Wat nog niet goed is, staat hieronder, met wat we eraan doen.",
    "C": "Er is nog geen volledig onderzoek door een deskundige. Dat onderzoek is wel gepland.",
    "D": "Er is nog geen volledig onderzoek door een deskundige, en dat onderzoek is nog niet gepland. "
    "We testen de site wel zelf bij elke verandering. Wat we testen, staat hieronder.",
    "E": "Er is geen toegankelijkheidsverklaring.",
}

# The checks the suite runs, in words (keys as written by tests/statement_results.py).
CHECKS = {
    "axe": "Automatische test met axe-core: regels van WCAG 2.0, 2.1 en 2.2, niveau A en AA",
    "vnu": "Controle van de HTML-code met de Nu Html Checker (vnu)",
    "tikdoelen": "Knoppen en links zijn groot genoeg om met een vinger te raken (44 bij 44 pixels)",
    "nederlands": "Alle tekst van de site is Nederlands (geen Engelse woorden van het thema of de kaart)",
}


@dataclass(frozen=True)
class Statement:
    status: str
    status_text: str
    audit: dict[str, Any] | None
    planned: dt.date | None
    gaps: list[dict[str, str]]
    untested: list[str]
    tested_on: dt.date | None
    tools: dict[str, str]
    viewports: list[str]
    page_types: list[dict[str, Any]]  # {"naam", "wat", "pad", checks...}
    checks: dict[str, str] = field(default_factory=lambda: dict(CHECKS))

    @property
    def problems_found(self) -> int:
        return sum(int(pt.get(check) or 0) for pt in self.page_types for check in CHECKS)


def _date(value: Any, what: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise PluginError(
            f"toegankelijkheid.yaml: {what} {value!r} is geen datum. Schrijf bijvoorbeeld 2026-12-01."
        ) from None


def _check_status(status: str, audit: dict | None, planned: dt.date | None, today: dt.date) -> None:
    if status not in STATUS_TEXT or status == "E":
        raise PluginError(f"toegankelijkheid.yaml: status {status!r} kan niet. Kies A, B, C of D.")
    if status in "AB":
        done = _date((audit or {}).get("datum"), "onderzoek.datum")
        if not audit or not audit.get("door") or done is None:
            raise PluginError(
                f"toegankelijkheid.yaml: status {status} mag alleen met een onderzoek door een deskundige. "
                "Vul onderzoek in (datum, door, rapport), of kies status C of D."
            )
        if (today - done).days > AUDIT_YEARS * 366:
            raise PluginError(
                f"toegankelijkheid.yaml: het onderzoek van {done} is ouder dan {AUDIT_YEARS} jaar. "
                f"Status {status} kan dan niet meer. Laat opnieuw onderzoeken, of kies status C of D."
            )
    if status == "C" and (planned is None or planned < today):
        raise PluginError(
            "toegankelijkheid.yaml: status C kan alleen als een onderzoek gepland is. "
            "Vul onderzoek_gepland in met een datum die nog moet komen, of kies status D."
        )


def load(today: dt.date, statement_file: Path = STATEMENT_FILE, results_file: Path = RESULTS_FILE) -> Statement:
    data = yamlsafe.read(statement_file).data or {}
    if not isinstance(data, dict):
        raise PluginError(f"{statement_file.name}: schrijf velden zoals status: D (zie de uitleg bovenin het bestand).")
    status = str(data.get("status", "")).strip().upper()
    audit = data.get("onderzoek") or None
    planned = _date(data.get("onderzoek_gepland"), "onderzoek_gepland")
    _check_status(status, audit, planned, today)
    results: dict[str, Any] = {}
    if results_file.is_file():
        results = json.loads(results_file.read_text(encoding="utf-8"))
    page_types = [{"naam": name, **info} for name, info in sorted(results.get("paginatypen", {}).items())]
    return Statement(
        status=status,
        status_text=STATUS_TEXT[status],
        audit=audit,
        planned=planned,
        gaps=list(data.get("bekende_problemen") or []),
        untested=list(data.get("niet_getest") or []),
        tested_on=_date(results.get("datum"), "datum in toegankelijkheid-getest.json"),
        tools=dict(results.get("gereedschap", {})),
        viewports=list(results.get("schermen", [])),
        page_types=page_types,
    )
