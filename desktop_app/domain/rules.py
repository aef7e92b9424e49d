"""Keyword rules: the default English and Russian rules and how a rule's phrase matches words.

Phrase syntax (what a user types into a rule):
- Case does not matter, ё equals е, punctuation is ignored ("don't" = "dont").
- Words must appear in order as whole words; at most one other word may sit between two
  words of the phrase ("not my job" also finds "not really my job").
- `word*` matches any word that starts with "word" ("доставк*" finds доставка, доставку...).
- Without `*`, endings are tolerated: a Cyrillic word of 4+ letters loses one common
  inflection ending (-ами, -ого, -ой, -а, -и...) and then takes any ending of up to 4 letters
  ("курьер" finds курьера, курьером; "перевели" finds перевела); a Latin word of 4+ letters
  also matches its -s/-es/-ed/-ing forms ("refund" finds refunds, refunded). Shorter words
  match exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.domain.text import normalize_text

MAX_GAP_WORDS = 1
_RU_ENDINGS = tuple(sorted((
    "иями", "ями", "ами", "ией", "ого", "его", "ому", "ему", "ыми", "ими", "ешь", "ете",
    "ишь", "ите", "ать", "ять", "ить", "еть", "ала", "ила", "ыла", "ела", "али", "или", "ели",
    "ают", "яют", "уют", "ует", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ой", "ей",
    "ий", "ый", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ью", "ия", "ии", "ть",
    "а", "я", "о", "е", "и", "ы", "у", "ю", "ь", "й"), key=len, reverse=True))
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True)
class RuleDef:
    """A shipped rule: touchpoint by its default name, zone by key (either may be None)."""

    phrase: str
    language: str
    touchpoint: str | None
    zone: str | None


def _token_pattern(token: str) -> str:
    if token.endswith("*"):
        stem = normalize_text(token[:-1])
        return re.escape(stem) + r"\w*"
    if _CYRILLIC.search(token) and len(token) >= 4:
        stem = token
        for ending in _RU_ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= 3:
                stem = token[: -len(ending)]
                break
        return re.escape(stem) + r"\w{0,4}"
    if token.isalpha() and len(token) >= 4:
        if token.endswith("e"):
            return re.escape(token[:-1]) + "(?:e|es|ed|ing|er|ers)"
        if token.endswith("y"):
            return re.escape(token[:-1]) + "(?:y|ies|ied)"
        return re.escape(token) + "(?:s|es|ed|ing)?"
    return re.escape(token)


def phrase_tokens(phrase: str) -> list[str]:
    """The phrase's words after normalisation, keeping a trailing `*` on prefix words."""
    tokens: list[str] = []
    for raw in phrase.split():
        star = raw.endswith("*")
        norm = normalize_text(raw.rstrip("*")).split()
        if not norm:
            continue
        if star:
            norm[-1] += "*"
        tokens.extend(norm)
    return tokens


def compile_phrase(phrase: str) -> re.Pattern[str] | None:
    """A regex over normalised, single-space-joined words; None for an empty phrase."""
    tokens = phrase_tokens(phrase)
    if not tokens:
        return None
    gap = rf"(?: \S+){{0,{MAX_GAP_WORDS}}} "
    body = gap.join(_token_pattern(t) for t in tokens)
    return re.compile(rf"(?<!\S){body}(?!\S)")


class WordText:
    """Words normalised into one searchable string, mapping matches back to word indices."""

    def __init__(self, words: Sequence[str]) -> None:
        parts: list[str] = []
        self._starts: list[int] = []
        self._owner: list[int] = []
        pos = 0
        for i, word in enumerate(words):
            for piece in normalize_text(word).split():
                self._starts.append(pos)
                self._owner.append(i)
                parts.append(piece)
                pos += len(piece) + 1
        self.text = " ".join(parts)

    def find(self, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        """(first word, last word) index pairs of every non-overlapping match."""
        found: list[tuple[int, int]] = []
        for m in pattern.finditer(self.text):
            first = self._owner[bisect_right(self._starts, m.start()) - 1]
            last = self._owner[bisect_right(self._starts, max(m.end() - 1, m.start())) - 1]
            found.append((first, last))
        return found


def _r(phrase: str, lang: str, tp: str | None, zone: str | None) -> RuleDef:
    return RuleDef(phrase, lang, tp, zone)


DISCOVER, ORDER, PAY, DELIVERY = "Discover", "Order", "Pay", "Delivery"
SUPPORT, RETURN, RENEWAL = "Support", "Return / refund", "Renewal"

DEFAULT_RULES: tuple[RuleDef, ...] = (
    # --- English ----------------------------------------------------------------------------
    _r("transferred me to another department", "en", SUPPORT, "between_departments"),
    _r("contact another department", "en", None, "between_departments"),
    _r("another department", "en", None, "between_departments"),
    _r("we don't do that", "en", None, "between_departments"),
    _r("explain everything again", "en", None, "between_departments"),
    _r("contact the dealer", "en", ORDER, "sales_channels"),
    _r("only in the store", "en", ORDER, "sales_channels"),
    _r("store transactions", "en", None, "sales_channels"),
    _r("redirected to another site", "en", None, "systems"),
    _r("the app doesn't work", "en", None, "systems"),
    _r("not available for my account", "en", None, "systems"),
    _r("the website was down", "en", None, "systems"),
    _r("tell us your details again", "en", None, "data_collection"),
    _r("in another database", "en", None, "data_collection"),
    _r("fill in the form again", "en", None, "data_collection"),
    _r("order number again", "en", None, "data_collection"),
    _r("different people called", "en", None, "process_organisation"),
    _r("rate our service", "en", None, "process_organisation"),
    _r("on hold", "en", SUPPORT, "process_organisation"),
    _r("that's our policy", "en", None, "vision"),
    _r("nobody asked", "en", None, "understanding_customers"),
    _r("survey", "en", None, "understanding_customers"),
    _r("back office", "en", None, "goal_alignment"),
    _r("the warehouse doesn't know", "en", DELIVERY, "goal_alignment"),
    _r("same problem again", "en", None, "measurement"),
    _r("closed the chat", "en", SUPPORT, "measurement"),
    _r("ticket was closed", "en", SUPPORT, "measurement"),
    _r("not my job", "en", None, "handoff_responsibility"),
    _r("not my responsibility", "en", None, "handoff_responsibility"),
    _r("not our fault", "en", None, "handoff_responsibility"),
    _r("nobody took responsibility", "en", None, "handoff_responsibility"),
    _r("nobody owned the problem", "en", None, "handoff_responsibility"),
    _r("never called back", "en", SUPPORT, "handoff_responsibility"),
    _r("advert*", "en", DISCOVER, None),
    _r("recommended you", "en", DISCOVER, None),
    _r("checkout", "en", ORDER, None),
    _r("my order", "en", ORDER, None),
    _r("charged twice", "en", PAY, "systems"),
    _r("paid twice", "en", PAY, "measurement"),
    _r("payment failed", "en", PAY, "systems"),
    _r("invoice", "en", PAY, None),
    _r("courier", "en", DELIVERY, None),
    _r("delivery", "en", DELIVERY, None),
    _r("wrong item", "en", DELIVERY, None),
    _r("support", "en", SUPPORT, None),
    _r("chat bot", "en", SUPPORT, "systems"),
    _r("refund", "en", RETURN, None),
    _r("money back", "en", RETURN, None),
    _r("send it back", "en", RETURN, None),
    _r("subscription", "en", RENEWAL, None),
    _r("renew*", "en", RENEWAL, None),
    _r("switch to a competitor", "en", RENEWAL, None),
    # --- Russian ----------------------------------------------------------------------------
    _r("перевели в другой отдел", "ru", SUPPORT, "between_departments"),
    _r("обратитесь в другой отдел", "ru", None, "between_departments"),
    _r("другой отдел", "ru", None, "between_departments"),
    _r("мы этим не занимаемся", "ru", None, "between_departments"),
    _r("объяснять всё заново", "ru", None, "between_departments"),
    _r("обратитесь к дилеру", "ru", ORDER, "sales_channels"),
    _r("только в магазине", "ru", ORDER, "sales_channels"),
    _r("на другой сайт", "ru", None, "systems"),
    _r("приложение не работает", "ru", None, "systems"),
    _r("сайт не работает", "ru", None, "systems"),
    _r("недоступно для вашего", "ru", None, "systems"),
    _r("продиктуйте ещё раз", "ru", None, "data_collection"),
    _r("в другой базе", "ru", None, "data_collection"),
    _r("заново заполнить", "ru", None, "data_collection"),
    _r("номер заказа ещё раз", "ru", None, "data_collection"),
    _r("звонили разные люди", "ru", None, "process_organisation"),
    _r("оценить качество обслуживания", "ru", None, "process_organisation"),
    _r("висел на линии", "ru", SUPPORT, "process_organisation"),
    _r("такие правила", "ru", None, "vision"),
    _r("никто не спросил", "ru", None, "understanding_customers"),
    _r("опрос", "ru", None, "understanding_customers"),
    _r("склад не знает", "ru", DELIVERY, "goal_alignment"),
    _r("опять та же проблема", "ru", None, "measurement"),
    _r("закрыл чат", "ru", SUPPORT, "measurement"),
    _r("это не ко мне", "ru", None, "handoff_responsibility"),
    _r("не моя ответственность", "ru", None, "handoff_responsibility"),
    _r("не наша вина", "ru", None, "handoff_responsibility"),
    _r("никто не взял ответственность", "ru", None, "handoff_responsibility"),
    _r("никто не перезвонил", "ru", SUPPORT, "handoff_responsibility"),
    _r("заплатил дважды", "ru", PAY, "measurement"),
    _r("реклам*", "ru", DISCOVER, None),
    _r("посоветовали", "ru", DISCOVER, None),
    _r("оформить заказ", "ru", ORDER, None),
    _r("корзин*", "ru", ORDER, None),
    _r("списали дважды", "ru", PAY, "systems"),
    _r("оплата не прошла", "ru", PAY, "systems"),
    _r("оплат*", "ru", PAY, None),
    _r("курьер", "ru", DELIVERY, None),
    _r("доставк*", "ru", DELIVERY, None),
    _r("привезли не то", "ru", DELIVERY, None),
    _r("поддержк*", "ru", SUPPORT, None),
    _r("оператор", "ru", SUPPORT, None),
    _r("возврат", "ru", RETURN, None),
    _r("вернуть деньги", "ru", RETURN, None),
    _r("подписк*", "ru", RENEWAL, None),
    _r("продлить", "ru", RENEWAL, None),
    _r("к конкурентам", "ru", RENEWAL, None),
)
