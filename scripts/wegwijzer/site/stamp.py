"""The build stamp: what a built site was made from, so `wegwijzer folders` never prints an old site.

Every build writes ``folder/bouw.json`` (the leaflets are what it is for): the date the site
describes, whether example items are in it, the public address (for the QR codes) and a digest
of everything the pages are made from (entries, lists, templates, code, mkdocs.yml).
``why_stale`` compares it with what a build would make now and says in Dutch what differs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import wegwijzer
from wegwijzer.core.describe import date_text

STAMP_FILE = "folder/bouw.json"
CODE_DIR = Path(wegwijzer.__file__).resolve().parent  # the code, with data/ (lists, woonkernen)
_SKIP = {"__pycache__", "node_modules", ".git"}


@dataclass(frozen=True)
class Stamp:
    gemaakt_op: str  # the date the site describes (YYYY-MM-DD)
    voorbeelden: bool
    site_url: str
    bronnen: str  # sha256 of the sources


def _files(folder: Path):
    if folder.is_file():
        yield folder
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not _SKIP.intersection(path.relative_to(folder).parts) and path.suffix != ".pyc":
            yield path


def sources_digest(project_dir: Path, data_dir: Path) -> str:
    """One digest of the entries, guides, templates, mkdocs.yml and code: it changes when any of them does."""
    digest = hashlib.sha256()
    roots = {
        "items": [data_dir / "locations", data_dir / "activities", data_dir / "content" / "gids"],
        "site": [project_dir / "mkdocs.yml", project_dir / "overrides"],
        "code": [CODE_DIR],
    }
    for name, folders in roots.items():
        for folder in folders:
            if not folder.exists():
                continue
            for path in _files(folder):
                digest.update(f"{name}/{path.relative_to(folder).as_posix()}\0".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def write_stamp(site_dir: Path, stamp: Stamp) -> None:
    path = site_dir / STAMP_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(stamp), indent=2, sort_keys=True) + "\n", encoding="utf-8")


def read_stamp(site_dir: Path) -> Stamp | None:
    try:
        stamp = Stamp(**json.loads((site_dir / STAMP_FILE).read_text(encoding="utf-8")))
        dt.date.fromisoformat(stamp.gemaakt_op)
        return stamp
    except (OSError, ValueError, TypeError):
        return None


def why_stale(site_dir: Path, wanted: Stamp) -> list[str]:
    """Why the site in ``site_dir`` is not what a build would make now (Dutch); [] when it is."""
    built = read_stamp(site_dir)
    if built is None:
        return [f"Er is nog geen gebouwde site in {site_dir} (of hij is gebouwd met een oude versie)."]
    reasons = []
    if built.bronnen != wanted.bronnen:
        reasons.append("Er is iets veranderd in de items, de keuzelijsten, de sjablonen of de code.")
    if built.gemaakt_op != wanted.gemaakt_op:
        made = date_text(dt.date.fromisoformat(built.gemaakt_op))
        reasons.append(f"De site is gemaakt op {made}. Een folder krijgt de datum van vandaag.")
    if built.voorbeelden != wanted.voorbeelden:
        reasons.append(
            "De site heeft voorbeeld-items, de folders niet."
            if built.voorbeelden
            else "De site heeft geen voorbeeld-items, maar je vroeg erom (--met-voorbeelden)."
        )
    if built.site_url != wanted.site_url:
        reasons.append("Het webadres van de site (site_url) is veranderd. Dat staat in de QR-code.")
    return reasons
