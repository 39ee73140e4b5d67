"""Open data in: turn an HSDS 3.0 service feed into entry YAML files for an editor to check.

Input: a JSON file with a list of compiled HSDS services, a paginated service list
(``{"contents": [...]}``), or one service object. The feed is treated as hostile: any
value may have another type, hold HTML or be huge (``feed``).
Output: ``activities/<id>.yaml`` and, for places inside the Kop van Noord-Holland,
``locations/<id>.yaml``. Every file is checked the way ``wegwijzer validate`` checks it
before any file is written (``write``); what could not be mapped goes into a Dutch
report (``report``), so the editor knows what to check or fill in.

The modules, in the order the data flows:
- ``feed``: reading (bounded, strict JSON) and typed access to each object (``Part``);
- ``schedules``: HSDS schedules -> schedule items;
- ``places``: HSDS locations -> places (address, accessibility, opening hours, contact);
- ``services``: HSDS services -> offers, one function per part of a service (``PARTS``);
- ``write``: ids, the check of every file, writing all or nothing;
- ``report``: the report and the exit codes.

Choices (documented on the open data page too):
- A place outside the region is not imported. Its address goes into the report and the
  offer gets ``gebied: [onbekend]`` when it has no other place (never an invented coverage).
- A schedule that HSDS can say but we cannot (week numbers, days of the month, other
  intervals) is left out and reported with its description.
- HTML and control characters are taken out of texts, with a note.
- A service that fails the check is skipped with its reasons; the others are written.
- Existing files are never overwritten: an existing activity is skipped, an existing real
  place with the same id and name is linked (an example place never).
"""

from __future__ import annotations

from pathlib import Path

from wegwijzer.opendata.hsds_import.feed import FeedProblem, read_services
from wegwijzer.opendata.hsds_import.report import ALL_IN, SOME_SKIPPED, UNREADABLE, Imported, ImportResult
from wegwijzer.opendata.hsds_import.schedules import schedule_items
from wegwijzer.opendata.hsds_import.write import WriteProblem, import_services

__all__ = [
    "ALL_IN",
    "SOME_SKIPPED",
    "UNREADABLE",
    "FeedProblem",
    "ImportResult",
    "Imported",
    "WriteProblem",
    "import_file",
    "import_services",
    "read_services",
    "schedule_items",
]


def import_file(
    path: Path, root: Path, locations_dir: Path | None = None, activities_dir: Path | None = None, write: bool = True
) -> ImportResult:
    """Import one HSDS file into root (or the given folders). FeedProblem or WriteProblem when nothing was written."""
    services = read_services(path)
    return import_services(
        services,
        Path(path).name,
        locations_dir or root / "locations",
        activities_dir or root / "activities",
        write=write,
    )
