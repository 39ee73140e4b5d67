"""What an import did, for the editor: per item what came in, what was left out and why.

Shared by every importer (HSDS, CSV, ICS, OpenStreetMap): the same report and the same exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wegwijzer.core.guard import one_line

# Exit codes of every `wegwijzer import-...` command (also in the README and each command's help).
ALL_IN = 0  # every item came in (or the input was empty)
UNREADABLE = 1  # the input cannot be read, or the files could not be written: nothing was written
SOME_SKIPPED = 3  # one or more items were skipped (each with its reason); the others came in


@dataclass
class Imported:
    """What one item of the input (a service, a row, an event, a place) became."""

    name: str
    entry_file: str | None = None  # 'activities/x.yaml' or 'locations/x.yaml' when it came in
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: bool = False


@dataclass
class ImportResult:
    items: list[Imported] = field(default_factory=list)
    written: bool = False  # False for a trial run (--proef): the files were only planned
    noun: str = "diensten"  # what the items are, for the last lines: "3 van de 4 diensten ingelezen"
    notes: list[str] = field(default_factory=list)  # about the input as a whole, shown first

    @property
    def files(self) -> list[Path]:
        return [f for item in self.items for f in item.files]

    @property
    def exit_code(self) -> int:
        return SOME_SKIPPED if any(item.skipped for item in self.items) else ALL_IN

    def report(self) -> str:
        """The report as text for a terminal: one line per service, its notes below it."""
        lines = [one_line(note) for note in self.notes]
        for item in self.items:
            if item.skipped:
                lines.append(f"NIET ingelezen: {one_line(item.name)}")
            else:
                lines.append(f"Ingelezen: {one_line(item.name)} -> {item.entry_file}")
            lines += [f"  - {one_line(note)}" for note in item.notes]
        skipped = sum(item.skipped for item in self.items)
        lines.append(
            f"{len(self.items) - skipped} van de {len(self.items)} {self.noun} ingelezen"
            + (f", {skipped} niet (de reden staat erbij)." if skipped else ".")
        )
        count = len(self.files)
        if self.written:
            lines.append(
                f"{count} bestand(en) geschreven. Controleer elk item en vul 'gecontroleerd_op' in "
                "als alles klopt. Draai daarna 'wegwijzer validate'."
            )
        else:
            lines.append(f"Proef: er is niets geschreven. Zonder --proef zouden {count} bestand(en) worden geschreven.")
        return "\n".join(lines)
