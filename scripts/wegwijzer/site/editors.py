"""The editors' page "Zo voeg je iets toe": every allowed value, from the same lists as the validator."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from wegwijzer.core.choices import choices
from wegwijzer.site.context import BuildContext
from wegwijzer.site.view import View


class EditorsView(View):
    """Adds ``ww.keuzes``: every controlled value an editor can write, with its label."""

    name = "editors"

    def jinja(self, ctx: BuildContext, env: Environment, ww: dict[str, Any]) -> None:
        ww["keuzes"] = choices(ctx.catalog.region)
