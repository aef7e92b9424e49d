"""Default taxonomy: the ten problem zones of the method and a sensible default customer journey."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ZoneDef:
    key: str
    name: str
    name_ru: str
    description: str
    shortcut: str


@dataclass(frozen=True)
class TouchpointDef:
    name: str
    channel: str
    department: str
    description: str
    shortcut: str


DEFAULT_ZONES: tuple[ZoneDef, ...] = (
    ZoneDef("between_departments", "Between departments", "Между отделами",
            "\"We don't do that, contact another department\": delays, re-explaining.", "1"),
    ZoneDef("sales_channels", "Sales channels", "Каналы продаж",
            "\"We only handle store transactions, contact the dealer\": the brand falls apart.",
            "2"),
    ZoneDef("systems", "Systems", "Системы",
            "Redirected to another site; the app is not available for your account or device.",
            "3"),
    ZoneDef("data_collection", "Data collection", "Сбор данных",
            "\"That's in another database\", \"tell us your details again\": repetition.", "4"),
    ZoneDef("process_organisation", "Process organisation", "Организация процессов",
            "Many greetings and feedback requests from different people about one thing.", "5"),
    ZoneDef("vision", "Vision", "Видение",
            "Departments see the customer experience differently; metrics pull against the "
            "customer.", "6"),
    ZoneDef("understanding_customers", "Understanding customers", "Понимание клиентов",
            "Survey scores instead of interpretation; journey maps that miss reality.", "7"),
    ZoneDef("goal_alignment", "Goal alignment", "Согласование целей",
            "Back-office staff don't see how their work touches customers.", "8"),
    ZoneDef("measurement", "Measurement", "Измерения",
            "Team KPIs differ from business outcomes; chronic problems stay unsolved.", "9"),
    ZoneDef("handoff_responsibility", "Hand-off / responsibility", "Передача ответственности",
            "\"Not my job\", \"it's colleague Y's fault\": the customer wanders.", "0"),
)

DEFAULT_JOURNEY: tuple[TouchpointDef, ...] = (
    TouchpointDef("Discover", "Website, ads, word of mouth", "Marketing",
                  "The customer learns about us and compares options.", "Q"),
    TouchpointDef("Order", "Website, app, store", "Sales",
                  "Choosing and placing the order.", "W"),
    TouchpointDef("Pay", "Checkout, invoice", "Finance",
                  "Paying, invoices, receipts.", "E"),
    TouchpointDef("Delivery", "Courier, pickup point", "Logistics",
                  "Getting what was ordered, on time and complete.", "R"),
    TouchpointDef("Support", "Chat, phone, e-mail", "Customer support",
                  "Asking for help when something went wrong.", "T"),
    TouchpointDef("Return / refund", "Chat, store, courier", "Customer support",
                  "Sending things back and getting money back.", "Y"),
    TouchpointDef("Renewal", "Account, e-mail, account manager", "Account management",
                  "Deciding to stay, renew or leave.", "U"),
)

# The same journey for a library started in Russian (same order and keys; rules map by order).
DEFAULT_JOURNEY_RU: tuple[TouchpointDef, ...] = (
    TouchpointDef("Знакомство", "Сайт, реклама, рекомендации", "Маркетинг",
                  "Клиент узнаёт о нас и сравнивает варианты.", "Q"),
    TouchpointDef("Заказ", "Сайт, приложение, магазин", "Продажи",
                  "Выбор и оформление заказа.", "W"),
    TouchpointDef("Оплата", "Касса, счёт", "Финансы",
                  "Оплата, счета, чеки.", "E"),
    TouchpointDef("Доставка", "Курьер, пункт выдачи", "Логистика",
                  "Получение заказа вовремя и целиком.", "R"),
    TouchpointDef("Поддержка", "Чат, телефон, e-mail", "Служба поддержки",
                  "Обращение за помощью, когда что-то пошло не так.", "T"),
    TouchpointDef("Возврат", "Чат, магазин, курьер", "Служба поддержки",
                  "Возврат товара и денег.", "Y"),
    TouchpointDef("Продление", "Личный кабинет, e-mail, менеджер", "Работа с клиентами",
                  "Решение остаться, продлить договор или уйти.", "U"),
)


def default_journey(language: str) -> tuple[TouchpointDef, ...]:
    """The default journey in the library's language ("ru" or else English)."""
    return DEFAULT_JOURNEY_RU if language == "ru" else DEFAULT_JOURNEY


def default_touchpoint_name(name: str, language: str) -> str:
    """A default touchpoint's English name (as the shipped rules name it) in `language`."""
    for en, local in zip(DEFAULT_JOURNEY, default_journey(language), strict=True):
        if en.name == name:
            return local.name
    return name


def zone_display_name(name: str, name_ru: str, language: str) -> str:
    """The zone's name in the UI language (Russian falls back to the English name)."""
    return name_ru if language == "ru" and name_ru else name
