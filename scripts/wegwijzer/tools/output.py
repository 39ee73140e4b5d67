"""Writing a report to a file an editor names (`--uit`): never over a file without asking, never into the data.

Used by `wegwijzer verouderd` and `wegwijzer gereed`. A typo in --uit must not replace README.md,
an entry or a content page: an existing file needs --overschrijven, and the folders with entries
and pages are refused outright.
"""

from __future__ import annotations

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
