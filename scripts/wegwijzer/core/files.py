"""Reading files an attacker may have placed: only regular files, only inside the project, never too much.

A pull request can add a symlink (to /etc/passwd, to /dev/zero), a FIFO that blocks
every reader, or a folder named like a file. These helpers refuse all of them with a
Dutch message, before a single byte is read, and read at most a set number of bytes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from wegwijzer.core.guard import shown


class FileProblem(Exception):
    """A file that may not be read; the message is Dutch, for an editor."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


_LOOP = "Dit is een snelkoppeling (symlink) die in een rondje naar zichzelf verwijst. Zet er een gewoon bestand neer."


def outside(path: Path, roots: list[Path]) -> Path | None:
    """Where the path really points when that is outside all of the roots (resolved); None when it is inside.

    FileProblem for a symlink loop (Python 3.11 raises RuntimeError for it, later versions OSError).
    """
    try:
        real = path.resolve()
    except RuntimeError:
        raise FileProblem(_LOOP) from None
    except OSError as exc:
        raise FileProblem(
            _LOOP if exc.errno == errno.ELOOP else f"Het bestand kan niet worden gelezen ({exc.strerror})."
        ) from None
    for root in roots:
        if real == root.resolve() or real.is_relative_to(root.resolve()):
            return None
    return real


def check_inside(path: Path, roots: list[Path]) -> None:
    """Raise FileProblem when the path (after following symlinks) leaves the roots."""
    real = outside(path, roots)
    if real is not None:
        raise FileProblem(
            f"Dit bestand verwijst naar '{shown(real, 80)}', buiten de map van de Wegwijzer. "
            "Dat mag niet (zo kan geen ander bestand op de site komen). Zet het bestand zelf in de map."
        )


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "een map"
    if stat.S_ISFIFO(mode):
        return "een pijp (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaat"
    if stat.S_ISSOCK(mode):
        return "een socket"
    return "geen gewoon bestand"


def _not_regular(mode: int) -> FileProblem:
    return FileProblem(f"Dit is {_kind(mode)}, geen gewoon bestand. Hier mogen alleen gewone bestanden staan.")


def _too_big(size: int, max_bytes: int) -> FileProblem:
    return FileProblem(f"Het bestand is te groot ({size // 1024} kB). Hoogstens {max_bytes // 1024} kB mag.")


def check_regular(path: Path) -> os.stat_result:
    """The file's status when it is a regular file (after following links); FileProblem otherwise."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise FileProblem("Het bestand bestaat niet (of het is een snelkoppeling naar niets).") from None
    except OSError as exc:
        raise FileProblem(f"Het bestand kan niet worden gelezen ({exc.strerror}).") from None
    if not stat.S_ISREG(status.st_mode):
        raise _not_regular(status.st_mode)
    return status


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most max_bytes; FileProblem otherwise. Never blocks."""
    before = check_regular(path)
    if before.st_size > max_bytes:
        raise _too_big(before.st_size, max_bytes)
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO after the check, opening does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise FileProblem(f"Het bestand kan niet worden gelezen ({exc.strerror}).") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(mode)
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 16, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise _too_big(total, max_bytes)
        return b"".join(chunks)
    finally:
        os.close(fd)
