"""Who and what a recording is for: a scheduled meeting (series + occurrence), an existing
interview, or an ad-hoc interview with a customer (chosen or typed in the recorder)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from desktop_app.domain.errors import CloserError
from desktop_app.services.container import Services
from desktop_app.ui.kit.channels import channel_label


def _t(text: str) -> str:
    return QCoreApplication.translate("RecordTarget", text)


@dataclass(frozen=True)
class RecordTarget:
    customer_id: int | None = None
    interview_id: int | None = None
    series_id: int | None = None
    occurrence_start_utc: datetime | None = None


@dataclass(frozen=True)
class TargetInfo:
    """What the setup page shows about the target."""

    customer_id: int | None
    customer: str  # "" when the user picks the customer
    subtitle: str
    remote_call: bool  # a video-call series: screen and call audio by default


def describe(services: Services, target: RecordTarget) -> TargetInfo:
    if target.series_id is not None:
        try:
            info = services.scheduling.series(target.series_id)
        except CloserError:
            return TargetInfo(None, "", "", False)
        parts = [info.title or _t("Interview series")]
        if target.occurrence_start_utc is not None:
            when = QDateTime.fromSecsSinceEpoch(int(target.occurrence_start_utc.timestamp()))
            parts.append(_t("scheduled {0}").format(QLocale().toString(when, "d MMM, HH:mm")))
        if info.channel:
            parts.append(channel_label(info.channel))
        remote = "call" in info.channel.lower() or "video" in info.channel.lower()
        return TargetInfo(info.customer_id, info.customer, " · ".join(parts), remote)
    if target.interview_id is not None:
        try:
            row = services.interviews.get(target.interview_id)
        except CloserError:
            return TargetInfo(None, "", "", False)
        return TargetInfo(row.customer_id, row.customer, row.title, False)
    if target.customer_id is not None:
        try:
            customer = services.library.customer(target.customer_id)
        except CloserError:
            return TargetInfo(None, "", "", False)
        return TargetInfo(target.customer_id, customer.name, _t("Ad-hoc interview"), False)
    return TargetInfo(None, "", _t("Ad-hoc interview"), False)
