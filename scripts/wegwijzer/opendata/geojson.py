"""``plekken.geojson``: every place as a GeoJSON point (RFC 7946)."""

from __future__ import annotations

from wegwijzer.core import describe, vocab
from wegwijzer.core.catalog import Catalog
from wegwijzer.opendata.ids import LICENSE, location_uid, page_url


def geojson(cat: Catalog, base: str = "") -> dict:
    features = []
    for loc in cat.locations.values():
        contact = loc.contact
        features.append(
            {
                "type": "Feature",
                "id": loc.id,
                "geometry": {"type": "Point", "coordinates": [loc.coordinaten.lon, loc.coordinaten.lat]},
                "properties": {
                    "id": loc.id,
                    "uuid": location_uid(loc),
                    "naam": loc.naam,
                    "soort": loc.soort,
                    "soort_label": vocab.label("plek_soorten", loc.soort),
                    "organisatie": loc.organisatie,
                    "adres": loc.adres.one_line() if loc.adres else None,
                    "gemeente": loc.gemeente,
                    "woonkern": loc.woonkern,
                    "wijk": loc.wijk,
                    "toegankelijkheid": list(loc.toegankelijkheid),
                    "openingstijden": describe.opening_lines(loc),
                    "telefoon": contact.telefoon if contact else None,
                    "email": contact.email if contact else None,
                    "website": contact.website if contact else None,
                    "aanbod": [a.id for a in cat.activities_at.get(loc.id, [])],
                    "pagina": page_url(base, loc.url),
                    "gecontroleerd_op": loc.gecontroleerd_op.isoformat() if loc.gecontroleerd_op else None,
                    "voorbeeld": loc.voorbeeld,
                },
            }
        )
    return {"type": "FeatureCollection", "name": "plekken", "license": LICENSE, "features": features}
