"""Checking and writing: every file is checked the way ``wegwijzer validate`` checks it, before any is written.

1. Plan: each service becomes an offer and its new places, with ids that are short and
   unique across ``locations/`` and ``activities/`` (existing files included).
2. Check: each planned file is written to text, read back with the same reader and model
   as ``validate`` (size, lines, depth, every field), and its references are checked
   against the real places (an example place is never linked from real offers).
   A service that fails is skipped with its reasons; the others go on.
3. Write: all files at once. If writing fails half-way, the files of this run are removed
   again, so a run never leaves half a result behind. Existing files are never overwritten.
"""

from __future__ import annotations

import copy
import errno
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import ValidationError

from wegwijzer.core import yamlsafe
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


def yaml_text(data: dict, source_name: str) -> str:
    header = (
        f"# Ingelezen uit {slug(source_name, 80) or 'een HSDS-bestand'} (HSDS 3.0). Controleer alles, "
        "vul 'gecontroleerd_op' in\n# en haal deze regels weg als het klopt.\n"
    )
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
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
    places: dict[str, Location] = field(default_factory=dict)  # existing valid places and planned new ones
    taken: set[str] = field(default_factory=set)  # every id in both folders, existing and planned
    existing_acts: set[str] = field(default_factory=set)
    new_by_key: dict[tuple, str] = field(default_factory=dict)  # (naam, woonkern) of a planned place -> id
    files: dict[Path, str] = field(default_factory=dict)  # what to write

    @classmethod
    def start(cls, region: Region, source_name: str, locations_dir: Path, activities_dir: Path) -> Plan:
        plan = cls(region, source_name, locations_dir, activities_dir)
        for folder, directory in (("locations", locations_dir), ("activities", activities_dir)):
            if not directory.is_dir():
                continue
            for path in directory.iterdir():
                if path.suffix in (".yaml", ".yml"):
                    plan.taken.add(path.stem.lower())
                    if folder == "activities":
                        plan.existing_acts.add(path.stem.lower())
                    elif path.is_file():
                        entry, _ = parse_entry(path, Location, f"locations/{path.name}")
                        if isinstance(entry, Location):
                            plan.places[entry.id] = entry
        return plan

    def snapshot(self) -> tuple:
        return copy.copy((self.places, self.taken, self.existing_acts, self.new_by_key, self.files))

    def restore(self, saved: tuple) -> None:
        self.places, self.taken, self.existing_acts, self.new_by_key, self.files = (
            dict(saved[0]),
            set(saved[1]),
            set(saved[2]),
            dict(saved[3]),
            dict(saved[4]),
        )

    def unique(self, base: str) -> str:
        base = base[: ID_MAX - 4].strip("-") or "item"
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate


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
    text = yaml_text(data, plan.source_name)
    place, problems = checked(data, text, Location, new_id, "locations")
    if place is None:
        return None, [f"Plek '{data['naam']}' niet ingelezen: {p}" for p in problems]
    problems = [p.message for p in check_references(plan.region, {new_id: place}, {}) if not p.warning]
    if problems:
        return None, [f"Plek '{data['naam']}' niet ingelezen: {p}" for p in problems]
    item.files.append(plan.locations_dir / f"{new_id}.yaml")
    plan.files[plan.locations_dir / f"{new_id}.yaml"] = text
    plan.places[new_id] = place
    plan.taken.add(new_id)
    plan.new_by_key[key] = new_id
    return new_id, []


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
    """Plan the files of one service; a service that fails is skipped with its reasons."""
    notes: list[str] = []
    if not isinstance(raw, dict):
        return Imported("(geen dienst)", notes=["Dit is geen blok met velden, maar een losse waarde."], skipped=True)
    service = Part(raw, notes)
    mapped = service_entry(service, plan.region, plan.source_name)
    name = str(mapped.data["naam"]) if mapped else "(zonder naam)"
    item = Imported(name, notes=notes)
    if mapped is None:
        item.skipped = True
        return item
    act_id = slug(name) or "aanbod"
    if act_id in plan.existing_acts:
        item.skipped = True
        notes.insert(0, f"Er is al een item activities/{act_id}.yaml. Niets overschreven; vergelijk ze zelf.")
        return item
    saved = plan.snapshot()
    data = _link_places(plan, mapped, item)
    act_id = plan.unique(act_id)
    text = yaml_text(data, plan.source_name)
    act, problems = checked(data, text, Activity, act_id, "activities")
    if act is not None:
        problems = [f"{p.field}: {p.message}" for p in _references(plan, act)]
    if problems:
        item.skipped = True
        item.files = []
        plan.restore(saved)  # its new places go too
        notes += [f"Klopt niet: {p}" for p in problems]
        item.notes = list(dict.fromkeys(notes))
        return item
    item.notes = list(dict.fromkeys(item.notes))  # the same note from two parts once
    item.activity_id = act_id
    item.files.append(plan.activities_dir / f"{act_id}.yaml")
    plan.files[plan.activities_dir / f"{act_id}.yaml"] = text
    plan.taken.add(act_id)
    plan.existing_acts.add(act_id)
    return item


def _references(plan: Plan, act: Activity) -> list[Problem]:
    return [p for p in check_references(plan.region, plan.places, {act.id: act}) if not p.warning]


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
    if write:
        write_all(plan.files)
    return result
