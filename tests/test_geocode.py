"""`wegwijzer geocode`: fills in coordinates from the address, keeps the file as it was, never half-done."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors
from wegwijzer.tools import geocode

PLACE = """# Buurtkamer in de Schooten (opmerking van de redactie)
naam: Buurtkamer De Test
soort: buurtkamer
adres:
  straat: Keizerstraat
  huisnummer: 12
  postcode: 1781 AB
  plaats: Den Helder
gemeente: den-helder
woonkern: den-helder-stad
wijk: centrum   # wijk volgens de gemeente
toegankelijkheid: [rolstoel]
bron: Test
beheerder: Test
"""
QUERY = "Keizerstraat 12, 1781 AB Den Helder, Nederland"


class FakeGeocoder:
    def __init__(self, answers):
        self.answers = answers
        self.calls = []

    def __call__(self, query):
        self.calls.append(query)
        answer = self.answers.get(query)
        if isinstance(answer, Exception):
            raise answer
        return answer


def _root(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "locations").mkdir()
    for name, text in files.items():
        (tmp_path / "locations" / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_validate_asks_to_fill_in_or_run_geocode(tmp_path):
    root = _root(tmp_path, {"buurtkamer-de-test.yaml": PLACE})
    with pytest.raises(EntryErrors) as exc:
        load_catalog(root)
    assert "vul coordinaten in of draai wegwijzer geocode" in str(exc.value).lower()


def test_fills_in_one_line_and_keeps_everything_else(tmp_path):
    root = _root(tmp_path, {"buurtkamer-de-test.yaml": PLACE})
    fake = FakeGeocoder({QUERY: (52.958512345, 4.760398765)})
    result = geocode.geocode_missing(root, fake, tmp_path / "cache.json")
    assert fake.calls == [QUERY]
    assert [r[:3] for r in result.filled] == [("locations/buurtkamer-de-test.yaml", 52.95851, 4.7604)]
    text = (root / "locations" / "buurtkamer-de-test.yaml").read_text(encoding="utf-8")
    before, after = PLACE.splitlines(), text.splitlines()
    assert len(after) == len(before) + 1
    added = [line for line in after if line not in before]
    assert added == ["coordinaten: {lat: 52.95851, lon: 4.76040}"]
    assert after.index(added[0]) == before.index("wijk: centrum   # wijk volgens de gemeente") + 1
    cat = load_catalog(root)  # now it validates
    assert cat.locations["buurtkamer-de-test"].coordinaten.lat == pytest.approx(52.95851)
    assert json.loads((tmp_path / "cache.json").read_text())[QUERY] == [52.95851, 4.7604]


def test_cache_means_no_second_lookup(tmp_path):
    root = _root(tmp_path, {"a.yaml": PLACE})
    (tmp_path / "cache.json").write_text(json.dumps({QUERY: [52.9585, 4.7604]}))
    fake = FakeGeocoder({QUERY: RuntimeError("must not be asked")})
    result = geocode.geocode_missing(root, fake, tmp_path / "cache.json")
    assert fake.calls == [] and len(result.filled) == 1


def test_places_with_coordinates_or_vague_addresses_are_left_alone(tmp_path):
    vague = PLACE.replace("  straat: Keizerstraat\n  huisnummer: 12\n  postcode: 1781 AB\n", "")
    done = PLACE.replace(
        "woonkern: den-helder-stad\n", "woonkern: den-helder-stad\ncoordinaten: {lat: 52.95, lon: 4.76}\n"
    )
    far = PLACE.replace("Keizerstraat", "Damrak")
    root = _root(tmp_path, {"vaag.yaml": vague, "klaar.yaml": done, "ver.yaml": far})
    fake = FakeGeocoder({QUERY.replace("Keizerstraat", "Damrak"): (52.3745, 4.8979)})  # Amsterdam
    result = geocode.geocode_missing(root, fake, tmp_path / "cache.json")
    assert result.filled == [] and result.already == 1
    messages = dict(result.problems)
    assert "straat of postcode" in messages["locations/vaag.yaml"]
    assert "buiten de Kop" in messages["locations/ver.yaml"]
    assert (root / "locations" / "vaag.yaml").read_text() == vague
    assert (root / "locations" / "ver.yaml").read_text() == far


def test_unreachable_geocoder_changes_nothing_and_says_so(tmp_path, monkeypatch, capsys):
    second = PLACE.replace("Keizerstraat", "Middenweg")
    root = _root(tmp_path, {"a.yaml": PLACE, "b.yaml": second})
    cache = tmp_path / "cache.json"
    real = geocode.nominatim_lookup
    # A real Nominatim client against a closed local port: geopy fails the way it does offline.
    monkeypatch.setattr(geocode, "nominatim_lookup", lambda: real(timeout=2, domain="127.0.0.1:9", scheme="http"))
    code = geocode.run(root, SimpleNamespace(cache=str(cache), alleen_kijken=False))
    err = capsys.readouterr().err
    assert code == 1
    assert "niet bereikbaar" in err and "niets veranderd" in err
    assert "Traceback" not in err
    assert (root / "locations" / "a.yaml").read_text() == PLACE
    assert (root / "locations" / "b.yaml").read_text() == second
    assert not cache.exists()


def test_unreachable_halfway_writes_nothing(tmp_path):
    second = PLACE.replace("Keizerstraat", "Middenweg")
    root = _root(tmp_path, {"a.yaml": PLACE, "b.yaml": second})
    fake = FakeGeocoder(
        {QUERY: (52.9585, 4.7604), QUERY.replace("Keizerstraat", "Middenweg"): geocode.Unreachable("timeout")}
    )
    with pytest.raises(geocode.Unreachable):
        geocode.geocode_missing(root, fake, tmp_path / "cache.json")
    assert (root / "locations" / "a.yaml").read_text() == PLACE
    assert not (tmp_path / "cache.json").exists()


def test_insert_without_woonkern_appends_and_keeps_crlf():
    assert geocode.insert_coordinates("naam: x", 52.9, 4.7) == "naam: x\ncoordinaten: {lat: 52.90000, lon: 4.70000}\n"
    crlf = "naam: x\r\nwoonkern: y\r\nbron: z\r\n"
    assert geocode.insert_coordinates(crlf, 52.9, 4.7) == (
        "naam: x\r\nwoonkern: y\r\ncoordinaten: {lat: 52.90000, lon: 4.70000}\r\nbron: z\r\n"
    )
