"""Printable leaflets ("folders"): one A4 page or two per gemeente, woonkern and wijk.

Each leaflet is a real MkDocs page at ``folder/<area-id>/`` rendered by the standalone
template ``overrides/wegwijzer/folder.html`` (no site header: it is made for paper).
Everything it shows comes from the Catalog. ``write_pdfs`` prints built leaflets to
A4 PDF files with Chromium (used by ``wegwijzer folders``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import segno
from markupsafe import Markup, escape

from wegwijzer.core import describe
from wegwijzer.core.catalog import Catalog, sort_key
from wegwijzer.core.model import Activity, Location
from wegwijzer.core.region import Area

log = logging.getLogger("mkdocs.plugins.wegwijzer.leaflets")

FOLDER_DIR = "folder"
PDF_DIR = "folders"
TEMPLATE = "wegwijzer/folder.html"
NEARBY_KM = 5.0
NEARBY_LIMIT = 5
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
NO_PHONE = "niet bekend"
# Offers without a fixed place that a leaflet lists: where people can turn to for help.
# The others (programmes, initiatives) are on the website; the leaflet says how many there are.
HELP_KINDS = ("loket", "hulp")


# --- what a leaflet shows ------------------------------------------------------------


Fact = tuple[str, str]  # (label, text)


@dataclass
class Item:
    """One entry as printed: a title, an optional one-line summary and a few lines of facts."""

    entry: Location | Activity
    lines: list[list[Fact]] = field(default_factory=list)  # each line holds one or more facts
    summary: str = ""

    @property
    def naam(self) -> str:
        return self.entry.naam


@dataclass
class Leaflet:
    area: Area
    gemeente: Area
    web_url: str  # full address of the area's online page, "" when site_url is unknown
    web_text: str  # the address in words, as printed
    qr_svg: Markup | None
    made_on: str
    week: list[tuple[str, list[tuple[str, str, str]]]]  # day -> (time, name, where)
    themes: list[tuple[str, list[Item]]]
    places: list[Item]
    area_wide: list[Item]
    area_wide_more: int  # offers for the whole gemeente or region that are only on the website
    nearby: list[tuple[float, Location]]

    @property
    def web_breakable(self) -> Markup:
        """The address in words, allowed to wrap after each '/' (the QR caption is narrow)."""
        return Markup("/<wbr>").join(escape(part) for part in self.web_text.split("/"))

    @property
    def empty(self) -> bool:
        return not self.themes and not self.places


def leaflet_path(area_id: str) -> str:
    return f"{FOLDER_DIR}/{area_id}/"


def site_base(site_url: str | None) -> str:
    url = (site_url or "").strip()
    if url and not url.endswith("/"):
        url += "/"
    return url


def short_address(url: str) -> str:
    """'https://www.wegwijzer.nl/kern/x/' -> 'www.wegwijzer.nl/kern/x'."""
    return re.sub(r"^https?://", "", url).rstrip("/")


def qr_svg(url: str, label: str) -> Markup:
    """The QR code as inline SVG (black on white, scales with CSS)."""
    qr = segno.make(url, error="m", micro=False)
    svg = qr.svg_inline(scale=1, border=4, omitsize=True, svgclass="folder-qr__img", lineclass=None,
                        dark="#000", light="#fff")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{_attr(label)}" ', 1)
    return Markup(svg)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def phone_of(entry) -> str:
    return entry.contact.telefoon if entry.contact and entry.contact.telefoon else ""


def _contact_line(entry) -> list[Fact]:
    """Phone (or 'niet bekend': never guessed), then e-mail; the website only when there is no phone."""
    phone = phone_of(entry)
    facts = [("Telefoon", phone or NO_PHONE)]
    c = entry.contact
    if c and c.email:
        facts.append(("E-mail", c.email))
    if c and c.website and not phone:
        facts.append(("Website", short_address(c.website)))
    return facts


def opening_summary(loc: Location) -> list[str]:
    """Opening hours with runs of days that have the same hours joined: 'Maandag tot en met vrijdag: ...'."""
    per_day = []
    for day in describe.DAYS:
        slots = [o for o in loc.openingstijden if o.dag == day]
        if slots:
            text = ", ".join(describe.time_range(o.van, o.tot) + (f" ({o.opmerking})" if o.opmerking else "")
                             for o in slots)
            per_day.append((describe.DAYS.index(day), day, text))
    lines, i = [], 0
    while i < len(per_day):
        j = i
        while j + 1 < len(per_day) and per_day[j + 1][2] == per_day[i][2] and per_day[j + 1][0] == per_day[j][0] + 1:
            j += 1
        first, last = per_day[i][1], per_day[j][1]
        if j - i >= 2:
            days = f"{first.capitalize()} tot en met {last}"
        elif j == i + 1:
            days = f"{first.capitalize()} en {last}"
        else:
            days = first.capitalize()
        lines.append(f"{days}: {per_day[i][2]}")
        i = j + 1
    return lines


def place_item(cat: Catalog, loc: Location) -> Item:
    lines = []
    if loc.adres:
        lines.append([("Adres", loc.adres.one_line())])
    hours = opening_summary(loc)
    if hours:
        lines.append([("Open", ". ".join(hours))])
    lines.append(_contact_line(loc))
    return Item(loc, lines)


def activity_item(cat: Catalog, act: Activity, today) -> Item:
    lines = []
    places = cat.places_of(act)
    if places:
        lines.append([("Waar", "; ".join(p.naam + (f", {p.adres.one_line()}" if p.adres else "") for p in places))])
    elif act.gebied:
        lines.append([("Waar", ", ".join(cat.where(act)))])
    when = [describe.schedule_line(s) for s in act.schema if describe.is_current(s, today)]
    if when:
        lines.append([("Wanneer", ". ".join(w.rstrip(".") for w in when))])
    money = [("Kosten", describe.cost_text(act.kosten).rstrip("."))]
    if act.aanmelden:
        if act.aanmelden.nodig:
            money.append(("Aanmelden", act.aanmelden.hoe or "ja, dat is nodig"))
        else:
            money.append(("Aanmelden", "niet nodig, je kunt gewoon komen"))
    lines.append(money)
    lines.append(_contact_line(act))
    return Item(act, lines, act.samenvatting)


def short_item(cat: Catalog, act: Activity) -> Item:
    """An offer without a fixed place, in two lines: what it is, and its phone number when known."""
    phone = phone_of(act)
    return Item(act, [[("Telefoon", phone)]] if phone else [], act.samenvatting)


def week_overview(cat: Catalog, acts: list[Activity], today) -> list[tuple[str, list[tuple[str, str, str]]]]:
    days = []
    for day in describe.DAYS:
        rows = []
        for act in acts:
            for s in act.schema:
                if s.dag == day and describe.is_current(s, today):
                    where = ", ".join(p.naam for p in cat.places_of(act)) or ", ".join(cat.where(act))
                    how_often = {"tweewekelijks": " (om de week)", "maandelijks": " (één keer per maand)"}.get(
                        s.herhaling, "")
                    rows.append((f"{s.van}–{s.tot}", act.naam + how_often, where))
        if rows:
            days.append((day, sorted(set(rows))))
    return days


def by_theme(cat: Catalog, acts: list[Activity]) -> list[tuple[str, list[Activity]]]:
    """Each offer once, under its first theme; themes in the order of the controlled list."""
    groups: dict[str, list[Activity]] = {}
    for act in acts:
        groups.setdefault(act.themas[0], []).append(act)
    order = list(cat.region.lists["themas"])
    return [(describe.label("themas", t), sorted(groups[t], key=sort_key)) for t in order if t in groups]


def local_activities(cat: Catalog, area: Area) -> list[Activity]:
    return [a for a in cat.activities_in.get(area.id, []) if a.plekken]


def make_leaflet(cat: Catalog, area: Area, today, site_url: str | None) -> Leaflet:
    region = cat.region
    base = site_base(site_url)
    web_url = base + area.url if base else ""
    web_text = short_address(web_url) if web_url else "/" + area.url
    qr = qr_svg(web_url, f"QR-code naar {short_address(web_url)}") if web_url else None
    places = cat.places_in.get(area.id, [])
    acts = local_activities(cat, area)
    nearby = []
    if area.level != "gemeente" and area.lat is not None:
        nearby = cat.nearby_places(area.lat, area.lon, NEARBY_KM, exclude={p.id for p in places},
                                   limit=NEARBY_LIMIT)
    wide = cat.area_wide(area)
    return Leaflet(
        area=area,
        gemeente=region.gemeente_of(area.id),
        web_url=web_url,
        web_text=web_text,
        qr_svg=qr,
        made_on=describe.date_text(today),
        week=week_overview(cat, acts, today),
        themes=[(label, [activity_item(cat, a, today) for a in group]) for label, group in by_theme(cat, acts)],
        places=[place_item(cat, p) for p in places],
        area_wide=[short_item(cat, a) for a in sorted(wide, key=sort_key) if a.soort in HELP_KINDS],
        area_wide_more=sum(1 for a in wide if a.soort not in HELP_KINDS),
        nearby=nearby,
    )


# --- MkDocs view hooks -----------------------------------------------------------------


def _page_markdown(area: Area) -> str:
    title = f"Folder gemeente {area.naam}" if area.level == "gemeente" else f"Folder {area.naam}"
    return f'---\ntitle: "{title}"\ntemplate: "{TEMPLATE}"\n---\n'


def extra_files(plugin, config) -> dict[str, str]:
    if not site_base(config.site_url):
        log.warning("site_url ontbreekt. De folders krijgen geen QR-code, alleen het pad van de pagina. "
                    "Zet site_url in mkdocs.yml of de omgevingsvariabele WEGWIJZER_SITE_URL.")
    return {f"{FOLDER_DIR}/{a.id}.md": _page_markdown(a) for a in plugin.catalog.region.areas.values()}


def page_context(plugin, page, context) -> None:
    src = page.file.src_uri
    if not (src.startswith(FOLDER_DIR + "/") and src.count("/") == 1):
        return
    area_id = src[len(FOLDER_DIR) + 1:-3]
    area = plugin.catalog.region.areas.get(area_id)
    if area is None:
        return
    context["folder"] = make_leaflet(plugin.catalog, area, plugin.today, context["config"].site_url)


# --- PDF -----------------------------------------------------------------------------


def leaflet_ids(site_dir: Path) -> list[str]:
    folder = Path(site_dir) / FOLDER_DIR
    return sorted(p.parent.name for p in folder.glob("*/index.html"))


def write_pdfs(site_dir: Path, out_dir: Path, ids: list[str] | None = None, browser=None) -> list[Path]:
    """Print the built leaflets to A4 PDFs with Chromium. Returns the files written, in order."""
    site_dir, out_dir = Path(site_dir).resolve(), Path(out_dir).resolve()
    available = leaflet_ids(site_dir)
    if not available:
        raise FileNotFoundError(f"Er staan geen folders in {site_dir}. Bouw eerst de site: wegwijzer build.")
    wanted = sorted(ids) if ids else available
    missing = [i for i in wanted if i not in available]
    if missing:
        raise KeyError("Deze folders bestaan niet: " + ", ".join(missing)
                       + ". Gebruik de id van een gemeente, kern of wijk, bijvoorbeeld julianadorp.")
    out_dir.mkdir(parents=True, exist_ok=True)
    if browser is not None:
        return _print_all(browser, site_dir, out_dir, wanted)
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"Chromium ontbreekt ({CHROMIUM}). Installeer het pakket chromium.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return _print_all(b, site_dir, out_dir, wanted)
        finally:
            b.close()


def _print_all(browser, site_dir: Path, out_dir: Path, ids: list[str]) -> list[Path]:
    context = browser.new_context(locale="nl-NL")
    # Leaflets are made from local files only; block anything else (fonts, tiles, trackers).
    context.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())
    written = []
    try:
        page = context.new_page()
        for area_id in ids:
            page.goto((site_dir / FOLDER_DIR / area_id / "index.html").as_uri())
            target = out_dir / f"{area_id}.pdf"
            page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True)
            written.append(target)
    finally:
        context.close()
    return written
