"""Messages that show the fix: each wrong shape from issue #22 gets a message with the right form,
on the right line, in Dutch words (no programmer notation), through the real `wegwijzer validate`
(its entry point in this process; the Dutch alias and a failed build as their own process)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from entries import offer, place, write_project
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
    root = Path(__file__).resolve().parents[1]
    for name in ("content", "overrides", "node_modules", "mkdocs.yml"):
        os.symlink(root / name, tmp_path / name)
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
