"""The open data on the site: the files under ``/open-data/`` and JSON-LD on every entry page."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from wegwijzer.core.catalog import Catalog
from wegwijzer.core.urls import url_for
from wegwijzer.opendata.geojson import geojson
from wegwijzer.opendata.hsds import hsds_locations, hsds_services
from wegwijzer.opendata.ical import calendar_events, ics_bytes
from wegwijzer.opendata.ids import FOLDER, dumps
from wegwijzer.opendata.jsonld import jsonld_activity, jsonld_place, jsonld_script
from wegwijzer.opendata.table import csv_text
from wegwijzer.site.context import BuildContext
from wegwijzer.site.pages import Context, OfferPage, Page, PlacePage
from wegwijzer.site.view import View

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page as MkDocsPage


def all_files(cat: Catalog, today: dt.date, base: str = "") -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        f"{FOLDER}/hsds/services.json": dumps(hsds_services(cat)),
        f"{FOLDER}/hsds/locations.json": dumps(hsds_locations(cat)),
        f"{FOLDER}/aanbod.csv": csv_text(cat, base).encode("utf-8"),
        f"{FOLDER}/plekken.geojson": dumps(geojson(cat, base)),
    }
    events = calendar_events(cat, today, base)
    files[f"{FOLDER}/activiteiten.ics"] = ics_bytes(
        [text for _, _, text in events], "De Wegwijzer van de Kop: activiteiten"
    )
    by_kern: dict[str, list[str]] = {}
    for kern_id, _, text in events:
        if kern_id:
            by_kern.setdefault(kern_id, []).append(text)
    for kern in cat.region.kernen():
        files[f"{FOLDER}/ics/{kern.id}.ics"] = ics_bytes(
            by_kern.get(kern.id, []), f"De Wegwijzer van de Kop: {kern.naam}"
        )
    return files


class OpenDataView(View):
    """Writes the open data files; adds JSON-LD to entry pages and the ICS list to the open data page."""

    name = "opendata"

    def files(self, ctx: BuildContext) -> dict[str, str | bytes]:
        return all_files(ctx.catalog, ctx.today, ctx.settings.site_url.rstrip("/"))

    def context(self, ctx: BuildContext, page: Page | None, doc: MkDocsPage, context: Context) -> None:
        cat = ctx.catalog
        base = ctx.settings.site_url.rstrip("/")
        if isinstance(page, PlacePage):
            context["ww_jsonld"] = jsonld_script(jsonld_place(cat, cat.locations[page.key], base))
        elif isinstance(page, OfferPage):
            context["ww_jsonld"] = jsonld_script(jsonld_activity(cat, cat.activities[page.key], base, ctx.today))
        elif page is None and doc.url == url_for("open-data"):
            kernen = sorted(cat.region.kernen(), key=lambda a: a.naam)
            context["ww_kernen_ics"] = [(k, f"{FOLDER}/ics/{k.id}.ics") for k in kernen]
