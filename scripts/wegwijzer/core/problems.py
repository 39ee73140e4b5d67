"""Problems found in entries, reported to editors in Dutch."""

from __future__ import annotations

from dataclasses import dataclass

from wegwijzer.core.guard import for_terminal, one_line


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor has to fix (or, for warnings, should look at)."""

    file: str
    line: int | None
    field: str
    message: str
    warning: bool = False

    def format(self) -> str:
        """For a terminal: control characters in a file name, field or message are shown as codes.

        A message may have lines of its own (an example to copy); values inside it were made
        one line with ``guard.shown`` already.
        """
        where = one_line(self.file)
        if self.line:
            where += f", regel {self.line}"
        if self.field:
            where += f", veld '{one_line(self.field)}'"
        kind = "let op" if self.warning else "fout"
        return f"{where}: {kind}: {for_terminal(self.message)}"


class EntryErrors(Exception):
    """Raised when entries have errors; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(format_report(problems))


def format_report(problems: list[Problem]) -> str:
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    lines = [p.format() for p in sorted(errors)] + [p.format() for p in sorted(warnings)]
    if errors:
        lines.append(
            f"\n{len(errors)} {'fout' if len(errors) == 1 else 'fouten'} gevonden. Verbeter ze en probeer het opnieuw."
        )
    return "\n".join(lines)
