"""Every importer on input that is no input at all: one Dutch line, exit status 1, nothing written, no traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from wegwijzer.tools import cli

MAPPING = {
    "wat": "aanbod",
    "kolommen": {"naam": "Naam"},
    "vast": {"samenvatting": "Een zin.", "organisatie": "Proef", "soort": "activiteit"}
    | {"themas": ["ontmoeten"], "doelgroepen": ["iedereen"]},
}


def _command(name: str, path: Path, root: Path) -> list[str]:
    if name == "import-csv":
        mapping = root / "kolommen.yaml"
        mapping.write_text(yaml.safe_dump(MAPPING), encoding="utf-8")
        return [name, str(path), "--mapping", str(mapping), "--root", str(root)]
    if name == "import-osm":
        return [name, "--bestand", str(path), "--root", str(root)]
    return [name, str(path), "--root", str(root)]


def _huge(path: Path) -> None:
    with path.open("wb") as f:
        f.truncate(40 * 1024 * 1024)  # sparse: no time, no disk


KINDS = {
    "ontbreekt": (lambda path: None, "Het bestand bestaat niet"),
    "map": (lambda path: path.mkdir(), "Dit is een map, geen gewoon bestand."),
    "pijp": (lambda path: os.mkfifo(path), "Dit is een pijp (FIFO), geen gewoon bestand."),
    "reus": (_huge, "Het bestand is te groot"),
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", ["import-hsds", "import-csv", "import-ics", "import-osm"])
def test_no_input_at_all(tmp_path, capsys, command, kind):
    make, words = KINDS[kind]
    path = tmp_path / "invoer.dat"
    make(path)
    code = cli.main(_command(command, path, tmp_path))
    out, err = capsys.readouterr()
    assert code == 1 and words in err, err
    assert "Traceback" not in out + err and err.count("\n") <= 2
    assert not (tmp_path / "activities").exists() and not (tmp_path / "locations").exists()
