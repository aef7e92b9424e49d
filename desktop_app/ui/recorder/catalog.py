"""What the recorder can record from: cameras, screens and windows for video, microphones and
call audio (what the speakers play) for sound, read from the devices each time it is asked
(hot-plugged devices appear, unplugged ones go). Test and demo sources (a moving test pattern,
speech files played in real time) are offered only when a catalog is built with them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from desktop_app.media.capture import devices
from desktop_app.media.capture.synthetic import SyntheticAudio, SyntheticVideo


def _t(text: str) -> str:
    return QCoreApplication.translate("SourceCatalog", text)


@dataclass
class OpenedSource:
    """A source ready for `CaptureEngine.start`; `start`/`stop` drive test sources."""

    input: Any
    start: Callable[[], None] = field(default=lambda: None)
    stop: Callable[[], None] = field(default=lambda: None)


@dataclass(frozen=True)
class SourceOption:
    """One choice in a source list; `key` stays the same across rescans of the devices."""

    key: str
    kind: str  # camera | screen | window | synthetic | microphone | call | speech
    label: str
    opener: Callable[[QObject], OpenedSource]

    def open(self, parent: QObject) -> OpenedSource:
        return self.opener(parent)


def _device_key(device: Any) -> str:
    return bytes(device.id().data()).decode(errors="replace")


class SourceCatalog:
    """Lists the sources; `synthetic_video` and `speech` add test/demo sources."""

    def __init__(self, *, synthetic_video: bool = False,
                 speech_mic: Path | None = None, speech_call: Path | None = None) -> None:
        self.synthetic_video = synthetic_video
        self.speech_mic = speech_mic
        self.speech_call = speech_call

    def video(self) -> list[SourceOption]:
        out: list[SourceOption] = []
        for cam in devices.list_cameras():
            out.append(SourceOption(f"camera:{_device_key(cam)}", "camera",
                                    _t("Camera: {0}").format(cam.description()),
                                    lambda _p, c=cam: OpenedSource(c)))
        for i, screen in enumerate(devices.list_screens()):
            size = screen.size()
            name = screen.name() or _t("Screen {0}").format(i + 1)
            out.append(SourceOption(f"screen:{i}", "screen",
                                    _t("Screen: {0} ({1} × {2})").format(
                                        name, size.width(), size.height()),
                                    lambda _p, s=screen: OpenedSource(s)))
        for window in devices.list_windows():
            out.append(SourceOption(f"window:{window.description()}", "window",
                                    _t("Window: {0}").format(window.description()),
                                    lambda _p, w=window: OpenedSource(w)))
        if self.synthetic_video:
            out.append(SourceOption("synthetic", "synthetic", _t("Test pattern (demo source)"),
                                    _open_synthetic_video))
        return out

    def microphones(self) -> list[SourceOption]:
        out = [SourceOption(f"mic:{_device_key(d)}", "microphone", d.description(),
                            lambda _p, d=d: OpenedSource(d))
               for d in devices.list_microphones()]
        if self.speech_mic is not None:
            out.append(_speech_option(self.speech_mic, "speech-mic"))
        return out

    def call_audio(self) -> list[SourceOption]:
        out = [SourceOption(f"call:{c.id}", "call", c.description,
                            lambda _p, c=c: OpenedSource(c))
               for c in devices.list_call_audio_sources()]
        if self.speech_call is not None:
            out.append(_speech_option(self.speech_call, "speech-call"))
        return out

    @staticmethod
    def call_audio_help() -> str:
        """Why no call audio is offered and what to do, in the user's language."""
        return QCoreApplication.translate("SourceCatalog", devices.call_audio_help())


# devices.call_audio_help()'s sentences, listed for translation
_CALL_AUDIO_HELP = (
    QT_TRANSLATE_NOOP("SourceCatalog", "Call audio needs PulseAudio or PipeWire (libpulse): "
                      "none was found."),
    QT_TRANSLATE_NOOP("SourceCatalog", "No sound server answered: call audio is recorded from "
                      "the monitor of an output in PulseAudio or PipeWire."),
    QT_TRANSLATE_NOOP("SourceCatalog", "macOS cannot record what the speakers play by itself: "
                      "install a loopback audio driver (e.g. BlackHole), send the call's output "
                      "to it, and pick it as call audio."),
    QT_TRANSLATE_NOOP("SourceCatalog", "Windows shows what the speakers play only through a "
                      "loopback input: enable 'Stereo Mix' in the sound settings or install a "
                      "virtual cable (e.g. VB-CABLE), then pick it as call audio."),
)


def _open_synthetic_video(parent: QObject) -> OpenedSource:
    video = SyntheticVideo(parent=parent)
    return OpenedSource(video.frame_input, video.start, video.stop)


def _speech_option(path: Path, key: str) -> SourceOption:
    def opener(parent: QObject) -> OpenedSource:
        audio = SyntheticAudio(path, parent=parent)
        return OpenedSource(audio.feed, audio.start, audio.stop)

    return SourceOption(f"{key}:{path}", "speech",
                        _t("Speech file: {0} (demo source)").format(path.name), opener)


def find(options: Sequence[SourceOption], key: str | None) -> SourceOption | None:
    return next((o for o in options if o.key == key), None)
