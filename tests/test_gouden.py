"""The golden fixture site: a tiny project, built with a fixed date, compared page by page with stored output.

The project is ``tests/fixtures/gouden/`` (a few places and offers covering schedules, costs,
areas, an address with ``'t`` and ``&``). The expected pages are in ``tests/fixtures/gouden/verwacht/``.
A difference is shown as a readable diff. When the change is on purpose (a template or a text
changed), write the new expectations with ``make verwacht`` and look at the diff in git before
you commit them.

Nothing is normalised: the build is reproducible (SOURCE_DATE_EPOCH, no git dates outside a
repository, no absolute paths in the output), so the pages must be equal byte for byte.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from conftest import GOLDEN

EXPECTED = GOLDEN / "verwacht"
PAGES = [
    "aanbod/taalcafe-proef/index.html",  # weekly, free, two languages, a link in the description
    "aanbod/soep-op-zaterdag/index.html",  # monthly (last week) and one date, a price, sign-up
    "aanbod/wandelen-om-de-week/index.html",  # every two weeks with start and end, two places, example
    "aanbod/hulplijn-proef/index.html",  # no place: two municipalities; for professionals
    "plek/dorpshuis-t-proefje/index.html",  # address with 't and &, opening hours, access, contact
    "kern/julianadorp/index.html",
    "gemeente/den-helder/index.html",
    "open-data/aanbod.csv",
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


@pytest.mark.parametrize("name", PAGES)
def test_page_is_as_expected(gouden_site: Path, name: str, request):
    built = (gouden_site / name).read_bytes().decode("utf-8")
    stored = EXPECTED / name
    if request.config.getoption("--verwacht-bijwerken"):
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(built.encode("utf-8"))
        return
    assert stored.is_file(), f"{stored} is missing: run 'make verwacht' and commit it"
    expected = stored.read_bytes().decode("utf-8")
    if built != expected:
        pytest.fail(
            f"{name} differs from the expected page. Is the change on purpose? Then run 'make verwacht', "
            f"check the diff with git and commit it.\n{readable_diff(expected, built, name)}",
            pytrace=False,
        )


def test_every_stored_page_is_still_compared():
    stored = sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file())
    assert stored == sorted(PAGES), "remove stored pages that are no longer compared, or add them to PAGES"


def test_the_diff_shows_the_changed_part_of_a_long_line():
    before = '<dd class="adres">' + "<span>x</span>" * 20 + "<span>'t Testpad 3a</span></dd>"
    after = before.replace("'t Testpad", "&#39;t Testpad")
    diff = readable_diff(before, after, "plek.html")
    assert "-'t Testpad 3a</span>" in diff and "+&#39;t Testpad 3a</span>" in diff
    changed = [line for line in diff.splitlines()[2:] if line[:1] in "+-"]
    assert len(changed) == 2  # only that part, not the whole line
