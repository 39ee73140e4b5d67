"""Search benchmark: index size, download before the first result and time per query (and Pagefind).

    .venv/bin/python benchmarks/search_bench.py                       # 1,000, 10,000 and 100,000 entries
    .venv/bin/python benchmarks/search_bench.py -n 1000 --pagefind    # one size, with Pagefind

It builds the site once with the shipped entries (for the search page and its CSS and
JavaScript), then for every size writes the search index of that many synthetic entries
(never shipped) into it, the way the build does, and opens
/zoeken/?q=... in Chromium with the CPU slowed down 4x (CDP Emulation.setCPUThrottlingRate)
and measures:

* the time to write the index (and to load the synthetic entries before it);
* the bytes (raw and gzip) the browser downloads before the first result card shows;
* the time from navigation to the first result card;
* the time per query (search and filters, no drawing), each query with an empty cache, after
  the files the query needs are loaded (loading is part of the first result, not of this).

With --pagefind it then runs Pagefind (benchmarks/node/node_modules, after
npm ci --prefix benchmarks/node) on the same site and measures its index time, its size,
and the time to its first result on a small test page.
Raw figures go to benchmarks/search-results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))


CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
QUERIES = [
    "koffie",
    "geldzorgen",
    "eenzaam",
    "hulp bij formulieren",
    "taalles Texel",
    "formulieeren",
    "wandelen Schagen",
    "computerhulp",
    "opvoeding",
    "xyzzy",
    "koffieochtend",
    "engels",
    "sport kinderen texel",
    "ik kan mijn rekeningen niet betalen",
]
FIRST_QUERY = "?q=koffie"
# Pagefind is a benchmark-only package: npm ci --prefix benchmarks/node
PAGEFIND = ROOT / "benchmarks/node/node_modules/@pagefind/linux-x64/bin/pagefind_extended"

PAGEFIND_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>pagefind</title></head>
<body><ol id="r"></ol><script type="module">
const q = new URLSearchParams(location.search).get('q');
const pagefind = await import('/pagefind/pagefind.js');
const search = await pagefind.search(q);
const first = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
for (const d of first) { const li = document.createElement('li'); li.textContent = d.meta.title; r.appendChild(li); }
performance.mark('ww-eerste-resultaat');
window.pfCount = search.results.length;
</script></body></html>"""


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def first_result(browser, site: Path, url: str, ready_js: str) -> dict:
    """Open url with a 4x slower CPU; time to the first result and what was downloaded before it."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    page.goto(url)
    page.wait_for_function(ready_js, timeout=120_000)
    timing = page.evaluate("""() => {
      const mark = performance.getEntriesByName('ww-eerste-resultaat')[0].startTime;
      const files = performance.getEntriesByType('resource').filter(r => r.responseEnd <= mark).map(r => r.name);
      return {mark, files};
    }""")
    raw = gzipped = 0
    base = url.split("/", 3)[:3]
    prefix = "/".join(base) + "/"
    documents = [url.split("?")[0]] + timing["files"]
    for name in documents:
        path = name[len(prefix) :].split("?")[0]
        path = site / (path + "index.html" if path.endswith("/") or path == "" else path)
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            gzipped += gz(data)
    result = {
        "first_result_ms": round(timing["mark"]),
        "downloaded_kb": round(raw / 1024, 1),
        "downloaded_gzip_kb": round(gzipped / 1024, 1),
        "requests": len(documents),
    }
    return result, page, context


def query_times(page) -> dict:
    # Load what every query needs, run every query once (warm-up, not counted), then every query
    # three times with an empty cache: the median.
    page.evaluate("(queries) => Promise.all(queries.map(q => wwZoeken.prepare(q, {})))", QUERIES)
    times = page.evaluate(
        """(queries) => {
      for (const q of queries) { wwZoeken.clearCache(); wwZoeken.search(q, {}); }  // warm-up, not counted
      const out = {};
      for (const q of queries) {
        const runs = [];
        let r;
        for (let i = 0; i < 3; i++) {
          wwZoeken.clearCache();
          const t = performance.now();
          r = wwZoeken.search(q, {});
          runs.push(performance.now() - t);
        }
        runs.sort((a, b) => a - b);
        out[q] = [runs[1], r.refs.length];
      }
      return out;
    }""",
        QUERIES,
    )
    ms = [v[0] for v in times.values()]
    return {
        "query_ms_median": round(statistics.median(ms), 1),
        "query_ms_max": round(max(ms), 1),
        "queries": {q: {"ms": round(v[0], 1), "results": v[1]} for q, v in times.items()},
    }


def index_sizes(folder: Path) -> dict:
    index = (folder / "index.json").read_bytes()
    blocks = sorted(folder.glob("termen-*.bin"))
    every = [p for p in folder.iterdir() if p.is_file()]
    return {
        "index_kb": round(len(index) / 1024, 1),
        "index_gzip_kb": round(gz(index) / 1024, 1),
        "postings_files": len(blocks),
        "postings_kb": round(sum(p.stat().st_size for p in blocks) / 1024, 1),
        "postings_gzip_largest_kb": round(max(gz(p.read_bytes()) for p in blocks) / 1024, 1),
        "all_files": len(every),
        "all_kb": round(sum(p.stat().st_size for p in every) / 1024, 1),
        "card_shard_gzip_kb": round(gz((folder / "kaarten-0.json").read_bytes()) / 1024, 1),
        "points_shard_gzip_kb": round(gz((folder / "punten-0.json").read_bytes()) / 1024, 1),
    }


def pagefind(browser, site: Path, base: str) -> dict:
    started = time.perf_counter()
    pf = subprocess.run([str(PAGEFIND), "--site", str(site)], capture_output=True, text=True)
    if pf.returncode != 0:
        raise RuntimeError(pf.stdout[-2000:] + pf.stderr[-2000:])
    pf_s = time.perf_counter() - started
    bundle = site / "pagefind"
    files = [p for p in bundle.rglob("*") if p.is_file()]
    (site / "pagefind-test.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    result, page, context = first_result(
        browser,
        site,
        base + "pagefind-test.html?q=koffie",
        "performance.getEntriesByName('ww-eerste-resultaat').length > 0",
    )
    result["results"] = page.evaluate("window.pfCount")
    context.close()
    result.update(
        {
            "index_s": round(pf_s, 1),
            "bundle_kb": round(sum(p.stat().st_size for p in files) / 1024, 1),
            "bundle_files": len(files),
        }
    )
    return result


def base_site(tmp: Path) -> Path:
    """The site with the shipped entries (its search page, CSS and JavaScript are the same at every size)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1790000000", NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "build", "--site-dir", str(tmp / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-3000:])
    return tmp / "site"


def index_synthetic(n: int, tmp: Path, site: Path) -> dict:
    """Generate n synthetic entries, load them like a build does and write their search index into the site."""
    from wegwijzer.core.load import load_catalog
    from wegwijzer.site.search import write_index
    from wegwijzer.tools.synthetic import generate

    data = tmp / f"data-{n}"
    generate(data, n)
    started = time.perf_counter()
    catalog = load_catalog(data)
    loaded = time.perf_counter()
    stats = write_index(catalog, dt.date(2026, 9, 21), site, [])
    return {
        "n": n,
        "documents": stats["docs"],
        "terms": stats["terms"],
        "load_catalogue_s": round(loaded - started, 1),
        "search_index_s": round(stats["collect_s"] + stats["index_s"], 2),
        "search_total_s": round(stats["collect_s"] + stats["index_s"] + stats["write_s"], 2),
        **index_sizes(site / "zoekindex"),
    }


def measure(n: int, browser, with_pagefind: bool, tmp: Path, site: Path) -> dict:
    result = index_synthetic(n, tmp, site)
    httpd, base = serve(site)
    try:
        ours, page, context = first_result(
            browser,
            site,
            base + "zoeken/" + FIRST_QUERY,
            "performance.getEntriesByName('ww-eerste-resultaat').length > 0",
        )
        ours.update(query_times(page))
        context.close()
        result["zoeken"] = ours
        if with_pagefind:
            result["pagefind"] = pagefind(browser, site, base)
    finally:
        httpd.shutdown()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, action="append", help="number of synthetic entries (repeatable)")
    parser.add_argument("--pagefind", action="store_true", help="also measure Pagefind on the same site")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "search-results.json"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory(prefix="wegwijzer-zoek-") as tmp, sync_playwright() as p:
        site = base_site(Path(tmp))
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in args.n or [1000, 10000, 100000]:
            result = measure(n, browser, args.pagefind, Path(tmp), site)
            print(json.dumps(result, ensure_ascii=False), flush=True)
            results.append(result)
        browser.close()
    meta = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        "cpu_throttling": 4,
        "first_query": FIRST_QUERY,
        "load_average_at_end": os.getloadavg()[0],
    }
    Path(args.out).write_text(
        json.dumps({"meta": meta, "results": results}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
