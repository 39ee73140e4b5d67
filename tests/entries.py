"""Valid example entries for tests; each test changes one thing to check one rule."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

PLACE = {
    "naam": "Buurtkamer Test",
    "soort": "buurtkamer",
    "adres": {"straat": "Keizerstraat", "huisnummer": "1", "postcode": "1781 AB", "plaats": "Den Helder"},
    "gemeente": "den-helder",
    "woonkern": "den-helder-stad",
    "coordinaten": {"lat": 52.957, "lon": 4.76},
    "openingstijden": [{"dag": "maandag", "van": "09:00", "tot": "12:00"}],
    "contact": {"telefoon": "0223 123 456", "email": "info@voorbeeld.nl", "website": "https://www.voorbeeld.nl"},
    "bron": "Test",
    "beheerder": "Test",
}

OFFER = {
    "naam": "Taalcafé Test",
    "soort": "activiteit",
    "samenvatting": "Oefen Nederlands praten met andere mensen.",
    "organisatie": "Bibliotheek",
    "themas": ["taal"],
    "doelgroepen": ["nieuwkomers"],
    "plekken": ["buurtkamer-test"],
    "schema": [{"dag": "dinsdag", "van": "10:00", "tot": "12:00"}],
    "kosten": {"gratis": True},
    "aanmelden": {"nodig": False},
    "bron": "Test",
    "beheerder": "Test",
}


def place(**changes) -> dict:
    data = copy.deepcopy(PLACE)
    data.update(changes)
    return data


def offer(**changes) -> dict:
    data = copy.deepcopy(OFFER)
    data.update(changes)
    return data


def write_project(root: Path, places: dict[str, dict | str], offers: dict[str, dict | str]) -> Path:
    """Write entries (dicts, or raw YAML text) into root/locations and root/activities."""
    for folder, items in (("locations", places), ("activities", offers)):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for name, data in items.items():
            text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            filename = name if "." in name else f"{name}.yaml"
            (root / folder / filename).write_text(text, encoding="utf-8")
    return root
