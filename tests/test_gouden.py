"""The golden fixture site: a tiny project, built with a fixed date, compared page by page with stored output.

The project is ``tests/fixtures/gouden/`` (a few places and offers covering schedules, costs,
areas, an address with ``'t`` and ``&``). The expected output is in ``tests/fixtures/gouden/verwacht/``:
a few built pages, and the open data (HSDS, CSV, GeoJSON, iCalendar, JSON-LD), which is made in
the test process so that the fast tests (and mutation testing) check it too.
A difference is shown as a readable diff. When the change is on purpose (a template or a text
changed), write the new expectations with ``make verwacht`` and look at the diff in git before
you commit them.

Nothing is normalised: the build is reproducible (SOURCE_DATE_EPOCH, no git dates outside a
repository, no absolute paths in the output), so pages must be equal byte for byte. Only JSON is
stored one key per line, so that a difference shows as a readable diff.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path

import pytest

from conftest import FIXED_EPOCH, GOLDEN
from wegwijzer.opendata.jsonld import jsonld_activity, jsonld_place
from wegwijzer.opendata.view import all_files

EXPECTED = GOLDEN / "verwacht"
BUILD_DATE = dt.datetime.fromtimestamp(int(FIXED_EPOCH), dt.UTC).date()
PAGES = [  # built by MkDocs (marked 'build')
    "aanbod/taalcafe-proef/index.html",  # weekly, free, two languages, a link in the description
    "aanbod/soep-op-zaterdag/index.html",  # monthly (last week) and one date, a price, sign-up
    "aanbod/wandelen-om-de-week/index.html",  # every two weeks with start and end, two places, example
    "aanbod/hulplijn-proef/index.html",  # no place: two municipalities; for professionals; phone hours
    "aanbod/spreekuur-proef/index.html",  # walk-in times next to the schedule; costs not known
    "plek/dorpshuis-t-proefje/index.html",  # address with 't and &, opening hours, access, contact
    "kern/julianadorp/index.html",
    "gemeente/den-helder/index.html",
]
OPEN_DATA = [  # made in this process from the catalogue (fast); the build writes the same bytes (test_export)
    "open-data/hsds/services.json",
    "open-data/hsds/locations.json",
    "open-data/plekken.geojson",
    "open-data/aanbod.csv",
    "open-data/activiteiten.ics",
    "open-data/ics/julianadorp.ics",
]
JSONLD = ["jsonld/plek/dorpshuis-t-proefje.json", "jsonld/plek/buurtkamer-proef.json"] + [
    f"jsonld/aanbod/{a}.json"
    for a in ("taalcafe-proef", "soep-op-zaterdag", "wandelen-om-de-week", "hulplijn-proef", "advies-in-de-regio")
    + ("spreekuur-proef",)
]
LONG = 160  # lines longer than this are split after each '>' in the diff, so the change stands out


def _display(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if len(line) > LONG:
            lines += [part + ">" for part in line.split(">")[:-1]] + [line.split(">")[-1]]
        else:
            lines.append(line)
    return lines


def readable_diff(expected: str, actual: str, name: str, limit: int = 120) -> str:
    diff = list(
        difflib.unified_diff(_display(expected), _display(actual), f"verwacht/{name}", f"gebouwd/{name}", lineterm="")
    )
    more = f"\n... and {len(diff) - limit} more diff lines" if len(diff) > limit else ""
    return "\n".join(diff[:limit]) + more


def compare(name: str, made: str, request) -> None:
    """Compare with the stored expectation, or store it (make verwacht)."""
    stored = EXPECTED / name
    if request.config.getoption("--verwacht-bijwerken"):
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(made.encode("utf-8"))
        return
    assert stored.is_file(), f"{stored} is missing: run 'make verwacht' and commit it"
    expected = stored.read_bytes().decode("utf-8")
    if made != expected:
        pytest.fail(
            f"{name} differs from what is expected. Is the change on purpose? Then run 'make verwacht', "
            f"check the diff with git and commit it.\n{readable_diff(expected, made, name)}",
            pytrace=False,
        )


@pytest.mark.parametrize("name", PAGES)
def test_page_is_as_expected(gouden_site: Path, name: str, request):
    compare(name, (gouden_site / name).read_bytes().decode("utf-8"), request)


def _readable(name: str, content: str | bytes) -> str:
    """JSON one key per line (the files themselves are compact); the rest as it is."""
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    if name.endswith((".json", ".geojson")):
        return json.dumps(json.loads(text), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return text


@pytest.fixture  # per test (a few milliseconds): mutation testing then knows every test that uses the exporters
def golden_open_data(golden_catalog) -> dict[str, str | bytes]:
    files = all_files(golden_catalog, BUILD_DATE)
    for place in golden_catalog.locations.values():
        files[f"jsonld/plek/{place.id}.json"] = json.dumps(jsonld_place(golden_catalog, place))
    for act in golden_catalog.activities.values():
        files[f"jsonld/aanbod/{act.id}.json"] = json.dumps(jsonld_activity(golden_catalog, act))
    return files


@pytest.mark.parametrize("name", OPEN_DATA + JSONLD)
def test_open_data_is_as_expected(golden_open_data, name: str, request):
    compare(name, _readable(name, golden_open_data[name]), request)


def test_every_stored_page_is_still_compared():
    stored = sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file())
    assert stored == sorted(PAGES + OPEN_DATA + JSONLD), "remove stored files that are no longer compared"


def test_the_diff_shows_the_changed_part_of_a_long_line():
    before = '<dd class="adres">' + "<span>x</span>" * 20 + "<span>'t Testpad 3a</span></dd>"
    after = before.replace("'t Testpad", "&#39;t Testpad")
    diff = readable_diff(before, after, "plek.html")
    assert "-'t Testpad 3a</span>" in diff and "+&#39;t Testpad 3a</span>" in diff
    changed = [line for line in diff.splitlines()[2:] if line[:1] in "+-"]
    assert len(changed) == 2  # only that part, not the whole line
