"""Keeping entries current: the rules.

- ``status`` / ``is_stale`` / ``stale_entries``: entries not checked for
  ``verouderd_na_maanden`` months (or never checked), for the monthly round.
- ``has_ended``: an offer whose dates are all past. It stays on the site, but leaves
  the weekly lists (see ``describe.weekdays``).
- ``report_href``: the prefilled "Klopt er iets niet?" link of an entry.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from wegwijzer.core import describe
from wegwijzer.core.model import Activity

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
        for e in cat.entries()
        if is_stale(e, today, months)
    ]
    return sorted(
        rows, key=lambda r: (r.beheerder.casefold(), r.laatst_gecontroleerd or dt.date.min, r.naam.casefold(), r.id)
    )


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
