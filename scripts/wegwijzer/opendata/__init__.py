"""Open data, out and in: HSDS 3.0 JSON, CSV, GeoJSON, iCalendar and schema.org JSON-LD.

Everything here is made from the Catalog (never from YAML) and is deterministic:
ids are uuid5 values derived from entry ids, lists are sorted, JSON keys are
sorted, and the only date in the output is the build date (``plugin.today``).

Files (under ``/open-data/``):
- ``hsds/services.json``   list of compiled HSDS 3.0 services (one per offer)
- ``hsds/locations.json``  list of HSDS 3.0 locations (one per place, also places without offers)
- ``aanbod.csv``           one row per offer; UTF-8 with BOM and ';' so Excel opens it
- ``plekken.geojson``      every place as a GeoJSON point
- ``activiteiten.ics``     every recurring or dated activity (RRULE, Europe/Amsterdam)
- ``ics/<kern>.ics``       the same, only the activities at places in that woonkern
Entry pages get a ``<script type="application/ld+json">`` block (``jsonld``).
Modules: one per format (``hsds``, ``table``, ``geojson``, ``ical``, ``jsonld``), ``ids`` for the
stable uuids, ``view`` for the site, and ``hsds_import`` for reading partners' feeds.
"""
