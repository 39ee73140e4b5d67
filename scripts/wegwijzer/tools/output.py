"""Writing files from commands: never over a file without asking, never into the data by accident.

A report (`--uit` of `wegwijzer verouderd` and `wegwijzer gereed`): a typo in --uit must not replace
README.md, an entry or a content page: an existing file needs --overschrijven, and the folders with
entries and pages are refused outright.

An entry (`wegwijzer inbox`): only into locations/ or activities/, a new file is created only when
there is none (also not one made at the same moment), and an existing one is replaced only when asked.
"""

from __future__ import annotations

import os
from pathlib import Path

from wegwijzer.core.guard import one_line

PROTECTED = ("activities", "locations", "content")  # a report is never written into these folders


def output_problem(target: Path, root: Path, overwrite: bool) -> str | None:
    """Why the report may not be written to this file (Dutch), or None when it may."""
    real = target.resolve()
    for folder in PROTECTED:
        if real.is_relative_to((root / folder).resolve()):
            return (
                f"Het verslag mag niet in de map {folder}/ komen: daar staan items of pagina's. Kies een andere plek."
            )
    name = one_line(str(target))
    if not real.parent.is_dir():
        return f"De map {one_line(str(target.parent))} bestaat niet. Maak hem eerst, of kies een andere plek."
    if real.is_dir():
        return f"{name} is een map. Geef een bestandsnaam, bijvoorbeeld {name}/lijst.md."
    if real.exists() and not overwrite:
        return (
            f"Het bestand {name} bestaat al. Kies een andere naam, "
            "of zet --overschrijven erbij als je het echt wilt vervangen."
        )
    return None


def write_output(target: Path, text: str, root: Path, overwrite: bool) -> str | None:
    """Write text to target; a Dutch message (and nothing written) when that may not or cannot be done."""
    problem = output_problem(target, root, overwrite)
    if problem:
        return problem
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        return f"Schrijven naar {one_line(str(target))} lukte niet ({exc.strerror})."
    return None


DATA_FOLDERS = ("locations", "activities")  # where an entry may be written


def write_entry(target: Path, text: str, root: Path, overwrite: bool = False) -> str | None:
    """Write an entry file into root/locations or root/activities; a Dutch message (and nothing written) if not.

    The text is written to a temporary file first. Without ``overwrite`` it is then linked under its
    name, which fails when that name exists (also when the file appeared in the meantime); with
    ``overwrite`` it replaces the file in one step.
    """
    name = one_line(str(target))
    real = target.resolve()
    if not any(real.parent == (root / folder).resolve() for folder in DATA_FOLDERS):
        return f"Een item kan alleen in locations/ of activities/ komen, niet in {name}."
    temp = target.with_name(f".{target.name}.nieuw")
    try:
        temp.write_text(text, encoding="utf-8")  # the whole text first: never half a file under the real name
        if overwrite:
            os.replace(temp, target)
        else:
            os.link(temp, target)  # fails when the name exists, also when it appeared just now
    except FileExistsError:
        return f"Het bestand {name} bestaat al. Er is niets overschreven."
    except OSError as exc:
        return f"Schrijven naar {name} lukte niet ({exc.strerror})."
    finally:
        temp.unlink(missing_ok=True)
    return None
