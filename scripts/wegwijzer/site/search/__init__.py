"""Site search: an index built at build time, searched in the browser (``zoeken-kern.js``, ``zoeken.js``).

The browser never builds an index. Everything it reads is in ``zoekindex/``; a result is a
number (its place in the order of ``documents``: offers, places, pages). The format (version 2):

``index.json`` (the first download; every field by name)
    ``versie`` 2; ``aantal`` the number of results;
    ``termen`` every index term, sorted (stems, and the stems of compound parts);
    ``blokken`` the number of the first term in each postings file ``termen-K.bin``;
    ``schaal`` score steps: a score byte ``s`` means the score ``2 ** ((s - 128) / schaal)``;
    ``filters`` {filter: {key: number of results}} for the files ``filter-<filter>-<key>.bin``
    (filters: gemeente, kern, thema, voor, dag, taal, gratis (key "ja"));
    ``lijsten`` gemeenten and kernen ({id, naam, lat, lon}, a kern also ``gemeente``), themas,
    doelgroepen, dagen, talen ({id, naam});
    ``synoniemen`` synonym groups, every phrase a list of terms; ``voor_wie`` {term: doelgroep}
    for words that name an audience; ``over_het_plan`` terms that make a query about the plan;
    ``woorddelen`` {``delen``: {"<zipf*10>": "part part ..."}, ``heel``: "word ..."} to split
    query words into compound parts (``compounds``); ``stopwoorden``;
    ``kaarten`` results per card file; ``punten`` results per places file.

``termen-K.bin`` (postings; fetched for the terms a query needs)
    for every term of the file, in order: a varint count n, n varint gaps between result
    numbers (the first gap is the first number), then n score bytes (BM25 over the fields
    naam, tekst and waar, with boosts 4, 1 and 2, summed).

``filter-<filter>-<key>.bin``
    a varint count, then varint gaps: the results with that value. The kern lists include the
    offers without a fixed place that serve the kern's gemeente.

``soorten.bin``
    one byte per result: 0 offer, 1 place, 2 page, plus the flags 4 programme (soort
    'initiatief'), 8 only for professionals, 16 a page about the plan, 32 no fixed place.

``kaarten-N.json``
    the cards of results N*kaarten to (N+1)*kaarten: a list of {naam, url, samenvatting, waar,
    wanneer, kosten, soort ("aanbod", "plek", "pagina"), talen, voorbeeld (true when an example)};
    empty fields are left out.

``punten-N.json``
    {"plekken": [[lat, lon, lat, lon, ...], ...]}: the places of results N*punten to
    (N+1)*punten (5 decimals). Fetched only for "Dichtbij mij" and for "nothing here, something
    near": the browser computes distances itself and the visitor's position is never sent.

Dutch text goes through the same steps on both sides (``analysis``, ``compounds``);
``tests/test_search.py`` checks that Python and the browser give the same terms and parts.
"""

from wegwijzer.site.search.analysis import STOP_WORDS, analyze
from wegwijzer.site.search.index import FOLDER, write_index
from wegwijzer.site.search.synonyms import load_search_words, load_synonyms
from wegwijzer.site.search.view import VENDOR, SearchView

__all__ = [
    "FOLDER",
    "STOP_WORDS",
    "VENDOR",
    "SearchView",
    "analyze",
    "load_search_words",
    "load_synonyms",
    "write_index",
]
