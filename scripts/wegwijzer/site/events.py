""" "Binnenkort": the coming one-off events (``core.events``) on the home, area and theme pages, and the
page with all of them (``/binnenkort/``, by month).

Every list is made at build time from dated schedule items on or after the build date, in date
order; the guide pages make their own (``site.guides``). A list shows the first few and links to the
page with all of them. Between two builds ``binnenkort.js`` hides the events whose date has passed,
with the visitor's own clock (each item carries its date).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from wegwijzer.core import events
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.model import Activity
from wegwijzer.core.region import Area
from wegwijzer.core.urls import url_for
from wegwijzer.site.context import BuildContext
from wegwijzer.site.pages import AreaPage, Page, ThemePage
from wegwijzer.site.view import View

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.pages import Page as MkDocsPage


def area_offers(cat: Catalog, area: Area) -> list[Activity]:
    """The offers of an area and those without a fixed place that serve it (its gemeente or the region)."""
    own = cat.activities_in.get(area.id, [])
    ids = {a.id for a in own}
    return own + [a for a in cat.area_wide(area) if a.id not in ids]


@dataclass(frozen=True)
class EventsPage(Page):
    """Every coming one-off event of the region, by month."""

    template: ClassVar[str] = "wegwijzer/binnenkort.html"

    def context(self, ctx: BuildContext) -> dict[str, Any]:
        found = events.upcoming(ctx.catalog.listed(), ctx.today)
        return {"months": events.by_month(found), "event_count": len(found)}


class EventsView(View):
    """Adds ``binnenkort`` (a list of ``events.Upcoming``) to the pages that show coming events; owns /binnenkort/."""

    name = "events"

    def pages(self, ctx: BuildContext) -> Iterable[Page]:
        if events.upcoming(ctx.catalog.listed(), ctx.today):  # no page that only says there is nothing
            yield EventsPage(
                "binnenkort",
                title="Binnenkort",
                description="Voorlichtingen, webinars, bijeenkomsten en markten in de Kop van Noord-Holland.",
            )

    def jinja(self, ctx: BuildContext, env: Environment, ww: dict[str, Any]) -> None:
        ww["event_where"] = lambda event: events.where_text(ctx.catalog, event)
        ww["binnenkort_url"] = url_for("binnenkort") if events.upcoming(ctx.catalog.listed(), ctx.today) else ""

    def context(self, ctx: BuildContext, page: Page | None, doc: MkDocsPage, context: dict[str, Any]) -> None:
        cat = ctx.catalog
        if page is None and doc.is_homepage:
            context["binnenkort"] = events.binnenkort(cat.listed(), ctx.today)
        elif isinstance(page, AreaPage):
            context["binnenkort"] = events.binnenkort(area_offers(cat, cat.region.areas[page.key]), ctx.today)
        elif isinstance(page, ThemePage):
            context["binnenkort"] = events.binnenkort(cat.by_theme.get(page.key, []), ctx.today)
