"""Keeping entries current: what is out of date, what has ended, what is new or changed.

- `status` / `stale_entries`: entries not checked for `verouderd_na_maanden` months
  (or never checked) for the monthly round (`wegwijzer verouderd`).
- `has_ended`: an offer whose dates are all past. It stays on the site, but leaves
  the weekly lists (see `describe.weekdays`).
- `report_href`: the prefilled "Klopt er iets niet?" link of an entry.
- `git_dates` / `recent_changes`: the "Nieuw en gewijzigd" page, from the check dates
  and from git (one `git log` call per build for all files).

This module is a view (listed in plugin.VIEWS): it adds functions to the `ww` Jinja global
and the context of the /nieuw/ page. It never reads YAML: only the Catalog.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from wegwijzer.core import describe
from wegwijzer.core.model import Activity

RECENT_DAYS = 90  # the /nieuw/ page shows changes of the last three months
RECENT_MAX = 200  # and never more than this many entries


# --- out of date ------------------------------------------------------------------------


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the last day of the month when it does not exist)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def status(entry, today: dt.date, months: int) -> str:
    """'nooit' (never checked), 'verouderd' (checked too long ago) or 'actueel'."""
    if entry.gecontroleerd_op is None:
        return "nooit"
    if entry.gecontroleerd_op <= months_before(today, months):
        return "verouderd"
    return "actueel"


def is_stale(entry, today: dt.date, months: int) -> bool:
    return status(entry, today, months) != "actueel"


def has_ended(act, today: dt.date) -> bool:
    """True for an offer with dates that are all in the past. Offers without dates never end."""
    if not isinstance(act, Activity) or not act.schema:
        return False
    return not any(describe.is_current(item, today) for item in act.schema)


@dataclass(frozen=True)
class StaleRow:
    beheerder: str
    naam: str
    soort: str  # plek or aanbod
    id: str
    bestand: str
    laatst_gecontroleerd: dt.date | None
    link: str


def stale_entries(cat, today: dt.date, months: int, site_url: str = "") -> list[StaleRow]:
    """Every entry that needs a check, per beheerder, oldest check first (never checked first)."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    rows = [
        StaleRow(e.beheerder, e.naam, e.kind, e.id, e.source, e.gecontroleerd_op, base + e.url)
        for e in cat.entries() if is_stale(e, today, months)
    ]
    return sorted(rows, key=lambda r: (r.beheerder.casefold(), r.laatst_gecontroleerd or dt.date.min,
                                       r.naam.casefold(), r.id))


def stale_csv(rows: list[StaleRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["beheerder", "naam", "soort", "id", "bestand", "laatst_gecontroleerd", "link"])
    for r in rows:
        checked = r.laatst_gecontroleerd.isoformat() if r.laatst_gecontroleerd else ""
        writer.writerow([r.beheerder, r.naam, r.soort, r.id, r.bestand, checked, r.link])
    return out.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def stale_markdown(rows: list[StaleRow], today: dt.date, months: int) -> str:
    lines = [f"# Controleren: items die niet zijn nagekeken na {months} maanden",
             "",
             f"Stand op {describe.date_text(today)}. "
             f"Kijk elk item na. Zet daarna de datum van vandaag bij `gecontroleerd_op`.",
             ""]
    if not rows:
        lines.append("Alles is nagekeken. Er is niets te doen.")
        return "\n".join(lines) + "\n"
    lines.append(f"{len(rows)} {'item' if len(rows) == 1 else 'items'} om na te kijken.")
    current = None
    for r in rows:
        if r.beheerder != current:
            current = r.beheerder
            lines += ["", f"## {_md_cell(current)}", "",
                      "| item | laatst gecontroleerd | bestand |", "| --- | --- | --- |"]
        checked = describe.date_text(r.laatst_gecontroleerd) if r.laatst_gecontroleerd else "nog niet gecontroleerd"
        lines.append(f"| [{_md_cell(r.naam)}]({r.link}) | {checked} | `{r.bestand}` |")
    return "\n".join(lines) + "\n"


# --- "Klopt er iets niet?" ----------------------------------------------------------------


def report_text(entry, page_url: str) -> tuple[str, str]:
    """Title and body of a report about an entry (B1 Dutch, with what an editor needs to find it)."""
    title = f"Klopt er iets niet? {entry.naam}"
    body = (
        "Wat klopt er niet? Schrijf het hieronder.\n\n\n\n"
        "---\n"
        f"Item: {entry.naam}\n"
        f"Id: {entry.id}\n"
        f"Pagina: {page_url}\n"
        f"Bestand: {entry.source}\n"
    )
    return title, body


def report_href(entry, page_url: str, melden_url: str = "", melden_email: str = "") -> str:
    """Where "Klopt er iets niet?" goes. Empty when there is nowhere to send it.

    The deployment decides: `melden_url` (an issue form) wins; otherwise an e-mail
    to the beheerder of the entry (with the editors in cc), or to `melden_email`.
    """
    title, body = report_text(entry, page_url)
    if melden_url:
        sep = "&" if "?" in melden_url else "?"
        return melden_url + sep + urlencode({"title": title, "body": body}, quote_via=quote)
    to = entry.beheerder_email or melden_email
    if not to:
        return ""
    params = {"subject": title, "body": body}
    if entry.beheerder_email and melden_email and melden_email != entry.beheerder_email:
        params["cc"] = melden_email
    return f"mailto:{quote(to, safe='@')}?" + urlencode(params, quote_via=quote)


# --- new and changed ------------------------------------------------------------------------


def git_dates(root: Path, folders=("locations", "activities")) -> dict[str, tuple[int, int]]:
    """{path relative to root: (first commit time, last commit time)} for files in folders.

    One `git log` call for all files. Returns {} when git or the history is missing.
    """
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", "log", "--no-renames", "--relative", "--name-only",
             "--format=@%ct", "--", *folders],
            cwd=root, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, tuple[int, int]] = {}
    stamp = 0
    for line in result.stdout.splitlines():
        if line.startswith("@"):
            try:
                stamp = int(line[1:])
            except ValueError:
                stamp = 0
            continue
        if not line or not stamp:
            continue
        # git log runs newest first: the first time we see a file is its last change.
        old = dates.get(line)
        dates[line] = (stamp, stamp) if old is None else (min(old[0], stamp), max(old[1], stamp))
    return dates


def _day(stamp: int) -> dt.date:
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date()


@dataclass(frozen=True)
class Change:
    entry: object
    datum: dt.date
    nieuw: bool  # added in the period (first commit), else changed or checked
    wat: str  # "toegevoegd", "gewijzigd" or "gecontroleerd"


def recent_changes(cat, dates: dict[str, tuple[int, int]], today: dt.date,
                   days: int = RECENT_DAYS, limit: int = RECENT_MAX) -> list[Change]:
    """Entries added, changed or checked in the last `days` days, newest first."""
    since = today - dt.timedelta(days=days)
    changes = []
    for e in cat.entries():
        candidates = []
        git = dates.get(e.source)
        if git:
            first, last = _day(git[0]), _day(git[1])
            if first >= since:
                candidates.append((first, "toegevoegd"))
            if last >= since and last != first:
                candidates.append((last, "gewijzigd"))
        if e.gecontroleerd_op and e.gecontroleerd_op >= since:
            candidates.append((e.gecontroleerd_op, "gecontroleerd"))
        if not candidates:
            continue
        datum, wat = max(candidates, key=lambda c: (c[0], c[1]))
        nieuw = any(w == "toegevoegd" for _, w in candidates)
        changes.append(Change(e, datum, nieuw, wat))
    changes.sort(key=lambda c: (-c.datum.toordinal(), c.entry.naam.casefold(), c.entry.id))
    return changes[:limit]


# --- view hooks -------------------------------------------------------------------------------


def env(plugin, env):
    months = plugin.config.verouderd_na_maanden
    today = plugin.today
    ww = env.globals["ww"]
    ww["status"] = lambda e: status(e, today, months)
    ww["has_ended"] = lambda e: has_ended(e, today)
    ww["report_href"] = lambda e, page_url: report_href(e, page_url, plugin.config.melden_url,
                                                         plugin.config.melden_email)


def extra_files(plugin, config):
    # Called once per build: read the git history here, not per page.
    root = (Path(config.config_file_path).parent / plugin.config.data_dir).resolve()
    plugin.git_dates = git_dates(root)
    return {}


def page_context(plugin, page, context):
    spec = context.get("ww_spec")
    if spec is None or spec.key != "nieuw":
        return
    dates = getattr(plugin, "git_dates", {})
    changes = recent_changes(plugin.catalog, dates, plugin.today)
    context["changes_new"] = [c for c in changes if c.nieuw]
    context["changes_other"] = [c for c in changes if not c.nieuw]
    context["changes_days"] = RECENT_DAYS
    context["changes_from_git"] = bool(dates)


# --- the `wegwijzer verouderd` command ------------------------------------------------------


def deployment_settings(root: Path) -> dict:
    """verouderd_na_maanden and site_url, read the way MkDocs reads mkdocs.yml (defaults when missing)."""
    import os

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


def run(root: Path, args, out=None) -> int:
    """`wegwijzer verouderd`: the list for the monthly round, as Markdown or CSV."""
    import sys

    from wegwijzer.core.load import load_catalog
    from wegwijzer.site.plugin import build_date
    from wegwijzer.core.problems import EntryErrors, format_report

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
        Path(args.uit).write_text(text, encoding="utf-8")
        print(f"{len(rows)} {'item' if len(rows) == 1 else 'items'} om na te kijken. Geschreven: {args.uit}")
    else:
        out.write(text)
    return 0
