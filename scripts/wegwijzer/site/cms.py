"""The web editor at /redactie/beheer/: Decap CMS, vendored from node_modules, with a config made in the build.

The admin page is a static file, not a MkDocs page: it is not in the navigation, not in the
site's search index and not in the sitemap. Its only outside contact is the git host it saves
to (the GitHub API) once an editor signs in; on localhost it talks to decap-server instead.
"""

from __future__ import annotations

from collections.abc import Mapping

import yaml
from mkdocs.exceptions import PluginError

from wegwijzer.core.urls import url_for
from wegwijzer.site.cms_config import Backend, cms_config
from wegwijzer.site.context import BuildContext
from wegwijzer.site.view import View

BUNDLE = "decap-cms/dist"  # in node_modules: decap-cms.js plus the chunks it loads on demand
SCRIPT = "beheer.js"

INDEX = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Webeditor - De Wegwijzer van de Kop</title>
</head>
<body>
<noscript><p>De webeditor werkt alleen met JavaScript. Je kunt ook een bestand aanpassen in de repository.
Uitleg: <a href="{help}">Zo voeg je iets toe</a>.</p></noscript>
<script src="decap-cms.js"></script>
<script src="beheer.js"></script>
</body>
</html>
"""

# Decap writes an emptied optional field as "" (or [] / {}); our model refuses empty fields.
# Leave them out of the file instead, so what the editor saves passes `wegwijzer validate`.
CLEAN_EMPTY = """// De Wegwijzer van de Kop: before saving, drop fields the editor left empty.
(function () {
  "use strict";
  function empty(value) {
    if (value === null || value === undefined || value === "") return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object") return Object.keys(value).length === 0;
    return false;
  }
  function clean(value) {
    if (Array.isArray(value)) return value.map(clean).filter(function (v) { return !empty(v); });
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (key) {
        var v = clean(value[key]);
        if (!empty(v)) out[key] = v;
      });
      return out;
    }
    return typeof value === "string" ? value.trim() : value;
  }
  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data").toJS();
      return event.entry.get("data").clear().mergeDeep(clean(data));
    },
  });
})();
"""


class CmsView(View):
    """Writes /redactie/beheer/: the wrapper page, the generated config.yml and the Decap CMS bundle."""

    name = "cms"

    def files(self, ctx: BuildContext) -> Mapping[str, str | bytes]:
        folder = "redactie/beheer/"
        dist = ctx.settings.node_modules / BUNDLE
        if not (dist / "decap-cms.js").exists():
            raise PluginError("Decap CMS ontbreekt in node_modules (decap-cms). Draai eerst make install.")
        files: dict[str, str | bytes] = {}
        for path in sorted(dist.iterdir()):
            if path.name.endswith("decap-cms.js") or path.suffix == ".wasm":
                files[folder + path.name] = path.read_bytes()
        backend = Backend.from_repo_url(ctx.settings.repo_url, ctx.settings.edit_branch, ctx.settings.edit_auth_url)
        config = cms_config(ctx.catalog.region, backend, ctx.settings.site_url)
        header = (
            "# Gemaakt door de build (wegwijzer.site.cms_config) uit het model en de keuzelijsten. Niet aanpassen.\n"
        )
        files[folder + "config.yml"] = header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)
        files[folder + "index.html"] = INDEX.format(help="../../" + url_for("redactie-hulp"))
        files[folder + SCRIPT] = CLEAN_EMPTY
        return files
