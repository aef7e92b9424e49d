"""Insights: where do we hurt customers? Entry widget: `view.InsightsView` (a section).

Tabs: the touchpoint x problem-zone heatmap (`heatmap_tab`, `heatmap_grid`, `heatmap_panel` with
"Make a reel from these" and Play), the journey map per persona (`journey_tab`, `journey_board`),
trends (`trends_chart`) and the editable highlights table (`highlights_table`,
`highlight_edit_dialog`). Talks to `InsightsService` and `HighlightService` through
`UiContext.services`; listens to `LibraryEvents.highlights_changed(ids)` and asks the main window
for reels and interviews through `make_reel_requested` / `play_interview_at`.
"""
