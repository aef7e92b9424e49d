"""What the views that edit reference data (customers, the journey) share: an inline error line,
announcing a change to other views without reacting to their own announcement, closing dialogs."""

from __future__ import annotations

from typing import Any


class ReferenceDataMixin:
    """Mix into a QWidget view that has `error_label`, `active_dialog` and `refresh()`."""

    _emitting = False

    def _change_signal(self) -> Any:
        """The LibraryEvents signal this view announces its edits on."""
        raise NotImplementedError

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)  # type: ignore[attr-defined]
        self.error_label.setVisible(bool(message))  # type: ignore[attr-defined]

    def _changed(self, ids: list[int] | None = None) -> None:
        """Reload and announce the change; `ids` are the rows it touched, when known."""
        self._show_error("")
        self.refresh()  # type: ignore[attr-defined]
        self._emitting = True
        try:
            self._change_signal().emit([int(i) for i in ids or [] if i is not None])
        finally:
            self._emitting = False

    def _on_external_change(self) -> None:
        if not self._emitting:
            self.refresh()  # type: ignore[attr-defined]

    def shutdown(self) -> None:
        if self.active_dialog is not None:  # type: ignore[attr-defined]
            self.active_dialog.close()  # type: ignore[attr-defined]
