"""The language gate as a command: settings (taal.yaml, --instellingen) and every threshold at its boundary,
tips only for changed files, and hostile input that must not make it slow."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from entries import offer, place, write_project
from wegwijzer.tools import taal
from wegwijzer.tools.cli import main
from wegwijzer.tools.taal.words import zipf


@pytest.fixture(scope="module")
def config():
    return taal.load_config()


def checks(text: str, config) -> list[str]:
    return [f.check for f in taal.check_page("content/t.md", text, config)]


def sentence(n: int) -> str:
    """A plain sentence of exactly n words."""
    return "Wij " + " ".join(["lopen"] * (n - 1)) + "."


# --- every threshold at its boundary ------------------------------------------------------------


def test_shipped_settings(config):
    assert (config.target_words, config.max_words, config.max_letters) == (15, 20, 40)
    assert (config.max_list_items, config.max_nominalisations, config.max_abbreviations) == (5, 1, 2)
    assert (config.flesch_min, config.flesch_min_words, config.zipf_min) == (60, 40, 3.0)
    assert config.level("ambtelijk") == taal.ERROR and config.level("lijdende_vorm") == taal.WARNING


def test_sentence_length_boundaries(config):
    assert checks(sentence(15), config) == []
    assert checks(sentence(16), config) == ["zin_lang"]
    assert checks(sentence(20), config) == ["zin_lang"]
    assert checks(sentence(21), config) == ["zin_te_lang"]


def test_word_length_boundary(config):
    assert "woord_te_lang" not in checks("Dit is " + "a" * 40 + ".", config)
    found = taal.check_page("content/t.md", "Dit is " + "a" * 41 + ".", config)
    found = [f for f in found if f.check == "woord_te_lang"]
    assert len(found) == 1 and found[0].error and "41 letters" in found[0].message


def test_list_boundary(config):
    assert "opsomming" not in checks("Wij zien Piet, Jan, Kees, Mien en Truus.", config)
    assert "opsomming" in checks("Wij zien Piet, Jan, Kees, Mien, Bep en Truus.", config)


def test_nominal_style_boundary(config):
    assert checks("Na de beoordeling bellen we je.", config) == []
    assert checks("Na de beoordeling volgt de beslissing.", config) == ["naamwoordstijl"]


def test_abbreviation_boundary(config):
    assert checks("Je kunt bij het UWV en de SVB terecht.", config) == []
    assert checks("Je kunt bij het UWV, de SVB en de GGD terecht.", config) == ["afkortingen_stapel"]


def test_uncommon_word_boundary(config):
    word = "kibbelen"  # Zipf 2.1; no inflection or compound of a more common word
    exact = dataclasses.replace(config, zipf_min=zipf(word))
    assert checks(f"De gemeente doet aan {word}.", exact) == []
    above = dataclasses.replace(config, zipf_min=zipf(word) + 0.01)
    assert checks(f"De gemeente doet aan {word}.", above) == ["onbekend_woord"]


def test_readability_boundaries(config):
    hard = "Gemeentelijke organisaties realiseren beleidsmatige veranderingen. "
    thirty_nine = hard * 7 + "Dat is heel moeilijk."  # 7 x 5 + 4 words
    assert "leesbaarheid" not in checks(thirty_nine, config)
    assert "leesbaarheid" in checks(hard * 8, config)  # 40 words
    sentences = [s for _, ss in taal.page_sentences(hard * 8) for s in ss]
    score = taal.flesch_douma(sentences)
    assert "leesbaarheid" not in checks(hard * 8, dataclasses.replace(config, flesch_min=score))
    assert "leesbaarheid" in checks(hard * 8, dataclasses.replace(config, flesch_min=score + 0.01))


def test_a_check_can_be_switched_off_or_made_an_error(config):
    off = dataclasses.replace(config, checks={**config.checks, "jargon": taal.OFF})
    assert checks("We doen aan vroegsignalering.", off) == []
    strict = dataclasses.replace(config, checks={**config.checks, "lijdende_vorm": taal.ERROR})
    found = taal.check_page("content/t.md", "Je wordt door ons gebeld.", strict)
    assert [(f.check, f.error) for f in found] == [("lijdende_vorm", True)]


# --- settings files ------------------------------------------------------------------------------


def _project(root: Path, text: str = "Wij lopen elke dag samen naar het park.") -> Path:
    write_project(root, {"buurtkamer-test": place()}, {"wandelen": offer(samenvatting=text)})
    return root


def test_custom_settings_file_through_the_command(tmp_path, capsys):
    _project(tmp_path)
    settings = tmp_path / "streng.yaml"
    settings.write_text(yaml.safe_dump({"zin": {"doel_woorden": 3, "max_woorden": 5}}), encoding="utf-8")
    assert main(["taal", "--root", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["taal", "--root", str(tmp_path), "--instellingen", str(settings), "--alle-tips"]) == 1
    out = capsys.readouterr().out
    assert "te lang: 8 woorden" in out and "activities/wandelen.yaml" in out


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"controles": {"zin_te_lang": "streng"}}, "Kies fout, let op of uit"),
        ({"controles": {"spelling": "fout"}}, "de controle 'spelling' bestaat niet"),
        ({"zin": {"max_woorden": "twintig"}}, "zin.max_woorden staat op 'twintig'"),
        ({"woorden": {"zipf_minimum": -1}}, "getal van 0 of meer"),
    ],
)
def test_bad_settings_give_a_dutch_message(tmp_path, capsys, settings, message):
    _project(tmp_path)
    path = tmp_path / "fout.yaml"
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    assert main(["taal", "--root", str(tmp_path), "--instellingen", str(path)]) == 2
    err = capsys.readouterr().err
    assert "De instellingen kloppen niet" in err and message in err


# --- tips only for your own changes ---------------------------------------------------------------


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@voorbeeld.nl", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_tips_only_for_changed_files_and_all_with_alle_tips(tmp_path, capsys):
    tip = "Wij lopen elke dag samen met de buren en hun honden naar het grote park bij de kerk."  # 18 words
    write_project(
        tmp_path,
        {"buurtkamer-test": place()},
        {"oud": offer(samenvatting=tip), "ander": offer(naam="Ander aanbod", samenvatting=tip)},
    )
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "start")
    _git(tmp_path, "checkout", "-q", "-b", "werk")
    (tmp_path / "activities" / "nieuw.yaml").write_text(
        yaml.safe_dump(offer(naam="Nieuw aanbod", samenvatting=tip), allow_unicode=True), encoding="utf-8"
    )
    assert main(["taal", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "activities/nieuw.yaml" in out and "activities/oud.yaml" not in out
    assert "2 tips voor bestanden die je niet hebt veranderd" in out and "--alle-tips" in out
    assert main(["taal", "--root", str(tmp_path), "--alle-tips"]) == 0
    out = capsys.readouterr().out
    assert "activities/oud.yaml" in out and "activities/ander.yaml" in out


def test_without_git_only_errors_are_shown(tmp_path, capsys, monkeypatch):
    import wegwijzer.tools.taal.changed as changed

    tip = "Wij lopen elke dag samen met de buren en hun honden naar het grote park bij de kerk."
    write_project(tmp_path, {"buurtkamer-test": place()}, {"a": offer(samenvatting=tip)})
    monkeypatch.setattr(changed.shutil, "which", lambda name: None)
    assert main(["taal", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "let op:" not in out and "Met git kan ik niet zien" in out


def test_errors_fail_the_command_and_show_for_every_file(tmp_path, capsys):
    _project(tmp_path, "Bij verhindering dient u zich tijdig af te melden.")
    assert main(["taal", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "fout: 'Bij verhindering' is ambtelijke taal" in out and "fout: Hier staat 'u'" in out


# --- hostile input: seconds, not minutes ----------------------------------------------------------


def test_worst_case_input_finishes_in_seconds(tmp_path):
    """10,000- and 240,000-letter words and very long lines once took minutes and gigabytes.

    Entries with such words or lines are refused by the model (core.guard: word, line and text
    caps), so the gate reports them as not checked; the page in content/ has no model and
    carries the huge words to the gate itself.
    """
    long_line = " ".join(["Ja."] * 20000 + ["a@b"] * 5000 + ["www." + "." * 3000] + ["a."] * 5000)
    write_project(
        tmp_path,
        {"buurtkamer-test": place()},
        {
            "tienduizend": offer(beschrijving="a" * 10_000),
            "groot": offer(naam="Groot", beschrijving="b" * 240_000),
            "lang": yaml.safe_dump(offer(naam="Lang"), allow_unicode=True) + "beschrijving: |\n  " + long_line + "\n",
        },
    )
    (tmp_path / "content").mkdir()
    page = "# " + " " * 100_000 + "x\n\n" + "a-" * 100_000 + "\n\n" + "<!--" * 20_000 + "\n\n" + "![x " * 50_000 + "\n"
    page = "b" * 240_000 + "\n\n" + "a" * 10_000 + "\n\n" + long_line + "\n\n" + page
    (tmp_path / "content" / "lang.md").write_text(page, encoding="utf-8")
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "taal", "--root", str(tmp_path), "--alleen-fouten"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    elapsed = time.monotonic() - start
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "Dit woord is te lang: 240000 letters" in result.stdout
    assert "Dit woord is te lang: 10000 letters" in result.stdout
    for name in ("tienduizend", "groot", "lang"):  # refused by validate first (too long a word or line)
        assert f"activities/{name}.yaml: niet gecontroleerd" in result.stdout
    assert "content/lang.md" in result.stdout
    assert elapsed < 20, f"wegwijzer taal took {elapsed:.1f} s"
