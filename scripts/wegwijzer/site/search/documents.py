"""What the index holds for every offer, place and page: its text, filters, card and places.

Every result is one ``Doc``, in a stable order: offers, then places (both by name), then
pages (by address). The result number is the position in that order.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from wegwijzer.core import describe, vocab
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.model import Activity, Location

# Kinds of result (the low bits of a result's byte in soorten.bin) and their flags.
KIND = {"aanbod": 0, "plek": 1, "pagina": 2}
PROGRAMME = 4  # a programme or project (soort 'initiatief'): below offers residents can go to
PROFESSIONALS = 8  # only for professionals
PLAN = 16  # a page about the regional plan: only when nothing else fits or the query is about the plan
WIDE = 32  # an offer without a fixed place (it serves a whole gemeente or the region)
PLAN_PREFIX = "plan/"


def _words(text: str | None, limit: int) -> str:
    if not text:
        return ""
    words = re.sub(r"[*\[\]()]", " ", text).split()
    return " ".join(words[:limit])


@dataclass
class Doc:
    """One search result: the text to index, its filter values, its card and its places."""

    naam: str
    tekst: str
    waar: str
    flags: int
    card: dict
    filters: dict[str, set[str]] = field(default_factory=dict)
    spots: list[tuple[float, float]] = field(default_factory=list)


def _place_order(cat: Catalog) -> list[Location]:
    return sorted(cat.locations.values(), key=lambda e: (e.naam.casefold(), e.id))


def _days(act: Activity, today: dt.date) -> set[str]:
    days = set(describe.weekdays(act, today))
    days |= {vocab.weekday(i.datum) for i in act.schema if i.datum and describe.is_current(i, today)}
    return days


def _labels(list_name: str, keys) -> str:
    return " ".join(vocab.label(list_name, k) for k in keys)


def _offer(cat: Catalog, act: Activity, today: dt.date, wide_kernen: dict[str, list[str]]) -> Doc:
    region = cat.region
    places = cat.places_of(act)
    where_ids = set(cat.gemeenten_of(act)) | set(cat.kernen_of(act)) | {p.wijk for p in places if p.wijk}
    tekst = " ".join(
        [
            act.samenvatting,
            vocab.label("aanbod_soorten", act.soort),
            _labels("themas", act.themas),
            _labels("doelgroepen", act.doelgroepen),
            _labels("talen", [t for t in act.talen if t != "nl"]),  # Dutch is the rule, not a need
            _words(act.beschrijving, 30),
        ]
    )
    names = sorted(region.areas[i].naam for i in where_ids if i in region.areas)
    kernen = set(cat.kernen_of(act))
    if not act.plekken:  # serves every kern of its gemeenten
        for g in cat.gemeenten_of(act):
            kernen.update(wide_kernen[g])
    flags = KIND["aanbod"]
    flags |= PROGRAMME if act.soort == "initiatief" else 0
    flags |= PROFESSIONALS if set(act.doelgroepen) == {"professionals"} else 0
    flags |= WIDE if not act.plekken else 0
    filters = {
        "gemeente": set(cat.gemeenten_of(act)),
        "kern": kernen,
        "thema": set(act.themas),
        "voor": set(act.doelgroepen),
        "dag": _days(act, today),
        "taal": set(act.talen),
    }
    if describe.is_free(act):
        filters["gratis"] = {"ja"}
    card: dict[str, object] = {
        "naam": act.naam,
        "url": act.url,
        "samenvatting": act.samenvatting,
        "waar": ", ".join(cat.where(act)),
        "wanneer": describe.schedule_short(act, today),
        "kosten": describe.cost_text(act.kosten),
        "soort": "aanbod",
    }
    if act.talen:
        card["talen"] = ", ".join(vocab.label("talen", t) for t in act.talen)
    if act.voorbeeld:
        card["voorbeeld"] = True
    spots = [(loc.coordinaten.lat, loc.coordinaten.lon) for loc in places]
    return Doc(act.naam, tekst, " ".join(names + [p.naam for p in places]), flags, card, filters, spots)


def _place(cat: Catalog, loc: Location) -> Doc:
    region = cat.region
    here = cat.activities_at.get(loc.id, [])
    kind = vocab.label("plek_soorten", loc.soort)
    kern = region.areas[loc.woonkern].naam
    areas = [loc.gemeente, loc.woonkern] + ([loc.wijk] if loc.wijk else [])
    filters = {
        "gemeente": {loc.gemeente},
        "kern": {loc.woonkern},
        "thema": {t for a in here for t in a.themas},
        "voor": {d for a in here for d in a.doelgroepen},
        "dag": {o.dag for o in loc.openingstijden},
        "taal": {t for a in here for t in a.talen},
    }
    hours = describe.opening_lines(loc)
    card: dict[str, object] = {
        "naam": loc.naam,
        "url": loc.url,
        "samenvatting": f"{kind} in {kern}",
        "waar": loc.adres.one_line() if loc.adres else kern,
        "wanneer": "; ".join(hours[:2]) + (" en meer" if len(hours) > 2 else ""),
        "soort": "plek",
    }
    if loc.voorbeeld:
        card["voorbeeld"] = True
    return Doc(
        loc.naam,
        " ".join([kind, _words(loc.beschrijving, 30)]),
        " ".join(region.areas[i].naam for i in areas if i in region.areas),
        KIND["plek"],
        card,
        filters,
        [(loc.coordinaten.lat, loc.coordinaten.lon)],
    )


def _page(page: dict) -> Doc:
    flags = KIND["pagina"] | (PLAN if page["url"].startswith(PLAN_PREFIX) else 0)
    card = {"naam": page["title"], "url": page["url"], "samenvatting": page["summary"], "soort": "pagina"}
    return Doc(page["title"], page["text"], "", flags, card)


def documents(cat: Catalog, today: dt.date, pages: list[dict]) -> list[Doc]:
    """Every offer, place and page as a search result, in a stable order (linear in their number)."""
    wide_kernen: dict[str, list[str]] = {g.id: [k.id for k in cat.region.kernen(g.id)] for g in cat.region.gemeenten()}
    acts = sorted(cat.listed(), key=lambda e: (e.naam.casefold(), e.id))  # ended offers leave search too
    docs = [_offer(cat, act, today, wide_kernen) for act in acts]
    docs += [_place(cat, loc) for loc in _place_order(cat)]
    docs += [_page(page) for page in sorted(pages, key=lambda p: p["url"])]
    return docs
