"""The page for professionals (``/professionals/``): where to refer a resident, per gemeente, in one table.

One page answers both questions a professional has. "Where can I send this resident?": a compact
table (name, for whom, where, contact, how to refer) per gemeente. "What is there for me?": the
offers for the audience 'professionals' (``/voor/professionals/`` is this page: ``core.urls.ALIASES``).
The national helplines with their own phone number get a section of their own.

Which offers are in the table (``referable``): listed offers that say how to refer (``verwijzen`` or
``voor_professionals``) or that are help, a loket or help online (``PRO_KINDS``); not the helplines and
not the offers that are only for professionals themselves. An offer for the whole region is one row
under "In de hele regio", an offer whose area is not known (``gebied: [onbekend]``) one row in the last
section; any other offer is a row under each gemeente it serves, with the contact route of that gemeente
when it has none of its own. So the table has at most (number of gemeenten) rows per
referable offer, and grows with the referable offers only, not with activities or places.

The table is plain HTML. ``professionals.js`` filters its rows in the browser (gemeente, woonkern,
thema, doelgroep, gratis, "aanmelden door een professional") with the state in the URL query, like
the search page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from wegwijzer.core import contact, describe, referral, vocab
from wegwijzer.core.catalog import Catalog, sort_key
from wegwijzer.core.model import Activity
from wegwijzer.core.region import REGION_ID, UNKNOWN_AREA
from wegwijzer.site.leaflets import helpline
from wegwijzer.site.pages import Context, Page
from wegwijzer.site.view import View

if TYPE_CHECKING:
    from wegwijzer.site.context import BuildContext

PRO_KINDS = ("hulp", "loket", "online")  # kinds of offers professionals refer residents to
WHOLE = (REGION_ID, UNKNOWN_AREA)  # sections whose offers may be anywhere: the whole route, each way tagged
UNKNOWN_TITLE = "Waar het is, weten we nog niet"
FOR_PROFESSIONALS = "professionals"  # the audience of offers for professionals themselves


@dataclass(frozen=True)
class Row:
    """One offer in one section of the table."""

    act: Activity
    route: contact.Route  # its contact route; in a gemeente's section, that gemeente's when it borrows one
    refer: str  # how to refer, in one line
    kernen: str  # the woonkernen of its places in this section, space separated ('' without a fixed place)
    where: str  # where it is, as far as this section goes: 'Den Burg, Heel Texel'
    way_gemeenten: tuple[str, ...] = ()  # per way of the route, its gemeente, when each way is one gemeente's

    @property
    def ways(self) -> list[tuple[contact.Way, str]]:
        """The ways of the route, each with its gemeente id ('' when the way is not one gemeente's)."""
        tags = self.way_gemeenten if len(self.way_gemeenten) == len(self.route.ways) else ()
        return [(way, tags[i] if tags else "") for i, way in enumerate(self.route.ways)]


@dataclass(frozen=True)
class Section:
    key: str  # a gemeente id, or REGION_ID for the whole region
    title: str
    rows: list[Row]


def _only_for_professionals(act: Activity) -> bool:
    return act.doelgroepen == [FOR_PROFESSIONALS]


def referable(act: Activity) -> bool:
    """An offer a professional refers residents to (see the module docstring)."""
    if _only_for_professionals(act):
        return False
    return bool(act.verwijzen or act.voor_professionals) or act.soort in PRO_KINDS


def _section_route(cat: Catalog, act: Activity, gemeente: str) -> contact.Route:
    """The route of an offer; one that falls back to several gemeenten gives only this gemeente's way."""
    route = contact.route_of(cat, act)
    if gemeente not in WHOLE and route.kind in (contact.LOKET, contact.GEMEENTE) and len(route.ways) > 1:
        local = contact.gemeente_route(cat, [gemeente], act.naam)
        return contact.Route(local.kind, local.ways, local.note, inloop=route.inloop)
    return route


def _way_gemeenten(cat: Catalog, act: Activity, route: contact.Route) -> tuple[str, ...]:
    """For a route that falls back to several gemeenten: the gemeente of each way, in the route's order.

    The filter of the page then shows only the way of the chosen gemeente in the regional section.
    """
    if route.kind not in (contact.LOKET, contact.GEMEENTE) or len(route.ways) < 2:
        return ()
    gemeenten = [g.id for g in cat.region.gemeenten()] if cat.area_unknown(act) else cat.gemeenten_of(act)
    return tuple(g for g in gemeenten if contact.gemeente_way(cat, g) is not None)


def _row(cat: Catalog, act: Activity, gemeente: str) -> Row:
    route = _section_route(cat, act, gemeente)
    refer = referral.short_text(act.verwijzen)
    if gemeente in WHOLE:
        ways = _way_gemeenten(cat, act, route)
        return Row(act, route, refer, " ".join(cat.kernen_of(act)), ", ".join(cat.where(act)), ways)
    places = [p for p in cat.places_of(act) if p.gemeente == gemeente]
    kernen = list(dict.fromkeys(p.woonkern for p in places))
    where = [cat.region.areas[k].naam for k in kernen]
    if gemeente in act.gebied:
        where.append(f"Heel {cat.region.areas[gemeente].naam}")
    return Row(act, route, refer, " ".join(kernen), ", ".join(where))


def sections(cat: Catalog, offers: list[Activity]) -> list[Section]:
    """The table: the whole region first, then each gemeente with the offers it has, then 'not known where'."""
    out = []
    regional = sorted((a for a in offers if REGION_ID in a.gebied), key=sort_key)
    if regional:
        out.append(Section(REGION_ID, "In de hele regio", [_row(cat, a, REGION_ID) for a in regional]))
    local = [(a, cat.gemeenten_of(a)) for a in offers if REGION_ID not in a.gebied]
    for g in cat.region.gemeenten():
        members = sorted((a for a, ids in local if g.id in ids), key=sort_key)
        if members:
            out.append(Section(g.id, g.naam, [_row(cat, a, g.id) for a in members]))
    unknown = sorted((a for a in offers if cat.area_unknown(a)), key=sort_key)
    if unknown:
        out.append(Section(UNKNOWN_AREA, UNKNOWN_TITLE, [_row(cat, a, UNKNOWN_AREA) for a in unknown]))
    return out


def filters() -> Context:
    """The audiences of the filter form (gemeenten, woonplaatsen and themes: macros.html, as on the search page)."""
    return {"audiences": [(k, v) for k, v in vocab.items("doelgroepen") if k not in ("iedereen", FOR_PROFESSIONALS)]}


@dataclass(frozen=True)
class ProfessionalsPage(Page):
    template: ClassVar[str] = "wegwijzer/professionals.html"

    def markdown(self) -> str:
        """The table needs the whole width: no menu and no table of contents beside it."""
        return super().markdown().replace("---\n", '---\nhide: ["navigation", "toc"]\n', 1)

    def context(self, ctx: BuildContext) -> Context:
        cat = ctx.catalog
        listed = cat.listed()
        lines = {a.id: line for a in listed if (line := helpline(cat, a))}
        offers = [a for a in listed if referable(a) and a.id not in lines]
        table = sections(cat, offers)
        return {
            "sections": table,
            "offer_count": len(offers),
            "helplines": [
                {
                    "entry": h.entry,
                    "telefoon": h.telefoon,
                    "href": contact.tel_href(h.telefoon),
                    "bereikbaar": h.bereikbaar,
                }
                for h in sorted(lines.values(), key=lambda h: sort_key(h.entry))
            ],
            "for_professionals": cat.by_audience.get(FOR_PROFESSIONALS, []),
            "pro": {
                **filters(),
                "free": describe.is_free,
                "by_professional": lambda act: referral.by_professional(act.verwijzen),
            },
        }


class ProfessionalsView(View):
    """Owns /professionals/ (the audience page of professionals leads here: core.urls.ALIASES)."""

    name = "professionals"

    def pages(self, ctx: BuildContext) -> Iterable[Page]:
        yield ProfessionalsPage(
            "professionals",
            title="Voor professionals",
            description="Aanbod om inwoners naar door te verwijzen, per gemeente. Met contact en hoe je aanmeldt.",
        )
