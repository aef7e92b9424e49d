"""The transcript beside the video, and tagging it. Entry widget: `panel.TranscriptPanel`.

`editor.TranscriptEditor` (a `list_view` over the `model`, painted by the `delegate`: the
current word follows playback, click to seek, inline text edits and speakers with `commands`
on one undo stack, `menus`), `start` (Transcribe with model/language, `TranscriptLoader`),
`auto_transcribe` (queue after import). Tagging: `workbench.TaggingController` ties the
editor's word selection and keys to `tag_bar.TagBar` (touchpoints, zones, severity...) and
`highlights_list.HighlightsList` (highlights, markers to review, suggestions). Talks to
`TranscriptionService`, `HighlightService` and `SuggestionService`; announces
`LibraryEvents.highlights_changed(ids)` and `transcript_changed`.
"""
