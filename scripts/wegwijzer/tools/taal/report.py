"""The report: per file and per sentence what is hard, why, and what to write instead (Dutch, B1)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from wegwijzer.tools.taal.text import Finding

QUOTE_SHOWN = 160


@dataclass
class Report:
    findings: list[Finding]
    files: int
    skipped: list[str] = field(default_factory=list)  # entries that could not be read

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.error]


def _shown(report: Report, show_warnings: bool, tips_for: set[str] | None) -> list[Finding]:
    if not show_warnings:
        return report.errors
    if tips_for is None:
        return list(report.findings)
    return [f for f in report.findings if f.error or f.file in tips_for]


def _file_lines(file: str, items: list[Finding]) -> list[str]:
    out = [file]
    groups: dict[tuple, list[Finding]] = {}
    for f in sorted(items, key=lambda f: (f.line, f.field, f.sentence, not f.error, f.check)):
        groups.setdefault((f.line, f.field, f.sentence), []).append(f)
    for (line, fld, sentence), fs in groups.items():
        where = f"  regel {line}" + (f", {fld}" if fld else "")
        quote = sentence if len(sentence) <= QUOTE_SHOWN else sentence[: QUOTE_SHOWN - 3] + "..."
        out.append(f'{where}: "{quote}"' if quote and fs[0].check != "leesbaarheid" else where + ":")
        out += [f"    {f.level}: {f.message}" for f in fs]
    out.append("")
    return out


def _plural(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def format_report(report: Report, show_warnings: bool = True, tips_for: set[str] | None = None) -> str:
    """Per file and per sentence: what is hard and what to write instead.

    tips_for: show tips ('let op') only for these files (None: for every file). Errors are always shown.
    """
    shown = _shown(report, show_warnings, tips_for)
    out: list[str] = []
    by_file: dict[str, list[Finding]] = {}
    for f in shown:
        by_file.setdefault(f.file, []).append(f)
    for file, items in by_file.items():
        out += _file_lines(file, items)
    for file in report.skipped:
        out.append(f"{file}: niet gecontroleerd, want het item heeft fouten. Draai eerst 'wegwijzer validate'.")
    n_err, n_warn = len(report.errors), len(report.warnings)
    summary = f"{_plural(report.files, 'bestand', 'bestanden')} gecontroleerd: {_plural(n_err, 'fout', 'fouten')}"
    out.append(summary + (f", {n_warn} keer let op." if show_warnings else "."))
    hidden = n_warn - sum(1 for f in shown if not f.error)
    if show_warnings and hidden:
        out.append(
            f"{_plural(hidden, 'tip', 'tips')} voor bestanden die je niet hebt veranderd, zie je niet. "
            "Wil je alle tips zien? Gebruik dan --alle-tips."
        )
    if n_err:
        out.append("Verbeter de fouten en probeer het opnieuw. Een 'let op' is een tip: dat hoeft niet.")
    return "\n".join(out)


def report_json(report: Report) -> str:
    return json.dumps(
        {
            "bestanden": report.files,
            "bevindingen": [asdict(f) for f in report.findings],
            "niet_gecontroleerd": report.skipped,
        },
        ensure_ascii=False,
        indent=2,
        sort_keys=True,
    )
