"""Random input for every importer: it comes in, is reported, or is refused in Dutch; never an exception."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wegwijzer.core.load import load_catalog
from wegwijzer.opendata.hsds_import import FeedProblem
from wegwijzer.opendata.imports.agenda import Options, import_agenda
from wegwijzer.opendata.imports.osm import import_osm
from wegwijzer.opendata.imports.spreadsheet import import_spreadsheet

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAPPING = yaml.safe_dump(
    {
        "wat": "aanbod",
        "bron": "Proef",
        "kolommen": dict(zip(["naam", "samenvatting", "organisatie", "themas", "telefoon"], "ABCDE", strict=True))
        | dict(zip(["woonkern", "dag", "van", "tot", "kosten"], "FGHIJ", strict=True)),
        "vast": {"soort": "activiteit", "doelgroepen": ["iedereen"]},
    }
)
cell = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["taal", "geld", "Den Burg", "di", "10:00", "12.30", "gratis", "€ 2,50", "0223 000 000", "=1+2"]),
)


def _written_files_pass_validate(root: Path) -> None:
    if (root / "activities").exists() or (root / "locations").exists():
        load_catalog(root)  # raises EntryErrors when anything written does not pass validate


@FUZZ
@given(st.lists(st.lists(cell, min_size=10, max_size=10), max_size=6), st.sampled_from([";", ",", "\t"]))
def test_random_rows(rows, delimiter):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        text = io.StringIO()
        csv.writer(text, delimiter=delimiter).writerows([list("ABCDEFGHIJ"), *rows])
        (root / "lijst.csv").write_text(text.getvalue(), encoding="utf-8")
        (root / "kolommen.yaml").write_text(MAPPING, encoding="utf-8")
        try:
            import_spreadsheet(root / "lijst.csv", root / "kolommen.yaml", root / "locations", root / "activities")
        except FeedProblem:
            return
        _written_files_pass_validate(root)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_as_a_list(data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "lijst.csv").write_bytes(data)
        (root / "kolommen.yaml").write_text(MAPPING, encoding="utf-8")
        with contextlib.suppress(FeedProblem):
            import_spreadsheet(root / "lijst.csv", root / "kolommen.yaml", root / "locations", root / "activities")


ICS_LINE = st.sampled_from(
    [
        "BEGIN:VEVENT",
        "END:VEVENT",
        "SUMMARY:Koffie",
        "SUMMARY:<b>x</b>",
        "DTSTART:20990105T100000",
        "DTSTART;VALUE=DATE:20990105",
        "DTSTART:20990105T100000Z",
        "DTEND:20990105T120000",
        "DTEND:20990104T120000",
        "DURATION:PT2H",
        "RRULE:FREQ=WEEKLY;BYDAY=TU",
        "RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=3",
        "RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20991231T000000Z",
        "RRULE:FREQ=YEARLY",
        "RRULE:FREQ=WEEKLY;COUNT=x",
        "EXDATE:20990112T100000",
        "LOCATION:Buurtkamer",
        "URL:javascript:alert(1)",
        "STATUS:CANCELLED",
        "RECURRENCE-ID:20990112T100000",
        "ORGANIZER;CN=Proef:mailto:a@b.nl",
    ]
)


@FUZZ
@given(st.lists(st.one_of(ICS_LINE, st.text(max_size=30)), max_size=25))
def test_random_agendas(lines):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        body = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *lines, "END:VCALENDAR"]) + "\r\n"
        (root / "a.ics").write_bytes(body.encode("utf-8", "surrogatepass"))
        options = Options(organisatie="Proef", today=dt.date(2026, 11, 18))
        try:
            import_agenda(root / "a.ics", root / "locations", root / "activities", options)
        except FeedProblem:
            return
        _written_files_pass_validate(root)


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
element = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["node", "way", "relation", "area", 7]),
        "id": st.one_of(st.integers(1, 10**12), st.text(max_size=5)),
    },
    optional={
        "lat": st.one_of(st.floats(52.7, 53.1), json_value),
        "lon": st.one_of(st.floats(4.6, 5.2), json_value),
        "center": st.one_of(
            st.fixed_dictionaries({"lat": st.floats(52.7, 53.1), "lon": st.floats(4.6, 5.2)}), json_value
        ),
        "tags": st.one_of(
            st.fixed_dictionaries(
                {"name": st.text(max_size=30), "amenity": st.sampled_from(["community_centre", "library", "x"])},
                optional={
                    "opening_hours": st.one_of(st.text(max_size=30), st.just("Mo-Su 08:00-09:00,10:00-11:00")),
                    "addr:city": st.text(max_size=12),
                    "addr:postcode": st.text(max_size=8),
                    "phone": st.text(max_size=15),
                    "operator": st.text(max_size=15),
                },
            ),
            json_value,
        ),
    },
)


@FUZZ
@given(st.lists(st.one_of(element, json_value), max_size=8))
def test_random_overpass_answers(elements):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "osm.json").write_text(json.dumps({"elements": elements}), encoding="utf-8")
        try:
            import_osm(root / "osm.json", root / "locations", root / "activities", beheerder="Proef")
        except FeedProblem:
            return
        _written_files_pass_validate(root)
