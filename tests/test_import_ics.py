"""`wegwijzer import-ics`: an agenda (iCalendar) becomes offers with dates or a schedule.

What the Wegwijzer cannot show (every day, all day, days of the month) is reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import ROOT
from entries import place, write_project
from wegwijzer.core.load import load_catalog
from wegwijzer.opendata.imports.agenda import Options, import_agenda
from wegwijzer.tools import cli

AGENDA = ROOT / "tests" / "fixtures" / "imports" / "agenda-proef.ics"
TODAY = dt.date(2026, 11, 18)


@pytest.fixture
def project(tmp_path) -> Path:
    return write_project(tmp_path / "p", {"buurtkamer-test": place()}, {})


def imported(project: Path, write: bool = True, **options):
    result = import_agenda(
        AGENDA, project / "locations", project / "activities", Options(today=TODAY, **options), write=write
    )
    return result, result.report()


def test_recurring_and_one_off_events(project):
    result, _ = imported(project, themas=["taal"])
    assert result.exit_code == 3  # four events cannot be shown; the others came in
    cat = load_catalog(project)
    taal = cat.activities["taalcafe"]
    # Weekly on Tuesday; UNTIL (in UTC) becomes the last Tuesday in Dutch time, not the day after.
    assert [(i.dag, i.herhaling, i.van, i.tot, i.start, i.eind) for i in taal.schema] == [
        ("dinsdag", "wekelijks", "10:00", "12:00", dt.date(2027, 1, 5), dt.date(2027, 6, 29))
    ]
    assert taal.plekken == ["buurtkamer-test"] and taal.contact.website == "https://www.voorbeeld.nl/taalcafe"
    assert (taal.samenvatting, taal.beschrijving) == (
        "Oefen Nederlands praten met andere mensen.",
        "Je hoeft je niet aan te melden.",
    )
    # Monthly on the first Thursday, six times: the last date is computed.
    digi = cat.activities["digicafe"].schema
    assert [(i.dag, i.herhaling, i.week, i.eind) for i in digi] == [
        ("donderdag", "maandelijks", 1, dt.date(2027, 6, 3))
    ]
    assert [(i.dag, i.herhaling) for i in cat.activities["breiclub"].schema] == [("woensdag", "tweewekelijks")]
    # One-off events: a date. Two events with one title and place: one offer with both dates.
    assert [(i.datum, i.van, i.tot) for i in cat.activities["voorlezen-voor-peuters"].schema] == [
        (dt.date(2027, 2, 14), "10:30", "11:15")
    ]
    assert [i.datum for i in cat.activities["spelletjesmiddag"].schema] == [dt.date(2027, 3, 3), dt.date(2027, 3, 17)]
    # A time in UTC is Dutch summer time on the page.
    assert [(i.van, i.tot) for i in cat.activities["lezing-over-de-kop"].schema] == [("20:00", "21:30")]
    for act in cat.activities.values():
        assert act.bron == "Agenda-import: agenda-proef.ics" and act.gecontroleerd_op is None
        assert act.organisatie == act.beheerder == "Bibliotheek Proefstad (verzonnen)"  # X-WR-CALNAME
    assert cli.main(["validate", "--root", str(project)]) == 0
    text = (project / "activities" / "taalcafe.yaml").read_text(encoding="utf-8")
    assert "\ngecontroleerd_op:\n" in text


def test_what_cannot_be_shown_is_reported_not_guessed(project):
    result, report = imported(project, write=False)
    skipped = {i.name for i in result.items if i.skipped}
    assert skipped == {"Oude lezing", "Boekenmarkt", "Stoelyoga", "Afgelaste lezing"}
    assert "'Oude lezing' op 2025-03-01 is al voorbij: niet overgenomen." in report
    assert "'Boekenmarkt' op 2027-04-10 niet overgenomen: het duurt de hele dag, zonder tijden." in report
    assert "'Stoelyoga' op 2027-01-04 niet overgenomen: de herhaling 'DAILY' kan de Wegwijzer niet weergeven" in report
    assert "'Afgelaste lezing' op 2027-03-20 gaat niet door (afgelast): niet overgenomen." in report
    assert "de uitzonderingen (EXDATE) zijn niet overgenomen." in report
    # The place text is no place of ours: reported, not guessed or made up.
    assert "De plek 'Bibliotheek Onbekend, Markt 1, Den Helder' staat niet precies zo in locations/." in report
    assert "Gekoppeld aan de plek locations/buurtkamer-test.yaml ('Buurtkamer Test')." in report
    assert not list((project / "activities").iterdir())  # a trial run writes nothing
    assert "Proef: er is niets geschreven. Zonder --proef zouden 6 bestand(en) worden geschreven." in report


def test_themes_and_audiences_from_the_command_line_or_a_note(project):
    _, report = imported(project, write=False)
    assert "Thema's gekozen op woorden in de tekst: digitaal." in report  # Digicafé: 'computer'
    assert "Geen doelgroep gevonden. Doelgroep 'iedereen' is gekozen: kies zelf." in report
    _, report = imported(project, write=False, themas=["ontmoeten"], doelgroepen=["ouderen"])
    assert "Thema's gekozen" not in report and "Geen doelgroep gevonden" not in report


def test_an_unknown_place_goes_to_the_area_given(project):
    imported(project, gebied="den-helder", themas=["taal"])
    assert load_catalog(project).activities["voorlezen-voor-peuters"].gebied == ["den-helder"]


def test_an_unknown_place_without_an_area_given_is_not_invented(project):
    _, report = imported(project, themas=["taal"])
    assert load_catalog(project).activities["voorlezen-voor-peuters"].gebied == ["onbekend"]
    assert "Gebied is 'onbekend': weet je waar het is? Zet dan de gemeente of 'regio'." in report


def test_one_off_dates_get_the_kind_given_and_a_webinar_its_link(project, capsys):
    path = _ics(
        project / "a.ics",
        f"SUMMARY:Uitleg over geld\r\nURL:https://www.voorbeeld.nl/webinar\r\n{FUTURE}",
        f"SUMMARY:Zonder link\r\n{FUTURE}",
    )
    code, out, _ = run(capsys, path, "--root", project, "--organisatie", "Proef", "--evenement", "webinar")
    assert code == 0, out  # the one without a link comes in without a kind (a webinar needs a link)
    acts = load_catalog(project).activities
    (item,) = acts["uitleg-over-geld"].schema
    assert (item.evenement, item.link) == ("webinar", "https://www.voorbeeld.nl/webinar")
    assert [(i.evenement, i.link) for i in acts["zonder-link"].schema] == [(None, None)]
    assert "'Zonder link': een webinar heeft een link (URL). Die staat er niet bij: geen soort." in out
    code, out, err = run(capsys, path, "--root", project, "--evenement", "feest")
    assert code == 1 and "--evenement 'feest' staat niet in de lijst. Kies uit: voorlichting, webinar," in err


def _ics(path: Path, *events: str) -> Path:
    body = "".join(f"BEGIN:VEVENT\r\nUID:{i}@proef.invalid\r\n{e}END:VEVENT\r\n" for i, e in enumerate(events))
    path.write_text(
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//proef//NL\r\n{body}END:VCALENDAR\r\n", encoding="utf-8"
    )
    return path


FUTURE = "DTSTART:20990105T100000\r\nDTEND:20990105T120000\r\n"


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main(["import-ics", *(str(a) for a in args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_cli_never_overwrites_and_needs_an_organiser(project, capsys):
    path = _ics(project / "a.ics", f"SUMMARY:Koffie\r\n{FUTURE}")
    code, out, _ = run(capsys, path, "--root", project, "--thema", "ontmoeten")
    assert code == 3 and "Er staat geen organisator bij. Geef mee wie het organiseert: --organisatie" in out
    assert run(capsys, path, "--root", project, "--organisatie", "Stichting Proef")[0] == 0
    written = project / "activities" / "koffie.yaml"
    written.write_text(written.read_text(encoding="utf-8") + "# nagekeken\n", encoding="utf-8")
    code, out, _ = run(capsys, path, "--root", project, "--organisatie", "Stichting Proef")
    assert code == 3 and "Er is al een item activities/koffie.yaml. Niets overschreven" in out
    assert written.read_text(encoding="utf-8").endswith("# nagekeken\n")


def test_cli_hostile_texts_are_cleaned(project, capsys):
    path = _ics(
        project / "a.ics",
        "SUMMARY:<script>alert(1)</script>Koffie\r\nDESCRIPTION:Kom <b>langs</b>.\r\n"
        f"URL:javascript:alert(1)\r\n{FUTURE}",
    )
    code, out, _ = run(capsys, path, "--root", project, "--organisatie", "Proef")
    assert code == 0, out
    assert "HTML weggehaald uit" in out and "Webadres 'javascript:alert(1)' is niet overgenomen" in out
    (act,) = load_catalog(project).activities.values()
    assert "<" not in act.naam + act.samenvatting and act.contact is None


@pytest.mark.parametrize(
    "option, words",
    [
        (["--thema", "sport"], "--thema 'sport' staat niet in de lijst. Kies uit: ontmoeten, gezondheid,"),
        (["--soort", "feest"], "--soort 'feest' staat niet in de lijst. Kies uit: activiteit, cursus,"),
        (["--gebied", "Amsterdam"], "--gebied 'Amsterdam' is geen gemeente."),
        (["--plek", "nergens"], "De plek 'nergens' (--plek) staat niet in locations/."),
    ],
)
def test_cli_wrong_options_get_a_dutch_line(project, capsys, option, words):
    code, _, err = run(capsys, AGENDA, "--root", project, *option)
    assert code == 1 and words in err, err


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "a.ics is leeg."),
        (bytes(range(256)) * 8, "a.ics is geen agenda (iCalendar): het begint niet met BEGIN:VCALENDAR."),
        (b"BEGIN:VCALENDAR\r\nDit is geen regel\r\nEND:VCALENDAR\r\n", "a.ics is geen geldige agenda (iCalendar)"),
        (
            b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n" * 5001 + b"END:VCALENDAR\r\n",
            "meer dan 5000",
        ),
    ],
    ids=["leeg", "binair", "kapot", "te-veel"],
)
def test_cli_garbage_gets_one_dutch_line_and_exit_1(project, capsys, content, words):
    path = project / "a.ics"
    path.write_bytes(content)
    code, _, err = run(capsys, path, "--root", project)
    assert code == 1 and words in err, err


def test_cli_broken_values_in_a_good_file_are_reported_per_event(project, capsys):
    path = _ics(
        project / "a.ics",
        "SUMMARY:Kapotte tijd\r\nDTSTART:2099130T1000\r\nDTEND:20990105T120000\r\n",
        "SUMMARY:Geen einde\r\nDTSTART:20990105T100000\r\n",
        f"SUMMARY:Rare herhaling\r\n{FUTURE}RRULE:FREQ=WEEKLY;BYHOUR=10\r\n",
        f"SUMMARY:Elke 15e\r\n{FUTURE}RRULE:FREQ=MONTHLY;BYMONTHDAY=15\r\n",
        f"SUMMARY:Kapotte herhaling\r\n{FUTURE}RRULE:FREQ=WEEKLY;COUNT=veel\r\n",
        f"{FUTURE}",
    )
    code, out, _ = run(capsys, path, "--root", project, "--organisatie", "Proef")
    assert code == 3
    assert "'Kapotte tijd' niet overgenomen: er staat geen begintijd bij." in out
    assert "'Geen einde' op 2099-01-05 niet overgenomen: er staat geen eindtijd na de begintijd bij." in out
    assert "'BYHOUR' in de herhaling kan de Wegwijzer niet weergeven." in out
    assert "'Elke 15e' op 2099-01-05 niet overgenomen: elke maand op dezelfde datum kan de Wegwijzer niet" in out
    assert "Een afspraak zonder titel (SUMMARY) is overgeslagen." in out
    assert "'Kapotte herhaling' op 2099-01-05 niet overgenomen: een waarde klopt niet (" in out
