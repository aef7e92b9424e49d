"""Adapters to the outside world: PyAV probe/cut/encode, faster-whisper, OpenCV, capture."""
