"""Checking and writing: every file is checked the way ``wegwijzer validate`` checks it, before any is written.

1. Plan: each service becomes an offer and its new places, with ids that are short and
   unique across ``locations/`` and ``activities/`` (existing files included).
2. Check: each planned file is written to text, read back with the same reader and model
   as ``validate`` (size, lines, depth, every field), and its references are checked
   against the real places (an example place is never linked from real offers).
   A service that fails is skipped with its reasons; the others go on.
3. Look-alikes: every planned entry is compared with the existing ones and with each other
   (``core.duplicates``); a pair that may be the same thing twice is a note, never a skip.
4. Write: all files at once. If writing fails half-way, the files of this run are removed
   again, so a run never leaves half a result behind. Existing files are never overwritten.

Every importer (HSDS here; CSV, ICS and OpenStreetMap in ``opendata.imports``) maps its input to
``Mapped`` data and plans it with ``plan_offer`` or ``plan_place``; none writes a file another way.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import ValidationError

from wegwijzer.core import yamlsafe
from wegwijzer.core.duplicates import duplicate_pairs, normalise
from wegwijzer.core.guard import MAX_LINE_CHARS, shown
from wegwijzer.core.load import check_references, parse_entry
from wegwijzer.core.messages import field_label, translate
from wegwijzer.core.model import Activity, Entry, Location
from wegwijzer.core.problems import Problem
from wegwijzer.core.region import UNKNOWN_AREA, Region
from wegwijzer.core.vocab import ID_MAX, slug
from wegwijzer.opendata.hsds_import.feed import Part
from wegwijzer.opendata.hsds_import.report import Imported, ImportResult
from wegwijzer.opendata.hsds_import.services import UNKNOWN_NOTE, Mapped, service_entry


class WriteProblem(Exception):
    """Writing failed; what this run wrote was removed again. The message is Dutch."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when available: the same text, much faster


def yaml_text(data: dict, source_name: str, what: str = "HSDS 3.0") -> str:
    """The file of one entry: two comment lines for the editor, then the fields in the order given."""
    header = (
        f"# Ingelezen uit {slug(source_name, 80) or 'een bestand'} ({what}). Controleer alles, "
        "vul 'gecontroleerd_op' in\n# en haal deze regels weg als het klopt.\n"
    )
    body = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return header + body.replace("\ngecontroleerd_op: null\n", "\ngecontroleerd_op:\n")


def _model_problems(data: object, model: type[Entry]) -> list[str]:
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [
            f"{field_label(loc) or 'item'}: {message}"
            for loc, message in (translate(err, model.kind, model) for err in exc.errors(include_url=False))
        ]
    return []


E = TypeVar("E", bound=Entry)


def checked(data: dict, text: str, model: type[E], entry_id: str, folder: str) -> tuple[E | None, list[str]]:
    """Check an entry as ``validate`` would: first its fields, then its file read back. The entry or the problems."""
    problems = _model_problems(data, model)  # per field, with the field's name
    if problems:
        return None, problems
    if len(text.encode("utf-8")) > yamlsafe.MAX_BYTES:
        return None, [f"het bestand zou te groot worden (meer dan {yamlsafe.MAX_BYTES // 1024} kB)"]
    try:
        doc = yamlsafe.parse(text, max_line=MAX_LINE_CHARS)
    except yamlsafe.YamlProblem as exc:
        return None, [exc.message]
    problems = _model_problems(doc.data, model)  # what validate will read from the file
    if problems:
        return None, problems
    entry = model.model_validate(doc.data)
    entry.bind(entry_id, f"{folder}/{entry_id}.yaml", doc.lines)
    return entry, []


@dataclass
class Plan:
    """The state of one run: what exists, what is planned, what will be written."""

    region: Region
    source_name: str
    locations_dir: Path
    activities_dir: Path
    what: str = "HSDS 3.0"  # the format, for the comment at the top of each file
    places: dict[str, Location] = field(default_factory=dict)  # existing valid places and planned new ones
    offers: dict[str, Activity] = field(default_factory=dict)  # existing valid offers and planned new ones
    taken: set[str] = field(default_factory=set)  # every id in both folders, existing and planned
    existing_acts: set[str] = field(default_factory=set)
    new_by_key: dict[tuple, str] = field(default_factory=dict)  # (naam, woonkern) of a planned place -> id
    files: dict[Path, str] = field(default_factory=dict)  # what to write
    new: dict[str, Imported] = field(default_factory=dict)  # file of a planned entry -> the item it belongs to
    names: dict[str, set[str]] = field(default_factory=dict)  # how real places are named exactly -> their ids
    counters: dict[str, int] = field(default_factory=dict)  # base id -> the next number to try ('-2', '-3')

    @classmethod
    def start(
        cls, region: Region, source_name: str, locations_dir: Path, activities_dir: Path, what: str = "HSDS 3.0"
    ) -> Plan:
        plan = cls(region, source_name, locations_dir, activities_dir, what)
        for folder, directory, model in (
            ("locations", locations_dir, Location),
            ("activities", activities_dir, Activity),
        ):
            if not directory.is_dir():
                continue
            for path in sorted(directory.iterdir()):
                if path.suffix not in (".yaml", ".yml"):
                    continue
                plan.taken.add(path.stem.lower())
                if folder == "activities":
                    plan.existing_acts.add(path.stem.lower())
                if path.is_file():
                    plan._read(path, model, folder)
        return plan

    def _read(self, path: Path, model: type[Entry], folder: str) -> None:
        entry, _ = parse_entry(path, model, f"{folder}/{path.name}")
        if isinstance(entry, Location):
            self.places[entry.id] = entry
            self._index(entry)
        elif isinstance(entry, Activity):
            self.offers[entry.id] = entry

    def _index(self, place: Location) -> None:
        for key in place_names(place):
            self.names.setdefault(key, set()).add(place.id)

    def place_named(self, text: str) -> Location | None:
        """The one real place (existing or planned) whose id, name, or name and address is exactly this text.

        Letter case, accents and punctuation aside (``core.duplicates.normalise``); None when none or several.
        """
        ids = self.names.get(normalise(text), set())
        return self.places[next(iter(ids))] if len(ids) == 1 else None

    def add(self, folder: str, entry: Entry, text: str, item: Imported) -> None:
        """Plan one checked entry's file."""
        directory = self.locations_dir if folder == "locations" else self.activities_dir
        path = directory / f"{entry.id}.yaml"
        item.files.append(path)
        self.files[path] = text
        self.taken.add(entry.id)
        self.new[entry.source] = item
        if isinstance(entry, Location):
            self.places[entry.id] = entry
            self._index(entry)
        elif isinstance(entry, Activity):
            self.offers[entry.id] = entry  # not in existing_acts: a second one by that name gets '-2'

    def forget(self, item: Imported) -> None:
        """Take back every file planned for an item that failed (its new places too)."""
        self.new = {source: i for source, i in self.new.items() if i is not item}
        for path in item.files:
            self.files.pop(path, None)
            self.taken.discard(path.stem)
            self.offers.pop(path.stem, None)
            place = self.places.pop(path.stem, None)
            if place is not None:
                self.new_by_key = {k: v for k, v in self.new_by_key.items() if v != place.id}
                for key in place_names(place):
                    self.names.get(key, set()).discard(place.id)
        item.files = []

    def unique(self, base: str) -> str:
        base = base[: ID_MAX - 4].strip("-") or "item"
        candidate, n = base, self.counters.get(base, 2)
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.counters[base] = n
        return candidate


def place_names(place: Location) -> set[str]:
    """How a place can be named exactly: its id, its name, its name and address, its address (normalised)."""
    if place.voorbeeld:
        return set()  # a real entry never points to an example place
    names = {normalise(place.id), normalise(place.naam)}
    if place.adres is not None:
        names |= {normalise(f"{place.naam} {place.adres.one_line()}"), normalise(place.adres.one_line())}
    return names - {""}


def _place(plan: Plan, loc_id: str, data: dict, item: Imported) -> tuple[str | None, list[str]]:
    """The id the offer links to for one place: an existing real place, a planned one, or a new one."""
    existing = plan.places.get(loc_id)
    if existing is not None and existing.naam == data["naam"] and not existing.voorbeeld:
        if loc_id not in plan.new_by_key.values():
            item.notes.append(f"Gekoppeld aan de bestaande plek locations/{loc_id}.yaml.")
        return loc_id, []
    key = (data["naam"], data["woonkern"])
    if key in plan.new_by_key:
        return plan.new_by_key[key], []
    new_id = plan.unique(loc_id)
    place, text, problems = _checked_place(plan, data, new_id)
    if place is None:
        return None, [f"Plek '{data['naam']}' niet ingelezen: {p}" for p in problems]
    plan.add("locations", place, text, item)
    plan.new_by_key[key] = new_id
    return new_id, []


def _checked_place(plan: Plan, data: dict, new_id: str) -> tuple[Location | None, str, list[str]]:
    """The place checked as validate checks it, its file's text, and the problems."""
    text = yaml_text(data, plan.source_name, plan.what)
    place, problems = checked(data, text, Location, new_id, "locations")
    if place is None:
        return None, text, problems
    problems = [p.message for p in check_references(plan.region, {new_id: place}, {}) if not p.warning]
    return (None, text, problems) if problems else (place, text, [])


def plan_place(plan: Plan, item: Imported, loc_id: str, data: dict) -> Imported:
    """Plan one place on its own (a place list, OpenStreetMap); skipped with its reasons when it fails."""
    existing = plan.places.get(loc_id)
    if existing is not None and existing.naam == data["naam"] and existing.woonkern == data["woonkern"]:
        item.skipped = True
        item.notes.insert(
            0, f"Er is al een plek {existing.source} met deze naam. Niets overschreven; vergelijk ze zelf."
        )
        return item
    new_id = plan.unique(loc_id)
    place, text, problems = _checked_place(plan, data, new_id)
    if place is None:
        item.skipped = True
        item.notes += [f"Klopt niet: {p}" for p in problems]
        return item
    plan.add("locations", place, text, item)
    plan.new_by_key[(data["naam"], data["woonkern"])] = new_id
    item.entry_file = place.source
    item.notes = list(dict.fromkeys(item.notes))
    return item


def _link_places(plan: Plan, mapped: Mapped, item: Imported) -> dict:
    """The offer's data with its places linked (renamed, or dropped with a note when they failed)."""
    rename: dict[str, str | None] = {}
    for loc_id, loc_data in mapped.places:
        new_id, problems = _place(plan, loc_id, loc_data, item)
        item.notes.extend(problems)
        rename[loc_id] = new_id
    data = dict(mapped.data)
    if not rename:
        return data
    keep = [rename[p] for p in data.get("plekken", []) if rename.get(p)]
    schema = []
    for entry in data.get("schema", []):
        if "plek" in entry:
            new = rename.get(entry["plek"])
            entry = {k: v for k, v in entry.items() if k != "plek"} if new is None else {**entry, "plek": new}
        schema.append(entry)
    if schema:
        data["schema"] = schema
    if keep:
        data["plekken"] = list(dict.fromkeys(keep))
    else:
        data = {("gebied" if k == "plekken" else k): ([UNKNOWN_AREA] if k == "plekken" else v) for k, v in data.items()}
        item.notes.append(f"Geen plek over. Gebied is '{UNKNOWN_AREA}': {UNKNOWN_NOTE}")
    return data


def plan_service(plan: Plan, raw: object) -> Imported:
    """Plan the files of one HSDS service; a service that fails is skipped with its reasons."""
    notes: list[str] = []
    if not isinstance(raw, dict):
        return Imported("(geen dienst)", notes=["Dit is geen blok met velden, maar een losse waarde."], skipped=True)
    service = Part(raw, notes)
    mapped = service_entry(service, plan.region, plan.source_name)
    item = Imported(str(mapped.data["naam"]) if mapped else "(zonder naam)", notes=notes)
    if mapped is None:
        item.skipped = True
        return item
    return plan_offer(plan, item, mapped)


def plan_offer(plan: Plan, item: Imported, mapped: Mapped) -> Imported:
    """Plan one offer and its new places; skipped with its reasons (and without its places) when it fails."""
    act_id = slug(str(mapped.data["naam"])) or "aanbod"
    if act_id in plan.existing_acts:
        item.skipped = True
        item.notes.insert(0, f"Er is al een item activities/{act_id}.yaml. Niets overschreven; vergelijk ze zelf.")
        return item
    data = _link_places(plan, mapped, item)
    act_id = plan.unique(act_id)
    text = yaml_text(data, plan.source_name, plan.what)
    act, problems = checked(data, text, Activity, act_id, "activities")
    if act is not None:
        problems = [f"{p.field}: {p.message}" for p in _references(plan, act)]
    if problems:
        item.skipped = True
        plan.forget(item)  # its new places go too
        item.notes = list(dict.fromkeys(item.notes + [f"Klopt niet: {p}" for p in problems]))
        return item
    assert act is not None
    item.notes = list(dict.fromkeys(item.notes))  # the same note from two parts once
    plan.add("activities", act, text, item)
    item.entry_file = act.source
    return item


def note_look_alikes(plan: Plan) -> None:
    """A note at each planned entry that may be the same thing as an existing one, or as another new one.

    Two new ones: the note is at the one that comes first in the input. Each pair once (its first reason).
    """
    order = {source: i for i, source in enumerate(plan.new)}
    told: set[frozenset[str]] = set()
    for first, second, why in duplicate_pairs(plan.places, plan.offers):
        pair = frozenset((first.source, second.source))
        if pair in told or not pair & order.keys():
            continue
        told.add(pair)
        new, other = sorted((first, second), key=lambda e: order.get(e.source, len(order)))
        whose = "het nieuwe item" if other.source in order else "het bestaande item"
        plan.new[new.source].notes.append(
            f"Lijkt op {whose} {other.source} ('{shown(other.naam)}'): {why}. "
            "Is het hetzelfde? Voeg ze dan samen tot één bestand."
        )


def _references(plan: Plan, act: Activity) -> list[Problem]:
    """Problems with the places and areas one offer points to (only its own places are looked at)."""
    used = {pid for pid in [*act.plekken, *(i.plek for i in act.schema), *(i.plek for i in act.inloop)] if pid}
    places = {pid: plan.places[pid] for pid in used if pid in plan.places}
    return [p for p in check_references(plan.region, places, {act.id: act}) if not p.warning]


def _write_one(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.nieuw")
    temp.write_text(text, encoding="utf-8")
    if path.exists():  # it appeared after the plan was made: never overwrite
        temp.unlink()
        raise FileExistsError(errno.EEXIST, "het bestand bestaat al", str(path))
    os.replace(temp, path)


def write_all(files: dict[Path, str]) -> None:
    """Write every file, or none: on any failure, remove what this run wrote and raise WriteProblem."""
    done: list[Path] = []
    try:
        for path, text in files.items():
            _write_one(path, text)
            done.append(path)
    except BaseException as exc:
        for path in done:
            path.unlink(missing_ok=True)
        for path in files:
            path.with_name(f".{path.name}.nieuw").unlink(missing_ok=True)
        if isinstance(exc, OSError):
            where = f" ({shown(exc.filename, 120)})" if exc.filename else ""
            raise WriteProblem(
                f"Schrijven lukte niet: {exc.strerror}{where}. Er is niets geschreven: "
                "wat deze run al had geschreven, is weer weggehaald."
            ) from None
        raise


def import_services(
    services: list,
    source_name: str,
    locations_dir: Path,
    activities_dir: Path,
    region: Region | None = None,
    write: bool = True,
) -> ImportResult:
    """Turn HSDS services into entry files: check all, then write all (unless write is False)."""
    from wegwijzer.core.region import load_region

    plan = Plan.start(region or load_region(), source_name, locations_dir, activities_dir)
    result = ImportResult(written=write)
    for raw in services:
        result.items.append(plan_service(plan, raw))
    return finish(plan, result)


def finish(plan: Plan, result: ImportResult) -> ImportResult:
    """Add the look-alikes to the report and write every planned file (unless it is a trial run)."""
    note_look_alikes(plan)
    if result.written:
        write_all(plan.files)
    return result
