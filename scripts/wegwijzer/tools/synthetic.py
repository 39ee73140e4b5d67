"""Synthetic entries for benchmarks and load tests. Clearly fake, never shipped.

Every synthetic entry is marked `voorbeeld: true`, named "Synthetisch ..." and
written to a temporary folder, never to locations/ or activities/.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from wegwijzer.core import vocab
from wegwijzer.core.region import load_region

WORDS = [
    "koffie",
    "ontmoeting",
    "taal",
    "bewegen",
    "wandelen",
    "computerhulp",
    "formulieren",
    "geldzaken",
    "koken",
    "zingen",
    "breien",
    "lezen",
    "spelletjes",
    "tuinieren",
    "fietsen",
    "muziek",
    "creatief",
    "huiswerk",
    "opvoeding",
    "mantelzorg",
    "inloop",
    "spreekuur",
    "yoga",
    "schaken",
    "repair",
]


def generate(folder: Path, n: int, seed: int = 2026) -> tuple[int, int]:
    """Write n synthetic entries (a third places, the rest offers). Returns (places, offers)."""
    rnd = random.Random(seed)
    region = load_region()
    lists = vocab.LISTS
    kernen = region.kernen()
    n_places = max(1, n // 3)
    n_offers = n - n_places
    (folder / "locations").mkdir(parents=True, exist_ok=True)
    (folder / "activities").mkdir(parents=True, exist_ok=True)
    place_ids = []
    for i in range(n_places):
        kern = rnd.choice(kernen)
        pid = f"synthetisch-plek-{i:05d}"
        place_ids.append(pid)
        data = {
            "naam": f"Synthetisch {rnd.choice(['Buurthuis', 'Dorpshuis', 'Buurtkamer', 'Steunpunt'])} {i}",
            "soort": rnd.choice(list(lists["plek_soorten"])),
            "voorbeeld": True,
            "beschrijving": "Synthetisch item voor een meting. " + " ".join(rnd.sample(WORDS, 6)) + ".",
            "adres": {"plaats": kern.naam},
            "gemeente": kern.parent,
            "woonkern": kern.id,
            "coordinaten": {
                "lat": round(kern.lat + rnd.uniform(-0.01, 0.01), 5),
                "lon": round(kern.lon + rnd.uniform(-0.015, 0.015), 5),
            },
            "toegankelijkheid": rnd.sample(list(lists["toegankelijkheid"]), 2),
            "openingstijden": [{"dag": d, "van": "09:00", "tot": "17:00"} for d in rnd.sample(list(lists["dagen"]), 3)],
            "bron": "Synthetisch: gemaakt door wegwijzer bench.",
            "beheerder": "Benchmark",
        }
        (folder / "locations" / f"{pid}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for i in range(n_offers):
        words = rnd.sample(WORDS, 3)
        schedule = [{"dag": rnd.choice(list(lists["dagen"])), "van": "10:00", "tot": "12:00"}]
        data = {
            "naam": f"Synthetisch {words[0]} {i}",
            "soort": rnd.choice(list(lists["aanbod_soorten"])),
            "voorbeeld": True,
            "samenvatting": f"Synthetisch aanbod over {words[0]}, {words[1]} en {words[2]}.",
            "beschrijving": "Synthetisch item voor een meting. " + " ".join(rnd.sample(WORDS, 10)) + ".",
            "organisatie": f"Synthetische organisatie {i % 50}",
            "themas": rnd.sample(list(lists["themas"]), 2),
            "doelgroepen": rnd.sample(list(lists["doelgroepen"]), 2),
            "plekken": [rnd.choice(place_ids)],
            "schema": schedule,
            "kosten": {"gratis": True} if rnd.random() < 0.7 else {"bedrag": 2.5, "uitleg": "per keer"},
            "aanmelden": {"nodig": rnd.random() < 0.3},
            "bron": "Synthetisch: gemaakt door wegwijzer bench.",
            "beheerder": "Benchmark",
        }
        (folder / "activities" / f"synthetisch-aanbod-{i:05d}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )
    return n_places, n_offers
