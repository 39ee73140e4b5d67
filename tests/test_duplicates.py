"""Duplicate detection: warnings an editor sees in `wegwijzer validate`, never errors."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from conftest import ROOT
from wegwijzer.core.duplicates import find_duplicates, normalise
from wegwijzer.core.load import load_catalog

PLACE = """naam: {naam}
soort: buurthuis
adres: {{straat: {straat}, huisnummer: "{nr}", plaats: {plaats}}}
gemeente: {gemeente}
woonkern: {kern}
coordinaten: {{lat: {lat}, lon: {lon}}}
bron: Test
beheerder: Test
"""

OFFER = """naam: {naam}
soort: activiteit
samenvatting: Een test.
organisatie: Test
themas: [ontmoeten]
doelgroepen: [iedereen]
plekken: [{plek}]
bron: Test
beheerder: Test
"""

JULIANADORP = dict(gemeente="den-helder", kern="julianadorp", plaats="Julianadorp", lat=52.8905, lon=4.7290)
DEN_BURG = dict(gemeente="texel", kern="den-burg", plaats="Den Burg", lat=53.0546, lon=4.7977)


def write(root: Path, folder: str, name: str, text: str) -> None:
    (root / folder).mkdir(parents=True, exist_ok=True)
    (root / folder / f"{name}.yaml").write_text(text, encoding="utf-8")


def place(root, pid, naam, straat="Schoolweg", nr="1", where=JULIANADORP):
    write(root, "locations", pid, PLACE.format(naam=naam, straat=straat, nr=nr, **where))


def warnings_of(root: Path) -> list:
    cat = load_catalog(root)
    return [p for p in cat.problems if p.warning and "dubbel" in p.message]


def test_normalise_ignores_case_accents_and_punctuation():
    assert normalise("Taalcafé  Den-Burg!") == "taalcafe den burg"


def test_same_name_and_address_is_a_warning_not_an_error(tmp_path):
    place(tmp_path, "buurthuis-de-kroon", "Buurthuis De Kroon", "Kerkstraat", "5")
    place(
        tmp_path,
        "de-kroon-buurthuis",
        "buurthuis de Kroon",
        "Kerkstraat",
        "5",
        where=dict(JULIANADORP, kern="huisduinen"),
    )
    found = warnings_of(tmp_path)  # load_catalog does not raise: only warnings
    assert len(found) == 1
    w = found[0]
    assert w.file == "locations/de-kroon-buurthuis.yaml" and w.field == "naam" and w.line == 1
    assert "locations/buurthuis-de-kroon.yaml" in w.message and "adres" in w.message


def test_similar_names_in_one_woonkern(tmp_path):
    place(tmp_path, "dorpshuis-de-zandloper", "Dorpshuis De Zandloper", "Schoolweg", "1")
    place(tmp_path, "dorpshuis-zandloper", "Dorpshuis Zandloper", "Dorpsstraat", "9")
    found = warnings_of(tmp_path)
    assert [w.file for w in found] == ["locations/dorpshuis-zandloper.yaml"]
    assert "bijna dezelfde naam" in found[0].message


def test_similar_names_in_different_woonkernen_or_only_a_number_apart_are_fine(tmp_path):
    place(tmp_path, "dorpshuis-de-zandloper", "Dorpshuis De Zandloper")
    place(tmp_path, "dorpshuis-zandloper-texel", "Dorpshuis Zandloper", "Dorpsstraat", "9", where=DEN_BURG)
    place(tmp_path, "groep-1", "Buurtgroep 1", "Laan", "3")
    place(tmp_path, "groep-2", "Buurtgroep 2", "Laan", "4")
    place(tmp_path, "bibliotheek", "Bibliotheek Julianadorp", "Laan", "5")
    assert warnings_of(tmp_path) == []


def test_offers_with_similar_names_at_places_in_one_woonkern(tmp_path):
    place(tmp_path, "buurthuis-a", "Buurthuis De Kroon", "Laan", "1")
    place(tmp_path, "buurthuis-b", "Het Anker", "Weg", "2")
    write(tmp_path, "activities", "koffieochtend", OFFER.format(naam="Koffieochtend", plek="buurthuis-a"))
    write(tmp_path, "activities", "koffie-ochtend", OFFER.format(naam="Koffie-ochtend!", plek="buurthuis-b"))
    write(tmp_path, "activities", "taalcafe", OFFER.format(naam="Taalcafé", plek="buurthuis-a"))
    found = warnings_of(tmp_path)
    assert [w.file for w in found] == ["activities/koffieochtend.yaml"]
    assert "activities/koffie-ochtend.yaml" in found[0].message


def test_validate_prints_the_warning_and_succeeds(tmp_path):
    place(tmp_path, "buurthuis-de-kroon", "Buurthuis De Kroon", "Kerkstraat", "5")
    place(tmp_path, "buurthuis-de-kroon-2", "Buurthuis De Kroon", "Kerkstraat", "5")
    result = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "validate", "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "let op: Dit lijkt dubbel met 'Buurthuis De Kroon'" in result.stderr
    assert "Alles klopt" in result.stdout


def test_fast_for_ten_thousand_entries():
    rnd = random.Random(7)
    words = [
        "Buurthuis",
        "Dorpshuis",
        "Buurtkamer",
        "Taalcafé",
        "Koffie",
        "Inloop",
        "Spreekuur",
        "Repair Café",
        "Bibliotheek",
        "Steunpunt",
        "Kinderclub",
        "Wandelgroep",
        "Soos",
        "Huiskamer",
        "Zorgpost",
    ]
    kernen = [
        ("den-helder", "julianadorp"),
        ("texel", "den-burg"),
        ("schagen", "schagen"),
        ("hollands-kroon", "wieringerwerf"),
    ]
    locations = {}
    for i in range(10_000):
        gemeente, kern = kernen[i % 4]
        # Only the fields duplicate detection reads; building 10,000 full models would take longer.
        loc = SimpleNamespace(
            id=f"plek-{i}",
            source=f"locations/plek-{i}.yaml",
            adres=None,
            gemeente=gemeente,
            woonkern=kern,
            naam=f"{rnd.choice(words)} {rnd.choice(words)} {i}",
            line_of=lambda *path: 1,
        )
        locations[loc.id] = loc
    # Two real duplicates among them must still be found.
    for pid in ("dubbel-a", "dubbel-b"):
        locations[pid] = SimpleNamespace(
            id=pid,
            source=f"locations/{pid}.yaml",
            adres=None,
            gemeente="texel",
            woonkern="den-burg",
            naam="Dorpshuis De Zandloper",
            line_of=lambda *path: 1,
        )
    start = time.perf_counter()
    found = find_duplicates(locations, {})
    assert time.perf_counter() - start < 5.0
    assert [p.file for p in found] == ["locations/dubbel-b.yaml"]


def test_shipped_data_has_no_errors_from_duplicate_detection(catalog, tmp_path):
    """The shipped data, with one place and one offer copied under a new name: warnings only, no error."""
    assert not [p for p in catalog.problems if "dubbel" in p.message], "the shipped data has no duplicates"
    for folder in ("locations", "activities"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    place = next(iter(catalog.locations.values()))
    offer = next(a for a in catalog.activities.values() if a.plekken)
    shutil.copy(ROOT / place.source, tmp_path / "locations" / f"{place.id}-kopie.yaml")
    shutil.copy(ROOT / offer.source, tmp_path / "activities" / f"{offer.id}-kopie.yaml")
    copied = load_catalog(tmp_path)  # raises when anything is an error
    found = sorted((p.file, p.warning) for p in copied.problems if "dubbel" in p.message)
    assert found == [(f"activities/{offer.id}-kopie.yaml", True), (f"locations/{place.id}-kopie.yaml", True)]


def test_two_places_at_the_same_address_with_different_names_are_flagged(tmp_path):
    from entries import place, write_project
    from wegwijzer.core.load import load_catalog

    address = {"straat": "Keizerstraat", "huisnummer": "1", "postcode": "1781 AB", "plaats": "Den Helder"}
    write_project(
        tmp_path,
        {
            "buurtkamer-keizer": place(naam="Buurtkamer De Keizer", adres=address),
            "het-trefpunt": place(naam="Het Trefpunt", adres=dict(address, postcode="1781AB")),
            "elders": place(naam="Elders", adres=dict(address, huisnummer="3")),
        },
        {},
    )
    warnings = [p for p in load_catalog(tmp_path).problems if p.warning]
    assert len(warnings) == 1, warnings
    assert "zelfde adres, andere naam" in warnings[0].message and "Buurtkamer De Keizer" in warnings[0].message
