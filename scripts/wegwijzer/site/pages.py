"""The page concept: every page the site makes from the catalogue is a ``Page``.

A page knows its kind and key (so its address is ``url_for(kind, key)``), its title,
its template in ``overrides/wegwijzer/`` and how to make its template context. The
plugin writes a tiny Markdown file (front matter only) for each page; the heavy context
is made only when MkDocs renders that page, so memory stays flat. Generated pages are
never in the navigation tree unless ``mkdocs.yml`` lists them (the few list pages).

Which view owns which pages: ``CataloguePages`` (below) the entry, area, topic and list
pages; ``leaflets`` the leaflet pages; ``freshness`` the "Nieuw en gewijzigd" page;
``professionals`` the professionals page; ``lijst`` the page "Mijn lijst".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from wegwijzer.core import contact, describe, vocab
from wegwijzer.core.catalog import Catalog, sort_key
from wegwijzer.core.model import Activity, Location
from wegwijzer.core.region import UNKNOWN_AREA, Area
from wegwijzer.core.urls import ALIASES, url_for
from wegwijzer.site.view import View

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page as MkDocsPage

    from wegwijzer.site.context import BuildContext

NEARBY_KM = 5.0
NEARBY_PLACES = 6  # on an entry page
NEARBY_OFFERS = 6
NEARBY_AREA_PLACES = 10  # on a kern or wijk page
NEAREST_KM = 30.0  # a kern without places of its own shows the nearest places within this distance
NEAREST_PLACES = 5

Context = dict[str, Any]


@dataclass(frozen=True)
class Page:
    """A generated page. Subclasses set the template and make the context."""

    kind: str  # a route in core.urls
    key: str = ""
    title: str = ""
    description: str = ""

    template: ClassVar[str] = ""

    @property
    def url(self) -> str:
        return url_for(self.kind, self.key)

    @property
    def src_uri(self) -> str:
        """The path of its (generated) Markdown file, so content pages can link to it: 'thema/taal.md'."""
        return self.url.rstrip("/") + ".md" if self.url else "index.md"

    def markdown(self) -> str:
        meta = {"title": self.title, "template": self.template}
        if self.description:
            meta["description"] = self.description
        lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()] + ["---", ""]
        return "\n".join(lines)

    def context(self, ctx: BuildContext) -> Context:
        """The template context of this page (views may add to it)."""
        return {}


# --- entries ------------------------------------------------------------------------------


def _nearby_offers(cat: Catalog, entry, nearby: list[tuple[float, Location]]) -> list[tuple[float, Activity, Location]]:
    """Offers held at the nearby places, nearest first, each once."""
    offers = []
    seen = {entry.id}
    for d, p in nearby:
        for act in cat.activities_at.get(p.id, []):
            if act.id not in seen:
                seen.add(act.id)
                offers.append((d, act, p))
    return offers[:NEARBY_OFFERS]


def _where_unknown(cat: Catalog, entry: Location | Activity) -> str:
    """For an offer whose area is not known: that, and whom to ask; '' otherwise."""
    return contact.where_unknown(cat, entry) if isinstance(entry, Activity) and cat.area_unknown(entry) else ""


def entry_context(cat: Catalog, entry: Location | Activity) -> Context:
    """What a place or offer page shows besides the entry: offers held there, and what is nearby."""
    own = [entry] if isinstance(entry, Location) else cat.places_of(entry)
    nearby: list[tuple[float, Location]] = []
    if own:
        exclude = {entry.id} if isinstance(entry, Location) else set(entry.plekken)
        origin = own[0].coordinaten
        nearby = cat.nearby_places(origin.lat, origin.lon, NEARBY_KM, exclude=exclude, limit=NEARBY_PLACES)
    return {
        "entry": entry,
        "route": contact.route_of(cat, entry),
        "where_unknown": _where_unknown(cat, entry),
        "bel_112": contact.shows_112(entry),
        "activities_here": cat.activities_at.get(entry.id, []) if isinstance(entry, Location) else [],
        "nearby": nearby,
        "nearby_offers": _nearby_offers(cat, entry, nearby),
    }


@dataclass(frozen=True)
class PlacePage(Page):
    template: ClassVar[str] = "wegwijzer/plek.html"

    def context(self, ctx: BuildContext) -> Context:
        return entry_context(ctx.catalog, ctx.catalog.locations[self.key])


@dataclass(frozen=True)
class OfferPage(Page):
    template: ClassVar[str] = "wegwijzer/aanbod.html"

    def context(self, ctx: BuildContext) -> Context:
        return entry_context(ctx.catalog, ctx.catalog.activities[self.key])


def _place_description(cat: Catalog, loc: Location) -> str:
    kind = vocab.label("plek_soorten", loc.soort)
    return f"{kind} in {cat.region.areas[loc.woonkern].naam}. Adres, openingstijden en wat er te doen is."


# --- areas --------------------------------------------------------------------------------


def by_day(activities: list[Activity], today) -> list[tuple[str, list[Activity]]]:
    """Recurring offers per weekday; offers whose end date has passed are left out."""
    days = []
    for day in vocab.DAYS:
        acts = [a for a in activities if day in describe.weekdays(a, today)]
        if acts:
            days.append((day, acts))
    return days


def by_rule(activities: list[Activity], today) -> dict[str, list]:
    """Current recurring offers grouped by how often they are: weekly (per weekday), every two weeks, monthly.

    Each row is (offer, schedule item), so the page can say the rule and the times in words.
    """
    weekly: dict[str, list] = {day: [] for day in vocab.DAYS}
    groups: dict[str, list] = {"tweewekelijks": [], "maandelijks": []}
    for act in activities:
        for item in act.schema:
            if item.dag and describe.is_current(item, today):
                target = groups.get(item.herhaling, weekly[item.dag])
                target.append((act, item))

    def order(row):
        act, item = row
        return (vocab.DAY_NUMBER[item.dag], item.week_of_month % 5, item.van, sort_key(act))

    return {
        "wekelijks": [(day, sorted(rows, key=order)) for day, rows in weekly.items() if rows],
        "tweewekelijks": sorted(groups["tweewekelijks"], key=order),
        "maandelijks": sorted(groups["maandelijks"], key=order),
    }


WEEK_NAMES = json.dumps({"dagen": list(vocab.DAYS), "maanden": list(describe.MONTH_NAMES)}, ensure_ascii=False)


def schedule_data(activities: list[Activity], today) -> str:
    """The schedules as compact JSON for 'Deze week' (deze-week.js works out the dates in the browser)."""
    rows = []
    for act in activities:
        items = [
            {
                k: v
                for k, v in (
                    ("dag", i.dag),
                    ("datum", i.datum and i.datum.isoformat()),
                    ("van", i.van),
                    ("tot", i.tot),
                    ("h", i.herhaling),
                    ("week", i.week),
                    ("start", i.start and i.start.isoformat()),
                    ("eind", i.eind and i.eind.isoformat()),
                )
                if v is not None
            }
            for i in act.schema
            if describe.is_current(i, today)
        ]
        if items:
            rows.append({"naam": act.naam, "url": act.url, "schema": items})
    return json.dumps(rows, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class AreaPage(Page):
    """A gemeente, woonkern or wijk (kind is the area's level)."""

    template: ClassVar[str] = "wegwijzer/gebied.html"

    def context(self, ctx: BuildContext) -> Context:
        cat = ctx.catalog
        region = cat.region
        area = region.areas[self.key]
        places = cat.places_in.get(area.id, [])
        activities = [a for a in cat.activities_in.get(area.id, []) if a.plekken]
        children = [region.areas[c] for c in area.children]
        nearby: list[tuple[float, Location]] = []
        if area.level != "gemeente" and area.lat is not None and area.lon is not None:
            exclude = {p.id for p in places}
            nearby = cat.nearby_places(area.lat, area.lon, NEARBY_KM, exclude=exclude, limit=NEARBY_AREA_PLACES)
            if not places and not nearby:  # nothing close: still say what is nearest, with the distance
                nearby = cat.nearby_places(area.lat, area.lon, NEAREST_KM, limit=NEAREST_PLACES)
        counts = [(c, len(cat.places_in.get(c.id, [])), len(cat.activities_in.get(c.id, []))) for c in children]
        return {
            "area": area,
            "gemeente": region.gemeente_of(area.id),
            "parent": region.areas[area.parent] if area.parent else None,
            "children": counts,
            "places": places,
            "activities": activities,
            "by_day": by_day(activities, ctx.today),
            "by_rule": by_rule(activities, ctx.today),
            "week_data": schedule_data(activities, ctx.today),
            "week_names": WEEK_NAMES,
            "area_wide": cat.area_wide(area),
            "nearby": nearby,
        }


def _area_title(area: Area) -> str:
    return f"Gemeente {area.naam}" if area.level == "gemeente" else area.naam


# --- topics and lists ---------------------------------------------------------------------


# The heading of the offers whose area is not known (gebied: [onbekend]) in lists per gemeente.
UNKNOWN_GROUP = Area(UNKNOWN_AREA, "Waar het is, weten we nog niet", "onbekend", 0.0, 0.0)


def group_by_gemeente(cat: Catalog, acts: list[Activity]) -> list[tuple[Area | None, list[Activity]]]:
    """Offers per gemeente; an offer for the whole region is listed once under 'Hele regio'."""
    groups: list[tuple[Area | None, list[Activity]]] = []
    regional = [a for a in acts if "regio" in a.gebied]
    if regional:
        groups.append((None, sorted(regional, key=sort_key)))
    rest = [(a, cat.gemeenten_of(a)) for a in acts if "regio" not in a.gebied]
    for g in cat.region.gemeenten():
        members = [a for a, gemeenten in rest if g.id in gemeenten]
        if members:
            groups.append((g, sorted(members, key=sort_key)))
    unknown = [a for a in acts if cat.area_unknown(a)]
    if unknown:  # last, under its own heading: these are in no gemeente's list
        groups.append((UNKNOWN_GROUP, sorted(unknown, key=sort_key)))
    return groups


def home_context(cat: Catalog) -> Context:
    """The ways in: themes, gemeenten with their kernen, audiences (home, buurt and the two list pages)."""
    region = cat.region
    return {
        "themes": [(k, v, len(cat.by_theme.get(k, []))) for k, v in vocab.items("themas")],
        "gemeenten": [(g, [region.areas[k] for k in g.children]) for g in region.gemeenten()],
        "audiences": [(k, v, len(cat.by_audience.get(k, []))) for k, v in vocab.items("doelgroepen")],
        "counts": {"plekken": len(cat.locations), "aanbod": len(cat.listed())},
    }


@dataclass(frozen=True)
class ThemePage(Page):
    template: ClassVar[str] = "wegwijzer/thema.html"

    def context(self, ctx: BuildContext) -> Context:
        acts = ctx.catalog.by_theme.get(self.key, [])
        return {
            "theme": vocab.LISTS["themas"][self.key],
            "theme_id": self.key,
            "groups": group_by_gemeente(ctx.catalog, acts),
            "bel_112": contact.theme_shows_112(self.key),
        }


@dataclass(frozen=True)
class AudiencePage(Page):
    template: ClassVar[str] = "wegwijzer/doelgroep.html"

    def context(self, ctx: BuildContext) -> Context:
        acts = ctx.catalog.by_audience.get(self.key, [])
        return {
            "audience": vocab.LISTS["doelgroepen"][self.key],
            "audience_id": self.key,
            "groups": group_by_gemeente(ctx.catalog, acts),
        }


@dataclass(frozen=True)
class ThemesPage(Page):
    template: ClassVar[str] = "wegwijzer/themas.html"

    def context(self, ctx: BuildContext) -> Context:
        return home_context(ctx.catalog)


@dataclass(frozen=True)
class AudiencesPage(Page):
    template: ClassVar[str] = "wegwijzer/doelgroepen.html"

    def context(self, ctx: BuildContext) -> Context:
        return home_context(ctx.catalog)


@dataclass(frozen=True)
class NeighbourhoodPage(Page):
    template: ClassVar[str] = "wegwijzer/buurt.html"

    def context(self, ctx: BuildContext) -> Context:
        return home_context(ctx.catalog)


@dataclass(frozen=True)
class PlacesPage(Page):
    template: ClassVar[str] = "wegwijzer/plekken.html"

    def context(self, ctx: BuildContext) -> Context:
        cat = ctx.catalog
        return {"groups": [(g, list(cat.places_in.get(g.id, []))) for g in cat.region.gemeenten()]}


@dataclass(frozen=True)
class OffersPage(Page):
    template: ClassVar[str] = "wegwijzer/alle-aanbod.html"

    def context(self, ctx: BuildContext) -> Context:
        return {"groups": group_by_gemeente(ctx.catalog, ctx.catalog.listed())}


# --- the view -----------------------------------------------------------------------------


class CataloguePages(View):
    """The pages made from the catalogue: entries, areas, themes, audiences and the list pages."""

    name = "pages"

    def pages(self, ctx: BuildContext) -> Iterable[Page]:
        cat = ctx.catalog
        for loc in cat.locations.values():
            yield PlacePage("plek", loc.id, loc.naam, _place_description(cat, loc))
        for act in cat.activities.values():
            yield OfferPage("aanbod", act.id, act.naam, act.samenvatting)
        for area in cat.region.areas.values():
            yield AreaPage(
                area.level,
                area.id,
                _area_title(area),
                f"Plekken en aanbod in {area.naam}: ontmoeten, hulp en activiteiten dichtbij.",
            )
        for key, item in vocab.items("themas"):
            yield ThemePage("thema", key, item["label"], item["uitleg"])
        for key, item in vocab.items("doelgroepen"):
            if ("doelgroep", key) in ALIASES:  # "professionals": that page is site.professionals
                continue
            label = item["label"].lower()
            yield AudiencePage("doelgroep", key, f"Voor {label}", f"Aanbod voor {label} in de Kop van Noord-Holland.")
        yield ThemesPage("themas", title="Alle thema's", description="Kies een onderwerp en zie wat er is.")
        yield AudiencesPage("doelgroepen", title="Voor wie?", description="Kies voor wie je zoekt en zie wat er is.")
        yield NeighbourhoodPage(
            "buurt", title="Wat is er in mijn buurt?", description="Kies je woonplaats en zie wat er dichtbij is."
        )
        yield PlacesPage(
            "plekken", title="Alle plekken", description="Alle plekken om elkaar te ontmoeten en hulp te vinden."
        )
        yield OffersPage(
            "alle-aanbod",
            title="Al het aanbod",
            description="Alle activiteiten, initiatieven en hulp in de Kop van Noord-Holland.",
        )

    def context(self, ctx: BuildContext, page: Page | None, doc: MkDocsPage, context: Context) -> None:
        if page is None and doc.is_homepage:  # the hand-written home page (content/index.md)
            context.update(home_context(ctx.catalog))
