"""Stable ids and shared helpers of the open data: uuids from entry ids, page addresses, area names."""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from zoneinfo import ZoneInfo

from wegwijzer.core.catalog import Catalog
from wegwijzer.core.model import Activity, Location
from wegwijzer.core.region import REGION_ID, REGION_NAME, UNKNOWN_AREA

# Never change these: partners store our uuids.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wegwijzer-van-de-kop.nl/open-data")
ORG_NAMESPACE = uuid.uuid5(NAMESPACE, "organisatie")
TZID = "Europe/Amsterdam"
TZ = ZoneInfo(TZID)
# Recurring items without a start date begin on the first matching day on/after this date.
ANCHOR = dt.date(2026, 1, 5)
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
FOLDER = "open-data"


@functools.lru_cache(maxsize=65536)
def uid(*parts: str) -> str:
    """Stable uuid for a thing in the catalogue, e.g. uid('aanbod', 'taalcafe')."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def org_uid(name: str) -> str:
    return str(uuid.uuid5(ORG_NAMESPACE, name.strip().casefold()))


def service_uid(act: Activity) -> str:
    return uid("aanbod", act.id)


def location_uid(loc: Location) -> str:
    return uid("plek", loc.id)


def dumps(data) -> str:
    """JSON as the open data files have it. NaN and Infinity are no JSON: refused (the model never has them)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False) + "\n"


def page_url(base: str, path: str) -> str:
    """Address of a page: absolute when the site has a site_url, else from the site root."""
    return (base.rstrip("/") + "/" + path) if base else "/" + path


def known_areas(act: Activity) -> list[str]:
    """The areas of an offer that are known ('onbekend' left out): for service areas and locations."""
    return [g for g in act.gebied if g != UNKNOWN_AREA]


def area_name(cat: Catalog, area_id: str) -> str:
    if area_id == REGION_ID:
        return REGION_NAME
    if area_id == UNKNOWN_AREA:
        return "Gebied onbekend"
    area = cat.region.areas[area_id]
    return f"Gemeente {area.naam}" if area.level == "gemeente" else area.naam
