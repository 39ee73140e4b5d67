"""Freshness on the site: the status and report link on every entry page, and the page
"Nieuw en gewijzigd" (``/nieuw/``) from the check dates and from git (one ``git log`` per build).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from jinja2 import Environment

from wegwijzer.core.freshness import has_ended, report_href, status
from wegwijzer.core.model import Entry
from wegwijzer.site.context import BuildContext
from wegwijzer.site.pages import Context, Page
from wegwijzer.site.view import View

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page as MkDocsPage

RECENT_DAYS = 90  # the /nieuw/ page shows changes of the last three months
RECENT_MAX = 200  # and never more than this many entries


# --- new and changed ------------------------------------------------------------------------


def git_dates(root: Path, folders=("locations", "activities")) -> dict[str, tuple[int, int]]:
    """{path relative to root: (first commit time, last commit time)} for files in folders.

    One `git log` call for all files. Returns {} when git or the history is missing.
    """
    try:
        result = subprocess.run(
            [
                "git",
                "-c",
                "core.quotepath=off",
                "log",
                "--no-renames",
                "--relative",
                "--name-only",
                "--format=@%ct",
                "--",
                *folders,
            ],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=120,
        )
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
    return dt.datetime.fromtimestamp(stamp, dt.UTC).date()


@dataclass(frozen=True)
class Change:
    entry: Entry
    datum: dt.date
    nieuw: bool  # added in the period (first commit), else changed or checked
    wat: str  # "toegevoegd", "gewijzigd" or "gecontroleerd"


def recent_changes(
    cat, dates: dict[str, tuple[int, int]], today: dt.date, days: int = RECENT_DAYS, limit: int = RECENT_MAX
) -> list[Change]:
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


# --- the view ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangesPage(Page):
    """Nieuw en gewijzigd: entries added, changed or checked lately."""

    template: ClassVar[str] = "wegwijzer/nieuw.html"


class FreshnessView(View):
    """Adds ``ww.status``, ``ww.has_ended`` and ``ww.report_href``; owns the page /nieuw/."""

    name = "freshness"

    def __init__(self) -> None:
        self.dates: dict[str, tuple[int, int]] = {}

    def start(self, ctx: BuildContext) -> None:
        self.dates = git_dates(ctx.settings.data_dir)

    def pages(self, ctx: BuildContext) -> Iterable[Page]:
        yield ChangesPage(
            "nieuw",
            title="Nieuw en gewijzigd",
            description="Wat is er nieuw op de Wegwijzer, en wat is er veranderd of nagekeken?",
        )

    def jinja(self, ctx: BuildContext, env: Environment, ww: dict[str, Any]) -> None:
        months = ctx.settings.verouderd_na_maanden
        today = ctx.today
        ww["status"] = lambda e: status(e, today, months)
        ww["has_ended"] = lambda e: has_ended(e, today)
        ww["report_href"] = lambda e, page_url: report_href(
            e, page_url, ctx.settings.melden_url, ctx.settings.melden_email
        )

    def context(self, ctx: BuildContext, page: Page | None, doc: MkDocsPage, context: Context) -> None:
        if not isinstance(page, ChangesPage):
            return
        changes = recent_changes(ctx.catalog, self.dates, ctx.today)
        context["changes_new"] = [c for c in changes if c.nieuw]
        context["changes_other"] = [c for c in changes if not c.nieuw]
        context["changes_days"] = RECENT_DAYS
        context["changes_from_git"] = bool(self.dates)
