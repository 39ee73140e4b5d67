"""Plain Dutch descriptions of model values: times, schedules, costs, areas.

Shared by pages, leaflets, search cards and exports so they all say the same.
"""

from __future__ import annotations

import datetime as dt

from wegwijzer.core.model import Activity, Cost, Location, ScheduleItem
from wegwijzer.core.vocab import DAYS, weekday

_WEEK = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", -1: "laatste"}
_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def date_text(value: dt.date) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def time_range(van: str, tot: str) -> str:
    return f"{van} tot {tot} uur"


def schedule_line(item: ScheduleItem) -> str:
    """One schedule item in words: 'Elke dinsdag, 10:00 tot 12:00 uur'."""
    if item.datum:
        day = weekday(item.datum)
        text = f"{day.capitalize()} {date_text(item.datum)}, {time_range(item.van, item.tot)}"
    else:
        if item.herhaling == "maandelijks":
            when = f"Elke {_WEEK[item.week_of_month]} {item.dag} van de maand"
        elif item.herhaling == "tweewekelijks":
            when = f"Om de week op {item.dag}"
        else:
            when = f"Elke {item.dag}"
        text = f"{when}, {time_range(item.van, item.tot)}"
        if item.start and item.eind:
            text += f" (van {date_text(item.start)} tot en met {date_text(item.eind)})"
        elif item.start:
            text += f" (vanaf {date_text(item.start)})"
        elif item.eind:
            text += f" (tot en met {date_text(item.eind)})"
    if item.opmerking:
        text += f". {item.opmerking}"
    return text


def frequency_note(item: ScheduleItem) -> str:
    """How often, for a list that is already sorted by weekday: '' (every week), 'om de week', ..."""
    return {"tweewekelijks": "om de week", "maandelijks": "één keer per maand"}.get(item.herhaling, "")


def schedule_short(act: Activity) -> str:
    """A short 'when' for cards: the first two schedule lines."""
    if not act.schema:
        return ""
    lines = [schedule_line(i) for i in act.schema[:2]]
    more = " en meer" if len(act.schema) > 2 else ""
    return "; ".join(lines) + more


def opening_lines(loc: Location) -> list[str]:
    lines = []
    for day in DAYS:
        slots = [o for o in loc.openingstijden if o.dag == day]
        if slots:
            parts = ", ".join(time_range(o.van, o.tot) + (f" ({o.opmerking})" if o.opmerking else "") for o in slots)
            lines.append(f"{day.capitalize()}: {parts}")
    return lines


def money(amount: float) -> str:
    return "€ " + f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def cost_text(cost: Cost | None) -> str:
    if cost is None:
        return "Niet bekend. Vraag het na."
    if cost.free:
        return "Gratis" + (f". {cost.uitleg}" if cost.uitleg else "")
    if cost.bedrag is not None:
        return money(cost.bedrag) + (f" {cost.uitleg}" if cost.uitleg else "")
    return cost.uitleg or ""


def is_current(item: ScheduleItem, today: dt.date) -> bool:
    """True while the schedule item can still happen (its end or date is not past)."""
    if item.datum:
        return item.datum >= today
    return item.eind is None or item.eind >= today


def is_free(act: Activity) -> bool:
    return bool(act.kosten and act.kosten.free)


def weekdays(act: Activity, today: dt.date | None = None) -> list[str]:
    """Days of the week on which an offer happens (recurring items that have not ended)."""
    days = []
    for item in act.schema:
        if item.dag and (today is None or is_current(item, today)) and item.dag not in days:
            days.append(item.dag)
    return sorted(days, key=DAYS.index)
