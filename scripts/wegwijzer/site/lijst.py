"""'Mijn lijst': entries a visitor keeps in the browser, to share, copy as text or print as a referral card.

The list lives in the browser only (``localStorage``, key ``wegwijzer-lijst``); no account, no
server. A list is a link, ``/lijst/#<id>,<id>``: the ids are in the fragment, so no server log
ever sees them. The page ``/lijst/`` (``ListPage``) shows the entries of the fragment or of the
stored list; ``lijst-pagina.js`` fetches only the data it needs from small shard files:

- ``lijst/<n>.json``: the card data of every entry whose id hashes to shard n (FNV-1a, 32 bit,
  over the id's ASCII bytes, modulo the shard count). The count is a power of two, chosen so a
  shard holds about ``PER_SHARD`` entries; the page says it in ``data-shards``. A list of six
  entries fetches at most six small files, however big the catalogue is.

A card holds what a resident or a professional needs to act: the name, one line on what it is,
the contact route (``core.contact``: the entry's own route or its fallback, worded there), when
and where, the cost, how to sign up and how to refer (``core.referral``), and the page address.

``lijst.js`` (every page) puts "Zet op mijn lijst" on every card and entry page; the QR code on the
printed card comes from the vendored ``qrcode-generator`` package.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from mkdocs.exceptions import PluginError

from wegwijzer.core import contact, describe, referral, vocab
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.freshness import has_ended
from wegwijzer.core.model import Activity, Location
from wegwijzer.core.region import REGION_ID, UNKNOWN_AREA
from wegwijzer.core.urls import url_for
from wegwijzer.site.context import BuildContext
from wegwijzer.site.pages import Context, Page
from wegwijzer.site.view import View

if TYPE_CHECKING:
    import datetime as dt

    from jinja2 import Environment

SHARD_DIR = "lijst"
PER_SHARD = 8  # entries per shard file, on average
MAX_SHARDS = 4096
MAX_ITEMS = 20  # the longest list a page shows (and a link may carry)
STORAGE_KEY = "wegwijzer-lijst"
QR_DIR = "assets/vendor/qrcode-generator"
QR_SOURCE = "qrcode-generator/dist/qrcode.js"
MIT = """Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


# --- shards -------------------------------------------------------------------------------


def fnv1a(text: str) -> int:
    """FNV-1a (32 bit) of the text's UTF-8 bytes; lijst-pagina.js computes the same for an id."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def shard_count(entries: int) -> int:
    """A power of two, so a shard holds about PER_SHARD entries: 16 for 120 entries, 2048 for 10,000."""
    wanted = max(1, math.ceil(entries / PER_SHARD))
    return min(MAX_SHARDS, 1 << (wanted - 1).bit_length())


def shard_of(entry_id: str, count: int) -> int:
    return fnv1a(entry_id) % count


# --- one card ------------------------------------------------------------------------------


def route_data(route: contact.Route) -> dict[str, Any]:
    """The contact route as plain data: the same ways, links and sentences as on the entry page."""
    ways = []
    for way in route.ways:
        item: dict[str, Any] = {"links": [[link.kind, link.text, link.href] for link in way.links]}
        if not route.own:
            item["naam"] = way.naam
        if way.bereikbaar:
            item["bereikbaar"] = way.bereikbaar
        ways.append(item)
    out: dict[str, Any] = {"ways": ways}
    for key, value in (("note", route.note), ("hint", route.hours_hint), ("inloop", list(route.inloop))):
        if value:
            out[key] = value
    return out


def _address(cat: Catalog, loc: Location) -> str:
    return loc.adres.one_line() if loc.adres else cat.region.areas[loc.woonkern].naam


def _offer_fields(cat: Catalog, act: Activity, today: dt.date) -> dict[str, Any]:
    when = [describe.schedule_line(i) for i in act.schema if describe.is_current(i, today)]
    where = [
        f"{p.naam}, {p.adres.one_line() if p.adres else cat.region.areas[p.woonkern].naam}" for p in cat.places_of(act)
    ]
    if cat.area_unknown(act):
        where.append(contact.where_unknown(cat, act))
    where += [
        "In de hele Kop van Noord-Holland" if g == REGION_ID else f"In de hele gemeente {cat.region.areas[g].naam}"
        for g in act.gebied
        if g != UNKNOWN_AREA
    ]
    out: dict[str, Any] = {
        "wat": act.samenvatting,
        "wanneer": when or ["Er zijn geen vaste tijden bekend. Neem contact op of kijk op de website."],
        "waar": where,
        "kosten": describe.cost_text(act.kosten),
        "aanmelden": describe.signup_text(act.aanmelden),
        "verwijzen": referral.short_text(act.verwijzen),
    }
    unknown = [
        key
        for key, known in (("kosten", act.kosten), ("aanmelden", act.aanmelden), ("verwijzen", act.verwijzen))
        if not known
    ]
    if unknown:
        out["onbekend"] = unknown  # said on screen ("Niet bekend"); left off the printed card, where room is short
    if has_ended(act, today):
        out["afgelopen"] = True
    return out


def _place_fields(cat: Catalog, loc: Location) -> dict[str, Any]:
    kern = cat.region.areas[loc.woonkern].naam
    return {
        "wat": f"{vocab.label('plek_soorten', loc.soort)} in {kern}.",
        "wanneer": describe.opening_lines(loc) or ["De openingstijden zijn niet bekend. Neem contact op."],
        "waar": [_address(cat, loc)],
    }


def card(cat: Catalog, entry: Location | Activity, today: dt.date) -> dict[str, Any]:
    """Everything the list page, the text copy and the printed card show of one entry."""
    out: dict[str, Any] = {"soort": entry.kind, "naam": entry.naam, "url": entry.url}
    if entry.voorbeeld:
        out["voorbeeld"] = True
    if isinstance(entry, Activity):
        out.update(_offer_fields(cat, entry, today))
    else:
        out.update(_place_fields(cat, entry))
    out["contact"] = route_data(contact.route_of(cat, entry))
    return out


def shard_files(cat: Catalog, today: dt.date) -> dict[str, str | bytes]:
    """Every entry's card, in shard files: {'lijst/0.json': {id: card, ...}, ...}. Empty shards are written too."""
    entries = cat.entries()
    count = shard_count(len(entries))
    shards: list[dict[str, Any]] = [{} for _ in range(count)]
    for entry in entries:
        shards[shard_of(entry.id, count)][entry.id] = card(cat, entry, today)
    return {
        f"{SHARD_DIR}/{i}.json": json.dumps(shard, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        for i, shard in enumerate(shards)
    }


# --- the page and the view -----------------------------------------------------------------


@dataclass(frozen=True)
class ListPage(Page):
    template: ClassVar[str] = "wegwijzer/lijst.html"

    def context(self, ctx: BuildContext) -> Context:
        return {
            "lijst_shards": shard_count(len(ctx.catalog.entries())),
            "lijst_site_url": ctx.settings.site_url,
            "lijst_date": describe.date_text(ctx.today),
        }


def qr_files(ctx: BuildContext) -> dict[str, str | bytes]:
    """qrcode-generator from node_modules, with its MIT licence (the package has it only in the file's header)."""
    path = ctx.settings.node_modules / QR_SOURCE
    if not path.is_file():
        raise PluginError(f"Het bestand node_modules/{QR_SOURCE} ontbreekt. Draai eerst make install.")
    source = path.read_text(encoding="utf-8")
    notice = next((line.strip("/ ") for line in source.splitlines() if "Copyright" in line), "")
    if not notice or "MIT" not in source[:2000]:
        raise PluginError(
            f"node_modules/{QR_SOURCE}: de licentie (MIT) staat niet meer bovenin. Controleer het pakket."
        )
    return {f"{QR_DIR}/qrcode.js": source, f"{QR_DIR}/LICENSE.txt": f"MIT License\n\n{notice}\n\n{MIT}"}


class ListView(View):
    """Owns /lijst/, its shard files and the vendored QR code library; tells every page the list's rules."""

    name = "lijst"

    def pages(self, ctx: BuildContext) -> Iterable[Page]:
        yield ListPage(
            "lijst",
            title="Mijn lijst",
            description="Bewaar aanbod en plekken op je lijst. Deel hem, kopieer hem of print hem als verwijskaart.",
        )

    def files(self, ctx: BuildContext) -> dict[str, str | bytes]:
        return {**shard_files(ctx.catalog, ctx.today), **qr_files(ctx)}

    def jinja(self, ctx: BuildContext, env: Environment, ww: dict[str, Any]) -> None:
        ww["lijst"] = {
            "url": url_for("lijst"),
            "max": MAX_ITEMS,
            "id_pattern": vocab.ID_RE.pattern,
            "id_max": vocab.ID_MAX,
            "site_url": ctx.settings.site_url,
        }
