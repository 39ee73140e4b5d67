"""`wegwijzer bench`: build N synthetic entries and report time, memory and size."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from wegwijzer.core.guides import FRONT_MATTER, GUIDE_DIR
from wegwijzer.tools.synthetic import generate

PICKED = ("aanbod", "hulplijnen")  # ids of shipped offers in a guide's front matter


def _synthetic_guides(source: Path, target: Path) -> None:
    """The shipped guides without their hand-picked offers and helplines: the synthetic data has other ids.

    What a guide shows is then chosen by theme, audience and place alone, which is what grows with the data.
    """
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.md")):
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        if match is None:
            continue
        meta = {k: v for k, v in (yaml.safe_load(match.group(1) or "") or {}).items() if k not in PICKED}
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        (target / path.name).write_text(f"---\n{front}---\n" + match.string[match.end() :], encoding="utf-8")


def _prepare(root: Path, work: Path, n: int) -> Path:
    generate(work, n)
    shutil.copytree(root / "content", work / "content", ignore=shutil.ignore_patterns(GUIDE_DIR.name))
    _synthetic_guides(root / GUIDE_DIR, work / GUIDE_DIR)
    os.symlink(root / "overrides", work / "overrides")
    if (root / "node_modules").exists():
        os.symlink(root / "node_modules", work / "node_modules")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    return work


def measure_build(root: Path, n: int) -> dict:
    """Build the site on n synthetic entries in a child process; measure it."""
    with tempfile.TemporaryDirectory(prefix="wegwijzer-bench-") as tmp:
        work = _prepare(root, Path(tmp), n)
        env = dict(os.environ, SOURCE_DATE_EPOCH="1790000000")
        script = (
            "import sys, resource, time; from mkdocs.config import load_config; "
            "from mkdocs.commands.build import build; "
            "t=time.perf_counter(); build(load_config('mkdocs.yml')); "
            "print(time.perf_counter()-t); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
        )
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", script], cwd=work, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - started
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-3000:])
        build_s, maxrss_kb = proc.stdout.split()[-2:]
        site = work / "site"
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        entry_pages = [p for folder in ("aanbod", "plek") for p in (site / folder).glob("*/index.html")]
        sizes = sorted(p.stat().st_size for p in entry_pages)
        return {
            "n": n,
            "build_s": round(float(build_s), 1),
            "wall_s": round(wall, 1),
            "peak_mb": round(int(maxrss_kb) / 1024),
            "site_mb": round(total / 1e6, 1),
            "pages": sum(1 for _ in site.rglob("index.html")),
            "entry_html_max_kb": round(sizes[-1] / 1024, 1) if sizes else 0,
            "entry_html_median_kb": round(sizes[len(sizes) // 2] / 1024, 1) if sizes else 0,
        }


def run(root: Path, sizes: list[int], out: Path | None = None) -> list[dict]:
    results = []
    for n in sizes:
        result = measure_build(root, n)
        results.append(result)
        print(json.dumps(result, ensure_ascii=False))
    if out:
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results
