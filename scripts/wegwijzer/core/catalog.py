"""The validated catalogue: every entry plus the indexes all views share.

Views (pages, search, maps, leaflets, exports) read only from here; none of
them reads YAML.

Offers that have ended (``freshness.has_ended`` on the catalogue's ``today``) stay in
``activities`` (their page stays and says "Afgelopen"), but leave every derived list:
``listed()``, ``activities_at``, ``activities_in``, ``by_theme`` and ``by_audience``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from wegwijzer.core.freshness import has_ended
from wegwijzer.core.gemeenten import Gemeente

if TYPE_CHECKING:
    from wegwijzer.core.guides import Guide
from wegwijzer.core.model import Activity, Location
from wegwijzer.core.region import REGION_ID, UNKNOWN_AREA, Area, Region

E = TypeVar("E", Location, Activity)
GRID = 0.05  # degrees; a cell is about 5 by 3.5 km here
UNKNOWN_WHERE = "nog niet bekend"  # after "Waar:" on cards and leaflets, for an offer with gebied: [onbekend]


def sort_key(entry) -> tuple:
    return (entry.naam.casefold(), entry.id)


def organisation_key(name: str) -> str:
    """The same organisation however it is written: 'Veilig  thuis' and 'Veilig Thuis' match."""
    return " ".join(name.casefold().split())


def _ordered(index: Mapping[str, list[E]]) -> dict[str, list[E]]:
    """An index with its keys sorted and each list in name order: the same input gives the same output."""
    return {k: sorted(v, key=sort_key) for k, v in sorted(index.items())}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; fast enough to compare thousands of places."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(math.sqrt(a))


def _by_organisation(entries: list[Location | Activity]) -> dict[str, list[Location | Activity]]:
    index: defaultdict[str, list[Location | Activity]] = defaultdict(list)
    for entry in entries:
        if entry.organisatie:
            index[organisation_key(entry.organisatie)].append(entry)
    return {k: sorted(v, key=sort_key) for k, v in sorted(index.items())}


@dataclass
class Catalog:
    region: Region
    locations: dict[str, Location]
    activities: dict[str, Activity]
    problems: list = field(default_factory=list)
    today: dt.date | None = None  # the date the site describes; None: no offer has ended
    gemeenten: Mapping[str, Gemeente] = field(default_factory=dict)  # how to reach each gemeente and its loket
    examples_left_out: int = 0  # example entries in the data that this catalogue leaves out
    guides: dict[str, Guide] = field(default_factory=dict)  # life-event guides (core.guides), in their order
    # derived indexes
    activities_at: dict[str, list[Activity]] = field(default_factory=dict)
    places_in: dict[str, list[Location]] = field(default_factory=dict)
    activities_in: dict[str, list[Activity]] = field(default_factory=dict)
    by_theme: dict[str, list[Activity]] = field(default_factory=dict)
    by_audience: dict[str, list[Activity]] = field(default_factory=dict)
    by_organisation: dict[str, list[Location | Activity]] = field(default_factory=dict)  # key: organisation_key()
    _grid: dict = field(default_factory=dict)
    _nearby_memo: dict = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        region: Region,
        locations: dict,
        activities: dict,
        include_examples: bool = True,
        today: dt.date | None = None,
        gemeenten: Mapping[str, Gemeente] | None = None,
    ) -> Catalog:
        total = len(locations) + len(activities)
        if not include_examples:
            locations = {k: v for k, v in locations.items() if not v.voorbeeld}
            activities = {k: v for k, v in activities.items() if not v.voorbeeld}
        locations = dict(sorted(locations.items()))
        activities = dict(sorted(activities.items()))
        cat = cls(region, locations, activities, today=today, gemeenten=dict(gemeenten or {}))
        cat.examples_left_out = total - len(locations) - len(activities)
        cat._index()
        return cat

    def _index(self) -> None:
        places_in: defaultdict[str, list[Location]] = defaultdict(list)
        for loc in self.locations.values():
            for area in self.areas_of_location(loc):
                places_in[area].append(loc)
            lat, lon = loc.coordinaten.lat, loc.coordinaten.lon
            self._grid.setdefault((int(lat // GRID), int(lon // GRID)), []).append((lat, lon, loc.id, loc))
        at: defaultdict[str, list[Activity]] = defaultdict(list)
        acts_in: defaultdict[str, list[Activity]] = defaultdict(list)
        by_theme: defaultdict[str, list[Activity]] = defaultdict(list)
        by_audience: defaultdict[str, list[Activity]] = defaultdict(list)
        for act in self.listed():
            for pid in act.plekken:
                if pid in self.locations:
                    at[pid].append(act)
            for area in self._areas_of_activity(act):
                acts_in[area].append(act)
            for t in act.themas:
                by_theme[t].append(act)
            for d in act.doelgroepen:
                by_audience[d].append(act)
        self.by_organisation = _by_organisation(self.entries())
        self.activities_at = _ordered(at)
        self.places_in = _ordered(places_in)
        self.activities_in = _ordered(acts_in)
        self.by_theme = _ordered(by_theme)
        self.by_audience = _ordered(by_audience)

    def _areas_of_activity(self, act: Activity) -> set[str]:
        """Every area an offer is in: through its places, and the areas it serves (the region: all gemeenten)."""
        areas: set[str] = set()
        for pid in act.plekken:
            if pid in self.locations:
                areas.update(self.areas_of_location(self.locations[pid]))
        for gid in act.gebied:
            if gid == REGION_ID:
                areas.update(g.id for g in self.region.gemeenten())
            if gid != UNKNOWN_AREA:
                areas.add(gid)
        return areas

    # --- lookups ---------------------------------------------------------------------

    def listed(self) -> list[Activity]:
        """The offers that lists show: every offer except those that have ended (by id)."""
        if self.today is None:
            return list(self.activities.values())
        return [a for a in self.activities.values() if not has_ended(a, self.today)]

    def areas_of_location(self, loc: Location) -> list[str]:
        areas = [loc.gemeente, loc.woonkern]
        if loc.wijk:
            areas.append(loc.wijk)
        return areas

    def entries(self) -> list:
        """Every entry, places first, in a stable order."""
        return list(self.locations.values()) + list(self.activities.values())

    def places_of(self, act: Activity) -> list[Location]:
        return [self.locations[p] for p in act.plekken if p in self.locations]

    def where(self, act: Activity) -> list[str]:
        """Short names of where an offer is, for cards and lists."""
        names = []
        for loc in self.places_of(act):
            name = self.region.areas[loc.woonkern].naam
            if name not in names:
                names.append(name)
        for gid in act.gebied:
            if gid == UNKNOWN_AREA:
                name = UNKNOWN_WHERE
            else:
                name = "Hele regio" if gid == REGION_ID else f"Heel {self.region.areas[gid].naam}"
            if name not in names:
                names.append(name)
        return names

    @staticmethod
    def area_unknown(act: Activity) -> bool:
        """True when the plan names an offer but not where it is (``gebied: [onbekend]``)."""
        return UNKNOWN_AREA in act.gebied

    def gemeenten_of(self, entry) -> list[str]:
        if isinstance(entry, Location):
            return [entry.gemeente]
        ids = {self.locations[p].gemeente for p in entry.plekken if p in self.locations}
        for gid in entry.gebied:
            if gid == REGION_ID:
                ids.update(g.id for g in self.region.gemeenten())
            elif gid != UNKNOWN_AREA:  # not known where: in no gemeente (contact falls back to all of them)
                ids.add(gid)
        return sorted(ids)

    def kernen_of(self, entry) -> list[str]:
        if isinstance(entry, Location):
            return [entry.woonkern]
        return sorted({self.locations[p].woonkern for p in entry.plekken if p in self.locations})

    def area_wide(self, area: Area) -> list[Activity]:
        """Offers without a fixed place that serve this area (its gemeente or the region)."""
        gemeente = self.region.gemeente_of(area.id).id
        return [a for a in self.activities_in.get(gemeente, []) if not a.plekken and a.gebied]

    def nearby_places(
        self, lat: float, lon: float, km: float, exclude: Set[str] = frozenset(), limit: int | None = None
    ) -> list[tuple[float, Location]]:
        """Places within km of a point, nearest first (ties by id, so output is stable).

        Remembered per question: a place page and the offers held there ask the same one.
        """
        key = (lat, lon, km, frozenset(exclude), limit)
        if key not in self._nearby_memo:
            self._nearby_memo[key] = self._nearby(lat, lon, km, exclude, limit)
        return list(self._nearby_memo[key])

    def _nearby(self, lat: float, lon: float, km: float, exclude, limit) -> list[tuple[float, Location]]:
        dlat = km / 111.2
        dlon = km / (111.3 * math.cos(math.radians(lat)))
        kx = 111.3 * math.cos(math.radians(lat))
        found = []
        for y in range(int((lat - dlat) // GRID), int((lat + dlat) // GRID) + 1):
            for x in range(int((lon - dlon) // GRID), int((lon + dlon) // GRID) + 1):
                for plat, plon, pid, loc in self._grid.get((y, x), ()):
                    # Equirectangular distance: exact enough within a few km, and cheap.
                    d = math.hypot((plat - lat) * 111.2, (plon - lon) * kx)
                    if d <= km and pid not in exclude:
                        found.append((d, pid, loc))
        found.sort(key=lambda t: (t[0], t[1]))
        if limit:
            found = found[:limit]
        return [(distance_km(lat, lon, loc.coordinaten.lat, loc.coordinaten.lon), loc) for _, _, loc in found]
