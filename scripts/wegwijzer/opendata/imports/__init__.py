"""Bulk intake from lists that already exist: spreadsheets, agenda feeds and OpenStreetMap.

Each importer reads its input as hostile (bounded, never executed, every text cleaned), maps it to
entry data and plans every entry through the checked write path of ``hsds_import.write`` (the same
checks as ``wegwijzer validate``; new files only, all or nothing; look-alikes of existing entries in
the report). Every imported entry has a ``bron`` and an empty ``gecontroleerd_op``.

- ``common``: reading the input, controlled lists, woonkernen and places by name;
- ``tabular``, ``mapping``, ``rows``, ``spreadsheet``: `wegwijzer import-csv` (CSV or XLSX + a mapping file);
- ``agenda``: `wegwijzer import-ics` (iCalendar events -> offers with dates or a weekly/monthly schedule);
- ``osm``, ``overpass``: `wegwijzer import-osm` (meeting places from OpenStreetMap, Overpass JSON).

Exit codes and the report are those of ``hsds_import.report``.
"""
