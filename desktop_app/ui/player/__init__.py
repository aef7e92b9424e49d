"""Playing a recording: `player.PlayerWidget` (video or waveform card, transport, position
ticks), the shared transport parts and clock format (`parts`) and the QtMultimedia helpers
(`media`). Used by the interview page, the reel trimmer and the presenter; talks to no service.
"""
