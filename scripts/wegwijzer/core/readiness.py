"""Is the site ready to go live? The readiness report for the programme team.

One report, two ways to read it: ``wegwijzer gereed`` (``tools.gereed``, Markdown on the
screen, ``--streng`` for a release) and the page ``/redactie/gereed/`` (``site.readiness``).

It is always about the real site (a build with ``--zonder-voorbeelden``): example entries are
left out of every count and only counted as "still in the data". Per gemeente and woonkern it
counts places and offers, how many have a contact route of their own, an address, and a check
within ``verouderd_na_maanden``. It lists woonkernen without a place and themes without an
offer. And it lists what is still missing to go live (``blockers``): the settings ``site_url``,
``melden_email`` (the intake form sends to it; without ``melden_url`` also "Meld het"), the
repository (``beheer_repo``), a tile server of our own, the contact of each gemeente's wijkteam
or loket, and at least one real place in each gemeente.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from wegwijzer.core import contact, vocab
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.freshness import status
from wegwijzer.core.model import Activity, Location
from wegwijzer.core.region import Area

PUBLIC_OSM_TILES = "tile.openstreetmap.org"  # the OpenStreetMap Foundation's own server: not for a busy site


@dataclass(frozen=True)
class GoLive:
    """The settings of the deployment that matter for going live (from mkdocs.yml)."""

    site_url: str = ""
    melden_url: str = ""
    melden_email: str = ""
    repo_url: str = ""
    tile_url: str = ""
    verouderd_na_maanden: int = 12

    @classmethod
    def of(cls, settings) -> GoLive:
        """From the build's settings (``site.context.Settings``), or anything with the same names."""
        return cls(**{name: getattr(settings, name) for name in cls.__dataclass_fields__})


@dataclass
class Counts:
    plekken: int = 0
    aanbod: int = 0
    eigen_contact: int = 0  # a phone, e-mail or website of its own
    via_ander: int = 0  # no route of its own, but its organisation's or its place's
    via_gemeente: int = 0  # only the fallback of the gemeente
    met_adres: int = 0  # places with street and postcode
    nagekeken: int = 0  # checked within verouderd_na_maanden

    @property
    def items(self) -> int:
        return self.plekken + self.aanbod


@dataclass(frozen=True)
class AreaReport:
    area: Area
    counts: Counts
    kernen: tuple[AreaReport, ...] = ()


@dataclass(frozen=True)
class Blocker:
    """Something that must be done before the real site can go live."""

    wat: str  # the setting or the file
    uitleg: str  # what to do, in B1


@dataclass(frozen=True)
class Readiness:
    datum: dt.date
    maanden: int
    totaal: Counts
    gemeenten: tuple[AreaReport, ...]
    voorbeelden: int  # example entries still in the data (a production build leaves them out)
    kernen_zonder_plek: tuple[Area, ...]
    themas_zonder_aanbod: tuple[tuple[str, str], ...]  # (key, label)
    blockers: tuple[Blocker, ...] = field(default=())

    @property
    def ready(self) -> bool:
        return not self.blockers


# --- counting ----------------------------------------------------------------------------


def _count(cat: Catalog, entries: list[Location | Activity], today: dt.date, months: int) -> Counts:
    counts = Counts()
    for e in entries:
        if isinstance(e, Location):
            counts.plekken += 1
            counts.met_adres += bool(e.adres and e.adres.straat and e.adres.postcode)
        else:
            counts.aanbod += 1
        kind = contact.route_of(cat, e).kind
        counts.eigen_contact += kind == contact.OWN
        counts.via_ander += kind in (contact.ORGANISATION, contact.PLACE)
        counts.via_gemeente += kind not in (contact.OWN, contact.ORGANISATION, contact.PLACE)
        counts.nagekeken += status(e, today, months) == "actueel"
    return counts


def _real(entries) -> list:
    return [e for e in entries if not e.voorbeeld]


def _area_entries(cat: Catalog, area_id: str) -> list[Location | Activity]:
    return _real(cat.places_in.get(area_id, [])) + _real(cat.activities_in.get(area_id, []))


def _area_report(cat: Catalog, gemeente: Area, today: dt.date, months: int) -> AreaReport:
    kernen = tuple(
        AreaReport(k, _count(cat, _area_entries(cat, k.id), today, months)) for k in cat.region.kernen(gemeente.id)
    )
    return AreaReport(gemeente, _count(cat, _area_entries(cat, gemeente.id), today, months), kernen)


# --- what is missing to go live ---------------------------------------------------------------


def settings_blockers(settings: GoLive) -> list[Blocker]:
    out = []
    if not settings.site_url:
        out.append(
            Blocker(
                "site_url",
                "Het webadres van de site. Nodig voor de QR-codes op de folders en de links "
                "in de open data. Zet het in mkdocs.yml (site_url) of in WEGWIJZER_SITE_URL.",
            )
        )
    if not settings.melden_email:
        also = (
            ""
            if settings.melden_url
            else " Ook 'Klopt er iets niet? Meld het' gaat naar dit adres (of naar melden_url)."
        )
        out.append(
            Blocker(
                "melden_email",
                "Het e-mailadres van de redactie. Het aanmeldformulier (aanmelden/) stuurt wat aanbieders "
                f"invullen naar dit adres. Zonder adres kan dat alleen via GitHub.{also} "
                "Zet melden_email bij de plug-in in mkdocs.yml.",
            )
        )
    if not settings.repo_url:
        out.append(
            Blocker(
                "beheer_repo",
                "De repository met de gegevens: daar bewaart de webeditor wijzigingen en "
                "daar stellen redacteuren ze voor. Zet beheer_repo bij de plug-in in mkdocs.yml.",
            )
        )
    if not settings.tile_url or PUBLIC_OSM_TILES in settings.tile_url:
        out.append(
            Blocker(
                "tile_url",
                "De kaart haalt zijn tegels nog van de server van OpenStreetMap zelf. Die is "
                "niet bedoeld voor een drukke site. Kies een tegelserver met afspraken over privacy en "
                "gebruik. Zet tile_url en tile_attribution in mkdocs.yml bij de plug-in.",
            )
        )
    return out


def data_blockers(cat: Catalog) -> list[Blocker]:
    out = []
    for g in cat.region.gemeenten():
        gemeente = cat.gemeenten.get(g.id)
        if gemeente is None or not gemeente.loket.reachable:
            out.append(
                Blocker(
                    f"gemeenten.yaml: {g.naam}",
                    f"Hoe bereik je het wijkteam of sociaal loket van "
                    f"{g.naam}? Vul bij loket een telefoonnummer, e-mailadres of website in.",
                )
            )
    for g in cat.region.gemeenten():
        if not _real(cat.places_in.get(g.id, [])):
            out.append(
                Blocker(
                    f"plekken in {g.naam}",
                    f"Er staat nog geen echte plek in {g.naam}. "
                    "Voeg plekken toe waar inwoners terecht kunnen (niet als voorbeeld).",
                )
            )
    return out


# --- the report -----------------------------------------------------------------------------


def readiness(cat: Catalog, settings: GoLive, today: dt.date) -> Readiness:
    months = settings.verouderd_na_maanden
    real = _real(cat.entries())
    examples = len(cat.entries()) - len(real) + cat.examples_left_out
    kernen_zonder_plek = tuple(k for k in cat.region.kernen() if not _real(cat.places_in.get(k.id, [])))
    themas = tuple((key, item["label"]) for key, item in vocab.items("themas") if not _real(cat.by_theme.get(key, [])))
    return Readiness(
        datum=today,
        maanden=months,
        totaal=_count(cat, real, today, months),
        gemeenten=tuple(_area_report(cat, g, today, months) for g in cat.region.gemeenten()),
        voorbeelden=examples,
        kernen_zonder_plek=kernen_zonder_plek,
        themas_zonder_aanbod=themas,
        blockers=tuple(settings_blockers(settings) + data_blockers(cat)),
    )
