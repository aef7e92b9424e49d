"""What can be recorded on this machine: cameras, microphones, call audio, screens, windows.

"Call audio" is what the speakers play (the other side of a remote call). On Linux it is the
monitor source of an output in PulseAudio/PipeWire ("Monitor of ..."); Qt's PulseAudio backend
hides monitor sources from its input list, so they are found with `pactl` and recorded through
libpulse (`PulseMonitorFeed`). Windows and macOS have no such source without a loopback driver:
an input device that carries the output (e.g. "Stereo Mix", "CABLE Output", "BlackHole") is
offered as call audio when present, and `call_audio_help()` explains what to install otherwise.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtMultimedia import (
    QAudioDevice,
    QCameraDevice,
    QCapturableWindow,
    QMediaDevices,
    QWindowCapture,
)

from desktop_app.media.capture.feeds import pulse_available

# Input devices whose name says they carry what an output plays (loopback drivers).
_LOOPBACK_HINTS = (
    "monitor of",
    "stereo mix",
    "cable output",
    "blackhole",
    "loopback",
    "soundflower",
)
_DEFAULT_MONITOR = "@DEFAULT_MONITOR@"


@dataclass(frozen=True)
class CallAudioSource:
    """One way to record call audio: a PulseAudio monitor by name, or a Qt loopback input."""

    description: str
    pulse_source: str | None = None
    device: QAudioDevice | None = None

    @property
    def id(self) -> str:
        if self.pulse_source is not None:
            return self.pulse_source
        return bytes(self.device.id().data()).decode(errors="replace") if self.device else ""


def list_cameras() -> list[QCameraDevice]:
    return list(QMediaDevices.videoInputs())


def list_microphones() -> list[QAudioDevice]:
    """Audio inputs (the default one first)."""
    devices = list(QMediaDevices.audioInputs())
    default = QMediaDevices.defaultAudioInput()
    return sorted(devices, key=lambda d: d.id() != default.id())


def list_screens() -> list[QScreen]:
    """Screens (needs a QGuiApplication)."""
    return list(QGuiApplication.screens())


def list_windows() -> list[QCapturableWindow]:
    """Windows that can be captured (empty under offscreen/Xvfb)."""
    return list(QWindowCapture.capturableWindows())


def list_call_audio_sources() -> list[CallAudioSource]:
    """Sources for the remote side of a call; the monitor of the default output comes first."""
    found = [
        CallAudioSource(description=d.description(), device=d)
        for d in QMediaDevices.audioInputs()
        if d.description().lower().startswith(_LOOPBACK_HINTS)
    ]
    if sys.platform.startswith("linux"):
        found += [CallAudioSource(desc, pulse_source=name) for name, desc in pulse_monitors()]
    return found


def call_audio_help() -> str:
    """A sentence for the user when no call audio source can be found on this platform."""
    if sys.platform.startswith("linux"):
        if not pulse_available():
            return "Call audio needs PulseAudio or PipeWire (libpulse): none was found."
        return (
            "No sound server answered: call audio is recorded from the monitor of an output "
            "in PulseAudio or PipeWire."
        )
    if sys.platform == "darwin":
        return (
            "macOS cannot record what the speakers play by itself: install a loopback audio "
            "driver (e.g. BlackHole), send the call's output to it, and pick it as call audio."
        )
    return (
        "Windows shows what the speakers play only through a loopback input: enable "
        "'Stereo Mix' in the sound settings or install a virtual cable (e.g. VB-CABLE), "
        "then pick it as call audio."
    )


def pulse_monitors() -> list[tuple[str, str]]:
    """(source name, description) of every PulseAudio/PipeWire monitor, default output first."""
    if not pulse_available():
        return []
    pactl = shutil.which("pactl")
    if pactl is None:  # no tools: the server still knows its default monitor by this name
        return [(_DEFAULT_MONITOR, "Monitor of the default output")]
    listing = _run([pactl, "-f", "json", "list", "sources"])
    default_sink = _run([pactl, "get-default-sink"]).strip()
    try:
        sources = json.loads(listing) if listing else []
    except json.JSONDecodeError:
        sources = [{"name": line.split("\t")[1]} for line in _short_sources(pactl)]
    monitors = [
        (str(s["name"]), str(s.get("description") or s["name"]))
        for s in sources
        if str(s.get("name", "")).endswith(".monitor") or s.get("monitor_source")
    ]
    return sorted(monitors, key=lambda m: m[0] != f"{default_sink}.monitor")


def pulse_source_names() -> set[str] | None:
    """Names of every source the PulseAudio/PipeWire server has now (None: cannot ask)."""
    pactl = shutil.which("pactl")
    if pactl is None:
        return None
    lines = _short_sources(pactl)
    return {line.split("\t")[1] for line in lines} if lines else None


def _short_sources(pactl: str) -> list[str]:
    return [line for line in _run([pactl, "list", "short", "sources"]).splitlines() if "\t" in line]


def _run(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout if done.returncode == 0 else ""
