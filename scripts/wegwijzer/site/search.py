"""Site search: a lunr index built at build time, searched in the browser with lunr.js.

The browser never builds an index. It downloads:

* ``zoekindex/index.json``: the lunr index (few, short fields, compact form), the filter facets of
  every result, the synonyms and the lists for the filters;
* ``zoekindex/kaarten-N.json``: the card data (name, summary, where, when, cost) in
  shards of ``SHARD`` results, fetched only for the results on screen;
* ``zoekindex/punten.json``: the coordinates of every result that has a place, fetched
  only when the visitor presses "Dichtbij mij" (see ``points``).

Dutch text goes through the same pipeline on both sides, registered under the same
names as lunr-languages uses (``trimmer-nl``, ``stopWordFilter-nl``, ``stemmer-nl``):
here the Snowball "dutch_porter" stemmer, in the browser ``lunr.nl.js``, which is the
same (original Snowball/Porter) Dutch algorithm. ``tests/test_search.py`` checks that
both give the same tokens.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import time
from functools import lru_cache
from pathlib import Path

import snowballstemmer
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from mkdocs.exceptions import PluginError

from wegwijzer.core import describe
from wegwijzer.core.model import Activity, Location
from wegwijzer.core.region import DATA_DIR, REGION_ID
from wegwijzer.core import yamlsafe

FOLDER = "zoekindex"
SHARD = 100  # results per card file
POINTS = "punten.json"  # coordinates for "Dichtbij mij", loaded only on request
SEARCH_PAGE = "zoeken.md"
VENDOR = {  # site path -> path in node_modules
    "assets/javascripts/vendor/lunr/lunr.min.js": "lunr/lunr.min.js",
    "assets/javascripts/vendor/lunr/lunr.stemmer.support.js": "lunr-languages/min/lunr.stemmer.support.min.js",
    "assets/javascripts/vendor/lunr/lunr.nl.js": "lunr-languages/min/lunr.nl.min.js",
}

# The stop words of lunr-languages' lunr.nl.js (the Snowball Dutch list), in the same order.
STOP_WORDS = frozenset(
    "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er "
    "ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon "
    "kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over "
    "reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt "
    "zal ze zelf zich zij zijn zo zonder zou".split())

# lunr.nl.wordCharacters: the trimmer removes everything else at the start and end of a token.
_WORD_CHARS = ("A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c\u1d62-\u1d65"
               "\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a\u212b\u2132\u214e"
               "\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7\ua7f7-\ua7ff\uab30-\uab5a"
               "\uab5c-\uab64\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a")
_TRIM_START = re.compile(f"^[^{_WORD_CHARS}]+")
_TRIM_END = re.compile(f"[^{_WORD_CHARS}]+$")
_SEPARATOR = re.compile(r"[\s\-]+")  # lunr.tokenizer.separator
_STEMMER = snowballstemmer.stemmer("dutch_porter")


def trim(word: str) -> str:
    return _TRIM_END.sub("", _TRIM_START.sub("", word))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def _trimmer_nl(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: trim(s))


def _stop_word_filter_nl(token, i=None, tokens=None):
    return None if str(token) in STOP_WORDS else token


def _stemmer_nl(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: stem(s))


for _fn, _label in ((_trimmer_nl, "trimmer-nl"), (_stop_word_filter_nl, "stopWordFilter-nl"),
                   (_stemmer_nl, "stemmer-nl")):
    _fn.label = _label  # same names as lunr-languages registers in the browser
    Pipeline.registered_functions[_label] = _fn


def analyze(text: str) -> list[str]:
    """Text to index terms, as lunr.js with lunr.nl does: split, lowercase, trim, drop stop words, stem."""
    terms = []
    for raw in _SEPARATOR.split(text.lower()):
        word = trim(raw)
        if word and word not in STOP_WORDS:
            terms.append(stem(word))
    return terms


# --- synonyms -------------------------------------------------------------------------


def load_synonyms(path: Path = DATA_DIR / "synoniemen.yaml") -> list[list[str]]:
    data = yamlsafe.read(path).data
    groups = data.get("groepen") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise PluginError(f"{path.name}: zet de groepen onder 'groepen:', elke groep als een lijst woorden.")
    out = []
    for n, group in enumerate(groups, 1):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) and w.strip() for w in group):
            raise PluginError(f"{path.name}: groep {n} moet een lijst van minstens twee woorden zijn.")
        out.append([w.strip() for w in group])
    return out


def synonym_groups(groups: list[list[str]]) -> list[list[list[str]]]:
    """Every group as lists of stemmed terms (a phrase becomes more terms), without duplicates."""
    result = []
    for group in groups:
        phrases = []
        for phrase in group:
            terms = analyze(phrase)
            if terms and terms not in phrases:
                phrases.append(terms)
        if len(phrases) > 1:
            result.append(phrases)
    return result


# --- documents ------------------------------------------------------------------------


def _words(text: str | None, limit: int) -> str:
    if not text:
        return ""
    words = re.sub(r"[*\[\]()]", " ", text).split()
    return " ".join(words[:limit])


def _days_mask(days) -> int:
    mask = 0
    for d in days:
        mask |= 1 << describe.DAYS.index(d)
    return mask


def _mask(keys, order: list[str]) -> int:
    mask = 0
    for k in keys:
        mask |= 1 << order.index(k)
    return mask


def _place_order(cat) -> list[Location]:
    """Places in the order of their results (and of the points in punten.json)."""
    return sorted(cat.locations.values(), key=lambda e: (e.naam.casefold(), e.id))


def documents(plugin, pages: list[dict]) -> tuple[list[dict], list[list], list[list], dict, list[list[int]]]:
    """Index documents, facets and cards for every offer, place and page, in a stable order.

    Facets (one short list per result): [kind, gemeente mask, kern numbers, theme mask,
    audience mask, free, day mask, wide], kind 0 = aanbod, 1 = plek, 2 = pagina; wide = 1 for
    an offer without a fixed place (it serves a whole gemeente or the region).
    Cards: [name, url, summary, where, when, cost, example].
    Spots (one list per result): the numbers of its places in the place order (see ``points``);
    empty for an offer with only an area and for plain pages.
    """
    cat = plugin.catalog
    region = cat.region
    today = plugin.today
    gemeenten = [g.id for g in region.gemeenten()]
    kernen = [k.id for k in region.kernen()]
    themes = list(region.lists["themas"])
    audiences = list(region.lists["doelgroepen"])
    docs, facets, cards, spots = [], [], [], []

    def area_names(ids):
        return [region.areas[i].naam for i in ids if i in region.areas]

    acts = sorted(cat.activities.values(), key=lambda e: (e.naam.casefold(), e.id))
    places = _place_order(cat)
    place_number = {loc.id: n for n, loc in enumerate(places)}
    for act in acts:
        places_of_act = cat.places_of(act)
        where_ids = set(cat.gemeenten_of(act)) | set(cat.kernen_of(act)) | {p.wijk for p in places_of_act if p.wijk}
        tekst = " ".join([act.samenvatting, describe.label("aanbod_soorten", act.soort),
                          " ".join(describe.label("themas", t) for t in act.themas),
                          " ".join(describe.label("doelgroepen", d) for d in act.doelgroepen),
                          _words(act.beschrijving, 30)])
        docs.append({"id": str(len(docs)), "naam": act.naam, "tekst": tekst,
                     "waar": " ".join(sorted(area_names(where_ids)) + [p.naam for p in places_of_act])})
        days = set(describe.weekdays(act, today))
        days |= {describe.DAYS[i.datum.weekday()] for i in act.schema if i.datum and describe.is_current(i, today)}
        facets.append([0, _mask(cat.gemeenten_of(act), gemeenten),
                       [kernen.index(k) for k in cat.kernen_of(act)],
                       _mask(act.themas, themes), _mask(act.doelgroepen, audiences),
                       1 if describe.is_free(act) else 0, _days_mask(days),
                       0 if act.plekken else 1])
        cards.append([act.naam, act.url, act.samenvatting, ", ".join(cat.where(act)),
                      describe.schedule_short(act), describe.cost_text(act.kosten), 1 if act.voorbeeld else 0])
        spots.append(sorted({place_number[p.id] for p in places_of_act}))
    for loc in places:
        here = cat.activities_at.get(loc.id, [])
        kind = describe.label("plek_soorten", loc.soort)
        kern = region.areas[loc.woonkern].naam
        docs.append({"id": str(len(docs)), "naam": loc.naam,
                     "tekst": " ".join([kind, _words(loc.beschrijving, 30)]),
                     "waar": " ".join(area_names([loc.gemeente, loc.woonkern] + ([loc.wijk] if loc.wijk else [])))})
        facets.append([1, _mask([loc.gemeente], gemeenten), [kernen.index(loc.woonkern)],
                       _mask({t for a in here for t in a.themas}, themes),
                       _mask({d for a in here for d in a.doelgroepen}, audiences),
                       0, _days_mask({o.dag for o in loc.openingstijden}), 0])
        hours = describe.opening_lines(loc)
        when = "; ".join(hours[:2]) + (" en meer" if len(hours) > 2 else "")
        cards.append([loc.naam, loc.url, f"{kind} in {kern}", loc.adres.one_line() if loc.adres else kern,
                      when, "", 1 if loc.voorbeeld else 0])
        spots.append([place_number[loc.id]])
    for page in sorted(pages, key=lambda p: p["url"]):
        docs.append({"id": str(len(docs)), "naam": page["title"], "tekst": page["text"], "waar": ""})
        facets.append([2])
        cards.append([page["title"], page["url"], page["summary"], "", "", "", 0])
        spots.append([])
    lists = {
        "gemeenten": gemeenten,
        "kernen": kernen,
        "kern_gemeente": [gemeenten.index(region.areas[k].parent) for k in kernen],
        "themas": themes,
        "doelgroepen": audiences,
        "dagen": list(describe.DAYS),
    }
    return docs, facets, cards, lists, spots


def points(cat, spots: list[list[int]]) -> dict:
    """The coordinates for "Dichtbij mij" on the search page, in a compact form.

    ``punten`` is one flat list [lat, lon, lat, lon, ...] with every place once, in the
    order of the place results (5 decimals, about 1 metre). ``plekken`` has per result
    the numbers of its places in that list. The browser computes distances itself: the
    visitor's position is never sent anywhere.
    """
    places = _place_order(cat)
    flat = []
    for loc in places:
        flat += [round(loc.coordinaten.lat, 5), round(loc.coordinaten.lon, 5)]
    return {"punten": flat, "plekken": spots}


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


def write_index(plugin, site_dir: Path, pages: list[dict]) -> dict:
    """Write the index and the card shards into the built site. Returns sizes and timings."""
    started = time.perf_counter()
    docs, facets, cards, lists, spots = documents(plugin, pages)
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
    (folder / POINTS).write_text(_dump(points(plugin.catalog, spots)), encoding="utf-8")
    return {"docs": len(docs), "collect_s": collected - started, "index_s": built - collected,
            "write_s": time.perf_counter() - built}


# --- plugin hooks ---------------------------------------------------------------------


def _node_modules(config) -> Path:
    return Path(config.config_file_path).parent / "node_modules"


def extra_files(plugin, config) -> dict[str, bytes]:
    plugin.search_pages = []
    folder = _node_modules(config)
    files = {}
    for target, source in VENDOR.items():
        path = folder / source
        if not path.exists():
            raise PluginError(f"Het bestand {source} ontbreekt in node_modules. Draai eerst make install.")
        files[target] = path.read_bytes()
    return files


_TAG = re.compile(r"<[^>]+>")


def _first_paragraph(content: str) -> str:
    match = re.search(r"<p>(.*?)</p>", content or "", re.S)
    return html.unescape(_TAG.sub("", match.group(1))).strip() if match else ""


def page_context(plugin, page, context) -> None:
    """Remember the plain pages (and theme, audience and area pages) for the index."""
    spec = plugin.specs.get(page.file.src_uri)
    if spec is not None and spec.kind not in ("thema", "doelgroep", "gebied"):
        return
    if spec is not None and spec.kind == "gebied" and plugin.catalog.region.areas[spec.key].level == "wijk":
        return
    if page.file.src_uri == SEARCH_PAGE or page.url in ("", "404.html"):
        return
    if not hasattr(plugin, "search_pages"):
        plugin.search_pages = []
    title = page.meta.get("title") or page.title or ""
    summary = page.meta.get("description") or (spec.description if spec else "") or _first_paragraph(page.content)
    if spec is not None and spec.kind == "gebied":  # the same sentence on every area page: find them by name only
        plugin.search_pages.append({"title": str(title), "url": page.url, "summary": summary, "text": ""})
        return
    headings = []
    for item in page.toc or []:
        headings += [item.title] + [child.title for child in item.children]
    plugin.search_pages.append({"title": str(title), "url": page.url, "summary": _words(summary, 30),
                                "text": " ".join([_words(summary, 40), _words(" ".join(headings), 30)])})


def post_build(plugin, config) -> None:
    stats = write_index(plugin, Path(config.site_dir), getattr(plugin, "search_pages", []))
    plugin.search_stats = stats
