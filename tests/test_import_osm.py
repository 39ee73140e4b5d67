"""`wegwijzer import-osm`: meeting places from OpenStreetMap (Overpass JSON), credited on the site (ODbL)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import urllib.error
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_in_process, copy_golden_project
from entries import offer, write_project
from wegwijzer.core.load import load_catalog
from wegwijzer.core.sources import osm_ref, source_group
from wegwijzer.opendata.imports import overpass
from wegwijzer.tools import cli

OVERPASS = ROOT / "tests" / "fixtures" / "imports" / "overpass-proef.json"


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main(["import-osm", *(str(a) for a in args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_the_fixture_is_overpass_json_with_nodes_ways_and_relations():
    data = json.loads(OVERPASS.read_text(encoding="utf-8"))
    assert {e["type"] for e in data["elements"]} == {"node", "way", "relation", "area"}
    assert all("(testdata)" in e["tags"].get("name", "(testdata)") or e["type"] == "area" for e in data["elements"])


def test_places_with_address_coordinates_and_the_osm_id_in_bron(tmp_path, capsys):
    code, out, _ = run(capsys, "--bestand", OVERPASS, "--root", tmp_path)
    assert code == 3  # some elements are no place here; each says why
    assert "Gegevens © OpenStreetMap-bijdragers (ODbL)." in out
    assert cli.main(["validate", "--root", str(tmp_path)]) == 0
    cat = load_catalog(tmp_path)
    hall = cat.locations["buurthuis-de-proef-testdata"]
    assert hall.bron == "OpenStreetMap (ODbL), node/9000000001" and hall.gecontroleerd_op is None
    assert (hall.gemeente, hall.woonkern, hall.coordinaten.lat, hall.coordinaten.lon) == (
        "den-helder",
        "den-helder-stad",
        52.9579,
        4.7622,
    )
    assert hall.adres.one_line() == "Proefstraat 1, 1781 AA Den Helder"
    assert hall.toegankelijkheid == ["rolstoel", "toilet"] and hall.beheerder == "Stichting Proef (testdata)"
    assert [(o.dag, o.van, o.tot) for o in hall.openingstijden][-2:] == [
        ("vrijdag", "09:00", "17:00"),
        ("zaterdag", "10:00", "12:00"),
    ]
    library = cat.locations["bibliotheek-proefdorp-testdata"]  # a way, with its centre
    assert (library.soort, library.woonkern, library.bron) == (
        "bibliotheek",
        "julianadorp",
        "OpenStreetMap (ODbL), way/9000000002",
    )
    food = cat.locations["voedselbank-proef-testdata"]  # a relation, without an address
    assert (food.soort, food.woonkern, food.adres, food.toegankelijkheid) == (
        "anders",
        "schagen-stad",
        None,
        ["ringleiding"],
    )
    assert cat.locations["jongerenpunt-proef-testdata"].soort == "jongerenpunt"
    for words in (
        "openingstijden 'Tu,Th 14:00-17:00; PH off' zijn niet overgenomen",
        "soort 'anders' gekozen (amenity=social_facility, social_facility=food_bank). Kies de goede soort.",
        "Postcode 'XX 99' is niet overgenomen: hij klopt niet.",
        "Er staat geen beheerder bij (operator). Geef mee wie de plekken bijhoudt: --beheerder",
        "Dit element heeft geen naam ('name').",
        "heeft geen middelpunt: vraag Overpass om 'out center'. Niet ingelezen.",
        "Plek 'Ver weg (testdata)' ligt niet in de Kop van Noord-Holland (52.3702, 4.8952). Niet ingelezen.",
        "ligt 16 km van Kreileroord, de dichtstbijzijnde woonkern: waarschijnlijk buiten de Kop. Niet ingelezen.",
        "volgens OpenStreetMap in 'Medemblik', geen woonkern in de lijst.",
        "openingstijden 'Mo-Fr 08:30-25:00' kloppen niet.",
        "Lijkt op het nieuwe item locations/buurthuis-de-proef-testdata-2.yaml ('Buurthuis de Proef! (testdata)'): "
        "zelfde naam en zelfde adres.",
    ):
        assert words in out, words


def test_hostile_tags_are_cleaned(tmp_path, capsys):
    run(capsys, "--bestand", OVERPASS, "--root", tmp_path)
    place = next(p for p in load_catalog(tmp_path).locations.values() if "Buurtkamer" in p.naam)
    assert "<" not in place.naam + (place.organisatie or "") and place.contact is None
    assert place.soort == "buurtkamer"


def test_beheerder_from_the_command_line_and_a_second_run_writes_nothing(tmp_path, capsys):
    assert run(capsys, "--bestand", OVERPASS, "--root", tmp_path, "--beheerder", "Redactie Proef")[0] == 3
    village = load_catalog(tmp_path).locations["dorpshuis-testoord-testdata"]
    assert (village.soort, village.beheerder, village.woonkern) == ("dorpshuis", "Redactie Proef", "middenmeer")
    before = {p: p.read_bytes() for p in (tmp_path / "locations").iterdir()}
    code, out, _ = run(capsys, "--bestand", OVERPASS, "--root", tmp_path, "--beheerder", "Redactie Proef")
    assert code == 3 and "Al eerder ingelezen: locations/buurthuis-de-proef-testdata.yaml. Niets overschreven." in out
    assert {p: p.read_bytes() for p in (tmp_path / "locations").iterdir()} == before
    assert "0 van de 13 plekken ingelezen" in out


def test_proef_writes_nothing(tmp_path, capsys):
    code, out, _ = run(capsys, "--bestand", OVERPASS, "--root", tmp_path, "--proef")
    assert code == 3 and "Proef: er is niets geschreven. Zonder --proef zouden 8 bestand(en) worden geschreven." in out
    assert not (tmp_path / "locations").exists()


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "kaart.json is leeg."),
        (bytes(range(128, 256)) * 10, "kaart.json is geen UTF-8-tekst"),
        (b'{"elements": "geen lijst"}', "er staat geen lijst 'elements' in"),
        (b"[1, 2, 3]", "er staat geen lijst 'elements' in"),
        (b'{"elements": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}", "te diep genest"),
        (b'{"elements": [{"type": "node", "id": 1, "lat": NaN, "lon": 4.7}]}', "'NaN' is geen getal in JSON"),
        (b'{"elements": [' + b'{"type": "node"},' * 20_001 + b"{}]}", "meer dan 20000 elementen"),
    ],
    ids=["leeg", "binair", "geen-lijst", "lijst", "diep", "nan", "te-veel"],
)
def test_garbage_gets_one_dutch_line_and_exit_1(tmp_path, capsys, content, words):
    path = tmp_path / "kaart.json"
    path.write_bytes(content)
    code, _, err = run(capsys, "--bestand", path, "--root", tmp_path)
    assert code == 1 and words in err, err


def test_odd_elements_are_skipped_with_a_reason(tmp_path, capsys):
    elements = [
        {"type": "node", "id": "12", "lat": 52.95, "lon": 4.76, "tags": {"name": "Tekst-id"}},
        {"type": "node", "id": 13, "lat": "52.95", "lon": 4.76, "tags": {"name": "Tekst-lat", "operator": "X"}},
        {"type": "node", "id": 14, "lat": 52.95, "lon": 4.76, "tags": "geen blok"},
        "geen element",
    ]
    path = tmp_path / "kaart.json"
    path.write_text(json.dumps({"elements": elements}), encoding="utf-8")
    code, out, _ = run(capsys, "--bestand", path, "--root", tmp_path)
    assert code == 3
    assert "Dit element heeft geen geldig OSM-id." in out
    assert "Plek 'Tekst-lat' heeft geen middelpunt" in out
    assert "node/14" in out and "geen naam" in out


# --- online: only when an editor runs it ------------------------------------------------------


class _Answer(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_online_asks_overpass_with_a_user_agent_and_a_timeout_and_keeps_the_answer(tmp_path, capsys, monkeypatch):
    asked = {}

    def fake_urlopen(request, timeout):
        asked.update(url=request.full_url, agent=request.get_header("User-agent"), timeout=timeout, body=request.data)
        return _Answer(OVERPASS.read_bytes())

    monkeypatch.setattr(overpass.urllib.request, "urlopen", fake_urlopen)
    kept = tmp_path / "antwoord.json"
    code, out, err = run(capsys, "--root", tmp_path, "--bewaar", kept, "--proef")
    assert code == 3 and "8 bestand(en)" in out
    assert asked["url"] == "https://overpass-api.de/api/interpreter" and asked["timeout"] == 90
    assert asked["agent"].startswith("wegwijzer-van-de-kop")
    assert b"community_centre" in asked["body"] and b"Hollands+Kroon" in asked["body"]
    assert kept.read_bytes() == OVERPASS.read_bytes()
    assert "lees het later opnieuw in met --bestand" in err
    assert f"overpass-{dt.date.today().isoformat()}.json: 14 elementen gelezen." in out
    # The kept answer is never written over without --overschrijven.
    code, _, err = run(capsys, "--root", tmp_path, "--bewaar", kept, "--proef")
    assert code == 1 and "bestaat al" in err


@pytest.mark.parametrize(
    "error, words",
    [
        (urllib.error.URLError("Name or service not known"), "is niet bereikbaar. Ben je online?"),
        (TimeoutError("timed out"), "Overpass antwoordde niet binnen 90 seconden."),
        (urllib.error.HTTPError("u", 429, "Too Many Requests", {}, None), "Overpass gaf een fout (429). De server"),
    ],
    ids=["offline", "te-traag", "te-druk"],
)
def test_offline_or_busy_gets_a_dutch_message(tmp_path, capsys, monkeypatch, error, words):
    def fake_urlopen(request, timeout):
        raise error

    monkeypatch.setattr(overpass.urllib.request, "urlopen", fake_urlopen)
    code, _, err = run(capsys, "--root", tmp_path)
    assert code == 1 and words in err, err
    assert not (tmp_path / "locations").exists()


def test_only_a_web_address_is_asked(tmp_path, capsys):
    code, _, err = run(capsys, "--root", tmp_path, "--server", "file:///etc/passwd")
    assert code == 1 and "--server 'file:///etc/passwd' is geen webadres." in err


def test_the_query_asks_for_centres_inside_the_four_gemeenten():
    query = overpass.query()
    assert "[out:json]" in query and "out center tags;" in query
    assert '"^(Den Helder|Hollands Kroon|Schagen|Texel)$"' in query
    assert all(a in query for a in ("community_centre", "library", "social_facility", "social_centre"))


def test_sources_are_recognised_in_one_place():
    assert osm_ref("OpenStreetMap (ODbL), way/12") == "way/12" and osm_ref("HSDS-import: x.json") is None
    assert source_group("OpenStreetMap (ODbL), node/1") == source_group("OpenStreetMap (ODbL), node/2")


# --- the site credits OpenStreetMap, and shows the source's own check ------------------------------


@pytest.fixture(scope="module")
def credited_site(tmp_path_factory) -> Path:
    project = copy_golden_project(tmp_path_factory.mktemp("osm") / "project")
    assert cli.main(["import-osm", "--bestand", str(OVERPASS), "--root", str(project), "--beheerder", "Redactie"]) == 3
    checked = offer(
        naam="Spreekuur volgens de bron",
        plekken=["buurthuis-de-proef-testdata"],
        bron="HSDS-import: partner.json",
        bron_gecontroleerd_op="2025-03-01",
        voorbeeld=True,
    )
    write_project(project, {}, {"spreekuur-volgens-de-bron": checked})
    return build_in_process(project / "site", project)


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


CREDIT = re.compile(r'© <a href="https://www\.openstreetmap\.org/copyright">OpenStreetMap-bijdragers</a> \(ODbL\)')


def test_pages_with_osm_data_credit_openstreetmap(credited_site):
    assert CREDIT.search(_page(credited_site, "plek/buurthuis-de-proef-testdata"))
    assert CREDIT.search(_page(credited_site, "aanbod/spreekuur-volgens-de-bron"))  # held at an OSM place
    assert not CREDIT.search(_page(credited_site, "plek/bibliotheek-proef"))  # the golden place is not from OSM
    about = _page(credited_site, "over")
    assert "9 plekken komen uit OpenStreetMap:" in about and CREDIT.search(about)
    assert "node/9000000001" not in about  # all OSM places count as one source
    assert "vallen onder de" in about and "niet onder CC BY 4.0" in about


def test_the_sources_check_is_shown_as_theirs_not_ours(credited_site):
    page = _page(credited_site, "aanbod/spreekuur-volgens-de-bron")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page))
    assert (
        "Nog niet door ons gecontroleerd. Volgens de bron (HSDS-import: partner.json) gecontroleerd op 1 maart 2025."
        in text
    )
    assert "Niemand heeft deze gegevens nog nagekeken" not in text


def test_the_fixture_yaml_of_an_osm_place_has_no_check_date(tmp_path, capsys):
    run(capsys, "--bestand", OVERPASS, "--root", tmp_path)
    text = (tmp_path / "locations" / "buurthuis-de-proef-testdata.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["gecontroleerd_op"] is None and "\ngecontroleerd_op:\n" in text
