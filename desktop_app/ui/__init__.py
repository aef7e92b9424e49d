"""Qt Widgets user interface, filed by feature: `main_window` (sidebar of sections, built on first
visit) over `schedule`, `interviews`, `insights`, `reels`, `people`, `settings` and `recorder`,
which use `search`, `transcript` and `player`; `kit` holds what they share."""
