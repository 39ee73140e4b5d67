"""Printable leaflets ("folders"): one A4 sheet (two sides) per woonkern and wijk, more for a gemeente.

Each leaflet is a page (``LeafletPage``) at ``folder/<area-id>/`` rendered by the standalone
template ``overrides/wegwijzer/folder.html`` (no site header: it is made for paper).
Everything it shows comes from the Catalog. ``wegwijzer folders`` (``tools.folders``)
prints the built leaflets to A4 PDF files with Chromium.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import segno
from markupsafe import Markup, escape

from wegwijzer.core import contact, describe, events, vocab
from wegwijzer.core.catalog import Catalog, sort_key
from wegwijzer.core.model import Activity, Location
from wegwijzer.core.region import REGION_ID, Area
from wegwijzer.site import stamp
from wegwijzer.site.context import BuildContext
from wegwijzer.site.leaflet_fit import fit
from wegwijzer.site.pages import Context, Page
from wegwijzer.site.view import View

log = logging.getLogger("mkdocs.plugins.wegwijzer.leaflets")

FOLDER_DIR = "folder"
TEMPLATE = "wegwijzer/folder.html"
NEARBY_KM = 5.0
NEARBY_LIMIT = 5
# Offers without a fixed place that a leaflet lists: where people can turn to for help.
# The others (programmes, initiatives) are on the website; the leaflet says how many there are.
HELP_KINDS = ("loket", "hulp")
PAPER_EVENTS = 3  # coming one-off events on a leaflet


# --- what a leaflet shows ------------------------------------------------------------


Fact = contact.Fact  # (label, text)


@dataclass
class Item:
    """One entry as printed: a title, an optional one-line summary and a few lines of facts."""

    entry: Location | Activity
    lines: list[list[Fact]] = field(default_factory=list)  # each line holds one or more facts
    summary: str = ""
    fallback: bool = False  # no route of its own: the leaflet's gemeente route (printed once) applies

    @property
    def naam(self) -> str:
        return self.entry.naam


@dataclass(frozen=True)
class Helpline:
    entry: Activity
    telefoon: str
    bereikbaar: str


@dataclass
class Leaflet:
    area: Area
    gemeente: Area
    web_url: str  # full address of the area's online page, "" when site_url is unknown
    web_text: str  # the address in words, as printed
    qr_svg: Markup | None
    made_on: str
    week: list[tuple[str, list[tuple[str, str, str]]]]  # day -> (time, name, where)
    themes: list[tuple[str, list[Item]]]
    places: list[Item]
    area_wide: list[Item]
    helplines: list[Helpline]  # help for the whole region with its own phone number: one short line each
    area_wide_more: int  # offers for the whole gemeente or region that are only on the website
    nearby: list[tuple[float, Location]]
    fallback_note: str = ""  # once per leaflet, when an item has no route of its own
    fallback: list[Fact] = field(default_factory=list)
    # What leaflet_fit took away so a kern or wijk fits on one sheet (the leaflet says it is on the website):
    theme_more: dict[str, int] = field(default_factory=dict)  # per theme label: offers not shown
    themes_hidden: list[tuple[str, int]] = field(default_factory=list)  # themes not shown, with their number
    places_more: int = 0
    week_more: int = 0  # rows of the week table not shown
    binnenkort: list[events.Upcoming] = field(default_factory=list)  # coming one-off events here

    @property
    def web_breakable(self) -> Markup:
        return breakable(self.web_text)

    @property
    def empty(self) -> bool:
        return not (self.themes or self.places or self.themes_hidden or self.places_more)


def breakable(web_text: str) -> Markup:
    """An address in words, allowed to wrap after each '/' (the QR caption is narrow)."""
    return Markup("/<wbr>").join(escape(part) for part in web_text.split("/"))


def site_base(site_url: str | None) -> str:
    url = (site_url or "").strip()
    if url and not url.endswith("/"):
        url += "/"
    return url


def qr_svg(url: str, label: str) -> Markup:
    """The QR code as inline SVG (black on white, scales with CSS)."""
    qr = segno.make(url, error="m", micro=False)
    svg = qr.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="folder-qr__img", lineclass=None, dark="#000", light="#fff"
    )
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{_attr(label)}" ', 1)
    return Markup(svg)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _with_route(cat: Catalog, item: Item) -> Item:
    """Add the item's contact route (core.contact) as its last line, or mark it for the leaflet's fallback."""
    facts = contact.printed_facts(contact.route_of(cat, item.entry))
    if facts:
        item.lines.append(facts)
    else:
        item.fallback = True
    return item


def opening_summary(loc: Location) -> list[str]:
    """Opening hours with runs of days that have the same hours joined: 'Maandag tot en met vrijdag: ...'."""
    per_day = []
    for day in vocab.DAYS:
        slots = [o for o in loc.openingstijden if o.dag == day]
        if slots:
            text = ", ".join(
                describe.time_range(o.van, o.tot) + (f" ({o.opmerking})" if o.opmerking else "") for o in slots
            )
            per_day.append((vocab.DAY_NUMBER[day], day, text))
    lines, i = [], 0
    while i < len(per_day):
        j = i
        while j + 1 < len(per_day) and per_day[j + 1][2] == per_day[i][2] and per_day[j + 1][0] == per_day[j][0] + 1:
            j += 1
        first, last = per_day[i][1], per_day[j][1]
        if j - i >= 2:
            days = f"{first.capitalize()} tot en met {last}"
        elif j == i + 1:
            days = f"{first.capitalize()} en {last}"
        else:
            days = first.capitalize()
        lines.append(f"{days}: {per_day[i][2]}")
        i = j + 1
    return lines


def place_item(cat: Catalog, loc: Location) -> Item:
    lines = []
    if loc.adres:
        lines.append([("Adres", loc.adres.one_line())])
    hours = opening_summary(loc)
    if hours:
        lines.append([("Open", ". ".join(hours))])
    return _with_route(cat, Item(loc, lines))


def activity_item(cat: Catalog, act: Activity, today) -> Item:
    lines = []
    places = cat.places_of(act)
    if places:
        lines.append([("Waar", "; ".join(p.naam + (f", {p.adres.one_line()}" if p.adres else "") for p in places))])
    elif act.gebied:
        lines.append([("Waar", ", ".join(cat.where(act)))])
    when = [describe.schedule_line(s) for s in act.schema if describe.is_current(s, today)]
    if when:
        lines.append([("Wanneer", ". ".join(w.rstrip(".") for w in when))])
    money = [("Kosten", describe.cost_text(act.kosten).rstrip("."))]
    if act.aanmelden:
        if act.aanmelden.nodig:
            money.append(("Aanmelden", act.aanmelden.hoe or "ja, dat is nodig"))
        else:
            money.append(("Aanmelden", "niet nodig, je kunt gewoon komen"))
    lines.append(money)
    return _with_route(cat, Item(act, lines, act.samenvatting))


def short_item(cat: Catalog, act: Activity) -> Item:
    """An offer without a fixed place, in two lines: what it is, and how to reach it when known."""
    return _with_route(cat, Item(act, [], act.samenvatting))


def helpline(cat: Catalog, act: Activity) -> Helpline | None:
    """A help offer for the whole region with a phone number of its own (112, Veilig Thuis, ...)."""
    if REGION_ID not in act.gebied or act.soort not in HELP_KINDS:
        return None
    route = contact.route_of(cat, act)
    phone = next((link.text for link in route.links if link.kind == "telefoon"), "") if route.own else ""
    return Helpline(act, phone, route.ways[0].bereikbaar) if phone else None


def week_overview(cat: Catalog, acts: list[Activity], today) -> list[tuple[str, list[tuple[str, str, str]]]]:
    days = []
    for day in vocab.DAYS:
        rows = []
        for act in acts:
            for s in act.schema:
                if s.dag == day and describe.is_current(s, today):
                    where = ", ".join(p.naam for p in cat.places_of(act)) or ", ".join(cat.where(act))
                    how_often = describe.frequency_note(s)
                    rows.append((f"{s.van}–{s.tot}", act.naam + (f" ({how_often})" if how_often else ""), where))
        if rows:
            days.append((day, sorted(set(rows))))
    return days


def by_theme(cat: Catalog, acts: list[Activity]) -> list[tuple[str, list[Activity]]]:
    """Each offer once, under its first theme; themes in the order of the controlled list."""
    groups: dict[str, list[Activity]] = {}
    for act in acts:
        groups.setdefault(act.themas[0], []).append(act)
    order = vocab.keys("themas")
    return [(vocab.label("themas", t), sorted(groups[t], key=sort_key)) for t in order if t in groups]


def local_activities(cat: Catalog, area: Area) -> list[Activity]:
    return [a for a in cat.activities_in.get(area.id, []) if a.plekken]


def make_leaflet(cat: Catalog, area: Area, today, site_url: str | None) -> Leaflet:
    region = cat.region
    base = site_base(site_url)
    web_url = base + area.url if base else ""
    web_text = contact.short_web(web_url) if web_url else "/" + area.url
    qr = qr_svg(web_url, f"QR-code naar {contact.short_web(web_url)}") if web_url else None
    places = cat.places_in.get(area.id, [])
    acts = local_activities(cat, area)
    nearby = []
    if area.level != "gemeente" and area.lat is not None:
        nearby = cat.nearby_places(area.lat, area.lon, NEARBY_KM, exclude={p.id for p in places}, limit=NEARBY_LIMIT)
    wide = sorted(cat.area_wide(area), key=sort_key)
    lines = {a.id: line for a in wide if (line := helpline(cat, a))}
    leaflet = Leaflet(
        area=area,
        gemeente=region.gemeente_of(area.id),
        web_url=web_url,
        web_text=web_text,
        qr_svg=qr,
        made_on=describe.date_text(today),
        week=week_overview(cat, acts, today),
        themes=[(label, [activity_item(cat, a, today) for a in group]) for label, group in by_theme(cat, acts)],
        places=[place_item(cat, p) for p in places],
        area_wide=[short_item(cat, a) for a in wide if a.soort in HELP_KINDS and a.id not in lines],
        helplines=list(lines.values()),
        area_wide_more=sum(1 for a in wide if a.soort not in HELP_KINDS),
        nearby=nearby,
    )
    # Coming events of this area: at its places, or for its gemeente (not those for the whole region: every
    # leaflet would list them, and the website has them).
    own_gemeente = [a for a in wide if leaflet.gemeente.id in a.gebied]
    leaflet.binnenkort = events.binnenkort(acts + own_gemeente, today, PAPER_EVENTS)
    if any(i.fallback for i in _items(leaflet)):
        leaflet.fallback_note, leaflet.fallback = contact.printed_fallback(cat, leaflet.gemeente.id)
    if area.level == "gemeente":
        return leaflet
    leaflet = fit(leaflet)  # a kern or wijk: one sheet
    if leaflet.fallback_note and not any(i.fallback for i in _items(leaflet)):  # what needed it did not fit
        leaflet.fallback_note, leaflet.fallback = "", []
    return leaflet


def _items(leaflet: Leaflet) -> list[Item]:
    return [i for _, group in leaflet.themes for i in group] + leaflet.places + leaflet.area_wide


# --- the view -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LeafletPage(Page):
    """The printable leaflet of one gemeente, woonkern or wijk."""

    template: ClassVar[str] = TEMPLATE

    def context(self, ctx: BuildContext) -> Context:
        area = ctx.catalog.region.areas[self.key]
        return {"folder": make_leaflet(ctx.catalog, area, ctx.today, ctx.settings.site_url)}


class LeafletView(View):
    """Owns the leaflet pages; warns once when the site has no public address (no QR code then)."""

    name = "leaflets"

    def start(self, ctx: BuildContext) -> None:
        if not site_base(ctx.settings.site_url):
            log.warning(
                "site_url ontbreekt. De folders krijgen geen QR-code, alleen het pad van de pagina. "
                "Zet site_url in mkdocs.yml of de omgevingsvariabele WEGWIJZER_SITE_URL."
            )

    def finish(self, ctx: BuildContext, site_dir: Path) -> None:
        """Say what the leaflets were made from, so `wegwijzer folders` can tell an old site (site.stamp)."""
        settings = ctx.settings
        digest = stamp.sources_digest(settings.project_dir, settings.data_dir)
        made = stamp.Stamp(ctx.today.isoformat(), settings.include_examples, settings.site_url, digest)
        stamp.write_stamp(site_dir, made)

    def pages(self, ctx: BuildContext) -> Iterable[Page]:
        leaflets = []
        for area in ctx.catalog.region.areas.values():
            title = f"Folder gemeente {area.naam}" if area.level == "gemeente" else f"Folder {area.naam}"
            leaflets.append(LeafletPage("folder", area.id, title))
        return sorted(leaflets, key=lambda page: page.src_uri)
