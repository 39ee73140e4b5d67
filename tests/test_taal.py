"""The B1 language gate: rules, explanations, names, thresholds, the command and all shipped content."""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

import pytest
import yaml

from wegwijzer.tools import taal

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def config():
    return taal.load_config()


def page(text: str, config, rel: str = "content/test.md", names=None):
    return taal.check_page(rel, textwrap.dedent(text).lstrip("\n"), config, names)


def checks(findings) -> list[str]:
    return [f.check for f in findings]


def errors(findings) -> list[str]:
    return [f.check for f in findings if f.error]


def sentence_texts(text: str) -> list[str]:
    return [s.text for _, ss in taal.page_sentences(textwrap.dedent(text).lstrip("\n")) for s in ss]


# --- easy text, length ---------------------------------------------------------------------


def test_easy_b1_text_has_no_findings(config):
    text = """
        # Koffie in de buurt

        Elke dinsdag is er koffie in het buurthuis.
        Je kunt gewoon binnenlopen.
        Het is gratis. Neem gerust een vriend mee.
    """
    assert page(text, config) == []


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


def test_a_list_of_place_names_is_no_long_sentence(config, catalog):
    names = taal.names_of(catalog, config)
    places = "Wij zijn er elke week in Den Helder, Julianadorp, Schagen, Wieringerwerf, Den Burg, Middenmeer en Texel."
    assert taal.page_sentences(places)[0][1][0].count == 16
    assert "zin_lang" not in checks(page(places, config, names=names))
    assert "zin_lang" in checks(page(places, config))  # without the names, it is just a long sentence
    words = "Je vindt ons op maandag, dinsdag en woensdag in het grote buurthuis bij de oude kerk."
    assert checks(page(words, config, names=names)) == ["zin_lang"]


def test_a_list_item_is_its_own_sentence(config):
    items = [
        "boodschappen doen met een vrijwilliger",
        "een kop koffie in de buurtkamer",
        "samen wandelen in het park",
        "hulp bij formulieren van de gemeente",
        "een ritje naar de huisarts",
    ]
    as_list = "Dit kun je bij ons doen:\n\n" + "\n".join(f"- {i}" for i in items)
    assert page(as_list, config) == []
    assert len(sentence_texts(as_list)) == 6
    as_one = "Dit kun je bij ons doen: " + ", ".join(items) + "."
    assert "zin_te_lang" in errors(page(as_one, config))


def test_long_list_in_one_sentence_is_a_tip_to_make_a_list(config):
    six = "Dan werken gemeente, zorg, welzijn, politie, woningcorporaties en bewoners samen."
    found = [f for f in page(six, config) if f.check == "opsomming"]
    assert len(found) == 1 and not found[0].error and "6 dingen" in found[0].message
    assert "lijstje" in found[0].message
    five = "Dan werken gemeente, zorg, welzijn, politie en bewoners samen."
    assert "opsomming" not in checks(page(five, config))


# --- hard words, stiff words and explanations ------------------------------------------------


def test_jargon_is_an_error_with_a_plain_alternative(config):
    findings = page("We doen aan vroegsignalering in de wijk.", config)
    assert errors(findings) == ["jargon"]
    assert "Schrijf: problemen op tijd zien" in findings[0].message


@pytest.mark.parametrize(
    "explanation",
    [
        "Vroegsignalering is het op tijd zien van problemen.",
        "Vroegsignalering betekent: problemen op tijd zien.",
        "Met vroegsignalering bedoelen we dat we problemen op tijd zien.",
        "Problemen op tijd zien, dat heet vroegsignalering.",
        "We doen aan vroegsignalering (problemen op tijd zien).",
        "We zien problemen op tijd (vroegsignalering).",
        "Wat is vroegsignalering? We zien problemen op tijd.",
    ],
)
def test_jargon_explained_once_in_the_file_is_fine(config, explanation):
    text = f"{explanation}\n\nDe buurtcoach doet ook aan vroegsignalering."
    assert "jargon" not in checks(page(text, config))


def test_a_next_sentence_with_the_same_words_is_no_explanation(config):
    text = "We doen aan vroegsignalering. Zo zien we problemen op tijd."
    assert errors(page(text, config)) == ["jargon"]


def test_mentioning_the_word_is_no_use(config):
    assert page("Het plan gebruikt het woord vroegsignalering niet.", config) == []


def test_capitalised_jargon_in_mid_sentence_is_checked(config):
    findings = page("De Maatwerkvoorziening is er voor Mantelzorgers.", config)
    assert errors(findings) == ["jargon", "jargon"]


def test_compounds_of_jargon_count_as_jargon(config):
    for word in ("eerstelijnszorgverleners", "jeugdmaatwerkvoorziening", "ketenaanpak", "zorgakkoord"):
        findings = page(f"Dat gaat over de {word} in de regio.", config)
        assert errors(findings) == ["jargon"], word
        assert f"'{word}'" in findings[0].message


def test_officialese_is_an_error_with_a_plain_alternative(config):
    findings = page("Toekenning geschiedt op basis van de vigerende regels.", config)
    stiff = [f for f in findings if f.check == "ambtelijk"]
    assert {f.error for f in stiff} == {True}
    assert any("'geschiedt'" in f.message and "gebeuren" in f.message for f in stiff)
    assert any("'vigerende'" in f.message and "die nu gelden" in f.message for f in stiff)


def test_dient_te_with_words_in_between(config):
    assert "ambtelijk" in errors(page("Je dient je op tijd af te melden.", config))
    assert page("Dit dient als voorbeeld om te laten zien hoe het werkt.", config) == []


def test_formal_u_is_an_error_in_resident_texts(config):
    findings = page("Heeft u vragen? Neem uw pas mee.", config)
    assert errors(findings) == ["u_vorm", "u_vorm"]
    assert "'je'" in findings[0].message


# --- passive and nominal style -----------------------------------------------------------------


def test_passive_with_a_doer_is_a_tip(config):
    findings = page("Je aanvraag wordt door de gemeente bekeken.", config)
    assert checks(findings) == ["lijdende_vorm"] and not findings[0].error
    assert "wie doet wat" in findings[0].message


def test_passive_instruction_without_a_doer_is_an_error(config):
    findings = page("Het formulier moet binnen twee weken worden ingevuld.", config)
    assert errors(findings) == ["lijdende_vorm_opdracht"]
    assert "Vul het formulier in" in findings[0].message


@pytest.mark.parametrize(
    "text", ["Word lid van de bibliotheek.", "Je wordt ouder.", "Ik ben naar huis gegaan.", "Het is gezond."]
)
def test_no_passive(config, text):
    assert page(text, config) == []


def test_two_nominalisations_in_a_sentence_are_nominal_style(config):
    findings = page("Na beoordeling volgt een beslissing.", config)
    assert errors(findings) == ["naamwoordstijl"]
    assert "'beoordeling', 'beslissing'" in findings[0].message
    assert page("Na de beoordeling krijg je een brief.", config) == []


# --- abbreviations --------------------------------------------------------------------------------


def test_unexplained_abbreviation_is_an_error_at_first_use(config):
    findings = page("Vraag het aan het CJG.\n\nHet CJG is open.", config)
    assert errors(findings) == ["afkorting"] and findings[0].line == 1
    assert "'CJG'" in findings[0].message


def test_abbreviation_written_out_in_the_file_is_fine(config):
    text = "Het CJG is open op dinsdag.\n\nHet Centrum voor Jeugd en Gezin (CJG) helpt ouders."
    assert page(text, config) == []
    assert page("Vraag het aan de GGD.", config) == []  # known to everyone (taal.yaml)


def test_many_abbreviations_in_one_sentence_are_a_tip(config):
    findings = page("Je kunt bij het UWV, de SVB en de GGD terecht.", config)
    assert checks(findings) == ["afkortingen_stapel"] and not findings[0].error


# --- names, numbers, addresses -----------------------------------------------------------------


def test_known_names_are_names_as_a_whole_and_unknown_capitals_are_checked(config, catalog):
    names = taal.names_of(catalog, config)
    text = "Je vindt ons in Hippolytushoef en in Oudeschild. Wieringerwerf ligt in Hollands Kroon."
    assert page(text, config, names=names) == []
    assert checks(page("Vraag naar de Zwirrelkap.", config, names=names)) == ["onbekend_woord"]


def test_a_law_from_the_name_list_is_no_jargon(config):
    assert page("Dat staat in de Participatiewet.", config) == []


def test_entry_name_words_count_only_in_their_own_file(tmp_path, config):
    from entries import offer, place, write_project

    body = offer(naam="Scholingsvouchers Kop", samenvatting="Met Scholingsvouchers leer je een vak.")
    write_project(tmp_path, {"buurtkamer-test": place()}, {"vouchers": body})
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "info.md").write_text("Vraag naar Scholingsvouchers.\n", encoding="utf-8")
    report = taal.check_all(tmp_path, config=config)
    assert [(f.file, f.check) for f in report.findings] == [("content/info.md", "onbekend_woord")]
    whole = "Vraag naar Scholingsvouchers Kop.\n"
    (tmp_path / "content" / "info.md").write_text(whole, encoding="utf-8")
    assert taal.check_all(tmp_path, config=config).findings == []


def test_uncommon_word_is_a_tip_and_common_compounds_are_not(config):
    findings = page("De gemeente doet aan verzilvering.", config)
    assert checks(findings) == ["onbekend_woord"]
    assert "'verzilvering'" in findings[0].message
    assert page("In het taalcafé en de koffieochtend controleerde niemand iets.", config) == []


def test_address_numbers_times_email_and_urls_are_ignored(config):
    text = """
        Je vindt ons aan de Keizerstraat 12, 1781 AB Den Helder.
        We zijn open van 10:00 tot 12.30 uur.
        Bel 0223 123 456 of mail naar info@voorbeeld.nl.
        Kijk op https://www.voorbeeld.nl/aanbod/koffie-ochtend voor meer.
    """
    assert page(text, config) == []
    texts = sentence_texts(text)
    assert len(texts) == 4  # "12.30" and the dots in the addresses do not end a sentence
    assert texts[2] == "Bel 0223 123 456 of mail naar info@voorbeeld.nl."


def test_abbreviations_with_dots_do_not_end_a_sentence():
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
        | maandag | `doelgroepen` |
    """
    assert page(text, config) == []
    assert sentence_texts(text) == ["Lees de uitleg op deze pagina.", "Dag", "Tijd", "maandag", "`doelgroepen`"]


# --- readability -------------------------------------------------------------------------------


def test_readability_score_flags_hard_text(config):
    hard = (
        "De gemeentelijke organisatie realiseert beleidsmatige veranderingen. " * 4
        + "Hierbij denken maatschappelijke organisaties nadrukkelijk mee. " * 4
    )
    assert "leesbaarheid" in checks(page(hard, config))
    easy = "Je kunt hier koffie drinken. Het is gezellig. Kom gerust langs. " * 6
    assert "leesbaarheid" not in checks(page(easy, config))


def test_readability_ignores_lists_of_names(config, catalog):
    names = taal.names_of(catalog, config)
    text = "We zijn er in Wieringerwerf, Hippolytushoef, Anna Paulowna en Middenmeer. Kom gerust langs. " * 5
    assert "leesbaarheid" not in checks(page(text, config, names=names))
    sentences = [s for _, ss in taal.page_sentences(text) for s in ss]
    assert taal.flesch_douma(sentences) < config.flesch_min  # with the names counted, it would fail


def test_flesch_douma_uses_the_dutch_formula():
    import textstat

    text = "Ga je scheiden of uit elkaar? Dat is een moeilijke tijd, ook voor de kinderen."
    sentences = [s for _, ss in taal.page_sentences(text) for s in ss]
    textstat.set_lang("nl")
    assert taal.flesch_douma(sentences) == pytest.approx(textstat.flesch_reading_ease(text), abs=6)


# --- entries ----------------------------------------------------------------------------------


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
    voor_professionals: U kunt ouders naar ons verwijzen.
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
    assert "u_vorm" not in by_check  # 'voor_professionals' is not written for residents


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


def test_the_issue_examples_fail_in_a_page_and_an_entry(tmp_path, config):
    """Officialese that once passed with 0 errors, in a content page and in an entry (issue 19)."""
    from entries import offer, place, write_project

    entry = offer(beschrijving="De Maatwerkvoorziening wordt na een Integrale afweging verstrekt.\n")
    write_project(tmp_path, {"buurtkamer-test": place()}, {"voorziening": entry})
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "brief.md").write_text(
        "Uw aanvraag wordt na ontvangst in behandeling genomen.\n\n"
        "Toekenning geschiedt op basis van de vigerende beleidsregels.\n\n"
        "Bij verhindering dient u zich tijdig af te melden.\n",
        encoding="utf-8",
    )
    report = taal.check_all(tmp_path, config=config)
    by_line: dict[tuple[str, int], set[str]] = {}
    for f in report.errors:
        by_line.setdefault((f.file, f.line), set()).add(f.check)
    assert by_line[("content/brief.md", 1)] >= {"ambtelijk", "u_vorm"}
    assert by_line[("content/brief.md", 3)] >= {"ambtelijk"}
    assert by_line[("content/brief.md", 5)] >= {"ambtelijk", "u_vorm"}
    entry_errors = {f.check for f in report.errors if f.file == "activities/voorziening.yaml"}
    assert entry_errors >= {"jargon", "ambtelijk", "naamwoordstijl"}


# --- the gate on everything we ship -----------------------------------------------------------


def test_all_shipped_content_passes_the_language_gate(catalog):
    report = taal.check_all(ROOT, catalog=catalog)
    assert report.files > 100
    assert not report.errors, "\n" + taal.format_report(taal.Report(report.errors, report.files))


def test_jargon_list_is_complete_and_valid(config):
    assert len(config.jargon) >= 100
    assert len({t.woord for t in config.jargon}) == len(config.jargon)
    assert {t.soort for t in config.jargon} == {"jargon", "ambtelijk"}
    assert all(t.schrijf for t in config.jargon)


# --- every rule's message in full: what a writer reads ----------------------------------------------

RULE_MESSAGES = yaml.safe_load((ROOT / "tests" / "fixtures" / "taal-meldingen.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", RULE_MESSAGES, ids=[c["meldingen"][0]["controle"] for c in RULE_MESSAGES])
def test_every_rule_says_exactly_what_to_do(config, case):
    found = [{"controle": f.check, "fout": f.error, "melding": f.message} for f in page(case["tekst"], config)]
    assert found == case["meldingen"]
