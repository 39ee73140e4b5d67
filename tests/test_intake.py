"""The intake form /aanmelden/ in Chromium at phone size: what a provider fills in becomes a file that
`wegwijzer validate` accepts, errors are Dutch and at the field, "Wijziging doorgeven" starts from the
current values, hostile text stays text, and the text leaves only through the person's own link.

The golden fixture site has melden_email and beheer_repo (GitHub) set; the shipped site has neither.
Every flow ends the way an editor ends it: the e-mail text goes through `wegwijzer inbox` into a copy
of the golden project, and `wegwijzer validate` checks the result.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import ROOT, copy_golden_project, serving
from test_a11y import readable, run_axe
from wegwijzer.core import yamlsafe
from wegwijzer.tools.cli import main
from wegwijzer.tools.inbox import find_entry
from wegwijzer.tools.schema_export import schemas

pytestmark = pytest.mark.browser

READY = "#ww-aanmelden[data-klaar]"


@pytest.fixture(scope="module")
def golden(gouden_site):
    with serving(gouden_site) as url:
        yield url


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_golden_project(tmp_path / "project")


def start(page, url: str, kind: str = "") -> None:
    page.goto(url + "aanmelden/")
    page.wait_for_selector(READY, state="attached")
    if kind:
        page.check(f"input[name=v-wat][value={kind}]")
        volgende(page)


def volgende(page) -> None:
    """Press "Volgende" and wait until the answers are checked (the form is aria-busy meanwhile)."""
    page.locator("[data-actie=verder]").click()
    page.wait_for_selector("#ww-aanmelden:not([aria-busy])", state="attached")


def errors(page) -> list[str]:
    if not page.locator("#ww-fouten").is_visible():
        return []
    return page.locator("#ww-fouten li").all_inner_texts()


def step(page) -> str:
    return page.locator(".ww-stap:not([hidden]) h2").inner_text()


def no_errors_then_next(page) -> None:
    volgende(page)
    assert errors(page) == [], step(page)


def add_time(page, prefix: str, values: dict) -> None:
    page.locator("[data-actie=erbij]").click()
    n = page.locator(f"[data-rijen={prefix}] .ww-rij").count() - 1
    for deel, value in values.items():
        field = page.locator(f"#v-{prefix}-{n}-{deel}")
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def about_you(page, naam="Fatima de Vries", organisatie="Bibliotheek Proef", email="fatima@proef.example") -> None:
    page.fill("#v-jouw-naam", naam)
    page.fill("#v-jouw-organisatie", organisatie)
    page.fill("#v-jouw-email", email)
    volgende(page)
    assert errors(page) == []
    assert step(page) == "Controleer en verstuur"


def mail_text(page) -> str:
    return page.locator("#ww-tekst").input_value()


def inbox_and_validate(project: Path, text: str, capsys, *flags: str) -> dict:
    """The editor's side: the e-mail text through `wegwijzer inbox`, then `wegwijzer validate`; the file's data."""
    mail = project / "bericht.txt"
    mail.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["inbox", str(mail), "--root", str(project), *flags]) == 0, capsys.readouterr()
    found = find_entry(text)
    assert main(["validate", "--root", str(project)]) == 0, capsys.readouterr()
    assert "Alles klopt" in capsys.readouterr().out
    written = (project / found.rel).read_text(encoding="utf-8")
    assert written == found.text
    return yamlsafe.parse(written).data


def fill_place(page) -> None:
    page.fill("#v-naam", "Buurthuis De Zon")
    page.check("input[name=soort-plek][value=buurthuis]")
    page.fill("#v-organisatie-plek", "Stichting De Zon")
    page.fill("#v-beschrijving", "Een huis voor de buurt.\nKoffie staat klaar.")
    no_errors_then_next(page)
    page.check("input[name=v-gemeente][value=den-helder]")
    page.select_option("#v-woonkern", "julianadorp")
    page.fill("#v-straat", "Zonneweg")
    page.fill("#v-huisnummer", "12a")
    page.fill("#v-postcode", "1787ab")
    page.fill("#v-plaats", "Julianadorp")
    page.fill("#v-coordinaten", "52.9012, 4.7321")
    no_errors_then_next(page)
    add_time(page, "openingstijden", {"dag": "woensdag", "van": "09:30", "tot": "12:00"})
    page.check("input[name=v-toegankelijkheid][value=rolstoel]")
    no_errors_then_next(page)
    page.fill("#v-telefoon", "0223 123 456")
    page.fill("#v-website", "https://dezon.example")
    no_errors_then_next(page)


def test_a_place_from_the_form_is_accepted_by_validate(phone, golden, project, capsys):
    start(phone, golden, "plek")
    fill_place(phone)
    about_you(phone)
    text = mail_text(phone)
    assert "--- begin wegwijzer (nieuw): locations/buurthuis-de-zon.yaml ---" in text
    data = inbox_and_validate(project, text, capsys)
    assert data["naam"] == "Buurthuis De Zon" and data["soort"] == "buurthuis"
    assert data["adres"] == {"straat": "Zonneweg", "huisnummer": "12a", "postcode": "1787ab", "plaats": "Julianadorp"}
    assert (data["gemeente"], data["woonkern"]) == ("den-helder", "julianadorp")
    assert data["coordinaten"] == {"lat": 52.9012, "lon": 4.7321}
    assert data["openingstijden"] == [{"dag": "woensdag", "van": "09:30", "tot": "12:00"}]
    assert data["toegankelijkheid"] == ["rolstoel"]
    assert data["beschrijving"] == "Een huis voor de buurt.\nKoffie staat klaar."
    assert "gecontroleerd_op" not in data  # only an editor who checked sets it
    assert data["bron"].startswith("Aanmeldformulier, ingevuld door Fatima de Vries (Bibliotheek Proef) op ")
    assert (data["beheerder"], data["beheerder_email"]) == ("Bibliotheek Proef", "fatima@proef.example")
    assert phone.outside_requests == [] and phone.console_errors == []


def fill_offer(page) -> None:
    page.fill("#v-naam", "Taalhulp Noord")
    page.check("input[name=soort-aanbod][value=activiteit]")
    page.fill("#v-samenvatting", "Oefen Nederlands met een vrijwilliger.")
    page.fill("#v-organisatie", "Stichting Taal")
    no_errors_then_next(page)
    page.check("input[name=v-themas][value=taal]")
    page.check("input[name=v-doelgroepen][value=nieuwkomers]")
    page.check("input[name=v-talen][value=en]")
    no_errors_then_next(page)
    page.check("input[name=v-waar][value=plekken]")
    page.select_option("#v-plek-kern", "den-burg")  # only an example place there: real offers cannot use it
    expect(page.locator("#v-plekken [data-geen]")).to_be_visible()  # the places are read when this step opens
    expect(page.locator("#v-plekken input")).to_have_count(0)
    page.select_option("#v-plek-kern", "julianadorp")
    page.check("#v-plekken input[value=dorpshuis-t-proefje]")
    expect(page.locator("[data-gekozen]")).to_have_text("Je koos: Dorpshuis 't Proefje.")
    no_errors_then_next(page)
    add_time(page, "schema", {"hoe": "maandelijks", "dag": "dinsdag", "week": "-1", "van": "10:00", "tot": "11:30"})
    add_time(page, "schema", {"hoe": "datum", "datum": "2027-01-15", "van": "14:00", "tot": "15:00"})
    no_errors_then_next(page)
    page.check("input[name=v-kosten][value=betalen]")
    page.fill("#v-bedrag", "2,50")
    page.fill("#v-uitleg", "per keer")
    page.check("input[name=v-aanmelden][value=ja]")
    page.fill("#v-hoe", "Bel de bibliotheek.")
    no_errors_then_next(page)
    page.fill("#v-telefoon", "06 12345678")
    page.fill("#v-bereikbaar", "Op werkdagen van 9 tot 12 uur.")
    no_errors_then_next(page)


def test_an_offer_from_the_form_is_accepted_by_validate(phone, golden, project, capsys):
    start(phone, golden, "aanbod")
    fill_offer(phone)
    about_you(phone)
    data = inbox_and_validate(project, mail_text(phone), capsys)
    assert data["plekken"] == ["dorpshuis-t-proefje"]
    assert data["schema"] == [
        {"dag": "dinsdag", "van": "10:00", "tot": "11:30", "herhaling": "maandelijks", "week": -1},
        {"datum": "2027-01-15", "van": "14:00", "tot": "15:00"},
    ]
    assert data["kosten"] == {"bedrag": 2.5, "uitleg": "per keer"}
    assert data["aanmelden"] == {"nodig": True, "hoe": "Bel de bibliotheek."}
    assert (data["themas"], data["doelgroepen"], data["talen"]) == (["taal"], ["nieuwkomers"], ["en"])
    assert data["contact"] == {"telefoon": "06 12345678", "bereikbaar": "Op werkdagen van 9 tot 12 uur."}
    assert phone.outside_requests == [] and phone.console_errors == []


def test_a_bad_phone_number_gets_the_dutch_message_at_the_field(phone, golden):
    start(phone, golden, "plek")
    fill_place(phone)  # ends on "Over jou"; go back to the contact step
    phone.locator("[data-actie=terug]").click()
    phone.fill("#v-telefoon", "12345")
    volgende(phone)
    message = schemas(Path(__file__).parent / "fixtures" / "gouden")["plek"]["definitions"]["Contact"]["properties"]
    message = message["telefoon"]["anyOf"][0]["patternErrorMessage"]
    assert errors(phone) == [message]
    assert message.startswith("Schrijf het hele nummer met netnummer")
    assert phone.evaluate("document.activeElement.id") == "ww-fouten"  # the summary gets the focus
    assert phone.locator("#ww-fouten a").get_attribute("href") == "#v-telefoon"
    field = phone.locator("#v-telefoon")
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby").split() == ["v-telefoon-hint", "v-telefoon-fout"]
    assert phone.locator("#v-telefoon-fout").text_content() == "Fout: " + message  # not colour alone
    phone.locator("#ww-fouten a").click()
    assert phone.evaluate("document.activeElement.id") == "v-telefoon"
    phone.fill("#v-telefoon", "0223 123 456")
    no_errors_then_next(phone)
    assert step(phone) == "Over jou"
    assert field.get_attribute("aria-invalid") is None


def test_errors_are_accessible_and_other_steps_wait(browser, golden):
    """axe over the form with its error summary and a field in error; a step only reports its own fields."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    try:
        start(page, golden, "aanbod")
        page.fill("#v-naam", "Taalhulp")
        volgende(page)
        assert errors(page) == [
            "Kies wat voor aanbod het is.",
            "Schrijf in één zin wat het is.",
            "Vul in wie het aanbiedt.",
        ]
        violations = run_axe(page)
        assert not violations, readable(page.url, violations)
    finally:
        context.close()


def test_wijziging_doorgeven_starts_from_the_current_values(phone, golden, project, capsys):
    phone.goto(golden + "aanbod/spreekuur-proef/")
    phone.get_by_role("link", name="Wijziging doorgeven").click()
    phone.wait_for_selector(READY, state="attached")
    assert phone.url.endswith("aanmelden/?aanbod=spreekuur-proef")
    assert "Je geeft een wijziging door voor Spreekuur Proef." in phone.locator("#ww-wijziging").inner_text()
    assert phone.input_value("#v-naam") == "Spreekuur Proef"
    assert phone.input_value("#v-organisatie") == "Welzijn Proef"
    assert phone.is_checked("input[name=soort-aanbod][value=loket]")
    no_errors_then_next(phone)
    assert phone.is_checked("input[name=v-themas][value=gezondheid]")
    no_errors_then_next(phone)
    assert phone.is_checked("input[name=v-waar][value=plekken]")
    expect(phone.locator("[data-gekozen]")).to_have_text("Je koos: Wijkcentrum Proef.")
    no_errors_then_next(phone)
    assert phone.input_value("#v-schema-0-dag") == "donderdag" and phone.input_value("#v-schema-0-van") == "09:00"
    no_errors_then_next(phone)
    no_errors_then_next(phone)
    phone.fill("#v-telefoon", "0223 000 009")  # the change: a phone number
    no_errors_then_next(phone)
    about_you(phone, email="")
    text = mail_text(phone)
    assert "--- begin wegwijzer (wijziging): activities/spreekuur-proef.yaml ---" in text
    old = (project / "activities" / "spreekuur-proef.yaml").read_text(encoding="utf-8")
    mail = project / "wijziging.txt"
    mail.write_text(text, encoding="utf-8")
    assert main(["inbox", str(mail), "--root", str(project)]) == 1  # a change is never written without asking
    out = capsys.readouterr()
    assert '+  telefoon: "0223 000 009"' in out.out and "--overschrijven" in out.err
    assert (project / "activities" / "spreekuur-proef.yaml").read_text(encoding="utf-8") == old
    data = inbox_and_validate(project, text, capsys, "--overschrijven")
    assert data["contact"] == {"telefoon": "0223 000 009"}
    # what the form does not show stays as it was
    assert data["inloop"] == [{"dag": "maandag", "van": "10:00", "tot": "12:00", "opmerking": "Zonder afspraak."}]
    assert data["beheerder"] == "Welzijn Proef" and "beheerder_email" not in data
    assert data["bron"].endswith("Eerder: Testgegevens")
    assert phone.outside_requests == [] and phone.console_errors == []


def test_a_place_change_fills_the_woonkern_and_keeps_the_checked_date_out(phone, golden):
    phone.goto(golden + "aanmelden/?plek=dorpshuis-t-proefje")
    phone.wait_for_selector(READY, state="attached")
    no_errors_then_next(phone)
    assert phone.is_checked("input[name=v-gemeente][value=den-helder]")
    assert phone.input_value("#v-woonkern") == "julianadorp"
    assert phone.input_value("#v-postcode") == "1787 AA"
    assert phone.input_value("#v-coordinaten") == "52.9012, 4.7321"
    no_errors_then_next(phone)
    assert phone.locator("[data-rijen=openingstijden] .ww-rij").count() == 2
    for _ in range(2):
        no_errors_then_next(phone)
    about_you(phone)
    data = yamlsafe.parse(find_entry(mail_text(phone)).text).data
    assert "gecontroleerd_op" not in data  # the old check was of the old data
    assert data["openingstijden"][1] == {
        "dag": "donderdag",
        "van": "13:30",
        "tot": "17:00",
        "opmerking": "In de zomer dicht.",
    }
    assert data["beheerder_email"] == "beheer@proef.example"  # the person passing on a change does not take it over


def test_an_unknown_entry_says_so_and_offers_a_new_one(phone, golden):
    phone.goto(golden + "aanmelden/?aanbod=bestaat-niet")
    phone.wait_for_selector(READY, state="attached")
    assert phone.locator("#ww-niet-gevonden").is_visible()
    assert step(phone) == "Wat wil je aanmelden?"


HOSTILE_NAME = 'Café "De Zon": #1 & *ster !!tag'
HOSTILE_TEXT = "Regel één: ja\n--- einde wegwijzer ---\nnaam: kwaad\n- lijst\n  'quote' \\ en \"dubbel\""


def test_hostile_values_stay_text(phone, golden, project, capsys):
    start(phone, golden, "aanbod")
    phone.fill("#v-naam", "<script>alert(1)</script>")
    phone.check("input[name=soort-aanbod][value=hulp]")
    phone.fill("#v-samenvatting", "- [x]: {y} # z")
    phone.fill("#v-organisatie", "&anker *alias")
    phone.fill("#v-beschrijving", HOSTILE_TEXT)
    volgende(phone)
    assert errors(phone) == ["Schrijf gewone tekst op één regel, geen HTML."]  # markup never reaches the text
    phone.fill("#v-naam", HOSTILE_NAME)
    no_errors_then_next(phone)
    phone.check("input[name=v-themas][value=geld]")
    phone.check("input[name=v-doelgroepen][value=iedereen]")
    no_errors_then_next(phone)
    phone.check("input[name=v-waar][value=gebied]")
    phone.check("input[name=v-gebied][value=regio]")
    for _ in range(4):
        no_errors_then_next(phone)
    about_you(phone, naam='Jan "Kwaad" de Vries: # x', organisatie="!!python/object", email="")
    text = mail_text(phone)
    found = find_entry(text)
    assert found.rel == "activities/cafe-de-zon-1-ster-tag.yaml"
    data = yamlsafe.parse(found.text).data
    assert data["naam"] == HOSTILE_NAME
    assert data["samenvatting"] == "- [x]: {y} # z" and data["organisatie"] == "&anker *alias"
    assert data["beschrijving"] == HOSTILE_TEXT
    assert data["beheerder"] == "!!python/object"
    assert '"Kwaad"' in data["bron"]
    written = inbox_and_validate(project, text, capsys)
    assert written == data


def test_hand_over_by_github_and_e_mail(phone, golden):
    start(phone, golden, "plek")
    fill_place(phone)
    about_you(phone)
    text = mail_text(phone)
    found = find_entry(text)
    github = urlsplit(phone.locator("[data-link=github]").get_attribute("href"))
    assert (github.scheme, github.netloc, github.path) == ("https", "github.com", "/proef/wegwijzer-proef/new/main")
    assert parse_qs(github.query) == {"filename": [found.rel], "value": [found.text]}
    assert phone.locator("[data-link=github]").get_attribute("target") == "_blank"
    mail = urlsplit(phone.locator("[data-link=email]").get_attribute("href"))
    assert mail.scheme == "mailto" and unquote(mail.path) == "redactie@proef.example"
    assert parse_qs(mail.query) == {"subject": ["Aanmelding voor De Wegwijzer: Buurthuis De Zon"], "body": [text]}
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone.get_by_role("button", name="Kopieer de tekst").click()
    phone.wait_for_selector("[data-status]:not(:empty)")
    assert phone.locator("[data-status]").inner_text().startswith("De tekst is gekopieerd.")
    assert phone.evaluate("navigator.clipboard.readText()") == text
    assert phone.outside_requests == []  # building the links sent nothing anywhere


def test_a_long_text_falls_back_to_copying(phone, golden):
    start(phone, golden, "plek")
    phone.fill("#v-naam", "Lang verhaal")
    phone.check("input[name=soort-plek][value=anders]")
    phone.fill("#v-beschrijving", "\n\n".join([("één " * 100).strip()] * 10))  # 4000 letters, 16,000 in a link
    no_errors_then_next(phone)
    phone.check("input[name=v-gemeente][value=texel]")
    phone.select_option("#v-woonkern", "den-burg")
    phone.fill("#v-plaats", "Den Burg")
    phone.fill("#v-coordinaten", "53.054, 4.797")
    for _ in range(3):
        no_errors_then_next(phone)
    about_you(phone)
    github = parse_qs(urlsplit(phone.locator("[data-link=github]").get_attribute("href")).query)
    assert github == {"filename": ["locations/lang-verhaal.yaml"]}
    assert "te lang om mee te sturen" in phone.locator("[data-uitleg=github]").inner_text()
    mail = parse_qs(urlsplit(phone.locator("[data-link=email]").get_attribute("href")).query)
    assert mail["body"] == ["Plak hier de tekst uit het formulier op de site."]
    assert "te lang voor een e-mail-link" in phone.locator("[data-uitleg=email]").inner_text()


def test_without_an_address_the_shipped_site_offers_copying(phone, server, site):
    start(phone, server)
    assert phone.locator("[data-link]").count() == 0  # no repo_url and no melden_email in mkdocs.yml
    assert "nog geen adres" in phone.locator("[data-stap=versturen]").text_content()
    text = (site / "aanmelden" / "index.html").read_text(encoding="utf-8")
    assert "De site bewaart niets." in text and "Er gaat pas iets weg als je zelf op versturen drukt." in text


def test_every_entry_page_links_to_its_change(site):
    for kind, folder in (("plek", "plek"), ("aanbod", "aanbod")):
        for page in sorted((site / folder).glob("*/index.html"))[:50]:
            entry_id = page.parent.name
            assert f'href="../../aanmelden/?{kind}={entry_id}"' in page.read_text(encoding="utf-8"), page
            assert (site / "aanmelden" / "item" / kind / f"{entry_id}.json").is_file()


def test_the_form_checks_with_the_schema_of_wegwijzer_schema(site):
    """The build makes the form's schema as `wegwijzer schema` makes schema/: for the shipped data they are equal."""
    for name in ("plek", "aanbod"):
        built = json.loads((site / "aanmelden" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert built == json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")), name
