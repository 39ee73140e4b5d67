"""The controlled vocabulary, in one place: the lists editors choose from, weekdays and slugs.

The lists live in ``data/lijsten.yaml`` so editors can change them without code. Every
module that needs a list, a label, a weekday code or an id made from a name asks here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from wegwijzer.core import yamlsafe

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LIST_NAMES = (
    "plek_soorten",
    "aanbod_soorten",
    "themas",
    "doelgroepen",
    "toegankelijkheid",
    "talen",
    "dagen",
    "verwijzers",
    "verwijs_manieren",
    "evenement_soorten",  # the kind of a dated item: voorlichting, webinar, ...
    "gezondheid",  # the six dimensions of Positieve Gezondheid
)


@cache
def load_lists(data_dir: Path = DATA_DIR) -> dict[str, dict[str, dict[str, str]]]:
    """Every controlled list: {list name: {key: {"label": ..., "uitleg": ...}}}, in file order."""
    data = yamlsafe.read(data_dir / "lijsten.yaml").data
    if not isinstance(data, dict) or any(name not in data for name in LIST_NAMES):
        raise ValueError(f"lijsten.yaml: deze lijsten moeten erin staan: {', '.join(LIST_NAMES)}.")
    return data


LISTS = load_lists()


def _themes_112() -> tuple[str, ...]:
    """The themes whose pages say "Bij direct gevaar: bel 112" (``bel_112_bij_themas`` in lijsten.yaml)."""
    themes = tuple(LISTS.get("bel_112_bij_themas") or ())
    unknown = [t for t in themes if t not in LISTS["themas"]]
    if unknown:
        raise ValueError(
            f"lijsten.yaml, bel_112_bij_themas: '{unknown[0]}' is geen thema. Kies uit: {', '.join(LISTS['themas'])}."
        )
    return themes


THEMES_112 = _themes_112()


def keys(list_name: str) -> list[str]:
    """The values an editor may write, in file order."""
    return list(LISTS[list_name])


def items(list_name: str) -> list[tuple[str, dict[str, str]]]:
    return list(LISTS[list_name].items())


def label(list_name: str, key: str) -> str:
    return LISTS[list_name][key]["label"]


def explanation(list_name: str, key: str) -> str:
    """The longer explanation of a value, or its label when the list has none."""
    item = LISTS[list_name][key]
    return item.get("uitleg") or item["label"]


def choice_type(list_name: str) -> Any:
    """A Literal type of the values of one list, for the model (checked when an entry is read)."""
    return Literal[tuple(keys(list_name))]


if TYPE_CHECKING:  # type checkers see plain text
    EventKind: TypeAlias = str
    Dimension: TypeAlias = str
else:
    EventKind = choice_type("evenement_soorten")  # schema, evenement: what a dated item is
    Dimension = choice_type("gezondheid")  # aanbod, gezondheid: a dimension of Positieve Gezondheid


# --- weekdays -----------------------------------------------------------------------------

DAYS: tuple[str, ...] = tuple(keys("dagen"))  # maandag first, like date.weekday()
_ICAL = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ENGLISH = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ICAL_DAY: dict[str, str] = dict(zip(DAYS, _ICAL, strict=True))  # maandag -> MO (RFC 5545 BYDAY)
DAY_OF_ICAL: dict[str, str] = {code: day for day, code in ICAL_DAY.items()}  # MO -> maandag
SCHEMA_DAY: dict[str, str] = dict(zip(DAYS, _ENGLISH, strict=True))  # maandag -> Monday (schema.org)
DAY_NUMBER: dict[str, int] = {day: i for i, day in enumerate(DAYS)}  # maandag -> 0


def weekday(day: dt.date) -> str:
    """The Dutch name of the weekday of a date: 'dinsdag'."""
    return DAYS[day.weekday()]


# --- slugs and ids ------------------------------------------------------------------------

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX = 60


def slug(text: str, limit: int = ID_MAX) -> str:
    """An id made from a name: 'Taalcafé Den Burg' -> 'taalcafe-den-burg'. Empty for a name without letters."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:limit].strip("-")
