"""What an editor told `wegwijzer nieuw` (flags or answers), checked against the lists and the region."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field

from wegwijzer.core import vocab
from wegwijzer.core.region import REGION_ID, UNKNOWN_AREA, Region
from wegwijzer.core.vocab import ID_RE, slug

FOLDER = {"plek": "locations", "aanbod": "activities"}
LIST_OF_TYPE = {"plek": "plek_soorten", "aanbod": "aanbod_soorten"}


class EditorError(Exception):
    """A wrong answer or flag; the message is for the editor (Dutch)."""


@dataclass
class Answers:
    soort: str = ""  # plek or aanbod
    naam: str = ""
    type: str = ""  # value of the soort field (e.g. buurthuis, activiteit)
    gemeente: str = ""
    woonkern: str = ""
    wijk: str = ""
    id: str = ""
    samenvatting: str = ""
    organisatie: str = ""
    themas: list[str] = field(default_factory=list)
    doelgroepen: list[str] = field(default_factory=list)
    plekken: list[str] = field(default_factory=list)
    gebied: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    straat: str = ""
    huisnummer: str = ""
    postcode: str = ""
    plaats: str = ""
    bron: str = ""
    beheerder: str = ""
    beheerder_email: str = ""
    gecontroleerd_op: dt.date | None = None
    voorbeeld: bool = False


def _pick(value: str, options: list[str], what: str) -> str:
    value = value.strip().lower()
    if value in options:
        return value
    match = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    hint = f" Bedoelde je '{match[0]}'?" if match else ""
    raise EditorError(f"'{value}' is geen {what}.{hint} Kies uit: {', '.join(options)}.")


def check(answers: Answers, region: Region, place_ids: list[str]) -> Answers:
    """Check the given answers against the lists. Raises EditorError with a Dutch message."""
    a = answers
    a.soort = _pick(a.soort, ["plek", "aanbod"], "soort item")
    gemeenten = [g.id for g in region.gemeenten()]
    if a.gemeente:
        a.gemeente = _pick(a.gemeente, gemeenten, "gemeente")
    if a.woonkern:
        kernen = [k.id for k in region.kernen(a.gemeente or None)]
        a.woonkern = _pick(
            slug(a.woonkern) or a.woonkern,
            kernen,
            "woonkern" + (f" in {region.areas[a.gemeente].naam}" if a.gemeente else ""),
        )
        a.gemeente = a.gemeente or region.gemeente_of(a.woonkern).id
    if a.wijk:
        if not a.woonkern:
            raise EditorError("Een wijk hoort bij een woonkern. Geef ook --woonkern.")
        a.wijk = _pick(slug(a.wijk) or a.wijk, [w.id for w in region.wijken(a.woonkern)], "wijk")
    if a.type:
        a.type = _pick(a.type, vocab.keys(LIST_OF_TYPE[a.soort]), "soort " + a.soort)
    a.themas = [_pick(t, vocab.keys("themas"), "thema") for t in a.themas]
    a.doelgroepen = [_pick(d, vocab.keys("doelgroepen"), "doelgroep") for d in a.doelgroepen]
    a.plekken = [_pick(p, place_ids, "plek (een bestand in locations/)") for p in a.plekken]
    a.gebied = [_pick(g, gemeenten + [REGION_ID, UNKNOWN_AREA], "gebied") for g in a.gebied]
    if a.naam and len(a.naam) > 90:
        raise EditorError("De naam is te lang. Maak hem korter dan 91 tekens.")
    if a.id and not ID_RE.match(a.id):
        raise EditorError(
            f"De id '{a.id}' kan niet. Gebruik kleine letters, cijfers en streepjes, "
            f"bijvoorbeeld '{slug(a.id) or 'taalcafe-den-burg'}'."
        )
    return a


# --- writing the file --------------------------------------------------------------------------


def answers_from_args(args) -> Answers:
    checked = None
    if args.gecontroleerd_op:
        if args.gecontroleerd_op == "vandaag":
            checked = dt.date.today()
        else:
            try:
                checked = dt.date.fromisoformat(args.gecontroleerd_op)
            except ValueError:
                raise EditorError(
                    f"'{args.gecontroleerd_op}' is geen datum. Schrijf 2026-11-23 of 'vandaag'."
                ) from None
            if checked > dt.date.today():
                raise EditorError("De datum van controle ligt in de toekomst. Schrijf de datum waarop je het nakeek.")
    return Answers(
        soort=args.soort or "",
        naam=(args.naam or "").strip(),
        type=args.type or "",
        gemeente=args.gemeente or "",
        woonkern=args.woonkern or "",
        wijk=args.wijk or "",
        id=args.id or "",
        samenvatting=(args.samenvatting or "").strip(),
        organisatie=(args.organisatie or "").strip(),
        themas=args.thema or [],
        doelgroepen=args.doelgroep or [],
        plekken=args.plek or [],
        gebied=args.gebied or [],
        lat=args.lat,
        lon=args.lon,
        straat=args.straat or "",
        huisnummer=args.huisnummer or "",
        postcode=args.postcode or "",
        plaats=args.plaats or "",
        bron=(args.bron or "").strip(),
        beheerder=(args.beheerder or "").strip(),
        beheerder_email=args.beheerder_email or "",
        gecontroleerd_op=checked,
        voorbeeld=bool(args.voorbeeld),
    )
