"""What the index holds for every offer, place and page: documents, facets, cards and places."""

from __future__ import annotations

import datetime as dt
import re

from wegwijzer.core import describe, vocab
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.model import Location


def _words(text: str | None, limit: int) -> str:
    if not text:
        return ""
    words = re.sub(r"[*\[\]()]", " ", text).split()
    return " ".join(words[:limit])


def _days_mask(days) -> int:
    mask = 0
    for d in days:
        mask |= 1 << vocab.DAY_NUMBER[d]
    return mask


def _mask(keys, order: list[str]) -> int:
    mask = 0
    for k in keys:
        mask |= 1 << order.index(k)
    return mask


def _place_order(cat) -> list[Location]:
    """Places in the order of their results (and of the points in punten.json)."""
    return sorted(cat.locations.values(), key=lambda e: (e.naam.casefold(), e.id))


def documents(
    cat: Catalog, today: dt.date, pages: list[dict]
) -> tuple[list[dict], list[list], list[list], dict, list[list[int]]]:
    """Index documents, facets and cards for every offer, place and page, in a stable order.

    Facets (one short list per result): [kind, gemeente mask, kern numbers, theme mask,
    audience mask, free, day mask, wide], kind 0 = aanbod, 1 = plek, 2 = pagina; wide = 1 for
    an offer without a fixed place (it serves a whole gemeente or the region).
    Cards: [name, url, summary, where, when, cost, example].
    Spots (one list per result): the numbers of its places in the place order (see ``points``);
    empty for an offer with only an area and for plain pages.
    """
    region = cat.region
    gemeenten = [g.id for g in region.gemeenten()]
    kernen = [k.id for k in region.kernen()]
    themes = list(vocab.LISTS["themas"])
    audiences = list(vocab.LISTS["doelgroepen"])
    docs, facets, cards, spots = [], [], [], []

    def area_names(ids):
        return [region.areas[i].naam for i in ids if i in region.areas]

    acts = sorted(cat.listed(), key=lambda e: (e.naam.casefold(), e.id))
    places = _place_order(cat)
    place_number = {loc.id: n for n, loc in enumerate(places)}
    for act in acts:
        places_of_act = cat.places_of(act)
        where_ids = set(cat.gemeenten_of(act)) | set(cat.kernen_of(act)) | {p.wijk for p in places_of_act if p.wijk}
        tekst = " ".join([act.samenvatting, vocab.label("aanbod_soorten", act.soort),
                          " ".join(vocab.label("themas", t) for t in act.themas),
                          " ".join(vocab.label("doelgroepen", d) for d in act.doelgroepen),
                          _words(act.beschrijving, 30)])
        docs.append({"id": str(len(docs)), "naam": act.naam, "tekst": tekst,
                     "waar": " ".join(sorted(area_names(where_ids)) + [p.naam for p in places_of_act])})
        days = set(describe.weekdays(act, today))
        days |= {vocab.weekday(i.datum) for i in act.schema if i.datum and describe.is_current(i, today)}
        facets.append([0, _mask(cat.gemeenten_of(act), gemeenten),
                       [kernen.index(k) for k in cat.kernen_of(act)],
                       _mask(act.themas, themes), _mask(act.doelgroepen, audiences),
                       1 if describe.is_free(act) else 0, _days_mask(days),
                       0 if act.plekken else 1])
        cards.append([act.naam, act.url, act.samenvatting, ", ".join(cat.where(act)),
                      describe.schedule_short(act), describe.cost_text(act.kosten), 1 if act.voorbeeld else 0])
        spots.append(sorted({place_number[p.id] for p in places_of_act}))
    for loc in places:
        here = cat.activities_at.get(loc.id, [])
        kind = vocab.label("plek_soorten", loc.soort)
        kern = region.areas[loc.woonkern].naam
        docs.append({"id": str(len(docs)), "naam": loc.naam,
                     "tekst": " ".join([kind, _words(loc.beschrijving, 30)]),
                     "waar": " ".join(area_names([loc.gemeente, loc.woonkern] + ([loc.wijk] if loc.wijk else [])))})
        facets.append([1, _mask([loc.gemeente], gemeenten), [kernen.index(loc.woonkern)],
                       _mask({t for a in here for t in a.themas}, themes),
                       _mask({d for a in here for d in a.doelgroepen}, audiences),
                       0, _days_mask({o.dag for o in loc.openingstijden}), 0])
        hours = describe.opening_lines(loc)
        when = "; ".join(hours[:2]) + (" en meer" if len(hours) > 2 else "")
        cards.append([loc.naam, loc.url, f"{kind} in {kern}", loc.adres.one_line() if loc.adres else kern,
                      when, "", 1 if loc.voorbeeld else 0])
        spots.append([place_number[loc.id]])
    for page in sorted(pages, key=lambda p: p["url"]):
        docs.append({"id": str(len(docs)), "naam": page["title"], "tekst": page["text"], "waar": ""})
        facets.append([2])
        cards.append([page["title"], page["url"], page["summary"], "", "", "", 0])
        spots.append([])
    lists = {
        "gemeenten": gemeenten,
        "kernen": kernen,
        "kern_gemeente": [gemeenten.index(region.areas[k].parent) for k in kernen],
        "themas": themes,
        "doelgroepen": audiences,
        "dagen": list(vocab.DAYS),
    }
    return docs, facets, cards, lists, spots


def points(cat, spots: list[list[int]]) -> dict:
    """The coordinates for "Dichtbij mij" on the search page, in a compact form.

    ``punten`` is one flat list [lat, lon, lat, lon, ...] with every place once, in the
    order of the place results (5 decimals, about 1 metre). ``plekken`` has per result
    the numbers of its places in that list. The browser computes distances itself: the
    visitor's position is never sent anywhere.
    """
    places = _place_order(cat)
    flat = []
    for loc in places:
        flat += [round(loc.coordinaten.lat, 5), round(loc.coordinaten.lon, 5)]
    return {"punten": flat, "plekken": spots}
