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

from wegwijzer.site.search.analysis import STOP_WORDS, analyze
from wegwijzer.site.search.index import FOLDER, POINTS, SHARD, write_index
from wegwijzer.site.search.synonyms import load_synonyms
from wegwijzer.site.search.view import VENDOR, SearchView

__all__ = ["FOLDER", "POINTS", "SHARD", "STOP_WORDS", "VENDOR", "SearchView", "analyze", "load_synonyms",
           "write_index"]
