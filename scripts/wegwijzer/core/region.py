"""The region: the gemeenten, woonkernen and wijken of the Kop van Noord-Holland.

They come from ``data/woonkernen.yaml`` so editors can change them without code.
The controlled lists (themes, audiences, ...) are in ``vocab``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from wegwijzer.core import yamlsafe
from wegwijzer.core.urls import url_for
from wegwijzer.core.vocab import DATA_DIR

# Everything in the Kop van Noord-Holland lies inside this box (Texel to Winkel).
BOUNDS = {"lat_min": 52.68, "lat_max": 53.20, "lon_min": 4.55, "lon_max": 5.30}
REGION_ID = "regio"
REGION_NAME = "Kop van Noord-Holland"
# In `gebied`: the plan names an offer but not where it is. Pages say so in words and point to the gemeenten.
UNKNOWN_AREA = "onbekend"


@dataclass(frozen=True)
class Area:
    """A gemeente, woonkern or wijk: something a resident can call 'my place'."""

    id: str
    naam: str
    level: str  # "gemeente", "kern" or "wijk"
    lat: float
    lon: float
    parent: str | None = None  # gemeente id for a kern, kern id for a wijk
    children: tuple[str, ...] = field(default=())

    @property
    def url(self) -> str:
        return url_for(self.level, self.id)


@dataclass(frozen=True)
class Region:
    areas: dict[str, Area]

    def gemeenten(self) -> list[Area]:
        return [a for a in self.areas.values() if a.level == "gemeente"]

    def kernen(self, gemeente: str | None = None) -> list[Area]:
        return [a for a in self.areas.values() if a.level == "kern" and (gemeente is None or a.parent == gemeente)]

    def wijken(self, kern: str | None = None) -> list[Area]:
        return [a for a in self.areas.values() if a.level == "wijk" and (kern is None or a.parent == kern)]

    def gemeente_of(self, area_id: str) -> Area:
        area = self.areas[area_id]
        while area.parent is not None:
            area = self.areas[area.parent]
        return area


def inside_region(lat: float, lon: float) -> bool:
    return BOUNDS["lat_min"] <= lat <= BOUNDS["lat_max"] and BOUNDS["lon_min"] <= lon <= BOUNDS["lon_max"]


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (round(sum(p[0] for p in points) / len(points), 4), round(sum(p[1] for p in points) / len(points), 4))


def _load_areas(doc) -> dict[str, Area]:
    areas: dict[str, Area] = {}

    def add(area: Area) -> None:
        if area.id in areas:
            raise ValueError(f"woonkernen.yaml: de id '{area.id}' staat er twee keer in.")
        areas[area.id] = area

    for g in doc["gemeenten"]:
        kernen = g.get("kernen") or []
        if not kernen and g.get("lat") is None:
            raise ValueError(f"woonkernen.yaml: gemeente '{g['id']}' heeft geen kernen en geen lat en lon.")
        # A gemeente's centre is the mean of its kernen when not given.
        lat, lon = (
            (float(g["lat"]), float(g["lon"]))
            if g.get("lat") is not None
            else _centre([(float(k["lat"]), float(k["lon"])) for k in kernen])
        )
        add(Area(g["id"], g["naam"], "gemeente", lat, lon, None, tuple(k["id"] for k in kernen)))
        for k in kernen:
            wijken = k.get("wijken") or []
            children = tuple(w["id"] for w in wijken)
            add(Area(k["id"], k["naam"], "kern", float(k["lat"]), float(k["lon"]), g["id"], children))
            for w in wijken:
                add(Area(w["id"], w["naam"], "wijk", float(w["lat"]), float(w["lon"]), k["id"]))
    return areas


@cache
def load_region(data_dir: Path = DATA_DIR) -> Region:
    areas = _load_areas(yamlsafe.read(data_dir / "woonkernen.yaml").data)
    return Region(areas=areas)
