"""How a resident gets in touch: the contact route of an entry, decided and worded in ONE place.

An entry's own route (its phone, e-mail or website) comes first. When it has none, the route
falls back, in this order:

1. the organisation's route from another entry (same ``organisatie``, with a route of its own);
2. for an offer: the place where it happens (when that place has a route);
3. the wijkteam or sociaal loket of the gemeente the entry is in (``data/gemeenten.yaml``);
4. the website of that gemeente (always known).

An entry for more than one gemeente (or the whole region) gets the route of each gemeente.
A real entry never borrows a route from an example entry. Entry pages (the block "Zo kom je in
contact") and leaflets both ask ``route_of``; ``tel_href`` makes a ``tel:`` link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wegwijzer.core import describe, vocab
from wegwijzer.core.catalog import organisation_key
from wegwijzer.core.model import Activity, Contact, Location, phone_digits

if TYPE_CHECKING:
    from wegwijzer.core.catalog import Catalog
    from wegwijzer.core.gemeenten import Gemeente

Entry = Location | Activity

OWN = "eigen"  # the entry's own phone, e-mail or website
ORGANISATION = "organisatie"  # borrowed from another entry of the same organisation
PLACE = "plek"  # borrowed from the place where the offer happens
LOKET = "loket"  # the wijkteam or loket of the gemeente (or of each gemeente)
GEMEENTE = "gemeente"  # the website (and phone, when known) of the gemeente
NONE = "geen"  # only in a catalogue without gemeenten.yaml: nothing to show but that


@dataclass(frozen=True)
class Link:
    kind: str  # "telefoon", "email" or "website"
    text: str  # as shown: "0800 2000", "info@voorbeeld.nl", "www.denhelder.nl"
    href: str  # "tel:+318002000", "mailto:...", "https://..."


@dataclass(frozen=True)
class Way:
    """Who to contact and how: the links, and when they can be reached."""

    naam: str
    links: tuple[Link, ...]
    bereikbaar: str = ""
    url: str = ""  # site-relative page of the entry the route is borrowed from ('' otherwise)


@dataclass(frozen=True)
class Route:
    kind: str
    ways: tuple[Way, ...]
    note: str = ""  # one B1 sentence that says where the route comes from ('' for the entry's own route)
    hours_hint: str = ""  # when the hours of a phone line are not known
    inloop: tuple[str, ...] = ()  # walk-in times in words

    @property
    def own(self) -> bool:
        return self.kind == OWN

    @property
    def links(self) -> list[Link]:
        return [link for way in self.ways for link in way.links]


# --- links ------------------------------------------------------------------------------


def tel_href(number: str) -> str:
    """A tel: link with digits only: '0800-2000' -> 'tel:+318002000'; short numbers stay short ('tel:112')."""
    digits = phone_digits(number)
    if digits.startswith("+"):
        return "tel:" + digits
    if digits.startswith("0") and len(digits) >= 8:
        return "tel:+31" + digits[1:]
    return "tel:" + digits  # 112, 113, 14 0223: only dialled as they are


def short_web(url: str) -> str:
    """'https://www.denhelder.nl/' -> 'www.denhelder.nl': how a web address is shown and printed."""
    return re.sub(r"^https?://", "", url).rstrip("/")


def links_of(telefoon: str | None, email: str | None, website: str | None) -> tuple[Link, ...]:
    links = []
    if telefoon:
        links.append(Link("telefoon", telefoon, tel_href(telefoon)))
    if email:
        links.append(Link("email", email, "mailto:" + email))
    if website:
        links.append(Link("website", short_web(website), website))
    return tuple(links)


def has_route(contact: Contact | None) -> bool:
    """True when a contact block gives a way to act: a phone number, an e-mail address or a website."""
    return bool(contact and contact.reachable)


def _way(naam: str, contact: Contact, url: str = "") -> Way:
    return Way(naam, links_of(contact.telefoon, contact.email, contact.website), contact.bereikbaar or "", url)


# --- the fallbacks ----------------------------------------------------------------------


def _may_borrow(entry: Entry, other: Entry) -> bool:
    return other.id != entry.id and has_route(other.contact) and (entry.voorbeeld or not other.voorbeeld)


def _organisation_way(cat: Catalog, entry: Entry) -> Way | None:
    if not entry.organisatie:
        return None
    others = [e for e in cat.by_organisation.get(organisation_key(entry.organisatie), []) if _may_borrow(entry, e)]
    if not others:
        return None
    best = min(others, key=lambda e: (not e.contact.telefoon, e.naam.casefold(), e.id))  # type: ignore[union-attr]
    return _way(entry.organisatie, best.contact, best.url)  # type: ignore[arg-type]


def _place_ways(cat: Catalog, entry: Entry) -> tuple[Way, ...]:
    if not isinstance(entry, Activity):
        return ()
    return tuple(_way(p.naam, p.contact, p.url) for p in cat.places_of(entry) if _may_borrow(entry, p))  # type: ignore[arg-type]


def gemeente_way(cat: Catalog, gemeente_id: str, with_name: bool = False) -> Way | None:
    """The wijkteam or loket of a gemeente when it can be reached, else the gemeente itself (website)."""
    gemeente: Gemeente | None = cat.gemeenten.get(gemeente_id)
    if gemeente is None:
        return None
    naam = cat.region.areas[gemeente_id].naam
    loket = gemeente.loket
    if loket.reachable:
        title = loket.naam or f"Wijkteam of loket van de gemeente {naam}"
        if with_name and naam.casefold() not in title.casefold():
            title = f"{title} ({naam})"
        return Way(title, links_of(loket.telefoon, loket.email, loket.website), loket.bereikbaar or "")
    return Way(f"Gemeente {naam}", links_of(gemeente.telefoon, gemeente.email, gemeente.website))


def gemeente_route(cat: Catalog, gemeente_ids: list[str], naam: str = "") -> Route:
    """The fallback of the gemeenten, with its sentence. `naam`: the entry without a route of its own."""
    ways = tuple(w for gid in gemeente_ids if (w := gemeente_way(cat, gid, len(gemeente_ids) > 1)))
    if not ways:
        return Route(NONE, (), "Er zijn nog geen contactgegevens bekend.")
    loket = any(gid in cat.gemeenten and cat.gemeenten[gid].loket.reachable for gid in gemeente_ids)
    kind = LOKET if loket else GEMEENTE
    return Route(kind, ways, _gemeente_note(cat, gemeente_ids, kind, naam))


def _gemeente_note(cat: Catalog, gemeente_ids: list[str], kind: str, naam: str) -> str:
    start = _no_route(naam) + " " if naam else ""
    if len(gemeente_ids) > 1:
        return start + "Je gemeente helpt je verder. Kies de gemeente waar je woont."
    gemeente = cat.region.areas[gemeente_ids[0]].naam
    if kind == LOKET:
        return start + f"Het wijkteam of loket van de gemeente {gemeente} helpt je verder."
    return start + f"Kijk op de website van de gemeente {gemeente}. Daar staat hoe je hulp vraagt."


# --- the route of an entry ------------------------------------------------------------------


def _no_route(naam: str) -> str:
    return f"Bij {naam} staat nog geen telefoonnummer, e-mailadres of website."


def _inloop(entry: Entry) -> tuple[str, ...]:
    if not isinstance(entry, Activity):
        return ()
    return tuple(describe.schedule_line(item) for item in entry.inloop)


def route_of(cat: Catalog, entry: Entry) -> Route:
    """How to get in touch about an entry: its own route, or the first fallback that exists."""
    inloop = _inloop(entry)
    contact = entry.contact
    if has_route(contact):
        assert contact is not None
        hint = ""
        if contact.telefoon and not contact.bereikbaar and contact.website and not isinstance(entry, Location):
            hint = "Op de website staat wanneer je kunt bellen."
        return Route(OWN, (_way(entry.organisatie or entry.naam, contact),), "", hint, inloop)
    start = _no_route(entry.naam)
    organisation = _organisation_way(cat, entry)
    if organisation is not None:
        note = f"{start} Neem contact op met {entry.organisatie}."
        return Route(ORGANISATION, (organisation,), note, inloop=inloop)
    places = _place_ways(cat, entry)
    if places:
        note = f"{start} Vraag het bij de plek waar het is."
        return Route(PLACE, places, note, inloop=inloop)
    route = gemeente_route(cat, _gemeenten(cat, entry), entry.naam)
    return Route(route.kind, route.ways, route.note, inloop=inloop)


def _gemeenten(cat: Catalog, entry: Entry) -> list[str]:
    """The gemeenten whose route applies: the entry's own, or all of them when its area is not known."""
    if isinstance(entry, Activity) and cat.area_unknown(entry):
        return [g.id for g in cat.region.gemeenten()]
    return cat.gemeenten_of(entry)


def where_unknown(cat: Catalog, entry: Activity) -> str:
    """'Waar' of an offer whose area is not known (gebied: [onbekend]), in B1, with whom to ask."""
    route = route_of(cat, entry)
    if route.kind in (OWN, ORGANISATION):
        ask = describe.in_sentence(entry.organisatie)
    elif route.kind == PLACE:
        ask = "de plek waar het is"
    else:
        ask = "je gemeente"
    return f"Waar dit aanbod is, weten we nog niet. Vraag het na bij {ask}."


# --- "Bij direct gevaar: bel 112" -------------------------------------------------------


def shows_112(entry: Entry) -> bool:
    """True for a page about safety: an offer with `bel_112: true` or a theme from `bel_112_bij_themas`.

    Not on the page of the 112 line itself: its contact block already says it.
    """
    if not isinstance(entry, Activity):
        return False
    if entry.contact and entry.contact.telefoon and phone_digits(entry.contact.telefoon) == "112":
        return False
    return entry.bel_112 or any(t in vocab.THEMES_112 for t in entry.themas)


def theme_shows_112(theme: str) -> bool:
    return theme in vocab.THEMES_112


# --- on paper (leaflets) --------------------------------------------------------------------

LABELS = {"telefoon": "Telefoon", "email": "E-mail", "website": "Website"}
Fact = tuple[str, str]


def _way_facts(way: Way) -> list[Fact]:
    """Phone and e-mail; the website only when there is no phone (paper has little room)."""
    phone = any(link.kind == "telefoon" for link in way.links)
    facts = [(LABELS[link.kind], link.text) for link in way.links if link.kind != "website" or not phone]
    if way.bereikbaar:
        facts.append(("Bereikbaar", way.bereikbaar.rstrip(".")))
    return facts


def printed_facts(route: Route) -> list[Fact]:
    """The route of one item on a leaflet. Empty when it is the gemeente's: the leaflet says that once."""
    if route.kind not in (OWN, ORGANISATION, PLACE):
        return []
    way = route.ways[0]
    return ([] if route.own else [("Contact", way.naam)]) + _way_facts(way)


def printed_fallback(cat: Catalog, gemeente_id: str) -> tuple[str, list[Fact]]:
    """Once per leaflet: where to ask when an item has no route of its own. ('', []) without gemeenten.yaml."""
    way = gemeente_way(cat, gemeente_id)
    if way is None:
        return "", []
    gemeente = cat.gemeenten[gemeente_id]
    who = way.naam if gemeente.loket.reachable else f"de gemeente {cat.region.areas[gemeente_id].naam}"
    note = f"Geen telefoonnummer of website? Vraag het aan {who}."
    return note, [(LABELS[link.kind], link.text) for link in way.links] + (
        [("Bereikbaar", way.bereikbaar.rstrip("."))] if way.bereikbaar else []
    )
