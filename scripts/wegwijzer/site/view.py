"""The view protocol: how a part of the site is made from the catalogue.

A view is an object with its own state for one build. The plugin calls the hooks of
every view in the order of ``plugin.VIEWS``, in this order within a build:

1. ``start(ctx)``                      once, before anything else (e.g. read git history)
2. ``pages(ctx)``                      the generated pages the view owns
3. ``files(ctx)``                      extra files for the site: path -> text or bytes
4. ``jinja(ctx, env, ww)``             add Jinja filters or entries of the ``ww`` global
5. ``context(ctx, page, doc, context)`` per page, after the page's own ``Page.context``;
                                        ``page`` is None for a hand-written page in content/
6. ``html(ctx, page, html)``           per rendered page (also 404.html, with doc None): HTML in, HTML out
7. ``finish(ctx, site_dir)``           once, after every page is written

Every hook has a default that does nothing, so a view only writes the hooks it needs.
Views never change the build context or another view's state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.pages import Page as MkDocsPage

    from wegwijzer.site.context import BuildContext
    from wegwijzer.site.pages import Page


class View:
    """Base class of every view; see the module docstring for the order of the hooks."""

    name: ClassVar[str] = "view"

    def start(self, ctx: BuildContext) -> None:
        """Once per build, before pages and files."""

    def pages(self, ctx: BuildContext) -> Iterable[Page]:
        """The generated pages this view owns."""
        return ()

    def files(self, ctx: BuildContext) -> Mapping[str, str | bytes]:
        """Files to add to the site (path in the site -> content)."""
        return {}

    def jinja(self, ctx: BuildContext, env: Environment, ww: dict[str, Any]) -> None:
        """Add filters to the Jinja environment or entries to the ``ww`` template global."""

    def context(self, ctx: BuildContext, page: Page | None, doc: MkDocsPage, context: dict[str, Any]) -> None:
        """Add to the template context of one page."""

    def html(self, ctx: BuildContext, page: Page | None, html: str) -> str:
        """Change one rendered page."""
        return html

    def finish(self, ctx: BuildContext, site_dir: Path) -> None:
        """Work on the finished site."""
