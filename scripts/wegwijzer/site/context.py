"""What every view gets: one frozen build context (catalogue, date, settings, pages)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from wegwijzer.core.catalog import Catalog

if TYPE_CHECKING:
    from wegwijzer.site.pages import Page


@dataclass(frozen=True)
class Settings:
    """The deployment's choices: the plugin settings in mkdocs.yml, after the command line had its say."""

    project_dir: Path = Path(".")  # the folder with mkdocs.yml (and node_modules/)
    data_dir: Path = Path(".")  # the folder with locations/ and activities/
    include_examples: bool = True
    site_url: str = ""  # the public address, ending in '/'; '' while it is not known
    melden_url: str = ""
    melden_email: str = ""
    verouderd_na_maanden: int = 12
    tile_url: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    tile_attribution: str = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
    # "osm": raster tiles from tile_url, only after the visitor says yes (the tile host sees their IP address).
    # "pmtiles": vector tiles from one PMTiles file on this site's own host: no consent, no outside request.
    tiles: str = "osm"
    pmtiles_file: str = ""  # a .pmtiles file in the project, copied into the site (maps.PMTILES_PATH)
    pmtiles_url: str = ""  # or the path on this site's own host where the web server serves it
    repo_url: str = ""  # the GitHub repository the web editor saves to ('' while not chosen)
    edit_branch: str = "main"  # the branch pull requests of the web editor go to
    edit_auth_url: str = ""  # the OAuth service that signs editors in to GitHub (web editor)

    @property
    def node_modules(self) -> Path:
        return self.project_dir / "node_modules"


@dataclass(frozen=True)
class BuildContext:
    """One build: the catalogue, the date the site describes, the settings and every generated page.

    Views read it and never change it. ``pages`` is filled once all views have said which
    pages they make (see ``plugin.on_files``); before that it is empty.
    """

    catalog: Catalog
    today: dt.date
    settings: Settings
    pages: Mapping[str, Page] = field(default_factory=lambda: MappingProxyType({}))

    def page(self, src_uri: str) -> Page | None:
        """The generated page for a source path, or None for a hand-written page in content/."""
        return self.pages.get(src_uri)


def build_date() -> dt.date:
    """The date the site describes: today, the real date.

    Tests and determinism checks set SOURCE_DATE_EPOCH to get the same site every time; a real
    build never takes a date from git (that kept ended offers on the site until the next commit).
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
