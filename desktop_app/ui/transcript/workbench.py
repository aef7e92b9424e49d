"""The tagging workbench: turns word selections in the transcript into tagged highlights.

`TaggingController` ties together the transcript editor (selection, keys, marks), the tag bar
(what the range is tagged with) and the highlights list (what is tagged, to review, suggested).
Keyboard-first: with words selected (drag, Shift+arrows), touchpoint keys Q W E…, zone keys
1…0, Shift+1..5 for severity, Enter saves, Esc cancels; with nothing selected, a tag key tags
the sentence being spoken. Every edit goes through the tagging service, is undoable on the
transcript's undo stack (Ctrl+Z / Ctrl+Shift+Z, with text edits) and is announced with the
highlight ids on `LibraryEvents.highlights_changed`, which feeds the heatmap and journey map.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QMenu

from desktop_app.domain.errors import CloserError
from desktop_app.domain.highlights import HighlightFilter, HighlightView, Suggestion
from desktop_app.ui.kit.background import BackgroundLoader
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.palette import emotion_label, severity_label
from desktop_app.ui.kit.tag_keys import severity_level, typed_key
from desktop_app.ui.kit.tokens import ACCENT, AMBER_600, FAINT
from desktop_app.ui.player.parts import format_clock
from desktop_app.ui.transcript.commands import RejectCommand, TagCommand
from desktop_app.ui.transcript.editor import TranscriptEditor
from desktop_app.ui.transcript.highlights_list import SUGGESTED, HighlightsList
from desktop_app.ui.transcript.model import (
    HIGHLIGHT_MARK,
    REVIEW_MARK,
    SUGGESTION_MARK,
    Mark,
)
from desktop_app.ui.transcript.speakers import speaker_label
from desktop_app.ui.transcript.tag_bar import (
    EDIT,
    NEW,
    REVIEW,
    SUGGESTION,
    TagBar,
    TagChoice,
    zone_colour,
)

LONG_SENTENCE_S = 15.0  # tagging while listening: a longer segment gives only its last seconds
LISTEN_BACK_S = 6.0
REVIEW_COLOUR = FAINT
SUGGESTION_COLOUR = AMBER_600


def _t(text: str) -> str:
    return QCoreApplication.translate("TaggingController", text)


class TaggingController(QObject):
    """Creates, edits, merges, deletes, accepts and rejects highlights of one interview."""

    def __init__(self, ctx: UiContext, editor: TranscriptEditor, bar: TagBar,
                 items: HighlightsList, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.services = ctx.services
        self.editor = editor
        self.bar = bar
        self.items = items
        self.interview_id: int | None = None
        self.customer_persona_id: int | None = None
        self.position = 0.0  # the player's, for tagging while listening
        self.highlights: dict[int, HighlightView] = {}
        self.moments: dict[int, float] = {}  # marker stub id -> when Mark was pressed
        self.suggestions: dict[str, Suggestion] = {}
        self._zone_names: dict[str, str] = {}
        self._zone_colours: dict[str, str] = {}
        self._programmatic = False
        self._announcing = False
        self.on_status: Callable[[str], None] = lambda _text: None
        # keyword suggestions are found off the GUI thread: a long transcript never stalls typing
        self.loader = BackgroundLoader(self, threads=1)
        editor.selection_changed.connect(self._on_selection)
        editor.transcript_edited.connect(self._on_transcript_edited)
        editor.list.installEventFilter(self)
        editor.menu_extenders.append(self.extend_menu)
        editor.list.word_clicked.connect(self._on_word_clicked)
        # after the stack acted (its own connection runs first): say what was undone / redone
        stack = editor.undo_stack
        editor.undo_action.triggered.connect(
            lambda: self.on_status(_t("Undone: {0}.").format(stack.redoText())))
        editor.redo_action.triggered.connect(
            lambda: self.on_status(_t("Redone: {0}.").format(stack.undoText())))
        for box in (bar.persona, bar.emotion):  # after a pick, the keys work on again
            box.activated.connect(lambda _i: self.editor.list.setFocus())
        bar.save_requested.connect(self.save)
        bar.cancel_requested.connect(self.cancel)
        bar.delete_requested.connect(lambda: self.delete(
            [bar.highlight_id] if bar.highlight_id is not None else []))
        bar.reject_requested.connect(lambda: self.reject(bar.suggestion_key))
        bar.nudge_requested.connect(self.nudge)
        items.activated.connect(self.activate)
        items.merge_requested.connect(self.merge)
        items.delete_requested.connect(self.delete)
        items.step_suggestion.connect(self.step_suggestion)
        ctx.events.highlights_changed.connect(self._on_highlights_changed)
        ctx.events.taxonomy_changed.connect(self.reload_choices)
        self.reload_choices()

    # --- loading ----------------------------------------------------------------------------

    def set_interview(self, interview_id: int | None) -> None:
        self.interview_id = interview_id
        self.customer_persona_id = None
        if interview_id is not None:
            try:
                row = self.services.interviews.get(interview_id)
                self.customer_persona_id = self.services.library.customer(
                    row.customer_id).persona_id
            except CloserError:
                pass
        self._close_bar()
        self.refresh()

    def reload_choices(self, *_args: object) -> None:
        lib = self.services.library
        language = self.services.settings.ui_language
        zones = lib.zones()
        self._zone_names = {z.key: (z.name_ru if language.startswith("ru") and z.name_ru
                                    else z.name) for z in zones}
        self._zone_colours = {z.key: zone_colour(i) for i, z in enumerate(zones)}
        self.bar.set_choices(
            [TagChoice(int(tp.id), tp.name, tp.shortcut.strip().upper())  # type: ignore[arg-type]
             for tp in lib.touchpoints()],
            [TagChoice(int(z.id), self._zone_names[z.key], z.shortcut.strip().upper())  # type: ignore[arg-type]
             for z in zones],
            [TagChoice(int(p.id), p.name) for p in lib.personas()])  # type: ignore[arg-type]
        if self.interview_id is not None:
            self.refresh()

    def refresh(self, *, suggestions: bool = True) -> None:
        """Read the interview's highlights again now, and its suggestions in the background;
        `suggestions=False` (after a tag edit) only drops the suggestions a highlight now
        covers with the same tags, as the rules would, without searching the words again."""
        if self.interview_id is None:
            self.highlights, self.suggestions = {}, {}
        else:
            found = self.services.tagging.list(HighlightFilter(interview_id=self.interview_id))
            self.highlights = {h.id: h for h in found}
            self.moments = self._marker_moments(found)
            if suggestions:
                self.suggestions = {}
                self._reload_suggestions()
            else:
                self.suggestions = {k: s for k, s in self.suggestions.items()
                                    if not self._covered(s)}
        self._show()

    def _update(self, views: list[HighlightView]) -> None:
        """Show highlights just saved (new or changed) without reading the others again."""
        for v in views:
            self.highlights[v.id] = v
            self.moments.pop(v.id, None)
        self.moments.update(self._marker_moments(views))
        self.suggestions = {k: s for k, s in self.suggestions.items() if not self._covered(s)}
        self._show()

    def _marker_moments(self, found: list[HighlightView]) -> dict[int, float]:
        """When each marker stub's Mark was pressed (the stub's window starts seconds
        earlier): the recorder's marker notes, matched by time."""
        stubs = [h for h in found if h.source == "marker"]
        if not stubs or self.interview_id is None:
            return {}
        try:
            marks = [n.t for n in self.services.recording.notes(self.interview_id)
                     if n.kind == "marker"]
        except CloserError:
            return {}
        out: dict[int, float] = {}
        for h in stubs:
            inside = [t for t in marks if h.start - 0.05 <= t <= h.end + 0.05]
            if inside:
                out[h.id] = inside[0]
        return out

    def _covered(self, sg: Suggestion) -> bool:
        """Whether the matched words already lie in a highlight (a suggestion there would
        only repeat what is tagged; the highlight can take more tags)."""
        return any(h.start < sg.match_end and h.end > sg.match_start
                   for h in self.highlights.values())

    def _reload_suggestions(self) -> None:
        iid = self.interview_id
        if iid is None or self.editor.transcript() is None:
            return
        service = self.services.suggestions
        self.loader.submit("suggest", lambda: (iid, service.suggest(iid)), self._on_suggested,
                           self.on_status)

    def _on_suggested(self, result: tuple[int, list[Suggestion]]) -> None:
        iid, found = result
        if iid != self.interview_id:
            return
        self.suggestions = {s.key: s for s in found if not self._covered(s)}
        self._show()

    def wait_for_suggestions(self, timeout_ms: int = 10_000) -> bool:
        """Block until the background search for suggestions is done (tests, shutdown)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self.loader.busy("suggest") and not deadline.hasExpired():
            QCoreApplication.processEvents()
        return not self.loader.busy("suggest")

    def _show(self) -> None:
        hs = sorted(self.highlights.values(), key=lambda h: (h.start, h.id))
        sgs = sorted(self.suggestions.values(), key=lambda s: s.start)
        self.items.set_items(hs, sgs, self._zone_names, self._zone_colours, self.moments)
        marks: list[Mark] = []
        for h in hs:
            if h.status == "stub":
                colour = QColor(REVIEW_COLOUR)
                colour.setAlpha(70)
                marks.append(Mark(h.start, h.end, colour, REVIEW_MARK, f"h:{h.id}",
                                  self._tip(h)))
                continue
            colour = QColor(self._zone_colours.get(h.zones[0], ACCENT) if h.zones
                            else ACCENT)
            colour.setAlpha(30 + 22 * max(1, min(5, h.severity)))  # severity as weight
            marks.append(Mark(h.start, h.end, colour, HIGHLIGHT_MARK, f"h:{h.id}", self._tip(h)))
        for sg in sgs:
            tags = " · ".join(t for t in (sg.touchpoint, self._zone_names.get(sg.zone, sg.zone))
                              if t)
            tip = _t("Suggested by the rule “{0}”").format(sg.phrase) + \
                (f"\n→ {tags}" if tags else "") + "\n" + \
                _t("Click it in the list, then A accepts and X rejects.")
            marks.append(Mark(sg.start, sg.end, QColor(SUGGESTION_COLOUR), SUGGESTION_MARK,
                              f"s:{sg.key}", tip))
        self.editor.model.set_marks(marks)

    def _tip(self, h: HighlightView) -> str:
        lines = []
        if h.status == "stub":
            lines.append(_t("Marker to review"))
        tags = [*h.touchpoints, *(self._zone_names.get(z, z) for z in h.zones)]
        if tags:
            lines.append(" · ".join(tags))
        detail = _t("Severity {0} ({1})").format(h.severity, severity_label(h.severity))
        if h.emotion:
            detail += f" · {emotion_label(h.emotion)}"
        if h.persona:
            detail += f" · {h.persona}"
        lines.append(detail)
        for label, text in ((_t("Need"), h.need), (_t("Value"), h.value),
                            (_t("Note"), h.notes)):
            if text:
                lines.append(f"{label}: {text}")
        return "\n".join(lines)

    # --- selection -> tag bar ---------------------------------------------------------------

    def _on_selection(self, start: float, end: float, text: str) -> None:
        if self._programmatic or self.interview_id is None:
            return
        warnings = self._warnings(start, end)
        if self.bar.is_open() and self.bar.mode in (EDIT, REVIEW, SUGGESTION):
            self.bar.set_range(start, end, text, warnings)  # re-time what is being edited
            return
        if self.bar.is_open() and self.bar.mode == NEW:
            self.bar.set_range(start, end, text, warnings)
            return
        self.bar.open(NEW, start, end, text, persona_id=self.customer_persona_id)
        self.bar.set_warnings(warnings)

    def _warnings(self, start: float, end: float) -> list[str]:
        out: list[str] = []
        sel = self.editor.model.selection()
        if sel is not None:
            model = self.editor.model
            rows = range(model.locate(sel[0])[0], model.locate(sel[1])[0] + 1)
            speakers = list(dict.fromkeys(model.segment(r).speaker for r in rows
                                          if model.segment(r).speaker))
            if len(speakers) > 1:
                out.append(_t("The selection spans several speakers ({0}); a clip usually "
                              "holds one voice.").format(", ".join(map(speaker_label,
                                                                       speakers))))
        editing = self.bar.highlight_id if self.bar.is_open() else None
        for h in sorted(self.highlights.values(), key=lambda x: x.start):
            if h.id != editing and h.start < end and h.end > start:
                out.append(_t("Overlaps the highlight at {0}.").format(format_clock(h.start)))
                break
        return out

    def _select_range(self, start: float, end: float) -> bool:
        """Select the words of [start, end] in the transcript (without opening a new bar)."""
        span = self.editor.model.words_in(start, end)
        self._programmatic = True
        try:
            if span is None:
                self.editor.clear_selection()
            else:
                self.editor.select_words(*span)
        finally:
            self._programmatic = False
        self.editor.seek_requested.emit(start)
        if span is not None:
            self.editor.list.caret = span[1]
        return span is not None

    def _select_moment(self, t: float) -> bool:
        """Select the sentence being spoken at `t` (or just before it) and seek there."""
        model = self.editor.model
        word = model.word_at_time(t)
        if word is None:
            before = [g for g in range(model.word_count()) if model.word(g).start <= t]
            if not before:
                return False
            word = before[-1]
        first, last = model.segment_words(word)
        self._programmatic = True
        try:
            self.editor.select_words(first, last)
        finally:
            self._programmatic = False
        self.editor.seek_requested.emit(model.word(first).start)
        return True

    def _selection_or_none(self) -> tuple[float, float, str] | None:
        rng = self.editor.selected_range()
        if rng is None:
            return None
        return rng[0], rng[1], self.editor.selected_text()

    def tag_current_moment(self) -> bool:
        """Nothing selected: select the sentence being spoken (or its last seconds) and open the
        tag bar on it; with no words near the playhead, the last seconds as a silent range."""
        model = self.editor.model
        word = model.current_word()
        if word is not None:
            first, last = model.segment_words(word)
            if model.word(last).end - model.word(first).start > LONG_SENTENCE_S:
                lo = model.word(word).end - LISTEN_BACK_S
                first = next((g for g in range(first, word + 1) if model.word(g).start >= lo),
                             word)
                last = word
            self.editor.select_words(first, last)  # opens the bar through the selection
            return self.bar.is_open()
        if self.interview_id is None or self.position <= 0:
            return False
        start = max(0.0, self.position - LISTEN_BACK_S)
        self.bar.open(NEW, start, self.position, "", persona_id=self.customer_persona_id)
        self.bar.set_warnings([_t("No words are spoken here: say in the note what happens "
                                  "(e.g. a long wait on screen).")])
        return True

    # --- keys -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if self.editor.list.state() == self.editor.list.State.EditingState:
            return False
        return self.handle_key(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        key, text = event.key(), event.text().upper()
        bar_open = self.bar.is_open()
        level = severity_level(event)
        if level is not None:
            if bar_open:
                self.bar.set_severity(level)
                return True
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bar_open:
            self.save()
            return True
        if key == Qt.Key.Key_Escape and bar_open:
            self.cancel()
            return True
        if bar_open and self.bar.mode == SUGGESTION and not event.modifiers():
            if key == Qt.Key.Key_A or text == "Ф":
                self.save()
                return True
            if key == Qt.Key.Key_X or text == "Ч":
                self.reject(self.bar.suggestion_key)
                return True
        if not event.modifiers() and (key in (Qt.Key.Key_BracketLeft, Qt.Key.Key_BracketRight)
                                      or text in ("Х", "Ъ")):
            self.step_suggestion(-1 if key == Qt.Key.Key_BracketLeft or text == "Х" else 1)
            return True
        if key == Qt.Key.Key_Delete and bar_open and self.bar.highlight_id is not None:
            self.delete([self.bar.highlight_id])
            return True
        key_text = typed_key(event)
        if key_text is None or not self.bar.has_key(key_text):
            return False
        if self.interview_id is None or self.editor.is_read_only():
            return False
        if not bar_open:
            if self.editor.selected_range() is not None:
                sel = self._selection_or_none()
                assert sel is not None
                self._on_selection(*sel)
            elif not self.tag_current_moment():
                self.on_status(_t("Select words first (drag over them, or Shift+arrows), or "
                                  "play the recording and press the key while it speaks."))
                return True
        self.bar.toggle_key(key_text)
        return True

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Save what the bar holds: a new highlight, changes, a reviewed marker, an accepted
        suggestion. Nothing is half-saved: an error leaves the bar open with the message."""
        if self.interview_id is None or not self.bar.is_open():
            return False
        v = self.bar.values()
        if not v["touchpoints"] and not v["zones"]:
            self.bar.show_error(_t("Choose at least one touchpoint or problem zone (keys Q, W, "
                                   "E… or 1…0)."))
            return False
        tagging = self.services.tagging
        start, end = self.bar.start, self.bar.end
        stack = self.editor.undo_stack
        advance = False
        try:
            if self.bar.mode == NEW:
                made = tagging.create(self.interview_id, start=start, end=end,
                                      touchpoints=v["touchpoints"],  # type: ignore[arg-type]
                                      zones=v["zones"],  # type: ignore[arg-type]
                                      persona=v["persona"],  # type: ignore[arg-type]
                                      severity=int(v["severity"]),  # type: ignore[call-overload]
                                      emotion=str(v["emotion"]), need=str(v["need"]),
                                      value=str(v["value"]), notes=str(v["notes"]),
                                      allow_empty=True)
                stack.push(TagCommand(self, tagging.last_serial, _t("Tag {0}").format(
                    format_clock(made.start))))
                ids = [made.id]
                if v["persona"] is None and made.persona_id is not None:
                    # "No persona" chosen while the customer has one (None means theirs)
                    tagging.update(made.id, persona=None)
                    stack.push(TagCommand(self, tagging.last_serial, _t("Clear persona")))
            elif self.bar.mode == SUGGESTION:
                sg = self.suggestions.get(self.bar.suggestion_key)
                if sg is None:
                    raise CloserError(_t("This suggestion is no longer offered."))
                stack.beginMacro(_t("Accept suggestion at {0}").format(format_clock(sg.start)))
                try:
                    made = self.services.suggestions.accept_suggestion(
                        sg, touchpoints=v["touchpoints"],  # type: ignore[arg-type]
                        zones=v["zones"],  # type: ignore[arg-type]
                        severity=int(v["severity"]),  # type: ignore[call-overload]
                        emotion=str(v["emotion"]), need=str(v["need"]),
                        value=str(v["value"]), notes=str(v["notes"]),
                        persona=v["persona"])  # type: ignore[arg-type]
                    stack.push(TagCommand(self, tagging.last_serial, _t("Accept suggestion")))
                    if abs(start - sg.start) > 1e-3 or abs(end - sg.end) > 1e-3:
                        made = tagging.retime(made.id, start, end)
                        stack.push(TagCommand(self, tagging.last_serial, _t("Re-time")))
                finally:
                    stack.endMacro()
                ids = [made.id]
                self.suggestions.pop(sg.key, None)  # taken: gone from the list at once
                advance = True
            else:
                hid = self.bar.highlight_id
                assert hid is not None
                before = self.highlights.get(hid)
                stack.beginMacro(_t("Edit highlight at {0}").format(format_clock(start)))
                try:
                    if before is None or abs(before.start - start) > 1e-3 \
                            or abs(before.end - end) > 1e-3:
                        tagging.retime(hid, start, end)
                        stack.push(TagCommand(self, tagging.last_serial, _t("Re-time")))
                    tagging.update(hid, status="done", **v)
                    stack.push(TagCommand(self, tagging.last_serial, _t("Edit tags")))
                finally:
                    stack.endMacro()
                ids = [hid]
        except CloserError as exc:
            self.bar.show_error(str(exc))
            return False
        self._close_bar()
        self._update(tagging.list_by_ids(ids))  # only what changed: no re-reading the rest
        self.items.select_key(f"h:{ids[0]}")  # the new or changed one, scrolled into view
        self._announce(ids)
        self.on_status(_t("Saved the highlight at {0}.").format(format_clock(start)))
        if advance:
            self._next_suggestion_after(start)
        return True

    def _next_suggestion_after(self, t: float) -> None:
        """Reviewing suggestions by keys: after accepting or rejecting one, open the next."""
        later = sorted((s for s in self.suggestions.values() if s.start >= t),
                       key=lambda s: s.start)
        if later:
            self.activate(f"s:{later[0].key}")

    def cancel(self) -> None:
        self._close_bar()
        self.editor.clear_selection()

    def _close_bar(self) -> None:
        self.bar.close_bar()

    # --- list actions -----------------------------------------------------------------------

    def activate(self, key: str) -> None:
        """Select an item's words, seek there and open it in the tag bar."""
        if key.startswith("h:"):
            h = self.highlights.get(int(key[2:]))
            if h is None:
                return
            mode = REVIEW if h.status == "stub" else EDIT
            moment = self.moments.get(h.id)
            if mode == REVIEW and moment is not None and self._select_moment(moment):
                pass  # the sentence spoken when Mark was pressed
            else:
                self._select_range(h.start, h.end)
            self.bar.open(mode, h.start, h.end, h.quote, touchpoint_ids=h.touchpoint_ids,
                          zone_ids=h.zone_ids, persona_id=h.persona_id, severity=h.severity,
                          emotion=h.emotion, need=h.need, value=h.value, notes=h.notes,
                          highlight_id=h.id)
            if mode == REVIEW:
                rng = self.editor.selected_range()
                if rng is not None:  # the marker's window, snapped to the words spoken
                    self.bar.set_range(rng[0], rng[1], self.editor.selected_text())
            self.bar.set_warnings(self._warnings(self.bar.start, self.bar.end))
        elif key.startswith("s:"):
            sg = self.suggestions.get(key[2:])
            if sg is None:
                return
            self._select_range(sg.start, sg.end)
            self.bar.open(SUGGESTION, sg.start, sg.end, sg.quote,
                          touchpoint_ids=(sg.touchpoint_id,) if sg.touchpoint_id else (),
                          zone_ids=(sg.zone_id,) if sg.zone_id else (),
                          persona_id=self.customer_persona_id, suggestion_key=sg.key,
                          source_text=_t("rule “{0}”").format(sg.phrase))
        self.items.select_key(key)
        self.editor.list.setFocus()

    def extend_menu(self, menu: QMenu, word: int | None) -> None:
        """Right-click in the transcript: tag the selection; edit, delete, accept or reject
        what lies under the pointer."""
        if self.interview_id is None or self.editor.is_read_only():
            return
        menu.addSeparator()
        sel = self._selection_or_none()
        tag = menu.addAction(_t("Tag the selected words…") if sel
                             else _t("Tag this sentence…"))
        if sel:
            tag.triggered.connect(lambda: self._on_selection(*sel))
        elif word is not None:
            first, last = self.editor.model.segment_words(word)
            tag.triggered.connect(lambda: self.editor.select_words(first, last))
        else:
            tag.setEnabled(False)
        if word is None:
            return
        for mark in self.editor.model.marks_at(word):
            clock = format_clock(mark.start)
            if mark.key.startswith("h:"):
                hid = int(mark.key[2:])
                edit = menu.addAction(_t("Edit highlight at {0}…").format(clock))
                edit.triggered.connect(lambda _c=False, k=mark.key: self.activate(k))
                drop = menu.addAction(_t("Delete highlight at {0}").format(clock))
                drop.triggered.connect(lambda _c=False, h=hid: self.delete([h]))
            elif mark.key.startswith("s:"):
                key = mark.key[2:]
                accept = menu.addAction(_t("Review suggestion at {0}…").format(clock))
                accept.triggered.connect(lambda _c=False, k=mark.key: self.activate(k))
                reject = menu.addAction(_t("Reject suggestion at {0}").format(clock))
                reject.triggered.connect(lambda _c=False, k=key: self.reject(k))

    def _on_word_clicked(self, word: int) -> None:
        """A click on a tagged word (nothing being tagged) opens that highlight in the bar,
        staying at the clicked moment."""
        if self.bar.is_open() or self.interview_id is None:
            return
        marks = [m for m in self.editor.model.marks_at(word) if m.key.startswith("h:")]
        if not marks:
            return
        self.activate(marks[-1].key)
        self.editor.seek_requested.emit(self.editor.model.word(word).start)

    def step_suggestion(self, step: int) -> None:
        """Open the next (+1) or previous (-1) suggestion after the current place."""
        keys = [e.key for e in self.items.entries if e.kind == SUGGESTED]
        if not keys:
            self.on_status(_t("No suggestions in this interview."))
            return
        here = self.bar.start if self.bar.is_open() else self.position
        current = f"s:{self.bar.suggestion_key}" if self.bar.suggestion_key else ""
        if current in keys:
            at = keys.index(current) + step
        else:
            starts = [self.suggestions[k[2:]].start for k in keys]
            later = [i for i, s in enumerate(starts) if (s >= here if step > 0 else s < here)]
            at = (later[0] if step > 0 else later[-1]) if later else (0 if step > 0 else -1)
        self.activate(keys[at % len(keys)])

    def merge(self, ids: list[int]) -> None:
        try:
            made = self.services.tagging.merge(ids)
        except CloserError as exc:
            self.on_status(str(exc))
            return
        self.editor.undo_stack.push(TagCommand(self, self.services.tagging.last_serial,
                                               QCoreApplication.translate(
                                                   "TaggingController", "Merge %n highlight(s)",
                                                   "", len(ids))))
        self._close_bar()
        self.refresh(suggestions=False)
        self.items.select_key(f"h:{made.id}")
        self._announce(list(ids))

    def delete(self, ids: list[int]) -> None:
        if not ids:
            return
        try:
            self.services.tagging.delete(*ids)
        except CloserError as exc:
            self.on_status(str(exc))
            return
        self.editor.undo_stack.push(TagCommand(self, self.services.tagging.last_serial,
                                               QCoreApplication.translate(
                                                   "TaggingController", "Delete %n highlight(s)",
                                                   "", len(ids))))
        self._close_bar()
        self.editor.clear_selection()
        self.refresh(suggestions=False)
        self._announce(list(ids))
        self.on_status(_t("Deleted. Ctrl+Z brings it back."))

    def reject(self, key: str) -> None:
        sg = self.suggestions.get(key)
        if sg is None:
            return
        svc = self.services.suggestions
        try:
            svc.reject_suggestion(key)
        except CloserError as exc:
            self.bar.show_error(str(exc))
            return
        self.editor.undo_stack.push(RejectCommand(
            lambda: (svc.reject_suggestion(key), self._reload_suggestions()),
            lambda: (svc.unreject_suggestion(key), self._reload_suggestions()),
            _t("Reject suggestion “{0}”").format(sg.phrase)))
        self._close_bar()
        self.editor.clear_selection()
        self.suggestions.pop(key, None)
        self._show()
        self.on_status(_t("Rejected: it will not be suggested again."))
        self._next_suggestion_after(sg.start)

    def nudge(self, edge: str, step: int) -> None:
        """Move the start or end of the range in the bar by one word."""
        model = self.editor.model
        span = model.words_in(self.bar.start, self.bar.end)
        if span is None:
            return
        first, last = span
        if edge == "start":
            first = max(0, min(last, first + step))
        else:
            last = min(model.word_count() - 1, max(first, last + step))
        self._programmatic = True
        try:
            self.editor.select_words(first, last)
        finally:
            self._programmatic = False
        rng = self.editor.selected_range()
        if rng is not None:
            self.bar.set_range(rng[0], rng[1], self.editor.selected_text(),
                               self._warnings(rng[0], rng[1]))

    # --- undo (TagHistory) ------------------------------------------------------------------

    def undo_tag_edit(self, serial: int, title: str) -> bool:
        return self._history(lambda: self.services.tagging.undo(expect=serial))

    def redo_tag_edit(self, serial: int, title: str) -> bool:
        return self._history(lambda: self.services.tagging.redo(expect=serial))

    def _history(self, step: Callable[[], str | None]) -> bool:
        try:
            label = step()
        except CloserError as exc:
            self.on_status(str(exc))
            return False
        self._close_bar()
        self.refresh(suggestions=False)
        self._announce(list(self.services.tagging.last_changed_ids))
        return label is not None

    # --- events -----------------------------------------------------------------------------

    def _announce(self, ids: list[int]) -> None:
        self._announcing = True
        try:
            self.ctx.events.highlights_changed.emit([int(i) for i in ids])
        finally:
            self._announcing = False

    def _on_highlights_changed(self, ids: list[int]) -> None:
        if not self._announcing and self.interview_id is not None:
            self.refresh(suggestions=False)

    def _on_transcript_edited(self, interview_id: int) -> None:
        """Corrected words: the highlights keep their times; their quotes follow the text."""
        if interview_id != self.interview_id:
            return
        changed = self.services.tagging.requote(interview_id)
        self.refresh(suggestions=False)
        if changed:
            self._announce(changed)

    def set_position(self, seconds: float) -> None:
        self.position = seconds

    def shutdown(self) -> None:
        self.loader.shutdown()
