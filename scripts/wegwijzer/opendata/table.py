"""``aanbod.csv``: one row per offer, UTF-8 with BOM and ';' so Dutch Excel opens it.

``csv_document`` is the project's one CSV dialect: every CSV file the project writes
(the open data, ``wegwijzer verouderd --formaat csv``) goes through it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterable, Sequence

from wegwijzer.core import describe, referral
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.guard import safe_cell
from wegwijzer.opendata.ids import page_url, service_uid

CSV_COLUMNS = [
    "id",
    "uuid",
    "naam",
    "soort",
    "samenvatting",
    "beschrijving",
    "organisatie",
    "themas",
    "doelgroepen",
    "plekken",
    "plek_namen",
    "adressen",
    "woonkernen",
    "gemeenten",
    "gebied",
    "wanneer",
    "kosten",
    "gratis",
    "aanmelden",
    "voor_professionals",
    *referral.CSV_COLUMNS,
    "talen",
    "telefoon",
    "email",
    "website",
    "bereikbaar",
    "inloop",
    "pagina",
    "bron",
    "gecontroleerd_op",
    "voorbeeld",
]


def csv_rows(cat: Catalog, base: str = "") -> list[dict]:
    rows = []
    for act in cat.activities.values():
        places = cat.places_of(act)
        contact = act.contact
        rows.append(
            {
                "id": act.id,
                "uuid": service_uid(act),
                "naam": act.naam,
                "soort": act.soort,
                "samenvatting": act.samenvatting,
                "beschrijving": act.beschrijving or "",
                "organisatie": act.organisatie,
                "themas": ", ".join(act.themas),
                "doelgroepen": ", ".join(act.doelgroepen),
                "plekken": ", ".join(p.id for p in places),
                "plek_namen": " | ".join(p.naam for p in places),
                "adressen": " | ".join(p.adres.one_line() if p.adres else "" for p in places),
                "woonkernen": ", ".join(cat.kernen_of(act)),
                "gemeenten": ", ".join(cat.gemeenten_of(act)),
                "gebied": ", ".join(act.gebied),
                "wanneer": " | ".join(describe.schedule_line(i) for i in act.schema),
                "kosten": describe.cost_text(act.kosten) if act.kosten else "",
                "gratis": ("ja" if act.kosten.free else "nee") if act.kosten else "",
                "aanmelden": (
                    ""
                    if act.aanmelden is None
                    else ("nodig" if act.aanmelden.nodig else "niet nodig")
                    + (f": {act.aanmelden.hoe}" if act.aanmelden.hoe else "")
                ),
                "voor_professionals": act.voor_professionals or "",
                **referral.csv_cells(act.verwijzen),
                "talen": ", ".join(act.talen),
                "telefoon": contact.telefoon or "" if contact else "",
                "email": contact.email or "" if contact else "",
                "website": contact.website or "" if contact else "",
                "bereikbaar": contact.bereikbaar or "" if contact else "",
                "inloop": " | ".join(describe.schedule_line(i) for i in act.inloop),
                "pagina": page_url(base, act.url),
                "bron": act.bron,
                "gecontroleerd_op": act.gecontroleerd_op.isoformat() if act.gecontroleerd_op else "",
                "voorbeeld": "ja" if act.voorbeeld else "nee",
            }
        )
    return rows


def csv_document(header: Sequence[str], rows: Iterable[Sequence[str]], phone_columns: Collection[str] = ()) -> str:
    """A CSV file as Dutch Excel opens it: UTF-8 with BOM, ';' between cells, CRLF, no formulas in cells.

    Every cell that starts with = + - @, a tab or a CR gets a ' in front (``guard.safe_cell``),
    except a checked phone number in one of ``phone_columns``, which stays readable.
    """
    phones = {i for i, name in enumerate(header) if name in phone_columns}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(str(cell), phone=i in phones) for i, cell in enumerate(row)])
    return "\ufeff" + out.getvalue()


def csv_text(cat: Catalog, base: str = "") -> str:
    rows = ([row[k] for k in CSV_COLUMNS] for row in csv_rows(cat, base))
    return csv_document(CSV_COLUMNS, rows, phone_columns=("telefoon",))
