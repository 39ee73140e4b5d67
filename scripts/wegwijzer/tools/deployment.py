"""The deployment's settings for commands: mkdocs.yml read the way a build reads it."""

from __future__ import annotations

from pathlib import Path

from wegwijzer.site.context import Settings


def load_settings(root: Path) -> Settings:
    """site_url, repo_url, melden_url, tile_url, verouderd_na_maanden, ... from root/mkdocs.yml.

    The environment (WEGWIJZER_SITE_URL, WEGWIJZER_VOORBEELDEN) counts, as in a build.
    Without a readable mkdocs.yml: the defaults.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from wegwijzer.site.plugin import public_site_url, settings_of

    try:
        config = load_config(str(root / "mkdocs.yml"))
    except (OSError, ConfigurationError):
        return Settings(project_dir=root, data_dir=root, site_url=public_site_url(""))
    plugin = config.plugins.get("wegwijzer")
    if plugin is None:
        return Settings(project_dir=root, data_dir=root, site_url=public_site_url(config.site_url))
    return settings_of(config, plugin.config)
