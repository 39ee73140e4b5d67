"""`wegwijzer import-csv`: a spreadsheet (CSV or XLSX) and a mapping file become entries that pass validate."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
import pytest
import yaml

from conftest import ROOT
from entries import offer, place, write_project
from wegwijzer.core.load import load_catalog
from wegwijzer.opendata.imports import tabular
from wegwijzer.tools import cli

FIXTURES = ROOT / "tests" / "fixtures" / "imports"
CSV_1252 = FIXTURES / "aanbod-windows-1252.csv"
MAPPING = FIXTURES / "aanbod-kolommen.yaml"


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = cli.main(["import-csv", *(str(a) for a in args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def mapping(tmp_path: Path, **data) -> Path:
    path = tmp_path / "kolommen.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


OFFER_MAPPING = {
    "wat": "aanbod",
    "bron": "Testlijst",
    "kolommen": {"naam": "Naam", "samenvatting": "Wat", "organisatie": "Wie"},
    "vast": {"soort": "activiteit", "themas": ["ontmoeten"], "doelgroepen": ["iedereen"], "gemeente": "texel"},
}


def test_windows_1252_list_with_a_bad_row(tmp_path, capsys):
    code, out, _ = run(capsys, CSV_1252, "--mapping", MAPPING, "--root", tmp_path)
    assert code == 3  # one row was skipped, the others came in
    assert "aanbod-windows-1252.csv: gelezen als Windows-1252, met puntkomma (;) tussen de kolommen." in out
    assert "Niet gebruikte kolommen: Opmerking intern." in out
    # The bad row: its number, what did not fit, why it was skipped.
    assert "NIET ingelezen: Regel 5: Sportles" in out
    assert "Woonkern 'Nergensdorp' staat niet in de lijst met woonkernen" in out
    assert "Tijd niet overgenomen: de eindtijd 08:00 ligt niet na de begintijd 09:00." in out
    assert "Klopt niet: themas: Het veld 'themas' ontbreekt." in out
    assert "Niet in de lijst 'themas' (veld themas): 'Sport' (regel 5). Toegestaan: ontmoeten, gezondheid," in out
    assert "4 van de 5 regels ingelezen, 1 niet (de reden staat erbij)." in out
    assert cli.main(["validate", "--root", str(tmp_path)]) == 0
    cat = load_catalog(tmp_path)
    money = cat.activities["geldspreekuur"]
    # 'Financiën' in Windows-1252 is read as 'Financiën' and mapped through 'waarden'.
    assert money.themas == ["geld"] and money.samenvatting == "Hulp bij je post en je geld, één keer per week."
    assert money.gebied == ["schagen"] and money.contact is None  # '224000002' lost its 0: reported, not guessed
    assert "Dan is de 0 aan het begin weggevallen." in out
    assert (money.kosten.bedrag, money.kosten.uitleg) == (2.5, "per keer")
    assert [(i.dag, i.van, i.tot) for i in money.schema] == [("donderdag", "13:30", "15:00")]
    coffee, language = cat.activities["koffieochtend-proefdorp"], cat.activities["taalcafe-proef"]
    assert coffee.plekken == language.plekken == ["dorpshuis-de-proef"]  # one new place, used twice
    new_place = cat.locations["dorpshuis-de-proef"]
    assert (new_place.soort, new_place.woonkern, new_place.gemeente) == ("dorpshuis", "tuitjenhorn", "schagen")
    assert "Het midden van Tuitjenhorn is gebruikt: zet de echte plek op de kaart." in out
    assert language.themas == ["taal", "digitaal"] and coffee.kosten.gratis
    for entry in [*cat.activities.values(), *cat.locations.values()]:
        assert entry.bron == "Testlijst welzijn (verzonnen, voor de tests)" and entry.gecontroleerd_op is None
    assert "\ngecontroleerd_op:\n" in (tmp_path / "activities" / "geldspreekuur.yaml").read_text(encoding="utf-8")


def test_a_second_run_overwrites_nothing_and_proef_writes_nothing(tmp_path, capsys):
    assert run(capsys, CSV_1252, "--mapping", MAPPING, "--root", tmp_path, "--proef")[0] == 3
    assert not (tmp_path / "activities").exists() and not (tmp_path / "locations").exists()
    run(capsys, CSV_1252, "--mapping", MAPPING, "--root", tmp_path)
    changed = tmp_path / "activities" / "geldspreekuur.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("per keer", "per keer (nagekeken)"))
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.yaml")}
    code, out, _ = run(capsys, CSV_1252, "--mapping", MAPPING, "--root", tmp_path)
    assert code == 3
    assert "Er is al een item activities/geldspreekuur.yaml. Niets overschreven; vergelijk ze zelf." in out
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.yaml")} == before


def test_utf8_with_bom_and_commas_inside_quotes(tmp_path, capsys):
    data = (
        "Naam,Wat,Wie,Uitleg\n"
        '"Inloop, met koffie","Kom langs, iedereen is welkom.",Stichting Proef,"Regel een.\nRegel twee."\n'
    )
    path = tmp_path / "lijst.csv"
    path.write_bytes(b"\xef\xbb\xbf" + data.encode("utf-8"))
    spec = {**OFFER_MAPPING, "kolommen": {**OFFER_MAPPING["kolommen"], "beschrijving": "Uitleg"}}
    code, out, _ = run(capsys, path, "--mapping", mapping(tmp_path, **spec), "--root", tmp_path / "p")
    assert code == 0, out
    assert "gelezen als UTF-8 (met BOM), met komma (,) tussen de kolommen." in out
    act = load_catalog(tmp_path / "p").activities["inloop-met-koffie"]
    assert (act.naam, act.beschrijving, act.gebied) == ("Inloop, met koffie", "Regel een.\nRegel twee.", ["texel"])


def test_no_place_and_no_gemeente_is_not_made_the_whole_region(tmp_path, capsys):
    """Coverage is never invented: without a place or gemeente the area is 'onbekend'; 'regio' only when written."""
    path = tmp_path / "lijst.csv"
    path.write_text("Naam,Wat,Wie,Waar\nKoffie,Samen koffie.,Proef,\nThee,Samen thee.,Proef,Regio\n", encoding="utf-8")
    vast = {k: v for k, v in OFFER_MAPPING["vast"].items() if k != "gemeente"}
    spec = {**OFFER_MAPPING, "kolommen": {**OFFER_MAPPING["kolommen"], "gemeente": "Waar"}, "vast": vast}
    code, out, _ = run(capsys, path, "--mapping", mapping(tmp_path, **spec), "--root", tmp_path / "p")
    assert code == 0, out
    acts = load_catalog(tmp_path / "p").activities
    assert (acts["koffie"].gebied, acts["thee"].gebied) == (["onbekend"], ["regio"])
    assert "Gebied is 'onbekend': weet je waar het is? Zet dan de gemeente of 'regio'." in out


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "Uitleg"
    book.active.append(["Dit blad is geen lijst."])
    sheet = book.create_sheet("Plekken")
    sheet.append(["Naam", "Soort", "Adres", "Postcode", "Plaats", "Telefoon", "Breedte", "Lengte", "Toegankelijk"])
    sheet.append(
        [
            "Buurthuis Proef",
            "Buurthuis",
            "Proefstraat 3",
            "1781ab",
            "Den Helder",
            "0223 000 003",
            52.9581,
            4.7612,
            "rolstoel, toilet",
        ]
    )
    sheet.append(["Formulehuis", '="buurt"&"huis"', "Proefstraat 4", None, "Julianadorp", 223000004, None, None, None])
    sheet.append(["Open tijd", "dorpshuis", None, None, "Oosterend", None, None, None, dt.time(9, 30)])
    book.save(path)
    return path


PLACE_MAPPING = {
    "wat": "plek",
    "bron": "Plekkenlijst (proef)",
    "blad": "Plekken",
    "kolommen": {
        "naam": "Naam",
        "soort": "Soort",
        "adres": "Adres",
        "postcode": "Postcode",
        "plaats": "Plaats",
        "telefoon": "Telefoon",
        "lat": "Breedte",
        "lon": "Lengte",
        "toegankelijkheid": "Toegankelijk",
    },
    "vast": {"beheerder": "Proefbeheer"},
}


def test_xlsx_places_with_a_formula_that_is_never_calculated(tmp_path, capsys):
    book = _workbook(tmp_path / "plekken.xlsx")
    code, out, _ = run(capsys, book, "--mapping", mapping(tmp_path, **PLACE_MAPPING), "--root", tmp_path / "p")
    assert code == 0, out
    assert "plekken.xlsx: Excel-bestand, blad 'Plekken'." in out
    assert "Cel B3 is een formule. Formules rekent de Wegwijzer niet uit: de cel is leeg gelaten." in out
    cat = load_catalog(tmp_path / "p")
    hall = cat.locations["buurthuis-proef"]
    assert (hall.soort, hall.adres.straat, hall.adres.huisnummer, hall.adres.postcode) == (
        "buurthuis",
        "Proefstraat",
        "3",
        "1781 AB",
    )
    assert (hall.coordinaten.lat, hall.coordinaten.lon, hall.toegankelijkheid) == (
        52.9581,
        4.7612,
        ["rolstoel", "toilet"],
    )
    assert hall.contact.telefoon == "0223 000 003" and hall.beheerder == "Proefbeheer"
    formula = cat.locations["formulehuis"]
    assert formula.soort == "anders" and formula.woonkern == "julianadorp"  # the formula's result is not guessed
    assert "Telefoonnummer '223000004' is niet overgenomen" in out
    assert "'09:30' staat niet in de lijst en is niet overgenomen." in out  # a time cell in a list column


def test_a_sheet_that_is_not_there_names_the_sheets(tmp_path, capsys):
    book = _workbook(tmp_path / "plekken.xlsx")
    spec = {**PLACE_MAPPING, "blad": "Blad1"}
    code, _, err = run(capsys, book, "--mapping", mapping(tmp_path, **spec), "--root", tmp_path)
    assert code == 1
    assert "plekken.xlsx heeft geen blad 'Blad1'. De bladen zijn: Uitleg, Plekken." in err


def test_every_problem_in_the_mapping_file_at_once(tmp_path, capsys):
    bad = mapping(
        tmp_path,
        wat="aanbod",
        kolom={"naam": "Naam"},
        kolommen={"naam": "Naam", "kleur": "Kleur"},
        vast={"themas": ["sport"], "soort": "activiteit"},
        waarden={"doelgroepen": {"65+": "bejaarden"}},
    )
    code, _, err = run(capsys, CSV_1252, "--mapping", bad, "--root", tmp_path)
    assert code == 1
    lines = err.strip().splitlines()
    assert "Mappingbestand kolommen.yaml, regel 2: Het veld 'kolom' bestaat niet. Toegestaan: wat, bron" in lines[0]
    assert any("Het veld 'kleur' kan niet bij aanbod. Toegestaan: naam," in line for line in lines)
    assert any("vast" not in line and "'sport' staat niet in de lijst. Kies uit: ontmoeten," in line for line in lines)
    assert any("'bejaarden' staat niet in de lijst doelgroepen. Kies uit: iedereen," in line for line in lines)
    assert any(
        "'samenvatting' ontbreekt: zet de kolom bij 'kolommen:' of een vaste waarde bij 'vast:'." in line
        for line in lines
    )
    assert not (tmp_path / "activities").exists()


def test_a_column_that_is_not_in_the_file_lists_the_columns(tmp_path, capsys):
    spec = {**OFFER_MAPPING, "kolommen": {**OFFER_MAPPING["kolommen"], "naam": "Titel"}}
    code, _, err = run(capsys, CSV_1252, "--mapping", mapping(tmp_path, **spec), "--root", tmp_path)
    assert code == 1
    assert "Kolom 'Titel' (voor 'naam') staat niet in aanbod-windows-1252.csv." in err
    assert "De kolommen in aanbod-windows-1252.csv zijn: 'Naam', 'Korte omschrijving'," in err


def test_hostile_values_are_cleaned_or_refused_in_dutch(tmp_path, capsys):
    rows = [
        "Naam;Wat;Wie;Web",
        "Inloop <b>vet</b>;Kom langs.;Stichting Proef;javascript:alert(1)",
        '"=HYPERLINK(""https://kwaad.example"";""klik"")";Een formule als tekst.;Stichting Proef;',
        "Lang" + "x" * 100 + ";Een te lang woord.;Stichting Proef;",
        "Stuur\x1b[2Jtekens;Met een escape.;Stichting Proef;https://www.voorbeeld.nl",
    ]
    path = tmp_path / "kwaad.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    spec = {**OFFER_MAPPING, "kolommen": {**OFFER_MAPPING["kolommen"], "website": "Web"}}
    code, out, _ = run(capsys, path, "--mapping", mapping(tmp_path, **spec), "--root", tmp_path / "p")
    assert code == 3
    assert "HTML weggehaald uit 'naam'." in out
    assert "Webadres 'javascript:alert(1)' is niet overgenomen: het klopt niet." in out
    assert "Klopt niet: naam: De tekst is te lang: 104 tekens." in out  # refused like validate would
    assert "Onzichtbare stuurtekens weggehaald uit 'naam'." in out and "\x1b" not in out
    cat = load_catalog(tmp_path / "p")
    assert "Inloop vet" in {a.naam for a in cat.activities.values()}
    # A formula in a CSV is data: kept as text (the open-data CSV writes it so no spreadsheet runs it).
    assert '=HYPERLINK("https://kwaad.example";"klik")' in {a.naam for a in cat.activities.values()}


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "lijst.csv is leeg. Er is niets ingelezen."),
        (b"  \n\n", "lijst.csv is leeg."),
        (b"Naam;Wat\x00;Wie\n", "lijst.csv is geen tekstbestand (er staan nul-bytes in)."),
        (bytes(range(256)) * 4, "lijst.csv is geen tekstbestand"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "lijst.csv is een oud Excel-bestand (.xls)."),
        (b"PK\x03\x04 dit is geen zip", "lijst.csv is geen leesbaar Excel-bestand (XLSX)."),
        (b'Naam;Wat;Wie\n"' + b"x" * 200_000 + b'";a;b\n', "lijst.csv, regel 2: dit is geen geldige CSV"),
        (b"Naam;Wat;Wie\n" + b"a;b;c\n" * 10_002, "lijst.csv heeft meer dan 10000 regels."),
        (b";".join([b"k"] * 300) + b"\n", "lijst.csv heeft meer dan 200 kolommen."),
    ],
    ids=["leeg", "spaties", "nul", "binair", "xls", "kapotte-zip", "reuzencel", "te-veel-regels", "te-breed"],
)
def test_garbage_input_gets_one_dutch_line_and_exit_1(tmp_path, capsys, content, words):
    path = tmp_path / "lijst.csv"
    path.write_bytes(content)
    code, _, err = run(capsys, path, "--mapping", mapping(tmp_path, **OFFER_MAPPING), "--root", tmp_path)
    assert code == 1 and words in err, err
    assert not (tmp_path / "activities").exists()


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, capsys):
    path = tmp_path / "reus.csv"
    with path.open("wb") as f:
        f.truncate(25 * 1024 * 1024)  # sparse: no time or disk
    code, _, err = run(capsys, path, "--mapping", mapping(tmp_path, **OFFER_MAPPING), "--root", tmp_path)
    assert code == 1 and "Het bestand is te groot" in err


def test_an_xlsx_that_unpacks_too_big_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_UNPACKED_BYTES", 1024)  # a real zip bomb is slow to make in a test
    book = _workbook(tmp_path / "plekken.xlsx")
    code, _, err = run(capsys, book, "--mapping", mapping(tmp_path, **PLACE_MAPPING), "--root", tmp_path)
    assert code == 1 and "plekken.xlsx wordt uitgepakt veel te groot" in err


def test_a_csv_named_xlsx_and_a_missing_mapping(tmp_path, capsys):
    fake = tmp_path / "lijst.xlsx"
    fake.write_text("Naam;Wat\n", encoding="utf-8")
    assert run(capsys, fake, "--mapping", mapping(tmp_path, **OFFER_MAPPING), "--root", tmp_path)[2].startswith(
        "lijst.xlsx heet .xlsx, maar is geen Excel-bestand."
    )
    code, _, err = run(capsys, CSV_1252, "--mapping", tmp_path / "weg.yaml", "--root", tmp_path)
    assert code == 1 and "Mappingbestand weg.yaml: Het bestand bestaat niet" in err


def test_new_rows_that_look_like_existing_entries_are_named(tmp_path, capsys):
    root = write_project(
        tmp_path / "p",
        {
            "dorpshuis-de-proef": place(
                naam="Dorpshuis De Proef",
                gemeente="schagen",
                woonkern="tuitjenhorn",
                coordinaten={"lat": 52.737, "lon": 4.772},
                adres=None,
            )
        },
        {"koffie": offer(naam="Koffieochtend Proefdorp!", plekken=["dorpshuis-de-proef"])},
    )
    code, out, _ = run(capsys, CSV_1252, "--mapping", MAPPING, "--root", root)
    assert code == 3
    # The place is linked (exactly its name); the offer is reported as a look-alike of the existing one.
    assert "Plek 'Dorpshuis De Proef' is nieuw" not in out
    assert (
        "Lijkt op het bestaande item activities/koffie.yaml ('Koffieochtend Proefdorp!'): zelfde naam op dezelfde plek."
        in out
    )
    assert load_catalog(root).activities["koffieochtend-proefdorp"].plekken == ["dorpshuis-de-proef"]


def test_the_fixture_is_really_windows_1252():
    raw = CSV_1252.read_bytes()
    assert b"Financi\xebn" in raw and b"\r\n" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert os.path.getsize(CSV_1252) < 2000  # a small, hand-made list


def test_the_readme_example_mapping_is_a_valid_mapping(tmp_path):
    from wegwijzer.opendata.imports.mapping import read_mapping

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("# kolommen.yaml: zo leest de Wegwijzer", 1)[1].split("```", 1)[0]
    path = tmp_path / "kolommen.yaml"
    path.write_text("# kolommen.yaml" + block, encoding="utf-8")
    found = read_mapping(path)
    assert (found.kind, found.sheet) == ("aanbod", "Aanbod")
    assert found.words["themas"] == {"Financiën": "geld", "Sport en bewegen": "gezondheid"}
    assert found.fixed == {"soort": "activiteit", "plek_soort": "dorpshuis"}
