"""One row of a spreadsheet, read through its mapping: texts, list values, contact, address, place, time, cost.

Each value is checked the way the model checks it. A value that does not fit is left out with a
note that names the row and the field; the row itself only fails when the model refuses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wegwijzer.core import model
from wegwijzer.core.catalog import distance_km
from wegwijzer.core.guard import shown
from wegwijzer.core.region import Area, Region, inside_region
from wegwijzer.core.vocab import DAYS
from wegwijzer.opendata.hsds_import.contacts import valid
from wegwijzer.opendata.hsds_import.feed import Part
from wegwijzer.opendata.imports.common import (
    Unknown,
    checked_contact,
    gemeente_by_name,
    kern_by_name,
    list_value,
    split_words,
)
from wegwijzer.opendata.imports.mapping import Mapping

_STREET_NUMBER = re.compile(r"^(.*?[^\d\s])\s+(\d+\s*[A-Za-z]?(?:[-/ ]?\w+)?)$")
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(?:uur|u)?$")
_AMOUNT = re.compile(r"^(?:€|eur(?:o)?)?\s*(\d{1,6}(?:[.,]\d{1,2})?)\s*(?:euro|eur|€)?\s*(.*)$", re.I)
_SHORT_DAYS = dict(zip(("ma", "di", "wo", "do", "vr", "za", "zo"), DAYS, strict=True))
_YES = {"ja", "yes", "j", "y", "true", "waar", "1", "x"}
_NO = {"nee", "no", "n", "false", "onwaar", "0"}


def number(text: str) -> float | None:
    """'52,9563' or '52.9563' as a number; None when it is none."""
    try:
        return float(text.replace(",", ".").strip())
    except ValueError:
        return None


@dataclass
class Row:
    mapping: Mapping
    part: Part  # the mapped cells by field name; notes go to the row's item
    number: int
    unknown: Unknown

    @property
    def notes(self) -> list[str]:
        return self.part.notes

    def note(self, text: str) -> None:
        self.notes.append(text)

    def text(self, name: str, one_line: bool = True) -> str | None:
        """The cell of a field (HTML and control characters out), else the field's fixed value."""
        value = self.part.text(name, f"'{name}'", one_line=one_line) if name in self.mapping.columns else None
        if value:
            return value
        fixed = self.mapping.fixed.get(name)
        return fixed if isinstance(fixed, str) else None

    def words(self, name: str) -> list[str]:
        """The list values of a field: each word of its cell through the own words and the list, else the fixed ones."""
        list_name = self.mapping.list_of(name)
        assert list_name is not None
        found: list[str] = []
        for word in split_words(self.text(name, one_line=True) or "") if name in self.mapping.columns else []:
            value = list_value(list_name, word, self.mapping.words.get(name))
            if value is None:
                self.unknown.add(name, list_name, word, f"regel {self.number}")
                self.note(f"{name}: '{shown(word)}' staat niet in de lijst en is niet overgenomen.")
            elif value not in found:
                found.append(value)
        fixed = self.mapping.fixed.get(name)
        return found or (list(fixed) if isinstance(fixed, list) else [])

    def word(self, name: str) -> str | None:
        """One list value (soort): the first word of the cell that is in the list, else the fixed one."""
        list_name = self.mapping.list_of(name)
        assert list_name is not None
        cell = self.part.text(name, f"'{name}'", one_line=True) if name in self.mapping.columns else None
        if cell:
            value = list_value(list_name, cell, self.mapping.words.get(name))
            if value is not None:
                return value
            self.unknown.add(name, list_name, cell, f"regel {self.number}")
            self.note(f"{name}: '{shown(cell)}' staat niet in de lijst.")
        fixed = self.mapping.fixed.get(name)
        return fixed if isinstance(fixed, str) else None


# --- contact --------------------------------------------------------------------------------


def contact(row: Row) -> dict:
    out = checked_contact({key: row.text(key) for key in ("telefoon", "email", "website")}, row.notes)
    hours = row.text("bereikbaar")
    if hours and out:
        out["bereikbaar"] = hours
    elif hours:
        row.note("'bereikbaar' is niet overgenomen: er staat geen telefoon, e-mail of website bij.")
    return {"contact": out} if out else {}


def keeper_email(row: Row) -> str | None:
    value = row.text("beheerder_email")
    if value and not valid(model._email, value):
        row.note(f"E-mailadres van de beheerder '{shown(value)}' is niet overgenomen: het klopt niet.")
        return None
    return value


# --- where ----------------------------------------------------------------------------------


def _coordinates(row: Row) -> tuple[float, float] | None:
    lat_text, lon_text = row.text("lat"), row.text("lon")
    if not lat_text and not lon_text:
        return None
    lat, lon = number(lat_text or ""), number(lon_text or "")
    if lat is None or lon is None or not inside_region(lat, lon):
        row.note(f"Coördinaten '{shown(lat_text)}, {shown(lon_text)}' niet overgenomen: ze liggen niet in de Kop.")
        return None
    return lat, lon


def kern_of(row: Row, region: Region) -> Area | None:
    """The woonkern of a row: from 'woonkern' or 'plaats' (within 'gemeente' when given)."""
    gemeente_text = row.text("gemeente")
    gemeente = gemeente_by_name(region, gemeente_text)
    if gemeente_text and gemeente is None:
        names = ", ".join(g.naam for g in region.gemeenten())
        row.note(f"Gemeente '{shown(gemeente_text)}' ken ik niet. Kies uit: {names}.")
    within = gemeente.id if gemeente else None
    kern_text = row.text("woonkern")
    kern = kern_by_name(region, kern_text, within) or kern_by_name(region, row.text("plaats"), within)
    if kern_text and kern is None:
        row.note(
            f"Woonkern '{shown(kern_text)}' staat niet in de lijst met woonkernen"
            f"{' van ' + gemeente.naam if gemeente else ''} (data/woonkernen.yaml)."
        )
    return kern


def place_point(row: Row, region: Region, name: str) -> tuple[Area, dict] | None:
    """The woonkern and coordinates of a place; the middle of the woonkern (with a note) without coordinates."""
    kern = kern_of(row, region)
    point = _coordinates(row)
    if point is not None:
        lat, lon = point
        if kern is None:
            kern = min(region.kernen(), key=lambda k: (distance_km(lat, lon, k.lat, k.lon), k.id))
            row.note(f"Plek '{shown(name)}': woonkern {kern.naam} gekozen, de dichtstbijzijnde. Controleer dat.")
        return kern, {"lat": lat, "lon": lon}
    if kern is None:
        row.note(f"Plek '{shown(name)}': er staat geen bekende woonkern, plaats of coördinaten bij.")
        return None
    row.note(
        f"Plek '{shown(name)}' heeft geen coördinaten. Het midden van {kern.naam} is gebruikt: "
        "zet de echte plek op de kaart."
    )
    return kern, {"lat": kern.lat, "lon": kern.lon}


def address(row: Row, kern: Area) -> dict | None:
    out: dict = {}
    line = row.text("adres")
    match = _STREET_NUMBER.match(line) if line else None
    if match:
        out["straat"], out["huisnummer"] = match.group(1), match.group(2)
    elif line:
        out["straat"] = line
    for name in ("straat", "huisnummer"):
        if row.text(name):
            out[name] = row.text(name)
    postcode = row.text("postcode")
    if postcode and valid(model._postcode, postcode):
        out["postcode"] = model._postcode(postcode)
    elif postcode:
        row.note(f"Postcode '{shown(postcode)}' is niet overgenomen: hij klopt niet.")
    if not out and not row.text("plaats"):
        return None
    out["plaats"] = row.text("plaats") or kern.naam
    return out


# --- when and what it costs -----------------------------------------------------------------


def _clock(text: str | None) -> str | None:
    match = _CLOCK.match((text or "").strip().lower())
    if not match or int(match.group(1)) > 24:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2) or '00'}"


def _days(row: Row, text: str) -> list[str] | None:
    days = []
    for word in split_words(text):
        day = _SHORT_DAYS.get(word.lower().rstrip(".")) or list_value("dagen", word)
        if day is None:
            row.note(f"Tijd niet overgenomen: '{shown(word)}' is geen dag van de week.")
            return None
        days.append(day)
    return days


def schedule(row: Row) -> dict:
    """One weekly time from the columns 'dag', 'van' and 'tot' (more days: 'di, do')."""
    day_text, van_text, tot_text = row.text("dag"), row.text("van"), row.text("tot")
    if not (day_text or van_text or tot_text):
        return {}
    days = _days(row, day_text or "")
    van, tot = _clock(van_text), _clock(tot_text)
    if not days or not van or not tot:
        if days is not None:
            row.note(
                f"Tijd niet overgenomen ('{shown(day_text)}', '{shown(van_text)}', '{shown(tot_text)}'): "
                "vul dag, van en tot in."
            )
        return {}
    if tot <= van:
        row.note(f"Tijd niet overgenomen: de eindtijd {tot} ligt niet na de begintijd {van}.")
        return {}
    return {"schema": [{"dag": day, "van": van, "tot": tot} for day in days]}


def cost(row: Row) -> dict:
    text = row.text("kosten")
    if not text:
        return {}
    low = text.casefold()
    if low.startswith("gratis") or low in ("0", "€ 0", "€0", "0,00"):
        rest = text[len("gratis") :].strip(" .,-:") if low.startswith("gratis") else ""
        return {"kosten": {"gratis": True, **({"uitleg": rest} if rest else {})}}
    match = _AMOUNT.match(text)
    amount = number(match.group(1)) if match else None
    if match and amount is not None:
        rest = match.group(2).strip(" .,-:")
        return {"kosten": {"bedrag": amount, **({"uitleg": rest} if rest else {})}}
    return {"kosten": {"uitleg": text}}


def registration(row: Row) -> dict:
    text = row.text("aanmelden")
    if not text:
        return {}
    if text.casefold() in _YES | _NO:
        return {"aanmelden": {"nodig": text.casefold() in _YES}}
    row.note(f"Aanmelden '{shown(text)}' is niet overgenomen: schrijf ja of nee.")
    return {}
