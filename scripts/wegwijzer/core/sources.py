"""Where an entry's facts come from, when that matters for the site: data from OpenStreetMap (ODbL).

`wegwijzer import-osm` writes ``bron: "OpenStreetMap (ODbL), node/123"``. The ODbL asks for a credit
wherever the data is shown: the entry page and the page about the sources say
"© OpenStreetMap-bijdragers (ODbL)" with a link. This module is the one place that recognises such
a source; the importer, the pages and the count of sources on /over/ use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wegwijzer.core.model import Entry

OSM_SOURCE = "OpenStreetMap (ODbL)"
OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright"
OSM_CREDIT = "© OpenStreetMap-bijdragers (ODbL)"
_OSM_REF = re.compile(r"\b(node|way|relation)/([0-9]{1,15})\b")


def osm_bron(kind: str, osm_id: int) -> str:
    """The 'bron' of an entry made from one OpenStreetMap object: 'OpenStreetMap (ODbL), node/123'."""
    return f"{OSM_SOURCE}, {kind}/{osm_id}"


def from_osm(bron: str | None) -> bool:
    return bool(bron) and str(bron).startswith(OSM_SOURCE)


def osm_ref(bron: str | None) -> str | None:
    """'node/123' from an OpenStreetMap source; None for any other source."""
    if not from_osm(bron):
        return None
    match = _OSM_REF.search(str(bron))
    return f"{match.group(1)}/{match.group(2)}" if match else None


def source_group(bron: str) -> str:
    """A source as counted on /over/: every OpenStreetMap object counts as one source, OpenStreetMap."""
    return OSM_SOURCE if from_osm(bron) else bron


def shows_osm_data(entry: Entry, places: Iterable[Entry] = ()) -> bool:
    """Whether the page of an entry shows data from OpenStreetMap: its own, or that of a place it is held at."""
    return from_osm(entry.bron) or any(from_osm(place.bron) for place in places)
