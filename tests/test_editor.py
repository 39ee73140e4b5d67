"""Editors: `wegwijzer nieuw`, the page 'Zo voeg je iets toe' and the pull-request checks."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT
from wegwijzer.core.region import load_region
from wegwijzer.core.vocab import LIST_NAMES, load_lists
from wegwijzer.tools.nieuw.answers import Answers
from wegwijzer.tools.nieuw.interview import interview
from wegwijzer.tools.nieuw.template import render


def run(root: Path, *args) -> subprocess.CompletedProcess:
    # stdin is not a terminal here: the command must not ask questions.
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer", *args, "--root", str(root)],
        cwd=root,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def validate(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer", "validate", "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
    )


PLACE_FLAGS = [
    "nieuw",
    "--soort",
    "plek",
    "--naam",
    "Dorpshuis De Zeemeeuw",
    "--type",
    "dorpshuis",
    "--woonkern",
    "julianadorp",
    "--bron",
    "Gesprek met de beheerder",
    "--beheerder",
    "Welzijn Test",
]


def test_new_place_with_all_facts_passes_validate(tmp_path):
    result = run(
        tmp_path,
        *PLACE_FLAGS,
        "--lat",
        "52.8905",
        "--lon",
        "4.729",
        "--straat",
        "Schoolweg",
        "--huisnummer",
        "3",
        "--postcode",
        "1787ab",
    )
    assert result.returncode == 0, result.stderr
    path = tmp_path / "locations" / "dorpshuis-de-zeemeeuw.yaml"
    assert "Geschreven: locations/dorpshuis-de-zeemeeuw.yaml" in result.stdout
    assert "Het bestand is in orde" in result.stdout
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["gemeente"] == "den-helder"  # found from the woonkern
    assert data["adres"] == {"straat": "Schoolweg", "huisnummer": "3", "postcode": "1787ab", "plaats": "Julianadorp"}
    assert data["gecontroleerd_op"] is None  # never claims a check that did not happen
    check = validate(tmp_path)
    assert check.returncode == 0, check.stderr


def test_missing_facts_stay_empty_and_validate_points_at_them(tmp_path):
    result = run(
        tmp_path,
        "nieuw",
        "--soort",
        "plek",
        "--naam",
        "Buurtkamer Zuid",
        "--type",
        "buurtkamer",
        "--woonkern",
        "den-burg",
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "locations" / "buurtkamer-zuid.yaml").read_text(encoding="utf-8")
    # Nothing invented: no coordinates, no source, no phone number.
    assert "coordinaten: {lat: , lon: }  # VUL IN" in text
    assert re.search(r"^bron:  # VUL IN$", text, re.M)
    assert not re.search(r"^\s*telefoon:", text, re.M)
    assert not re.search(r"^adres:", text, re.M)
    check = validate(tmp_path)
    assert check.returncode == 1
    fields = sorted(set(re.findall(r"veld '([^']+)': fout", check.stderr)))
    assert fields == ["beheerder", "bron", "coordinaten, lat", "coordinaten, lon"]
    # The command itself already lists what is left to do.
    assert "Nog te doen in dit bestand" in result.stdout and "coordinaten, lat" in result.stdout


def test_new_offer_at_an_existing_place(tmp_path):
    assert run(tmp_path, *PLACE_FLAGS, "--lat", "52.8905", "--lon", "4.729").returncode == 0
    result = run(
        tmp_path,
        "nieuw",
        "--soort",
        "aanbod",
        "--naam",
        "Taalcafé Julianadorp",
        "--type",
        "activiteit",
        "--woonkern",
        "julianadorp",
        "--samenvatting",
        "Samen Nederlands praten bij de koffie.",
        "--organisatie",
        "Bibliotheek Test",
        "--thema",
        "taal",
        "--thema",
        "ontmoeten",
        "--doelgroep",
        "nieuwkomers",
        "--plek",
        "dorpshuis-de-zeemeeuw",
        "--bron",
        "Website van de bibliotheek",
        "--beheerder",
        "Bibliotheek Test",
        "--gecontroleerd-op",
        "2026-01-05",
    )
    assert result.returncode == 0, result.stderr
    path = tmp_path / "activities" / "taalcafe-julianadorp.yaml"
    text = path.read_text(encoding="utf-8")
    assert "#   dorpshuis-de-zeemeeuw  (Dorpshuis De Zeemeeuw)" in text  # places nearby to choose from
    data = yaml.safe_load(text)
    assert data["plekken"] == ["dorpshuis-de-zeemeeuw"] and data["themas"] == ["taal", "ontmoeten"]
    assert data["naam"] == "Taalcafé Julianadorp"
    assert validate(tmp_path).returncode == 0


def test_wrong_values_are_refused_with_a_suggestion(tmp_path):
    result = run(tmp_path, "nieuw", "--soort", "plek", "--naam", "X", "--woonkern", "julianadrop")
    assert result.returncode == 2
    assert "Bedoelde je 'julianadorp'?" in result.stderr
    assert not (tmp_path / "locations").exists() or not list((tmp_path / "locations").iterdir())
    result = run(tmp_path, "nieuw", "--soort", "aanbod", "--naam", "Y", "--thema", "sport")
    assert result.returncode == 2 and "Kies uit: ontmoeten" in result.stderr


def test_an_existing_id_is_never_overwritten(tmp_path):
    assert run(tmp_path, *PLACE_FLAGS).returncode == 0
    before = (tmp_path / "locations" / "dorpshuis-de-zeemeeuw.yaml").read_text(encoding="utf-8")
    result = run(tmp_path, *PLACE_FLAGS)
    assert result.returncode == 2 and "bestaat" not in result.stdout and "al een item" in result.stderr
    assert (tmp_path / "locations" / "dorpshuis-de-zeemeeuw.yaml").read_text(encoding="utf-8") == before


def test_without_a_terminal_and_without_flags_it_explains_what_to_give(tmp_path):
    result = run(tmp_path, "nieuw")
    assert result.returncode == 2 and "--soort" in result.stderr


def test_questions_ask_only_for_what_is_missing_and_repeat_on_a_wrong_answer():
    answers = iter(
        [
            "aanbod",
            "Koffie-inloop",
            "hulp",
            "schagen",
            "schagen-stad",
            "",
            "schagen",
            "Elke week koffie en een praatje.",
            "Welzijn Schagen",
            "ontmoetn",
            "ontmoeten",
            "ouderen, iedereen",
            "Folder",
            "Welzijn Schagen",
        ]
    )
    asked = []

    def ask(prompt):
        asked.append(prompt)
        return next(answers)

    a = interview(Answers(), load_region(), ask=ask)
    assert (a.soort, a.naam, a.type, a.gemeente, a.woonkern) == (
        "aanbod",
        "Koffie-inloop",
        "hulp",
        "schagen",
        "schagen-stad",
    )
    assert a.themas == ["ontmoeten"] and a.doelgroepen == ["ouderen", "iedereen"]
    assert a.plekken == [] and a.gebied == ["schagen"]  # asked where it is: no place, so which area
    assert sum("thema" in p for p in asked) == 2  # asked again after 'ontmoetn'
    a2 = interview(
        Answers(
            soort="plek",
            naam="Al bekend",
            type="buurthuis",
            gemeente="texel",
            woonkern="den-burg",
            bron="x",
            beheerder="y",
        ),
        load_region(),
        ask=lambda p: (_ for _ in ()).throw(AssertionError(p)),
    )
    assert a2.naam == "Al bekend"


def test_template_lists_every_allowed_value():
    region = load_region()
    offer = render(Answers(soort="aanbod", naam="T"), region)
    place = render(Answers(soort="plek", naam="T", gemeente="den-helder"), region)
    lists = load_lists()
    for key in (
        list(lists["themas"])
        + list(lists["doelgroepen"])
        + list(lists["talen"])
        + list(lists["aanbod_soorten"])
        + list(lists["verwijzers"])
        + list(lists["verwijs_manieren"])
    ):
        assert re.search(rf"[ ,]{re.escape(key)}[,.]", offer), key
    for key in list(lists["plek_soorten"]) + list(lists["toegankelijkheid"]):
        assert re.search(rf"[ ,]{re.escape(key)}[,.]", place), key
    # The kernen of the chosen gemeente, and only those, right above the woonkern field.
    assert "# Kies uit: den-helder-stad, julianadorp, huisduinen.\nwoonkern:" in place
    assert "den-burg" not in place


def test_editors_page_lists_every_value_from_the_lists(site):
    page = (site / "redactie" / "zo-voeg-je-iets-toe" / "index.html").read_text(encoding="utf-8")
    values = page[page.index('id="alle-keuzes"') :]
    shown = set(re.findall(r"<code>([^<]+)</code>", values))
    lists = load_lists()
    for name in LIST_NAMES:
        missing = set(lists[name]) - shown
        assert not missing, (name, missing)
    region = load_region()
    assert {a.id for a in region.areas.values()} <= shown  # every gemeente, woonkern and wijk id
    assert "regio" in shown and "maandelijks" in shown
    assert "wegwijzer nieuw" in page  # the how-to text is there too


def test_every_entry_page_links_to_the_how_to(site):
    page = (site / "aanbod" / "community-care" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../redactie/zo-voeg-je-iets-toe/"' in page


def test_pull_request_checks():
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    steps = [s.get("run", "") for s in ci["jobs"]["controle"]["steps"]]
    assert ".venv/bin/wegwijzer validate" in steps and ".venv/bin/wegwijzer taal" in steps and "make test" in steps
    assert any("wegwijzer build --zonder-voorbeelden" in s for s in steps)
    assert "pull_request" in ci[True] if True in ci else "pull_request" in ci["on"]  # 'on' reads as True in YAML 1.1
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = hooks["repos"][0]["hooks"][0]
    assert hooks["repos"][0]["repo"] == "local" and hook["entry"] == ".venv/bin/wegwijzer validate"
    assert re.search(hook["files"], "activities/taalcafe.yaml") and re.search(hook["files"], "locations/x.yaml")
    assert not re.search(hook["files"], "content/index.md")
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 8 and "wegwijzer validate" in template


# --- issue #22: Ctrl-D, where an offer is, the README example, the address -------------------------


def _args(*flags: str):
    from wegwijzer.tools.cli import make_parser

    return make_parser().parse_args(["nieuw", *flags])


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_ctrl_d_stops_without_a_traceback_and_writes_nothing(tmp_path, monkeypatch, capsys):
    from wegwijzer.tools.nieuw.command import run as nieuw

    def eof(prompt=""):
        raise EOFError

    monkeypatch.setattr("builtins.input", eof)
    assert nieuw(tmp_path, _args(), stdin=_Terminal()) == 1
    assert "Gestopt. Er is niets geschreven." in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.yaml"))


def test_the_readme_example_without_questions_asks_nothing():
    import shlex

    from wegwijzer.tools.nieuw.answers import answers_from_args

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"\.venv/bin/wegwijzer (nieuw --soort plek [^`]*?)\n```", readme, re.S).group(1)
    args = _args(*shlex.split(command.replace("\\\n", " "))[1:])
    a = interview(answers_from_args(args), load_region(), ask=lambda p: (_ for _ in ()).throw(AssertionError(p)))
    assert a.gemeente == "den-helder"  # from the woonkern


def test_an_offer_is_asked_where_it_takes_place():
    replies = iter(
        [
            "aanbod",
            "Koffie",
            "activiteit",
            "texel",
            "den-burg",
            "bibliotheek-den-burg",
            "Koffie drinken.",
            "Bieb",
            "ontmoeten",
            "iedereen",
            "Gesprek",
            "Bieb",
        ]
    )
    a = interview(Answers(), load_region(), ask=lambda p: next(replies))
    assert a.plekken == ["bibliotheek-den-burg"] and a.bron == "Gesprek"


def test_a_new_place_gets_coordinates_from_its_address(tmp_path, capsys):
    from wegwijzer.tools.nieuw.command import run as nieuw

    asked = []

    def lookup(query):
        asked.append(query)
        return (52.92531, 4.75123)

    flags = [
        *PLACE_FLAGS[1:],
        "--straat",
        "Zuidstraat",
        "--huisnummer",
        "3",
        "--postcode",
        "1787 AA",
        "--root",
        str(tmp_path),
    ]
    assert nieuw(tmp_path, _args(*flags), stdin=io.StringIO(), lookup=lookup) == 0
    assert asked == ["Zuidstraat 3, 1787 AA Julianadorp, Nederland"]
    text = (tmp_path / "locations" / "dorpshuis-de-zeemeeuw.yaml").read_text(encoding="utf-8")
    assert "coordinaten: {lat: 52.92531, lon: 4.75123}" in text
    assert validate(tmp_path).returncode == 0


def test_the_sign_up_example_does_not_say_two_things():
    from wegwijzer.tools.nieuw.template import render

    text = render(Answers(soort="aanbod", naam="X"), load_region())
    assert "# aanmelden: {nodig: false}\n" in text and "binnenlopen" not in text


def test_every_pull_request_gets_a_preview_of_its_site():
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    steps = ci["jobs"]["controle"]["steps"]
    build = next(i for i, s in enumerate(steps) if "wegwijzer build --zonder-voorbeelden" in s.get("run", ""))
    upload = next(s for s in steps[build:] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site-echt" and "voorvertoning" in upload["with"]["name"]
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "## Voorvertoning" in template and "voorvertoning-" in template
