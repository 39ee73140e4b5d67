"""`wegwijzer import-ics`: an agenda feed (library, buurthuis) -> offers with their dates or their schedule.

Read with the ``icalendar`` library. Events with the same title at the same location become one
offer with all their times. A one-off event becomes a date (``datum``); a repeating one (RRULE)
becomes a weekly, fortnightly or monthly schedule item through the HSDS schedule mapping, which
reports what the Wegwijzer cannot show (other intervals, days of the month, ...): it is never
guessed. COUNT becomes the date of the last time (computed, not guessed). Times are Dutch local
time (Europe/Amsterdam). Past events are left out. LOCATION is linked to an existing place only
when it is exactly that place's name (or name and address); otherwise the report says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from wegwijzer.core import model
from wegwijzer.core.duplicates import normalise
from wegwijzer.core.guard import shown
from wegwijzer.core.region import REGION_ID, UNKNOWN_AREA, Region, load_region
from wegwijzer.core.vocab import DAYS, ICAL_DAY
from wegwijzer.opendata.hsds_import.contacts import valid
from wegwijzer.opendata.hsds_import.feed import FeedProblem, Part
from wegwijzer.opendata.hsds_import.report import Imported, ImportResult
from wegwijzer.opendata.hsds_import.schedules import WEBINAR, schedule_items
from wegwijzer.opendata.hsds_import.services import (
    UNKNOWN_NOTE,
    Mapped,
    audiences_of,
    service_name,
    summary_of,
    themes_of,
)
from wegwijzer.opendata.hsds_import.write import Plan, finish, plan_offer
from wegwijzer.opendata.imports.common import entry_tail, gemeente_by_name, read_input

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MAX_EVENTS = 5000
MAX_COUNT = 1000  # COUNT in an RRULE: more is no agenda of a buurthuis
RULE_PARTS = {"FREQ", "INTERVAL", "BYDAY", "BYSETPOS", "UNTIL", "COUNT", "WKST", "BYMONTHDAY", "BYWEEKNO", "BYYEARDAY"}


@dataclass
class Options:
    """What an agenda does not say, from the command line."""

    organisatie: str | None = None
    bron: str | None = None
    soort: str = "activiteit"
    themas: list[str] = field(default_factory=list)
    doelgroepen: list[str] = field(default_factory=list)
    gebied: str | None = None  # a gemeente (name or id) or 'regio', for events without a known place
    plek: str | None = None  # an existing place (id or name) for events without a known place
    evenement: str | None = None  # the kind of the one-off dates (voorlichting, webinar, ...); a webinar links URL
    today: dt.date | None = None


@dataclass
class Group:
    """The events with one title at one location: one offer."""

    name: str
    location: str
    notes: list[str] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    description: str | None = None
    url: str | None = None
    organizer: str | None = None


def read_calendar(path: Path) -> list:
    """The VEVENTs of an iCalendar file; FeedProblem (Dutch) when it is no iCalendar."""
    import icalendar

    name = shown(Path(path).name)
    raw = read_input(path)
    if b"BEGIN:VCALENDAR" not in raw[:4096].upper():
        raise FeedProblem(f"{name} is geen agenda (iCalendar): het begint niet met BEGIN:VCALENDAR.")
    try:
        calendars = icalendar.Calendar.from_ical(raw, multiple=True)
    except Exception as exc:  # any parse error of a hostile file: one Dutch line, never a traceback
        raise FeedProblem(f"{name} is geen geldige agenda (iCalendar): {shown(exc, 120)}") from None
    events = [(cal, event) for cal in calendars for event in cal.walk("VEVENT")]
    if len(events) > MAX_EVENTS:
        raise FeedProblem(f"{name} heeft meer dan {MAX_EVENTS} afspraken. Exporteer een kortere periode.")
    return events


# --- one event --------------------------------------------------------------------------------


def _text(event, key: str, part: Part, one_line: bool = True) -> str | None:
    value = event.get(key)
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0]
    return Part({key: str(value)}, part.notes).text(key, key, one_line=one_line)


def _local(value: object) -> dt.datetime | dt.date | None:
    if isinstance(value, dt.datetime):
        return value.astimezone(AMSTERDAM).replace(tzinfo=None) if value.tzinfo else value
    return value if isinstance(value, dt.date) else None


def _decoded(event, key: str):
    try:
        return event.decoded(key)
    except (KeyError, ValueError, TypeError):
        return None


def _times(event, notes: list[str], what: str) -> tuple[dt.datetime, dt.datetime] | None:
    """Start and end in Dutch time, on one day; None with a note otherwise."""
    start = _local(_decoded(event, "DTSTART"))
    end = _local(_decoded(event, "DTEND"))
    duration = _decoded(event, "DURATION")
    if end is None and isinstance(start, dt.datetime) and isinstance(duration, dt.timedelta):
        end = start + duration
    if not isinstance(start, dt.datetime):
        why = "het duurt de hele dag, zonder tijden" if isinstance(start, dt.date) else "er staat geen begintijd bij"
        notes.append(f"{what} niet overgenomen: {why}.")
        return None
    if not isinstance(end, dt.datetime) or end <= start:
        notes.append(f"{what} niet overgenomen: er staat geen eindtijd na de begintijd bij.")
        return None
    if end.date() != start.date() and end != dt.datetime.combine(start.date() + dt.timedelta(days=1), dt.time()):
        notes.append(f"{what} niet overgenomen: het duurt meer dan één dag.")
        return None
    return start, end


def _clock(moment: dt.datetime, start_day: dt.date) -> str:
    return "24:00" if moment.date() > start_day else moment.strftime("%H:%M")


def _rule(event, notes: list[str], what: str) -> dict | None:
    rule = event.get("RRULE")
    if isinstance(rule, list):
        notes.append(f"{what}: alleen de eerste herhaling (RRULE) is gelezen.")
        rule = rule[0]
    return dict(rule) if rule is not None else None


def _byday(rule: dict, start: dt.date, notes: list[str], what: str) -> str | None:
    days = [str(d).upper() for d in rule.get("BYDAY", [])]
    positions = rule.get("BYSETPOS", [])
    if positions and len(days) == 1 and len(positions) == 1 and days[0].isalpha():
        days = [f"{positions[0]}{days[0]}"]  # MONTHLY;BYDAY=TU;BYSETPOS=2 is the second Tuesday
    elif positions:
        notes.append(f"{what} niet overgenomen: deze herhaling (BYSETPOS) kan de Wegwijzer niet weergeven.")
        return None
    if days:
        return ",".join(days)
    if rule.get("FREQ", [""])[0] == "WEEKLY":
        return ICAL_DAY[DAYS[start.weekday()]]
    notes.append(f"{what} niet overgenomen: elke maand op dezelfde datum kan de Wegwijzer niet weergeven.")
    return None


def _last_time(rule: dict, start: dt.datetime, notes: list[str], what: str) -> dt.date | None:
    """The date of the last time (UNTIL or COUNT), computed with dateutil; None when it goes on."""
    from dateutil.rrule import rrulestr
    from icalendar import vRecur

    count = rule.get("COUNT", [None])[0]
    until = _local(rule["UNTIL"][0]) if rule.get("UNTIL") else None
    if until is None and count is None:
        return None
    if isinstance(until, dt.date) and not isinstance(until, dt.datetime):
        until = dt.datetime.combine(until, dt.time(23, 59))
    if until is not None and until.year - start.year > 10:
        return until.date()  # far away: the date itself (counting would take long)
    if count is not None and (not isinstance(count, int) or count > MAX_COUNT):
        notes.append(f"{what}: {shown(count)} keer is te veel om te tellen; er is geen einddatum gezet.")
        return None
    local_rule = {**rule, **({"UNTIL": [until]} if until is not None else {})}
    times = list(rrulestr(vRecur(local_rule).to_ical().decode(), dtstart=start))
    return times[-1].date() if times else None


def _repeating(event, rule: dict, start: dt.datetime, end: dt.datetime, notes: list[str], what: str) -> list[dict]:
    freq = rule.get("FREQ", [""])[0]
    if freq not in ("WEEKLY", "MONTHLY"):
        notes.append(
            f"{what} niet overgenomen: de herhaling '{shown(freq)}' kan de Wegwijzer niet weergeven "
            "(alleen elke week, om de week of één keer per maand). Schrijf de tijden zelf."
        )
        return []
    other = sorted(set(rule) - RULE_PARTS)
    if other:
        notes.append(f"{what} niet overgenomen: '{', '.join(other)}' in de herhaling kan de Wegwijzer niet weergeven.")
        return []
    byday = _byday(rule, start.date(), notes, what)
    if byday is None:
        return []
    try:
        last = _last_time(rule, start, notes, what)
    except (ValueError, TypeError, OverflowError, IndexError):
        notes.append(f"{what} niet overgenomen: de herhaling (RRULE) klopt niet.")
        return []
    schedule = {
        "freq": rule.get("FREQ", [None])[0],
        "interval": rule.get("INTERVAL", [1])[0],
        "byday": byday,
        "opens_at": start.strftime("%H:%M"),
        "closes_at": _clock(end, start.date()),
        "description": what,
        **{
            key.lower(): ",".join(map(str, rule[key])) for key in ("BYMONTHDAY", "BYWEEKNO", "BYYEARDAY") if key in rule
        },
    }
    return [{**item, **({"eind": last.isoformat()} if last else {})} for item in schedule_items(schedule, notes)]


def event_items(event, today: dt.date, notes: list[str], what: str) -> list[dict]:
    """The schedule items of one event (one date, or a repeating time), without what has passed."""
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        notes.append(f"{what} gaat niet door (afgelast): niet overgenomen.")
        return []
    if event.get("RECURRENCE-ID") is not None:
        notes.append(f"{what}: een gewijzigde keer van een herhaling is niet overgenomen. Kijk zelf of het klopt.")
        return []
    times = _times(event, notes, what)
    if times is None:
        return []
    start, end = times
    rule = _rule(event, notes, what)
    for key, words in (("EXDATE", "uitzonderingen (EXDATE)"), ("RDATE", "extra data (RDATE)")):
        if event.get(key) is not None:
            notes.append(f"{what}: de {words} zijn niet overgenomen. Zet ze in een opmerking als dat nodig is.")
    if rule is None:
        if start.date() < today:
            notes.append(f"{what} is al voorbij: niet overgenomen.")
            return []
        return [{"datum": start.date().isoformat(), "van": start.strftime("%H:%M"), "tot": _clock(end, start.date())}]
    items = _repeating(event, rule, start, end, notes, what)
    if items and items[0].get("eind") and dt.date.fromisoformat(items[0]["eind"]) < today:
        notes.append(f"{what} is al voorbij (tot {items[0]['eind']}): niet overgenomen.")
        return []
    if start.date() > today:
        items = [{**item, "start": start.date().isoformat()} if "datum" not in item else item for item in items]
    return items


# --- events -> offers ---------------------------------------------------------------------------


def _organizer(calendar, event) -> str | None:
    """The organiser's name: ORGANIZER's CN, else the calendar's name (X-WR-CALNAME)."""
    organizer = event.get("ORGANIZER")
    name = organizer.params.get("CN") if organizer is not None and hasattr(organizer, "params") else None
    name = name or calendar.get("X-WR-CALNAME")
    return Part({"o": str(name)}, []).text("o", one_line=True) if name else None


def groups_of(events: list, today: dt.date) -> list[Group]:
    """Events with the same title and location as one group, in the order of the file."""
    groups: dict[tuple[str, str], Group] = {}
    nameless = Group("(zonder titel)", "")
    for calendar, event in events:
        notes: list[str] = []
        part = Part({}, notes, "een afspraak")
        title = _text(event, "SUMMARY", part)
        name = service_name(Part({"name": title}, notes)) if title else None
        if not name:
            nameless.notes.append("Een afspraak zonder titel (SUMMARY) is overgeslagen.")
            continue
        location = _text(event, "LOCATION", part) or ""
        group = groups.setdefault((normalise(name), normalise(location)), Group(name, location))
        when = _decoded(event, "DTSTART")
        day = when.date() if isinstance(when, dt.datetime) else when if isinstance(when, dt.date) else None
        what = f"'{shown(name)}'" + (f" op {day.isoformat()}" if day else "")
        try:
            items = event_items(event, today, notes, what)
        except Exception as exc:  # icalendar reports some broken values only when they are used
            notes.append(f"{what} niet overgenomen: een waarde klopt niet ({shown(exc, 100)}).")
            items = []
        group.items += [i for i in items if i not in group.items]
        group.notes += notes
        group.description = group.description or _text(event, "DESCRIPTION", part, one_line=False)
        group.url = group.url or _text(event, "URL", part)
        group.organizer = group.organizer or _organizer(calendar, event)
    return list(groups.values()) + ([nameless] if nameless.notes else [])


def _where(group: Group, plan: Plan, options: Options, notes: list[str]) -> dict:
    """'plekken' when LOCATION is exactly an existing place; else --plek, --gebied or the whole region."""
    if group.location:
        found = plan.place_named(group.location) or plan.place_named(group.location.split(",")[0])
        if found is not None:
            notes.append(f"Gekoppeld aan de plek {found.source} ('{shown(found.naam)}').")
            return {"plekken": [found.id]}
        notes.append(
            f"De plek '{shown(group.location, 100)}' staat niet precies zo in locations/. "
            "Maak de plek eerst (wegwijzer nieuw), of kies een bestaande plek."
        )
    if options.plek:
        found = plan.place_named(options.plek)
        if found is not None:
            return {"plekken": [found.id]}
    gemeente = gemeente_by_name(plan.region, options.gebied)
    if gemeente is not None or options.gebied == REGION_ID:
        return {"gebied": [gemeente.id if gemeente else REGION_ID]}
    notes.append(f"Gebied is '{UNKNOWN_AREA}': {UNKNOWN_NOTE}")
    return {"gebied": [UNKNOWN_AREA]}


def _with_kind(group: Group, kind: str | None, notes: list[str]) -> list[dict]:
    """The one-off dates with their kind (--evenement); a webinar gets the agenda's URL as its link."""
    if not kind or not any("datum" in item for item in group.items):
        return group.items
    extra: dict = {"evenement": kind}
    if kind == WEBINAR:
        if not (group.url and valid(model._website, group.url)):
            notes.append(f"'{shown(group.name)}': een webinar heeft een link (URL). Die staat er niet bij: geen soort.")
            return group.items
        extra["link"] = group.url
    return [{**item, **extra} if "datum" in item else item for item in group.items]


def offer_of(group: Group, plan: Plan, options: Options, bron: str) -> Mapped | None:
    notes = group.notes
    part = Part({}, notes, "de agenda")
    organisatie = options.organisatie or group.organizer
    if not organisatie:
        notes.append('Er staat geen organisator bij. Geef mee wie het organiseert: --organisatie "...".')
        return None
    data: dict = {"naam": group.name, "soort": options.soort, **summary_of(part, group.name, group.description)}
    data["organisatie"] = organisatie[:120].strip()
    text = f"{group.name} {group.description or ''}"
    data.update({"themas": options.themas} if options.themas else themes_of(part, text))
    data.update({"doelgroepen": options.doelgroepen} if options.doelgroepen else audiences_of(part))
    data.update(_where(group, plan, options, notes))
    data["schema"] = _with_kind(group, options.evenement, notes)
    if group.url and valid(model._website, group.url):
        data["contact"] = {"website": group.url}
    elif group.url:
        notes.append(f"Webadres '{shown(group.url)}' is niet overgenomen: het klopt niet.")
    data.update(entry_tail(bron, organisatie))
    return Mapped(data, [])


def import_agenda(
    path: Path,
    locations_dir: Path,
    activities_dir: Path,
    options: Options | None = None,
    write: bool = True,
    region: Region | None = None,
) -> ImportResult:
    """Import an iCalendar file. FeedProblem (nothing written) when it cannot be read."""
    options = options or Options()
    today = options.today or dt.date.today()
    events = read_calendar(path)
    bron = options.bron or f"Agenda-import: {Path(path).name}"
    plan = Plan.start(region or load_region(), Path(path).name, locations_dir, activities_dir, what="iCalendar")
    if options.plek and plan.place_named(options.plek) is None:
        raise FeedProblem(f"De plek '{shown(options.plek)}' (--plek) staat niet in locations/. Geef de id of de naam.")
    result = ImportResult(written=write, noun="agenda-items")
    result.notes.append(f"{shown(Path(path).name)}: {len(events)} afspraken gelezen.")
    for group in groups_of(events, today):
        item = Imported(group.name, notes=group.notes)
        mapped = offer_of(group, plan, options, bron) if group.items else None
        if mapped is None:
            item.skipped = True
            if not group.items:
                item.notes.append("Er is geen tijd over die de Wegwijzer kan tonen. Niets ingelezen.")
            result.items.append(item)
            continue
        result.items.append(plan_offer(plan, item, mapped))
    return finish(plan, result)
