"""Load and validate all entries: YAML files -> Catalog, or every problem at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from pydantic import ValidationError

from wegwijzer.core import yamlsafe
from wegwijzer.core.catalog import Catalog, distance_km
from wegwijzer.core.duplicates import find_duplicates
from wegwijzer.core.events import check_dates
from wegwijzer.core.files import FileProblem, check_inside
from wegwijzer.core.gemeenten import load_gemeenten
from wegwijzer.core.guard import MAX_LINE_CHARS
from wegwijzer.core.guides import load_guides
from wegwijzer.core.messages import field_label, suggest, translate
from wegwijzer.core.model import ID_RE, Activity, Entry, Location
from wegwijzer.core.problems import EntryErrors, Problem
from wegwijzer.core.region import REGION_ID, UNKNOWN_AREA, Region, load_region
from wegwijzer.core.vocab import slug

FAR_FROM_KERN_KM = 8.0
FOLDERS: dict[str, type[Entry]] = {"locations": Location, "activities": Activity}
SUFFIXES = (".yaml", ".yml")


def parse_entry(
    path: Path, kind_model: type[Entry], rel: str, failed: dict | None = None, text: str | None = None
) -> tuple[Entry | None, list[Problem]]:
    """Read one file. Returns the entry or the problems in it.

    When the model refuses the file, its parsed document goes into `failed` (by file),
    so checks across files can still look at it. With ``text``, that text is read as if it
    were the file (the same checks), and nothing is read from disk.
    """
    try:
        if text is None:
            doc = yamlsafe.read(path, max_line=MAX_LINE_CHARS)
        else:
            doc = yamlsafe.read_bytes(text.encode("utf-8"), str(path), max_line=MAX_LINE_CHARS)
    except yamlsafe.YamlProblem as exc:
        return None, [Problem(rel, exc.line, exc.field, exc.message)]
    except OSError as exc:
        return None, [Problem(rel, None, "", f"Het bestand kan niet worden gelezen ({exc.strerror}).")]
    if not isinstance(doc.data, dict):
        return None, [Problem(rel, 1, "", "Het bestand moet velden bevatten, zoals 'naam: ...' op elke regel.")]
    kind = kind_model.kind
    try:
        entry = kind_model.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        seen = set()
        for err in exc.errors(include_url=False):
            loc, message = translate(err, kind, kind_model)
            # For union-like models pydantic can report the same place twice.
            key = (loc, message)
            if key in seen:
                continue
            seen.add(key)
            problems.append(Problem(rel, doc.line_of(loc), field_label(loc), message))
        if failed is not None:
            failed[rel] = doc
        return None, problems
    entry.bind(path.stem, rel, doc.lines)
    return entry, []


def _line(entry: Entry, *path: str | int) -> int | None:
    return entry.line_of(*path)


def _problem(entry: Entry, path: tuple[str | int, ...], label: str, message: str, warning: bool = False) -> Problem:
    return Problem(entry.source, entry.line_of(*path), label, message, warning)


def _check_place(region: Region, loc: Location) -> list[Problem]:
    """A place's gemeente, woonkern and wijk exist and fit together; its point is near its kern."""
    gemeenten = [a.id for a in region.gemeenten()]
    if loc.gemeente not in gemeenten:
        hint = f"{suggest(loc.gemeente, gemeenten)} Kies uit: {', '.join(gemeenten)}."
        return [_problem(loc, ("gemeente",), "gemeente", f"'{loc.gemeente}' is geen gemeente in de Kop.{hint}")]
    kernen = [k.id for k in region.kernen(loc.gemeente)]
    if loc.woonkern not in kernen:
        hint = f"{suggest(loc.woonkern, kernen)} Kies uit: {', '.join(kernen)}."
        gemeente = region.areas[loc.gemeente].naam
        return [_problem(loc, ("woonkern",), "woonkern", f"'{loc.woonkern}' is geen woonkern in {gemeente}.{hint}")]
    problems = []
    kern = region.areas[loc.woonkern]
    far = distance_km(kern.lat, kern.lon, loc.coordinaten.lat, loc.coordinaten.lon)
    if far > FAR_FROM_KERN_KM:
        message = f"De plek ligt {far:.0f} km van het midden van {kern.naam}. Klopt de woonkern? Klopt de plek?"
        problems.append(_problem(loc, ("coordinaten",), "coordinaten", message, warning=True))
    wijken = [w.id for w in region.wijken(loc.woonkern)]
    if loc.wijk is not None and loc.wijk not in wijken:
        options = (
            f" Kies uit: {', '.join(wijken)}."
            if wijken
            else f" {kern.naam} heeft geen wijken in de lijst; haal 'wijk' weg."
        )
        message = f"'{loc.wijk}' is geen wijk van {kern.naam}.{suggest(loc.wijk, wijken)}{options}"
        problems.append(_problem(loc, ("wijk",), "wijk", message))
    return problems


def _broken_place(pid: str, rel: str) -> str:
    return f"De plek '{pid}' heeft zelf fouten. Verbeter eerst de fouten in {rel} (zie hierboven)."


def _check_offer(
    act: Activity, locations: Mapping[str, Location], area_ids: list[str], broken: Mapping[str, str]
) -> list[Problem]:
    """An offer's places exist (and are real when it is real), its areas exist, schedule places are its own."""
    problems = []
    for i, pid in enumerate(act.plekken):
        label = field_label(("plekken", i))
        if pid in broken:  # the place file exists but has errors itself: point there, once per offer
            problems.append(_problem(act, ("plekken", i), label, _broken_place(pid, broken[pid]), warning=True))
        elif pid not in locations:
            message = (
                f"Er is geen plek met id '{pid}'.{suggest(pid, sorted(locations))} "
                "Een id is de naam van een bestand in locations/, zonder .yaml."
            )
            problems.append(_problem(act, ("plekken", i), label, message))
        elif locations[pid].voorbeeld and not act.voorbeeld:
            message = (
                f"'{pid}' is een voorbeeld-plek. Echt aanbod mag niet naar een verzonnen plek "
                "verwijzen. Kies een echte plek of gebruik 'gebied'."
            )
            problems.append(_problem(act, ("plekken", i), label, message))
    for i, gid in enumerate(act.gebied):
        if gid not in area_ids:
            message = f"'{gid}' is geen gebied.{suggest(gid, area_ids)} Kies uit: {', '.join(area_ids)}."
            problems.append(_problem(act, ("gebied", i), field_label(("gebied", i)), message))
    problems += _check_unknown_area(act)
    for name, items in (("schema", act.schema), ("inloop", act.inloop)):
        for i, item in enumerate(items):
            if item.plek is not None and item.plek not in act.plekken:
                message = f"De plek '{item.plek}' staat niet bij 'plekken'. Zet hem daar ook bij."
                problems.append(_problem(act, (name, i, "plek"), field_label((name, i, "plek")), message))
    return problems


def _check_unknown_area(act: Activity) -> list[Problem]:
    """'onbekend' stands alone: with a place or a gemeente, the area is known after all."""
    if UNKNOWN_AREA not in act.gebied or (len(act.gebied) == 1 and not act.plekken):
        return []
    i = act.gebied.index(UNKNOWN_AREA)
    message = (
        f"'{UNKNOWN_AREA}' betekent: we weten niet waar dit aanbod is. Dan horen er geen plekken of gemeenten bij. "
        f"Haal '{UNKNOWN_AREA}' weg, of de rest."
    )
    return [_problem(act, ("gebied", i), field_label(("gebied", i)), message)]


def check_references(
    region: Region,
    locations: Mapping[str, Location],
    activities: Mapping[str, Activity],
    broken: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Checks across files: areas exist, places exist, coordinates near their kern.

    ``broken``: ids of place files that exist but have errors (id -> file), so an offer that
    uses one is told to look at that file instead of "there is no such place".
    """
    problems: list[Problem] = []
    for loc in locations.values():
        problems += _check_place(region, loc)
    area_ids = [a.id for a in region.gemeenten()] + [REGION_ID, UNKNOWN_AREA]
    for act in activities.values():
        problems += _check_offer(act, locations, area_ids, broken or {})
        problems += check_dates(act)
    return problems


def _not_an_entry(path: Path, rel: str, roots: list[Path]) -> Problem | None:
    """A problem when this path in a data folder is no entry file: a folder, a link out of the project, no .yaml."""
    if path.is_dir():
        if path.suffix in SUFFIXES:
            return Problem(rel, None, "", "Dit is een map, geen bestand. Een item is één bestand dat eindigt op .yaml.")
        return Problem(rel, None, "", "Deze map wordt niet gelezen. Zet items direct in de map zelf.", warning=True)
    if path.suffix not in SUFFIXES:
        return Problem(rel, None, "", "Dit bestand hoort hier niet. Een item eindigt op .yaml.")
    try:
        check_inside(path, roots)
    except FileProblem as exc:
        return Problem(rel, None, "", exc.message)
    return None


def data_folders(root: Path) -> list[tuple[str, Path]]:
    """The data folders that exist under root; EntryErrors when there is none (nothing to check is an error)."""
    folders = [(name, root / name) for name in FOLDERS if (root / name).is_dir()]
    if not folders:
        message = (
            f"In {root} staat geen map locations/ of activities/. Draai dit in de map van de Wegwijzer, "
            "of wijs die map aan met --root."
        )
        raise EntryErrors([Problem(str(root), None, "", message)])
    return folders


def _listing(directory: Path, folder: str, extra: Mapping[str, str]) -> list[tuple[Path, str | None]]:
    """The files of one data folder in name order, with the files of ``extra`` ('activities/x.yaml' -> text)
    in their place: added, or instead of the file on disk with that name."""
    files: dict[str, tuple[Path, str | None]] = {path.name: (path, None) for path in directory.iterdir()}
    for rel, text in extra.items():
        where, _, name = rel.partition("/")
        if where == folder:
            files[name] = (directory / name, text)
    return [files[name] for name in sorted(files)]


def _id_problem(rel: str, entry_id: str, seen_ids: dict[str, str]) -> Problem | None:
    """A file name that is no id, or an id that another file has already (ids are unique in both folders)."""
    if not ID_RE.match(entry_id):
        return Problem(
            rel,
            None,
            "",
            f"De bestandsnaam '{rel.partition('/')[2]}' kan niet. Gebruik alleen kleine letters, "
            f"cijfers en streepjes, bijvoorbeeld '{slug(entry_id) or 'naam'}.yaml'.",
        )
    if entry_id.lower() in seen_ids:
        return Problem(
            rel,
            None,
            "",
            f"De id '{entry_id}' bestaat al ({seen_ids[entry_id.lower()]}). "
            "Elke bestandsnaam mag maar één keer voorkomen. Kies een andere naam.",
        )
    return None


def load_catalog(
    root: Path,
    region: Region | None = None,
    include_examples: bool = True,
    strict: bool = True,
    today: dt.date | None = None,
    gemeenten_file: Path | None = None,
    extra: Mapping[str, str] | None = None,
) -> Catalog:
    """Read every entry under root (and data/gemeenten.yaml, and the guides in content/gids/).

    Raises EntryErrors with all problems when any is wrong.

    With ``today``, offers that ended before it leave the catalogue's lists (see ``Catalog``).
    ``extra`` ('activities/x.yaml' -> text) adds files that are not on disk yet, or reads a text
    instead of the file with that name: ``wegwijzer inbox`` checks a new entry exactly as validate would.
    """
    region = region or load_region()
    gemeenten, problems = load_gemeenten(region, gemeenten_file)
    found: dict[str, dict] = {"locations": {}, "activities": {}}
    seen_ids: dict[str, str] = {}
    failed: dict = {}
    extra = extra or {}
    for folder, directory in data_folders(root):
        model = FOLDERS[folder]
        for path, text in _listing(directory, folder, extra):
            rel = f"{folder}/{path.name}"
            if path.name.startswith("."):
                continue
            not_entry = _not_an_entry(path, rel, [root]) if text is None else None
            problem = not_entry or _id_problem(rel, path.stem, seen_ids)
            if problem is not None:
                problems.append(problem)
                continue
            seen_ids[path.stem.lower()] = rel
            entry, errs = parse_entry(path, model, rel, failed, text)
            problems.extend(errs)
            if entry is not None:
                found[folder][path.stem] = entry
    broken = {k: rel for k, rel in seen_ids.items() if rel.startswith("locations/") and k not in found["locations"]}
    problems.extend(check_references(region, found["locations"], found["activities"], broken))
    problems.extend(_check_failed_references(failed, seen_ids))
    problems.extend(find_duplicates(found["locations"], found["activities"]))  # warnings only
    errors = [p for p in problems if not p.warning]
    if errors and strict:
        raise EntryErrors(problems)
    catalog = Catalog.build(
        region,
        found["locations"],
        found["activities"],
        include_examples=include_examples,
        today=today,
        gemeenten=gemeenten,
    )
    _add_guides(root, catalog, problems, strict)
    return catalog


def _add_guides(root: Path, catalog: Catalog, problems: list[Problem], strict: bool) -> None:
    """Read the guides (content/gids/) into the catalogue; their ids are checked against it."""
    catalog.guides, found = load_guides(root, catalog)
    catalog.problems = problems + found
    if strict and any(not p.warning for p in found):
        raise EntryErrors(catalog.problems)


def _check_failed_references(failed: dict, seen_ids: dict[str, str]) -> list[Problem]:
    """Place references in offers the model refused: report them in the same run too."""
    place_ids = sorted(k for k, rel in seen_ids.items() if rel.startswith("locations/"))
    problems = []
    for rel, doc in failed.items():
        plekken = doc.data.get("plekken") if rel.startswith("activities/") else None
        if not isinstance(plekken, list):
            continue
        for i, pid in enumerate(plekken):
            if isinstance(pid, str) and pid not in place_ids:
                problems.append(
                    Problem(
                        rel,
                        doc.line_of(("plekken", i)),
                        field_label(("plekken", i)),
                        f"Er is geen plek met id '{pid}'.{suggest(pid, place_ids)} "
                        "Een id is de naam van een bestand in locations/, zonder .yaml.",
                    )
                )
    return problems
