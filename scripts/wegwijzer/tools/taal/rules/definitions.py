"""Explicit definitions and mentions: when a hard word or an abbreviation counts as explained.

A word is explained by a definition in the same file:
- "X is een/iemand/iets/...", "X betekent ...", "X staat voor ...", "X wil zeggen ...";
- right after X: "X, dat is een ...", "X: de/een/werk ...", or a next sentence "Dat is een ..." when X ends
  the sentence before;
- "Met X bedoelen we ...", "Onder X verstaan we ...";
- "Dat heet X", "Dit noemen we X";
- a question that the text answers: "Wat is X?";
- the plain word in brackets: "X (uitleg in gewone woorden)", or "uitleg (X)".
"Het woord X" mentions the word; it is no use of it.
"""

from __future__ import annotations

from wegwijzer.tools.taal.sentences import Sentence, Token
from wegwijzer.tools.taal.text import is_abbreviation

_AFTER_IS_WORDS = (
    "een iemand iets mensen alles wat als wanneer hoe dat het de waar wie zorg hulp geld werk elke iedere "
    "ieder samen eigenlijk gewoon bijvoorbeeld"
)
_AFTER_IS = frozenset(_AFTER_IS_WORDS.split())
_COPULA = frozenset({"is", "zijn", "betekent", "betekenen"})
_WITH_NEXT = {"staat": "voor", "staan": "voor", "wil": "zeggen", "willen": "zeggen"}
_NOT_SUBJECT_WORDS = (
    "voor in op bij na van door over aan om tot uit zonder tijdens naast tussen sinds vanaf per zoals als "
    "want maar dus ook toch daarom dan wel hier daar er nu waar hoe wat wie welke het dat dit"
)
_NOT_SUBJECT = frozenset(_NOT_SUBJECT_WORDS.split())
_ARTICLES = frozenset({"een", "het", "de", "'t"})
_NAMING = frozenset({"heet", "heten"})
_NAMING_VERB = frozenset({"noemen", "noemt", "noem"})
_NAMING_WHO = frozenset({"we", "wij", "je", "ze", "zij", "men", "dit", "dat", "het", "hen", "hem"})
_MEANING = {"met": ("bedoel", "bedoelt", "bedoelen", "bedoeld"), "onder": ("verstaan", "verstaat")}
_MENTION = frozenset({"woord", "woorden", "term", "termen", "begrip", "begrippen", "afkorting"})
_SUBJECT_MAX = 6


def _words(tokens: list[Token], indexes: range) -> set[int]:
    return {i for i in indexes if tokens[i].kind in ("word", "mask") and tokens[i].low not in _ARTICLES}


def _copula(tokens: list[Token]) -> set[int]:
    """'X is een ...', 'X betekent ...', 'X staat voor ...': the words of X."""
    for k, t in enumerate(tokens[: _SUBJECT_MAX + 4]):
        if t.kind != "word" or k == 0:
            continue
        nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
        if t.low in _COPULA or _WITH_NEXT.get(t.low) == nxt:
            if t.low in ("is", "zijn") and nxt not in _AFTER_IS:
                return set()
            subject = _words(tokens, range(k))
            first = next((tok.low for tok in tokens[:k] if tok.kind == "word" and tok.low not in _ARTICLES), "")
            if not subject or len(subject) > _SUBJECT_MAX or first in _NOT_SUBJECT:
                return set()
            return subject
    return set()


def _meaning(tokens: list[Token]) -> set[int]:
    """'Met X bedoelen we ...', 'Onder X verstaan we ...'."""
    if not tokens or tokens[0].low not in _MEANING:
        return set()
    verbs = _MEANING[tokens[0].low]
    for k, t in enumerate(tokens[1 : _SUBJECT_MAX + 3], start=1):
        if t.low in verbs:
            return _words(tokens, range(1, k))
    return set()


def _naming(tokens: list[Token]) -> set[int]:
    """'Dat heet X', 'Dit noemen we X', 'Het plan noemt dit X': the words of X."""
    out: set[int] = set()
    for k, t in enumerate(tokens):
        start = None
        if t.low in _NAMING:
            start = k + 1
        elif t.low in _NAMING_VERB and k + 1 < len(tokens) and tokens[k + 1].low in _NAMING_WHO:
            start = k + 2
        if start is None:
            continue
        for i in range(start, min(len(tokens), start + 5)):
            if tokens[i].kind == "punct":
                break
            out |= _words(tokens, range(i, i + 1))
    return out


def _brackets(tokens: list[Token]) -> set[int]:
    """'X (gewone woorden)' and 'gewone woorden (X)' explain X; 'IZA (Integraal Zorgakkoord)' explains IZA."""
    out: set[int] = set()
    for k, t in enumerate(tokens):
        if t.text != "(" or k == 0:
            continue
        inner = []
        for i in range(k + 1, min(len(tokens), k + 16)):
            if tokens[i].text == ")":
                break
            inner.append(i)
        words = [i for i in inner if tokens[i].kind == "word"]
        before = []
        for i in range(k - 1, max(-1, k - 4), -1):
            if tokens[i].kind == "punct":
                break
            before.append(i)
        if not words or not before:
            continue
        if is_abbreviation(tokens[k - 1].text) or any(tokens[i].text[0].islower() for i in words):
            out |= _words(tokens, range(min(before), k))
        if len(words) <= 4:
            out |= set(words)
    return out


def _question(tokens: list[Token]) -> set[int]:
    """'Wat is een casemanager?' (the answer follows): the words asked about."""
    if len(tokens) < 3 or tokens[0].low != "wat" or tokens[1].low not in ("is", "zijn", "betekent", "betekenen"):
        return set()
    return _words(tokens, range(2, min(len(tokens), 2 + _SUBJECT_MAX)))


def _before(tokens: list[Token], k: int) -> set[int]:
    """The (at most three) words right before token k, up to a punctuation mark."""
    out = []
    for i in range(k - 1, max(-1, k - 4), -1):
        if tokens[i].kind == "punct":
            break
        out.append(i)
    return _words(tokens, range(min(out), k)) if out else set()


def _says_what_it_is(tokens: list[Token], k: int) -> bool:
    """At token k: 'dat is een ...', 'dit zijn mensen ...', 'dat betekent ...'."""
    if k + 1 >= len(tokens) or tokens[k].low not in ("dat", "dit"):
        return False
    verb = tokens[k + 1].low
    nxt = tokens[k + 2].low if k + 2 < len(tokens) else ""
    return verb in ("betekent", "betekenen") or (verb in ("is", "zijn") and nxt in _AFTER_IS)


def _apposition(tokens: list[Token]) -> set[int]:
    """'jobcoaching, dat is begeleiding op je werk' and 'beschut werk: werk in een beschermde omgeving'."""
    out: set[int] = set()
    for k, t in enumerate(tokens[:-1]):
        if t.text not in (",", ":") or k == 0:
            continue
        if (t.text == ":" and tokens[k + 1].low in _AFTER_IS) or _says_what_it_is(tokens, k + 1):
            out |= _before(tokens, k)
    return out


def defined_tokens(sentence: Sentence) -> set[int]:
    """Indexes of the tokens that this sentence explains."""
    tokens = sentence.tokens
    found = _copula(tokens) | _meaning(tokens) | _naming(tokens) | _brackets(tokens) | _question(tokens)
    return found | _apposition(tokens)


def defined_before(previous: Sentence, sentence: Sentence) -> set[int]:
    """'... zoals het CBS. Dat is het Centraal Bureau voor de Statistiek.': the last words of the sentence before."""
    if not _says_what_it_is(sentence.tokens, 0) or not previous.tokens:
        return set()
    return _before(previous.tokens, len(previous.tokens))


def mentioned_tokens(sentence: Sentence) -> set[int]:
    """'Het woord X', 'woorden als X': X is mentioned, not used."""
    tokens = sentence.tokens
    out: set[int] = set()
    for k, t in enumerate(tokens):
        if t.low not in _MENTION:
            continue
        start = k + 1
        if start < len(tokens) and tokens[start].low in ("als", "zoals"):
            start += 1
        out |= {i for i in range(start, min(len(tokens), start + 3)) if tokens[i].kind == "word"}
    return out
