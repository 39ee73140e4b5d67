"""Loading and validating entry files: all errors at once, in Dutch, with file and line."""

import os
import subprocess
import sys

import pytest
import yaml

from entries import offer, place, write_project
from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors


def problems_for(tmp_path, places, offers):
    write_project(tmp_path, places, offers)
    with pytest.raises(EntryErrors) as exc:
        load_catalog(tmp_path)
    return exc.value.problems


def test_valid_project_loads(tmp_path):
    write_project(tmp_path, {"buurtkamer-test": place()}, {"taalcafe-test": offer()})
    cat = load_catalog(tmp_path)
    assert list(cat.locations) == ["buurtkamer-test"]
    assert [a.id for a in cat.activities_at["buurtkamer-test"]] == ["taalcafe-test"]
    assert cat.activities["taalcafe-test"].source == "activities/taalcafe-test.yaml"


def test_all_errors_in_one_run_with_line_and_field(tmp_path):
    bad_offer = (
        "naam: Taalcafé\n"
        "soort: activiteit\n"
        "samenvatting: Praten.\n"
        "organisatie: Bieb\n"
        "themas: [taal]\n"
        "doelgroep: [ouders]\n"  # line 6: unknown field
        "plekken: [bestaat-niet]\n"  # line 7: unknown place
        "schema:\n"
        "  - dag: maandag\n"
        '    van: "25:00"\n'  # line 10: impossible time
        '    tot: "12:00"\n'
        "bron: x\n"
        "beheerder: y\n"
    )
    problems = problems_for(tmp_path, {"buurtkamer-test": place(contact={"telefoon": "123"})}, {"taalcafe": bad_offer})
    found = {(p.file, p.line, p.field) for p in problems}
    assert ("activities/taalcafe.yaml", 6, "doelgroep") in found
    assert ("activities/taalcafe.yaml", 10, "schema, regel 1, van") in found
    assert ("locations/buurtkamer-test.yaml", None, "contact, telefoon") not in found  # has a line
    assert any(
        p.file == "locations/buurtkamer-test.yaml" and p.field == "contact, telefoon" and p.line for p in problems
    )
    messages = " ".join(p.message for p in problems)
    assert "Bedoelde je 'doelgroepen'?" in messages
    assert "ontbreekt" in messages  # doelgroepen is missing


def test_unknown_place_reference_with_suggestion(tmp_path):
    problems = problems_for(tmp_path, {"buurtkamer-test": place()}, {"x": offer(plekken=["buurtkamer-tset"])})
    assert len(problems) == 1
    assert problems[0].field == "plekken, regel 1"
    assert "Bedoelde je 'buurtkamer-test'?" in problems[0].message


def test_unknown_woonkern_and_wijk(tmp_path):
    problems = problems_for(tmp_path, {"a": place(woonkern="den-burg"), "b": place(wijk="nergens")}, {})
    messages = [p.message for p in problems]
    assert any("'den-burg' is geen woonkern in Den Helder" in m for m in messages)
    assert any("'nergens' is geen wijk" in m for m in messages)


def test_duplicate_ids(tmp_path):
    write_project(tmp_path, {"dubbel": place()}, {"dubbel": offer(plekken=[], gebied=["texel"])})
    (tmp_path / "locations" / "dubbel.yml").write_text("naam: x\n", encoding="utf-8")
    with pytest.raises(EntryErrors) as exc:
        load_catalog(tmp_path)
    again = "Elke bestandsnaam mag maar één keer voorkomen. Kies een andere naam."
    assert [(p.file, p.line, p.field, p.message) for p in exc.value.problems] == [
        ("locations/dubbel.yml", None, "", f"De id 'dubbel' bestaat al (locations/dubbel.yaml). {again}"),
        ("activities/dubbel.yaml", None, "", f"De id 'dubbel' bestaat al (locations/dubbel.yaml). {again}"),
    ]


def test_bad_file_names(tmp_path):
    problems = problems_for(tmp_path, {"Buurt Kamer.yaml": place(), "___.yaml": place(), "notitie.txt": "x"}, {})
    rule = "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld"
    assert [(p.file, p.line, p.field, p.message) for p in problems] == [
        (
            "locations/Buurt Kamer.yaml",
            None,
            "",
            f"De bestandsnaam 'Buurt Kamer.yaml' kan niet. {rule} 'buurt-kamer.yaml'.",
        ),
        ("locations/___.yaml", None, "", f"De bestandsnaam '___.yaml' kan niet. {rule} 'naam.yaml'."),
        ("locations/notitie.txt", None, "", "Dit bestand hoort hier niet. Een item eindigt op .yaml."),
    ]


def test_hidden_files_are_passed_over(tmp_path):
    """A .gitkeep or .DS_Store in a data folder is no entry and no problem; the entries after it are read."""
    write_project(tmp_path, {"buurtkamer-test": place()}, {"taalcafe": offer()})
    for folder in ("locations", "activities"):
        (tmp_path / folder / ".gitkeep").write_text("", encoding="utf-8")
    catalog = load_catalog(tmp_path)
    assert (list(catalog.locations), list(catalog.activities), catalog.problems) == (
        ["buurtkamer-test"],
        ["taalcafe"],
        [],
    )


def test_no_data_folder_is_an_error(tmp_path):
    with pytest.raises(EntryErrors) as exc:
        load_catalog(tmp_path)
    assert [(p.file, p.line, p.field, p.message) for p in exc.value.problems] == [
        (
            str(tmp_path),
            None,
            "",
            f"In {tmp_path} staat geen map locations/ of activities/. Draai dit in de map van de Wegwijzer, "
            "of wijs die map aan met --root.",
        )
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("naam: &a x\nsoort: *a\n", "alias"),
        ("naam: !!python/object:os.system x\n", "mag niet in een bestand"),
        ("naam: x\nnaam: y\n", "twee keer"),
        ("naam: x\n\tsoort: y\n", "tab"),
        ("naam: [x\n", "moet eindigen met ]"),
        ('naam: "x\n', "niet afgesloten"),
        ("- a\n- b\n", "moet velden bevatten"),
    ],
)
def test_unsafe_or_broken_yaml(tmp_path, text, expected):
    problems = problems_for(tmp_path, {"kapot": text}, {})
    assert len(problems) == 1
    assert expected in problems[0].message


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    problems = problems_for(tmp_path, {"bom": "\n".join(lines) + "\n"}, {})
    assert [p.message for p in problems] == [
        "Gebruik geen verwijzing met * (alias) in een bestand. Schrijf de waarde zelf uit."
    ]


def test_huge_file_and_wrong_encoding(tmp_path):
    (tmp_path / "locations").mkdir()
    (tmp_path / "locations" / "groot.yaml").write_text("naam: " + "x" * 300_000 + "\n", encoding="utf-8")
    (tmp_path / "locations" / "latin.yaml").write_bytes("naam: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(EntryErrors) as exc:
        load_catalog(tmp_path)
    messages = {p.file: p.message for p in exc.value.problems}
    assert "te groot" in messages["locations/groot.yaml"]
    assert "UTF-8" in messages["locations/latin.yaml"]


def test_examples_can_be_left_out(tmp_path):
    write_project(
        tmp_path,
        {"buurtkamer-test": place(voorbeeld=True)},
        {"echt": offer(plekken=[], gebied=["regio"]), "demo": offer(voorbeeld=True)},
    )
    assert set(load_catalog(tmp_path, include_examples=False).activities) == {"echt"}
    assert set(load_catalog(tmp_path).activities) == {"echt", "demo"}


def run_cli(args, cwd):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_validate_command_exit_status_and_no_traceback(tmp_path):
    write_project(
        tmp_path,
        {"a": place(soort="kasteel"), "b": place(coordinaten={"lat": 1, "lon": 2})},
        {"c": offer(plekken=["a"], themas=[])},
    )
    result = run_cli(["validate", "--root", str(tmp_path)], tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "locations/a.yaml, regel 2, veld 'soort'" in result.stderr
    assert "locations/b.yaml" in result.stderr and "activities/c.yaml" in result.stderr
    assert "fouten gevonden" in result.stderr


def test_validate_command_ok_on_shipped_data():
    from conftest import ROOT

    result = run_cli(["validate"], ROOT)
    assert result.returncode == 0, result.stderr
    assert "Alles klopt" in result.stdout


def test_place_far_from_its_kern_is_a_warning(tmp_path):
    write_project(tmp_path, {"ver": place(coordinaten={"lat": 53.05, "lon": 4.80})}, {})  # Texel, kern Den Helder
    cat = load_catalog(tmp_path)
    assert [p.field for p in cat.problems if p.warning] == ["coordinaten"]


def test_real_offer_cannot_use_an_example_place(tmp_path):
    problems = problems_for(tmp_path, {"buurtkamer-test": place(voorbeeld=True)}, {"echt": offer()})
    assert "voorbeeld-plek" in problems[0].message


def test_unknown_place_is_reported_even_when_the_offer_has_other_errors(tmp_path):
    problems = problems_for(
        tmp_path, {"buurtkamer-test": place()}, {"x": offer(plekken=["buurtkamer-tst"], themas=["koken"])}
    )
    fields = {p.field for p in problems}
    assert {"plekken, regel 1", "themas, regel 1"} <= fields
    assert any("Bedoelde je 'buurtkamer-test'?" in p.message for p in problems)


def test_end_time_before_start_is_reported_with_other_errors(tmp_path):
    problems = problems_for(
        tmp_path,
        {"buurtkamer-test": place()},
        {"x": offer(schema=[{"dag": "woensdg", "van": "10:00", "tot": "09:00"}])},
    )
    fields = {p.field for p in problems}
    assert {"schema, regel 1, dag", "schema, regel 1, tot"} <= fields


def _rows(problems) -> list[tuple]:
    return [(p.file, p.line, p.field, p.message, p.warning) for p in problems]


def test_folders_in_a_data_folder(tmp_path):
    write_project(tmp_path, {"buurtkamer-test": place()}, {})
    (tmp_path / "activities" / "map.yaml").mkdir()
    (tmp_path / "activities" / "oud").mkdir()
    (tmp_path / "activities" / "notities.txt").write_text("bellen\n", encoding="utf-8")
    (tmp_path / "activities" / "elders.yaml").symlink_to("/etc/hostname")
    with pytest.raises(EntryErrors) as exc:
        load_catalog(tmp_path)
    assert _rows(exc.value.problems) == [
        (
            "activities/elders.yaml",
            None,
            "",
            "Dit bestand verwijst naar '/etc/hostname', buiten de map van de Wegwijzer. "
            "Dat mag niet (zo kan geen ander bestand op de site komen). Zet het bestand zelf in de map.",
            False,
        ),
        (
            "activities/map.yaml",
            None,
            "",
            "Dit is een map, geen bestand. Een item is één bestand dat eindigt op .yaml.",
            False,
        ),
        ("activities/notities.txt", None, "", "Dit bestand hoort hier niet. Een item eindigt op .yaml.", False),
        ("activities/oud", None, "", "Deze map wordt niet gelezen. Zet items direct in de map zelf.", True),
    ]


def test_a_file_without_fields_a_file_that_is_gone_and_a_link_in_a_circle(tmp_path):
    """Each with a Dutch message, none with a traceback (a symlink loop crashed `validate` before)."""
    write_project(tmp_path, {"lijst": "- naam: Buurtkamer\n- soort: buurtkamer\n"}, {})
    locations = tmp_path / "locations"
    (locations / "weg.yaml").symlink_to(locations / "bestaat-niet.yaml")
    (locations / "rondje.yaml").symlink_to(locations / "rondje.yaml")
    with pytest.raises(EntryErrors) as exc:
        load_catalog(tmp_path)
    assert _rows(exc.value.problems) == [
        ("locations/lijst.yaml", 1, "", "Het bestand moet velden bevatten, zoals 'naam: ...' op elke regel.", False),
        (
            "locations/rondje.yaml",
            None,
            "",
            "Dit is een snelkoppeling (symlink) die in een rondje naar zichzelf verwijst. "
            "Zet er een gewoon bestand neer.",
            False,
        ),
        ("locations/weg.yaml", None, "", "Het bestand bestaat niet (of het is een snelkoppeling naar niets).", False),
    ]


def test_a_very_long_line_is_refused_before_it_is_read(tmp_path):
    """Also in a comment: the parser never sees a line that long."""
    text = yaml.safe_dump(place(), allow_unicode=True, sort_keys=False) + "# " + "x" * 2100 + "\n"
    problems = problems_for(tmp_path, {"lang": text}, {})
    assert _rows(problems) == [
        (
            "locations/lang.yaml",
            23,
            "",
            "Deze regel is te lang (2102 tekens). Een regel mag hoogstens 2000 tekens hebben. "
            "Zet lange tekst over meer regels (met | of > achter de veldnaam).",
            False,
        )
    ]


def test_unknown_places_of_a_refused_offer_are_reported_once_in_the_same_run(tmp_path):
    places = {"buurtkamer-test": place(), "kapot": place(plekken=["nergens"])}  # a place has no 'plekken'
    offers = {"x": offer(themas=["koken"], plekken=["buurtkamer-tset"])}
    problems = problems_for(tmp_path, places, offers)
    assert [row for row in _rows(problems) if "geen plek met id" in row[3]] == [
        (
            "activities/x.yaml",
            10,
            "plekken, regel 1",
            "Er is geen plek met id 'buurtkamer-tset'. Bedoelde je 'buurtkamer-test'? "
            "Een id is de naam van een bestand in locations/, zonder .yaml.",
            False,
        )
    ]
