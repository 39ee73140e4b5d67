"""The `wegwijzer` command through its real entry point `main`: exit statuses, the real flags, and the
commands that other tests reach only through their functions (schema, bench, geocode).

Exit statuses: 0 all good, 1 a problem the editor must fix (explained in Dutch, no traceback),
2 a wrong way of calling the command (argparse's usage message).
"""

from __future__ import annotations

import json
import os

import pytest
import yaml

from conftest import ROOT, build_in_process, copy_golden_project
from entries import offer, place, write_project
from wegwijzer.tools import cli, geocode
from wegwijzer.tools.schema_export import schemas


@pytest.fixture
def in_folder(tmp_path, monkeypatch):
    """Run the command in an empty project folder (with a mkdocs.yml, so it is the project root)."""
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_a_command_it_shows_the_commands_and_exits_2(capsys):
    assert cli.main([]) == 2
    out = capsys.readouterr().out
    for command in cli.COMMANDS:
        assert command.name in out


def test_an_unknown_command_or_flag_exits_2(capsys):
    for argv in (["bestaat-niet"], ["validate", "--bestaat-niet"], ["bench", "-n", "veel"]):
        with pytest.raises(SystemExit) as exc:
            cli.main(argv)
        assert exc.value.code == 2, argv
        assert "usage: wegwijzer" in capsys.readouterr().err


def test_validate_exit_status_and_report(tmp_path, capsys):
    write_project(tmp_path, {"buurtkamer-test": place()}, {"taalcafe-test": offer()})
    assert cli.main(["validate", "--root", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "Alles klopt: 1 plekken en 1 keer aanbod.\n"
    write_project(tmp_path, {}, {"kapot": offer(themas=["koken"])})
    assert cli.main(["validate", "--root", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        "activities/kapot.yaml, regel 6, veld 'themas, regel 1': fout: 'koken' is geen geldige keuze." in captured.err
    )
    assert captured.err.rstrip().endswith("1 fout gevonden. Verbeter ze en probeer het opnieuw.")


def test_validate_shows_warnings_but_exits_0(tmp_path, capsys):
    write_project(tmp_path, {"ver": place(coordinaten={"lat": 53.05, "lon": 4.80})}, {})
    assert cli.main(["validate", "--root", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "locations/ver.yaml, regel 10, veld 'coordinaten': let op: De plek ligt 11 km" in captured.err
    assert "Alles klopt: 1 plekken en 0 keer aanbod." in captured.out


def test_schema_in_a_folder_without_data_says_so_in_dutch(in_folder, capsys):
    assert cli.main(["schema"]) == 1
    assert "staat geen map locations/ of activities/" in capsys.readouterr().err
    assert not (in_folder / "schema").exists()


def test_schema_writes_the_json_schemas_for_editors(in_folder, capsys):
    write_project(in_folder, {"buurtkamer-test": place()}, {})
    assert cli.main(["schema"]) == 0
    assert capsys.readouterr().out == "Geschreven: schema/plek.schema.json\nGeschreven: schema/aanbod.schema.json\n"
    for name, schema in schemas(in_folder).items():
        written = json.loads((in_folder / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert written == json.loads(json.dumps(schema))


PLACE_WITHOUT_POINT = """naam: Buurtkamer Zonder Punt
soort: buurtkamer
adres: {straat: Keizerstraat, huisnummer: 12, postcode: 1781 AB, plaats: Den Helder}
gemeente: den-helder
woonkern: den-helder-stad
bron: Test
beheerder: Test
"""
QUERY = "Keizerstraat 12, 1781 AB Den Helder, Nederland"


@pytest.fixture
def no_network(monkeypatch):
    """geocode may only use its cache here: a lookup on the internet fails the test."""

    def lookup(query):
        pytest.fail(f"geocode went to the internet for {query!r}")

    monkeypatch.setattr(geocode, "nominatim_lookup", lambda: lookup)


def test_geocode_fills_in_from_the_cache(tmp_path, no_network, capsys):
    write_project(tmp_path, {"zonder-punt": PLACE_WITHOUT_POINT}, {})
    cache = tmp_path / "cache.json"
    cache.write_text(json.dumps({QUERY: [52.9585, 4.7604]}), encoding="utf-8")
    file = tmp_path / "locations" / "zonder-punt.yaml"

    assert cli.main(["geocode", "--root", str(tmp_path), "--cache", str(cache), "--alleen-kijken"]) == 0
    assert file.read_text(encoding="utf-8") == PLACE_WITHOUT_POINT  # only looking: nothing changes

    assert cli.main(["geocode", "--root", str(tmp_path), "--cache", str(cache)]) == 0
    out = capsys.readouterr().out
    assert f"locations/zonder-punt.yaml: coordinaten ingevuld (52.9585, 4.7604) bij '{QUERY}'." in out
    assert yaml.safe_load(file.read_text(encoding="utf-8"))["coordinaten"] == {"lat": 52.9585, "lon": 4.7604}
    assert cli.main(["validate", "--root", str(tmp_path)]) == 0

    assert cli.main(["geocode", "--root", str(tmp_path), "--cache", str(cache)]) == 0
    assert "Alle 1 plekken hebben al coördinaten. Er is niets veranderd." in capsys.readouterr().out


def test_geocode_exits_1_when_an_address_is_too_vague(tmp_path, no_network, capsys):
    vague = PLACE_WITHOUT_POINT.replace(
        "adres: {straat: Keizerstraat, huisnummer: 12, postcode: 1781 AB, plaats: Den Helder}",
        "adres: {plaats: Den Helder}",
    )
    write_project(tmp_path, {"vaag": vague}, {})
    assert cli.main(["geocode", "--root", str(tmp_path), "--cache", str(tmp_path / "cache.json")]) == 1
    assert f"locations/vaag.yaml: {geocode.NO_ADDRESS}" in capsys.readouterr().err
    assert not (tmp_path / "cache.json").exists()


def test_build_zonder_voorbeelden_flag_leaves_examples_out(tmp_path):
    """The real flag, not only the environment variable it sets."""
    project = copy_golden_project(tmp_path / "project")
    before = dict(os.environ)
    build_in_process(tmp_path / "echt", project, None, "--zonder-voorbeelden")
    assert dict(os.environ) == before
    examples = ["aanbod/wandelen-om-de-week", "plek/bibliotheek-proef"]
    assert [p for p in examples if (tmp_path / "echt" / p).exists()] == []
    assert (tmp_path / "echt" / "aanbod" / "taalcafe-proef" / "index.html").is_file()
    every_page = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "echt").rglob("*.html"))
    assert "Wandelen om de week" not in every_page and "Dit item is verzonnen" not in every_page


def test_build_with_errors_exits_1_in_dutch(tmp_path, capsys, monkeypatch):
    project = copy_golden_project(tmp_path / "project")
    write_project(project, {}, {"kapot": offer(plekken=["bestaat-niet"])})
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    assert cli.main(["build", "--site-dir", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fout: Er zijn fouten in de items:\n")
    assert (
        "activities/kapot.yaml, regel 10, veld 'plekken, regel 1': fout: Er is geen plek met id 'bestaat-niet'." in err
    )
    assert err.endswith("De site is niet gebouwd. Lees de fout hierboven, verbeter hem en probeer het opnieuw.\n")
    assert "Traceback" not in err
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.build
def test_bench_builds_the_guides_on_the_synthetic_data(tmp_path):
    """The benchmark measures the guide pages too: the shipped guides, chosen by theme and place alone."""
    from wegwijzer.core.load import load_catalog
    from wegwijzer.tools.bench import _prepare

    work = _prepare(ROOT, tmp_path, 30)
    catalog = load_catalog(work)
    shipped = load_catalog(ROOT, strict=False).guides
    assert sorted(catalog.guides) == sorted(shipped)
    assert all(not g.meta.aanbod and not g.meta.hulplijnen for g in catalog.guides.values())


def test_bench_measures_a_small_synthetic_site(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "bench.json"
    assert cli.main(["bench", "-n", "30", "--uit", str(out)]) == 0
    (result,) = json.loads(out.read_text(encoding="utf-8"))
    assert json.loads(capsys.readouterr().out) == result
    assert result["n"] == 30
    assert result["pages"] > 30 and result["entry_html_max_kb"] >= result["entry_html_median_kb"] > 0
    assert result["build_s"] > 0 and result["peak_mb"] > 0 and result["site_mb"] > 0
