"""iCalendar (RFC 5545): every recurring or dated activity, in Europe/Amsterdam time.

Written by hand on purpose, not with the icalendar library (which the tests use to read
every file back). Measured on 10,000 synthetic entries (6,667 events, this machine):
icalendar 7.3 needs 5.7 s to make the events and 6.1 s to serialise them, and as much
again for the per-woonkern files; this writer needs 1.3 s in all. That is a quarter of the
whole 10,000-entry build, so the library is too slow here. What the writer must get right
is small: TEXT escaping (``ical_text``, also for a lone CR), folding at 75 octets
(``fold``), CRLF line ends and one VTIMEZONE.
"""

from __future__ import annotations

import datetime as dt
import re

from wegwijzer.core import describe, vocab
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.events import is_online
from wegwijzer.core.model import Activity, Location, ScheduleItem
from wegwijzer.opendata.ids import ANCHOR, TZ, TZID, area_name, known_areas, page_url, uid


def first_occurrence(item: ScheduleItem) -> dt.date:
    """The first day the item happens on or after its start (or ANCHOR when it has none)."""
    if item.datum:
        return item.datum
    base = item.start or ANCHOR
    target = vocab.DAY_NUMBER[item.weekday]
    if item.herhaling != "maandelijks":
        return base + dt.timedelta(days=(target - base.weekday()) % 7)
    year, month = base.year, base.month
    while True:
        day = _nth_weekday(year, month, target, item.week_of_month)
        if day >= base:
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def rrule(item: ScheduleItem) -> str | None:
    """The RRULE value of a recurring item (None for a single date)."""
    if item.datum:
        return None
    day = vocab.ICAL_DAY[item.weekday]
    if item.herhaling == "maandelijks":
        rule = f"FREQ=MONTHLY;BYDAY={item.week_of_month}{day}"
    else:
        rule = f"FREQ=WEEKLY;BYDAY={day}" + (";INTERVAL=2" if item.herhaling == "tweewekelijks" else "")
    if item.eind:
        end = dt.datetime.combine(item.eind, dt.time(23, 59, 59), TZ).astimezone(dt.UTC)
        rule += ";UNTIL=" + end.strftime("%Y%m%dT%H%M%SZ")
    return rule


def _local(day: dt.date, hhmm: str) -> str:
    if hhmm == "24:00":
        return (day + dt.timedelta(days=1)).strftime("%Y%m%dT000000")
    return day.strftime("%Y%m%d") + "T" + hhmm.replace(":", "") + "00"


# The EU rule (since 1996): summer time from the last Sunday of March to the last Sunday of October.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZNAME:CEST",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZNAME:CET",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def ical_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11). Every line break (CRLF, LF or a lone CR) becomes \\n,
    so no text can start a new content line; other control characters are dropped."""
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


# C0 controls except LF (which becomes \n above), DEL, C1 controls, and the Unicode line/paragraph separators.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with a space
    return "\r\n ".join(parts)


def _where(cat: Catalog, act: Activity, item: ScheduleItem) -> list[Location | None]:
    """The places of one schedule item (its own 'plek', or all of the offer's); none for a webinar."""
    if is_online(item):  # a webinar happens on the internet, not at the offer's places
        return []
    places = cat.places_of(act)
    return [p for p in places if p.id == item.plek] if item.plek else list(places)


def _description(act: Activity, item: ScheduleItem) -> list[str]:
    lines = [act.samenvatting, describe.schedule_line(item)]
    if item.link:
        lines.append(f"Kijk mee: {item.link}")
    if item.herhaling == "tweewekelijks" and not item.start and not item.datum:
        lines.append("Om de week: vraag na in welke week het is.")
    return lines


def _location(cat: Catalog, act: Activity, item: ScheduleItem, loc: Location | None) -> list[str]:
    if loc:
        place = loc.naam + (f", {loc.adres.one_line()}" if loc.adres else "")
        return [f"LOCATION:{ical_text(place)}", f"GEO:{loc.coordinaten.lat};{loc.coordinaten.lon}"]
    if is_online(item):
        return ["LOCATION:Online"]
    if known_areas(act):
        return ["LOCATION:" + ical_text(", ".join(area_name(cat, g) for g in known_areas(act)))]
    return []


def _event(cat: Catalog, act: Activity, i: int, loc: Location | None, stamp: str, base: str) -> tuple[str, str]:
    """(uid, VEVENT text) of schedule item i of an offer, at one place (or none)."""
    item = act.schema[i]
    parts = ["aanbod", act.id, "schema", str(i)] + (["plek", loc.id] if loc else [])
    event_uid = uid(*parts) + "@wegwijzer-van-de-kop"
    day = first_occurrence(item)
    out = [
        "BEGIN:VEVENT",
        f"UID:{event_uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;TZID={TZID}:{_local(day, item.van)}",
        f"DTEND;TZID={TZID}:{_local(day, item.tot)}",
    ]
    rule = rrule(item)
    if rule:
        out.append(f"RRULE:{rule}")
    out.append(f"SUMMARY:{ical_text(act.naam)}")
    out.append(
        "DESCRIPTION:" + ical_text("\n".join(_description(act, item) + ([page_url(base, act.url)] if base else [])))
    )
    if base:
        out.append(f"URL:{page_url(base, act.url)}")
    out += _location(cat, act, item, loc)
    themes = [ical_text(vocab.label("themas", t)) for t in act.themas]
    kind = [ical_text(vocab.label("evenement_soorten", item.evenement))] if item.evenement else []
    out.append("CATEGORIES:" + ",".join(themes + kind))
    out.append("END:VEVENT")
    return event_uid, "\r\n".join(fold(line) for line in out)


def calendar_events(cat: Catalog, today: dt.date, base: str = "") -> list[tuple[str | None, str, str]]:
    """(woonkern or None, uid, VEVENT text) for every schedule item that is not over, sorted by uid.

    A dated item is a single event (no RRULE); a webinar has LOCATION 'Online' and its link in the text.
    """
    stamp = today.strftime("%Y%m%dT000000Z")
    events = []
    for act in cat.activities.values():
        for i, item in enumerate(act.schema):
            if not describe.is_current(item, today):
                continue
            for loc in _where(cat, act, item) or [None]:
                event_uid, text = _event(cat, act, i, loc, stamp, base)
                events.append((loc.woonkern if loc else None, event_uid, text))
    events.sort(key=lambda e: e[1])
    return events


def ics_bytes(events: list[str], name: str) -> bytes:
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//De Wegwijzer van de Kop//Open data//NL",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{ical_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
    ] + VTIMEZONE
    body = "\r\n".join([fold(line) for line in head] + events + ["END:VCALENDAR"]) + "\r\n"
    return body.encode("utf-8")
