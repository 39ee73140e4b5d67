"""The entry model: one place (``locations/``) or one offer (``activities/``), shaped like Open Referral
HSDS 3.0: a Location is an HSDS location; an Activity an HSDS service with its organization, its places
(``plekken``) and its schedules (``schema``). Field names are plain Dutch without accents, as editors type them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, Literal, TypeAlias

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from wegwijzer.core import guard, referral, vocab
from wegwijzer.core.fieldtypes import _TIME_RE as _TIME_RE

# The field types and their checks (core.fieldtypes); the checks are re-exported for other modules.
from wegwijzer.core.fieldtypes import (
    Email,
    Id,
    Line,
    Phone,
    Postcode,
    Text,
    Time,
    Url,
    YesNo,
    _end_after_start,
    _not_future,
)
from wegwijzer.core.fieldtypes import _email as _email
from wegwijzer.core.fieldtypes import _phone as _phone
from wegwijzer.core.fieldtypes import _plain_text as _plain_text
from wegwijzer.core.fieldtypes import _postcode as _postcode
from wegwijzer.core.fieldtypes import _website as _website
from wegwijzer.core.fieldtypes import phone_digits as phone_digits
from wegwijzer.core.region import REGION_ID, inside_region
from wegwijzer.core.urls import url_for
from wegwijzer.core.vocab import ID_RE, Dimension, EventKind, choice_type

if TYPE_CHECKING:  # the values come from data/lijsten.yaml; type checkers see plain text
    PlaceKind: TypeAlias = str
    OfferKind: TypeAlias = str
    Theme: TypeAlias = str
    Audience: TypeAlias = str
    Access: TypeAlias = str
    Day: TypeAlias = str
    Language: TypeAlias = str
else:
    PlaceKind = choice_type("plek_soorten")
    OfferKind = choice_type("aanbod_soorten")
    Theme = choice_type("themas")
    Audience = choice_type("doelgroepen")
    Access = choice_type("toegankelijkheid")
    Day = choice_type("dagen")
    Language = choice_type("talen")

__all__ = ["ID_RE", "Activity", "Entry", "Location"]


class Strict(BaseModel):
    # allow_inf_nan: 'inf' and 'nan' are no amounts or coordinates (and no valid JSON either).
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, allow_inf_nan=False)


# --- parts ----------------------------------------------------------------------------


# --- the rules across fields ----------------------------------------------------------
# Plain functions (a Dutch message, or None), called by the model checks below: they are
# the rules themselves, and plain functions are what `make mutatie` can measure.


def _address_problem(address: Address) -> str | None:
    if address.huisnummer and not address.straat:
        return "Je schreef een huisnummer zonder straat. Vul ook 'straat' in."
    return None


def _region_problem(lat: float, lon: float) -> str | None:
    if inside_region(lat, lon):
        return None
    return (
        f"De plek ({lat}, {lon}) ligt niet in de Kop van Noord-Holland. "
        "Controleer de coördinaten: lat is ongeveer 52.7 tot 53.2, lon ongeveer 4.6 tot 5.3. "
        "Draai ze niet om."
    )


def _contact_problem(contact: Contact) -> str | None:
    if contact.bereikbaar and not contact.reachable:
        return "Je schreef wanneer iemand bereikbaar is, maar niet hoe. Vul telefoon, email of website in."
    return None


def _schedule_problem(item: ScheduleItem) -> str | None:
    if (item.dag is None) == (item.datum is None):
        return (
            "Vul 'dag' in (iets dat terugkomt) of 'datum' (iets dat één keer is), niet allebei en niet geen van beide."
        )
    if item.datum is not None and ("herhaling" in item.model_fields_set or item.week is not None):
        return "Bij één datum horen geen 'herhaling' en 'week'. Haal die weg."
    if item.herhaling == "maandelijks" and item.week is None:
        return "Bij maandelijks hoort 'week': 1, 2, 3, 4 of -1 (de laatste week van de maand)."
    if item.herhaling != "maandelijks" and item.week is not None:
        return "'week' hoort alleen bij herhaling: maandelijks. Haal 'week' weg of zet herhaling op maandelijks."
    if item.start and item.eind and item.eind < item.start:
        return f"De einddatum ({item.eind}) ligt voor de startdatum ({item.start}). Draai ze om."
    return None


def _cost_problem(cost: Cost) -> str | None:
    if cost.gratis and cost.bedrag:
        return "Je schreef gratis én een bedrag. Kies één van de twee."
    if not cost.gratis and cost.bedrag is None and not cost.uitleg:
        return "Schrijf 'gratis: true', of een 'bedrag' met 'uitleg'."
    return None


def _offer_problem(act: Activity) -> str | None:
    if not act.plekken and not act.gebied:
        return (
            "Vul 'plekken' in (ids van plekken) of 'gebied' (een gemeente of 'regio'), "
            "zodat mensen weten waar het is. Weet je het niet? Schrijf dan: gebied: [onbekend]."
        )
    # Every time is shown (and exported) at every place it is held at.
    return guard.times_problem(sum(1 if i.plek else max(len(act.plekken), 1) for i in act.schema_))


class Address(Strict):
    """HSDS address (physical)."""

    straat: Line | None = Field(None, description="Straatnaam, zonder huisnummer.", examples=["Keizerstraat"])
    huisnummer: Line | None = Field(None, max_length=12, description="Huisnummer met toevoeging.", examples=["12a"])
    postcode: Postcode | None = Field(None, description="Postcode: vier cijfers en twee letters.", examples=["1781 AB"])
    plaats: Line = Field(description="De plaats zoals op een brief.", examples=["Den Helder"])

    @model_validator(mode="before")
    @classmethod
    def _number_as_text(cls, data):
        if isinstance(data, dict) and isinstance(data.get("huisnummer"), (int, float)):
            data = {**data, "huisnummer": str(data["huisnummer"])}
        return data

    @model_validator(mode="after")
    def _number_needs_street(self):
        guard.refuse(_address_problem(self))
        return self

    def one_line(self) -> str:
        street = " ".join(p for p in (self.straat, self.huisnummer) if p)
        town = " ".join(p for p in (self.postcode, self.plaats) if p)
        return ", ".join(p for p in (street, town) if p)


class Coordinates(Strict):
    lat: float = Field(description="Breedtegraad (WGS84), bijvoorbeeld 52.9563.", ge=-90, le=90)
    lon: float = Field(description="Lengtegraad (WGS84), bijvoorbeeld 4.7601.", ge=-180, le=180)

    @model_validator(mode="after")
    def _in_region(self):
        guard.refuse(_region_problem(self.lat, self.lon))
        return self


class Contact(Strict):
    """HSDS phones, email and url."""

    telefoon: Phone | None = Field(None, description="Telefoonnummer met netnummer.", examples=["0223 123 456"])
    email: Email | None = Field(None, description="E-mailadres.", examples=["info@voorbeeld.nl"])
    website: Url | None = Field(
        None, description="Webadres, begint met https://.", examples=["https://www.voorbeeld.nl"]
    )
    bereikbaar: Line | None = Field(
        None, max_length=200, description="Wanneer je kunt bellen of mailen. Alleen als je het zeker weet."
    )

    @property
    def reachable(self) -> bool:
        """True when it gives a way to act: a phone number, an e-mail address or a website."""
        return bool(self.telefoon or self.email or self.website)

    @model_validator(mode="after")
    def _hours_need_a_way(self):
        guard.refuse(_contact_problem(self))
        return self


class OpeningHours(Strict):
    """HSDS schedule of a location (weekly)."""

    dag: Day = Field(description="Dag van de week, bijvoorbeeld maandag.")
    van: Time = Field(description='Begintijd, bijvoorbeeld "09:00".')
    tot: Time = Field(description='Eindtijd, bijvoorbeeld "12:00".')
    opmerking: Line | None = Field(None, description="Korte opmerking, bijvoorbeeld: alleen in de schoolweken.")

    _order = field_validator("tot")(classmethod(lambda cls, tot, info: _end_after_start(tot, info)))


class ScheduleItem(Strict):
    """One HSDS schedule: weekly, every two weeks, monthly, or a single date."""

    dag: Day | None = Field(None, description="Dag van de week bij een vaste dag, bijvoorbeeld dinsdag.")
    datum: dt.date | None = Field(None, description="Eén datum (JJJJ-MM-DD) voor iets dat één keer is.")
    van: Time = Field(description='Begintijd, bijvoorbeeld "10:00".')
    tot: Time = Field(description='Eindtijd, bijvoorbeeld "12:00".')
    herhaling: Literal["wekelijks", "tweewekelijks", "maandelijks"] = Field(
        "wekelijks", description="Hoe vaak: wekelijks (standaard), tweewekelijks of maandelijks."
    )
    week: Literal[1, 2, 3, 4, -1] | None = Field(
        None, description="Alleen bij maandelijks: de hoeveelste week (1 tot 4, of -1 voor de laatste)."
    )
    start: dt.date | None = Field(None, description="Eerste datum (JJJJ-MM-DD). Leeg als het al loopt.")
    eind: dt.date | None = Field(None, description="Laatste datum (JJJJ-MM-DD). Leeg als het doorloopt.")
    plek: Id | None = Field(None, description="Id van de plek, als het aanbod op meer plekken is.")
    opmerking: Line | None = Field(None, description="Korte opmerking, bijvoorbeeld: niet in de zomer.")
    evenement: EventKind | None = Field(None, description="Bij één datum: voorlichting, webinar, bijeenkomst of markt.")
    link: Url | None = Field(None, description="Bij een webinar: het webadres waar je meekijkt of je aanmeldt.")

    # A field check (not a model check), so it is reported even when other fields are wrong.
    _order = field_validator("tot")(classmethod(lambda cls, tot, info: _end_after_start(tot, info)))

    @property
    def weekday(self) -> str:
        """The day of the week: 'dag' for something that comes back, else the weekday of 'datum'."""
        if self.dag is not None:
            return self.dag
        assert self.datum is not None  # _consistent: one of the two is set
        return vocab.weekday(self.datum)

    @property
    def week_of_month(self) -> int:
        """For 'maandelijks': which week (1 to 4, or -1 for the last); 0 otherwise."""
        return self.week or 0

    @model_validator(mode="after")
    def _consistent(self):
        guard.refuse(_schedule_problem(self))
        return self


class Cost(Strict):
    """HSDS cost_options: free, or an amount with an explanation."""

    gratis: YesNo | None = Field(None, description="true als het niets kost.")
    bedrag: float | None = Field(None, ge=0, le=guard.MAX_AMOUNT, description="Bedrag in euro, bijvoorbeeld 2.50.")
    uitleg: Line | None = Field(None, description="Uitleg, bijvoorbeeld: per keer, koffie is gratis.")

    @model_validator(mode="after")
    def _one_of(self):
        guard.refuse(_cost_problem(self))
        return self

    @property
    def free(self) -> bool:
        return bool(self.gratis) or self.bedrag == 0


class Registration(Strict):
    nodig: YesNo = Field(description="true als je je moet aanmelden, false als je gewoon kunt komen.")
    hoe: Line | None = Field(None, description="Hoe je je aanmeldt, in één of twee zinnen.")


# --- entries ---------------------------------------------------------------------------


class Entry(Strict):
    """Fields every entry has: where the facts come from and who keeps them."""

    kind: ClassVar[str] = ""  # "plek" or "aanbod"

    naam: Line = Field(max_length=90, description="De naam zoals mensen hem kennen.")
    voorbeeld: bool = Field(False, description="true als dit item verzonnen is om de site te laten zien.")
    beschrijving: Text | None = Field(None, description="Uitleg in B1: korte zinnen, gewone woorden.")
    organisatie: Line | None = Field(None, max_length=120, description="Wie het aanbiedt of wie de plek beheert.")
    contact: Contact | None = Field(None, description="Telefoon, e-mail en website. Laat weg wat je niet weet.")
    bron: Line = Field(
        max_length=500, description="Waar de gegevens vandaan komen, bijvoorbeeld een website of een gesprek."
    )
    gecontroleerd_op: dt.date | None = Field(
        None, description="Datum (JJJJ-MM-DD) waarop iemand de gegevens controleerde. Leeg als dat nog niet is gebeurd."
    )
    bron_gecontroleerd_op: dt.date | None = Field(
        None,
        description=(
            "Datum (JJJJ-MM-DD) waarop de bron zelf de gegevens controleerde, volgens die bron (bij een import). "
            "Dit is niet onze eigen controle: die staat in 'gecontroleerd_op'."
        ),
    )
    beheerder: Line = Field(max_length=120, description="Wie dit item bijhoudt (organisatie of naam).")
    beheerder_email: Email | None = Field(None, description="E-mailadres voor meldingen over dit item.")

    _id: str = PrivateAttr("")
    _source: str = PrivateAttr("")
    _lines: dict[tuple, int] = PrivateAttr(default_factory=dict)

    # A field check, so the editor sees the field and its line.
    _checked_not_future = field_validator("gecontroleerd_op", "bron_gecontroleerd_op")(
        classmethod(lambda cls, value: _not_future(value))
    )

    # Read the private values straight from pydantic's store: `self._id` goes through
    # BaseModel.__getattr__ and costs seconds at 10,000 entries (ids are read on every sort).
    @property
    def id(self) -> str:
        return self.__pydantic_private__["_id"]  # type: ignore[index]

    @property
    def source(self) -> str:
        return self.__pydantic_private__["_source"]  # type: ignore[index]

    def line_of(self, *path: str | int) -> int | None:
        """The line in the entry's file of a field (or of the nearest enclosing one that is known)."""
        key = tuple(path)
        while key and key not in self._lines:
            key = key[:-1]
        return self._lines.get(key)

    def bind(self, entry_id: str, source: str, lines: dict[tuple, int] | None = None):
        """Give a validated entry its id (the file name), its file and the line of every value in it."""
        self._id = entry_id
        self._source = source
        self._lines = dict(lines or {})
        return self


class Location(Entry):
    """A place (HSDS location with a physical address)."""

    soort: PlaceKind = Field(description="Wat voor plek het is.")
    adres: Address | None = Field(None, description="Het adres van de plek.")
    gemeente: Id = Field(description="Id van de gemeente: den-helder, hollands-kroon, schagen of texel.")
    woonkern: Id = Field(description="Id van de woonkern, bijvoorbeeld julianadorp.")
    wijk: Id | None = Field(None, description="Id van de wijk (alleen in Den Helder).")
    coordinaten: Coordinates = Field(description="Waar de plek ligt op de kaart: lat en lon.")
    toegankelijkheid: list[Access] = Field(default_factory=list, description="Wat er is voor mensen met een beperking.")
    openingstijden: list[OpeningHours] = Field(
        default_factory=list, max_length=guard.MAX_OPENING_HOURS, description="Wanneer de plek open is."
    )

    kind: ClassVar[str] = "plek"

    @property
    def url(self) -> str:
        return url_for("plek", self.id)


class Activity(Entry):
    """An offer or initiative (HSDS service with its organization)."""

    soort: OfferKind = Field(description="Wat voor aanbod het is.")
    samenvatting: Line = Field(max_length=160, description="Eén zin in B1 over wat het is (hoogstens 160 tekens).")
    organisatie: Line = Field(max_length=120, description="Wie het aanbiedt.")
    themas: list[Theme] = Field(min_length=1, description="Een of meer thema's.")
    doelgroepen: list[Audience] = Field(min_length=1, description="Voor wie het is.")
    plekken: list[Id] = Field(
        default_factory=list, max_length=guard.MAX_PLACES, description="Ids van plekken (bestanden in locations/)."
    )
    gebied: list[Id] = Field(
        default_factory=list,
        description=(
            f"Zonder vaste plek: ids van gemeenten, '{REGION_ID}' (hele Kop) of 'onbekend' (niet bekend waar)."
        ),
    )
    schema_: list[ScheduleItem] = Field(
        default_factory=list, alias="schema", max_length=guard.MAX_SCHEDULE_ITEMS, description="Wanneer het is."
    )
    kosten: Cost | None = Field(None, description="Wat het kost. Laat weg als je het niet weet.")
    aanmelden: Registration | None = Field(None, description="Of je je moet aanmelden, en hoe.")
    talen: list[Language] = Field(default_factory=list, description="Talen die je er kunt spreken.")
    inloop: list[ScheduleItem] = Field(
        default_factory=list, description="Wanneer je zonder afspraak kunt binnenlopen (zelfde vorm als schema)."
    )
    bel_112: YesNo = Field(
        False, description="true als de pagina moet zeggen: Bij direct gevaar: bel 112. Bijvoorbeeld bij Veilig Thuis."
    )
    voor_professionals: Text | None = Field(None, description="Hoe een professional iemand doorverwijst.")
    verwijzen: referral.Referral | None = Field(None, description="Wie aanmeldt en hoe. Laat weg als je het niet weet.")
    gezondheid: list[Dimension] = Field(
        default_factory=list, max_length=6, description="Onderdelen van Positieve Gezondheid (hoogstens zes)."
    )

    kind: ClassVar[str] = "aanbod"

    @model_validator(mode="after")
    def _somewhere(self):
        guard.refuse(_offer_problem(self))
        return self

    @property
    def schema(self) -> list[ScheduleItem]:  # type: ignore[override]
        return self.schema_

    @property
    def url(self) -> str:
        return url_for("aanbod", self.id)
