"""Messages that show the fix: each wrong shape from issue #22 gets a message with the right form,
on the right line, in Dutch words (no programmer notation), through the real `wegwijzer validate`
(its entry point in this process; the Dutch alias and a failed build as their own process)."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from entries import link_site, offer, place, write_project
from wegwijzer.core.messages import translate
from wegwijzer.core.model import Activity
from wegwijzer.tools import cli


def _offer_text(extra: str, **changes) -> str:
    data = offer(**changes)
    for key in ("kosten", "aanmelden", "schema", "contact"):
        data.pop(key, None)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + extra


def validate(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`wegwijzer validate` through its entry point, in this process (so `make mutatie` sees what it checks)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["validate", "--root", str(root), *args])
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize(
    ("extra", "line", "expected"),
    [
        ("kosten: gratis\n", "regel 13, veld 'kosten'", "Schrijf het zo: `kosten: {gratis: true}`."),
        ("aanmelden: nee\n", "regel 13, veld 'aanmelden'", "Schrijf het zo: `aanmelden: {nodig: false}`."),
        ("eind: 2026-11-30\n", "regel 13, veld 'eind'", "eind hoort in een regel van schema."),
        ("contact:\n  telefoon: 501234\n", "regel 14, veld 'contact, telefoon'", '`telefoon: "0223 123 456"`'),
        (
            'schema:\n  - {dag: dinsdag, van: 10.00, tot: "12:00"}\n',
            "regel 14, veld 'schema, regel 1, van'",
            '`van: "10:00"` ',
        ),
    ],
)
def test_a_wrong_shape_gets_the_right_form(tmp_path, extra, line, expected):
    write_project(tmp_path, {"buurtkamer-test": place()}, {"fout": _offer_text(extra)})
    result = validate(tmp_path)
    assert result.returncode == 1
    report = result.stderr
    assert f"activities/fout.yaml, {line}: fout: " in report, report
    assert expected.strip() in report, report
    assert "[" not in report.split("fout: ")[0] and "Traceback" not in report


def test_a_decimal_comma_in_coordinates_says_use_a_point(tmp_path):
    text = yaml.safe_dump(place(), sort_keys=False).replace("lat: 52.957", "lat: 52,957")
    write_project(tmp_path, {"buurtkamer-test": text}, {})
    report = validate(tmp_path).stderr
    assert "veld 'coordinaten, lat': fout: Gebruik een punt in een getal, geen komma: `lat: 52.957`." in report


def test_an_offer_at_a_broken_place_points_to_the_place_once(tmp_path):
    broken = yaml.safe_dump(place(), sort_keys=False).replace("lat: 52.957", "lat: 52,957")
    offers = {f"activiteit-{n}": offer(naam=f"Activiteit {n}", plekken=["dorpshuis-de-terp"]) for n in range(3)}
    write_project(tmp_path, {"dorpshuis-de-terp": broken, "voorbeeld-dorpshuis": place(naam="Voorbeeld")}, offers)
    report = validate(tmp_path).stderr
    assert "Er is geen plek met id" not in report and "Bedoelde je" not in report
    pointers = [line for line in report.splitlines() if "heeft zelf fouten" in line]
    assert len(pointers) == 3  # once per offer, a pointer instead of an error
    assert all("let op" in line and "locations/dorpshuis-de-terp.yaml" in line for line in pointers)
    assert "1 fout gevonden" in report  # only the real error in the place counts


def test_an_over_indented_line_is_told_to_line_up(tmp_path):
    text = "naam: Buurtkamer Test\n  soort: buurtkamer\nbron: Test\n"
    write_project(tmp_path, {"scheef": text}, {})
    report = validate(tmp_path).stderr
    assert (
        "locations/scheef.yaml, regel 2: fout: Deze regel springt te ver in. Zet 'soort' precies onder 'naam'" in report
    )
    assert "aanhalingstekens" not in report


def test_an_unclosed_quote_is_reported_where_it_starts(tmp_path):
    text = _offer_text("", samenvatting='"Koffie en een praatje').replace("'\"Koffie en een praatje'", '"Koffie')
    assert 'samenvatting: "Koffie\n' in text
    write_project(tmp_path, {"buurtkamer-test": place()}, {"quote": text})
    report = validate(tmp_path).stderr
    line = text.splitlines().index('samenvatting: "Koffie') + 1
    assert f"activities/quote.yaml, regel {line}: fout: De tekst tussen aanhalingstekens" in report, report


def test_validate_takes_file_names_and_a_dutch_alias(tmp_path):
    write_project(
        tmp_path,
        {"buurtkamer-test": place()},
        {"goed": offer(), "fout": _offer_text("kosten: gratis\n")},
    )
    good = validate(tmp_path, str(tmp_path / "activities" / "goed.yaml"))
    assert good.returncode == 0 and "Alles klopt in activities/goed.yaml." in good.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "controleer", "activities/fout.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 1 and "activities/fout.yaml" in bad.stderr


def test_a_failed_build_says_so_in_dutch(tmp_path):
    write_project(tmp_path, {"buurtkamer-test": place()}, {"fout": _offer_text("kosten: gratis\n")})
    link_site(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "build", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "Aborted" not in result.stderr and "BuildError" not in result.stderr and "ERROR" not in result.stderr
    assert "Schrijf het zo: `kosten: {gratis: true}`." in result.stderr


def reported(tmp_path: Path, places: dict, offers: dict) -> list[str]:
    """The problem lines `validate` shows for this project."""
    write_project(tmp_path, places, offers)
    report = validate(tmp_path).stderr
    return [line for line in report.splitlines() if ": fout: " in line or ": let op: " in line]


def test_an_unknown_field_lists_the_fields_allowed_in_its_own_block(tmp_path):
    schedule = [{"dag": "dinsdag", "vna": "10:00", "tot": "12:00"}]
    adres = {"straat": "Keizerstraat", "huisnr": "1", "plaats": "Den Helder"}
    lines = reported(
        tmp_path, {"buurtkamer-test": place(adres=adres)}, {"fout": offer(schema=schedule, doelgroep=["ouders"])}
    )
    assert lines == [
        "activities/fout.yaml, regel 12, veld 'schema, regel 1, van': fout: Het veld 'van' ontbreekt. Vul het in.",
        "activities/fout.yaml, regel 13, veld 'schema, regel 1, vna': fout: Het veld 'vna' bestaat niet. "
        "Bedoelde je 'van'? Toegestaan: dag, datum, van, tot, herhaling, week, start, eind, plek, opmerking, "
        "evenement, link.",
        "activities/fout.yaml, regel 21, veld 'doelgroep': fout: Het veld 'doelgroep' bestaat niet. "
        "Bedoelde je 'doelgroepen'? Toegestaan: naam, voorbeeld, beschrijving, organisatie, contact, bron, "
        "gecontroleerd_op, bron_gecontroleerd_op, beheerder, beheerder_email, soort, samenvatting, themas, "
        "doelgroepen, plekken, gebied, schema, kosten, aanmelden, talen, inloop, bel_112, voor_professionals, "
        "verwijzen, gezondheid.",
        "locations/buurtkamer-test.yaml, regel 5, veld 'adres, huisnr': fout: Het veld 'huisnr' bestaat niet. "
        "Bedoelde je 'huisnummer'? Toegestaan: straat, huisnummer, postcode, plaats.",
    ]


def test_a_time_written_as_a_number_is_shown_as_a_time(tmp_path):
    schedule = [{"dag": "dinsdag", "van": 930, "tot": 12345}]
    lines = reported(tmp_path, {"buurtkamer-test": place()}, {"fout": offer(schema=schedule)})
    assert [line.split(": fout: ")[1] for line in lines] == [
        'Een tijd schrijf je met een dubbele punt en tussen aanhalingstekens: `van: "09:30"`.',
        'Een tijd schrijf je met een dubbele punt en tussen aanhalingstekens: `tot: "10:00"`.',  # no time in it
    ]


@pytest.mark.parametrize("written", [True, "ja", "Gratis", 0])
def test_free_written_in_one_word(tmp_path, written):
    lines = reported(tmp_path, {"buurtkamer-test": place()}, {"fout": offer(kosten=written)})
    assert [line.split(": fout: ")[1] for line in lines] == ["Schrijf het zo: `kosten: {gratis: true}`."]


def test_empty_coordinates_say_how_to_fill_them_in(tmp_path):
    lines = reported(tmp_path, {"leeg": place(coordinaten={"lat": None, "lon": None})}, {})
    message = "De coördinaten zijn nog leeg. Vul ze in, of draai wegwijzer geocode (dat zoekt ze op bij het adres)."
    assert lines == [
        f"locations/leeg.yaml, regel 11, veld 'coordinaten, lat': fout: {message}",
        f"locations/leeg.yaml, regel 12, veld 'coordinaten, lon': fout: {message}",
    ]


def test_too_many_places_says_how_many(tmp_path):
    places = [f"plek-{i}" for i in range(41)]
    lines = reported(tmp_path, {}, {"fout": offer(plekken=places)})
    assert lines[0].endswith(
        "veld 'plekken': fout: Deze lijst is te lang: 41 regels. Er mogen hoogstens 40 in staan. "
        "Maak er meer items van."
    )


def test_a_huge_wrong_choice_gets_no_suggestion_but_the_choices(tmp_path):
    lines = reported(tmp_path, {"buurtkamer-test": place()}, {"fout": offer(themas=["gezondheid" * 11])})
    assert lines[0].split(": fout: ")[1].startswith(f"'{'gezondheid' * 5}gezondh...' is geen geldige keuze. Kies uit: ")


def test_an_offer_at_a_broken_place_is_warned_on_its_own_line(tmp_path):
    lines = reported(tmp_path, {"buurtkamer-test": place(soort="kasteel")}, {"x": offer()})
    assert lines[1] == (
        "activities/x.yaml, regel 10, veld 'plekken, regel 1': let op: De plek 'buurtkamer-test' heeft zelf fouten. "
        "Verbeter eerst de fouten in locations/buurtkamer-test.yaml (zie hierboven)."
    )


def _messages(lines: list[str]) -> list[str]:
    return [line.split(": fout: ")[1] for line in lines]


def test_decimal_commas_in_coordinates_on_one_line(tmp_path):
    """`{lat: 52,957, lon: 4,76}` reads as four fields (52, 957, 4, 76): say to use a point."""
    text = yaml.safe_dump(place(), sort_keys=False).replace(
        "coordinaten:\n  lat: 52.957\n  lon: 4.76\n", "coordinaten: {lat: 52,957, lon: 4,76}\n"
    )
    assert "{lat: 52,957" in text
    lines = reported(tmp_path, {"komma": text}, {})
    message = "Gebruik een punt in een getal, geen komma: `coordinaten: {lat: 52.95, lon: 4.76}`."
    assert lines == [
        f"locations/komma.yaml, regel 10, veld 'coordinaten, 76': fout: {message}",
        f"locations/komma.yaml, regel 10, veld 'coordinaten, 957': fout: {message}",
    ]


def test_a_decimal_comma_in_lon_says_use_a_point(tmp_path):
    text = yaml.safe_dump(place(), sort_keys=False).replace("lon: 4.76", "lon: 4,76")
    assert _messages(reported(tmp_path, {"komma": text}, {})) == [
        "Gebruik een punt in een getal, geen komma: `lon: 4.76`."
    ]


def test_a_field_named_with_a_number_is_an_unknown_field(tmp_path):
    lines = reported(tmp_path, {"getal": place() | {"2026": "nieuw"}}, {})
    assert _messages(lines)[0].startswith("Het veld '2026' bestaat niet. Toegestaan: naam, ")


@pytest.mark.parametrize("written", [False, "nee", "Niet nodig", "false"])
def test_no_sign_up_written_in_one_word(tmp_path, written):
    lines = reported(tmp_path, {"buurtkamer-test": place()}, {"fout": offer(aanmelden=written)})
    assert _messages(lines) == ["Schrijf het zo: `aanmelden: {nodig: false}`."]


@pytest.mark.parametrize("written", [True, "ja", "Bel de bibliotheek."])
def test_sign_up_written_in_one_line(tmp_path, written):
    lines = reported(tmp_path, {"buurtkamer-test": place()}, {"fout": offer(aanmelden=written)})
    assert _messages(lines) == ["Schrijf het zo: `aanmelden: {nodig: true, hoe: Bel 0223 123 456 of mail ...}`."]


@pytest.mark.parametrize("written", [2.5, "2 euro per keer"])
def test_an_amount_written_in_one_line(tmp_path, written):
    lines = reported(tmp_path, {"buurtkamer-test": place()}, {"fout": offer(kosten=written)})
    assert _messages(lines) == [
        "Schrijf het zo: `kosten: {bedrag: 2.50, uitleg: per keer}`, of `kosten: {gratis: true}`."
    ]


def test_a_phone_number_read_as_a_number(tmp_path):
    lines = reported(tmp_path, {"buurtkamer-test": place(contact={"telefoon": 223123456})}, {})
    assert _messages(lines) == [
        "'223123456' is geen geldig telefoonnummer. Schrijf het hele nummer met netnummer, "
        'tussen aanhalingstekens: `telefoon: "0223 123 456"`.'
    ]


def test_a_woonkern_with_a_typo_gets_a_suggestion(tmp_path):
    lines = reported(tmp_path, {"tikfout": place(woonkern="julianadrop")}, {})
    assert _messages(lines) == [
        "'julianadrop' is geen woonkern in Den Helder. Bedoelde je 'julianadorp'? "
        "Kies uit: den-helder-stad, julianadorp, huisduinen."
    ]


def test_an_error_without_a_dutch_message_yet_still_says_what_is_wrong():
    """A new kind of error from pydantic (none of the entry fields gives one now) is not swallowed."""
    error = {"type": "new_kind", "loc": ("naam",), "msg": "Value is odd", "input": "x"}
    assert translate(error, "aanbod", Activity) == (("naam",), "Deze waarde klopt niet (Value is odd).")
