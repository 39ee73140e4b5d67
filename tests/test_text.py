"""Entry text on a page and in search and exports: the small Markdown subset, written out by hand."""

import pytest

from wegwijzer.core.text import plain, render


@pytest.mark.parametrize("empty", [None, ""])
def test_no_text_shows_nothing(empty):
    """An offer without a description shows no stray word ('None') on its page, card or export."""
    assert str(render(empty)) == ""
    assert plain(empty) == ""


def test_a_link_becomes_a_working_link():
    assert str(render("Kijk op [de site](https://bieb.nl/taal).")) == (
        '<p>Kijk op <a href="https://bieb.nl/taal">de site</a>.</p>'
    )
    assert str(render("[Bel ons](tel:0223123456)")) == '<p><a href="tel:0223123456">Bel ons</a></p>'


def test_lines_of_one_paragraph_stay_apart():
    assert str(render("Elke dinsdag.\nKoffie is gratis.")) == "<p>Elke dinsdag.<br>Koffie is gratis.</p>"


@pytest.mark.parametrize("bullet", ["- ", "* "])
def test_both_list_marks_make_a_list(bullet):
    text = f"Neem mee:\n\n{bullet}je pas\n{bullet}een pen"
    assert str(render(text)) == "<p>Neem mee:</p>\n<ul><li>je pas</li><li>een pen</li></ul>"
    assert plain(text) == "Neem mee: je pas een pen"


def test_a_line_with_a_dash_inside_a_paragraph_is_no_list():
    assert str(render("Open:\n- maandag\nen dinsdag")) == "<p>Open:<br>- maandag<br>en dinsdag</p>"
