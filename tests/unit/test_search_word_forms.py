"""Search in Russian and English word forms, and generated queries checked against a reference.

Real sentences go in through the library (triggers index words and stems); queries go through
SearchService. The generated queries mix Cyrillic with е/ё, Latin, several words, quoted
phrases, prefixes, punctuation, odd Unicode and FTS5 operators typed as words; the reference
decides which segments each must find from the tokens and stems of the sentences alone.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.domain.word_forms import fold, stem, stems, words
from desktop_app.services.search import SearchService
from desktop_app.wiring import Services, build_services
from tests.unit.test_search import _interview


@pytest.fixture()
def svc(closer_home: Path) -> Services:
    return build_services(closer_home)


def test_two_russian_words_find_the_words_spoken(svc: Services) -> None:
    iv, _ = _interview(svc, "Анна", ["нейронные сети это хорошо", "сети магазинов"])
    hits = SearchService(svc.engine).search("нейронные сети")
    assert [(h.interview_id, h.start, h.snippet) for h in hits] == \
        [(iv, 0.0, "[нейронные] [сети] это хорошо")]
    assert [h.snippet for h in SearchService(svc.engine).search("Нейронные СЕТИ хорошо")] == \
        ["[нейронные] [сети] это [хорошо]"]


def test_a_russian_word_finds_its_forms_and_marks_what_was_said(svc: Services) -> None:
    _interview(svc, "Анна", ["нейронные сети это хорошо", "мы обучаем сеть каждый день",
                             "сетью пользуются все клиенты", "таких сетей стало больше",
                             "сетка на окне порвалась"])
    _interview(svc, "Борис", ["доставку опять задержали", "доставки не было неделю",
                              "курьер привёз посылку"])
    search = SearchService(svc.engine)
    assert sorted(h.snippet for h in search.search("сеть")) == sorted([
        "нейронные [сети] это хорошо", "мы обучаем [сеть] каждый день",
        "[сетью] пользуются все клиенты", "таких [сетей] стало больше"])
    assert sorted(h.snippet for h in search.search("Доставка")) == \
        ["[доставки] не было неделю", "[доставку] опять задержали"]
    assert [h.snippet for h in search.search("привез посылки")] == \
        ["курьер [привёз] [посылку]"]


def test_an_english_word_finds_its_forms_and_quotes_keep_the_exact_word(svc: Services) -> None:
    _interview(svc, "Anna", ["we asked for a refund", "refunds took three weeks",
                             "they refunded the order", "the refugee story"])
    search = SearchService(svc.engine)
    assert sorted(h.snippet for h in search.search("refund")) == sorted([
        "we asked for a [refund]", "[refunds] took three weeks", "they [refunded] the order"])
    assert [h.snippet for h in search.search('"refunded"')] == ["they [refunded] the order"]
    assert [h.snippet for h in search.search('"refunds took"')] == \
        ["[refunds took] three weeks"]


def test_mixed_scripts_stem_each_word_by_its_script(svc: Services) -> None:
    iv, _ = _interview(svc, "Анна", ["мы сделали refund через неделю после доставки",
                                     "refund без доставки"])
    hits = SearchService(svc.engine).search("refunds недели доставка")
    assert [(h.interview_id, h.snippet) for h in hits] == \
        [(iv, "мы сделали [refund] через [неделю] после [доставки]")]


def test_a_long_segment_is_cut_around_the_match(svc: Services) -> None:
    line = " ".join(f"слово{i}" for i in range(40)) + " доставку ждали. " + \
        " ".join(f"word{i}" for i in range(40))
    _interview(svc, "Анна", [line])
    [hit] = SearchService(svc.engine).search("доставка")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "[доставку] ждали." in hit.snippet and len(words(hit.snippet)) == 16


# --- generated queries ------------------------------------------------------------------------

CORPUS = [
    "нейронные сети это хорошо",
    "мы обучаем нейронную сеть на данных клиентов",
    "доставку опять задержали на неделю",
    "ещё раз привезли не то, всё плохо",
    "все еще ждём курьера с доставкой",
    "the courier was late and NOT near the door",
    "they refunded the order, and refunds took three weeks",
    "анализ данных: analysis of churn and analytics",
    "мы сделали refund через неделю",
    "a cold-hearted answer, it's fine (really)",
    "Café au lait or naïve coffee",
    "сетью пользуются все клиенты",
    "таких сетей стало больше, ёлки зелёные",
    "Ёжик в тумане и ещё один ёж",
    "OR AND NOT NEAR are words here",
]
ABSENT = ["пицца", "zebra", "ёлочка", "refundable"]
ODD = ["😀", "\u200b", "\u200d", "\x00", "{", "}", "(", ")", "^", "-", "+", ":",
       ",", ".", "?!", "'", "«»", "—", "\t", "*", "**", "\u0301"]
OPERATORS = ["AND", "OR", "NOT", "NEAR", "NEAR(", "and", "-NOT", "^OR"]
YO = str.maketrans("ёЁеЕ", "еЕёЁ")


@dataclass(frozen=True)
class Spec:
    kind: str  # "word", "phrase", "prefix"
    tokens: tuple[str, ...]


def _key(word: str) -> str:
    return fold(word).replace("ё", "е")


def reference(spec: list[Spec], line: str) -> bool:
    """Whether `line` matches every part of the query, decided without FTS5."""
    toks = words(line)
    keys = [_key(t) for t in toks]
    stem_list = stems(line).split()
    for part in spec:
        want = list(part.tokens)
        n = len(want)
        if part.kind == "word":
            target, have = [stem(t) for t in want], stem_list
            ok = any(have[i:i + n] == target for i in range(len(have) - n + 1))
        elif part.kind == "phrase":
            target = [_key(t) for t in want]
            ok = any(keys[i:i + n] == target for i in range(len(keys) - n + 1))
        else:
            ok = any(k.startswith(_key(want[0])) for k in keys)
        if not ok:
            return False
    return True


def _spell(rng: random.Random, word: str) -> str:
    word = word.upper() if rng.random() < 0.2 else word.capitalize() if rng.random() < 0.2 \
        else word
    if rng.random() < 0.3:  # е typed for ё: as people type
        word = word.replace("ё", "е").replace("Ё", "Е")
    return word


def generate(rng: random.Random) -> tuple[str, list[Spec]]:
    vocab = sorted({w for line in CORPUS for w in words(line)}) + ABSENT
    parts: list[str] = []
    spec: list[Spec] = []
    for _ in range(rng.randint(1, 3)):
        roll = rng.random()
        if roll < 0.1:  # FTS5 syntax typed as words: searched as words
            op = rng.choice(OPERATORS)
            spec.append(Spec("word", tuple(words(op))))
            parts.append(op)
        elif roll < 0.45:
            w = rng.choice(vocab)
            spec.append(Spec("word", (w,)))
            parts.append(_spell(rng, w) + rng.choice(["", "", ",", "?", "!", "."]))
        elif roll < 0.75:
            line = rng.choice(CORPUS)
            toks = words(line)
            i = rng.randrange(len(toks))
            run = toks[i:i + rng.randint(1, 2)]
            open_, close = rng.choice([('"', '"'), ("“", "”"), ("«", "»"), ("„", "“")])
            spec.append(Spec("phrase", tuple(run)))
            parts.append(open_ + " ".join(_spell(rng, t) for t in run) + close)
        else:
            w = rng.choice([v for v in vocab if len(v) >= 4])
            cut = w[:rng.randint(3, len(w))]
            spec.append(Spec("prefix", (cut,)))
            parts.append(_spell(rng, cut) + "*")
        if rng.random() < 0.3:
            parts.append(rng.choice(ODD))  # separators and symbols: not words
    return " ".join(parts), spec


def test_generated_queries_never_fail_and_find_what_the_reference_finds(svc: Services) -> None:
    _, segs = _interview(svc, "Анна", CORPUS)
    search = SearchService(svc.engine)
    rng = random.Random(12)
    checked = found = 0
    for _ in range(400):
        query, spec = generate(rng)
        hits = search.search(query, limit=100)
        expected = {seg for seg, line in zip(segs, CORPUS, strict=True)
                    if reference(spec, line)}
        assert {h.segment_id for h in hits} == expected, query
        assert all("[" in h.snippet for h in hits), query
        checked += 1
        found += bool(expected)
    assert checked == 400 and found > 100  # the generator finds things, not only misses


def test_random_garbage_never_breaks_the_search(svc: Services) -> None:
    _interview(svc, "Анна", CORPUS)
    search = SearchService(svc.engine)
    rng = random.Random(5)
    alphabet = list('"“”«»„*()-+^:{}\\\'., \t\nAaЁёЕе0😀\u200b\u0301ß') + \
        ["AND", "OR", "NOT", "NEAR", "NEAR(", "сеть", "ana", "*"]
    for _ in range(500):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert isinstance(search.search(query), list), query
