"""The JSON Schema for editors (`wegwijzer schema`, VS Code): valid draft-07, up to date, the rules of validate."""

from __future__ import annotations

import fnmatch
import json
import random
import re
import shutil
import subprocess

import pytest
import yaml
from jsonschema import Draft7Validator
from pydantic import ValidationError

from conftest import ROOT
from entries import offer, place, write_project
from wegwijzer.core import yamlsafe
from wegwijzer.core.load import FOLDERS, SUFFIXES, load_catalog
from wegwijzer.core.messages import field_label
from wegwijzer.core.problems import EntryErrors
from wegwijzer.tools.cli import main
from wegwijzer.tools.schema_export import FOLDER, KINDS, schemas, stale_schemas

FOLDER_OF = {folder: name for name, (_, folder, _) in KINDS.items()}


def validator(schema) -> Draft7Validator:
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def error_paths(schema, data) -> list[tuple]:
    """Where the schema refuses the data (instance paths, also of the parts of anyOf/oneOf)."""
    paths = []

    def walk(errors):
        for e in errors:
            paths.append(tuple(e.absolute_path))
            walk(e.context or [])

    walk(validator(schema).iter_errors(data))
    return paths


@pytest.fixture(scope="module")
def shipped():
    return schemas(ROOT)


# --- the files ---------------------------------------------------------------------------------------------


def test_schema_is_valid_draft_07(shipped):
    for name, schema in shipped.items():
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#", name
        Draft7Validator.check_schema(schema)
        assert "$defs" not in json.dumps(schema), "draft-07 gebruikt 'definitions'"


def test_schema_on_disk_is_what_wegwijzer_schema_writes_now():
    assert stale_schemas(ROOT) == ([], []), "Draai 'wegwijzer schema' en zet schema/ in je commit."


def test_a_new_place_makes_the_schema_stale_with_a_dutch_hint(tmp_path, capsys):
    write_project(tmp_path, {"buurtkamer-test": place()}, {"taalcafe-test": offer()})
    command = ["schema", "--root", str(tmp_path)]
    assert main(command) == 0
    assert "Geschreven: schema/aanbod.schema.json" in capsys.readouterr().out
    assert main(command + ["--controleer"]) == 0
    assert "actueel" in capsys.readouterr().out
    # A new place (e.g. from the web editor) is only a hint: the check passes, and says so.
    write_project(tmp_path, {"dorpshuis-test": place(naam="Dorpshuis Test")}, {})
    assert main(command + ["--controleer"]) == 0
    assert "kent de nieuwste plekken nog niet" in capsys.readouterr().err
    assert main(command) == 0
    assert '"dorpshuis-test"' in (tmp_path / "schema" / "aanbod.schema.json").read_text(encoding="utf-8")
    capsys.readouterr()
    # A change in the model or the lists is an error until the schema is written again.
    schema_path = tmp_path / "schema" / "plek.schema.json"
    schema_path.write_text(schema_path.read_text(encoding="utf-8").replace("Buurtkamer", "Buurtkamertje"), "utf-8")
    assert main(command + ["--controleer"]) == 1
    err = capsys.readouterr().err
    assert "Draai 'wegwijzer schema'" in err and "schema/plek.schema.json" in err


def test_vscode_maps_yaml_and_yml_files_to_the_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    for folder in FOLDERS:
        globs = settings[f"./{FOLDER}/{FOLDER_OF[folder]}.schema.json"]
        assert (ROOT / FOLDER / f"{FOLDER_OF[folder]}.schema.json").is_file()
        for suffix in SUFFIXES:
            assert any(fnmatch.fnmatch(f"{folder}/naam{suffix}", g) for g in globs), f"{folder}/*{suffix} ontbreekt"


def test_every_field_has_a_dutch_description(shipped):
    english = re.compile(r"\b(the|and|with|of an|HSDS)\b")
    for name, schema in shipped.items():
        parts = [("", schema)] + list(schema["definitions"].items())
        for part, definition in parts:
            for field, prop in definition.get("properties", {}).items():
                text = prop.get("description", "")
                assert text and not english.search(text), f"{name} {part}.{field}: '{text}'"
        assert not any("title" in d for _, d in parts[1:]), "geen Engelse titels (Address, Contact, ...)"


def test_completion_lists_come_from_the_data_and_the_lists(shipped, catalog):
    plek, aanbod = shipped["plek"], shipped["aanbod"]
    assert plek["properties"]["gemeente"]["enum"] == ["den-helder", "hollands-kroon", "schagen", "texel"]
    per_gemeente = {
        rule["if"]["properties"]["gemeente"]["const"]: rule["then"]["properties"]["woonkern"]["enum"]
        for rule in plek["allOf"]
        if "then" in rule and "gemeente" in rule["if"]["properties"]
    }
    assert per_gemeente["texel"] == [k.id for k in catalog.region.kernen("texel")]
    assert "den-burg" in per_gemeente["texel"] and "julianadorp" not in per_gemeente["texel"]
    themes = aanbod["properties"]["themas"]["items"]
    assert "gezondheid" in themes["enum"] and len(themes["enumDescriptions"]) == len(themes["enum"])
    example_branch = aanbod["allOf"][0]["then"]["properties"]["plekken"]["items"]
    assert example_branch["enum"] == sorted(catalog.locations)


# --- the same rules as validate ------------------------------------------------------------------------------


def test_every_shipped_entry_passes_the_schema(shipped):
    checked = 0
    for folder, name in FOLDER_OF.items():
        check = validator(shipped[name])
        for path in sorted((ROOT / folder).iterdir()):
            if path.suffix in SUFFIXES:
                errors = [f"{e.json_path}: {e.message[:120]}" for e in check.iter_errors(yamlsafe.read(path).data)]
                assert not errors, f"{path.name}: {errors}"
                checked += 1
    assert checked >= 100


def _entries_that_pass():
    yield (
        "huisnummer as a number",
        place(adres={"straat": "Keizerstraat", "huisnummer": 12, "plaats": "Den Helder"}),
        {},
    )
    yield "time without a leading zero", {}, offer(schema=[{"dag": "dinsdag", "van": "9:30", "tot": "12:00"}])
    yield "postcode in small letters", place(adres={"postcode": "1781ab", "plaats": "Den Helder"}), {}
    yield "ja for true", {}, offer(kosten={"gratis": "ja"}, aanmelden={"nodig": "nee"})
    yield "wijk in Den Helder", place(wijk="centrum"), {}
    yield "example offer at an example place", place(voorbeeld=True), offer(voorbeeld=True)
    monthly = {"dag": "woensdag", "van": "10:00", "tot": "12:00", "herhaling": "maandelijks", "week": -1}
    yield "monthly with a week", {}, offer(schema=[monthly])


@pytest.mark.parametrize(("what", "the_place", "the_offer"), list(_entries_that_pass()))
def test_entries_that_validate_accepts_pass_the_schema(tmp_path, what, the_place, the_offer):
    write_project(tmp_path, {"buurtkamer-test": the_place or place()}, {"taalcafe-test": the_offer or offer()})
    load_catalog(tmp_path)  # validate accepts it
    made = schemas(tmp_path)
    assert error_paths(made["plek"], the_place or place()) == [], what
    assert error_paths(made["aanbod"], the_offer or offer()) == [], what


def slot(**changes) -> dict:
    return {"dag": "dinsdag", "van": "10:00", "tot": "12:00", **changes}


WRONG = [
    # (what, kind, entry, where validate reports it)
    ("wrong gemeente", "plek", place(gemeente="den-heldr"), ("gemeente",)),
    ("woonkern of another gemeente", "plek", place(gemeente="texel", woonkern="julianadorp"), ("woonkern",)),
    ("wijk in a kern without wijken", "plek", place(woonkern="julianadorp", wijk="centrum"), ("wijk",)),
    ("unknown field", "plek", place(telefoon="0223 123 456"), ("telefoon",)),
    ("place outside the region", "plek", place(coordinaten={"lat": 52.37, "lon": 4.89}), ("coordinaten",)),
    ("postcode", "plek", place(adres={"postcode": "17811AB", "plaats": "Den Helder"}), ("adres", "postcode")),
    ("huisnummer without straat", "plek", place(adres={"huisnummer": 12, "plaats": "Den Helder"}), ("adres",)),
    ("phone", "plek", place(contact={"telefoon": "12345"}), ("contact", "telefoon")),
    ("hours without a way", "plek", place(contact={"bereikbaar": "Elke ochtend."}), ("contact",)),
    ("e-mail", "plek", place(contact={"email": "info@voorbeeld"}), ("contact", "email")),
    ("web address", "plek", place(contact={"website": "www.voorbeeld.nl"}), ("contact", "website")),
    ("HTML in a text", "plek", place(naam="<b>Buurtkamer</b>"), ("naam",)),
    ("opening day", "plek", place(openingstijden=[{"dag": "mandag", "van": "09:00", "tot": "12:00"}]), None),
    ("wrong time format", "aanbod", offer(schema=[slot(van="10.00")]), None),
    ("wrong theme", "aanbod", offer(themas=["koken"]), ("themas", 0)),
    ("wrong audience", "aanbod", offer(doelgroepen=["bejaarden"]), ("doelgroepen", 0)),
    ("unknown place", "aanbod", offer(plekken=["bestaat-niet"]), ("plekken", 0)),
    ("wrong gebied", "aanbod", offer(plekken=[], gebied=["noord"]), ("gebied", 0)),
    ("no place and no gebied", "aanbod", offer(plekken=[]), ()),
    ("summary on two lines", "aanbod", offer(samenvatting="Eén zin.\nNog een zin."), ("samenvatting",)),
    ("dag and datum", "aanbod", offer(schema=[slot(datum="2026-05-05")]), ("schema", 0)),
    ("monthly without week", "aanbod", offer(schema=[slot(herhaling="maandelijks")]), ("schema", 0)),
    ("week without monthly", "aanbod", offer(schema=[slot(week=2)]), ("schema", 0)),
    ("free and an amount", "aanbod", offer(kosten={"gratis": True, "bedrag": 2.5}), ("kosten",)),
    ("cost without anything", "aanbod", offer(kosten={"gratis": False}), ("kosten",)),
]  # fmt: skip
WRONG_TIME = ("schema", 0, "van")
WRONG_DAY = ("openingstijden", 0, "dag")


@pytest.mark.parametrize(("what", "kind", "entry", "where"), WRONG, ids=[w[0] for w in WRONG])
def test_wrong_entries_fail_the_schema_where_validate_refuses_them(tmp_path, what, kind, entry, where):
    if where is None:
        where = WRONG_TIME if kind == "aanbod" else WRONG_DAY
    places = {"buurtkamer-test": entry if kind == "plek" else place()}
    write_project(tmp_path, places, {"taalcafe-test": entry if kind == "aanbod" else offer()})
    with pytest.raises(EntryErrors) as refused:
        load_catalog(tmp_path)
    errors = [p for p in refused.value.problems if not p.warning]
    assert field_label(where) in [p.field for p in errors], f"{what}: validate zegt {errors}"
    found = error_paths(schemas(tmp_path)[kind], entry)
    assert found, f"{what}: het schema keurt het goed"
    related = [p for p in found if p[: len(where)] == where or where[: len(p)] == p]
    assert related, f"{what}: het schema wijst {found} aan, validate {where}"


def test_a_real_offer_cannot_point_to_an_example_place(tmp_path):
    write_project(tmp_path, {"buurtkamer-test": place(voorbeeld=True)}, {"taalcafe-test": offer()})
    with pytest.raises(EntryErrors):
        load_catalog(tmp_path)
    made = schemas(tmp_path)["aanbod"]
    assert ("plekken", 0) in error_paths(made, offer())
    assert error_paths(made, offer(voorbeeld=True)) == []


# --- patterns: the same verdict as the model's checks, in Python and in JavaScript (VS Code) -------------------


def _verdicts_of_model():
    """Per check: the part of the model, the field, and values to try (valid seeds and random changes)."""
    from wegwijzer.core.model import Address, Contact, OpeningHours, Registration

    return {
        "tijd": (OpeningHours, {"dag": "maandag", "tot": "24:00"}, "van", "0123456789: a", ["09:30", "9:30", "23:59"]),
        "postcode": (Address, {"plaats": "X"}, "postcode", "0123456789 ABSDsdz", ["1781 AB", "1781ab", "9999 ZZ"]),
        "telefoon": (
            Contact,
            {},
            "telefoon",
            "0123456789 +-().",
            ["0223 123 456", "06-12345678", "+31 6 12345678", "0031 223 123456", "0800 1234", "14 0223"]
            + ["+44 20 7946", "112", "+31 800 1234", "0031 900 1234"],
        ),
        "email": (Contact, {}, "email", "ab.Z0_%+'-@ :", ["info@voorbeeld.nl", "mailto:a.b@c-d.nl", "x+y@sub.dom.org"]),
        "website": (Contact, {}, "website", "htps:/wv.nx?#[]\"' <>`\\", ["https://www.voorbeeld.nl", "HTTP://x.nl/a?b#c"]),
        "tekst": (Registration, {"nodig": True}, "hoe", "<>/ab! ]():", ["Bel ons.", "[a](https://x.nl)", "**Kom**"]),
    }  # fmt: skip


def _values(rng: random.Random, alphabet: str, seeds: list[str], n: int = 600) -> list[str]:
    out = list(seeds)
    for _ in range(n):
        if rng.random() < 0.2:
            out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))))
            continue
        value = list(rng.choice(seeds))
        for _ in range(rng.randint(1, 3)):
            i = rng.randint(0, len(value))
            action = rng.choice("idr")
            if action == "i" or not value:
                value.insert(i, rng.choice(alphabet))
            elif action == "d":
                del value[min(i, len(value) - 1)]
            else:
                value[min(i, len(value) - 1)] = rng.choice(alphabet)
        out.append("".join(value))
    return out


def _model_accepts(part, base: dict, field: str, value: str) -> bool:
    try:
        part.model_validate({**base, field: value})
    except ValidationError as exc:
        return not any(e["loc"][:1] == (field,) for e in exc.errors())
    return True


def _schema_pattern(shipped, part, field: str) -> str:
    prop = shipped["plek"]["definitions"].get(part.__name__, shipped["aanbod"]["definitions"].get(part.__name__))
    prop = prop["properties"][field]
    return next(s["pattern"] for s in [prop, *prop.get("anyOf", [])] if "pattern" in s)


def test_patterns_accept_what_the_model_accepts(shipped):
    node = shutil.which("node")
    assert node, "node ontbreekt (nodig om de patronen te testen zoals VS Code ze leest)"
    rng = random.Random(22)
    cases = []
    for name, (part, base, field, alphabet, seeds) in _verdicts_of_model().items():
        pattern = _schema_pattern(shipped, part, field)
        values = _values(rng, alphabet, seeds)
        expected = [_model_accepts(part, base, field, v) for v in values]
        assert all(expected[: len(seeds)]) and not all(expected), name
        python = [re.search(pattern, v) is not None for v in values]
        wrong = [(v, e) for v, e, p in zip(values, expected, python, strict=True) if e != p]
        assert not wrong, f"{name}: model en schema zijn het oneens over {wrong[:5]}"
        cases.append({"name": name, "pattern": pattern, "values": values, "expected": expected})
    # VS Code compiles a pattern as new RegExp(pattern, "u"): check the same values that way.
    script = (
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const bad = cases.flatMap(c => { const r = new RegExp(c.pattern, 'u');"
        " return c.values.filter((v, i) => r.test(v) !== c.expected[i]).map(v => [c.name, v]); });"
        "console.log(JSON.stringify(bad));"
    )
    run = subprocess.run([node, "-e", script], input=json.dumps(cases), capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []


# --- in the editor: yaml-language-server (VS Code YAML) with .vscode/settings.json ----------------------------


@pytest.fixture(scope="module")
def editor():
    from yaml_ls import YamlLanguageServer

    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    yaml_settings = {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}
    yaml_settings["schemas"] = settings["yaml.schemas"]
    server = YamlLanguageServer(ROOT, yaml_settings).start()
    yield server
    server.close()


def _lines(text: str) -> list[str]:
    return text.split("\n")


def yaml_text(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_the_editor_completes_woonkern_for_the_chosen_gemeente(editor, catalog):
    text = "naam: Proef\ngemeente: texel\nwoonkern: \n"
    editor.open("locations/proef-woonkern.yaml", text)
    editor.messages("locations/proef-woonkern.yaml")
    values = editor.complete("locations/proef-woonkern.yaml", 2, len("woonkern: "))
    assert [v for v, _ in values] == [k.id for k in catalog.region.kernen("texel")]
    assert ("den-burg", "Den Burg") in values
    text = "naam: Proef\ngemeente: \n"
    editor.open("locations/proef-gemeente.yml", text)
    editor.messages("locations/proef-gemeente.yml")
    assert [v for v, _ in editor.complete("locations/proef-gemeente.yml", 1, len("gemeente: "))] == [
        "den-helder",
        "hollands-kroon",
        "schagen",
        "texel",
    ]


def test_the_editor_completes_places_and_themes_of_an_offer(editor, catalog):
    text = "naam: Proef\nvoorbeeld: true\nthemas:\n  - \nplekken:\n  - \n"
    editor.open("activities/proef.yaml", text)
    editor.messages("activities/proef.yaml")
    themes = [v for v, _ in editor.complete("activities/proef.yaml", 3, 4)]
    assert themes[:3] == ["ontmoeten", "gezondheid", "je-goed-voelen"]
    places = dict(editor.complete("activities/proef.yaml", 5, 4))
    assert sorted(places) == sorted(catalog.locations)
    some = next(iter(catalog.locations.values()))
    assert places[some.id].startswith(some.naam)


def test_the_editor_shows_the_mistakes_of_validate_in_dutch(editor):
    wrong_place = (
        "naam: Proef\nsoort: buurthuis\ngemeente: texel\nwoonkern: julianadorp\nwijk: centrum\n"
        "adres:\n  postcode: 17811AB\n  plaats: Den Burg\ncoordinaten: {lat: 53.05, lon: 4.80}\n"
        "contact:\n  telefoon: '12345'\nbron: Proef\nbeheerder: Proef\n"
    )
    editor.open("locations/proef-fout.yml", wrong_place)
    found = editor.messages("locations/proef-fout.yml", until=lambda f: len(f) >= 4)
    texel = "den-burg, de-koog, oudeschild, oosterend, de-waal, de-cocksdorp, den-hoorn"
    assert f"4: Dit is geen woonkern in Texel. Kies uit: {texel}." in found
    assert "5: Deze woonkern heeft geen wijken in de lijst. Haal 'wijk' weg." in found
    assert "7: Schrijf vier cijfers en twee letters, bijvoorbeeld 1781 AB." in found
    assert any(m.startswith("11: Schrijf het hele nummer met netnummer") for m in found)
    wrong_offer = _lines(yaml_text(offer(themas=["koken"], plekken=["bestaat-niet"])))
    wrong_offer = "\n".join(line.replace("'10:00'", "'10.00'") for line in wrong_offer)
    editor.open("activities/proef-fout.yaml", wrong_offer)
    found = editor.messages("activities/proef-fout.yaml", until=lambda f: len(f) >= 3)
    assert any("Dit is geen thema" in m for m in found), found
    assert any("Er is geen echte plek met deze id" in m for m in found), found
    assert any('Schrijf een tijd als "09:30"' in m for m in found), found


def test_the_editor_accepts_every_shipped_entry(editor):
    names = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).iterdir()):
            if path.suffix in SUFFIXES:
                names.append(f"{folder}/{path.name}")
                editor.open(names[-1], path.read_text(encoding="utf-8"))
    marker = "activities/proef-laatste.yaml"
    editor.open(marker, "naam: Proef\nthemas: [koken]\n")
    editor.messages(marker)  # the files are checked in order: the last one has its messages now
    assert [n for n in names if editor.uri(n) not in editor.diagnostics] == [], "niet alle bestanden gecontroleerd"
    found = {name: editor.messages(name, until=lambda f: True) for name in names}
    assert {name: m for name, m in found.items() if m} == {}
