"""Use cases over the library (Qt-free): library, import, jobs, transcription, scheduling..."""
