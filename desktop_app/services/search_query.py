"""What a user typed in a search box, as FTS5 terms; and the snippet that marks what matched.

A query is split into "quoted phrases" (straight, curly or «guillemet» quotes) and words.
- A word finds every form of itself: it is matched by stem in the index's `stems` column
  ("сеть" finds "сети", "сетью"; "refund" finds "refunded"). A word that the tokenizer splits
  ("cold-hearted", "it's") is a phrase of stems.
- A quoted phrase finds exactly those words, in that order, in the `text` column.
- A word ending in * finds words beginning with it (from PREFIX_MIN letters on), in `text`.
In `text`, where ё is not folded, each word with е or ё is searched in its spellings ("еще"
finds "ещё" and the reverse); the stemmer reads ё as е, so `stems` needs no spellings.

User input never reaches FTS5 syntax as is: every term is built from tokens (letters and
digits only) inside FTS5 strings, each term is limited to its column, and terms are joined
with an explicit AND (FTS5 has no implicit AND next to a parenthesised group of spellings:
that was the syntax error on "нейронные сети").

Snippets are made here rather than by FTS5's snippet(): the `text` column of a contentless
index stores no text, a match found through `stems` must mark the words actually spoken, and
doing it for the 20 rows shown is cheaper than for every match that bm25 ranks.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from desktop_app.domain.word_forms import fold, stem, tokens, words

_PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|«([^»]*)»|„([^“”]*)[“”]')
_MAX_VARIANTS = 8  # spellings (ё/е) tried for one word or phrase
_YO_POSITIONS = 3  # at most this many е's of a word are tried as ё
PREFIX_MIN = 3  # "de*" would match too much to mean anything; shorter stems match whole words


@dataclass(frozen=True)
class Term:
    """One word or phrase of a query: a run of tokens in one index column."""

    column: str  # "stems": any form of the words; "text": the words as spoken
    tokens: tuple[str, ...]
    prefix: bool = False  # the last token is the beginning of a word (text only)

    def keys(self) -> tuple[str, ...]:
        """What each token of a matching run must be (stems) or be/start with (text)."""
        if self.column == "stems":
            return tuple(stem(t) for t in self.tokens)
        return tuple(_key(t) for t in self.tokens)

    def expression(self) -> str:
        """This term as an FTS5 expression limited to its column."""
        if self.column == "stems":
            return "stems : " + _fts_string(" ".join(self.keys()))
        combos = list(itertools.islice(itertools.product(*(_spellings(t) for t in self.tokens)),
                                       _MAX_VARIANTS + 1))
        if len(combos) > _MAX_VARIANTS:  # too many spellings: as typed, and all-е
            combos = [self.tokens, tuple(_plain(t) for t in self.tokens)]
        star = "*" if self.prefix else ""
        options = [_fts_string(" ".join(c)) + star for c in dict.fromkeys(combos)]
        body = options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"
        return "text : " + body


def _clean(query: str) -> str:
    """NFC, and control/format characters (NUL, zero-width joiners...) turned into spaces."""
    text_ = unicodedata.normalize("NFC", query)
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text_)


def _plain(word: str) -> str:
    return word.replace("ё", "е").replace("Ё", "Е")


def _key(word: str) -> str:
    return fold(word).replace("ё", "е")


def _spellings(word: str) -> list[str]:
    """`word` as typed plus its е/ё spellings (Russian writers often type е for ё)."""
    plain = _plain(word)
    out = [word, plain]
    positions = [i for i, ch in enumerate(plain) if ch in "еЕ"][:_YO_POSITIONS]
    for i in positions:
        out.append(plain[:i] + ("ё" if plain[i] == "е" else "Ё") + plain[i + 1:])
    return list(dict.fromkeys(out))


def _fts_string(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def parse(query: str) -> list[Term]:
    """The terms of what a user typed; [] when nothing in it is searchable."""
    cleaned = _clean(query)
    terms: list[Term] = []
    rest: list[str] = []
    last = 0
    for m in _PHRASE.finditer(cleaned):
        rest.append(cleaned[last:m.start()])
        last = m.end()
        found = words(next(g for g in m.groups() if g is not None))
        if found:
            terms.append(Term("text", tuple(found)))
    rest.append(cleaned[last:])
    for raw in " ".join(rest).replace('"', " ").split():
        found = words(raw)
        if not found:
            continue
        body = raw.rstrip("*")
        if body != raw and words(body[-1:]) and len(found[-1]) >= PREFIX_MIN:
            terms.append(Term("text", tuple(found), prefix=True))
        else:
            terms.append(Term("stems", tuple(found)))
    return list(dict.fromkeys(terms))


def match_expression(query: str) -> str | None:
    """A safe FTS5 MATCH expression for what a user typed, or None when nothing is searchable."""
    terms = parse(query)
    return " AND ".join(t.expression() for t in terms) if terms else None


def _instances(found: list[tuple[int, int, str]],
               terms: list[Term]) -> list[tuple[int, int, int]]:
    """(first token, last token, term index) of every place a term matches."""
    stems_ = [stem(w) for _s, _e, w in found] if any(t.column == "stems" for t in terms) \
        else []
    keys = [_key(w) for _s, _e, w in found] if any(t.column == "text" for t in terms) else []
    out: list[tuple[int, int, int]] = []
    for n, term in enumerate(terms):
        want = term.keys()
        have = stems_ if term.column == "stems" else keys
        size = len(want)
        for i in range(len(found) - size + 1):
            run = have[i:i + size]
            if term.prefix:
                ok = run[:-1] == list(want[:-1]) and run[-1].startswith(want[-1])
            else:
                ok = run == list(want)
            if ok:
                out.append((i, i + size - 1, n))
    return out


def _window(count: int, size: int, hits: list[tuple[int, int, int]]) -> int:
    """First token of the `size`-token window with the most distinct terms, then most hits,
    then the hits nearest its middle (windows tried: those centred on each hit)."""
    best: tuple[int, int, int] | None = None
    start = 0
    for a, b, _n in hits:
        s = min(max(0, a - (size - (b - a + 1)) // 2), count - size)
        inside = [h for h in hits if h[0] >= s and h[1] < s + size]
        if not inside:
            continue
        first, last = inside[0][0], max(h[1] for h in inside)
        score = (len({h[2] for h in inside}), len(inside),
                 -abs((first - s) - (s + size - 1 - last)))
        if best is None or score > best:
            best, start = score, s
    return start


def snippet(text: str, terms: list[Term], marks: tuple[str, str], ellipsis: str,
            size: int) -> str:
    """`text` cut to `size` tokens around the best matches, each match between `marks`, and
    `ellipsis` where it was cut; overlapping matches share one pair of marks."""
    found = tokens(text)
    if not found:
        return text
    hits = sorted(_instances(found, terms))
    first = _window(len(found), size, hits) if len(found) > size else 0
    last = min(len(found), first + size) - 1
    begin = found[first][0] if first > 0 else 0
    end = found[last][1] if last < len(found) - 1 else len(text)
    spans: list[list[int]] = []
    for a, b, _n in (h for h in hits if h[0] >= first and h[1] <= last):
        if spans and a <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    out: list[str] = [ellipsis] if first > 0 else []
    pos = begin
    for a, b in spans:
        out += [text[pos:found[a][0]], marks[0], text[found[a][0]:found[b][1]], marks[1]]
        pos = found[b][1]
    out.append(text[pos:end])
    if last < len(found) - 1:
        out.append(ellipsis)
    return "".join(out)
