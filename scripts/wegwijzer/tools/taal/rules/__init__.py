"""The rules of the language gate. Each rule reads a FileText and adds findings with a reason a writer understands.

Which rule is a "fout" and which a "let op" is set in data/taal.yaml (``controles``).
"""

from __future__ import annotations

from collections.abc import Callable

from wegwijzer.tools.taal.rules.abbreviations import check_abbreviations
from wegwijzer.tools.taal.rules.jargon import check_jargon
from wegwijzer.tools.taal.rules.length import check_length, check_lists, check_long_words
from wegwijzer.tools.taal.rules.style import check_formal, check_nominal, check_passive
from wegwijzer.tools.taal.rules.unknown import check_unknown
from wegwijzer.tools.taal.text import FileText

RULES: tuple[Callable[[FileText], None], ...] = (
    check_long_words,
    check_length,
    check_lists,
    check_jargon,
    check_formal,
    check_passive,
    check_nominal,
    check_abbreviations,
    check_unknown,
)


def run_rules(text: FileText) -> FileText:
    """Run every rule over one file's sentences; the findings are in text.findings."""
    for rule in RULES:
        rule(text)
    return text
