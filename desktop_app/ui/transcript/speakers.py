"""Speaker names as shown: the default names a transcript stores in English ("Interviewer",
"Customer") read in the UI language; names people typed are shown as they are.

Only the display changes: transcripts, exports and the CLI keep the stored names.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.transcript import CUSTOMER, INTERVIEWER


def speaker_label(name: str) -> str:
    """"Interviewer" -> "Интервьюер" in the Russian UI; any other name unchanged."""
    if name == INTERVIEWER:
        return QCoreApplication.translate("Speakers", "Interviewer")
    if name == CUSTOMER:
        return QCoreApplication.translate("Speakers", "Customer")
    return name
