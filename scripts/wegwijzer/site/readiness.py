"""The page "Klaar voor de echte site?" (``/redactie/gereed/``): the readiness report of ``core.readiness``.

The same report as ``wegwijzer gereed``, for the programme team, from the settings of this build.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from wegwijzer.core.readiness import GoLive, readiness
from wegwijzer.site.context import BuildContext
from wegwijzer.site.pages import Context, Page
from wegwijzer.site.view import View


@dataclass(frozen=True)
class ReadinessPage(Page):
    template: ClassVar[str] = "wegwijzer/gereed.html"

    def context(self, ctx: BuildContext) -> Context:
        report = readiness(ctx.catalog, GoLive.of(ctx.settings), ctx.today)
        return {"report": report, "examples_in_build": ctx.settings.include_examples}


class ReadinessView(View):
    """Owns the page /redactie/gereed/."""

    name = "readiness"

    def pages(self, ctx: BuildContext) -> Iterable[Page]:
        yield ReadinessPage(
            "gereed",
            title="Klaar voor de echte site?",
            description="Wat er al is per gemeente en woonkern, en wat er nog ontbreekt om live te gaan.",
        )
