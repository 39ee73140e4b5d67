"""`wegwijzer import-hsds`: the report, --proef, --locations/--activities, exit codes, hostile feeds.

Exit codes (README, and the command's help): 0 when every service came in, 3 when one or
more were skipped (each with its reason; the others are written), 1 when the feed cannot be
read or the files cannot be written (then nothing is written).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml

from entries import offer, place, write_project
from wegwijzer.core.load import load_catalog
from wegwijzer.opendata import hsds_import
from wegwijzer.opendata.hsds_import import write as hsds_write
from wegwijzer.tools import cli

IN_REGION = {"latitude": 52.9563, "longitude": 4.7601}


def service(**fields) -> dict:
    return {"id": "s1", "name": "Inloop bij de partner", "description": "Een inloop.", **fields}


def location(**fields) -> dict:
    return {"name": "Testgebouw", **IN_REGION, **fields}


def at(loc: dict, *schedules: dict) -> list[dict]:
    return [{"location": loc, "schedules": list(schedules)}]


def weekly(**fields) -> dict:
    return {"freq": "WEEKLY", "byday": "TU", "opens_at": "10:00", "closes_at": "12:00", **fields}


def phone(**fields) -> dict:
    return {"number": "0223 123 456", **fields}


def run(tmp_path: Path, services: list, write: bool = False):
    return hsds_import.import_services(
        services, "feed.json", tmp_path / "locations", tmp_path / "activities", write=write
    )


def feed(tmp_path: Path, services, name: str = "feed.json") -> Path:
    path = tmp_path / name
    path.write_text(services if isinstance(services, str) else json.dumps(services), encoding="utf-8")
    return path


# Every note the importer can give: (what the feed says, words in the note). The service still comes in.
NOTES = [
    (service(name="Taalcafé <b>vet</b>"), "HTML weggehaald uit de naam."),
    (service(name="Taalcafé <svg onload=alert(1)"), "HTML weggehaald uit de naam."),
    (service(description="<p>Hallo &amp; welkom</p><script>x</script>"), "HTML weggehaald uit de beschrijving."),
    (service(description="Hallo\x1b[2J daar\x00."), "Onzichtbare stuurtekens weggehaald uit de beschrijving."),
    (service(name="Woord " * 20), "De naam was langer dan 90 tekens en is ingekort."),
    (service(), "Er staat geen organisatie bij."),
    (service(organization="Stichting X"), "In de dienst is 'organization' tekst in plaats van een blok met velden"),
    (service(description=None), "Er is geen beschrijving. De samenvatting is de naam"),
    (service(description="Een. " * 50), "De samenvatting komt uit de eerste zin van de beschrijving."),
    (service(), "Soort is 'hulp' (hulp en advies). Kies de goede soort."),
    (service(), "Controleer of de teksten in B1-Nederlands zijn."),
    (service(description="Hulp bij geld en schulden."), "Thema's gekozen op woorden in de tekst: geld."),
    (service(description="Een inloop."), "Geen thema gevonden. Thema 'ontmoeten' is gekozen"),
    (service(minimum_age=12, maximum_age=18), "Doelgroep 'iedereen' is gekozen (de bron zegt: leeftijd 12 tot 18)"),
    (service(maximum_age=100), "(de bron zegt: tot 100 jaar)"),
    (service(minimum_age=65), "(de bron zegt: vanaf 65 jaar)"),
    (service(eligibility_description="Alleen voor leden."), "Voor wie (niet overgenomen): 'Alleen voor leden.'"),
    (service(service_at_locations=[{"schedules": []}]), "Een plek zonder 'location' is overgeslagen."),
    (
        service(service_at_locations=at({"name": "Ver weg", "latitude": 51.5, "longitude": -0.1}, weekly())),
        "De tijden van een plek buiten de regio zijn als algemene tijden overgenomen.",
    ),
    (
        service(service_at_locations=at({"name": "Ver weg", "addresses": [{"address_1": "1-30 Main Street"}]})),
        "De plek 'Ver weg' ligt niet in de Kop van Noord-Holland (1-30 Main Street). Die plek is niet ingelezen.",
    ),
    (
        service(service_at_locations=at({"name": "Zonder punt", "addresses": [{"city": "Julianadorp"}]})),
        "De plek 'Zonder punt' heeft geen bruikbare coördinaten. Het midden van Julianadorp is gebruikt",
    ),
    (service(service_at_locations=at(location())), "Plek 'Testgebouw': soort is 'anders'. Kies de goede soort."),
    (
        service(service_at_locations=at(location(addresses=[{"address_1": "Straat 1", "postal_code": "XX"}]))),
        "Plek 'Testgebouw': postcode 'XX' is niet overgenomen, hij klopt niet.",
    ),
    (
        service(service_at_locations=at(location(accessibility=[{"description": "Glijbaan"}]))),
        "Plek 'Testgebouw': toegankelijkheid niet overgenomen: 'Glijbaan'.",
    ),
    (
        service(service_at_locations=at(location(schedules=[weekly(interval=2)]))),
        "Plek 'Testgebouw': een openingstijd die niet elke week is, is niet overgenomen.",
    ),
    (service(), "Geen plek of gebied in de Kop gevonden. Gebied is 'onbekend'"),
    (
        service(schedules=[weekly(count=1, dtstart="2027-03-02", schedule_link="https://voorbeeld.nl/aanmelden")]),
        "De link bij een tijd is niet overgenomen (alleen bij een webinar): https://voorbeeld.nl/aanmelden",
    ),
    (
        service(
            schedules=[weekly(count=1, dtstart="2027-03-02", notes="Soort: Webinar.", schedule_link="javascript:x")]
        ),
        "De link bij een tijd is geen webadres en is niet overgenomen: javascript:x",
    ),
    (
        service(schedules=[weekly(count=1, dtstart="2027-03-02", notes="Soort: Webinar.")]),
        "Een webinar zonder geldige link: de soort is niet overgenomen.",
    ),
    (service(cost_options=[{"amount": 1}, {"amount": 2}]), "Alleen de eerste prijs is overgenomen (2 in de bron)."),
    (service(cost_options=[{"amount": 5, "currency": "USD"}]), "Prijs in USD is als tekst overgenomen."),
    (service(application_process="Bel ons."), "Aanmelden (niet overgenomen, vul 'aanmelden' zelf in): 'Bel ons.'"),
    (
        service(application_process="Verwijzen door een professional:\nBel de huisarts."),
        "Verwijzen (niet overgenomen, vul 'verwijzen' zelf in): 'Bel de huisarts.'",
    ),
    (
        service(required_documents=[{"document": "Een verwijsbrief."}]),
        "Meesturen (niet overgenomen, vul 'verwijzen' zelf in): 'Een verwijsbrief.'",
    ),
    (
        service(
            application_process="Verwijzen door een professional:\nFormulier: javascript:alert(1)",
            attributes=[{"taxonomy_term": {"taxonomy": "wegwijzer-verwijzers", "code": "huisarts"}}],
        ),
        "Het aanmeldformulier 'javascript:alert(1)' is geen geldig webadres.",
    ),
    (service(languages=[{"code": "xx", "name": "Klingon"}]), "Taal 'Klingon' staat niet in de lijst met talen"),
    (service(languages=["pl", "en"]), "In de dienst staan in 'languages' 2 regels die geen blok zijn."),
    (service(phones=[{"number": "0223 123 456"}, {"number": "06 12345678"}]), "Alleen het eerste telefoonnummer"),
    (service(phones=[{"number": "12"}]), "Telefoonnummer '12' is niet overgenomen: het klopt niet."),
    (service(phones="0223 123456"), "In de dienst is 'phones' tekst in plaats van een lijst: niet overgenomen."),
    (service(email="geen-adres"), "E-mailadres 'geen-adres' is niet overgenomen: het klopt niet."),
    (service(url="javascript:alert(1)"), "Webadres 'javascript:alert(1)' is niet overgenomen: het klopt niet."),
    (service(status="inactive"), "De status in de bron is 'inactive'. Kijk of het aanbod nog bestaat."),
    (service(funding=[{"source": "x"}]), "Niet overgenomen velden: funding."),
    (service(schedules=[weekly(opens_at="10:00+02:00")]), "heeft een tijdzone. Overgenomen als Nederlandse tijd"),
    (service(schedules=[weekly(opens_at=None)]), "er staat geen begintijd en eindtijd bij."),
    (service(schedules=[weekly(closes_at="09:00")]), "de eindtijd ligt niet na de begintijd."),
    (service(schedules=[weekly(freq="DAILY")]), "er is geen vaste herhaling (freq)."),
    (service(schedules=[weekly(freq="MONTHLY", bymonthday="15")]), "'bymonthday' (15) kan de Wegwijzer niet"),
    (service(schedules=[weekly(count=4)]), "een vast aantal keer (count) kan de Wegwijzer niet weergeven."),
    (service(schedules=[weekly(byday=None)]), "er staat geen dag bij (byday)."),
    (service(schedules=[weekly(byday="XX")]), "de dag 'XX' is onbekend."),
    (service(schedules=[weekly(interval=3)]), "deze herhaling (TU, interval 3) kan de Wegwijzer niet weergeven."),
    (service(schedules=[weekly(freq="MONTHLY", byday="5TU")]), "alleen 'de 1e tot 4e of laatste dag van de maand'"),
    (service(schedules="elke dag"), "In de dienst is 'schedules' tekst in plaats van een lijst"),
    # contact routes, costs and the source's own check (Open Referral UK feeds have all of them)
    (service(phones=[phone(description="Ma-vr 9:00 tot 17:00")]), "'bereikbaar' komt uit de uitleg bij telefoon"),
    (service(phones=[phone(description="Hoofdnummer")]), "staat: 'Hoofdnummer'. Niet overgenomen: het zegt niet"),
    (service(phones=[phone(description="Elke werkdag. " + "Bel gerust. " * 20)]), "te lang voor 'bereikbaar'"),
    (service(phones=[phone(extension=12)]), "Bij 0223 123 456 hoort toestel 12."),
    (
        service(contacts=[{"name": "Ann", "title": "Baas", "phones": [phone()]}]),
        "Contactpersoon in de bron: Ann (Baas)",
    ),
    (service(contacts=[{"phones": [phone()]}]), "Het telefoonnummer 0223 123 456 komt van een contactpersoon."),
    (service(contacts=[{"email": "info@voorbeeld.nl"}]), "Het e-mailadres info@voorbeeld.nl komt van een contact"),
    (service(contacts=[{"email": "geen"}]), "E-mailadres 'geen' is niet overgenomen: het klopt niet."),
    (service(fees_description="Twee euro", fees="Gratis koffie"), "Over de kosten staat ook (in 'fees', niet over"),
    (service(cost_options=[{"amount": 2}], fees="Koffie"), "Over de kosten zegt de bron ook: 'Koffie'."),
    (service(cost_options=[{"amount": 2}]), "De bron noemt geen munt (currency). Het bedrag is als euro overgenomen"),
    (
        service(cost_options=[{"amount": 2, "currency": "EUR", "valid_to": "2020-12-31"}]),
        "De prijs gold tot 2020-12-31",
    ),
    (service(assured_date="2999-01-01"), "De controledatum van de bron ('2999-01-01') klopt niet: niet overgenomen."),
    (service(assured_date="gisteren"), "De controledatum van de bron ('gisteren') klopt niet"),
    (service(alert="Gesloten in juli."), "De bron meldt: 'Gesloten in juli.'. Niet overgenomen: zet het in de"),
    (service(assurer_email="check@voorbeeld.nl"), "Meldingen over dit item gaan naar check@voorbeeld.nl"),
    (
        service(organization={"name": "Org", "email": "org@voorbeeld.nl"}, assurer_email="check@voorbeeld.nl"),
        "Wie de gegevens bij de bron controleert: check@voorbeeld.nl. Meldingen gaan naar de organisatie.",
    ),
    (service(assurer_email="geen-adres"), "E-mailadres van wie de gegevens controleert ('geen-adres') klopt niet."),
]


@pytest.mark.parametrize("svc, words", NOTES, ids=[f"{i}-{w[:30]}" for i, (_, w) in enumerate(NOTES)])
def test_each_note_of_the_report(tmp_path, svc, words):
    result = run(tmp_path, [svc])
    report = result.report()
    assert words in report, report
    assert not result.items[0].skipped, report
    assert result.exit_code == hsds_import.ALL_IN
    # Never a Python value or a control character in what the editor reads.
    assert not re.search(r"\bNone\b|\{'|\['|\\x1b|\x1b|\x00", report), report


def test_a_service_that_fails_is_skipped_with_its_reason_and_the_others_come_in(tmp_path):
    services = [
        {"description": "Zonder naam."},
        "geen dienst",
        service(name="A" * 300),  # one word of 90 letters after cutting: refused like validate would
        service(name="Te lang", description="Lange tekst. " * 500),  # more than 5000 characters
        service(name="Goed"),
    ]
    result = run(tmp_path, services, write=True)
    report = result.report()
    assert [i.skipped for i in result.items] == [True, True, True, True, False]
    assert "De dienst heeft geen naam ('name')." in report
    assert "Dit is geen blok met velden, maar een losse waarde." in report
    assert "Klopt niet: naam: Het woord 'AAAAAAAAAAAAAAAAAAAAAAAAAAA...' is te lang (90 letters)." in report
    assert "Klopt niet: beschrijving: De tekst is te lang" in report
    assert "1 van de 5 diensten ingelezen, 4 niet (de reden staat erbij)." in report
    assert result.exit_code == hsds_import.SOME_SKIPPED
    assert sorted(p.name for p in (tmp_path / "activities").iterdir()) == ["goed.yaml"]
    load_catalog(tmp_path)  # what was written passes validate


def test_hostile_feed_writes_only_files_that_pass_validate(tmp_path):
    """Ids unique across both folders, short file names, no link to an example place, HTML taken out."""
    write_places = {
        "testgebouw": place(naam="Testgebouw", voorbeeld=True),  # an example place with the same id and name
        "inloop": place(naam="Inloop"),  # a place whose id is the id the offer would get
    }
    for pid, data in write_places.items():
        (tmp_path / "locations").mkdir(exist_ok=True)
        (tmp_path / "locations" / f"{pid}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    services = [
        service(name="Inloop", service_at_locations=at(location(), weekly())),
        service(name=("Heel lange naam " * 20).strip(), description="<h1>Kop</h1><p>Tekst &lt;b&gt;</p>"),
        service(name="Taalcafé <svg onload=alert(1)", description='x"><svg onload=alert(2) x="'),
    ]
    result = run(tmp_path, services, write=True)
    assert result.exit_code == hsds_import.ALL_IN, result.report()
    cat = load_catalog(tmp_path)
    act = cat.activities["inloop-2"]  # 'inloop' is taken by a place
    assert act.plekken == ["testgebouw-2"]  # not the example place
    assert not cat.locations["testgebouw-2"].voorbeeld
    assert all(len(p.stem) <= 60 for p in (tmp_path / "activities").iterdir())
    assert cat.activities["taalcafe"].naam == "Taalcafé"
    assert "<" not in cat.activities["taalcafe"].samenvatting


def test_a_crash_while_writing_leaves_nothing_behind(tmp_path, monkeypatch, capsys):
    path = feed(tmp_path, [service(name="Een"), service(name="Twee"), service(name="Drie")])
    calls = {"n": 0}
    real_replace = os.replace

    def failing_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(hsds_write.os, "replace", failing_replace)
    assert cli.main(["import-hsds", str(path), "--root", str(tmp_path)]) == hsds_import.UNREADABLE
    err = capsys.readouterr().err
    assert "Schrijven lukte niet" in err and "Er is niets geschreven" in err
    assert "Traceback" not in err
    assert not list((tmp_path / "activities").iterdir())  # the first file was removed again, no temp files


# --- the command -----------------------------------------------------------------------------------


def test_proef_writes_nothing_and_says_so(tmp_path, capsys):
    path = feed(tmp_path, [service(service_at_locations=at(location()))])
    assert cli.main(["import-hsds", str(path), "--root", str(tmp_path), "--proef"]) == 0
    out = capsys.readouterr().out
    assert "Proef: er is niets geschreven. Zonder --proef zouden 2 bestand(en) worden geschreven." in out
    assert "geschreven. Controleer elk item" not in out
    assert not (tmp_path / "activities").exists() and not (tmp_path / "locations").exists()
    assert cli.main(["import-hsds", str(path), "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "2 bestand(en) geschreven." in out and "Proef" not in out
    assert cli.main(["validate", "--root", str(tmp_path)]) == 0


def test_locations_and_activities_go_to_the_folders_given(tmp_path, capsys):
    path = feed(tmp_path, [service(service_at_locations=at(location()))])
    plekken, aanbod = tmp_path / "nieuw-plekken", tmp_path / "nieuw-aanbod"
    args = ["import-hsds", str(path), "--root", str(tmp_path), "--locations", str(plekken), "--activities", str(aanbod)]
    assert cli.main(args) == 0
    assert [p.name for p in plekken.iterdir()] == ["testgebouw.yaml"]
    assert [p.name for p in aanbod.iterdir()] == ["inloop-bij-de-partner.yaml"]
    assert not (tmp_path / "locations").exists()


def test_a_second_import_skips_what_exists_and_exits_3(tmp_path, capsys):
    path = feed(tmp_path, [service()])
    assert cli.main(["import-hsds", str(path), "--root", str(tmp_path)]) == 0
    before = (tmp_path / "activities/inloop-bij-de-partner.yaml").read_text(encoding="utf-8")
    assert cli.main(["import-hsds", str(path), "--root", str(tmp_path)]) == hsds_import.SOME_SKIPPED
    out = capsys.readouterr().out
    assert "NIET ingelezen: Inloop bij de partner" in out and "Niets overschreven" in out
    assert (tmp_path / "activities/inloop-bij-de-partner.yaml").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    "content, words",
    [
        ("{ niet af", "is geen geldige JSON (regel 1)"),
        ("[" * 100_000 + "]" * 100_000, "is te diep genest"),
        ('[{"name": "x", "cost_options": [{"amount": NaN}]}]', "'NaN' is geen getal in JSON"),
        ('[{"name": "x", "cost_options": [{"amount": 1e999}]}]', "het getal 1e999 is te groot"),
        ('"hallo"', "bevat geen lijst met HSDS-services"),
        (b"\xff\xfe[]", "is geen UTF-8-tekst"),
    ],
)
def test_an_unreadable_feed_exits_1_and_writes_nothing(tmp_path, capsys, content, words):
    path = tmp_path / "feed.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    assert cli.main(["import-hsds", str(path), "--root", str(tmp_path)]) == hsds_import.UNREADABLE
    captured = capsys.readouterr()
    assert words in captured.err and "Traceback" not in captured.err
    assert not (tmp_path / "activities").exists()


def test_a_missing_feed_or_a_fifo_exits_1(tmp_path, capsys):
    assert cli.main(["import-hsds", str(tmp_path / "weg.json"), "--root", str(tmp_path)]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    os.mkfifo(tmp_path / "pijp.json")
    assert cli.main(["import-hsds", str(tmp_path / "pijp.json"), "--root", str(tmp_path)]) == 1
    assert "geen gewoon bestand" in capsys.readouterr().err


def test_the_help_documents_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        cli.main(["import-hsds", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "0 = alles ingelezen" in out and "1 = het bestand is niet te lezen" in out and "3 = een of meer" in out


def test_a_name_with_terminal_codes_is_shown_harmless(tmp_path, capsys):
    path = feed(tmp_path, [service(name="Taal\x1b[2Jcafé\rURL:x")])
    assert cli.main(["import-hsds", str(path), "--root", str(tmp_path), "--proef"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out
    assert "Onzichtbare stuurtekens weggehaald uit de naam." in out


def test_a_feed_full_of_angle_brackets_is_read_in_seconds(tmp_path):
    """200,000 '<' in a description took 20 s (a quadratic pattern); now it is one pass."""
    import time

    services = [
        service(name="Haakjes", description="<" * 200_000),
        service(name="Tags", description="<a" * 100_000),
        service(name="Entiteiten", description="&lt;b&gt;" * 20_000),
    ]
    start = time.process_time()
    result = run(tmp_path, services)
    assert time.process_time() - start < 10
    # far too long for a description: skipped, with the reason; the entities were tags, and nothing is left
    assert [item.skipped for item in result.items] == [True, True, False]
    assert "Klopt niet: beschrijving: De tekst is te lang" in result.report()
    assert "HTML weggehaald uit de beschrijving." in result.items[2].notes


def test_a_skipped_service_leaves_no_place_of_its_own_behind(tmp_path):
    """A service that fails after its new place was planned takes that place with it."""
    services = [service(name="Te lang", description="Lange tekst. " * 500, service_at_locations=at(location()))]
    result = run(tmp_path, services, write=True)
    assert result.items[0].skipped and result.files == []
    assert not (tmp_path / "locations").exists() or not list((tmp_path / "locations").iterdir())


def test_look_alikes_of_existing_and_of_other_new_items_are_in_the_report(tmp_path):
    write_project(tmp_path, {"testgebouw": place(naam="Testgebouw")}, {})
    moved = location(name="Testgebouw", addresses=[{"address_1": "Keizerstraat 1", "postal_code": "1781 AB"}])
    services = [
        service(name="Koffie-inloop", service_at_locations=at(moved)),
        service(name="Koffie-inloopje", service_at_locations=at(moved)),  # nearly the same name, the same place
        service(name="Koffie inloop!", service_at_locations=at(moved)),  # the same name: a second file, noted
    ]
    result = run(tmp_path, services)
    assert [i.entry_file for i in result.items] == [
        "activities/koffie-inloop.yaml",
        "activities/koffie-inloopje.yaml",
        "activities/koffie-inloop-2.yaml",
    ]
    first = result.items[0].notes
    # The place is the existing one (same id, same name): linked, not a look-alike.
    assert "Gekoppeld aan de bestaande plek locations/testgebouw.yaml." in first
    look_alike = [n for n in first if n.startswith("Lijkt op")]
    assert look_alike == [
        "Lijkt op het nieuwe item activities/koffie-inloop-2.yaml ('Koffie inloop!'): zelfde naam op dezelfde plek. "
        "Is het hetzelfde? Voeg ze dan samen tot één bestand.",
        "Lijkt op het nieuwe item activities/koffie-inloopje.yaml ('Koffie-inloopje'): bijna dezelfde naam in "
        "dezelfde woonkern. Is het hetzelfde? Voeg ze dan samen tot één bestand.",
    ], look_alike
    existing = write_project(
        tmp_path / "b",
        {"testgebouw": place(naam="Testgebouw")},
        {"koffie": offer(naam="Koffie-inloop", plekken=["testgebouw"])},
    )
    again = hsds_import.import_services(
        [service(name="Koffie inloop", service_at_locations=at(moved))],
        "feed.json",
        existing / "locations",
        existing / "activities",
    )
    assert (
        "Lijkt op het bestaande item activities/koffie.yaml ('Koffie-inloop'): zelfde naam op dezelfde plek."
        in again.report()
    )
