"""Maps without third parties: Leaflet from npm, tiles from one configurable host.

Which map where, and why (measured on this machine, folium 0.20):
- folium needs about 7 ms to render one map. For 10,000 entry pages that is more
  than a minute on its own, while the whole benchmark build must stay under 60 s.
- So folium builds the maps where it pays: the overview page ``/kaart/`` and the
  gemeente, kern and wijk pages (fewer than a hundred pages). Their markers come
  from a custom folium element that feeds compact data to ``kaart.js``
  (inline for an area, the shared ``kaart/plekken.geojson`` for the overview).
- Entry pages (plek and aanbod) get a ``<div data-ww-kaart>`` with the coordinates in
  a data attribute; the shared, cached ``kaart.js`` draws the map. Cost: microseconds.

Each folium map's script is written to its own file (``assets/kaarten/<hash>.js``), named
after its content, so pages have no inline script and the Content-Security-Policy can
forbid them (``site.security``).

Only folium's JavaScript (the ``L.map`` setup) is used, never its page header: that
header loads Leaflet, jQuery, Bootstrap and Font Awesome from CDNs and sets a viewport
that blocks pinch-zoom. Leaflet and Leaflet.markercluster are copied from
``node_modules/`` into ``assets/vendor/``. Every request is same-origin except tiles.

Tiles (``site.tiles``): kaart.js adds the background layer to every map. With tiles from
OpenStreetMap it first shows a placeholder with a "Kaart tonen" button and draws no map
until the visitor agrees; with a self-hosted PMTiles archive it draws at once.

Every map repeats places that are also a plain list on the same page, and the map
box stays hidden until JavaScript draws it, so each page works without it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, cast

import folium
from branca.element import Element, Figure, MacroElement
from folium.plugins import MarkerCluster
from jinja2 import Template
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from wegwijzer.core.catalog import Catalog
from wegwijzer.core.urls import url_for
from wegwijzer.site import tiles
from wegwijzer.site.context import BuildContext
from wegwijzer.site.pages import AreaPage, Context, OfferPage, Page, PlacePage
from wegwijzer.site.view import View

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page as MkDocsPage

VENDOR_DIR = "assets/vendor"
# (package file in node_modules, path in the site)
VENDOR_FILES = [
    ("leaflet/dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet/dist/images/marker-icon.png", "leaflet/images/marker-icon.png"),
    ("leaflet/dist/images/marker-icon-2x.png", "leaflet/images/marker-icon-2x.png"),
    ("leaflet/dist/images/marker-shadow.png", "leaflet/images/marker-shadow.png"),
    ("leaflet/dist/images/layers.png", "leaflet/images/layers.png"),
    ("leaflet/dist/images/layers-2x.png", "leaflet/images/layers-2x.png"),
    ("leaflet/LICENSE", "leaflet/LICENSE"),
    ("leaflet.markercluster/dist/leaflet.markercluster.js", "leaflet.markercluster/leaflet.markercluster.js"),
    ("leaflet.markercluster/dist/MarkerCluster.css", "leaflet.markercluster/MarkerCluster.css"),
    ("leaflet.markercluster/dist/MarkerCluster.Default.css", "leaflet.markercluster/MarkerCluster.Default.css"),
    ("leaflet.markercluster/MIT-LICENCE.txt", "leaflet.markercluster/MIT-LICENCE.txt"),
]
GEOJSON_PATH = "kaart/plekken.geojson"
SCRIPT_DIR = "assets/kaarten"  # the script of each folium map, as a file: no inline script (CSP)
OVERVIEW_PAGE = "kaart.md"
CLUSTER_FROM = 1  # more markers than this: cluster them. Markers that overlap are too small to tap
# (WCAG 2.2, 2.5.8), so every map with more than one marker merges close ones into a cluster button.
ENTRY_ZOOM = 15
CENTER = (52.88, 4.85)  # middle of the Kop van Noord-Holland


# --- data ------------------------------------------------------------------------------


def marker_titles(locations) -> dict[str, str]:
    """A unique, readable title for every place: its name, plus the kern or address when names repeat."""
    names = Counter(loc.naam.casefold() for loc in locations)
    titles: dict[str, str] = {}
    for loc in locations:
        title = loc.naam
        if names[loc.naam.casefold()] > 1:
            title = f"{loc.naam}, {loc.adres.one_line() if loc.adres else loc.woonkern}"
        titles[loc.id] = title
    seen = Counter(t.casefold() for t in titles.values())
    for pid, title in titles.items():
        if seen[title.casefold()] > 1:  # same name and address: fall back to the id, which is unique
            titles[pid] = f"{title} ({pid})"
    return titles


def _row(loc, title: str) -> list:
    return [round(loc.coordinaten.lat, 5), round(loc.coordinaten.lon, 5), title, loc.url]


def places_geojson(catalog, titles: dict[str, str]) -> str:
    """All places as compact GeoJSON (RFC 7946: lon before lat), one feature per line."""
    lines = []
    for loc in catalog.locations.values():
        feature = {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [round(loc.coordinaten.lon, 5), round(loc.coordinaten.lat, 5)],
            },
            "properties": {"titel": titles[loc.id], "url": loc.url},
        }
        lines.append(json.dumps(feature, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


# --- folium ----------------------------------------------------------------------------


class PlaceMarkers(MacroElement):
    """Markers from compact rows or from the shared GeoJSON, drawn by kaart.js (same origin)."""

    _template = Template("""
{% macro script(this, kwargs) %}
WegwijzerKaart.label({{ this.map_ref.get_name() }}, {{ this.label | tojson }});
WegwijzerKaart.tiles({{ this.map_ref.get_name() }});
WegwijzerKaart.nameClusters({{ this.map_ref.get_name() }});
WegwijzerKaart.{{ "addGeoJSON" if this.url else "addRows" -}}
({{ this._parent.get_name() }}, {{ (this.url or this.rows) | tojson }}, {{ this.base | tojson }});
{% endmacro %}
""")

    def __init__(self, map_ref, label: str, rows=None, url=None, base=""):
        super().__init__()
        self._name = "PlaceMarkers"
        self.map_ref = map_ref
        self.label = label
        self.rows = rows or []
        self.url = url
        self.base = base


def _stable_ids(element: Element, counter: list) -> None:
    """folium names elements with random hex ids; number them instead so builds are reproducible."""
    counter[0] += 1
    element._id = f"ww{counter[0]}"
    for child in element._children.values():
        _stable_ids(child, counter)


def folium_map(
    base: str,
    rows: list[list] | None = None,
    url: str | None = None,
    center: tuple[float, float] = CENTER,
    zoom: int = 10,
) -> dict:
    """Render a folium map to the two pieces a page needs: the map div and its script.

    Either ``rows`` (compact marker rows, drawn inline) or ``url`` (the shared GeoJSON).
    """
    rows = rows or []
    if len(rows) == 1 and url is None:
        center, zoom = (rows[0][0], rows[0][1]), ENTRY_ZOOM
    # No tile layer here: kaart.js adds it (after consent, or from the site's own PMTiles).
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, scrollWheelZoom=False, control_scale=False)
    many = url is not None or len(rows) > CLUSTER_FROM
    target: folium.Map | MarkerCluster = m
    if many:
        options = {"showCoverageOnHover": False, "maxClusterRadius": 80, "animate": False}
        target = MarkerCluster(options=options)
        target.add_to(m)
    label = (
        "Kaart met alle plekken"
        if url
        else ("Kaart met 1 plek" if len(rows) == 1 else f"Kaart met {len(rows)} plekken")
    )
    PlaceMarkers(m, label, rows=rows, url=url, base=base).add_to(target)
    if len(rows) > 1 and url is None:
        lats = [r[0] for r in rows]
        lons = [r[1] for r in rows]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], max_zoom=ENTRY_ZOOM, padding=(20, 20))
    _stable_ids(m, [0])
    root = cast(Figure, m.get_root())
    root.render()
    return {
        "id": m.get_name(),
        # Markup: folium's own HTML and JS, rendered by code (our templates escape plain strings).
        "html": Markup(root.html.render().strip()),
        "script": Markup(root.script.render().strip()),
        "cluster": many,
        "count": len(rows) if url is None else None,
    }


# --- the view ---------------------------------------------------------------------------


class MapView(View):
    """Leaflet and markercluster (vendored), the overview map, the area maps and the entry maps."""

    name = "maps"

    def __init__(self) -> None:
        self.titles: dict[str, str] = {}
        self.scripts: dict[str, str] = {}  # path in the site -> the script of one or more folium maps

    def start(self, ctx: BuildContext) -> None:
        tiles.check(ctx.settings)
        self.titles = marker_titles(ctx.catalog.locations.values())

    def files(self, ctx: BuildContext) -> dict[str, str | bytes]:
        modules = ctx.settings.node_modules
        files: dict[str, str | bytes] = {}
        for source, target in VENDOR_FILES:
            path = modules / source
            if not path.is_file():
                raise PluginError(
                    f"Het bestand node_modules/{source} ontbreekt. Draai eerst make install "
                    "(dat haalt Leaflet voor de kaarten)."
                )
            files[f"{VENDOR_DIR}/{target}"] = path.read_bytes()
        files[GEOJSON_PATH] = places_geojson(ctx.catalog, self.titles)
        files.update(tiles.vendor_files(ctx.settings))
        return files

    def finish(self, ctx: BuildContext, site_dir: Path) -> None:
        tiles.copy_archive(ctx.settings, site_dir)
        for path, body in sorted(self.scripts.items()):  # the folium maps' scripts (see _script_file)
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")

    def context(self, ctx: BuildContext, page: Page | None, doc: MkDocsPage, context: Context) -> None:
        base = (context.get("base_url") or ".").rstrip("/") + "/"
        context["ww_base"] = base
        context["ww_tegels"] = tiles.config_json(ctx.settings, base)
        context["ww_tegels_eigen"] = tiles.self_hosted(ctx.settings)
        context["ww_tegels_naam"] = tiles.provider_name(ctx.settings)
        if page is None:
            if doc.url == url_for("kaart"):
                context["ww_kaart"] = self._script_file(folium_map(base, url=base + GEOJSON_PATH), base)
                context["ww_kaart_groups"] = overview_groups(ctx.catalog)
                context["ww_kaart_titles"] = self.titles
        elif isinstance(page, AreaPage):
            self._area_map(ctx, context, base)
        elif isinstance(page, PlacePage | OfferPage):
            self._entry_map(ctx, context, base)

    def _area_map(self, ctx: BuildContext, context: Context, base: str) -> None:
        area = context["area"]
        places = list(context.get("places", []))
        shown = {p.id for p in places}
        for _, p in context.get("nearby", []):  # a kern without places of its own shows what is near
            if p.id not in shown:
                places.append(p)
                shown.add(p.id)
        if not places:
            return
        rows = [_row(p, self.titles[p.id]) for p in places]
        center = (area.lat or CENTER[0], area.lon or CENTER[1])
        context["ww_kaart"] = self._script_file(folium_map(base, rows=rows, center=center), base)

    def _script_file(self, kaart: dict, base: str) -> dict:
        """Put the map's script in a file named after its content; the page loads it with 'src'."""
        body = (
            "(function () {\n"
            "  if (!window.L || !window.WegwijzerKaart) return;\n"
            f"  WegwijzerKaart.later({json.dumps(kaart['id'])}, function () {{\n"
            f"{kaart['script']}\n"
            "  });\n"
            "})();\n"
        )
        path = f"{SCRIPT_DIR}/{hashlib.sha256(body.encode()).hexdigest()[:16]}.js"
        self.scripts[path] = body
        return {**kaart, "src": base + path}

    def _entry_map(self, ctx: BuildContext, context: Context, base: str) -> None:
        entry = context["entry"]
        places = [entry] if entry.kind == "plek" else ctx.catalog.places_of(entry)
        if not places:
            return
        data = {
            "rows": [_row(p, self.titles[p.id]) for p in places],
            "base": base,
            "zoom": ENTRY_ZOOM,
        }
        context["ww_kaart_entry"] = json.dumps(
            data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        )
        context["ww_kaart_count"] = len(places)


def overview_groups(cat: Catalog):
    """Places per gemeente and kern, for the list beside the overview map."""
    groups = []
    for g in cat.region.gemeenten():
        kernen = []
        for kern_id in g.children:
            places = list(cat.places_in.get(kern_id, []))
            if places:
                kernen.append((cat.region.areas[kern_id], places))
        if kernen:
            groups.append((g, kernen))
    return groups
