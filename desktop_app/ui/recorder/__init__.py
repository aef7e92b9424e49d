"""The recorder: consent first, sources, live recording (preview, meters, guide, notes, markers)
and saving, over `desktop_app.media.capture.CaptureEngine` and `RecordingService`.

`window.RecorderWindow` is the entry point; `launcher` opens it from the Schedule ("Record now")
and the Interviews header ("Record…").
"""
