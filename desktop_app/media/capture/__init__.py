"""Recording engine: Qt capture sources into a crash-safe H.264/AAC writer (no GUI, no services).

- `writer`: fragmented-MP4 writer (survives kill -9), `finalize()` and `recover()` (remux only).
- `sources`: `CaptureEngine` (QMediaCaptureSession + QVideoSink video, one feed per audio track).
- `worker`: the encoder thread; `frames`: QVideoFrame -> PyAV; `timeline`: clock, pacing, A/V sync.
- `devices`: device listing; `feeds`: microphone, call audio (PulseAudio monitors), code-fed audio.
- `watch`: devices lost mid-recording; `disk`: free-space policy.
- `synthetic`: test/bench source; `selftest`: command-line recorder (subprocess tests, devices).
"""
