"""Map tiles: what the background of a map is drawn from, and who learns about it.

Two choices, set in mkdocs.yml (plugin settings ``tiles``, ``tile_url``, ``pmtiles_file``, ``pmtiles_url``):

- ``osm`` (the default): raster tiles from ``tile_url`` (OpenStreetMap). The tile host learns
  the visitor's IP address and which area they look at, so no tile is asked for until the
  visitor presses "Kaart tonen"; the browser remembers that choice (kaart.js, localStorage).
- ``pmtiles``: vector tiles from one PMTiles archive on the site's own host, drawn in the
  browser by protomaps-leaflet (vendored from npm). No consent is needed: nothing leaves the site.

This module checks the settings (Dutch errors), tells the pages and kaart.js what to load,
vendors the renderer and copies the archive into the site.
"""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from wegwijzer.site.context import Settings

CHOICES = ("osm", "pmtiles")
PMTILES_PATH = "kaart/tegels.pmtiles"  # where pmtiles_file is copied to in the site
RENDERER = ("protomaps-leaflet/dist/protomaps-leaflet.js", "assets/vendor/protomaps-leaflet/protomaps-leaflet.js")
LICENCES = "assets/vendor/protomaps-leaflet/LICENSES.txt"
# The packages bundled into protomaps-leaflet.js: their licences go along with it.
BUNDLED = (
    "protomaps-leaflet",
    "pmtiles",
    "@protomaps/basemaps",
    "@mapbox/point-geometry",
    "@mapbox/vector-tile",
    "color2k",
    "pbf",
    "potpack",
    "rbush",
    "quickselect",
    "fflate",
)
PMTILES_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers, '
    'kaartstijl <a href="https://protomaps.com">Protomaps</a>'
)


def self_hosted(settings: Settings) -> bool:
    """True when the map background comes from the site itself (no consent, no outside request)."""
    return settings.tiles == "pmtiles"


def tile_host(settings: Settings) -> str:
    """The outside host that serves tiles ('' when the tiles come from the site itself)."""
    if self_hosted(settings):
        return ""
    return urlsplit(settings.tile_url.replace("{s}", "a")).hostname or ""


def provider_name(settings: Settings) -> str:
    """Who serves the tiles, in words a visitor knows: 'OpenStreetMap' or the host name."""
    host = tile_host(settings)
    if host == "openstreetmap.org" or host.endswith(".openstreetmap.org"):
        return "OpenStreetMap"
    return host


def check(settings: Settings) -> None:
    """Stop the build with a plain Dutch message when the tile settings cannot work."""
    if settings.tiles not in CHOICES:
        raise PluginError(
            f"mkdocs.yml: tiles: {settings.tiles!r} ken ik niet. Schrijf tiles: osm (kaartjes van OpenStreetMap, "
            "pas na toestemming) of tiles: pmtiles (eigen kaartbestand)."
        )
    if not self_hosted(settings):
        if not tile_host(settings):
            raise PluginError(f"mkdocs.yml: tile_url {settings.tile_url!r} is geen webadres. Begin met https://.")
        return
    if bool(settings.pmtiles_file) == bool(settings.pmtiles_url):
        raise PluginError(
            "mkdocs.yml: met tiles: pmtiles hoort precies één van deze twee: pmtiles_file (een .pmtiles-bestand "
            "in het project) of pmtiles_url (het pad op je eigen site, bijvoorbeeld /tegels/kop.pmtiles)."
        )
    if settings.pmtiles_file and not archive(settings).is_file():
        raise PluginError(
            f"mkdocs.yml: pmtiles_file {settings.pmtiles_file!r} bestaat niet. Maak het kaartbestand met "
            "pmtiles extract (zie de README, kopje Kaarten) of zet tiles: osm."
        )
    if settings.pmtiles_file:
        max_zoom(settings)  # checks that it is a PMTiles archive of vector tiles
    if settings.pmtiles_url:
        parts = urlsplit(settings.pmtiles_url)
        if parts.scheme or parts.netloc or not settings.pmtiles_url.startswith("/"):
            raise PluginError(
                f"mkdocs.yml: pmtiles_url {settings.pmtiles_url!r} moet een pad op je eigen site zijn, "
                "zoals /tegels/kop.pmtiles. Een ander webadres zou bezoekers weer naar een andere server sturen."
            )


def archive(settings: Settings) -> Path:
    return (settings.project_dir / settings.pmtiles_file).resolve()


def max_zoom(settings: Settings) -> int:
    """The highest zoom level with data in pmtiles_file (the map zooms in further by scaling it up).

    Reads the 127-byte header of a PMTiles v3 archive: byte 99 is the tile type (1 = vector), byte 101 max zoom.
    """
    with archive(settings).open("rb") as f:
        head = f.read(127)
    if len(head) < 127 or head[:7] != b"PMTiles" or head[7] != 3:
        raise PluginError(
            f"mkdocs.yml: pmtiles_file {settings.pmtiles_file!r} is geen PMTiles-bestand (versie 3). "
            "Maak het opnieuw met pmtiles extract (zie de README, kopje Kaarten)."
        )
    if head[99] != 1:
        raise PluginError(
            f"mkdocs.yml: pmtiles_file {settings.pmtiles_file!r} heeft geen vectortegels. "
            "Gebruik een extract van een Protomaps-kaart (zie de README, kopje Kaarten)."
        )
    return head[101]


def config(settings: Settings, base: str) -> dict[str, Any]:
    """What kaart.js needs to draw the background (put on the map box as JSON)."""
    if self_hosted(settings):
        url = settings.pmtiles_url or base + PMTILES_PATH
        data_zoom = _max_zoom_cached(settings) if settings.pmtiles_file else 15
        return {"soort": "pmtiles", "url": url, "attribution": PMTILES_ATTRIBUTION, "maxzoom": data_zoom}
    return {
        "soort": "osm",
        "url": settings.tile_url,
        "attribution": settings.tile_attribution,
        "naam": provider_name(settings),
    }


@functools.lru_cache(maxsize=4)
def _max_zoom_cached(settings: Settings) -> int:
    return max_zoom(settings)


def config_json(settings: Settings, base: str) -> str:
    return json.dumps(config(settings, base), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def vendor_files(settings: Settings) -> dict[str, str | bytes]:
    """protomaps-leaflet (pmtiles included) and the licences of what it bundles; nothing for tiles: osm."""
    if not self_hosted(settings):
        return {}
    modules = settings.node_modules
    source = modules / RENDERER[0]
    if not source.is_file():
        raise PluginError(
            f"Het bestand node_modules/{RENDERER[0]} ontbreekt. Draai eerst make install "
            "(dat haalt protomaps-leaflet voor de eigen kaart)."
        )
    return {RENDERER[1]: source.read_bytes(), LICENCES: _licences(modules)}


def _licences(modules: Path) -> str:
    parts = ["protomaps-leaflet.js bundles these packages (from npm). Their licences follow.\n"]
    for name in BUNDLED:
        # the version it was built with, where npm nested it
        nested = modules / "protomaps-leaflet" / "node_modules" / name
        folder = nested if nested.is_dir() else modules / name
        meta = json.loads((folder / "package.json").read_text(encoding="utf-8"))
        parts.append(f"\n===== {name} {meta.get('version', '')} ({meta.get('license', 'see package')}) =====\n")
        texts = sorted(p for p in folder.iterdir() if p.name.upper().startswith(("LICENSE", "LICENCE")))
        parts.append(texts[0].read_text(encoding="utf-8") if texts else "(no licence file in the package)\n")
    return "".join(parts)


def copy_archive(settings: Settings, site_dir: Path) -> None:
    """Copy pmtiles_file into the site (after the build: the archive can be tens of megabytes)."""
    if self_hosted(settings) and settings.pmtiles_file:
        target = site_dir / PMTILES_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(archive(settings), target)
