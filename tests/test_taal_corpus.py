"""The language gate against a labelled corpus of B1 and non-B1 Dutch (tests/taal_corpus.yaml).

Precision and recall of "fout" must stay at or above 0.9. Run this file to see the figures:
    .venv/bin/python tests/test_taal_corpus.py
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from wegwijzer.tools import taal

ROOT = Path(__file__).resolve().parents[1]
CORPUS = yaml.safe_load((ROOT / "tests" / "taal_corpus.yaml").read_text(encoding="utf-8"))
LEVELS = ("fout", "let op", "goed")


@dataclass
class Result:
    text: str
    expected: str
    got: str
    checks: list[str]
    part: str = "afstemmen"  # "controle": written and labelled after the rules were fixed


def verdict(text: str, config, names) -> tuple[str, list[str]]:
    """The gate's verdict on one corpus text (checked on its own, as one page): fout, let op or goed."""
    findings = taal.check_page("content/corpus.md", text, config, names)
    checks = sorted({f.check for f in findings if f.error})
    if checks:
        return "fout", checks
    return ("let op" if findings else "goed"), sorted({f.check for f in findings})


def run_corpus(config, names) -> list[Result]:
    results = []
    for item in CORPUS:
        got, checks = verdict(item["tekst"], config, names)
        results.append(Result(item["tekst"], item["oordeel"], got, checks, item.get("deel", "afstemmen")))
    return results


def scores(results: list[Result], level: str) -> tuple[float, float]:
    """Precision and recall of one verdict."""
    tp = sum(r.expected == level and r.got == level for r in results)
    fp = sum(r.expected != level and r.got == level for r in results)
    fn = sum(r.expected == level and r.got != level for r in results)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def summary(results: list[Result]) -> str:
    lines = []
    for title, part in (("alles", results), ("alleen controle", [r for r in results if r.part == "controle"])):
        counts = Counter(r.expected for r in part)
        lines.append(f"{title}: {len(part)} zinnen (" + ", ".join(f"{n} {k}" for k, n in counts.items()) + ")")
        for level in ("fout", "let op"):
            p, r = scores(part, level)
            lines.append(f"  {level}: precisie {p:.2f}, recall {r:.2f}")
    wrong = [r for r in results if r.expected != r.got]
    lines += [f"  verwacht {r.expected}, kreeg {r.got} {r.checks}: {r.text}" for r in wrong]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def results(catalog):
    config = taal.load_config()
    return run_corpus(config, taal.names_of(catalog, config))


def test_corpus_is_big_labelled_and_varied():
    assert len(CORPUS) >= 150
    assert all(item["oordeel"] in LEVELS for item in CORPUS)
    counts = Counter(item["oordeel"] for item in CORPUS)
    assert counts["fout"] >= 60 and counts["goed"] + counts["let op"] >= 75
    assert {item["bron"] for item in CORPUS} >= {"overheid", "zorg", "welzijn", "site"}
    texts = [item["tekst"] for item in CORPUS]
    assert len(set(texts)) == len(texts)


def test_fout_precision_and_recall_are_at_least_0_9(results):
    precision, recall = scores(results, "fout")
    assert precision >= 0.9 and recall >= 0.9, summary(results)


def test_the_issue_sentences_are_fout_for_the_right_reason(results):
    by_text = {r.text: r for r in results}
    for item in CORPUS:
        if "reden" in item:
            r = by_text[item["tekst"]]
            assert r.got == "fout" and set(item["reden"]) <= set(r.checks), (r.text, r.checks)


if __name__ == "__main__":
    from wegwijzer.core.load import load_catalog

    cfg = taal.load_config()
    print(summary(run_corpus(cfg, taal.names_of(load_catalog(ROOT), cfg))))
    sys.exit(0)
