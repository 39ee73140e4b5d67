"""Hostile files and values for `validate` and `build` (issue #16): crashes, hangs, runaway time, files outside.

Each case runs the real command in a subprocess and asserts a Dutch message with the file
(and line where there is one), exit status 1, no traceback, and a generous time bound:
the point is "seconds, not minutes" (the CI machine is slow and shared).
"""

from __future__ import annotations

import math
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import FIXED_EPOCH, ROOT
from entries import link_site, offer, place, write_project
from wegwijzer.core import guard, text, yamlsafe
from wegwijzer.core.load import load_catalog
from wegwijzer.core.model import Activity, Location
from wegwijzer.core.problems import EntryErrors, Problem

SECONDS = 30  # CPU seconds, generous: each of these took minutes (or never ended) before


def run(root: Path, *args: str, timeout: int = 900) -> tuple[subprocess.CompletedProcess, float]:
    """Run a command; the CPU seconds it used (not the wall clock: a shared CI machine may be busy).

    A hang (a FIFO) uses no CPU, so the wall-clock timeout still catches it: it raises TimeoutExpired.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "wegwijzer", *args],
        cwd=root,
        env=dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def validate(root: Path) -> subprocess.CompletedProcess:
    result, elapsed = run(root, "validate", "--root", str(root))
    assert elapsed < SECONDS, f"validate took {elapsed:.0f} s of CPU"
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-2000:]
    return result


def project(tmp_path: Path, **offers) -> Path:
    return write_project(tmp_path, {"buurtkamer-test": place()}, {k: v for k, v in offers.items()})


# --- crashes and hangs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, text",
    [
        ("blokken", "naam: x\nschema:\n" + "- " * 40_000 + "x\n"),  # one line: segfaulted (exit 139) before
        ("inspringen", "naam: x\nschema:\n" + "".join("  " * i + "-\n" for i in range(1, 400))),
        ("haakjes", "naam: x\nschema: " + "[" * 1000 + "]" * 1000 + "\n"),
    ],
)
def test_deep_nesting_is_refused_with_the_line_not_a_crash(tmp_path, name, text):
    project(tmp_path, **{name: text})
    result = validate(tmp_path)
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])  # not 139 (segfault)
    line = re.search(rf"activities/{name}\.yaml, regel (\d+): fout: (.*)", result.stderr)
    assert line, result.stderr[-1000:]
    assert "te diep genest" in line.group(2) or "te lang" in line.group(2)


def test_block_nesting_on_short_lines_says_te_diep_genest(tmp_path):
    lines = "".join("  " * i + "-\n" for i in range(1, 40))
    project(tmp_path, diep="naam: x\nschema:\n" + lines)
    result = validate(tmp_path)
    assert "activities/diep.yaml, regel 14: fout: De velden staan te diep in elkaar (te diep genest" in result.stderr


def test_the_parser_never_sees_deep_nesting():
    # Without the line cap (other readers of YAML): depth is still checked on the flat event stream.
    for deep in ("- " * 100_000 + "x", "[" * 100_000, "{a: " * 50_000, "".join("  " * i + "-\n" for i in range(2000))):
        start = time.process_time()
        with pytest.raises(yamlsafe.YamlProblem, match="te diep genest"):
            yamlsafe.parse(deep)
        assert time.process_time() - start < 5


def test_a_fifo_is_refused_without_waiting(tmp_path):
    project(tmp_path)
    os.mkfifo(tmp_path / "activities" / "pijp.yaml")
    result = validate(tmp_path)  # hung forever before
    assert result.returncode == 1
    assert "activities/pijp.yaml: fout: Dit is een pijp (FIFO), geen gewoon bestand." in result.stderr


def test_a_link_to_dev_zero_is_refused_without_reading(tmp_path):
    project(tmp_path)
    os.symlink("/dev/zero", tmp_path / "activities" / "nul.yaml")
    result = validate(tmp_path)  # read 2.6 GB and ended in a traceback before
    assert result.returncode == 1
    assert "activities/nul.yaml: fout:" in result.stderr
    assert re.search(r"activities/nul\.yaml: fout: Dit (bestand verwijst naar|is een apparaat)", result.stderr)


def test_a_folder_named_like_an_entry_is_reported(tmp_path):
    project(tmp_path)
    (tmp_path / "activities" / "map.yaml").mkdir()
    (tmp_path / "activities" / "oud").mkdir()
    result = validate(tmp_path)
    assert result.returncode == 1
    assert "activities/map.yaml: fout: Dit is een map, geen bestand." in result.stderr
    assert "activities/oud: let op: Deze map wordt niet gelezen." in result.stderr


def test_a_folder_without_data_is_an_error(tmp_path):
    result = validate(tmp_path)
    assert result.returncode == 1
    assert "Alles klopt" not in result.stdout
    assert "staat geen map locations/ of activities/" in result.stderr


# --- files outside the project -------------------------------------------------------------------


def test_an_entry_that_links_outside_the_project_is_refused(tmp_path):
    secret = tmp_path / "buiten" / "geheim.yaml"
    secret.parent.mkdir()
    secret.write_text(yaml.safe_dump(offer(naam="Geheim buiten de map")), encoding="utf-8")
    root = project(tmp_path / "project")
    os.symlink(secret, root / "activities" / "geheim.yaml")
    os.symlink(root / "locations" / "buurtkamer-test.yaml", root / "locations" / "binnen.yaml")  # inside: fine
    with pytest.raises(EntryErrors) as exc:
        load_catalog(root)
    problems = {p.file: p.message for p in exc.value.problems if not p.warning}
    assert "buiten de map van de Wegwijzer" in problems.pop("activities/geheim.yaml")
    assert not [f for f in problems if f.startswith("locations/binnen")], problems


def test_a_content_file_that_links_outside_the_project_stops_the_build(tmp_path):
    root = project(tmp_path / "project")
    for name in ("overrides", "mkdocs.yml", "node_modules"):
        os.symlink(ROOT / name, root / name)
    (root / "content").mkdir()
    (root / "content" / "index.md").write_text("# Test\n", encoding="utf-8")
    os.symlink("/etc/passwd", root / "content" / "wachtwoorden.txt")
    os.symlink("/etc", root / "content" / "etc")
    os.mkfifo(root / "content" / "pijp.md")
    result, elapsed = run(root, "build", "--site-dir", str(tmp_path / "site"))
    assert elapsed < 120
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/wachtwoorden.txt: fout: Dit bestand verwijst naar '/etc/passwd'" in result.stderr
    assert "content/etc: fout: Deze map is een snelkoppeling (symlink)." in result.stderr
    assert "content/pijp.md: fout: Dit is een pijp (FIFO)" in result.stderr
    assert not (tmp_path / "site" / "wachtwoorden.txt").exists()


# --- the terminal ----------------------------------------------------------------------------------


def test_control_characters_in_names_and_values_are_shown_as_codes(tmp_path):
    root = project(tmp_path, **{"x": offer(naam="Taal\x1b[2Jcafé")})
    (root / "activities" / "x\x1b[1A.yaml").write_text("naam: [\n", encoding="utf-8")
    result = validate(root)
    assert "\x1b" not in result.stderr + result.stdout
    assert "activities/x\\x1b[1A.yaml" in result.stderr
    assert "escape-teken" in result.stderr
    assert Problem("a\rb", 1, "c\x1bd", "e\u2028f").format() == "a\\x0db, regel 1, veld 'c\\x1bd': fout: e\\u2028f"


# --- values the model refuses -------------------------------------------------------------------------


@pytest.mark.parametrize("amount", [math.inf, -math.inf, math.nan, "inf", "nan", "1e999", 1e6])
def test_an_amount_must_be_a_normal_number(amount):
    with pytest.raises(Exception) as exc:
        Activity.model_validate(offer(kosten={"bedrag": amount, "uitleg": "x"}))
    assert "finite_number" in str(exc.value) or "less_than_equal" in str(exc.value)


def test_inf_in_a_file_gets_a_dutch_message(tmp_path):
    free = {k: v for k, v in offer().items() if k != "kosten"}
    root = project(
        tmp_path,
        duur=yaml.safe_dump(free, allow_unicode=True) + "kosten: {bedrag: inf, uitleg: per keer}\n",
        groot=yaml.safe_dump(free, allow_unicode=True) + "kosten: {bedrag: 1e999, uitleg: per keer}\n",
    )
    (root / "locations" / "nergens.yaml").write_text(
        yaml.safe_dump(place(coordinaten={"lat": "nan", "lon": 4.76})), encoding="utf-8"
    )
    result = validate(root)
    assert "activities/duur.yaml, regel 19, veld 'kosten, bedrag': fout: 'inf' is geen gewoon getal" in result.stderr
    assert "activities/groot.yaml, regel 19, veld 'kosten, bedrag': fout: '1e999' is geen gewoon getal" in result.stderr
    assert "veld 'coordinaten, lat': fout: 'nan' is geen gewoon getal" in result.stderr


def _errors(model, data) -> str:
    try:
        model.model_validate(data)
    except Exception as exc:
        return str(exc)
    return ""


def test_caps_on_times_places_and_opening_hours():
    times = [{"dag": "maandag", "van": f"{8 + i // 6:02d}:{i % 6 * 10:02d}", "tot": "23:00"} for i in range(61)]
    assert "Deze lijst is te lang" in _errors(Activity, offer(schema=times)) or "too_long" in _errors(
        Activity, offer(schema=times)
    )
    many = [f"plek-{i}" for i in range(guard.MAX_PLACES + 1)]
    assert "too_long" in _errors(Activity, offer(plekken=many))
    # 21 places x 10 times without 'plek' = 210 shown times: more than the cap of 200
    product = offer(plekken=[f"plek-{i}" for i in range(21)], schema=times[:10])
    assert "te veel tijden op te veel plekken: 210" in _errors(Activity, product)
    ok = offer(plekken=[f"plek-{i}" for i in range(20)], schema=times[:10])
    assert _errors(Activity, ok) == ""
    hours = [{"dag": "maandag", "van": "09:00", "tot": "10:00"}] * (guard.MAX_OPENING_HOURS + 1)
    assert "too_long" in _errors(Location, place(openingstijden=hours))


# --- runaway time ---------------------------------------------------------------------------------------


def test_worst_case_text_is_handled_in_linear_time():
    cases = {
        "brackets": "[" * 120_000,  # 76 s in a build before (the link pattern)
        "links": "[a](http://x" * 20_000,
        "bold": "**a" * 60_000,
        "tags": "<a" * 100_000,
        "quotes": '\\"' * 120_000,
    }
    for name, value in cases.items():
        start = time.process_time()
        text.render(value)
        text.plain(value)
        guard.markup_problem(value)
        guard.length_problem(value)
        guard.link_problem(value)
        assert time.process_time() - start < 3, name


def test_worst_case_entries_validate_in_seconds(tmp_path):
    quotes = yaml.safe_dump(offer(), allow_unicode=True) + 'beschrijving: "' + '\\"' * 120_000 + "\n"  # 2 min 41 s
    brackets = (
        yaml.safe_dump(offer(naam="Haakjes"), allow_unicode=True)
        + "beschrijving: |\n"
        + ("  " + "[" * 1990 + "\n") * 60
    )
    keys = "{" + ", ".join(f"k{i}: {i}" for i in range(15_000)) + "}\n"
    project(tmp_path, quotes=quotes, brackets=brackets, keys=keys)
    result = validate(tmp_path)
    assert result.returncode == 1
    assert re.search(r"activities/quotes\.yaml, regel \d+: fout: Deze regel is te lang", result.stderr)
    assert "activities/keys.yaml, regel 1: fout: Deze regel is te lang" in result.stderr
    assert "activities/brackets.yaml, regel 21, veld 'beschrijving': fout: De tekst is te lang" in result.stderr


def test_a_bracket_heavy_entry_builds_in_seconds(tmp_path):
    root = project(tmp_path / "project", haakjes=offer(beschrijving="\n\n".join(["[" * 1900] * 2)))
    link_site(root)
    result, elapsed = run(root, "build", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert elapsed < 90, f"build took {elapsed:.0f} s of CPU"  # 76 s (and minutes of CPU) before
