"""Which files changed on this branch (git), so `wegwijzer taal` shows tips only for your own work."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

BASES = ("main", "origin/main")


def _git(root: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(
            ["git", "-c", "core.quotepath=off", "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout if out.returncode == 0 else None


def _names(output: str) -> set[str]:
    return {p for p in output.split("\0") if p}


def changed_files(root: Path) -> set[str] | None:
    """Paths (relative to root, with /) changed since the merge base with main or origin/main, uncommitted
    changes and new files included. None when git is missing or root is no git checkout."""
    if shutil.which("git") is None:
        return None
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return None
    base = None
    for ref in BASES:
        base = (_git(root, "merge-base", "HEAD", ref) or "").strip() or None
        if base:
            break
    diff = _git(root, "diff", "--name-only", "-z", "--diff-filter=ACMR", base or "HEAD")
    new = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--full-name")
    if diff is None or new is None:
        return None
    top_path = Path(top.strip()).resolve()
    root = root.resolve()
    out = set()
    for name in _names(diff) | _names(new):
        path = top_path / name
        if path.is_relative_to(root):
            out.add(path.relative_to(root).as_posix())
    return out
