"""Which pages the site generates from the catalogue, and what each one shows.

Every generated page is a tiny Markdown file (front matter only) rendered by
a template in ``overrides/wegwijzer/``. The heavy context of a page is made
only when MkDocs renders that page, so memory stays flat.
Generated pages are never in the navigation tree.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from wegwijzer.core import describe
from wegwijzer.core.catalog import Catalog, sort_key
from wegwijzer.core.model import Activity, Location
from wegwijzer.core.region import Area

NEARBY_KM = 5.0


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    title: str
    template: str
    kind: str  # plek, aanbod, gebied, thema, doelgroep, lijst
    key: str = ""
    description: str = ""

    def markdown(self) -> str:
        meta = {"title": self.title, "template": self.template}
        if self.description:
            meta["description"] = self.description
        lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()] + ["---", ""]
        return "\n".join(lines)


def page_specs(cat: Catalog) -> list[PageSpec]:
    """All generated pages, in a stable order."""
    region = cat.region
    specs: list[PageSpec] = []
    for loc in cat.locations.values():
        specs.append(PageSpec(f"plek/{loc.id}.md", loc.naam, "wegwijzer/plek.html", "plek", loc.id,
                              _place_description(cat, loc)))
    for act in cat.activities.values():
        specs.append(PageSpec(f"aanbod/{act.id}.md", act.naam, "wegwijzer/aanbod.html", "aanbod", act.id,
                              act.samenvatting))
    for area in region.areas.values():
        folder = {"gemeente": "gemeente", "kern": "kern", "wijk": "wijk"}[area.level]
        title = f"Gemeente {area.naam}" if area.level == "gemeente" else area.naam
        specs.append(PageSpec(f"{folder}/{area.id}.md", title, "wegwijzer/gebied.html", "gebied", area.id,
                              f"Plekken en aanbod in {area.naam}: ontmoeten, hulp en activiteiten dichtbij."))
    for key, item in region.lists["themas"].items():
        specs.append(PageSpec(f"thema/{key}.md", item["label"], "wegwijzer/thema.html", "thema", key, item["uitleg"]))
    for key, item in region.lists["doelgroepen"].items():
        specs.append(PageSpec(f"voor/{key}.md", f"Voor {item['label'].lower()}", "wegwijzer/doelgroep.html",
                              "doelgroep", key, f"Aanbod voor {item['label'].lower()} in de Kop van Noord-Holland."))
    specs += [
        PageSpec("thema/index.md", "Alle thema's", "wegwijzer/themas.html", "lijst", "themas",
                 "Kies een onderwerp en zie wat er is."),
        PageSpec("voor/index.md", "Voor wie?", "wegwijzer/doelgroepen.html", "lijst", "doelgroepen",
                 "Kies voor wie je zoekt en zie wat er is."),
        PageSpec("buurt.md", "Wat is er in mijn buurt?", "wegwijzer/buurt.html", "lijst", "buurt",
                 "Kies je woonplaats en zie wat er dichtbij is."),
        PageSpec("plekken.md", "Alle plekken", "wegwijzer/plekken.html", "lijst", "plekken",
                 "Alle plekken om elkaar te ontmoeten en hulp te vinden."),
        PageSpec("aanbod.md", "Al het aanbod", "wegwijzer/alle-aanbod.html", "lijst", "aanbod",
                 "Alle activiteiten, initiatieven en hulp in de Kop van Noord-Holland."),
        PageSpec("professionals.md", "Voor professionals", "wegwijzer/professionals.html", "lijst", "professionals",
                 "Zo vind je snel aanbod om inwoners naar door te verwijzen."),
        PageSpec("nieuw.md", "Nieuw en gewijzigd", "wegwijzer/nieuw.html", "lijst", "nieuw",
                 "Wat is er nieuw op de Wegwijzer, en wat is er veranderd of nagekeken?"),
    ]
    return specs


def _place_description(cat: Catalog, loc: Location) -> str:
    kind = describe.label("plek_soorten", loc.soort)
    return f"{kind} in {cat.region.areas[loc.woonkern].naam}. Adres, openingstijden en wat er te doen is."


# --- context for each page type ---------------------------------------------------------


def entry_context(cat: Catalog, entry, today: dt.date) -> dict:
    if isinstance(entry, Location):
        activities = [a for a in cat.activities_at.get(entry.id, [])]
        lat, lon = entry.coordinaten.lat, entry.coordinaten.lon
        exclude = {entry.id}
    else:
        activities = []
        places = cat.places_of(entry)
        lat = lon = None
        if places:
            lat, lon = places[0].coordinaten.lat, places[0].coordinaten.lon
        exclude = set(entry.plekken)
    nearby = []
    if lat is not None:
        nearby = cat.nearby_places(lat, lon, NEARBY_KM, exclude=exclude, limit=6)
    return {
        "entry": entry,
        "activities_here": activities,
        "nearby": nearby,
    }


def area_context(cat: Catalog, area: Area, today: dt.date) -> dict:
    region = cat.region
    places = cat.places_in.get(area.id, [])
    if area.level == "gemeente":
        activities = [a for a in cat.activities_in.get(area.id, []) if a.plekken]
        children = [region.areas[c] for c in area.children]
    else:
        activities = [a for a in cat.activities_in.get(area.id, []) if a.plekken]
        children = [region.areas[c] for c in area.children]
    wide = cat.area_wide(area)
    nearby = []
    if area.level != "gemeente":
        exclude = {p.id for p in places}
        nearby = cat.nearby_places(area.lat, area.lon, NEARBY_KM, exclude=exclude, limit=10)
    return {
        "area": area,
        "gemeente": region.gemeente_of(area.id),
        "parent": region.areas[area.parent] if area.parent else None,
        "children": [(c, len(cat.places_in.get(c.id, [])), len(cat.activities_in.get(c.id, []))) for c in children],
        "places": places,
        "activities": activities,
        "by_day": by_day(activities, today),
        "area_wide": wide,
        "nearby": nearby,
    }


def by_day(activities: list[Activity], today: dt.date) -> list[tuple[str, list[Activity]]]:
    """Recurring offers per weekday; offers whose end date has passed are left out."""
    days = []
    for day in describe.DAYS:
        acts = [a for a in activities if day in describe.weekdays(a, today)]
        if acts:
            days.append((day, acts))
    return days


def list_context(cat: Catalog, spec: PageSpec, today: dt.date) -> dict:
    region = cat.region
    if spec.kind == "thema":
        acts = cat.by_theme.get(spec.key, [])
        return {"theme": region.lists["themas"][spec.key], "theme_id": spec.key,
                "groups": group_by_gemeente(cat, acts)}
    if spec.kind == "doelgroep":
        acts = cat.by_audience.get(spec.key, [])
        return {"audience": region.lists["doelgroepen"][spec.key], "audience_id": spec.key,
                "groups": group_by_gemeente(cat, acts)}
    if spec.key == "plekken":
        return {"groups": [(g, [p for p in cat.places_in.get(g.id, [])]) for g in region.gemeenten()]}
    if spec.key == "aanbod":
        return {"groups": group_by_gemeente(cat, list(cat.activities.values()))}
    if spec.key == "professionals":
        referable = sorted((a for a in cat.activities.values() if a.voor_professionals), key=sort_key)
        return {"referable": referable}
    return {}


def group_by_gemeente(cat: Catalog, acts: list[Activity]) -> list[tuple[object, list[Activity]]]:
    """Offers per gemeente; an offer for the whole region is listed once under 'Hele regio'."""
    groups = []
    regional = [a for a in acts if "regio" in a.gebied]
    if regional:
        groups.append((None, sorted(regional, key=sort_key)))
    rest = [(a, cat.gemeenten_of(a)) for a in acts if "regio" not in a.gebied]
    for g in cat.region.gemeenten():
        members = [a for a, gemeenten in rest if g.id in gemeenten]
        if members:
            groups.append((g, sorted(members, key=sort_key)))
    return groups


def home_context(cat: Catalog) -> dict:
    region = cat.region
    return {
        "themes": [(k, v, len(cat.by_theme.get(k, []))) for k, v in region.lists["themas"].items()],
        "gemeenten": [(g, [region.areas[k] for k in g.children]) for g in region.gemeenten()],
        "audiences": [(k, v, len(cat.by_audience.get(k, []))) for k, v in region.lists["doelgroepen"].items()],
        "counts": {"plekken": len(cat.locations), "aanbod": len(cat.activities)},
    }
