"""Plain Dutch descriptions of model values: times, schedules, costs, areas.

Shared by pages, leaflets, search cards and exports so they all say the same.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from wegwijzer.core import vocab
from wegwijzer.core.model import Activity, Cost, Entry, Location, Registration, ScheduleItem
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


MONTH_NAMES = tuple(_MONTHS)


def date_text(value: dt.date) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def time_range(van: str, tot: str) -> str:
    return f"{van} tot {tot} uur"


def rule_text(item: ScheduleItem) -> str:
    """How often, in words: 'Elke dinsdag', 'Om de week op woensdag', 'Elke eerste woensdag van de maand'."""
    if item.datum:
        return f"{weekday(item.datum).capitalize()} {date_text(item.datum)}"
    if item.herhaling == "maandelijks":
        return f"Elke {_WEEK[item.week_of_month]} {item.dag} van de maand"
    if item.herhaling == "tweewekelijks":
        return f"Om de week op {item.dag}"
    return f"Elke {item.dag}"


def event_kind(item: ScheduleItem) -> str:
    """What a dated item is, in words: 'Webinar (online)', 'Voorlichting'; '' when not given."""
    if not item.evenement:
        return ""
    kind = vocab.label("evenement_soorten", item.evenement)
    return kind + (" (online)" if item.link else "")


def schedule_line(item: ScheduleItem) -> str:
    """One schedule item in words: 'Elke dinsdag, 10:00 tot 12:00 uur'; 'Voorlichting op dinsdag 2 maart 2027, ...'."""
    rule = rule_text(item)
    kind = event_kind(item)
    if kind:
        rule = f"{kind} op {rule[0].lower()}{rule[1:]}"
    text = f"{rule}, {time_range(item.van, item.tot)}"
    if not item.datum:
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


def schedule_short(act: Activity, today: dt.date | None = None) -> str:
    """A short 'when' for cards: the first two schedule lines; with today, only those that can still happen."""
    items = [i for i in act.schema if today is None or is_current(i, today)]
    if not items:
        return ""
    lines = [schedule_line(i) for i in items[:2]]
    more = " en meer" if len(items) > 2 else ""
    return "; ".join(lines) + more


def opening_lines(loc: Location) -> list[str]:
    lines = []
    for day in DAYS:
        slots = [o for o in loc.openingstijden if o.dag == day]
        if slots:
            parts = ", ".join(time_range(o.van, o.tot) + (f" ({o.opmerking})" if o.opmerking else "") for o in slots)
            lines.append(f"{day.capitalize()}: {parts}")
    return lines


def source_check_text(entry: Entry) -> str:
    """The source's own check, never ours: 'Volgens de bron (X) gecontroleerd op 1 januari 2025.' ('' without)."""
    if entry.bron_gecontroleerd_op is None:
        return ""
    return f"Volgens de bron ({entry.bron}) gecontroleerd op {date_text(entry.bron_gecontroleerd_op)}."


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


# --- sentences made from parts --------------------------------------------------------------

_ARTICLE = re.compile(r"^(De|Het|Een) (?=\S)")


def in_sentence(name: str) -> str:
    """A name in the middle of a sentence: 'Het wijkteam' -> 'het wijkteam'.

    Only a leading article before a word in lower case changes; 'De Zeemeeuw' is a name and stays.
    """
    match = _ARTICLE.match(name)
    if match and name[match.end() : match.end() + 1].islower():
        return name[0].lower() + name[1:]
    return name


def signup_text(signup: Registration | None) -> str:
    """Whether you sign up, in words, without saying the same thing twice.

    With the editor's own explanation ('hoe'), our part is a plain 'Ja.' or 'Nee.':
    'Nee. Je kunt gewoon binnenlopen.' instead of 'Nee, je kunt gewoon komen. Je kunt gewoon binnenlopen.'
    """
    if signup is None:
        return "Niet bekend. Vraag het na."
    hoe = (signup.hoe or "").strip()
    if hoe:
        return ("Ja. " if signup.nodig else "Nee. ") + hoe
    return "Ja, je moet je aanmelden." if signup.nodig else "Nee, je kunt gewoon komen."


def count_text(n: int, one: str, many: str) -> str:
    """'1 plek', '3 plekken', 'geen plekken'."""
    if n == 0:
        return f"geen {many}"
    return f"{n} {one if n == 1 else many}"


def distance_text(km: float) -> str:
    """One way to write a distance everywhere: '350 m' below 1 km (steps of 50 m), else '1,2 km'.

    Rounded half up, the same as formatKm in dichtbij.js, so 0,99 km is '1,0 km', never '1000 m'.
    """
    metres = max(50, math.floor(km * 20 + 0.5) * 50)
    if metres < 1000:
        return f"{metres} m"
    tenths = math.floor(km * 10 + 0.5)
    return f"{tenths // 10},{tenths % 10} km"
