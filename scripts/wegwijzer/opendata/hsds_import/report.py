"""What an import did, for the editor: per service what came in, what was left out and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wegwijzer.core.guard import one_line

# Exit codes of `wegwijzer import-hsds` (also in the README and the command's help).
ALL_IN = 0  # every service came in (or the feed was empty)
UNREADABLE = 1  # the feed cannot be read, or the files could not be written: nothing was written
SOME_SKIPPED = 3  # one or more services were skipped (each with its reason); the others came in


@dataclass
class Imported:
    """What one service became."""

    name: str
    activity_id: str | None = None
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: bool = False


@dataclass
class ImportResult:
    items: list[Imported] = field(default_factory=list)
    written: bool = False  # False for a trial run (--proef): the files were only planned

    @property
    def files(self) -> list[Path]:
        return [f for item in self.items for f in item.files]

    @property
    def exit_code(self) -> int:
        return SOME_SKIPPED if any(item.skipped for item in self.items) else ALL_IN

    def report(self) -> str:
        """The report as text for a terminal: one line per service, its notes below it."""
        lines = []
        for item in self.items:
            if item.skipped:
                lines.append(f"NIET ingelezen: {one_line(item.name)}")
            else:
                lines.append(f"Ingelezen: {one_line(item.name)} -> activities/{item.activity_id}.yaml")
            lines += [f"  - {one_line(note)}" for note in item.notes]
        skipped = sum(item.skipped for item in self.items)
        lines.append(
            f"{len(self.items) - skipped} van de {len(self.items)} diensten ingelezen"
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
