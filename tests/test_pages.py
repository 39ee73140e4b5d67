"""Page generation: which pages exist and what an entry page shows first."""

import datetime as dt

from entries import offer, place, write_project
from wegwijzer.core import describe, vocab
from wegwijzer.core.load import load_catalog
from wegwijzer.core.text import plain, render
from wegwijzer.core.urls import ALIASES
from wegwijzer.site import pages
from wegwijzer.site.context import BuildContext, Settings


def test_every_entry_area_theme_and_audience_gets_a_page(catalog):
    made = list(pages.CataloguePages().pages(BuildContext(catalog, dt.date(2026, 11, 18), Settings())))
    uris = {s.src_uri for s in made}
    for loc in catalog.locations:
        assert f"plek/{loc}.md" in uris
    for act in catalog.activities:
        assert f"aanbod/{act}.md" in uris
    for area in catalog.region.areas.values():
        assert f"{ {'gemeente': 'gemeente', 'kern': 'kern', 'wijk': 'wijk'}[area.level] }/{area.id}.md" in uris
    for theme in vocab.LISTS["themas"]:
        assert f"thema/{theme}.md" in uris
    for audience in vocab.LISTS["doelgroepen"]:
        if ("doelgroep", audience) in ALIASES:  # professionals: one page, /professionals/ (site.professionals)
            assert f"voor/{audience}.md" not in uris
        else:
            assert f"voor/{audience}.md" in uris
    assert len(uris) == len(made)  # no duplicates


def test_schedule_in_words():
    item = lambda **kw: __import__("wegwijzer.core.model", fromlist=["ScheduleItem"]).ScheduleItem(**kw)  # noqa: E731
    assert describe.schedule_line(item(dag="dinsdag", van="10:00", tot="12:00")) == "Elke dinsdag, 10:00 tot 12:00 uur"
    assert (
        describe.schedule_line(item(dag="donderdag", van="14:00", tot="16:00", herhaling="maandelijks", week=-1))
        == "Elke laatste donderdag van de maand, 14:00 tot 16:00 uur"
    )
    assert (
        describe.schedule_line(item(datum="2026-12-05", van="14:00", tot="16:00"))
        == "Zaterdag 5 december 2026, 14:00 tot 16:00 uur"
    )


def test_cost_in_words(tmp_path):
    write_project(
        tmp_path,
        {"buurtkamer-test": place()},
        {"a": offer(kosten={"bedrag": 2.5, "uitleg": "per keer"}), "b": offer(kosten=None)},
    )
    cat = load_catalog(tmp_path)
    assert describe.cost_text(cat.activities["a"].kosten) == "€ 2,50 per keer"
    assert describe.cost_text(cat.activities["b"].kosten) == "Niet bekend. Vraag het na."


def test_ended_offers_leave_the_weekly_list(tmp_path):
    write_project(
        tmp_path,
        {"buurtkamer-test": place()},
        {
            "loopt": offer(),
            "voorbij": offer(schema=[{"dag": "dinsdag", "van": "10:00", "tot": "12:00", "eind": "2026-01-31"}]),
        },
    )
    cat = load_catalog(tmp_path)
    page = pages.AreaPage("kern", "den-helder-stad")
    ctx = page.context(BuildContext(cat, dt.date(2026, 11, 23), Settings()))
    weekly = {a.id for day, acts in ctx["by_day"] for a in acts}
    assert weekly == {"loopt"}
    assert {a.id for a in ctx["activities"]} == {"loopt", "voorbij"}  # not deleted


def test_entry_text_never_passes_html():
    html = render('Hallo <img src=x onerror="alert(1)"> en [link](https://a.nl/"onmouseover="x)')
    assert "<img" not in html and 'onmouseover="' not in html
    assert "&lt;img" in html
    assert (
        str(render("**Let op**\n\n- een\n- twee"))
        == "<p><strong>Let op</strong></p>\n<ul><li>een</li><li>twee</li></ul>"
    )
    assert plain("Kijk op [de site](https://a.nl) **nu**") == "Kijk op de site nu"
