"""The B1 language gate: hard and easy Dutch, names, numbers, addresses, lists, and all shipped content."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wegwijzer.tools import taal

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def config():
    return taal.load_config()


def page(text: str, config, rel: str = "content/test.md", names=frozenset(), phrases=()):
    return taal.check_page(rel, textwrap.dedent(text).lstrip("\n"), config, names, phrases)


def checks(findings) -> list[str]:
    return [f.check for f in findings]


def sentence_texts(text: str) -> list[str]:
    return [s.text for _, ss in taal.page_sentences(textwrap.dedent(text).lstrip("\n")) for s in ss]


# --- easy and hard sentences -------------------------------------------------------------


def test_easy_b1_text_has_no_findings(config):
    findings = page(
        """
        # Koffie in de buurt

        Elke dinsdag is er koffie in het buurthuis.
        Je kunt gewoon binnenlopen.
        Het is gratis. Neem gerust een vriend mee.
    """,
        config,
    )
    assert findings == []


def test_sentence_over_twenty_words_is_an_error_with_its_line(config):
    findings = page(
        """
        ---
        title: Test
        ---

        Dit is kort.

        De gemeente organiseert samen met alle partners in de regio elk jaar in het voorjaar een grote bijeenkomst
        voor iedereen die in de buurt woont of werkt.
    """,
        config,
    )
    long = [f for f in findings if f.check == "zin_te_lang"]
    assert len(long) == 1
    assert long[0].error and long[0].line == 7
    assert "27 woorden" in long[0].message
    assert long[0].sentence.startswith("De gemeente organiseert")


def test_sentence_of_fifteen_words_is_only_a_tip(config):
    findings = page("Je kunt elke week op dinsdag en donderdag bij ons komen voor een kop koffie.", config)
    assert checks(findings) == ["zin_lang"]
    assert not findings[0].error


def test_jargon_is_an_error_with_a_plain_alternative(config):
    findings = page("We doen aan vroegsignalering in de wijk.", config)
    jargon = [f for f in findings if f.check == "jargon"]
    assert len(jargon) == 1 and jargon[0].error
    assert "Schrijf: problemen op tijd zien" in jargon[0].message


def test_jargon_explained_once_is_fine_for_the_whole_file(config):
    findings = page(
        """
        Een mantelzorger is iemand die zorgt voor een zieke ouder of partner.
        Voor mantelzorgers is er elke maand een ontbijt.
        Ook andere mantelzorgers zijn welkom.
    """,
        config,
    )
    assert "jargon" not in checks(findings)
    unexplained = page("Voor mantelzorgers is er elke maand een ontbijt.", config)
    assert checks(unexplained) == ["jargon"]


def test_stiff_official_words_are_tips(config):
    findings = page("Indien je vragen hebt, kun je ons bellen.", config)
    assert checks(findings) == ["ambtelijk"]
    assert "Schrijf: als" in findings[0].message and not findings[0].error


def test_jargon_inside_a_name_is_not_flagged(config):
    findings = page("Dat staat in de Participatiewet. Zo werkt het project Preventie met Gezag.", config)
    assert "jargon" not in checks(findings)


def test_uncommon_word_is_a_tip_and_common_compounds_are_not(config):
    findings = page("De gemeente doet aan verzilvering.", config)
    assert checks(findings) == ["onbekend_woord"]
    assert "'verzilvering'" in findings[0].message
    # compounds of common words and inflected verbs are fine
    assert page("In het taalcafé en de koffieochtend controleerde niemand iets.", config) == []


def test_readability_score_flags_hard_text(config):
    hard = (
        "De gemeentelijke organisatie realiseert beleidsmatige veranderingen. " * 4
        + "Hierbij worden maatschappelijke organisaties nadrukkelijk betrokken. " * 4
    )
    findings = page(hard, config)
    assert "leesbaarheid" in checks(findings)
    easy = "Je kunt hier koffie drinken. Het is gezellig. Kom gerust langs. " * 6
    assert "leesbaarheid" not in checks(page(easy, config))


def test_flesch_douma_uses_the_dutch_formula(config):
    import textstat

    text = "Ga je scheiden of uit elkaar? Dat is een moeilijke tijd, ook voor de kinderen."
    sentences = [s for _, ss in taal.page_sentences(text) for s in ss]
    textstat.set_lang("nl")
    assert taal.flesch_douma(sentences) == pytest.approx(textstat.flesch_reading_ease(text), abs=6)


# --- names, numbers, addresses, lists --------------------------------------------------


def test_proper_names_and_places_are_not_uncommon_words(config, catalog):
    names, phrases = taal.names_of(catalog)
    findings = page(
        """
        Je vindt ons in Hippolytushoef en in Oudeschild.
        Vraag naar Jantien Veldkampers van de Stichting Welzijnswerk.
        Wieringerwerf ligt in Hollands Kroon.
    """,
        config,
        names=names,
        phrases=phrases,
    )
    assert "onbekend_woord" not in checks(findings)


def test_address_numbers_times_email_and_urls_are_ignored(config):
    text = """
        Je vindt ons aan de Keizerstraat 12, 1781 AB Den Helder.
        We zijn open van 10:00 tot 12.30 uur.
        Bel 0223 123 456 of mail naar info@voorbeeld.nl.
        Kijk op https://www.voorbeeld.nl/aanbod/koffie-ochtend voor meer.
    """
    findings = page(text, config)
    assert findings == []
    texts = sentence_texts(text)
    assert len(texts) == 4  # "12.30" and the dots in the addresses do not end a sentence
    assert texts[2] == "Bel 0223 123 456 of mail naar info@voorbeeld.nl."


def test_a_list_item_is_its_own_sentence(config):
    items = [
        "boodschappen doen met een vrijwilliger",
        "een kop koffie in de buurtkamer",
        "samen wandelen in het park",
        "hulp bij formulieren van de gemeente",
        "een ritje naar de huisarts",
    ]
    as_list = "Dit kun je bij ons doen:\n\n" + "\n".join(f"- {i}" for i in items)
    assert "zin_te_lang" not in checks(page(as_list, config))
    assert len(sentence_texts(as_list)) == 6
    as_one = "Dit kun je bij ons doen: " + ", ".join(items) + "."
    assert "zin_te_lang" in checks(page(as_one, config))


def test_abbreviations_do_not_end_a_sentence():
    assert len(sentence_texts("Je kunt o.a. koffie drinken, bijv. met een buur. Dat is fijn.")) == 2


def test_markdown_syntax_code_and_front_matter_are_skipped(config):
    text = """
        ---
        title: "Indien vroegsignalering"
        ---

        <!-- Indien vroegsignalering -->
        Lees de [uitleg](https://www.voorbeeld.nl/indien) op **deze** pagina.

        ```
        indien vroegsignalering mantelzorgers
        ```

        | Dag | Tijd |
        |-----|------|
        | maandag | 10:00 |
    """
    assert page(text, config) == []
    assert sentence_texts(text) == ["Lees de uitleg op deze pagina.", "Dag", "Tijd", "maandag", "10:00"]


# --- configuration and allow lists --------------------------------------------------------


def test_thresholds_come_from_configuration(config):
    strict = dataclasses.replace(config, max_words=5, checks={**config.checks, "onbekend_woord": taal.ERROR})
    findings = page("Je kunt elke dinsdag koffie drinken.", strict)
    assert checks(findings) == ["zin_te_lang"]
    findings = page("De gemeente doet aan verzilvering.", strict)
    assert [f.level for f in findings] == [taal.ERROR]
    off = dataclasses.replace(config, checks={**config.checks, "jargon": taal.OFF})
    assert page("We doen aan vroegsignalering.", off) == []


def _write_entry(root: Path, name: str, body: str):
    (root / "activities").mkdir(parents=True, exist_ok=True)
    (root / "activities" / name).write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")


_ENTRY = """
    naam: Praatgroep Kwebbeltje
    soort: activiteit
    samenvatting: Bij Kwebbeltje praat je met anderen over de dag.
    beschrijving: |
      Je praat over gewone dingen.
      We doen ook aan vroegsignalering.
      Je leert er ook iets over verzilvering.{comment}
    organisatie: Buurthuis De Linde
    themas: [ontmoeten]
    doelgroepen: [iedereen]
    gebied: [regio]
    bron: Test
    beheerder: Test
"""


def test_entry_findings_have_file_field_and_line(tmp_path, config):
    _write_entry(tmp_path, "praatgroep.yaml", _ENTRY.format(comment=""))
    report = taal.check_all(tmp_path, config=config)
    by_check = {f.check: f for f in report.findings}
    assert by_check["jargon"].file == "activities/praatgroep.yaml"
    assert by_check["jargon"].field == "beschrijving"
    assert by_check["jargon"].line == 6
    assert by_check["onbekend_woord"].line == 7
    assert "kwebbeltje" not in " ".join(f.message.lower() for f in report.findings)  # the entry's own name


def test_words_can_be_accepted_per_file(tmp_path, config):
    _write_entry(tmp_path, "praatgroep.yaml", _ENTRY.format(comment="\n    # taal-ok: vroegsignalering, verzilvering"))
    assert taal.check_all(tmp_path, config=config).findings == []
    _write_entry(tmp_path, "praatgroep.yaml", _ENTRY.format(comment=""))
    allowed = dataclasses.replace(config, allowed={"activities/praatgroep.yaml": frozenset({"vroegsignalering"})})
    assert checks(taal.check_all(tmp_path, config=allowed).findings) == ["onbekend_woord"]


def test_jargon_known_to_the_audience_needs_no_explanation(tmp_path, config):
    body = _ENTRY.format(comment="").replace("doelgroepen: [iedereen]", "doelgroepen: [mantelzorgers]")
    body = body.replace("We doen ook aan vroegsignalering.", "Voor mantelzorgers is er koffie.")
    _write_entry(tmp_path, "praatgroep.yaml", body)
    assert "jargon" not in checks(taal.check_all(tmp_path, config=config).findings)


def test_cli_fails_on_errors_and_passes_on_tips(tmp_path, capsys):
    _write_entry(tmp_path, "praatgroep.yaml", _ENTRY.format(comment=""))
    cmd = [sys.executable, "-m", "wegwijzer", "taal", "--root", str(tmp_path)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "activities/praatgroep.yaml" in result.stdout
    assert "regel 6, beschrijving" in result.stdout
    assert "Schrijf: problemen op tijd zien" in result.stdout
    _write_entry(
        tmp_path,
        "praatgroep.yaml",
        _ENTRY.format(comment="").replace("We doen ook aan vroegsignalering.", "We letten goed op elkaar."),
    )
    from wegwijzer.tools.cli import main

    assert main(["taal", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "0 fouten" in out and "let op:" in out


# --- the gate on everything we ship -----------------------------------------------------


def test_all_shipped_content_passes_the_language_gate(catalog):
    report = taal.check_all(ROOT, catalog=catalog)
    assert report.files > 0
    assert not report.errors, "\n" + taal.format_report(taal.Report(report.errors, report.files))


def test_jargon_list_is_complete_and_valid(config):
    assert len(config.jargon) >= 40
    assert len({t.woord for t in config.jargon}) == len(config.jargon)
    assert all(t.soort in ("jargon", "ambtelijk") for t in config.jargon)
