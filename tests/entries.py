"""Valid example entries for tests; each test changes one thing to check one rule."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SITE_FILES = ("content", "overrides", "node_modules", "mkdocs.yml")

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


def link_site(root: Path, names: tuple[str, ...] = SITE_FILES) -> Path:
    """Symlink the site's own files (pages, templates, packages, mkdocs.yml) into a test project.

    content/ is linked file by file without the guides (content/gids/): a guide names offers of the
    shipped data, which a test project does not have, so its check would fail there.
    """
    for name in names:
        source = ROOT / name
        if not source.exists():
            continue
        if name == "content":
            (root / name).mkdir(exist_ok=True)
            for child in source.iterdir():
                if child.name != "gids":
                    os.symlink(child, root / name / child.name)
        else:
            os.symlink(source, root / name)
    return root
