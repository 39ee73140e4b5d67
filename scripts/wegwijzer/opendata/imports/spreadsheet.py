"""`wegwijzer import-csv`: a list a gemeente or welfare organisation keeps (CSV or XLSX) -> entries.

Each row becomes an offer or a place (``wat`` in the mapping file). An offer is linked to an
existing place when its 'plek' is exactly that place's id or name; with a woonkern or plaats it
gets a new place; otherwise its gemeente becomes its 'gebied' (or the whole region, with a note).
Every row is planned through the checked write path (``hsds_import.write``): a row the model
refuses is skipped with its reasons and its row number, the others are written.
"""

from __future__ import annotations

from pathlib import Path

from wegwijzer.core.duplicates import normalise
from wegwijzer.core.guard import shown
from wegwijzer.core.region import REGION_ID, REGION_NAME, UNKNOWN_AREA, Region, load_region
from wegwijzer.core.vocab import slug
from wegwijzer.opendata.hsds_import.feed import Part
from wegwijzer.opendata.hsds_import.report import Imported, ImportResult
from wegwijzer.opendata.hsds_import.services import UNKNOWN_NOTE, Mapped
from wegwijzer.opendata.hsds_import.write import Plan, finish, plan_offer, plan_place
from wegwijzer.opendata.imports import rows
from wegwijzer.opendata.imports.common import Unknown, entry_tail, gemeente_by_name
from wegwijzer.opendata.imports.mapping import Mapping, check_columns, read_mapping, unused_columns
from wegwijzer.opendata.imports.rows import Row
from wegwijzer.opendata.imports.tabular import read_table

DEFAULT_PLACE_KIND = "anders"


def _tail(row: Row, bron: str, organisatie: str | None) -> dict:
    return entry_tail(bron, row.text("beheerder") or organisatie, rows.keeper_email(row))


def _optional(row: Row, name: str, one_line: bool = True) -> dict:
    value = row.text(name, one_line=one_line)
    return {name: value} if value else {}


def place_data(row: Row, region: Region, name: str, kind: str | None, bron: str, own_contact: bool) -> dict | None:
    """A place's fields; None (with a note) when it has no woonkern or coordinates in the region."""
    found = rows.place_point(row, region, name)
    if found is None:
        return None
    kern, point = found
    if kind is None:
        kind = DEFAULT_PLACE_KIND
        row.note(f"Plek '{shown(name)}': soort is '{DEFAULT_PLACE_KIND}'. Kies de goede soort.")
    data: dict = {"naam": name[:90].strip(), "soort": kind}
    organisatie = row.text("organisatie")
    data.update(_optional(row, "beschrijving", one_line=False) if own_contact else {})
    if organisatie:
        data["organisatie"] = organisatie
    adres = rows.address(row, kern)
    if adres:
        data["adres"] = adres
    data.update(gemeente=kern.parent, woonkern=kern.id, coordinaten=point)
    if own_contact:  # a row that is a place; an offer's new place does not get the offer's contact
        access = row.words("toegankelijkheid")
        data.update({"toegankelijkheid": access} if access else {})
        data.update(rows.contact(row))
    data.update(_tail(row, bron, organisatie))
    return data


def _where(row: Row, plan: Plan, bron: str) -> tuple[dict, list[tuple[str, dict]]]:
    """'plekken' (an existing or a new place) or 'gebied', and the new place to write."""
    place_text = row.text("plek")
    if place_text:
        found = plan.place_named(place_text)
        if found is not None:
            return {"plekken": [found.id]}, []
        data = place_data(row, plan.region, place_text, row.word("plek_soort"), bron, own_contact=False)
        if data is not None:
            row.note(f"Plek '{shown(place_text)}' is nieuw: er is geen plek met precies die naam.")
            return {"plekken": [slug(place_text) or "plek"]}, [(slug(place_text) or "plek", data)]
    kern = rows.kern_of(row, plan.region)
    gemeente = gemeente_by_name(plan.region, row.text("gemeente"))
    if gemeente is not None:
        return {"gebied": [gemeente.id]}, []
    if normalise(row.text("gemeente") or "") in {REGION_ID, normalise(REGION_NAME), "hele regio"}:
        return {"gebied": [REGION_ID]}, []
    if kern is not None:
        row.note(f"Gebied is de gemeente van {kern.naam}. Kies een plek als het aanbod een vaste plek heeft.")
        return {"gebied": [kern.parent]}, []
    row.note(f"Geen plek of gemeente gevonden. Gebied is '{UNKNOWN_AREA}': {UNKNOWN_NOTE}")
    return {"gebied": [UNKNOWN_AREA]}, []


def offer_data(row: Row, plan: Plan, bron: str) -> Mapped:
    naam = row.text("naam") or ""
    organisatie = row.text("organisatie")
    data: dict = {"naam": naam, "soort": row.word("soort"), "samenvatting": row.text("samenvatting")}
    data.update(_optional(row, "beschrijving", one_line=False))
    data["organisatie"] = organisatie
    data.update(themas=row.words("themas"), doelgroepen=row.words("doelgroepen"))
    where, places = _where(row, plan, bron)
    data.update(where)
    data.update(rows.schedule(row))
    data.update(rows.cost(row))
    data.update(rows.registration(row))
    talen = row.words("talen")
    data.update({"talen": talen} if talen else {})
    data.update(rows.contact(row))
    data = {k: v for k, v in data.items() if v not in (None, [])}  # what the model asks for is reported by it
    data.update(_tail(row, bron, organisatie))
    return Mapped(data, places)


def _row_item(mapping: Mapping, plan: Plan, row: Row, bron: str) -> Imported:
    naam = row.text("naam")
    item = Imported(f"Regel {row.number}: {shown(naam, 90) if naam else '(zonder naam)'}", notes=row.notes)
    if not naam:
        item.skipped = True
        row.note("Er staat geen naam in deze regel.")
        return item
    if mapping.kind == "plek":
        data = place_data(row, plan.region, naam, row.word("soort"), bron, own_contact=True)
        if data is None:
            item.skipped = True
            return item
        return plan_place(plan, item, slug(naam) or "plek", data)
    return plan_offer(plan, item, offer_data(row, plan, bron))


def import_spreadsheet(
    path: Path,
    mapping_path: Path,
    locations_dir: Path,
    activities_dir: Path,
    write: bool = True,
    region: Region | None = None,
) -> ImportResult:
    """Import a CSV or XLSX list with its mapping file. FeedProblem (nothing written) when either cannot be read."""
    mapping = read_mapping(mapping_path)
    table = read_table(path, mapping.sheet)
    name = shown(Path(path).name)
    check_columns(mapping, table.header, name)
    bron = mapping.bron or f"Lijst-import: {Path(path).name}"
    plan = Plan.start(region or load_region(), Path(path).name, locations_dir, activities_dir, what="lijst")
    result = ImportResult(written=write, noun="regels", notes=list(table.notes))
    if not mapping.bron:
        result.notes.append(
            f"Er staat geen 'bron' in het mappingbestand. De bron is nu '{shown(bron)}': maak hem duidelijker."
        )
    unused = unused_columns(mapping, table.header)
    if unused:
        result.notes.append(
            f"Niet gebruikte kolommen: {', '.join(shown(c) for c in unused)}. "
            "Moet er iets van mee? Zet het in het mappingbestand."
        )
    headers = [h.strip().casefold() for h in table.header]
    index = {key: headers.index(column.casefold()) for key, column in mapping.columns.items()}
    unknown = Unknown()
    for number, cells in table.rows:
        notes: list[str] = list(table.cell_notes.get(number, []))
        part = Part({key: cells[i] for key, i in index.items() if i < len(cells)}, notes, "de regel")
        result.items.append(_row_item(mapping, plan, Row(mapping, part, number, unknown), bron))
    result.notes += unknown.notes()
    return finish(plan, result)
