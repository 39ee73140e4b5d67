"""How to reach each gemeente and its wijkteam or sociaal loket: ``data/gemeenten.yaml``.

The contact routes (``core.contact``) fall back to these when an entry has no route of its
own. The websites of the four gemeenten are public facts; what nobody here could check stays
empty (``# VUL IN`` in the file) and the readiness report (``core.readiness``) lists it.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError

from wegwijzer.core import yamlsafe
from wegwijzer.core.messages import field_label, suggest, translate
from wegwijzer.core.model import Contact, Email, Phone, Strict, Text, Url
from wegwijzer.core.problems import Problem
from wegwijzer.core.region import Region
from wegwijzer.core.vocab import DATA_DIR

GEMEENTEN_FILE = DATA_DIR / "gemeenten.yaml"


class Loket(Contact):
    """The wijkteam or sociaal loket of a gemeente: where a resident goes with a question for help."""

    naam: Text | None = Field(None, max_length=90, description="Naam, bijvoorbeeld Wijkteam Den Helder.")


class Gemeente(Strict):
    """One gemeente: its website (required), its own phone and e-mail, and its loket."""

    id: str = Field(description="Id van de gemeente, zoals in woonkernen.yaml.")
    website: Url = Field(description="Webadres van de gemeente.")
    telefoon: Phone | None = None
    email: Email | None = None
    bron: Text = Field(description="Waar de gegevens vandaan komen.")
    loket: Loket = Field(default_factory=Loket)


def _relative(path: Path) -> str:
    root = DATA_DIR.parents[2]  # the project: scripts/wegwijzer/data -> .
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def load_gemeenten(region: Region, path: Path | None = None) -> tuple[dict[str, Gemeente], list[Problem]]:
    """Read and check the file: one block per gemeente of the region, no more, no less.

    Returns the gemeenten by id and every problem found (Dutch, with line numbers).
    """
    path = path or GEMEENTEN_FILE
    rel = _relative(path)
    try:
        doc = yamlsafe.read(path)
    except yamlsafe.YamlProblem as exc:
        return {}, [Problem(rel, exc.line, exc.field, exc.message)]
    except OSError as exc:
        return {}, [Problem(rel, None, "", f"Het bestand kan niet worden gelezen ({exc.strerror}).")]
    blocks = doc.data.get("gemeenten") if isinstance(doc.data, dict) else None
    if not isinstance(blocks, list):
        return {}, [Problem(rel, 1, "gemeenten", "Zet de gemeenten in een lijst onder 'gemeenten:'.")]
    found: dict[str, Gemeente] = {}
    problems: list[Problem] = []
    for i, block in enumerate(blocks):
        gemeente, errors = _gemeente(block, doc, ("gemeenten", i), rel, region, found)
        problems += errors
        if gemeente is not None:
            found[gemeente.id] = gemeente
    if not problems:
        for g in region.gemeenten():
            if g.id not in found:
                message = f"De gemeente '{g.id}' ontbreekt. Zet een blok met id: {g.id} en de website erbij."
                problems.append(Problem(rel, None, "gemeenten", message))
    return found, problems


def _gemeente(
    block, doc: yamlsafe.Document, at: tuple, rel: str, region: Region, found: dict[str, Gemeente]
) -> tuple[Gemeente | None, list[Problem]]:
    """One block of the file, checked: the model's rules, then its id (known, and not twice)."""
    try:
        gemeente = Gemeente.model_validate(block)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc, message = translate(err, "gemeente", Gemeente)
            problems.append(Problem(rel, doc.line_of((*at, *loc)), field_label(loc), message))
        return None, problems
    known = [g.id for g in region.gemeenten()]
    line = doc.line_of((*at, "id"))
    if gemeente.id not in known:
        hint = f"{suggest(gemeente.id, known)} Kies uit: {', '.join(known)}."
        return None, [Problem(rel, line, "id", f"'{gemeente.id}' is geen gemeente in de Kop.{hint}")]
    if gemeente.id in found:
        return None, [Problem(rel, line, "id", f"De gemeente '{gemeente.id}' staat er twee keer in. Haal er één weg.")]
    return gemeente, []
