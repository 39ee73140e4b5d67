"""Generated sentences (core/describe.py): singular and plural, capitals, no repeats, one way to write a distance.
Also the accessibility statement's rules (site/statement.py) and its results file.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest
from markupsafe import escape
from mkdocs.exceptions import PluginError

from conftest import ROOT
from entries import offer, place, write_project
from pagetypes import NAMES
from statement_results import CHECKS, RESULTS_FILE
from wegwijzer.core import describe
from wegwijzer.core.model import Activity, Location, Registration
from wegwijzer.site import statement


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Het wijkteam", "het wijkteam"),
        ("De bibliotheek", "de bibliotheek"),
        ("Een vrijwilliger", "een vrijwilliger"),
        ("De Zeemeeuw", "De Zeemeeuw"),
        ("Bibliotheek Texel", "Bibliotheek Texel"),
        ("Het", "Het"),
        ("Hetwijkteam", "Hetwijkteam"),
        ("Het iPad-café", "het iPad-café"),  # only the first letter of the next word counts
    ],
)
def test_organisation_names_in_a_sentence(name, expected):
    assert describe.in_sentence(name) == expected
    assert f"Van {describe.in_sentence('Het wijkteam')}." == "Van het wijkteam."


def test_signup_never_says_the_same_thing_twice():
    walk_in = Registration(nodig=False, hoe="Je kunt gewoon binnenlopen.")
    assert describe.signup_text(walk_in) == "Nee. Je kunt gewoon binnenlopen."
    assert describe.signup_text(Registration(nodig=False)) == "Nee, je kunt gewoon komen."
    assert describe.signup_text(Registration(nodig=True)) == "Ja, je moet je aanmelden."
    assert describe.signup_text(Registration(nodig=True, hoe="Bel de bibliotheek.")) == "Ja. Bel de bibliotheek."
    assert describe.signup_text(None) == "Niet bekend. Vraag het na."
    for text in (describe.signup_text(walk_in), describe.signup_text(Registration(nodig=True, hoe="Meld je aan."))):
        sentences = [s.strip().lower() for s in text.split(".") if s.strip()]
        assert len(sentences) == len(set(sentences))
        assert "gewoon" not in text or text.count("gewoon") == 1


def test_counts_in_words():
    assert describe.count_text(0, "plek", "plekken") == "geen plekken"
    assert describe.count_text(1, "plek", "plekken") == "1 plek"
    assert describe.count_text(2, "plek", "plekken") == "2 plekken"


@pytest.mark.parametrize(
    ("km", "text"),
    [
        (0.01, "50 m"),
        (0.349, "350 m"),
        (0.974, "950 m"),
        (0.976, "1,0 km"),
        (0.99, "1,0 km"),
        (0.999, "1,0 km"),
        (1.0, "1,0 km"),
        (1.04, "1,0 km"),
        (1.05, "1,1 km"),
        (2.75, "2,8 km"),
        (12.0, "12,0 km"),
    ],
)
def test_one_way_to_write_a_distance(km, text):
    assert describe.distance_text(km) == text


def test_distance_in_the_browser_is_written_the_same_way():
    """dichtbij.js (Dichtbij mij) and describe.distance_text give the same text for the same distance."""
    node = shutil.which("node")
    if not node:
        pytest.skip("node ontbreekt")
    values = [i / 1000 for i in range(0, 3000, 7)] + [0.975, 0.99, 1.25, 1.35, 12.05]
    script = (
        "global.window = {}; require(process.argv[1]);"
        "const D = window.WegwijzerDichtbij; console.log(JSON.stringify(JSON.parse(process.argv[2]).map(D.formatKm)));"
    )
    out = subprocess.run(
        [node, "-e", script, str(ROOT / "overrides/assets/javascripts/dichtbij.js"), json.dumps(values)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    assert json.loads(out) == [describe.distance_text(v) for v in values]
    assert "1000 m" not in out


def test_schedule_rules_in_words(tmp_path):
    from wegwijzer.core.load import load_catalog
    from wegwijzer.site.pages import by_rule

    write_project(
        tmp_path,
        {"buurtkamer-test": place()},
        {
            "wekelijks": offer(schema=[{"dag": "maandag", "van": "10:00", "tot": "11:00"}]),
            "maandelijks": offer(
                schema=[{"dag": "woensdag", "van": "13:30", "tot": "15:00", "herhaling": "maandelijks", "week": 1}]
            ),
            "tweewekelijks": offer(
                schema=[{"dag": "woensdag", "van": "09:00", "tot": "10:00", "herhaling": "tweewekelijks"}]
            ),
        },
    )
    cat = load_catalog(tmp_path)
    groups = by_rule(list(cat.activities.values()), dt.date(2026, 11, 18))
    assert [(day, [a.id for a, _ in rows]) for day, rows in groups["wekelijks"]] == [("maandag", ["wekelijks"])]
    assert [a.id for a, _ in groups["maandelijks"]] == ["maandelijks"], "not under Woensdag in Elke week"
    assert [a.id for a, _ in groups["tweewekelijks"]] == ["tweewekelijks"]
    item = groups["maandelijks"][0][1]
    assert describe.rule_text(item) == "Elke eerste woensdag van de maand"
    assert describe.rule_text(groups["tweewekelijks"][0][1]) == "Om de week op woensdag"


def test_an_empty_village_says_so_and_shows_what_is_nearest(site, catalog):
    empty = next(
        a
        for a in catalog.region.areas.values()
        if a.level == "kern" and not catalog.places_in.get(a.id) and not catalog.activities_in.get(a.id)
    )
    html = (site / empty.url / "index.html").read_text(encoding="utf-8")
    assert f"In {empty.naam} staat nog geen plek of activiteit in de Wegwijzer." in html
    assert "0 plekken" not in html and "Kijk ook bij" not in html
    assert "Het dichtst bij" in html and " km)" in html


# --- the accessibility statement ------------------------------------------------------------------


def _statement(tmp_path, text: str) -> statement.Statement:
    path = tmp_path / "verklaring.yaml"
    path.write_text(text, encoding="utf-8")
    return statement.load(dt.date(2026, 12, 1), path, tmp_path / "geen.json")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("status: A\n", "alleen met een onderzoek"),
        ("status: B\nonderzoek: {datum: 2022-01-01, door: Bureau}\n", "ouder dan 3 jaar"),
        ("status: C\n", "gepland"),
        ("status: C\nonderzoek_gepland: 2026-01-01\n", "gepland"),
        ("status: E\n", "kan niet"),
        ("status: Z\n", "kan niet"),
    ],
)
def test_a_status_needs_its_facts(tmp_path, text, message):
    with pytest.raises(PluginError, match=message):
        _statement(tmp_path, text)


def test_a_status_with_its_facts_is_accepted(tmp_path):
    assert _statement(tmp_path, "status: D\n").status == "D"
    assert _statement(tmp_path, "status: C\nonderzoek_gepland: 2027-03-01\n").planned == dt.date(2027, 3, 1)
    audit = _statement(tmp_path, "status: b\nonderzoek: {datum: 2026-06-01, door: Bureau X}\n")
    assert audit.status == "B" and audit.audit["door"] == "Bureau X"


def test_the_shipped_statement_is_honest():
    """No audit by an expert exists, so the status is D; the results cover every page type and check."""
    shipped = statement.load(dt.date(2026, 12, 1))
    assert shipped.status == "D" and shipped.audit is None
    results = json.loads(RESULTS_FILE.read_text(encoding="utf-8"))
    missing = [n for n in NAMES if n not in results["paginatypen"]]
    assert not missing, f"Page types without results: {missing}. Run: make toegankelijkheid"
    for name in NAMES:
        found = results["paginatypen"][name]
        assert all(found[c] is not None for c in CHECKS), (name, found)


def test_the_statement_page_shows_the_results(site):
    html = (site / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    results = json.loads(RESULTS_FILE.read_text(encoding="utf-8"))
    assert "Status D" in html and describe.date_text(dt.date.fromisoformat(results["datum"])) in html
    for info in results["paginatypen"].values():
        assert f'<th scope="row">{escape(info["wat"])}</th>' in html
    assert results["gereedschap"]["axe-core"] in html


def test_long_words_in_headings_break_with_a_hyphen():
    from wegwijzer.site.trust import soft_hyphens

    html = '<h1 id="schuldhulpverlening">Schuldhulpverlening <a href="x/schuldhulpverlening/">via</a></h1>'
    out = soft_hyphens(html + "<p>Schuldhulpverlening</p>")
    assert "Schuld\u00adhulp\u00adver\u00adle\u00adning <a" in out
    assert 'id="schuldhulpverlening"' in out and 'href="x/schuldhulpverlening/"' in out, "tags stay the same"
    assert out.endswith("<p>Schuldhulpverlening</p>"), "only headings"
    assert out.replace("\u00ad", "") == html + "<p>Schuldhulpverlening</p>"


# --- the words on pages, cards, leaflets and in the exports, written out by hand -----------------------


def _offer(**changes) -> Activity:
    return Activity.model_validate(offer(**changes))


def _time(day: str, van: str, tot: str, **more) -> dict:
    return {"dag": day, "van": van, "tot": tot, **more}


def test_when_on_a_card_is_the_first_two_times():
    two = [_time("dinsdag", "10:00", "12:00"), _time("donderdag", "14:00", "16:00")]
    assert (
        describe.schedule_short(_offer(schema=two))
        == "Elke dinsdag, 10:00 tot 12:00 uur; Elke donderdag, 14:00 tot 16:00 uur"
    )
    three = [*two, _time("vrijdag", "09:00", "10:00")]
    assert describe.schedule_short(_offer(schema=three)) == (
        "Elke dinsdag, 10:00 tot 12:00 uur; Elke donderdag, 14:00 tot 16:00 uur en meer"
    )
    assert describe.schedule_short(_offer(schema=[])) == ""


def test_how_often_next_to_a_day_on_the_leaflet():
    weekly, fortnightly, monthly = _offer(
        schema=[
            _time("maandag", "10:00", "11:00"),
            _time("maandag", "13:00", "14:00", herhaling="tweewekelijks"),
            _time("maandag", "15:00", "16:00", herhaling="maandelijks", week=2),
        ]
    ).schema
    assert describe.frequency_note(weekly) == ""
    assert describe.frequency_note(fortnightly) == "om de week"
    assert describe.frequency_note(monthly) == "één keer per maand"


def test_opening_hours_of_a_place_by_day():
    loc = Location.model_validate(
        place(
            openingstijden=[
                _time("woensdag", "13:00", "17:00"),
                _time("maandag", "09:00", "12:00", opmerking="alleen in de schoolweken"),
                _time("maandag", "13:00", "16:00"),
            ]
        )
    )
    assert describe.opening_lines(loc) == [
        "Maandag: 09:00 tot 12:00 uur (alleen in de schoolweken), 13:00 tot 16:00 uur",
        "Woensdag: 13:00 tot 17:00 uur",
    ]


@pytest.mark.parametrize(
    ("kosten", "text"),
    [
        (None, "Niet bekend. Vraag het na."),
        ({"gratis": True}, "Gratis"),
        ({"gratis": True, "uitleg": "Een kop koffie kost € 0,50."}, "Gratis. Een kop koffie kost € 0,50."),
        ({"bedrag": 0}, "Gratis"),
        ({"bedrag": 2.5, "uitleg": "per keer"}, "€ 2,50 per keer"),
        ({"bedrag": 1234.5}, "€ 1.234,50"),
        ({"uitleg": "Vraag het aan de balie."}, "Vraag het aan de balie."),
    ],
)
def test_costs_in_words(kosten, text):
    act = _offer(kosten=kosten)
    assert describe.cost_text(act.kosten) == text
    assert describe.is_free(act) is (text.startswith("Gratis"))


def test_an_item_is_current_up_to_and_on_its_last_day():
    today = dt.date(2026, 11, 18)
    once, ends = _offer(
        schema=[
            {"datum": "2026-11-18", "van": "10:00", "tot": "11:00"},
            _time("dinsdag", "10:00", "11:00", eind="2026-11-18"),
        ]
    ).schema
    assert describe.is_current(once, today) and describe.is_current(ends, today)
    next_day = today + dt.timedelta(days=1)
    assert not describe.is_current(once, next_day) and not describe.is_current(ends, next_day)
    assert describe.is_current(_offer().schema[0], dt.date(2099, 1, 1))  # no end: it goes on


def test_the_days_of_an_offer_in_week_order():
    act = _offer(
        schema=[
            _time("vrijdag", "10:00", "11:00"),
            _time("dinsdag", "10:00", "11:00"),
            _time("vrijdag", "14:00", "15:00"),
            _time("maandag", "10:00", "11:00", eind="2026-01-31"),
            {"datum": "2026-12-02", "van": "10:00", "tot": "11:00"},  # a Wednesday, once
        ]
    )
    assert describe.weekdays(act) == ["maandag", "dinsdag", "vrijdag"]
    assert describe.weekdays(act, dt.date(2026, 11, 18)) == ["dinsdag", "vrijdag"]  # Monday's has ended


def test_dates_and_times_in_words():
    assert describe.date_text(dt.date(2027, 1, 1)) == "1 januari 2027"
    assert describe.date_text(dt.date(2026, 12, 31)) == "31 december 2026"
    assert describe.time_range("09:30", "24:00") == "09:30 tot 24:00 uur"
