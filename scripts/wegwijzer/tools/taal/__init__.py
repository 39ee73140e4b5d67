"""B1 language gate (`wegwijzer taal`): is every text a resident reads easy to read?

Checks entry texts (from the Catalog) and content pages (``content/**/*.md``) sentence by sentence:
length, hard and stiff words, passive and nominal style, the formal 'u', abbreviations, long lists inside a
sentence, uncommon words and the Flesch-Douma score. Which check is a "fout" (the gate fails) and which a
"let op" (a tip), and every threshold, live in ``data/taal.yaml``; hard words in ``data/jargon.yaml``.

Modules: ``config`` (settings), ``markdown`` and ``sentences`` (text to pieces, sentences and words),
``words`` (word knowledge: wordfreq, inflections, compounds), ``names`` (known names), ``text`` (one file as
the rules see it), ``rules`` (the checks), ``readability``, ``sources`` (entries and pages), ``report`` and
``changed`` (which files changed on this branch, for the tips).
"""

from wegwijzer.tools.taal.changed import changed_files
from wegwijzer.tools.taal.config import CHECKS, ERROR, OFF, WARNING, Config, ConfigProblem, Term, load_config
from wegwijzer.tools.taal.names import Names, make_names, names_of
from wegwijzer.tools.taal.readability import flesch_douma
from wegwijzer.tools.taal.report import Report, format_report, report_json
from wegwijzer.tools.taal.sources import check_all, check_entry, check_page, entry_sentences, page_sentences
from wegwijzer.tools.taal.text import Finding

__all__ = [
    "CHECKS",
    "ERROR",
    "OFF",
    "WARNING",
    "Config",
    "ConfigProblem",
    "Finding",
    "Names",
    "Report",
    "Term",
    "changed_files",
    "check_all",
    "check_entry",
    "check_page",
    "entry_sentences",
    "flesch_douma",
    "format_report",
    "load_config",
    "make_names",
    "names_of",
    "page_sentences",
    "report_json",
]
