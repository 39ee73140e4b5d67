"""The lunr index in a compact form, and the files the browser downloads (``zoekindex/``)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from pathlib import Path

from lunr.builder import Builder

from wegwijzer.core.catalog import Catalog
from wegwijzer.site.search.analysis import STOP_WORDS, _stemmer_nl, _stop_word_filter_nl, _trimmer_nl
from wegwijzer.site.search.documents import documents, points
from wegwijzer.site.search.synonyms import load_synonyms, synonym_groups

FOLDER = "zoekindex"
SHARD = 100  # results per card file
POINTS = "punten.json"  # coordinates for "Dichtbij mij", loaded only on request


def build_index(docs: list[dict]):
    builder = Builder()
    builder.pipeline.add(_trimmer_nl, _stop_word_filter_nl, _stemmer_nl)
    builder.search_pipeline.add(_stemmer_nl)
    builder.ref("id")
    builder.field("naam", boost=4)
    builder.field("tekst")
    builder.field("waar", boost=2)
    for doc in docs:
        builder.add(doc)
    return builder.build()


SCORE_SCALE = 100  # scores are stored as whole numbers: score * SCORE_SCALE


def encode_index(index) -> dict:
    """The lunr index in a compact form for zoeken.js.

    lunr's own JSON repeats every document number twice (postings and field vectors) and
    is about three times larger. Here every term has, per field, one flat list
    [doc step, score, doc step, score, ...]: the step to the next document number and the
    term's BM25 score in that field as lunr.py computed it (field boost included). The
    browser adds these scores up per document; it tokenizes and stems the query with
    lunr.js and lunr.nl, and expands prefixes and typing errors with lunr.TokenSet.
    Nothing about the documents is computed again in the browser.
    """
    terms = sorted(index.inverted_index)
    position = {index.inverted_index[t]["_index"]: k for k, t in enumerate(terms)}
    fields = list(index.fields)
    postings = [[[] for _ in fields] for _ in terms]
    for field_ref, vector in index.field_vectors.items():
        field, ref = str(field_ref).split("/", 1)
        f = fields.index(field)
        elements = vector.elements
        for i in range(0, len(elements), 2):
            postings[position[elements[i]]][f].append((int(ref), round(elements[i + 1] * SCORE_SCALE)))
    rows = []
    for term, per_field in zip(terms, postings):
        row = [term]
        for plist in per_field:
            plist.sort()
            flat, last = [], 0
            for doc, score in plist:
                flat += [doc - last, score]
                last = doc
            row.append(flat)
        rows.append(row)
    return {"fields": fields, "terms": rows, "pipeline": index.pipeline.serialize(), "scale": SCORE_SCALE}


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write_index(cat: Catalog, today: dt.date, site_dir: Path, pages: list[dict]) -> dict:
    """Write the index and the card shards into the built site. Returns sizes and timings."""
    started = time.perf_counter()
    docs, facets, cards, lists, spots = documents(cat, today, pages)
    collected = time.perf_counter()
    index = build_index(docs)
    built = time.perf_counter()
    folder = site_dir / FOLDER
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    payload = {
        "index": encode_index(index),
        "facets": facets,
        "lists": lists,
        "synoniemen": synonym_groups(load_synonyms()),
        "shard": SHARD,
        "stopwoorden": sorted(STOP_WORDS),
    }
    (folder / "index.json").write_text(_dump(payload), encoding="utf-8")
    for start in range(0, len(cards), SHARD):
        (folder / f"kaarten-{start // SHARD}.json").write_text(_dump(cards[start:start + SHARD]), encoding="utf-8")
    (folder / POINTS).write_text(_dump(points(cat, spots)), encoding="utf-8")
    return {"docs": len(docs), "collect_s": collected - started, "index_s": built - collected,
            "write_s": time.perf_counter() - built}
