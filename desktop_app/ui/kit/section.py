"""The base of every section view the main window shows: refresh on visit, shut down on close."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class SectionView(QWidget):
    """A page of the sidebar. The main window calls `refresh()` each time the page is shown and
    `shutdown()` when the window closes; both do nothing unless a view overrides them."""

    reads_on_build = False  # True: the constructor already read the data (no refresh needed)

    def refresh(self) -> None:
        """Reload what may have changed while the page was hidden."""

    def shutdown(self) -> None:
        """Stop players, workers and dialogs before the window goes."""
