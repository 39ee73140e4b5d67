"""A life-event guide as an A4 leaflet for one gemeente: ``/folder/gids/<guide>/<gemeente>/``.

Like the area leaflets (``site.leaflets``): standalone, large type, black and white, a QR code to
the guide's page for that gemeente, and printed by ``wegwijzer folders``. It holds the guide's own
text (what you can do yourself, the first step), its helplines, the offers nearest first, coming
events and a few questions. Two sides at most: ``fit`` estimates the height on paper and shortens
the lists (never the type) until it fits; what it leaves out, the leaflet counts ("op de website
staat nog ...").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from math import ceil
from typing import Any, ClassVar

from wegwijzer.core import contact, describe, guide_select
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.events import Upcoming
from wegwijzer.core.guides import Guide, Question
from wegwijzer.core.region import Area
from wegwijzer.core.urls import url_for
from wegwijzer.site.context import BuildContext
from wegwijzer.site.leaflets import Item, breakable, qr_svg, short_item, site_base
from wegwijzer.site.pages import Context, Page

PAPER_CAP = 3  # offers per list at most (the website has the rest)
PAPER_QUESTIONS = 2
PAPER_EVENTS = 2
# Height on paper in lines of body text (folder.css: 12pt, line height 1.4; about 76 characters a line).
CHARS = 76
PAGE_LINES = 45  # one A4 side between the margins
BUDGET = 2 * PAGE_LINES - 16  # two sides, less the head with the QR code and room lost where blocks do not break


@dataclass
class GuideLeaflet:
    guide: Guide
    gemeente: Area
    web_url: str
    web_text: str
    qr_svg: Any
    made_on: str
    lists: list[tuple[str, list[Item], int]]  # (heading, items, how many more are on the website)
    unknown: list[Item]  # offers whose area is not known: one short line each
    helplines: list[tuple[str, str, str]]  # (name, phone, when)
    binnenkort: list[Upcoming]
    questions: list[Question]
    fallback_note: str = ""
    fallback: list[contact.Fact] = field(default_factory=list)

    @property
    def web_breakable(self):
        return breakable(self.web_text)


def _paper_items(cat: Catalog, rows: list[guide_select.Row], today: dt.date) -> list[Item]:
    """Each offer with where and, when it has times that can still happen, when; then its contact route."""
    items = []
    for row in rows:
        item = short_item(cat, row.act)
        where = ", ".join(p.naam for p in cat.places_of(row.act)) or ", ".join(cat.where(row.act))
        when = describe.schedule_short(row.act, today)
        item.lines[:0] = [[("Waar", where)]] + ([[("Wanneer", when)]] if when else [])
        items.append(item)
    return items


# --- fitting two sides ---------------------------------------------------------------------------


def _lines(text: str) -> int:
    return max(1, ceil(len(text) / CHARS))


def _item(item: Item) -> float:
    """The name, the summary, and each line of facts as its own paragraph (folder-item.html)."""
    facts = sum(_lines(" ".join(f"{k}: {v}." for k, v in line)) for line in item.lines)
    return 1.2 + _lines(item.summary) + facts + 0.3


def estimate(leaflet: GuideLeaflet) -> float:
    """The height of the leaflet's content on paper, in lines (the head with the QR code not counted)."""
    guide = leaflet.guide
    height = 0.0
    for section in guide.body_sections:
        if section.dimensie:
            height += 1  # one line in "Zes vragen aan jezelf"
            continue
        height += 2 + sum(_lines(block) + 0.3 for block in section.tekst.split("\n") if block.strip())
    height += 2 if any(s.dimensie for s in guide.body_sections) else 0
    height += (2 + _lines(" ".join(f"{n}: {p} ({w})" for n, p, w in leaflet.helplines))) if leaflet.helplines else 0
    for _, items, more in leaflet.lists:
        height += 2 + sum(_item(i) for i in items) + (1.3 if more else 0)
    if leaflet.unknown:
        height += 3 + sum(_lines(f"{i.naam}: {i.summary}") for i in leaflet.unknown)
    height += (2 + 2 * len(leaflet.binnenkort)) if leaflet.binnenkort else 0
    height += (2 + sum(1.2 + _lines(q.antwoord) for q in leaflet.questions)) if leaflet.questions else 0
    return height + 4  # the footer


def _shorter(leaflet: GuideLeaflet) -> GuideLeaflet | None:
    """One step shorter, in a fixed order; None when nothing is left to take away."""
    longest = max(leaflet.lists, key=lambda entry: len(entry[1]), default=None)
    if len(leaflet.questions) > 1:
        return dataclasses.replace(leaflet, questions=leaflet.questions[:1])
    if len(leaflet.binnenkort) > 1:
        return dataclasses.replace(leaflet, binnenkort=leaflet.binnenkort[:1])
    if leaflet.unknown:
        return dataclasses.replace(leaflet, unknown=[])
    if longest and len(longest[1]) > 1:
        title, items, more = longest
        lists = [(title, items[:-1], more + 1) if entry is longest else entry for entry in leaflet.lists]
        return dataclasses.replace(leaflet, lists=lists)
    if leaflet.questions:
        return dataclasses.replace(leaflet, questions=[])
    if leaflet.binnenkort:
        return dataclasses.replace(leaflet, binnenkort=[])
    return None


def fit(leaflet: GuideLeaflet) -> GuideLeaflet:
    """Shorten until the estimate fits two sides (or nothing more can go)."""
    while estimate(leaflet) > BUDGET:
        shorter = _shorter(leaflet)
        if shorter is None:
            break
        leaflet = shorter
    return leaflet


# --- making it -----------------------------------------------------------------------------------


def _lists(
    cat: Catalog, guide: Guide, gemeente: Area, today: dt.date
) -> tuple[list[tuple[str, list[Item], int]], list[Item]]:
    lists, unknown = [], []
    for block in guide_select.area_blocks(cat, guide, gemeente):
        rows = block.rows[:PAPER_CAP]
        if block.key == guide_select.UNKNOWN:
            unknown = [Item(r.act, [], r.act.samenvatting) for r in rows]
        else:
            lists.append((block.titel, _paper_items(cat, rows, today), len(block.rows) + block.more - len(rows)))
    return lists, unknown


def _helplines(cat: Catalog, guide: Guide) -> list[tuple[str, str, str]]:
    lines = []
    for act in guide_select.helplines(cat, guide):
        route = contact.route_of(cat, act)
        phone = next((link.text for link in route.links if link.kind == "telefoon"), "")
        if phone:
            lines.append((act.naam, phone, route.ways[0].bereikbaar))
    return lines


def make_guide_leaflet(ctx: BuildContext, guide: Guide, gemeente: Area) -> GuideLeaflet:
    cat = ctx.catalog
    base = site_base(ctx.settings.site_url)
    page = url_for("gids-gebied", f"{guide.id}/{gemeente.id}")
    web_url = base + page if base else ""
    lists, unknown = _lists(cat, guide, gemeente, ctx.today)
    leaflet = fit(
        GuideLeaflet(
            guide=guide,
            gemeente=gemeente,
            web_url=web_url,
            web_text=contact.short_web(web_url) if web_url else "/" + page,
            qr_svg=qr_svg(web_url, f"QR-code naar {contact.short_web(web_url)}") if web_url else None,
            made_on=describe.date_text(ctx.today),
            lists=lists,
            unknown=unknown,
            helplines=_helplines(cat, guide),
            binnenkort=guide_select.upcoming(cat, guide, ctx.today, gemeente)[:PAPER_EVENTS],
            questions=list(guide.questions[:PAPER_QUESTIONS]),
        )
    )
    if any(i.fallback for _, items, _ in leaflet.lists for i in items):
        leaflet.fallback_note, leaflet.fallback = contact.printed_fallback(cat, gemeente.id)
    return leaflet


@dataclass(frozen=True)
class GuideLeafletPage(Page):
    """A guide as an A4 leaflet for one gemeente (key: '<guide>/<gemeente>')."""

    template: ClassVar[str] = "wegwijzer/folder-gids.html"

    def context(self, ctx: BuildContext) -> Context:
        guide_id, gemeente_id = self.key.split("/")
        guide = ctx.catalog.guides[guide_id]
        return {"folder": make_guide_leaflet(ctx, guide, ctx.catalog.region.areas[gemeente_id])}
