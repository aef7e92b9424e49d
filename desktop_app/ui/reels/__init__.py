"""Reels: short captioned clips for staff meetings and onboarding. Entry widget: `view.ReelsView`.

`list_page` (the reels), `composer` (clips from highlights: `clip_list`, `trimmer`, `titles`,
`privacy`, `highlight_picker`, `auto_dialog`), `render` + `jobs` (the render job with progress
and cancel), `presenter` + `presenter_parts` + `present` (full-screen presenting what the
audience may see), `playlists` + `playlist_dialogs` (onboarding playlists and their export).
Talks to `ReelService` (renders, presenter copies), `PlaylistService` and `HighlightService`
through `UiContext.services`; plays through `ui.player`.
"""
