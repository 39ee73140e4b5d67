"""Every value an editor can choose, with its label: for `wegwijzer nieuw` and the editors' page.

Made from the controlled lists (``vocab``) and the region, so the page
"Zo voeg je iets toe" can never drift from what ``wegwijzer validate`` accepts.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field

from wegwijzer.core import vocab
from wegwijzer.core.model import ScheduleItem
from wegwijzer.core.region import REGION_ID, UNKNOWN_AREA, Region


def herhaling_values() -> list[str]:
    return list(typing.get_args(ScheduleItem.model_fields["herhaling"].annotation))


@dataclass
class ChoiceList:
    veld: str  # the field an editor writes, e.g. "themas"
    uitleg: str
    waarden: list[tuple[str, str]] = field(default_factory=list)  # (value, label)


def choices(region: Region) -> list[ChoiceList]:
    """Every controlled value an editor can write, with its label, in file order."""

    def of(name):
        return [(k, v["label"]) for k, v in vocab.items(name)]

    out = [
        ChoiceList("soort (bij een plek)", "Wat voor plek het is.", of("plek_soorten")),
        ChoiceList("soort (bij aanbod)", "Wat voor aanbod het is.", of("aanbod_soorten")),
        ChoiceList("themas", "Een of meer onderwerpen. Schrijf ze zo: [taal, ontmoeten].", of("themas")),
        ChoiceList("doelgroepen", "Voor wie het is. Een of meer.", of("doelgroepen")),
        ChoiceList(
            "toegankelijkheid", "Bij een plek: wat er is voor mensen met een beperking.", of("toegankelijkheid")
        ),
        ChoiceList("talen", "Bij aanbod: talen die je er kunt spreken.", of("talen")),
        ChoiceList(
            "verwijzen: wie",
            "Bij aanbod: wie iemand mag aanmelden. Een of meer. Laat weg als je het niet weet.",
            of("verwijzers"),
        ),
        ChoiceList("verwijzen: hoe", "Bij aanbod: hoe je iemand aanmeldt. Een of meer.", of("verwijs_manieren")),
        ChoiceList("dag", "Bij openingstijden en schema.", of("dagen")),
        ChoiceList(
            "herhaling",
            "Bij schema: hoe vaak het is. Zonder herhaling is het elke week.",
            [(h, h.capitalize()) for h in herhaling_values()],
        ),
        ChoiceList("gemeente", "Bij een plek: de gemeente.", [(g.id, g.naam) for g in region.gemeenten()]),
        ChoiceList(
            "gebied",
            "Bij aanbod zonder vaste plek: een gemeente, of de hele regio. Weet je niet waar? Schrijf onbekend.",
            [(g.id, g.naam) for g in region.gemeenten()]
            + [(REGION_ID, "Hele Kop van Noord-Holland"), (UNKNOWN_AREA, "Niet bekend waar")],
        ),
        ChoiceList(
            "evenement",
            "Bij schema met een datum: wat voor bijeenkomst het is. Bij een webinar hoort ook 'link'.",
            of("evenement_soorten"),
        ),
        ChoiceList("gezondheid", "Bij aanbod: waar het bij helpt (Positieve Gezondheid).", of("gezondheid")),
    ]
    for g in region.gemeenten():
        out.append(
            ChoiceList(
                f"woonkern (gemeente {g.naam})",
                f"Bij een plek in {g.naam}.",
                [(k.id, k.naam) for k in region.kernen(g.id)],
            )
        )
    for k in region.kernen():
        wijken = region.wijken(k.id)
        if wijken:
            out.append(ChoiceList(f"wijk (woonkern {k.naam})", "Mag je weglaten.", [(w.id, w.naam) for w in wijken]))
    return out
