"""HSDS schedules -> our schedule items (weekly, every two weeks, monthly, or one date).

A schedule that HSDS can say but we cannot (week numbers, days of the month, other
intervals, a number of times) is left out with a note that quotes its description.
A single date keeps its kind ("Soort: Webinar." at the start of its notes, as we export it)
and, for a webinar (or a schedule attended online), its ``schedule_link``.
"""

from __future__ import annotations

import datetime as dt
import re

from wegwijzer.core import fieldtypes, vocab
from wegwijzer.core.guard import shown
from wegwijzer.core.vocab import DAY_OF_ICAL
from wegwijzer.opendata.hsds_import.feed import Part

_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_BYDAY = re.compile(r"([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)")
UNSUPPORTED = ("byweekno", "bymonthday", "byyearday")
_KIND = re.compile(r"^Soort: ([^.]+)\.\s*")
WEBINAR = "webinar"


def _date(value) -> str | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _time(value, notes: list[str]) -> str | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    match = _TIME.match(value.strip())
    if not match or int(match.group(1)) > 24:
        return None
    if match.group(3):
        notes.append(f"De tijd {shown(value)} heeft een tijdzone. Overgenomen als Nederlandse tijd: controleer.")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _recurring(schedule: Part, base: dict, skip: str) -> list[dict]:
    """Weekly or monthly items, one per day in 'byday'; [] with a note when we cannot show it."""
    notes = schedule.notes
    freq = schedule.raw("freq")
    interval = schedule.raw("interval") or 1
    days = [d.strip().upper() for d in str(schedule.text("byday") or "").split(",") if d.strip()]
    if not days:
        notes.append(f"{skip}: er staat geen dag bij (byday).")
        return []
    items = []
    for day in days:
        match = _BYDAY.fullmatch(day)
        if not match:
            notes.append(f"{skip}: de dag '{shown(day)}' is onbekend.")
            return []
        item = {"dag": DAY_OF_ICAL[match.group(2)], **base}
        if freq == "WEEKLY":
            if match.group(1) or interval not in (1, 2):
                what = f"{shown(day)}, interval {shown(interval)}"
                notes.append(f"{skip}: deze herhaling ({what}) kan de Wegwijzer niet weergeven.")
                return []
            if interval == 2:
                item["herhaling"] = "tweewekelijks"
        else:
            week = int(match.group(1) or 0)
            if week not in (1, 2, 3, 4, -1) or interval != 1:
                notes.append(f"{skip}: alleen 'de 1e tot 4e of laatste dag van de maand' kan. Hier staat {shown(day)}.")
                return []
            item.update(herhaling="maandelijks", week=week)
        items.append(item)
    return items


def _unsupported(schedule: Part, skip: str) -> bool:
    """True (with a note) when the schedule repeats in a way we cannot show."""
    if schedule.raw("freq") not in ("WEEKLY", "MONTHLY"):
        schedule.notes.append(f"{skip}: er is geen vaste herhaling (freq).")
        return True
    for key in UNSUPPORTED:
        if schedule.has(key):
            value = shown(schedule.raw(key))
            schedule.notes.append(f"{skip}: '{key}' ({value}) kan de Wegwijzer niet weergeven. Schrijf de tijden zelf.")
            return True
    if schedule.has("count"):
        schedule.notes.append(f"{skip}: een vast aantal keer (count) kan de Wegwijzer niet weergeven.")
        return True
    return False


def _hours(schedule: Part, skip: str) -> dict | None:
    """{'van', 'tot'} of a schedule, or None with a note."""
    van = _time(schedule.raw("opens_at"), schedule.notes)
    tot = _time(schedule.raw("closes_at"), schedule.notes)
    if not van or not tot:
        schedule.notes.append(f"{skip}: er staat geen begintijd en eindtijd bij.")
        return None
    if tot <= van:
        schedule.notes.append(f"{skip}: de eindtijd ligt niet na de begintijd.")
        return None
    return {"van": van, "tot": tot}


def _event(schedule: Part, base: dict) -> dict:
    """The kind of a single date and a webinar's link; the kind is taken out of the remark."""
    out: dict = {}
    labels = {item["label"].casefold(): key for key, item in vocab.items("evenement_soorten")}
    found = _KIND.match(base.get("opmerking", ""))
    if found and found.group(1).casefold() in labels:
        out["evenement"] = labels[found.group(1).casefold()]
        rest = base.pop("opmerking")[found.end() :].strip()
        if rest:
            base["opmerking"] = rest
    online = (schedule.text("attending_type", one_line=True) or "").casefold().startswith("online")
    link = _web_address(schedule)
    if out.get("evenement") == WEBINAR or (online and "evenement" not in out and link):
        if link:
            out.update(evenement=WEBINAR, link=link)
        else:  # our model: a webinar has a link
            out.pop("evenement", None)
            schedule.notes.append("Een webinar zonder geldige link: de soort is niet overgenomen. Vul 'link' zelf in.")
    elif link:
        schedule.notes.append(f"De link bij een tijd is niet overgenomen (alleen bij een webinar): {shown(link, 80)}")
    return out


def _web_address(schedule: Part) -> str | None:
    """The schedule's link when it is an http(s) address; None (with a note) for anything else."""
    link = schedule.text("schedule_link", one_line=True)
    if link is None:
        return None
    try:
        return fieldtypes._website(link)
    except ValueError:
        schedule.notes.append(f"De link bij een tijd is geen webadres en is niet overgenomen: {shown(link, 80)}")
        return None


def schedule_items(schedule: Part | dict, notes: list[str] | None = None) -> list[dict]:
    """One HSDS schedule as schedule items (one per weekday), or [] with a note."""
    if isinstance(schedule, dict):
        schedule = Part(schedule, notes if notes is not None else [])
    remark = schedule.text("notes", "een tijd", one_line=True)
    desc = schedule.text("description", "een tijd") or remark or "zonder beschrijving"
    skip = f"Tijd niet overgenomen ('{shown(desc, 80)}')"
    base = _hours(schedule, skip)
    if base is None:
        return []
    if remark:
        base["opmerking"] = remark
    start = _date(schedule.raw("dtstart")) or _date(schedule.raw("valid_from"))
    eind = _date(schedule.raw("until")) or _date(schedule.raw("valid_to"))
    once = start and (schedule.raw("count") == 1 or (eind == start and schedule.raw("freq") in (None, "WEEKLY")))
    if once and not any(schedule.has(k) for k in UNSUPPORTED):
        event = _event(schedule, base)  # first: it takes the kind out of the remark
        return [{"datum": start, **base, **event}]
    if _unsupported(schedule, skip):
        return []
    items = _recurring(schedule, base, skip)
    for item in items:
        item.update({k: v for k, v in (("start", start), ("eind", eind)) if v})
    return items
