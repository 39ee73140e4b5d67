"""`make mutatie`: mutation testing of the core modules with mutmut, and the score per module.

mutmut changes the code one small step at a time (a `<` becomes `<=`, a string changes, a
line disappears) and runs the fast tests that reach that code. A change that no test notices
"survives". The score is the share of changes that a test noticed.

The modules are measured in groups (``groepen.yaml`` next to this file), one group after the
other, each with only its own tests: a busy machine then never runs the whole suite per mutant.
mutmut only understands a ``src/`` layout, so each group runs in ``.mutatie/<group>/``: a copy of
``scripts/`` as ``src/``, the rest linked. Survivors that cannot be noticed (equivalent mutants:
the program does exactly the same) are listed with a reason in ``gelijkwaardig.yaml``; they do
not count.

Usage: python tests/mutatie/run.py [--groep NAME ...] [--kinderen N] [--opnieuw | --alleen-score]
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
STAGES = ROOT / ".mutatie"
HERE = Path(__file__).parent
EQUIVALENT = HERE / "gelijkwaardig.yaml"
GROUPS = HERE / "groepen.yaml"
TARGET = 85.0
KILLED = {1, 3, 36, 24, -24, 152, 255, 37, -11, -9}  # a failing test, a timeout, a crash: noticed
SURVIVED = {0, 5, 33}  # tests passed, or no test reached the code
FAST_ONLY = ["-m", "not browser and not build"]


def load_groups() -> dict[str, dict]:
    return yaml.safe_load(GROUPS.read_text(encoding="utf-8"))


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def project_files() -> list[str]:
    """The top-level files and folders of the project (tests read data files, settings and scripts by path)."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return sorted({line.split("/")[0] for line in tracked.splitlines()} - {"pyproject.toml"})


def stage_config(group: dict) -> str:
    """pyproject.toml for a group's stage: mutmut mutates its modules and runs only its tests."""
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    copied = _toml_list([name for name in project_files() if name != "tests"])  # mutmut copies tests/ itself
    config = re.sub(r"also_copy = \[[^\]]*\]", lambda _: f"also_copy = {copied}", config)
    modules = [f"src/wegwijzer/{m}" for m in group["modules"]]
    config = re.sub(r"only_mutate = \[[^\]]*\]", lambda _: f"only_mutate = {_toml_list(modules)}", config)
    selection = _toml_list([f"tests/{t}" for t in group["tests"]] + FAST_ONLY)
    key = "pytest_add_cli_args_test_selection"
    config = re.sub(rf"{key} = \[[^\]]*\]", lambda _: f"{key} = {selection}", config)
    extra = "".join(f"{name} = {json.dumps(value)}\n" for name, value in group.get("mutmut", {}).items())
    return config.replace("[tool.mutmut]\n", "[tool.mutmut]\n" + extra, 1)


def stage(name: str, group: dict) -> Path:
    """A fresh .mutatie/<name>/ folder: src/ is a copy of scripts/, the rest are links; mutmut set to the group."""
    where = STAGES / name
    if where.exists():
        shutil.rmtree(where)
    where.mkdir(parents=True)
    shutil.copytree(ROOT / "scripts", where / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for linked in project_files():
        if (ROOT / linked).exists():
            (where / linked).symlink_to(ROOT / linked)
    (where / "pyproject.toml").write_text(stage_config(group), encoding="utf-8")
    (where / "mutants").mkdir()
    (where / "mutants" / "node_modules").symlink_to(ROOT / "node_modules")
    return where


def still_valid(where: Path, group: dict) -> bool:
    """Whether an earlier run of the group still counts: same code, same modules, same tests."""
    config = where / "pyproject.toml"
    same_config = config.exists() and config.read_text(encoding="utf-8") == stage_config(group)
    return same_config and not code_changed(where)


def code_changed(where: Path) -> bool:
    """Whether scripts/ differs from the copy the group was measured with (then measure it all again)."""
    for path in (ROOT / "scripts").rglob("*.py"):
        copy = where / "src" / path.relative_to(ROOT / "scripts")
        if not copy.exists() or not filecmp.cmp(path, copy, shallow=False):
            return True
    return False


def run_mutmut(where: Path, children: int, names: list[str]) -> int:
    mutmut = Path(sys.executable).with_name("mutmut")
    # Only tests that call the code in their own process count: a test that starts `python -m wegwijzer`
    # runs the code of scripts/ (mutated code cannot run outside mutmut's process).
    env = dict(os.environ, HYPOTHESIS_PROFILE="mutatie")
    command = [str(mutmut), "run", "--max-children", str(children), *names]
    started = time.monotonic()
    status = subprocess.run(command, cwd=where, env=env).returncode
    minutes = (time.monotonic() - started) / 60
    timing = where / "tijd.json"
    earlier = json.loads(timing.read_text(encoding="utf-8")) if timing.exists() and names else {}
    record = {"minuten": round(minutes, 1), "opnieuw": len(names)} if names else {"minuten": round(minutes, 1)}
    timing.write_text(json.dumps({**earlier, ("laatste" if names else "volledig"): record}), encoding="utf-8")
    return status


def results(where: Path) -> dict[str, dict[str, int]]:
    """Mutant name -> exit code, per module (from mutmut's .meta files)."""
    out: dict[str, dict[str, int]] = {}
    for meta in sorted((where / "mutants" / "src").rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        if codes:
            module = meta.relative_to(where / "mutants" / "src").as_posix()[: -len(".py.meta")].replace("/", ".")
            out[module] = codes
    return out


def diff_of(where: Path, name: str) -> str:
    mutmut = Path(sys.executable).with_name("mutmut")
    shown = subprocess.run([str(mutmut), "show", name], cwd=where, capture_output=True, text=True)
    return shown.stdout


def changed_lines(diff: str) -> list[str]:
    return [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def check_equivalents(codes: dict[str, int], stage_of: dict[str, Path]) -> tuple[set[str], list[str]]:
    """The listed equivalent mutants that still exist, still survive and still make the same change."""
    listed = yaml.safe_load(EQUIVALENT.read_text(encoding="utf-8")) or []
    accepted, problems = set(), []
    for item in listed:
        name = item["mutant"]
        if name not in codes:
            continue  # its module is not measured in this run
        now = changed_lines(diff_of(stage_of[name], name))
        if not item.get("reden"):
            problems.append(f"{name}: no reason given")
        elif codes[name] not in SURVIVED:
            problems.append(f"{name}: listed as equivalent, but a test kills it now: remove it from the list")
        elif now != item["verandering"]:
            problems.append(f"{name}: the code changed, check it again (now: {now})")
        else:
            accepted.add(name)
    return accepted, problems


def _count(codes: dict[str, int], equivalent: set[str], survivors: list[str]) -> Counter:
    count: Counter = Counter()
    for name, code in codes.items():
        if name in equivalent:
            count["gelijkwaardig"] += 1
        elif code in KILLED:
            count["gedood"] += 1
        else:  # survived, no test reached it, or not checked
            count["overleefd"] += 1
            survivors.append(name)
    return count


def _score(count: Counter) -> float:
    counted = count["gedood"] + count["overleefd"]
    return 100.0 * count["gedood"] / counted if counted else 100.0


def report(by_module: dict[str, dict[str, int]], equivalent: set[str]) -> tuple[float, list[str]]:
    totals: Counter = Counter()
    survivors: list[str] = []
    print(f"\n{'module':44} {'mutanten':>8} {'gedood':>7} {'overleefd':>9} {'gelijkw.':>8} {'score':>7}")
    for module, codes in by_module.items():
        count = _count(codes, equivalent, survivors)
        totals.update(count)
        row = f"{len(codes):8} {count['gedood']:7} {count['overleefd']:9} {count['gelijkwaardig']:8}"
        print(f"{module:44} {row} {_score(count):6.1f}%")
    n_all = sum(len(c) for c in by_module.values())
    row = f"{n_all:8} {totals['gedood']:7} {totals['overleefd']:9} {totals['gelijkwaardig']:8}"
    print(f"{'totaal':44} {row} {_score(totals):6.1f}%")
    return _score(totals), survivors


def measure(names: list[str], groups: dict, children: int, again: bool) -> int:
    """Run mutmut for each named group; with `again`, only the survivors of the last run (if it still counts)."""
    for name in names:
        where = STAGES / name
        if again and still_valid(where, groups[name]):
            codes = {m: c for module in results(where).values() for m, c in module.items()}
            rerun = sorted(m for m, c in codes.items() if c not in KILLED)
            if not rerun:
                continue
        else:
            where, rerun = stage(name, groups[name]), []
        print(f"\n== groep {name}: {', '.join(groups[name]['modules'])}", flush=True)
        status = run_mutmut(where, children, rerun)
        if status not in (0, 1):  # 1: some mutants survived; anything else: mutmut itself failed
            print(f"mutmut stopped with exit status {status} (groep {name})", file=sys.stderr)
            return status
    return 0


def collect(names: list[str]) -> tuple[dict[str, dict[str, int]], dict[str, Path]]:
    """Results of the named groups' last runs: per module mutant -> exit code, and each mutant's stage."""
    by_module: dict[str, dict[str, int]] = {}
    stage_of: dict[str, Path] = {}
    for name in names:
        for module, codes in results(STAGES / name).items():
            by_module[module] = codes
            stage_of.update(dict.fromkeys(codes, STAGES / name))
    return by_module, stage_of


def show_survivors(names: list[str], survivors: list[str], stage_of: dict[str, Path]) -> None:
    for name in names:
        timing = STAGES / name / "tijd.json"
        if timing.exists():
            print(f"tijd {name}: {json.loads(timing.read_text(encoding='utf-8'))}")
    if not survivors:
        return
    print(f"\n{len(survivors)} mutants survived (see one: cd .mutatie/GROEP && ../../.venv/bin/mutmut show NAME):")
    grouped = defaultdict(list)
    for mutant in survivors:
        grouped[stage_of[mutant].name].append(mutant)
    for group, mutants in grouped.items():
        print(f"  {group}:\n" + "\n".join(f"    {m}" for m in mutants))


def main(argv: list[str] | None = None) -> int:
    groups = load_groups()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groep", action="append", choices=list(groups), help="only this group (more: repeat)")
    parser.add_argument("--kinderen", type=int, default=os.cpu_count() or 2, help="mutants tested at once")
    parser.add_argument("--opnieuw", action="store_true", help="only the survivors again (after adding tests)")
    parser.add_argument("--alleen-score", action="store_true", help="only the score of the last runs")
    args = parser.parse_args(argv)
    names = args.groep or list(groups)
    status = 0 if args.alleen_score else measure(names, groups, args.kinderen, args.opnieuw)
    if status:
        return status
    by_module, stage_of = collect(names)
    if not by_module:
        print("No results: run 'make mutatie' first.", file=sys.stderr)
        return 1
    codes = {m: c for module in by_module.values() for m, c in module.items()}
    unchecked = [m for m, c in codes.items() if c is None]
    if unchecked:
        print(f"{len(unchecked)} of {len(codes)} mutants were not checked: mutmut stopped early.", file=sys.stderr)
        return 1
    equivalent, problems = check_equivalents(codes, stage_of)
    total, survivors = report(by_module, equivalent)
    show_survivors(names, survivors, stage_of)
    for problem in problems:
        print(f"gelijkwaardig.yaml: {problem}", file=sys.stderr)
    if total < TARGET:
        print(f"The score is {total:.1f}%: below {TARGET:.0f}%.", file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
