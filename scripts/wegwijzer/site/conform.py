"""Small fixes to the theme's HTML so every page is valid HTML (checked by the Nu Html Checker).

Material for MkDocs puts ``autocomplete="off"`` on its two hidden toggle checkboxes
(menu and search). That attribute is not allowed on a checkbox in HTML, so it is
taken out of every page. Nothing else in the page changes.
"""

from __future__ import annotations

from wegwijzer.site.context import BuildContext
from wegwijzer.site.pages import Page
from wegwijzer.site.view import View

_FIXES = [
    (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    ),
    (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
    ),
]


class ConformView(View):
    """Takes the two invalid attributes out of every page."""

    name = "conform"

    def html(self, ctx: BuildContext, page: Page | None, html: str) -> str:
        for old, new in _FIXES:
            html = html.replace(old, new, 1)
        return html
