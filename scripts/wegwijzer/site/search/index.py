"""The search index as files in ``zoekindex/`` (see the package docstring), built in one linear pass.

Scores are BM25 per field (k1 1.2, b 0.75, as lunr computes them), with field boosts, summed
over the fields of a result. Every step is linear in the number of results (and their words).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
import time
from array import array
from pathlib import Path

from wegwijzer.core import vocab
from wegwijzer.core.catalog import Catalog
from wegwijzer.site.search.analysis import PART_WEIGHT, STOP_WORDS, stem, weighted_terms
from wegwijzer.site.search.compounds import Splitter, dutch_splitter, for_browser
from wegwijzer.site.search.documents import Doc, documents
from wegwijzer.site.search.synonyms import SearchWords, load_search_words

FOLDER = "zoekindex"
VERSION = 2
CARDS_PER_FILE = 100  # kaarten-N.json
POINTS_PER_FILE = 2000  # punten-N.json
BLOCK_BYTES = 48_000  # a postings file holds terms until it is about this big (a single term can be bigger)
FIELDS = (("naam", 4.0), ("tekst", 1.0), ("waar", 2.0))
K1, B = 1.2, 0.75
SCORE_STEPS = 16  # a score byte s means the score 2 ** ((s - 128) / SCORE_STEPS)


def varint(out: bytearray, n: int) -> None:
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def score_byte(score: float) -> int:
    return max(1, min(255, round(math.log2(score) * SCORE_STEPS) + 128))


def encode_list(docs) -> bytearray:
    """A sorted list of result numbers: the count, then the gaps (the first gap is the first number)."""
    out = bytearray()
    varint(out, len(docs))
    last = 0
    for d in docs:
        varint(out, d - last)
        last = d
    return out


class Postings:
    """BM25 scores per term and result, collected in two passes (lengths and document counts first)."""

    def __init__(self, splitter: Splitter) -> None:
        self.splitter = splitter
        self.term_ids: dict[str, int] = {}
        self.df: array = array("I")
        self.lengths = [array("I") for _ in FIELDS]
        self.entries: list[tuple[array, array]] = []  # per result: term ids, tf per field (flat)

    def add(self, doc: Doc) -> None:
        counts: dict[int, list[float]] = {}  # per term: occurrences as a word, then as a part, per field
        for f, (name, _boost) in enumerate(FIELDS):
            terms, length = weighted_terms(getattr(doc, name), self.splitter)
            self.lengths[f].append(length)
            for term, weight in terms:
                tid = self.term_ids.setdefault(term, len(self.term_ids))
                if tid == len(self.df):
                    self.df.append(0)
                counts.setdefault(tid, [0.0] * (2 * len(FIELDS)))[f + (0 if weight == 1 else len(FIELDS))] += 1
        for tid in counts:
            self.df[tid] += 1
        ids = array("I", counts)
        self.entries.append((ids, array("f", [tf for per in counts.values() for tf in per])))

    def scores(self) -> tuple[list[str], list[tuple[array, bytearray]]]:
        """The terms, sorted, and per term its results (ascending) and their score bytes."""
        n = len(self.entries)
        avg = [(sum(lengths) / n if n else 0) or 1 for lengths in self.lengths]
        idf = [math.log(1 + abs((n - df + 0.5) / (df + 0.5))) for df in self.df]
        per_term: list[tuple[array, bytearray]] = [(array("I"), bytearray()) for _ in self.df]
        width = 2 * len(FIELDS)
        for doc, (ids, tfs) in enumerate(self.entries):
            norms = [K1 * (1 - B + B * self.lengths[f][doc] / avg[f]) for f in range(len(FIELDS))]
            for k, tid in enumerate(ids):
                score = 0.0
                for f, (_name, boost) in enumerate(FIELDS):
                    whole, part = tfs[k * width + f], tfs[k * width + len(FIELDS) + f]
                    tf = whole + part
                    if tf:  # a compound part counts, but less than the word itself
                        share = (whole + PART_WEIGHT * part) / tf
                        score += idf[tid] * (K1 + 1) * tf / (norms[f] + tf) * boost * share
                docs, bytes_ = per_term[tid]
                docs.append(doc)
                bytes_.append(score_byte(score))
        terms = sorted(self.term_ids)
        return terms, [per_term[self.term_ids[t]] for t in terms]


def _blocks(terms: list[str], postings: list[tuple[array, bytearray]]) -> tuple[list[int], list[bytearray]]:
    """Postings in files of about BLOCK_BYTES: per term the count, the gaps, then one score byte per result."""
    starts: list[int] = []
    blocks: list[bytearray] = []
    for k, (docs, scores) in enumerate(postings):
        data = encode_list(docs) + scores
        if not blocks or (len(blocks[-1]) + len(data) > BLOCK_BYTES and len(blocks[-1])):
            starts.append(k)
            blocks.append(bytearray())
        blocks[-1] += data
    if not terms:
        starts, blocks = [0], [bytearray()]
    return starts, blocks


def _filters(docs: list[Doc]) -> dict[str, dict[str, list[int]]]:
    lists: dict[str, dict[str, list[int]]] = {}
    for n, doc in enumerate(docs):
        for name, keys in doc.filters.items():
            for key in keys:
                lists.setdefault(name, {}).setdefault(key, []).append(n)
    return {name: dict(sorted(by_key.items())) for name, by_key in sorted(lists.items())}


def _lists(cat: Catalog) -> dict:
    region = cat.region

    def named(list_name: str) -> list[dict]:
        return [{"id": k, "naam": v["label"]} for k, v in vocab.items(list_name)]

    return {
        "gemeenten": [{"id": g.id, "naam": g.naam, "lat": g.lat, "lon": g.lon} for g in region.gemeenten()],
        "kernen": [
            {"id": k.id, "naam": k.naam, "gemeente": k.parent, "lat": k.lat, "lon": k.lon} for k in region.kernen()
        ],
        "themas": named("themas"),
        "doelgroepen": named("doelgroepen"),
        "dagen": named("dagen"),
        "talen": named("talen"),
    }


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _useful_parts(splitter: Splitter, terms: list[str], words: SearchWords) -> list[str]:
    """The compound parts that can match something: their stem is an index term or a search word."""
    known = set(terms) | words.stems()
    return [part for part in splitter.parts if stem(part) in known]


def _write_postings(folder: Path, blocks: list[bytearray]) -> None:
    for k, block in enumerate(blocks):
        (folder / f"termen-{k}.bin").write_bytes(bytes(block))


def _write_results(folder: Path, docs: list[Doc], filters: dict[str, dict[str, list[int]]]) -> None:
    (folder / "soorten.bin").write_bytes(bytes(doc.flags for doc in docs))
    for name, by_key in filters.items():
        for key, refs in by_key.items():
            (folder / f"filter-{name}-{key}.bin").write_bytes(bytes(encode_list(refs)))
    for start in range(0, len(docs), CARDS_PER_FILE):
        cards = [doc.card for doc in docs[start : start + CARDS_PER_FILE]]
        (folder / f"kaarten-{start // CARDS_PER_FILE}.json").write_text(_dump(cards), encoding="utf-8")
    for start in range(0, max(len(docs), 1), POINTS_PER_FILE):
        spots = [[round(c, 5) for spot in doc.spots for c in spot] for doc in docs[start : start + POINTS_PER_FILE]]
        (folder / f"punten-{start // POINTS_PER_FILE}.json").write_text(_dump({"plekken": spots}), encoding="utf-8")


def write_index(cat: Catalog, today: dt.date, site_dir: Path, pages: list[dict]) -> dict:
    """Write the index, postings, filters, cards and places into the built site. Returns sizes and timings."""
    started = time.perf_counter()
    docs = documents(cat, today, pages)
    splitter = dutch_splitter()
    words = load_search_words()
    collected = time.perf_counter()
    postings = Postings(splitter)
    for doc in docs:
        postings.add(doc)
    terms, scored = postings.scores()
    starts, blocks = _blocks(terms, scored)
    filters = _filters(docs)
    built = time.perf_counter()
    folder = site_dir / FOLDER
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    payload = {
        "versie": VERSION,
        "aantal": len(docs),
        "termen": terms,
        "blokken": starts,
        "schaal": SCORE_STEPS,
        "filters": {name: {key: len(refs) for key, refs in by_key.items()} for name, by_key in filters.items()},
        "lijsten": _lists(cat),
        "synoniemen": words.groups,
        "voor_wie": words.audiences,
        "over_het_plan": sorted(words.plan),
        "vulwoorden": sorted(words.fillers),
        "woorddelen": for_browser(splitter, _useful_parts(splitter, terms, words)),
        "stopwoorden": sorted(STOP_WORDS),
        "kaarten": CARDS_PER_FILE,
        "punten": POINTS_PER_FILE,
    }
    (folder / "index.json").write_text(_dump(payload), encoding="utf-8")
    _write_postings(folder, blocks)
    _write_results(folder, docs, filters)
    return {
        "docs": len(docs),
        "terms": len(terms),
        "blocks": len(blocks),
        "collect_s": collected - started,
        "index_s": built - collected,
        "write_s": time.perf_counter() - built,
    }
