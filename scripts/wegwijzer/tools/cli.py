"""The `wegwijzer` command for editors and developers."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from wegwijzer.core.problems import EntryErrors, format_report
from wegwijzer.tools import importeer


def project_root() -> Path:
    """The folder with mkdocs.yml: the current folder or one of its parents."""
    here = Path.cwd()
    for folder in [here, *here.parents]:
        if (folder / "mkdocs.yml").exists():
            return folder
    return here


def _relative_files(root: Path, names: list[str]) -> list[str]:
    """File names as given on the command line -> 'activities/x.yaml' (relative to root)."""
    out = []
    for name in names:
        path = Path(name).resolve()
        out.append(path.relative_to(root).as_posix() if path.is_relative_to(root) else Path(name).as_posix())
    return out


def cmd_validate(args) -> int:
    from wegwijzer.core.load import load_catalog

    root = Path(args.root).resolve() if args.root else project_root()
    only = _relative_files(root, getattr(args, "bestanden", []) or [])
    missing = [name for name in only if not (root / name).is_file()]
    if missing:
        print(f"Dit bestand bestaat niet: {', '.join(missing)}.", file=sys.stderr)
        return 1
    try:  # every file is read (an offer needs its places), only the asked files are reported
        catalog = load_catalog(root)
        problems = catalog.problems
    except EntryErrors as exc:
        problems = exc.problems
    if only:
        problems = [p for p in problems if p.file in only]
    errors = [p for p in problems if not p.warning]
    if problems:
        print(format_report(problems), file=sys.stderr)
    if errors:
        return 1
    if only:
        print(f"Alles klopt in {', '.join(only)}.")
    else:
        guides = f" Ook de {len(catalog.guides)} gidsen kloppen." if catalog.guides else ""
        print(f"Alles klopt: {len(catalog.locations)} plekken en {len(catalog.activities)} keer aanbod.{guides}")
    return 0


def _mkdocs_config(args):
    from mkdocs.config import load_config

    root = project_root()
    kwargs = {}
    if getattr(args, "site_dir", None):
        kwargs["site_dir"] = str(Path(args.site_dir).resolve())
    return load_config(str(root / "mkdocs.yml"), **kwargs)


_LEVELS = {"DEBUG": "info", "INFO": "info", "WARNING": "let op", "ERROR": "fout", "CRITICAL": "fout"}


class _DutchFormatter(logging.Formatter):
    """MkDocs' log lines with Dutch level names: 'let op: ...' instead of 'WARNING: ...'."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{_LEVELS.get(record.levelname, record.levelname.lower())}: {record.getMessage()}"


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is now (not the one of the first call: main() can run more than once)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _dutch_logging(level: int = logging.WARNING) -> None:
    handler = _StderrHandler()
    handler.setFormatter(_DutchFormatter())
    logging.basicConfig(level=level, handlers=[handler], force=True)


NOT_BUILT = "De site is niet gebouwd. Lees de fout hierboven, verbeter hem en probeer het opnieuw."


def cmd_build(args) -> int:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, PluginError

    _dutch_logging()
    try:
        config = _mkdocs_config(args)
        if args.zonder_voorbeelden:
            config.plugins["wegwijzer"].config.voorbeelden = False
        build(config)
    except PluginError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except Abort:  # MkDocs says "Aborted with a BuildError!"; the real error is already logged
        print(NOT_BUILT, file=sys.stderr)
        return 1
    print(f"De site staat in {config.site_dir}")
    return 0


def _plugins_without_examples(config_file: Path) -> list:
    """The plugins of mkdocs.yml with `voorbeelden: false` for ours (serve reloads the config on every change)."""
    from mkdocs.utils.yaml import yaml_load

    with config_file.open(encoding="utf-8") as f:
        plugins = list(yaml_load(f).get("plugins") or [])
    for i, entry in enumerate(plugins):
        if entry == "wegwijzer":
            plugins[i] = {"wegwijzer": {"voorbeelden": False}}
        elif isinstance(entry, dict) and "wegwijzer" in entry:
            plugins[i] = {"wegwijzer": {**(entry["wegwijzer"] or {}), "voorbeelden": False}}
    return plugins


def cmd_serve(args) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, PluginError

    _dutch_logging()
    config_file = project_root() / "mkdocs.yml"
    extra: dict[str, Any] = {"plugins": _plugins_without_examples(config_file)} if args.zonder_voorbeelden else {}
    print("De site wordt gebouwd. Even geduld ...", flush=True)
    try:  # the plugin's on_serve says where to open it, once the first build is done
        serve(config_file=str(config_file), open_in_browser=False, dev_addr=args.adres, livereload=True, **extra)
    except PluginError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except Abort:
        print(NOT_BUILT, file=sys.stderr)
        return 1
    return 0


def cmd_schema(args) -> int:
    from wegwijzer.tools.schema_export import HINT, PLACES_HINT, stale_schemas, write_schemas

    root = Path(args.root).resolve() if args.root else project_root()
    if args.controleer:
        stale, behind = stale_schemas(root)
        if stale:
            print(f"{HINT}\nNiet actueel: {', '.join(p.relative_to(root).as_posix() for p in stale)}.", file=sys.stderr)
            return 1
        if behind:
            print(PLACES_HINT, file=sys.stderr)
        print(
            "Het JSON Schema in schema/ is actueel." if not behind else "Het JSON Schema in schema/ is verder actueel."
        )
        return 0
    for path in write_schemas(root):
        print(f"Geschreven: {path.relative_to(root).as_posix()}")
    return 0


def cmd_bench(args) -> int:
    from wegwijzer.tools.bench import run

    out = Path(args.uit) if args.uit else None
    run(project_root(), args.n or [1000, 10000], out)
    return 0


def _run_of(module: str) -> Callable[[argparse.Namespace], int]:
    """A command whose code is in wegwijzer.tools.<module>: run(root, args), root from --root or the project."""

    def run(args: argparse.Namespace) -> int:
        root = Path(args.root).resolve() if args.root else project_root()
        return import_module(f"wegwijzer.tools.{module}").run(root, args)

    return run


def cmd_folders(args) -> int:
    import argparse as _argparse

    from wegwijzer.site.leaflets import FOLDER_DIR
    from wegwijzer.tools.folders import PDF_DIR, fresh_site, leaflet_ids, not_found, unknown_areas, write_pdfs

    unknown = unknown_areas(args.ids)
    if unknown:
        print(not_found(unknown), file=sys.stderr)
        return 1
    config = _mkdocs_config(args)
    site_dir = Path(config.site_dir)
    build_args = _argparse.Namespace(site_dir=str(site_dir), zonder_voorbeelden=False)
    code = fresh_site(config, args.met_voorbeelden, args.bouw, lambda: cmd_build(build_args))
    if code:
        return code
    out = Path(args.uit).resolve() if args.uit else site_dir / PDF_DIR
    try:
        written = write_pdfs(site_dir, out, args.ids or None)
    except (FileNotFoundError, KeyError) as exc:
        print(exc.args[0] if exc.args else str(exc), file=sys.stderr)
        return 1
    first = site_dir / FOLDER_DIR / (args.ids or leaflet_ids(site_dir))[0] / "index.html"
    if 'class="folder-qr__img"' not in first.read_text(encoding="utf-8"):
        print(
            "Let op: de folders hebben geen QR-code, want site_url ontbreekt. "
            "Zet site_url in mkdocs.yml of WEGWIJZER_SITE_URL.",
            file=sys.stderr,
        )
    print(f"{len(written)} {'folder' if len(written) == 1 else 'folders'} (PDF) geschreven in {out}")
    return 0


@dataclass(frozen=True)
class Command:
    """One subcommand of `wegwijzer`: its name, a line of help (Dutch), what it runs and its arguments."""

    name: str
    help: str
    run: Callable[[argparse.Namespace], int]
    arguments: Callable[[argparse.ArgumentParser], None] = lambda parser: None
    epilog: str = ""


def _root_argument(p: argparse.ArgumentParser, what: str = "locations/ en activities/") -> None:
    p.add_argument("--root", help=f"Map met {what} (standaard: deze map).")


def _args_validate(p: argparse.ArgumentParser) -> None:
    p.add_argument("bestanden", nargs="*", help="Alleen deze bestanden (standaard: alle items).")
    _root_argument(p)


def _args_build(p: argparse.ArgumentParser) -> None:
    p.add_argument("--zonder-voorbeelden", action="store_true", help="Laat voorbeeld-items weg (voor de echte site).")
    p.add_argument("--site-dir", help="Map voor de gebouwde site (standaard: site/).")


def _args_schema(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--controleer", action="store_true", help="Schrijf niets; geef een fout als schema/ niet actueel is (voor CI)."
    )
    _root_argument(p, "locations/, activities/ en schema/")


def _args_serve(p: argparse.ArgumentParser) -> None:
    p.add_argument("--zonder-voorbeelden", action="store_true", help="Laat voorbeeld-items weg (voor de echte site).")
    p.add_argument("--adres", default="127.0.0.1:8000", help="Adres en poort (standaard 127.0.0.1:8000).")


def _args_bench(p: argparse.ArgumentParser) -> None:
    p.add_argument("-n", type=int, action="append", help="Aantal items (mag vaker; standaard 1000 en 10000).")
    p.add_argument("--uit", help="Schrijf de uitkomst als JSON naar dit bestand.")


def _args_of(module: str) -> Callable[[argparse.ArgumentParser], None]:
    """The arguments of a command whose code has its own add_arguments (wegwijzer.tools.<module>)."""

    def add(p: argparse.ArgumentParser) -> None:
        import_module(f"wegwijzer.tools.{module}").add_arguments(p)

    return add


def _args_verouderd(p: argparse.ArgumentParser) -> None:
    p.add_argument("--formaat", choices=["md", "csv"], default="md", help="md (standaard) of csv.")
    p.add_argument("--uit", help="Schrijf de lijst naar dit bestand (standaard: op het scherm).")
    p.add_argument("--overschrijven", action="store_true", help="Vervang het bestand van --uit als het al bestaat.")
    p.add_argument("--maanden", type=int, help="Verouderd na zoveel maanden (standaard uit mkdocs.yml).")
    p.add_argument("--met-voorbeelden", action="store_true", help="Neem ook voorbeeld-items mee.")
    _root_argument(p)


def _args_gereed(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--streng", action="store_true", help="Stop met een fout als er nog iets ontbreekt (voor een release)."
    )
    p.add_argument("--uit", help="Schrijf het verslag naar dit bestand (standaard: op het scherm).")
    p.add_argument("--overschrijven", action="store_true", help="Vervang het bestand van --uit als het al bestaat.")
    _root_argument(p, "mkdocs.yml, locations/ en activities/")


def _args_geocode(p: argparse.ArgumentParser) -> None:
    _root_argument(p, "locations/")
    p.add_argument("--cache", help="Bestand met eerder gevonden adressen (standaard: data/geocode-cache.json).")
    p.add_argument("--alleen-kijken", action="store_true", help="Zoek op, maar verander geen bestanden.")


def _args_folders(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "ids",
        nargs="*",
        help="Alleen deze folders: een gebied (julianadorp) of gids/ik-heb-geldzorgen/texel. Standaard: alle.",
    )
    p.add_argument("--site-dir", help="Map met de gebouwde site (standaard: site/).")
    p.add_argument("--uit", help="Map voor de PDF's (standaard: SITE/folders).")
    p.add_argument("--met-voorbeelden", action="store_true", help="Neem ook voorbeeld-items op (standaard: niet).")
    p.add_argument("--bouw", action="store_true", help="Bouw de site altijd opnieuw (dat gebeurt ook als hij oud is).")
    p.add_argument("--zonder-voorbeelden", action="store_true", help=argparse.SUPPRESS)  # the default now


COMMANDS: tuple[Command, ...] = (
    Command("validate", "Controleer alle items en toon alle fouten.", cmd_validate, _args_validate),
    Command("controleer", "Hetzelfde als validate: controleer de items.", cmd_validate, _args_validate),
    Command("build", "Bouw de site in de map site/.", cmd_build, _args_build),
    Command("serve", "Bouw de site en bekijk hem op http://127.0.0.1:8000.", cmd_serve, _args_serve),
    Command("schema", "Schrijf het JSON Schema voor editors (map schema/).", cmd_schema, _args_schema),
    Command("bench", "Meet bouwtijd, geheugen en grootte met synthetische items.", cmd_bench, _args_bench),
    Command(
        "import-hsds",
        "Lees aanbod in uit een HSDS 3.0-bestand van een partner (JSON).",
        importeer.cmd_import_hsds,
        importeer.args_import_hsds,
        importeer.EXIT_CODES.format(what="diensten"),
    ),
    Command(
        "import-csv",
        "Lees aanbod of plekken in uit een lijst (CSV of Excel) met een mappingbestand.",
        importeer.cmd_import_csv,
        importeer.args_import_csv,
        importeer.EXIT_CODES.format(what="regels"),
    ),
    Command(
        "import-ics",
        "Lees activiteiten in uit een agenda (iCalendar, .ics) van bijvoorbeeld een bibliotheek of buurthuis.",
        importeer.cmd_import_ics,
        importeer.args_import_ics,
        importeer.EXIT_CODES.format(what="agenda-items"),
    ),
    Command(
        "import-osm",
        "Lees ontmoetingsplekken in uit OpenStreetMap (buurthuizen, bibliotheken, ...) in de vier gemeenten.",
        importeer.cmd_import_osm,
        importeer.args_import_osm,
        importeer.EXIT_CODES.format(what="plekken")
        + " Zonder --bestand vraagt de opdracht de gegevens online op (Overpass API).",
    ),
    Command(
        "inbox",
        "Lees een aanmelding van het formulier op de site in (uit een e-mail).",
        _run_of("inbox"),
        _args_of("inbox"),
    ),
    Command(
        "nieuw",
        "Maak een nieuw item: een plek of aanbod, met uitleg bij elk veld.",
        _run_of("nieuw.command"),
        _args_of("nieuw.command"),
    ),
    Command(
        "geocode",
        "Vul ontbrekende coördinaten van plekken in vanuit het adres (OpenStreetMap).",
        _run_of("geocode"),
        _args_geocode,
    ),
    Command(
        "verouderd",
        "Lijst van items die lang niet zijn nagekeken (voor de maandelijkse ronde).",
        _run_of("verouderd"),
        _args_verouderd,
    ),
    Command(
        "gereed",
        "Is de echte site klaar? Verslag per gemeente en woonkern, en wat er nog ontbreekt om live te gaan.",
        _run_of("gereed"),
        _args_gereed,
    ),
    Command(
        "folders",
        "Maak PDF-folders (A4) van elke gemeente, kern en wijk, en van elke gids per gemeente, om te printen.",
        cmd_folders,
        _args_folders,
    ),
    Command(
        "taal",
        "Controleer of alle teksten op taalniveau B1 zijn (korte zinnen, gewone woorden).",
        _run_of("taal.command"),
        _args_of("taal.command"),
    ),
)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wegwijzer", description="De Wegwijzer van de Kop: items controleren en de site bouwen."
    )
    sub = parser.add_subparsers(dest="command", metavar="opdracht")
    for command in COMMANDS:
        p = sub.add_parser(command.name, help=command.help, description=command.help, epilog=command.epilog or None)
        p.set_defaults(func=command.run)
        command.arguments(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except EntryErrors as exc:  # a command that needs the data, on data that cannot be read
        print(format_report(exc.problems), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
