"""The right "today": a real build uses the real date, so an offer is gone on the day after its end date.

Tests and determinism checks set SOURCE_DATE_EPOCH themselves; a build without it must not take the date
of the last git commit (that made ended offers stay under "Elke week" for weeks).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from entries import link_site, offer, place, write_project
from wegwijzer.core.load import load_catalog
from wegwijzer.site import pages
from wegwijzer.site.context import BuildContext, Settings


def _schedule(eind: dt.date) -> list[dict]:
    return [{"dag": "dinsdag", "van": "10:00", "tot": "12:00", "eind": eind.isoformat()}]


@pytest.fixture(scope="module")
def real_build(tmp_path_factory) -> Path:
    """A small project in a git repository whose last commit is a year old, built without SOURCE_DATE_EPOCH."""
    root = tmp_path_factory.mktemp("vandaag")
    today = dt.date.today()
    write_project(
        root,
        {"buurtkamer-test": place()},
        {
            "gisteren-afgelopen": offer(naam="Gisteren Afgelopen", schema=_schedule(today - dt.timedelta(days=1))),
            "vandaag-laatste": offer(naam="Vandaag Laatste", schema=_schedule(today)),
        },
    )
    link_site(root)
    old = "2025-01-01T12:00:00"
    env = dict(os.environ, GIT_AUTHOR_DATE=old, GIT_COMMITTER_DATE=old)
    env.pop("SOURCE_DATE_EPOCH", None)
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "oud", "--no-verify"]):
        subprocess.run(
            cmd,
            cwd=root,
            env={
                **env,
                "GIT_AUTHOR_NAME": "t",
                "GIT_AUTHOR_EMAIL": "t@t",
                "GIT_COMMITTER_NAME": "t",
                "GIT_COMMITTER_EMAIL": "t@t",
            },
            check=True,
        )
    result = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "build", "--site-dir", str(root / "site")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return root / "site"


def _text(site: Path, path: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (site / path / "index.html").read_text(encoding="utf-8")))


def _section(site: Path, path: str, anchor: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    part = html[html.index(f'id="{anchor}"') :]
    return part[: part.index("</section>")] if "</section>" in part else part


def test_an_offer_is_gone_from_every_list_the_day_after_its_end_date(real_build):
    kern = "kern/den-helder-stad"
    for anchor in ("week", "aanbod"):
        section = _section(real_build, kern, anchor)
        assert "Vandaag Laatste" in section
        assert "Gisteren Afgelopen" not in section
    here = _section(real_build, "plek/buurtkamer-test", "te-doen")
    assert "Vandaag Laatste" in here and "Gisteren Afgelopen" not in here
    for listing in ("aanbod", "thema/taal", "voor/nieuwkomers", "folder/den-helder-stad"):
        text = _text(real_build, listing)
        assert "Vandaag Laatste" in text, listing
        assert "Gisteren Afgelopen" not in text, listing
    cards = " ".join(p.read_text(encoding="utf-8") for p in sorted((real_build / "zoekindex").glob("kaarten-*.json")))
    assert "Vandaag Laatste" in cards and "Gisteren Afgelopen" not in cards


def test_the_page_of_an_ended_offer_stays_and_says_afgelopen(real_build):
    ended = _text(real_build, "aanbod/gisteren-afgelopen")
    assert "Afgelopen." in ended
    assert "Afgelopen." not in _text(real_build, "aanbod/vandaag-laatste")


def test_the_leaflet_is_dated_today(real_build):
    from wegwijzer.core.describe import date_text

    assert date_text(dt.date.today()) in _text(real_build, "folder/den-helder-stad")


def test_catalogue_lists_leave_out_ended_offers(tmp_path):
    write_project(
        tmp_path,
        {"buurtkamer-test": place()},
        {
            "loopt": offer(),
            "voorbij": offer(schema=[{"dag": "dinsdag", "van": "10:00", "tot": "12:00", "eind": "2026-01-31"}]),
        },
    )
    today = dt.date(2026, 11, 23)
    cat = load_catalog(tmp_path, today=today)
    assert [a.id for a in cat.listed()] == ["loopt"]
    assert set(cat.activities) == {"loopt", "voorbij"}  # the page stays
    assert [a.id for a in cat.activities_at["buurtkamer-test"]] == ["loopt"]
    assert [a.id for a in cat.by_theme["taal"]] == ["loopt"]
    ctx = pages.AreaPage("kern", "den-helder-stad").context(BuildContext(cat, today, Settings()))
    assert [a.id for a in ctx["activities"]] == ["loopt"]
    assert {a.id for _, acts in ctx["by_day"] for a in acts} == {"loopt"}
