"""'gebied: [onbekend]': the plan names an offer but not where it is. Pages say so and point to the gemeenten."""

from __future__ import annotations

import json

import pytest

from entries import offer, place, write_project
from wegwijzer.core import contact
from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors

UNKNOWN = "get-a-grip"


def test_the_entry_page_says_where_is_not_known_and_whom_to_ask(site, catalog):
    act = catalog.activities[UNKNOWN]
    assert act.gebied == ["onbekend"]
    page = (site / act.url / "index.html").read_text(encoding="utf-8")
    assert "Waar dit aanbod is, weten we nog niet. Vraag het na bij je gemeente." in page
    for g in catalog.region.gemeenten():  # the contact block offers every gemeente
        assert f"Gemeente {g.naam}" in page


def test_lists_show_it_under_its_own_heading_and_cards_say_so(site):
    page = (site / "thema/geld/index.html").read_text(encoding="utf-8")
    section = page.split('id="g-onbekend"', 1)[1].split("</section>", 1)[0]
    assert "Waar het is, weten we nog niet" in section and "Get a Grip" in section
    assert '<span class="ww-k">Waar:</span> nog niet bekend' in section


def test_open_data_leaves_the_area_out_instead_of_inventing_one(site, catalog):
    services = json.loads((site / "open-data/hsds/services.json").read_text(encoding="utf-8"))
    svc = next(s for s in services if s["name"] == catalog.activities[UNKNOWN].naam)
    assert svc["service_areas"] == []


def test_the_route_of_an_offer_without_area_falls_back_to_every_gemeente(catalog):
    route = contact.route_of(catalog, catalog.activities[UNKNOWN])
    assert route.kind == contact.GEMEENTE and len(route.ways) == len(catalog.region.gemeenten())


@pytest.mark.parametrize(
    "changes",
    [{"gebied": ["onbekend", "texel"], "plekken": []}, {"gebied": ["onbekend"], "plekken": ["buurtkamer-test"]}],
)
def test_onbekend_stands_alone(tmp_path, changes):
    write_project(tmp_path, {"buurtkamer-test": place()}, {"x": offer(**changes)})
    with pytest.raises(EntryErrors) as info:
        load_catalog(tmp_path)
    assert "'onbekend' betekent: we weten niet waar dit aanbod is." in str(info.value)
