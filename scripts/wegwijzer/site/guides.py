"""The pages of the life-event guides (``core.guides``): a way in for a resident in a situation.

- ``/gids/``: every guide ("Waar gaat het om?");
- ``/gids/<guide>/``: the guide for the whole region, with a choice of gemeente or woonkern;
- ``/gids/<guide>/<area>/``: the same guide for one gemeente or woonkern, with what is near first
  ("In Julianadorp en dichtbij"); a wijk links to the page of its woonkern;
- ``/folder/gids/<guide>/<gemeente>/``: the guide as an A4 leaflet for one gemeente (two sides at most,
  with a QR code), printed by ``wegwijzer folders`` like the area leaflets;
- ``/redactie/gidsen/``: for editors, why each guide exists (the signals it answers) and what it shows.
  The signals appear only there: never on a guide page, a leaflet or in the search index.

The view also offers the guides on the home page, on area pages and on theme pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from wegwijzer.core import contact, guide_select, vocab
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.guides import Guide
from wegwijzer.core.region import Area
from wegwijzer.core.urls import url_for
from wegwijzer.site.context import BuildContext
from wegwijzer.site.guide_leaflets import GuideLeafletPage
from wegwijzer.site.pages import AreaPage, Context, Page, ThemePage
from wegwijzer.site.view import View

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.pages import Page as MkDocsPage


def variant_area(cat: Catalog, area: Area) -> Area:
    """The area a guide has a page for: a gemeente or woonkern (a wijk uses its woonkern)."""
    return cat.region.areas[area.parent] if area.level == "wijk" and area.parent else area


def guide_areas(cat: Catalog) -> list[Area]:
    return [a for a in cat.region.areas.values() if a.level in ("gemeente", "kern")]


def health_guide(cat: Catalog) -> Guide | None:
    """The guide that walks through the dimensions of Positieve Gezondheid ('Hoe gaat het met je?')."""
    return next((g for g in cat.guides.values() if g.meta.per_onderdeel), None)


def helplines(cat: Catalog, guide: Guide) -> list[tuple[Any, contact.Route]]:
    return [(act, contact.route_of(cat, act)) for act in guide_select.helplines(cat, guide)]


def guide_context(ctx: BuildContext, guide: Guide, area: Area | None) -> Context:
    cat = ctx.catalog
    region = cat.region
    gemeente = region.gemeente_of(area.id) if area else None
    blocks = guide_select.area_blocks(cat, guide, area) if area else guide_select.region_blocks(cat, guide)
    theme = guide.meta.themas[0] if guide.meta.themas else ""
    for block in blocks:
        if block.more and theme:
            block.link, block.link_text = url_for("thema", theme), f"Meer over {vocab.label('themas', theme).lower()}"
    dimensions = {}
    if guide.meta.per_onderdeel:
        dimensions = {d: guide_select.dimension_rows(cat, guide, d, area) for d in guide.meta.gezondheid}
    return {
        "guide": guide,
        "area": area,
        "gemeente": gemeente,
        "blocks": [] if guide.meta.per_onderdeel else blocks,
        "dimension_blocks": dimensions,
        "helplines": helplines(cat, guide),
        "binnenkort": guide_select.upcoming(cat, guide, ctx.today, area),
        "binnenkort_titel": f"Binnenkort in en rond {area.naam}" if area else "Binnenkort",
        "place_choice": [(g, [region.areas[k] for k in g.children]) for g in region.gemeenten()],
        "flyers": [(g, url_for("folder-gids", f"{guide.id}/{g.id}")) for g in region.gemeenten()],
        "themes": [(t, vocab.label("themas", t)) for t in guide.meta.themas],
        "health": [(d, vocab.label("gezondheid", d)) for d in guide.meta.gezondheid],
        "health_guide": health_guide(cat),
    }


@dataclass(frozen=True)
class GuidePage(Page):
    template: ClassVar[str] = "wegwijzer/gids.html"

    def context(self, ctx: BuildContext) -> Context:
        return guide_context(ctx, ctx.catalog.guides[self.key], None)


@dataclass(frozen=True)
class GuideAreaPage(Page):
    """A guide for one gemeente or woonkern (key: '<guide>/<area>')."""

    template: ClassVar[str] = "wegwijzer/gids.html"

    def context(self, ctx: BuildContext) -> Context:
        guide_id, area_id = self.key.split("/")
        return guide_context(ctx, ctx.catalog.guides[guide_id], ctx.catalog.region.areas[area_id])


@dataclass(frozen=True)
class GuidesPage(Page):
    template: ClassVar[str] = "wegwijzer/gidsen.html"


# --- the editors' page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GuideReport:
    guide: Guide
    signals: list
    pool: int
    per_gemeente: list[tuple[Area, int]]
    unknown: int
    picked: list[tuple[str, str]]  # (id, state in words)

    @property
    def gaps(self) -> list[str]:
        """The gemeenten where the guide has nothing on a fixed place or for the whole gemeente."""
        return [g.naam for g, n in self.per_gemeente if n == 0]


def guide_report(ctx: BuildContext, guide: Guide) -> GuideReport:
    cat = ctx.catalog
    listed = {a.id for a in cat.listed()}
    picked = []
    for oid in guide.meta.aanbod:
        picked.append((oid, "staat op de gids" if oid in listed else "afgelopen: staat niet meer op de gids"))
    per_gemeente = []
    for g in cat.region.gemeenten():
        rows = guide_select.ranked(cat, guide, g)
        per_gemeente.append((g, sum(1 for r in rows if r.where in (guide_select.NEAR, guide_select.GEMEENTE))))
    pool = guide_select.pool(cat, guide)
    return GuideReport(
        guide,
        guide.signals(ctx.settings.include_examples),
        len(pool),
        per_gemeente,
        sum(1 for a in pool if cat.area_unknown(a)),
        picked,
    )


@dataclass(frozen=True)
class GuidesEditorsPage(Page):
    template: ClassVar[str] = "wegwijzer/redactie-gidsen.html"

    def context(self, ctx: BuildContext) -> Context:
        return {"reports": [guide_report(ctx, g) for g in ctx.catalog.guides.values()]}


# --- the view ------------------------------------------------------------------------------------


class GuidesView(View):
    """Owns the guide pages, their leaflets and the editors' page; offers the guides elsewhere."""

    name = "guides"

    def pages(self, ctx: BuildContext) -> Iterable[Page]:
        cat = ctx.catalog
        if not cat.guides:
            return
        yield GuidesPage(
            "gidsen", title="Waar gaat het om?", description="Kies wat bij jou past en lees wat je kunt doen."
        )
        for guide in cat.guides.values():
            yield GuidePage("gids", guide.id, guide.titel, guide.intro)
            for area in guide_areas(cat):
                title = f"{guide.titel}: {area.naam}"
                yield GuideAreaPage("gids-gebied", f"{guide.id}/{area.id}", title, guide.intro)
            for g in cat.region.gemeenten():
                yield GuideLeafletPage("folder-gids", f"{guide.id}/{g.id}", f"Folder: {guide.titel} ({g.naam})")
        yield GuidesEditorsPage(
            "redactie-gidsen",
            title="Gidsen: waarom en wat erin staat",
            description="Voor de redactie: de signalen achter elke gids en het aanbod dat de gids laat zien.",
        )

    def jinja(self, ctx: BuildContext, env: Environment, ww: dict[str, Any]) -> None:
        health = health_guide(ctx.catalog)
        ww["guides"] = list(ctx.catalog.guides.values())
        ww["health_url"] = health.url if health else ""

    def context(self, ctx: BuildContext, page: Page | None, doc: MkDocsPage, context: dict[str, Any]) -> None:
        cat = ctx.catalog
        if isinstance(page, AreaPage):
            area = variant_area(cat, cat.region.areas[page.key])
            context["area_guides"] = [(g, url_for("gids-gebied", f"{g.id}/{area.id}")) for g in cat.guides.values()]
            context["area_guides_for"] = area
        elif isinstance(page, ThemePage):
            context["theme_guides"] = [g for g in cat.guides.values() if page.key in g.meta.themas]
