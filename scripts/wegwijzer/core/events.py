"""One-off events: schedule items with a date (``datum``), their kind and, for a webinar, the link.

An offer can have any number of dated items besides (or instead of) its weekly schedule. This module
checks what the model cannot check field by field (a kind only on a date, a webinar needs a link), and
makes the "Binnenkort" lists that the home, area, theme and guide pages and the leaflets share:
``binnenkort`` gives the coming dated items in date order. Items whose date is past never appear; the
browser hides items that pass between two builds (``binnenkort.js``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from wegwijzer.core import describe, vocab
from wegwijzer.core.catalog import Catalog, sort_key
from wegwijzer.core.messages import field_label
from wegwijzer.core.model import Activity, ScheduleItem
from wegwijzer.core.problems import Problem

WEBINAR = "webinar"
ONLINE_KINDS = (WEBINAR,)  # kinds that happen on the internet: they have a link and no place
BINNENKORT = 5  # how many coming events a list shows (pages link to the rest)


@dataclass(frozen=True)
class Upcoming:
    """One coming event: a dated schedule item of an offer."""

    datum: dt.date
    item: ScheduleItem
    activity: Activity

    @property
    def online(self) -> bool:
        return is_online(self.item)

    @property
    def kind(self) -> str:
        """The kind in words ('Webinar'), or '' when the item has none."""
        return vocab.label("evenement_soorten", self.item.evenement) if self.item.evenement else ""


def is_online(item: ScheduleItem) -> bool:
    return item.evenement in ONLINE_KINDS


def upcoming(activities: Iterable[Activity], today: dt.date) -> list[Upcoming]:
    """Every dated item of these offers on or after today, in date order (then time, then name); each once."""
    seen: set[tuple[str, int]] = set()
    found = []
    for act in activities:
        for i, item in enumerate(act.schema):
            if item.datum is not None and item.datum >= today and (act.id, i) not in seen:
                seen.add((act.id, i))
                found.append(Upcoming(item.datum, item, act))
    found.sort(key=lambda u: (u.datum, u.item.van, sort_key(u.activity)))
    return found


def binnenkort(activities: Iterable[Activity], today: dt.date, limit: int | None = BINNENKORT) -> list[Upcoming]:
    """The "Binnenkort" list: the first coming events (all of them with limit None)."""
    found = upcoming(activities, today)
    return found if limit is None else found[:limit]


def by_month(found: list[Upcoming]) -> list[tuple[str, list[Upcoming]]]:
    """Coming events grouped by month, in date order: [('november 2026', [...]), ...]."""
    months: dict[tuple[int, int], list[Upcoming]] = {}
    for event in found:
        months.setdefault((event.datum.year, event.datum.month), []).append(event)
    return [(f"{describe.MONTH_NAMES[m - 1]} {y}", items) for (y, m), items in sorted(months.items())]


def where_text(cat: Catalog, event: Upcoming) -> str:
    """Where an event is, in a few words: 'Online', the place (and its woonkern), or the area."""
    if event.online:
        return "Online"
    places = cat.places_of(event.activity)
    if event.item.plek:
        places = [p for p in places if p.id == event.item.plek]
    if places:
        return "; ".join(f"{p.naam}, {cat.region.areas[p.woonkern].naam}" for p in places)
    return ", ".join(cat.where(event.activity)).capitalize()


# --- checks across the fields of a dated item (messages in Dutch, for editors) --------------------


def _item_problems(item: ScheduleItem) -> list[tuple[str, str]]:
    """(field, message) for one schedule item."""
    out = []
    if item.evenement and item.datum is None:
        out.append(("evenement", "'evenement' hoort bij één datum. Zet 'datum' in plaats van 'dag', of haal het weg."))
    if item.link and not is_online(item):
        out.append(("link", "Een link hoort bij een webinar. Zet 'evenement: webinar' erbij, of haal 'link' weg."))
    if is_online(item) and not item.link:
        out.append(("evenement", "Bij een webinar hoort een link: het webadres waar je meekijkt of je aanmeldt."))
    if is_online(item) and item.plek:
        out.append(("plek", "Een webinar is op internet, niet op een plek. Haal 'plek' weg."))
    return out


def check_dates(act: Activity) -> list[Problem]:
    """Every problem with the dated items of an offer (its schema and its walk-in times)."""
    problems = []
    for name, items in (("schema", act.schema), ("inloop", act.inloop)):
        for i, item in enumerate(items):
            for field, message in _item_problems(item):
                if name == "inloop" and field in ("evenement", "link"):
                    message = f"'{field}' hoort niet bij inloop. Zet een bijeenkomst op een datum bij 'schema'."
                path = (name, i, field)
                problems.append(Problem(act.source, act.line_of(*path), field_label(path), message))
    return problems
