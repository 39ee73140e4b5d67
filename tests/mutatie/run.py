"""`make mutatie`: mutation testing of the core modules with mutmut, and the score per module.

mutmut changes the code one small step at a time (a `<` becomes `<=`, a string changes, a
line disappears) and runs the fast tests that reach that code. A change that no test notices
"survives". The score is the share of changes that a test noticed.

mutmut only understands a ``src/`` layout, so this script runs it in ``.mutatie/``: a copy of
``scripts/`` as ``src/``, the rest linked. Which modules: ``only_mutate`` in pyproject.toml.
Survivors that cannot be noticed (equivalent mutants: the program does exactly the same) are
listed with a reason in ``gelijkwaardig.yaml`` next to this file; they do not count.

Usage: python tests/mutatie/run.py [--kinderen N] [--alleen-score] [scripts/wegwijzer/core/text.py ...]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
STAGE = ROOT / ".mutatie"
EQUIVALENT = Path(__file__).with_name("gelijkwaardig.yaml")
LINKED = ("tests", "locations", "activities", "content", "overrides", "mkdocs.yml", "schema", ".github", "scripts")
LINKED += (".pre-commit-config.yaml", "pyproject.toml")
TARGET = 85.0
KILLED = {1, 3, 36, 24, -24, 152, 255, 37, -11, -9}  # a failing test, a timeout, a crash: noticed
SURVIVED = {0, 5, 33}  # tests passed, or no test reached the code


def stage(only: list[str]) -> None:
    """A fresh .mutatie/ folder: src/ is a copy of scripts/, the rest are links.

    only: measure these modules (paths under scripts/) instead of only_mutate in pyproject.toml.
    """
    if STAGE.exists():
        shutil.rmtree(STAGE)
    STAGE.mkdir()
    shutil.copytree(ROOT / "scripts", STAGE / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in LINKED:
        if (ROOT / name).exists():
            (STAGE / name).symlink_to(ROOT / name)
    (STAGE / "mutants").mkdir()
    if only:
        config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        listed = ", ".join(f'"src/{Path(m).relative_to("scripts").as_posix()}"' for m in only)
        config = re.sub(r"only_mutate = \[[^\]]*\]", f"only_mutate = [{listed}]", config)
        (STAGE / "pyproject.toml").unlink()
        (STAGE / "pyproject.toml").write_text(config, encoding="utf-8")
    (STAGE / "mutants" / "node_modules").symlink_to(ROOT / "node_modules")


def run_mutmut(children: int) -> int:
    mutmut = Path(sys.executable).with_name("mutmut")
    # Only tests that call the code in their own process count: a test that starts `python -m wegwijzer`
    # runs the code of scripts/ (mutated code cannot run outside mutmut's process).
    env = dict(os.environ, HYPOTHESIS_PROFILE="mutatie")
    return subprocess.run([str(mutmut), "run", "--max-children", str(children)], cwd=STAGE, env=env).returncode


def results() -> dict[str, dict[str, int]]:
    """Mutant name -> exit code, per module (from mutmut's .meta files)."""
    out: dict[str, dict[str, int]] = {}
    for meta in sorted((STAGE / "mutants" / "src").rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        if codes:
            module = meta.relative_to(STAGE / "mutants" / "src").as_posix()[: -len(".py.meta")].replace("/", ".")
            out[module] = codes
    return out


def diff_of(name: str) -> str:
    mutmut = Path(sys.executable).with_name("mutmut")
    shown = subprocess.run([str(mutmut), "show", name], cwd=STAGE, capture_output=True, text=True)
    return shown.stdout


def changed_lines(diff: str) -> list[str]:
    return [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def check_equivalents(codes: dict[str, int]) -> tuple[set[str], list[str]]:
    """The listed equivalent mutants that still exist, still survive and still make the same change."""
    listed = yaml.safe_load(EQUIVALENT.read_text(encoding="utf-8")) or []
    accepted, problems = set(), []
    for item in listed:
        name = item["mutant"]
        if name not in codes:
            continue  # its module is not measured in this run
        if not item.get("reden"):
            problems.append(f"{name}: no reason given")
        elif codes[name] not in SURVIVED:
            problems.append(f"{name}: listed as equivalent, but a test kills it now: remove it from the list")
        elif changed_lines(diff_of(name)) != item["verandering"]:
            problems.append(f"{name}: the code changed, check it again (now: {changed_lines(diff_of(name))})")
        else:
            accepted.add(name)
    return accepted, problems


def report(by_module: dict[str, dict[str, int]], equivalent: set[str]) -> tuple[float, list[str]]:
    rows, totals = [], Counter()
    survivors: dict[str, list[str]] = defaultdict(list)
    for module, codes in by_module.items():
        count = Counter()
        for name, code in codes.items():
            if name in equivalent:
                count["gelijkwaardig"] += 1
            elif code in KILLED:
                count["gedood"] += 1
            elif code in SURVIVED:
                count["overleefd"] += 1
                survivors[module].append(name)
            else:
                count["overig"] += 1  # not checked or interrupted
                survivors[module].append(name)
        counted = count["gedood"] + count["overleefd"] + count["overig"]
        score = 100.0 * count["gedood"] / counted if counted else 100.0
        rows.append((module, len(codes), count["gedood"], count["overleefd"], count["gelijkwaardig"], score))
        totals.update(count)
    counted = totals["gedood"] + totals["overleefd"] + totals["overig"]
    total = 100.0 * totals["gedood"] / counted if counted else 100.0
    print(f"\n{'module':40} {'mutanten':>8} {'gedood':>7} {'overleefd':>9} {'gelijkw.':>8} {'score':>7}")
    for module, n, killed, survived, eq, score in rows:
        print(f"{module:40} {n:8} {killed:7} {survived:9} {eq:8} {score:6.1f}%")
    n_all = sum(len(c) for c in by_module.values())
    eq_all = totals["gelijkwaardig"]
    print(f"{'totaal':40} {n_all:8} {totals['gedood']:7} {totals['overleefd']:9} {eq_all:8} {total:6.1f}%")
    listing = [name for module in by_module for name in survivors[module]]
    return total, listing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinderen", type=int, default=os.cpu_count() or 2, help="mutants tested at once")
    parser.add_argument("--alleen-score", action="store_true", help="only the score of the last run")
    parser.add_argument("modules", nargs="*", help="only these modules, e.g. scripts/wegwijzer/core/text.py")
    args = parser.parse_args(argv)
    if not args.alleen_score:
        stage(args.modules)
        status = run_mutmut(args.kinderen)
        if status not in (0, 1):  # 1: some mutants survived; anything else: mutmut itself failed
            print(f"mutmut stopped with exit status {status}", file=sys.stderr)
            return status
    by_module = results()
    if not by_module:
        print("No results: run 'make mutatie' first.", file=sys.stderr)
        return 1
    codes = {name: code for module in by_module.values() for name, code in module.items()}
    unchecked = [name for name, code in codes.items() if code is None]
    if unchecked:
        print(f"{len(unchecked)} of {len(codes)} mutants were not checked: mutmut stopped early.", file=sys.stderr)
        return 1
    equivalent, problems = check_equivalents(codes)
    total, survivors = report(by_module, equivalent)
    if survivors:
        print(f"\n{len(survivors)} mutants survived (see one with: cd .mutatie && ../.venv/bin/mutmut show NAME):")
        print("\n".join(f"  {name}" for name in survivors))
    for problem in problems:
        print(f"gelijkwaardig.yaml: {problem}", file=sys.stderr)
    if total < TARGET:
        print(f"The score is {total:.1f}%: below {TARGET:.0f}%.", file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
