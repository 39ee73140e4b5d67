"""A village leaflet fits on one A4 sheet (two sides): shorten on purpose, never with small type.

``estimate`` says how high a leaflet is on paper, in CSS pixels at the width of A4 minus the
margins (``folder.css``: 12pt type, line height 1.4). The numbers are on the safe side for
DejaVu Sans, a wide font; narrower fonts give shorter leaflets. ``fit`` takes parts away in a
fixed order until the estimate fits two sides, and counts what it took away, so the leaflet
says "en nog 2 meer op de website". A test prints every kern and wijk leaflet of the shipped
data and counts the PDF pages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from functools import partial
from math import ceil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wegwijzer.site.leaflets import Item, Leaflet

LINE = 22.4  # one line of body text: 12pt (16px) with line height 1.4
FULL = 76  # characters on a full-width line (DejaVu Sans fits about 80)
HALF = 34  # characters on a line in one of the two columns of the help list
WEEK_NAME, WEEK_PLACE = 22, 28  # characters on a line in the "Wat" and the "Waar" column of the week table
PAGE = 1020  # A4 (297 mm) minus the top and bottom margins of folder.css, in CSS pixels
SECTION = 42  # a section's heading with its margins
# Blocks do not break over the two sides: the end of side one can stay empty.
BUDGET = 2 * PAGE - 240
KEEP_HELP = 3  # help for the whole gemeente: shortened last, and never below this before the week table goes


def _lines(text: str, width: int) -> int:
    return max(1, ceil(len(text) / width))


def _item(item: Item) -> float:
    height: float = 24 * _lines(item.naam + (" VOORBEELD" if item.entry.voorbeeld else ""), 50) + 9
    if item.summary:
        height += LINE * _lines(item.summary, FULL)
    for line in item.lines:
        height += LINE * _lines(" ".join(f"{key}: {value}." for key, value in line), FULL)
    return height


def _short_item(item: Item) -> float:
    text = f"{item.naam}: {item.summary} " + " ".join(f"{k}: {v}." for line in item.lines for k, v in line)
    return 5 + LINE * _lines(text, HALF)


def _week(leaflet: Leaflet) -> float:
    rows = [row for _, day in leaflet.week for row in day]
    if not rows:
        return 0
    height = (
        SECTION
        + 28
        + sum(6 + LINE * max(_lines(name, WEEK_NAME), _lines(where, WEEK_PLACE)) for _, name, where in rows)
    )
    return height + (LINE if leaflet.week_more else 0)


def _help(leaflet: Leaflet) -> float:
    """ "Hulp voor heel ...": the helplines on a few lines, the note where to ask, then two columns."""
    if not leaflet.area_wide and not leaflet.helplines:
        return 0
    height: float = SECTION
    if leaflet.helplines:
        text = " * ".join(f"{h.entry.naam} VOORBEELD: {h.telefoon} ({h.bereikbaar})" for h in leaflet.helplines)
        height += 6 + LINE * _lines("Bel een hulplijn: " + text, FULL)
    if leaflet.area_wide:
        height += _fallback(leaflet)
        heights = [_short_item(item) for item in leaflet.area_wide]
        height += (sum(heights) + max(heights)) / 2  # two columns, about even
    return height


def _fallback(leaflet: Leaflet) -> float:
    if not leaflet.fallback_note:
        return 0
    text = leaflet.fallback_note + " ".join(f" {key}: {value}." for key, value in leaflet.fallback)
    return 6 + LINE * _lines(text, FULL)


def _nearby(leaflet: Leaflet) -> float:
    if not leaflet.nearby:
        return 0
    height: float = SECTION
    for _, place in leaflet.nearby:
        text = f"{place.naam}, {place.woonkern} (0,0 km). {place.adres.one_line() if place.adres else ''}"
        if place.contact and place.contact.telefoon:
            text += f". Telefoon: {place.contact.telefoon}"
        height += 5 + LINE * _lines(text, FULL - 3)
    return height


def _binnenkort(leaflet: Leaflet) -> float:
    """ "Binnenkort": one line or two per coming event (date and time, name, kind and where)."""
    if not leaflet.binnenkort:
        return 0
    return SECTION + sum(
        5
        + LINE
        * _lines(
            f"{u.datum} 00:00 tot 00:00 uur: {u.activity.naam} (xxxxxxxx). xxxxxxxxxxxxxxxxxxxxxxxxxxxxx", FULL - 3
        )
        for u in leaflet.binnenkort
    )


def estimate(leaflet: Leaflet) -> float:
    """How high the leaflet is on paper (CSS pixels at 96 dpi; one side holds ``PAGE``)."""
    height: float = 180 + (34 if len(leaflet.area.naam) > 16 else 0) + 110  # title and QR code; footer
    height += 0 if leaflet.area_wide else _fallback(leaflet)  # then the note is in the footer
    height += (3 * LINE if leaflet.empty else 0) + _week(leaflet) + _help(leaflet) + _nearby(leaflet)
    height += _binnenkort(leaflet)
    for label, items in leaflet.themes:
        height += SECTION + sum(_item(i) for i in items) + (LINE if leaflet.theme_more.get(label) else 0)
    if leaflet.themes_hidden:
        height += LINE * _lines(", ".join(f"{label} (00)" for label, _ in leaflet.themes_hidden) + " xxxxxxx", FULL)
    if leaflet.places:
        height += SECTION + sum(_item(i) for i in leaflet.places) + (LINE if leaflet.places_more else 0)
    return height


# --- the ways to make a leaflet shorter, in the order fit tries them --------------------------------


def _themes_to(leaflet: Leaflet, most: int) -> Leaflet:
    themes, more = [], dict(leaflet.theme_more)
    for label, items in leaflet.themes:
        more[label] = more.get(label, 0) + max(0, len(items) - most)
        themes.append((label, items[:most]))
    return dataclasses.replace(leaflet, themes=themes, theme_more={k: n for k, n in more.items() if n})


def _drop_last_theme(leaflet: Leaflet) -> Leaflet:
    if not leaflet.themes:
        return leaflet
    label, items = leaflet.themes[-1]
    hidden = [(label, len(items) + leaflet.theme_more.get(label, 0)), *leaflet.themes_hidden]
    return dataclasses.replace(leaflet, themes=leaflet.themes[:-1], themes_hidden=hidden)


def _places_to(leaflet: Leaflet, most: int) -> Leaflet:
    extra = max(0, len(leaflet.places) - most)
    return dataclasses.replace(leaflet, places=leaflet.places[:most], places_more=leaflet.places_more + extra)


def _help_to(leaflet: Leaflet, most: int) -> Leaflet:
    extra = max(0, len(leaflet.area_wide) - most)
    return dataclasses.replace(
        leaflet, area_wide=leaflet.area_wide[:most], area_wide_more=leaflet.area_wide_more + extra
    )


def _drop_last_week_row(leaflet: Leaflet) -> Leaflet:
    if not leaflet.week:
        return leaflet
    week = [(day, list(rows)) for day, rows in leaflet.week]
    week[-1][1].pop()
    return dataclasses.replace(leaflet, week=[(d, r) for d, r in week if r], week_more=leaflet.week_more + 1)


def _no_nearby(leaflet: Leaflet) -> Leaflet:
    return dataclasses.replace(leaflet, nearby=[])


def _binnenkort_to(leaflet: Leaflet, most: int) -> Leaflet:
    return dataclasses.replace(leaflet, binnenkort=leaflet.binnenkort[:most])


def _steps(leaflet: Leaflet) -> Iterator[Callable[[Leaflet], Leaflet]]:
    """Each step makes the leaflet a little shorter; the first ones take away the least."""
    if not leaflet.empty:  # a village with its own offers needs no list of places nearby
        yield _no_nearby
    yield partial(_binnenkort_to, most=1)  # the website lists the others
    for most in (3, 2, 1):
        yield partial(_themes_to, most=most)
        yield partial(_places_to, most=most)
    yield from [_drop_last_theme] * len(leaflet.themes)
    yield partial(_places_to, most=0)
    yield partial(_binnenkort_to, most=0)
    yield from [partial(_help_to, most=most) for most in range(len(leaflet.area_wide) - 1, KEEP_HELP - 1, -1)]
    yield from [_drop_last_week_row] * sum(len(rows) for _, rows in leaflet.week)
    yield from [partial(_help_to, most=most) for most in range(min(KEEP_HELP, len(leaflet.area_wide)) - 1, -1, -1)]


def fit(leaflet: Leaflet) -> Leaflet:
    """The leaflet, shortened until it fits on one sheet (two sides of A4)."""
    for step in _steps(leaflet):
        if estimate(leaflet) <= BUDGET:
            break
        leaflet = step(leaflet)
    return leaflet
