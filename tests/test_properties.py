"""Property-based tests (Hypothesis): whatever `validate` accepts can be built; what it refuses, it refuses
in Dutch, per file, without a crash.

Projects are generated from the entry model (tests/strategies.py): mostly good values and now
and then a near miss. A rule that is switched off lets a near miss through, and then the
pages or the build break: that is how these tests catch a missing check.

The number of examples comes from the Hypothesis profile (conftest.py): small and the same on
every run in CI (``derandomize``); ``HYPOTHESIS_PROFILE=verkennen`` tries many more, at random.
"""

from __future__ import annotations

import copy
import datetime as dt
import tempfile
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import strategies
from conftest import FIXED_EPOCH, ROOT, build_in_process, copy_golden_project
from entries import write_project
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.load import load_catalog
from wegwijzer.core.model import Activity, Location, ScheduleItem
from wegwijzer.core.problems import EntryErrors
from wegwijzer.site.context import BuildContext, Settings
from wegwijzer.site.plugin import VIEWS

BUILD_DATE = dt.datetime.fromtimestamp(int(FIXED_EPOCH), dt.UTC).date()


def _fields(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def test_the_strategies_fill_every_field_of_the_model():
    assert _fields(Location) == strategies.PLACE_FIELDS
    assert _fields(Activity) == strategies.OFFER_FIELDS
    assert _fields(ScheduleItem) == strategies.SCHEDULE_FIELDS


def make_pages(catalog: Catalog, data_dir: Path) -> int:
    """Everything a build does with the catalogue, without MkDocs: every view's pages and files."""
    settings = Settings(project_dir=ROOT, data_dir=data_dir)
    ctx = BuildContext(catalog=catalog, today=BUILD_DATE, settings=settings)
    views = [view() for view in VIEWS]
    for view in views:
        view.start(ctx)
    pages = {page.src_uri: page for view in views for page in view.pages(ctx)}
    ctx = BuildContext(catalog, BUILD_DATE, settings, MappingProxyType(pages))
    for view in views:
        view.files(ctx)
    for page in pages.values():
        page.markdown()
        page.context(ctx)
    return len(pages)


def load_or_refuse(root: Path) -> Catalog | None:
    """The catalogue, or None when validate refuses the project (checked: Dutch problems per file)."""
    try:
        catalog = load_catalog(root)
    except EntryErrors as exc:
        assert exc.problems and all(p.file.startswith(("locations/", "activities/")) for p in exc.problems)
        assert all(p.message and "Traceback" not in p.message for p in exc.problems)
        return None
    assert all(p.warning for p in catalog.problems)
    return catalog


def _load_and_make_pages(project) -> Catalog | None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_project(Path(tmp), *project)
        catalog = load_or_refuse(root)
        if catalog is not None:
            assert make_pages(catalog, root) > len(catalog.locations) + len(catalog.activities)
        return catalog


@given(strategies.project())
def test_valid_projects_are_accepted_and_can_be_made_into_pages(project):
    assert _load_and_make_pages(project) is not None, "validate refused a valid project"


@pytest.mark.parametrize("near_miss", sorted(strategies.NEAR_MISSES))
@settings(max_examples=min(settings().max_examples, 3))
@given(data=st.data())
def test_a_near_miss_is_refused(near_miss, data):
    """One broken thing in a valid project. If validate lets it through, the pages are made anyway:
    a missing check then shows as the crash it causes (or else as the near miss that got through)."""
    project = copy.deepcopy(data.draw(strategies.project()))
    strategies.NEAR_MISSES[near_miss](project)
    assert _load_and_make_pages(project) is None, f"validate accepted a near miss: {near_miss}"


@settings(max_examples=min(settings().max_examples, 6), deadline=None)  # a build takes seconds, more when busy
@given(strategies.project())
def test_what_validate_accepts_builds(project):
    """The real build (MkDocs and the templates) of valid projects; few examples, as each takes seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_golden_project(Path(tmp) / "project")
        for folder in ("locations", "activities"):
            for file in (root / folder).iterdir():
                file.unlink()
        write_project(root, *project)
        assert load_or_refuse(root) is not None, "validate refused a valid project"
        build_in_process(root / "site", root)
