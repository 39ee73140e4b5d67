"""What the CSV, ICS and OpenStreetMap importers share: reading the input, the controlled lists, the region.

Every value comes from outside and is hostile: texts go through ``hsds_import.feed.Part`` (HTML and
control characters out, with a note), every entry through the checked write path
(``hsds_import.write``). Nothing here writes a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from wegwijzer.core import model, vocab
from wegwijzer.core.duplicates import normalise
from wegwijzer.core.files import FileProblem, read_limited
from wegwijzer.core.guard import shown
from wegwijzer.core.region import Area, Region
from wegwijzer.opendata.hsds_import.contacts import valid
from wegwijzer.opendata.hsds_import.feed import FeedProblem

MAX_INPUT_BYTES = 20 * 1024 * 1024  # a list of 10,000 rows or a year of events is a few MB


def read_input(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input file (a regular file, bounded); FeedProblem (Dutch) otherwise."""
    try:
        raw = read_limited(Path(path), max_bytes)
    except FileProblem as exc:
        raise FeedProblem(f"{shown(Path(path).name)}: {exc.message}") from None
    if not raw.strip():
        raise FeedProblem(f"{shown(Path(path).name)} is leeg. Er is niets ingelezen.")
    return raw


def entry_tail(bron: str, beheerder: str | None, beheerder_email: str | None = None) -> dict:
    """The last fields of every imported entry: where it comes from, not checked yet, who keeps it."""
    out: dict = {"bron": bron, "gecontroleerd_op": None}
    if beheerder:
        out["beheerder"] = beheerder[:120].strip()
    if beheerder_email:
        out["beheerder_email"] = beheerder_email
    return out


# --- contact ---------------------------------------------------------------------------------

CONTACT_CHECKS = (
    ("telefoon", model._phone, "Telefoonnummer"),
    ("email", model._email, "E-mailadres"),
    ("website", model._website, "Webadres"),
)
LOST_ZERO = " Stond het als getal in de spreadsheet? Dan is de 0 aan het begin weggevallen."


def checked_contact(values: dict[str, str | None], notes: list[str], where: str = "") -> dict:
    """Our telefoon, email and website, each checked like the model does; a note for each value refused."""
    out = {}
    for key, check, what in CONTACT_CHECKS:
        value = (values.get(key) or "").strip()
        if not value:
            continue
        if valid(check, value):
            out[key] = value
            continue
        hint = LOST_ZERO if key == "telefoon" and value.isdigit() and not value.startswith("0") else ""
        notes.append(f"{where}{what} '{shown(value)}' is niet overgenomen: het klopt niet.{hint}")
    return out


# --- controlled lists -----------------------------------------------------------------------

_SPLIT = re.compile(r"\s*[,;/|\n]\s*")


def allowed(list_name: str) -> str:
    """'ontmoeten, gezondheid, ...': the values of a list, for a message."""
    return ", ".join(vocab.keys(list_name))


def list_value(list_name: str, word: str, own: dict[str, str] | None = None) -> str | None:
    """The key in a controlled list for a word: own words first, then the key, the label or its slug."""
    wanted = word.strip().casefold()
    for key, value in (own or {}).items():
        if key.strip().casefold() == wanted:
            return value
    for key, item in vocab.items(list_name):
        if wanted in (key, item["label"].casefold()) or vocab.slug(word) == key:
            return key
    return None


def split_words(text: str) -> list[str]:
    """The values in one cell: 'taal, werk / geld' -> ['taal', 'werk', 'geld']."""
    return [w for w in _SPLIT.split(text.strip()) if w]


@dataclass
class Unknown:
    """Words that are in no controlled list, per field: reported once for the whole file."""

    words: dict[tuple[str, str], dict[str, list[str]]] = field(default_factory=dict)  # (field, list) -> word -> where

    def add(self, field_name: str, list_name: str, word: str, where: str) -> None:
        self.words.setdefault((field_name, list_name), {}).setdefault(shown(word), []).append(where)

    def notes(self) -> list[str]:
        out = []
        for (field_name, list_name), words in self.words.items():
            found = "; ".join(
                f"'{w}' ({', '.join(where[:5])}{' ...' if len(where) > 5 else ''})" for w, where in words.items()
            )
            out.append(
                f"Niet in de lijst '{list_name}' (veld {field_name}): {found}. Toegestaan: {allowed(list_name)}. "
                "Staat er een ander woord voor hetzelfde? "
                f"Zet het onder 'waarden: {field_name}:' in het mappingbestand."
            )
        return out


# --- the region -----------------------------------------------------------------------------


def kern_by_name(region: Region, text: str | None, gemeente: str | None = None) -> Area | None:
    """A woonkern by its id or name ('Den Burg', 'den-burg'); within one gemeente when given."""
    if not text:
        return None
    wanted = normalise(text)
    for kern in region.kernen(gemeente):
        if wanted in (normalise(kern.naam), normalise(kern.id)):
            return kern
    return None


def gemeente_by_name(region: Region, text: str | None) -> Area | None:
    """A gemeente by its id or name, with or without 'gemeente' in front."""
    if not text:
        return None
    wanted = normalise(re.sub(r"^\s*gemeente\s+", "", text, flags=re.I))
    return next((g for g in region.gemeenten() if wanted in (normalise(g.naam), normalise(g.id))), None)
