"""Commands with hostile or careless arguments (issue #16): `verouderd --uit`, `nieuw` then `geocode`."""

from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXED_EPOCH
from entries import offer, place, write_project
from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors
from wegwijzer.tools import geocode
from wegwijzer.tools.nieuw.command import add_arguments
from wegwijzer.tools.nieuw.command import run as nieuw


def wegwijzer(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer", *args, "--root", str(root)],
        cwd=root,
        stdin=subprocess.DEVNULL,
        env=dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH),
        capture_output=True,
        text=True,
        timeout=600,  # a shared CI machine can be slow; these finish in seconds when it is not
    )


def stale_project(root: Path) -> Path:
    """One offer nobody checked, with a name a spreadsheet would run as a formula."""
    return write_project(
        root,
        {"buurtkamer-test": place()},
        {"formule": offer(naam='=HYPERLINK("https://kwaad.example")', beheerder="+1+cmd|' /C calc'!A0")},
    )


# --- verouderd --uit ----------------------------------------------------------------------------


def test_verouderd_never_overwrites_without_asking(tmp_path):
    root = stale_project(tmp_path)
    readme = root / "README.md"
    readme.write_text("# Eigen tekst\n", encoding="utf-8")
    result = wegwijzer(root, "verouderd", "--uit", str(readme))
    assert result.returncode == 1
    assert "bestaat al" in result.stderr and "--overschrijven" in result.stderr
    assert readme.read_text(encoding="utf-8") == "# Eigen tekst\n"
    result = wegwijzer(root, "verouderd", "--uit", str(readme), "--overschrijven")
    assert result.returncode == 0, result.stderr
    assert "Controleren" in readme.read_text(encoding="utf-8")


def test_verouderd_never_writes_into_the_data_or_content_folders(tmp_path):
    root = stale_project(tmp_path)
    (root / "content").mkdir()
    for target in ("activities/lijst.md", "locations/nieuw.yaml", "content/lijst.md", "activities/formule.yaml"):
        result = wegwijzer(root, "verouderd", "--uit", str(root / target), "--overschrijven")
        assert result.returncode == 1, target
        assert "mag niet in de map" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (root / "activities").iterdir()) == ["formule.yaml"]
    assert not (root / "content" / "lijst.md").exists()


def test_verouderd_explains_a_missing_folder(tmp_path):
    root = stale_project(tmp_path)
    result = wegwijzer(root, "verouderd", "--uit", str(root / "bestaat-niet" / "lijst.md"))
    assert result.returncode == 1
    assert "De map" in result.stderr and "bestaat niet" in result.stderr
    assert "Traceback" not in result.stderr


def test_verouderd_csv_has_no_formulas(tmp_path):
    root = stale_project(tmp_path)
    out = root / "ronde.csv"
    result = wegwijzer(root, "verouderd", "--formaat", "csv", "--uit", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0]["naam"] == '\'=HYPERLINK("https://kwaad.example")'
    assert rows[0]["beheerder"] == "'+1+cmd|' /C calc'!A0"


# --- nieuw, then geocode ---------------------------------------------------------------------------


def test_a_new_place_without_coordinates_gets_them_from_geocode(tmp_path):
    """nieuw offline writes 'coordinaten: {lat: , lon: }'; geocode fills that line; then validate passes."""

    def offline(query):
        raise geocode.Unreachable("offline")

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(
        [
            "--soort", "plek", "--naam", "Buurtkamer De Proef", "--type", "buurtkamer",
            "--woonkern", "den-helder-stad", "--straat", "Proefstraat", "--huisnummer", "7",
            "--postcode", "1781 ZZ", "--plaats", "Den Helder", "--bron", "Test", "--beheerder", "Test",
            "--root", str(tmp_path), "--geen-vragen",
        ]
    )  # fmt: skip
    (tmp_path / "activities").mkdir()
    out = io.StringIO()
    assert nieuw(tmp_path, args, stdin=io.StringIO(), stdout=out, lookup=offline) == 0
    path = tmp_path / "locations" / "buurtkamer-de-proef.yaml"
    text = path.read_text(encoding="utf-8")
    assert "coordinaten: {lat: , lon: }" in text
    with pytest.raises(EntryErrors) as exc:
        load_catalog(tmp_path)
    assert any("wegwijzer geocode" in p.message for p in exc.value.problems), [p.format() for p in exc.value.problems]
    # geocode treats the empty line as missing and fills it in place
    assert not geocode.has_coordinates(yaml.safe_load(text))
    asked = []
    result = geocode.geocode_missing(tmp_path, lambda q: asked.append(q) or (52.9571, 4.7602), tmp_path / "cache.json")
    assert asked == ["Proefstraat 7, 1781 ZZ Den Helder, Nederland"]
    assert [r[0] for r in result.filled] == ["locations/buurtkamer-de-proef.yaml"]
    after = path.read_text(encoding="utf-8")
    assert "coordinaten: {lat: 52.95710, lon: 4.76020}" in after
    assert after.count("coordinaten:") == 1  # replaced, not added a second time
    assert after.replace("coordinaten: {lat: 52.95710, lon: 4.76020}", "") == text.replace(
        text[text.index("coordinaten:") : text.index("\n", text.index("coordinaten:"))], ""
    )
    cat = load_catalog(tmp_path)
    assert cat.locations["buurtkamer-de-proef"].coordinaten.lat == 52.9571


def test_gereed_writes_its_report_like_verouderd(tmp_path):
    root = stale_project(tmp_path)
    readme = root / "README.md"
    readme.write_text("# Eigen tekst\n", encoding="utf-8")
    result = wegwijzer(root, "gereed", "--uit", str(readme))
    assert result.returncode == 1 and "--overschrijven" in result.stderr
    assert readme.read_text(encoding="utf-8") == "# Eigen tekst\n"
    result = wegwijzer(root, "gereed", "--uit", str(root / "locations" / "verslag.md"))
    assert result.returncode == 1 and "mag niet in de map locations/" in result.stderr
    result = wegwijzer(root, "gereed", "--uit", str(root / "verslag.md"))
    assert result.returncode == 0, result.stderr
    assert (root / "verslag.md").read_text(encoding="utf-8").strip()
