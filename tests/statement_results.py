"""What the accessibility checks found, for the statement on /toegankelijkheid/ (site/statement.py).

While ``WEGWIJZER_TOEGANKELIJKHEID`` names a folder (``make toegankelijkheid`` sets it), every check
writes one small JSON file per page type there: how many problems it found. Running this file merges
them into ``scripts/wegwijzer/data/toegankelijkheid-getest.json``, with the tool versions and the date:

    python tests/statement_results.py FOLDER

Outside that run ``record`` does nothing, so a normal test run never changes the repository.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS_FILE = ROOT / "scripts" / "wegwijzer" / "data" / "toegankelijkheid-getest.json"
CHECKS = ("axe", "vnu", "tikdoelen", "nederlands")
VIEWPORTS = ["360 × 640", "1280 × 900"]


def record(check: str, page_type: str, problems: int, variant: str = "") -> None:
    """Remember that `check` found `problems` on the page of this type (only during make toegankelijkheid)."""
    folder = os.environ.get("WEGWIJZER_TOEGANKELIJKHEID")
    if not folder:
        return
    assert check in CHECKS, check
    path = Path(folder) / f"{check}--{page_type}--{variant or 'telefoon'}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"check": check, "type": page_type, "problemen": problems}), encoding="utf-8")


def _npm_version(name: str) -> str:
    meta = json.loads((ROOT / "node_modules" / name / "package.json").read_text(encoding="utf-8"))
    return str(meta["version"])


def merge(folder: Path) -> dict:
    from pagetypes import PAGE_TYPES, find_page, url_path

    site = folder / "site"
    types: dict[str, dict] = {}
    for pt in PAGE_TYPES:
        file = find_page(site, pt) if site.is_dir() else None
        types[pt.name] = {"wat": pt.what, "pad": "/" + url_path(site, file) if file else ""}
        types[pt.name].update({check: None for check in CHECKS})
    for part in sorted(folder.glob("*--*--*.json")):
        data = json.loads(part.read_text(encoding="utf-8"))
        entry = types.setdefault(data["type"], {"wat": data["type"], **{c: None for c in CHECKS}})
        entry[data["check"]] = (entry[data["check"]] or 0) + int(data["problemen"])
    return {
        "datum": dt.date.today().isoformat(),
        "gereedschap": {
            "axe-core": _npm_version("axe-core"),
            "Nu Html Checker (vnu)": _npm_version("vnu-jar"),
            "Playwright met Chromium": _chromium_version(),
        },
        "schermen": VIEWPORTS,
        "paginatypen": types,
    }


def _chromium_version() -> str:
    import subprocess

    try:
        out = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=30).stdout
    except OSError:
        return ""
    return out.strip().removeprefix("Chromium ").split(" ")[0]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    result = merge(Path(sys.argv[1]))
    RESULTS_FILE.write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    missing = [name for name, info in result["paginatypen"].items() if any(info[c] is None for c in CHECKS)]
    print(f"{RESULTS_FILE.relative_to(ROOT)} geschreven: {len(result['paginatypen'])} soorten pagina's.")
    if missing:
        print("Niet elke test heeft gedraaid voor: " + ", ".join(missing), file=sys.stderr)
        sys.exit(1)
