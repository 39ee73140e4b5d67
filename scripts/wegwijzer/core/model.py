"""The entry model: one place (``locations/``) or one offer (``activities/``), shaped like Open Referral
HSDS 3.0: a Location is an HSDS location; an Activity an HSDS service with its organization, its places
(``plekken``) and its schedules (``schema``). Field names are plain Dutch without accents, as editors type them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal, TypeAlias
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from wegwijzer.core import vocab
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
_HTML_RE = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_TIME_RE = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$|^24:00$")
_POSTCODE_RE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$")
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_PHONE_PATTERNS = [
    re.compile(r"^0[1-9][0-9]{8}$"),  # 0223 123456, 06 12345678, 088 0767000
    re.compile(r"^\+31[1-9][0-9]{8}$"),
    re.compile(r"^(?:0|\+31)(?:800|900|906|909)[0-9]{4,7}$"),  # free and paid service numbers: 0800 2000
    re.compile(r"^140[0-9]{2,3}$"),  # 14 0223: municipal short number
    re.compile(r"^11[23]$"),  # 112 (emergencies), 113 (suicide prevention)
    re.compile(r"^\+(?!31)[1-9][0-9]{7,14}$"),  # other countries
]


# --- field checks (messages in Dutch, shown to editors) -------------------------------


def _plain_text(value: str) -> str:
    value = value.strip()
    match = _HTML_RE.search(value)
    if match:
        raise ValueError(
            f"Gebruik geen HTML in een tekst (gevonden: '{match.group(0)[:40]}'). "
            "Schrijf gewone tekst. Voor vet gebruik **woord**, voor een link [tekst](https://...)."
        )
    if re.search(r"\]\(\s*(?!https?:|mailto:|tel:)[a-zA-Z][a-zA-Z0-9+.-]*:", value):
        raise ValueError("Een link mag alleen beginnen met https://, http://, mailto: of tel:.")
    return value


def _time(value: str) -> str:
    value = str(value).strip()
    if re.fullmatch(r"[0-9]:[0-5][0-9]", value):
        value = "0" + value
    if not _TIME_RE.match(value):
        raise ValueError(f"'{value}' is geen bestaande tijd. Schrijf een tijd als \"09:30\" (tussen aanhalingstekens).")
    return value


def _postcode(value: str) -> str:
    clean = str(value).strip().upper()
    match = _POSTCODE_RE.match(clean)
    if not match or match.group(2) in {"SA", "SD", "SS"}:
        raise ValueError(
            f"'{value}' is geen geldige postcode. Schrijf vier cijfers en twee letters, bijvoorbeeld 1781 AB."
        )
    return f"{match.group(1)} {match.group(2)}"


def phone_digits(value: str) -> str:
    """A phone number without spaces, dashes, dots and brackets; 0031 written as +31: '0800-2000' -> '08002000'."""
    digits = re.sub(r"[\s\-().]", "", str(value).strip())
    return "+31" + digits[4:] if digits.startswith("0031") else digits


def _phone(value: str) -> str:
    value = str(value).strip()
    digits = phone_digits(value)
    if not any(p.match(digits) for p in _PHONE_PATTERNS):
        raise ValueError(
            f"'{value}' is geen geldig telefoonnummer. Schrijf het hele nummer met netnummer, "
            "bijvoorbeeld 0223 123 456, 06 12345678, 0800 1234, 14 0223 of 112."
        )
    return value


def _email(value: str) -> str:
    value = str(value).strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if not _EMAIL_RE.match(value):
        raise ValueError(f"'{value}' is geen geldig e-mailadres. Schrijf het zo: naam@voorbeeld.nl.")
    return value


def _website(value: str) -> str:
    value = str(value).strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s\"'<>\\`]", value):
        raise ValueError(
            f"'{value}' is geen geldig webadres. Begin met https://, bijvoorbeeld https://www.voorbeeld.nl."
        )
    return value


def _end_after_start(tot: str, info: ValidationInfo) -> str:
    van = info.data.get("van")
    if van is not None and tot <= van:
        raise ValueError(f"De eindtijd ({tot}) ligt niet na de begintijd ({van}). Zet 'tot' later dan 'van'.")
    return tot


def _yes_no(value):
    if isinstance(value, str) and value.strip().lower() in {"ja", "nee"}:
        return value.strip().lower() == "ja"
    return value


def _not_future(value: dt.date | None) -> dt.date | None:
    if value and value > dt.date.today():
        raise ValueError(
            f"{value.isoformat()} ligt in de toekomst. Schrijf de datum waarop iemand het echt controleerde."
        )
    return value


Text = Annotated[str, AfterValidator(_plain_text), Field(min_length=1)]
Time = Annotated[str, AfterValidator(_time)]
Postcode = Annotated[str, AfterValidator(_postcode)]
Phone = Annotated[str, AfterValidator(_phone)]
Email = Annotated[str, AfterValidator(_email)]
Url = Annotated[str, AfterValidator(_website)]
YesNo = Annotated[bool, BeforeValidator(_yes_no)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


# --- parts ----------------------------------------------------------------------------


class Address(Strict):
    """HSDS address (physical)."""

    straat: Text | None = Field(None, description="Straatnaam, zonder huisnummer.", examples=["Keizerstraat"])
    huisnummer: str | None = Field(None, description="Huisnummer met toevoeging.", examples=["12a"])
    postcode: Postcode | None = Field(None, description="Postcode: vier cijfers en twee letters.", examples=["1781 AB"])
    plaats: Text = Field(description="De plaats zoals op een brief.", examples=["Den Helder"])

    @model_validator(mode="before")
    @classmethod
    def _number_as_text(cls, data):
        if isinstance(data, dict) and isinstance(data.get("huisnummer"), (int, float)):
            data = {**data, "huisnummer": str(data["huisnummer"])}
        return data

    @model_validator(mode="after")
    def _number_needs_street(self):
        if self.huisnummer and not self.straat:
            raise ValueError("Je schreef een huisnummer zonder straat. Vul ook 'straat' in.")
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
        if not inside_region(self.lat, self.lon):
            raise ValueError(
                f"De plek ({self.lat}, {self.lon}) ligt niet in de Kop van Noord-Holland. "
                "Controleer de coördinaten: lat is ongeveer 52.7 tot 53.2, lon ongeveer 4.6 tot 5.3. "
                "Draai ze niet om."
            )
        return self


class Contact(Strict):
    """HSDS phones, email and url."""

    telefoon: Phone | None = Field(None, description="Telefoonnummer met netnummer.", examples=["0223 123 456"])
    email: Email | None = Field(None, description="E-mailadres.", examples=["info@voorbeeld.nl"])
    website: Url | None = Field(
        None, description="Webadres, begint met https://.", examples=["https://www.voorbeeld.nl"]
    )
    bereikbaar: Text | None = Field(
        None, max_length=200, description="Wanneer je kunt bellen of mailen. Alleen als je het zeker weet."
    )

    @property
    def reachable(self) -> bool:
        """True when it gives a way to act: a phone number, an e-mail address or a website."""
        return bool(self.telefoon or self.email or self.website)

    @model_validator(mode="after")
    def _hours_need_a_way(self):
        if self.bereikbaar and not self.reachable:
            raise ValueError(
                "Je schreef wanneer iemand bereikbaar is, maar niet hoe. Vul telefoon, email of website in."
            )
        return self


class OpeningHours(Strict):
    """HSDS schedule of a location (weekly)."""

    dag: Day = Field(description="Dag van de week, bijvoorbeeld maandag.")
    van: Time = Field(description='Begintijd, bijvoorbeeld "09:00".')
    tot: Time = Field(description='Eindtijd, bijvoorbeeld "12:00".')
    opmerking: Text | None = Field(None, description="Korte opmerking, bijvoorbeeld: alleen in de schoolweken.")

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
    plek: str | None = Field(None, description="Id van de plek, als het aanbod op meer plekken is.")
    opmerking: Text | None = Field(None, description="Korte opmerking, bijvoorbeeld: niet in de zomer.")
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
        if (self.dag is None) == (self.datum is None):
            raise ValueError(
                "Vul 'dag' in (iets dat terugkomt) of 'datum' (iets dat één keer is), "
                "niet allebei en niet geen van beide."
            )
        if self.datum is not None and ("herhaling" in self.model_fields_set or self.week is not None):
            raise ValueError("Bij één datum horen geen 'herhaling' en 'week'. Haal die weg.")
        if self.herhaling == "maandelijks" and self.week is None:
            raise ValueError("Bij maandelijks hoort 'week': 1, 2, 3, 4 of -1 (de laatste week van de maand).")
        if self.herhaling != "maandelijks" and self.week is not None:
            raise ValueError(
                "'week' hoort alleen bij herhaling: maandelijks. Haal 'week' weg of zet herhaling op maandelijks."
            )
        if self.start and self.eind and self.eind < self.start:
            raise ValueError(f"De einddatum ({self.eind}) ligt voor de startdatum ({self.start}). Draai ze om.")
        return self


class Cost(Strict):
    """HSDS cost_options: free, or an amount with an explanation."""

    gratis: YesNo | None = Field(None, description="true als het niets kost.")
    bedrag: float | None = Field(None, ge=0, description="Bedrag in euro, bijvoorbeeld 2.50.")
    uitleg: Text | None = Field(None, description="Uitleg, bijvoorbeeld: per keer, koffie is gratis.")

    @model_validator(mode="after")
    def _one_of(self):
        if self.gratis and self.bedrag:
            raise ValueError("Je schreef gratis én een bedrag. Kies één van de twee.")
        if not self.gratis and self.bedrag is None and not self.uitleg:
            raise ValueError("Schrijf 'gratis: true', of een 'bedrag' met 'uitleg'.")
        return self

    @property
    def free(self) -> bool:
        return bool(self.gratis) or self.bedrag == 0


class Registration(Strict):
    nodig: YesNo = Field(description="true als je je moet aanmelden, false als je gewoon kunt komen.")
    hoe: Text | None = Field(None, description="Hoe je je aanmeldt, in één of twee zinnen.")


# --- entries ---------------------------------------------------------------------------


class Entry(Strict):
    """Fields every entry has: where the facts come from and who keeps them."""

    kind: ClassVar[str] = ""  # "plek" or "aanbod"

    naam: Text = Field(max_length=90, description="De naam zoals mensen hem kennen.")
    voorbeeld: bool = Field(False, description="true als dit item verzonnen is om de site te laten zien.")
    beschrijving: Text | None = Field(None, description="Uitleg in B1: korte zinnen, gewone woorden.")
    organisatie: Text | None = Field(None, description="Wie het aanbiedt of wie de plek beheert.")
    contact: Contact | None = Field(None, description="Telefoon, e-mail en website. Laat weg wat je niet weet.")
    bron: Text = Field(description="Waar de gegevens vandaan komen, bijvoorbeeld een website of een gesprek.")
    gecontroleerd_op: dt.date | None = Field(
        None, description="Datum (JJJJ-MM-DD) waarop iemand de gegevens controleerde. Leeg als dat nog niet is gebeurd."
    )
    beheerder: Text = Field(description="Wie dit item bijhoudt (organisatie of naam).")
    beheerder_email: Email | None = Field(None, description="E-mailadres voor meldingen over dit item.")

    _id: str = PrivateAttr("")
    _source: str = PrivateAttr("")
    _lines: dict[tuple, int] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _checked_not_future(self):
        _not_future(self.gecontroleerd_op)
        return self

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
    gemeente: str = Field(description="Id van de gemeente: den-helder, hollands-kroon, schagen of texel.")
    woonkern: str = Field(description="Id van de woonkern, bijvoorbeeld julianadorp.")
    wijk: str | None = Field(None, description="Id van de wijk (alleen in Den Helder).")
    coordinaten: Coordinates = Field(description="Waar de plek ligt op de kaart: lat en lon.")
    toegankelijkheid: list[Access] = Field(default_factory=list, description="Wat er is voor mensen met een beperking.")
    openingstijden: list[OpeningHours] = Field(default_factory=list, description="Wanneer de plek open is.")

    kind: ClassVar[str] = "plek"

    @property
    def url(self) -> str:
        return url_for("plek", self.id)


class Activity(Entry):
    """An offer or initiative (HSDS service with its organization)."""

    soort: OfferKind = Field(description="Wat voor aanbod het is.")
    samenvatting: Text = Field(max_length=160, description="Eén zin in B1 over wat het is (hoogstens 160 tekens).")
    organisatie: Text = Field(description="Wie het aanbiedt.")
    themas: list[Theme] = Field(min_length=1, description="Een of meer thema's.")
    doelgroepen: list[Audience] = Field(min_length=1, description="Voor wie het is.")
    plekken: list[str] = Field(default_factory=list, description="Ids van plekken (bestanden in locations/).")
    gebied: list[str] = Field(
        default_factory=list,
        description=(
            f"Zonder vaste plek: ids van gemeenten, '{REGION_ID}' (hele Kop) of 'onbekend' (niet bekend waar)."
        ),
    )
    schema_: list[ScheduleItem] = Field(default_factory=list, alias="schema", description="Wanneer het is.")
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
    gezondheid: list[Dimension] = Field(default_factory=list, description="Onderdelen van Positieve Gezondheid.")

    kind: ClassVar[str] = "aanbod"

    @model_validator(mode="after")
    def _somewhere(self):
        if not self.plekken and not self.gebied:
            raise ValueError(
                "Vul 'plekken' in (ids van plekken) of 'gebied' (een gemeente of 'regio'), "
                "zodat mensen weten waar het is."
            )
        if "\n" in self.samenvatting:
            raise ValueError("De samenvatting is één zin op één regel.")
        return self

    @property
    def schema(self) -> list[ScheduleItem]:  # type: ignore[override]
        return self.schema_

    @property
    def url(self) -> str:
        return url_for("aanbod", self.id)
