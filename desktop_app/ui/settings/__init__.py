"""Settings: language, transcription model and vocabulary, auto-transcribe, import mode,
reminders, threads. Entry widget: `view.SettingsView` (a section). Talks to the settings file
through `UiContext.services.settings` and announces `LibraryEvents.language_changed`.
"""
