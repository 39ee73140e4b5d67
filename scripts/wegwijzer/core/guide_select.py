"""Which offers a guide shows, for the whole region or for one gemeente or woonkern: near first.

The pool of a guide: the offers that lists show (ended offers never), whose theme is one of the
guide's themes (with ``per_onderdeel``: that help with one of its dimensions), for one of its
audiences or for everyone, and not only for professionals. Hand-picked offers (``aanbod``) are
always in the pool and come first within their section. The guide's helplines have their own box.

For a woonkern the offers are ranked by where they are: at a place within ``NEAR_KM`` of the kern
(nearest first, through the catalogue's nearby lookup), then for the whole gemeente or region,
then those whose area is not known. Every section stops at a cap, so a guide never grows with the
catalogue; the page links to the theme page for the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from wegwijzer.core import events
from wegwijzer.core.catalog import Catalog, sort_key
from wegwijzer.core.guides import Guide
from wegwijzer.core.model import Activity
from wegwijzer.core.region import REGION_ID, Area

NEAR_KM = 10.0  # "en dichtbij": places within this distance of the woonkern's centre
CAP = 6  # offers per section on an area page
CAP_REGION = 4  # offers per gemeente on the guide's own page (it links to the gemeente's page)
CAP_DIMENSION = 4  # offers per dimension in a guide that walks through Positieve Gezondheid

# Where an offer is, seen from an area: the order of the sections.
NEAR, GEMEENTE, REGION, UNKNOWN = "dichtbij", "gemeente", "regio", "onbekend"


@dataclass(frozen=True)
class Row:
    act: Activity
    where: str  # NEAR, GEMEENTE, REGION or UNKNOWN
    km: float | None = None  # for NEAR in a woonkern: the distance to its nearest place
    picked: bool = False  # hand-picked in the guide


@dataclass
class Block:
    """One list on a guide page: a heading, the rows within the cap, and how many did not fit."""

    key: str
    titel: str
    rows: list[Row] = field(default_factory=list)
    more: int = 0
    link: str = ""  # a page with the rest (site-relative)
    link_text: str = ""
    note: str = ""


def _for_residents(act: Activity) -> bool:
    return any(d != "professionals" for d in act.doelgroepen)


def _fits(guide: Guide, act: Activity) -> bool:
    meta = guide.meta
    # A guide chooses by theme; one that walks through Positieve Gezondheid chooses by its dimensions.
    if meta.per_onderdeel:
        topical = bool(set(meta.gezondheid) & set(act.gezondheid))
    else:
        topical = bool(set(meta.themas) & set(act.themas))
    audience = (
        not meta.doelgroepen or bool(set(meta.doelgroepen) & set(act.doelgroepen)) or ("iedereen" in act.doelgroepen)
    )
    return topical and audience and _for_residents(act)


def pool(cat: Catalog, guide: Guide) -> list[Activity]:
    """Every offer the guide may show (not its helplines), hand-picked first, then by name."""
    listed = {a.id: a for a in cat.listed()}
    picked = [listed[i] for i in guide.meta.aanbod if i in listed]
    skip = set(guide.meta.aanbod) | set(guide.meta.hulplijnen)
    rest = sorted((a for a in listed.values() if a.id not in skip and _fits(guide, a)), key=sort_key)
    return picked + rest


def helplines(cat: Catalog, guide: Guide) -> list[Activity]:
    listed = {a.id: a for a in cat.listed()}
    return [listed[i] for i in guide.meta.hulplijnen if i in listed]


def _near_km(cat: Catalog, area: Area) -> dict[str, float]:
    """Offer id -> distance (km) from the kern's centre to the nearest place where it is."""
    found: dict[str, float] = {}
    for km, loc in cat.nearby_places(area.lat, area.lon, NEAR_KM):
        for act in cat.activities_at.get(loc.id, []):
            found.setdefault(act.id, km)
    return found


def _where(cat: Catalog, act: Activity, gemeente: str, near: dict[str, float] | None) -> tuple[str, float | None]:
    """Where an offer is, seen from a gemeente (near is None) or a woonkern; ('', None) when not relevant."""
    if near is not None and act.id in near:
        return NEAR, near[act.id]
    if near is None and any(p.gemeente == gemeente for p in cat.places_of(act)):
        return NEAR, None
    if gemeente in act.gebied:
        return GEMEENTE, None
    if REGION_ID in act.gebied:
        return REGION, None
    if cat.area_unknown(act):
        return UNKNOWN, None
    return "", None


_ORDER = {NEAR: 0, GEMEENTE: 1, REGION: 2, UNKNOWN: 3}


def ranked(cat: Catalog, guide: Guide, area: Area) -> list[Row]:
    """The pool seen from a gemeente or woonkern: near first (hand-picked first within each kind of place)."""
    gemeente = cat.region.gemeente_of(area.id).id
    near = _near_km(cat, area) if area.level != "gemeente" else None
    picked = set(guide.meta.aanbod)
    rows = []
    for act in pool(cat, guide):
        where, km = _where(cat, act, gemeente, near)
        if where:
            rows.append(Row(act, where, km, act.id in picked))
    rows.sort(key=lambda r: (_ORDER[r.where], not r.picked, r.km or 0.0, sort_key(r.act)))
    return rows


def _block(key: str, titel: str, rows: list[Row], cap: int) -> Block:
    return Block(key, titel, rows[:cap], max(0, len(rows) - cap))


def area_blocks(cat: Catalog, guide: Guide, area: Area) -> list[Block]:
    """The lists of a guide for one gemeente or woonkern: here and nearby, the gemeente, not known where."""
    gemeente = cat.region.gemeente_of(area.id)
    rows = ranked(cat, guide, area)
    here = f"In {area.naam} en dichtbij" if area.level != "gemeente" else f"In de gemeente {area.naam}"
    blocks = [
        _block(NEAR, here, [r for r in rows if r.where == NEAR], CAP),
        _block(
            GEMEENTE, f"Voor heel {gemeente.naam} en de regio", [r for r in rows if r.where in (GEMEENTE, REGION)], CAP
        ),
        _block(UNKNOWN, "Waar het is, weten we nog niet", [r for r in rows if r.where == UNKNOWN], CAP),
    ]
    return [b for b in blocks if b.rows]


def region_blocks(cat: Catalog, guide: Guide) -> list[Block]:
    """The lists of a guide's own page: the whole region, then a few per gemeente, then not known where."""
    rows = [Row(a, REGION, picked=a.id in guide.meta.aanbod) for a in pool(cat, guide) if REGION_ID in a.gebied]
    blocks = [_block(REGION, "Voor de hele regio", rows, CAP)]
    for g in cat.region.gemeenten():
        local = [r for r in ranked(cat, guide, g) if r.where in (NEAR, GEMEENTE)]
        blocks.append(_block(g.id, f"In de gemeente {g.naam}", local, CAP_REGION))
    unknown = [Row(a, UNKNOWN, picked=a.id in guide.meta.aanbod) for a in pool(cat, guide) if cat.area_unknown(a)]
    blocks.append(_block(UNKNOWN, "Waar het is, weten we nog niet", unknown, CAP))
    return [b for b in blocks if b.rows]


def dimension_rows(cat: Catalog, guide: Guide, dimension: str, area: Area | None) -> Block:
    """The offers of one dimension of Positieve Gezondheid, near first when an area is chosen."""
    if area is None:
        acts = [a for a in pool(cat, guide) if dimension in a.gezondheid]
        rows = [Row(a, REGION, picked=a.id in guide.meta.aanbod) for a in acts]
        rows.sort(key=lambda r: (REGION_ID not in r.act.gebied, not r.picked, sort_key(r.act)))
    else:
        rows = [r for r in ranked(cat, guide, area) if dimension in r.act.gezondheid]
    return _block(dimension, "", rows, CAP_DIMENSION)


def upcoming(cat: Catalog, guide: Guide, today: dt.date, area: Area | None) -> list[events.Upcoming]:
    """The guide's coming events (its pool), for one area when chosen: near first is date order here."""
    acts = [r.act for r in ranked(cat, guide, area)] if area is not None else pool(cat, guide)
    return events.binnenkort(acts, today)
