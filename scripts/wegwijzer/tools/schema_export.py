"""Export the entry model as JSON Schema, so editors get completion and hints (VS Code YAML)."""

from __future__ import annotations

import json
from pathlib import Path

from wegwijzer.core.model import Activity, Location


def schemas() -> dict[str, dict]:
    out = {}
    for name, model, title in (("plek", Location, "Plek (locations/)"), ("aanbod", Activity, "Aanbod (activities/)")):
        schema = model.model_json_schema(by_alias=True, mode="validation")
        schema["title"] = f"De Wegwijzer van de Kop: {title}"
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[name] = schema
    return out


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written
