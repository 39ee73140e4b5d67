"""The field types of the entry model: text, one line, ids, times, postcodes, phone numbers, addresses.

Each type is a plain value with a check that explains in Dutch what to write instead. The text
checks (no control characters, no markup, caps on length) live in ``core.guard``. ``core.model``
builds the entries from these types and re-exports the checks other modules use.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo

from wegwijzer.core import guard, vocab
from wegwijzer.core.vocab import ID_RE

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
    """Plain text: no control characters, no markup, no huge lines or words (see core.guard)."""
    value = value.strip()
    guard.refuse(guard.text_problem(value))
    return value


def _one_line(value: str) -> str:
    guard.refuse(guard.control_problem(value, multiline=False))
    return value


def _id_like(value: str) -> str:
    guard.refuse(guard.id_problem(value, bool(ID_RE.match(value)) and len(value) <= vocab.ID_MAX))
    return value


def _time(value: str) -> str:
    value = str(value).strip()
    if re.fullmatch(r"[0-9]:[0-5][0-9]", value):
        value = "0" + value
    if not _TIME_RE.match(value):
        raise ValueError(
            f"'{guard.shown(value)}' is geen bestaande tijd. Schrijf een tijd als \"09:30\" (tussen aanhalingstekens)."
        )
    return value


def _postcode(value: str) -> str:
    clean = str(value).strip().upper()
    match = _POSTCODE_RE.match(clean)
    if not match or match.group(2) in {"SA", "SD", "SS"}:
        raise ValueError(
            f"'{guard.shown(value)}' is geen geldige postcode. "
            "Schrijf vier cijfers en twee letters, bijvoorbeeld 1781 AB."
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
            f"'{guard.shown(value)}' is geen geldig telefoonnummer. Schrijf het hele nummer met netnummer, "
            "bijvoorbeeld 0223 123 456, 06 12345678, 0800 1234, 14 0223 of 112."
        )
    return value


def _email(value: str) -> str:
    value = str(value).strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if not _EMAIL_RE.match(value):
        raise ValueError(f"'{guard.shown(value)}' is geen geldig e-mailadres. Schrijf het zo: naam@voorbeeld.nl.")
    return value


def _website(value: str) -> str:
    value = str(value).strip()
    parts = urlsplit(value)
    bad = parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s\"'<>\\`]", value)
    if bad or len(value) > guard.MAX_URL_CHARS:
        raise ValueError(
            f"'{guard.shown(value)}' is geen geldig webadres. Begin met https://, bijvoorbeeld https://www.voorbeeld.nl."
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


Text = Annotated[str, AfterValidator(_plain_text), Field(min_length=1)]  # may have more lines
Line = Annotated[str, AfterValidator(_plain_text), AfterValidator(_one_line), Field(min_length=1)]
Id = Annotated[str, AfterValidator(_id_like)]
Time = Annotated[str, AfterValidator(_time)]
Postcode = Annotated[str, AfterValidator(_postcode)]
Phone = Annotated[str, AfterValidator(_phone)]
Email = Annotated[str, AfterValidator(_email)]
Url = Annotated[str, AfterValidator(_website)]
YesNo = Annotated[bool, BeforeValidator(_yes_no)]
