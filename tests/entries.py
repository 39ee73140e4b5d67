"""Valid example entries for tests; each test changes one thing to check one rule."""

from __future__ import annotations

import copy
import os
import shutil
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


def _without_guides(folder: str, names: list[str]) -> list[str]:
    return ["gids"] if Path(folder) == ROOT / "content" else []


def link_site(root: Path, names: tuple[str, ...] = SITE_FILES) -> Path:
    """Symlink the site's own files (templates, packages, mkdocs.yml) into a test project; copy its pages.

    content/ is copied without the guides (content/gids/): a guide names offers of the shipped data,
    which a test project does not have, so its check would fail there. A copy, not links file by file:
    the build refuses a content file that links out of the project (site.security).
    """
    for name in names:
        source = ROOT / name
        if not source.exists():
            continue
        if name == "content":
            shutil.copytree(source, root / name, ignore=_without_guides)
        else:
            os.symlink(source, root / name)
    return root
