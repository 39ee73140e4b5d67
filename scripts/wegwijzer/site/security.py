"""Defence in depth for the built site: a Content-Security-Policy on every page, and no file from outside.

Escaping is the first line: every template (Material's too) renders with autoescape on
(``plugin.on_env``), and entry text cannot hold markup (``core.guard``). The policy here is
the second line, so a future slip still cannot run a script:

- scripts only from the site itself (``script-src 'self'``): no inline script, no event
  handler attribute, no ``javascript:`` link runs. The site has no inline JavaScript; the
  few scripts the theme inlined are files in ``overrides/assets/javascripts/``. JSON data
  blocks (``application/json``, ``application/ld+json``) are data, not script, and are allowed;
- images from the site, ``data:`` URLs (Leaflet, the theme's icons) and the configured tile
  host (``tile_url``); every fetch goes to the site itself;
- no plugins (``object-src 'none'``), no ``<base>`` and forms only to the site itself.

Inline ``style`` attributes stay allowed (Leaflet and the theme set them); styles cannot run code.
The policy is a ``<meta>`` element, the first thing in ``<head>``, because a static host
may not let us set headers. It is the same on every page, so builds stay reproducible.

Files: ``site_file_problems`` finds every file of the site's sources (``content/``,
``overrides/``) that is a link to somewhere outside the project, a link to a folder, or no
regular file; the plugin refuses to build with them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from wegwijzer.core.files import FileProblem, check_inside, check_regular
from wegwijzer.core.guard import one_line
from wegwijzer.site.context import BuildContext, Settings
from wegwijzer.site.pages import Page
from wegwijzer.site.view import View

_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)


def tile_source(tile_url: str) -> str:
    """The CSP source of the tile server: 'https://tile.openstreetmap.org'; {s} subdomains become '*'.

    A relative tile URL (tiles served by the site itself) needs no source: ''.
    """
    parts = urlsplit(tile_url)
    if not parts.scheme or not parts.netloc:
        return ""
    host = re.sub(r"\{[^{}]*\}", "*", parts.netloc)
    host = re.sub(r"^[^.]*\*[^.]*\.", "*.", host)  # 'a{s}b.tile...' -> '*.tile...'
    return f"{parts.scheme}://{host}"


def policy(settings: Settings) -> str:
    """The Content-Security-Policy of every page."""
    tiles = tile_source(settings.tile_url)
    img = " ".join(part for part in ("'self'", "data:", tiles) if part)
    rules = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src {img}",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
    return "; ".join(rules)


def meta_tag(settings: Settings) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(settings)}">'


class SecurityView(View):
    """Puts the Content-Security-Policy first in the head of every page."""

    name = "security"

    def __init__(self) -> None:
        self.tag = ""

    def start(self, ctx: BuildContext) -> None:
        self.tag = meta_tag(ctx.settings)

    def html(self, ctx: BuildContext, page: Page | None, html: str) -> str:
        head = _HEAD.search(html)
        if head is None:
            raise PluginError("Een pagina heeft geen <head>: de beveiliging (CSP) kan er niet in.")
        return html[: head.end()] + self.tag + html[head.end() :]


def site_file_problems(project: Path, folders: Iterable[Path]) -> list[str]:
    """Files in the site's source folders (content/, overrides/) that may not go on the site.

    Runs before MkDocs walks those folders (MkDocs follows links, also to folders outside
    or to a folder above, which never ends). Refused: a file that is a link to somewhere
    outside the project, a link to a folder, and anything that is not a regular file.
    A source folder itself may be a link (tests link content/ into a temporary project).
    """
    problems = []
    for folder in folders:
        if not folder.is_dir():
            continue
        roots = [project, folder]
        for dirpath, dirnames, filenames in os.walk(folder):
            for name in sorted(dirnames + filenames):
                path = Path(dirpath) / name
                problem = _site_file_problem(path, name in dirnames, roots)
                if problem:
                    shown = path.relative_to(folder.parent).as_posix() if path.is_relative_to(folder.parent) else path
                    problems.append(f"{one_line(str(shown))}: fout: {problem}")
    return sorted(problems)


def _site_file_problem(path: Path, is_dir: bool, roots: list[Path]) -> str | None:
    if is_dir:
        if path.is_symlink():
            return "Deze map is een snelkoppeling (symlink). Dat mag niet: zet de bestanden zelf in de map."
        return None
    try:
        check_inside(path, roots)
        check_regular(path)
    except FileProblem as exc:
        return exc.message
    return None
