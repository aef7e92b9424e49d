"""Default interview guides (question lists) shipped with the app, in English and Russian.

Written the Customer Development / "The Mom Test" way: ask about real past episodes and the job
the customer was trying to get done, expectations against reality (speed, channel, tone), every
touchpoint crossed, repetition and hand-offs, and what they did instead; never about
hypothetical futures or whether they like an idea.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.errors import NotFoundError


@dataclass(frozen=True)
class Guide:
    """A named list of questions in one language ("en", "ru")."""

    key: str
    name: str
    language: str
    questions: tuple[str, ...]


CHECKIN_EN = Guide(
    key="checkin-en",
    name="Customer check-in (EN)",
    language="en",
    questions=(
        "Think back to the last time you dealt with us. What were you trying to get done, "
        "and what happened first?",
        "Walk me through it step by step: where did you start (app, phone, shop, email) "
        "and where did it go from there?",
        "How long did each step take, and how long did you expect it to take? "
        "At what point did it start to feel slow?",
        "Which channel did you use to reach us? Was it the one you would have chosen, or did "
        "you have to fit in with ours?",
        "Was there a moment when you had to explain the same thing again or give your details "
        "a second time? Who asked, and at which step?",
        "Were you passed between departments, people or websites? What exactly were you told?",
        "How did the people you dealt with come across: their tone, their words? "
        "Which moment do you remember best?",
        "When it did not go the way you needed, what did you do? A workaround, someone else, "
        "or did you give up?",
        "What did that cost you: time, money, extra work, trouble with your own customers "
        "or team?",
        "When did you last look for another way to get this job done? What did you find?",
        "What has happened since we last talked, with us or around this job, that we "
        "should know about?",
        "Who else on your side deals with us and hears things we never hear? "
        "Could we talk to them too?",
    ),
)

CHECKIN_RU = Guide(
    key="checkin-ru",
    name="Регулярная встреча с клиентом (RU)",
    language="ru",
    questions=(
        "Вспомните, когда вы в последний раз имели с нами дело. Какую задачу вы тогда решали "
        "и с чего всё началось?",
        "Расскажите по шагам: куда вы обратились сначала (приложение, телефон, магазин, почта) "
        "и что было дальше?",
        "Сколько времени занял каждый шаг и сколько, по-вашему, он должен был занять? "
        "В какой момент стало казаться, что всё тянется слишком долго?",
        "Как вы с нами связывались? Это был удобный для вас способ или пришлось "
        "подстраиваться под нас?",
        "Приходилось ли вам объяснять одно и то же заново или ещё раз сообщать свои данные? "
        "Кто об этом просил и на каком шаге?",
        "Вас переключали между отделами, сотрудниками или сайтами? Что именно вам при этом "
        "говорили?",
        "Как с вами разговаривали: какой был тон, какие слова? Какой момент запомнился "
        "вам больше всего?",
        "Что вы сделали, когда всё пошло не так, как вам было нужно? Искали обходной путь, "
        "обратились к кому-то другому или махнули рукой?",
        "Во что вам это обошлось: время, деньги, лишняя работа, проблемы с вашими клиентами "
        "или коллегами?",
        "Когда вы в последний раз искали другой способ решить эту задачу? Что нашли?",
        "Что произошло со времени нашей прошлой встречи, у нас или вокруг этой задачи, "
        "о чём нам стоит знать?",
        "Кто ещё у вас работает с нами и слышит то, чего не слышим мы? Можно поговорить "
        "и с ними?",
    ),
)

SUPPORT_CASE_EN = Guide(
    key="support-case-en",
    name="After a support case (EN)",
    language="en",
    questions=(
        "What were you trying to get done when you contacted us, and what had happened "
        "just before?",
        "How did you reach us, through which channel, and why that one?",
        "How quickly did you expect it to be sorted out, and how long did it actually take?",
        "Walk me through the conversation: who did you talk to, and what did each of them do?",
        "Did you have to repeat your story or your details? At which point?",
        "Were you sent to another department, a dealer or another website? "
        "What happened there?",
        "When the case was closed, was your problem actually solved? "
        "What was still left for you to do?",
        "What did you do while you were waiting, or instead of waiting?",
        "What did you tell colleagues or friends about it afterwards?",
    ),
)

SUPPORT_CASE_RU = Guide(
    key="support-case-ru",
    name="После обращения в поддержку (RU)",
    language="ru",
    questions=(
        "Какую задачу вы решали, когда обратились к нам, и что случилось прямо перед этим?",
        "Как вы с нами связались, через какой канал, и почему именно так?",
        "За какое время вы рассчитывали решить вопрос и сколько это заняло на самом деле?",
        "Расскажите, как шёл разговор: с кем вы общались и что сделал каждый из них?",
        "Приходилось ли вам заново пересказывать ситуацию или повторять свои данные? "
        "В какой момент?",
        "Вас отправляли в другой отдел, к дилеру или на другой сайт? Что было там?",
        "Когда обращение закрыли, ваша проблема действительно была решена? "
        "Что ещё осталось сделать вам самим?",
        "Что вы делали, пока ждали ответа, или вместо того, чтобы ждать?",
        "Что вы потом рассказали об этом коллегам или знакомым?",
    ),
)

DEFAULT_GUIDES: tuple[Guide, ...] = (CHECKIN_EN, CHECKIN_RU, SUPPORT_CASE_EN, SUPPORT_CASE_RU)


def guide_by_key(key: str) -> Guide:
    """The default guide with this key; NotFoundError names the known keys otherwise."""
    for guide in DEFAULT_GUIDES:
        if guide.key == key:
            return guide
    known = ", ".join(g.key for g in DEFAULT_GUIDES)
    raise NotFoundError(f"No interview guide {key!r} (known: {known})")


def guides_for_language(language: str) -> tuple[Guide, ...]:
    """Default guides in `language` ("en" or "ru"); empty if none."""
    return tuple(g for g in DEFAULT_GUIDES if g.language == language.lower())
