"""The recording engine end to end: real QMediaCaptureSession, real encoder, real files decoded.

Video comes from a QVideoFrameInput (synthetic frames) or QScreenCapture; audio is real speech
pushed in real time, or real PulseAudio devices on a private sound server when one can be run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import av
import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from desktop_app.domain.media import MediaError
from desktop_app.media.audio import decode_audio
from desktop_app.media.capture.devices import CallAudioSource
from desktop_app.media.capture.disk import DiskLevel, DiskPolicy
from desktop_app.media.capture.sources import CaptureEngine, CaptureState, RecordingResult
from desktop_app.media.capture.synthetic import SyntheticAudio, SyntheticVideo
from desktop_app.media.capture.timeline import AudioPlacer, FramePacer, RecordingClock
from desktop_app.media.capture.writer import CaptureError, partial_path_for, recover
from desktop_app.media.probe import probe
from desktop_app.media.whisper import WhisperEngine

REPO = Path(__file__).resolve().parents[2]
SELFTEST = [sys.executable, "-m", "desktop_app.media.capture.selftest"]
GB = 1024**3
MB = 1024**2


def _track_audio(path: Path, index: int, rate: int = 16000) -> np.ndarray:
    """Audio stream number `index` of `path`, decoded to mono float32."""
    with av.open(os.fspath(path)) as container:
        stream = container.streams.audio[index]
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        chunks = [
            out.to_ndarray().reshape(-1)
            for frame in container.decode(stream)
            for out in resampler.resample(frame)
        ]
    return np.concatenate(chunks)


def _envelope(samples: np.ndarray, rate: int = 16000) -> np.ndarray:
    """RMS per 100 ms."""
    block = rate // 10
    whole = samples[: samples.size // block * block].reshape(-1, block)
    return np.sqrt(np.square(whole).mean(axis=1))


def _stream_titles(path: Path) -> list[str]:
    with av.open(os.fspath(path)) as container:
        return [s.metadata.get("handler_name", "") for s in container.streams.audio]


class _Recording:
    """An engine with synthetic sources; `run()` records and returns the finished result."""

    def __init__(self, qtbot: QtBot, engine: CaptureEngine, video: bool, speech: list[Path]):
        self.qtbot = qtbot
        self.engine = engine
        self.video = SyntheticVideo(parent=engine) if video else None
        self.audio = [
            SyntheticAudio(p, label, parent=engine)
            for p, label in zip(speech, ("Microphone", "Call audio"), strict=False)
        ]

    def start(self, out: Path) -> Path:
        partial = self.engine.start(
            out,
            video=self.video.frame_input if self.video else None,
            audio=[a.feed for a in self.audio],
        )
        for source in [self.video, *self.audio]:
            if source is not None:
                source.start()
        return partial

    def after(self, seconds: float, action: Callable[[], None]) -> None:
        timer = QTimer(self.engine, singleShot=True, timeout=action)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.start(int(seconds * 1000))

    def run(self, out: Path, seconds: float, timeout_s: float = 30) -> RecordingResult:
        with self.qtbot.waitSignal(self.engine.finished, timeout=int(timeout_s * 1000)) as got:
            self.start(out)
            self.after(seconds, self.engine.stop)
        return got.args[0]


@pytest.fixture()
def engine(qtbot: QtBot) -> Iterator[CaptureEngine]:
    eng = CaptureEngine()
    yield eng
    if eng.state != CaptureState.IDLE:
        eng.stop()
        eng.wait(10)


@pytest.mark.slow
def test_synthetic_recording_is_h264_aac_and_the_speech_survives(
    qtbot: QtBot, engine: CaptureEngine, tmp_path: Path, shared_media: Path
) -> None:
    out = tmp_path / "interview.mp4"
    levels: list[tuple] = []
    engine.levelsChanged.connect(levels.append)
    result = _Recording(qtbot, engine, True, [shared_media / "en/jfk.flac"]).run(out, 7.0)

    assert result.error is None and result.path == out and result.faststart
    assert not partial_path_for(out).exists()
    info = probe(out)
    assert (info.video_codec, info.audio_codec, info.audio_tracks) == ("h264", "aac", 1)
    assert (info.width, info.height) == (1280, 720)
    assert abs(info.fps - 30) < 0.5
    assert abs(info.duration_s - 7.0) <= 0.5, info
    assert 40 <= len(levels) <= 80  # ~10 Hz meters (fewer when the machine is busy)
    assert max(lv[0].peak for lv in levels if lv) > 0.3

    whisper = WhisperEngine.load("tiny.en", cpu_threads=2)
    _, segments = whisper.transcribe(decode_audio(out), language="en")
    text = " ".join(s.text for s in segments).lower()
    assert "ask not what your country" in text.replace(",", ""), text


def test_each_audio_source_gets_its_own_aac_track(
    qtbot: QtBot, engine: CaptureEngine, tmp_path: Path, shared_media: Path
) -> None:
    mic, call = shared_media / "en/jfk.flac", shared_media / "en/cmu_goforward.wav"
    out = tmp_path / "call.mp4"
    result = _Recording(qtbot, engine, False, [mic, call]).run(out, 3.0)

    info = probe(out)
    assert (info.has_video, info.audio_tracks, info.audio_codec) == (False, 2, "aac")
    assert result.audio_labels == ("Microphone", "Call audio")
    assert _stream_titles(out) == ["Microphone", "Call audio"]
    # each track carries its own source: its loudness follows that file, not the other one
    for index, own in enumerate((mic, call)):
        recorded = _envelope(_track_audio(out, index))[:25]
        sources = [_envelope(decode_audio(p))[: recorded.size] for p in (mic, call)]
        own_corr, other_corr = (np.corrcoef(recorded, s)[0, 1] for s in sources)
        if own == call:
            own_corr, other_corr = other_corr, own_corr
        assert own_corr > 0.8 and own_corr > other_corr + 0.3, (index, own_corr, other_corr)


def test_killed_recording_is_recovered_up_to_the_last_seconds(
    tmp_path: Path, shared_media: Path
) -> None:
    out = tmp_path / "crash.mp4"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "desktop_app.media.capture.selftest", "--out", str(out)]
    command += ["--seconds", "30", "--speech", str(shared_media / "en/jfk.flac")]
    proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert line.startswith("RECORDING "), line
        partial = Path(line.split(" ", 1)[1].strip())
        time.sleep(6.0)  # the recording runs in another process: nothing to wait on here
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert partial.exists() and not out.exists()

    recovered = recover(partial)
    info = probe(recovered)
    assert (info.video_codec, info.audio_codec) == ("h264", "aac")
    assert info.duration_s >= 6.0 - 2.0, info
    assert _envelope(_track_audio(recovered, 0)).max() > 0.05


def _flash_times(path: Path) -> list[float]:
    """Times at which the picture turns white."""
    flashes, was_white = [], False
    with av.open(os.fspath(path)) as container:
        stream = container.streams.video[0]
        for frame in container.decode(stream):
            white = frame.to_ndarray(format="gray").mean() > 200
            if white and not was_white:
                flashes.append(float(frame.pts * stream.time_base))
            was_white = white
    return flashes


def _beep_times(samples: np.ndarray, rate: int = 16000) -> list[float]:
    """Onsets of the beeps: first 5 ms block above -20 dB after at least 0.3 s of quiet."""
    block = rate // 200  # 5 ms
    whole = samples[: samples.size // block * block].reshape(-1, block)
    loud = np.sqrt(np.square(whole).mean(axis=1)) > 0.1
    onsets, quiet = [], 60
    for i, is_loud in enumerate(loud):
        if is_loud and quiet >= 60:
            onsets.append(i * block / rate)
        quiet = 0 if is_loud else quiet + 1
    return onsets


def test_audio_and_video_stay_in_sync(qtbot: QtBot, engine: CaptureEngine, tmp_path: Path) -> None:
    beeps = np.zeros(48000 * 6, dtype=np.float32)
    tone = 0.5 * np.sin(2 * np.pi * 1000 * np.arange(2400) / 48000).astype(np.float32)
    for second in range(1, 6):  # a 50 ms beep at every whole second ...
        beeps[second * 48000 : second * 48000 + tone.size] = tone
    rec = _Recording(qtbot, engine, False, [])
    rec.video = SyntheticVideo(flash_every_s=1.0, parent=engine)  # ... and a white frame
    rec.audio = [SyntheticAudio(beeps, loop=False, parent=engine)]
    out = tmp_path / "sync.mp4"
    rec.run(out, 4.6)

    flashes, onsets = _flash_times(out), _beep_times(_track_audio(out, 0))
    assert len(flashes) == 4 and len(onsets) == 4, (flashes, onsets)
    offsets = np.abs(np.subtract(flashes, onsets))
    # lip sync: typically within a few ms; a busy machine may make the source itself skip a
    # frame (33 ms), hence the median and a two-frame bound for any single flash
    assert np.median(offsets) <= 0.03 and offsets.max() <= 0.07, (flashes, onsets)
    assert abs(flashes[0] - 1.0) <= 0.1, flashes


def test_a_source_that_cannot_open_fails_the_start_and_leaves_no_file(
    qtbot: QtBot, engine: CaptureEngine, tmp_path: Path, shared_media: Path
) -> None:
    out = tmp_path / "never.mp4"
    video = SyntheticVideo(parent=engine)
    missing = CallAudioSource("Headset of nobody", pulse_source="closer_nonexistent.monitor")
    with pytest.raises(CaptureError, match="Cannot record call audio 'Headset of nobody'"):
        engine.start(out, video=video.frame_input, audio=[missing])
    assert engine.state == CaptureState.IDLE
    qtbot.wait(200)  # let the aborted encoder's last signal arrive: it must change nothing
    assert engine.state == CaptureState.IDLE and engine.result is None
    assert list(tmp_path.iterdir()) == []

    result = _Recording(qtbot, engine, True, [shared_media / "en/jfk.flac"]).run(out, 1.0)
    assert result.path == out and probe(out).has_video  # the engine is usable again


def test_recover_refuses_a_file_with_nothing_recorded(tmp_path: Path) -> None:
    junk = tmp_path / "x.partial.mp4"
    junk.write_bytes(b"\x00\x00\x00\x18ftypisom" + b"\x00" * 100)
    with pytest.raises(MediaError):
        recover(junk)


def test_pause_leaves_the_paused_time_out_of_the_file(
    qtbot: QtBot, engine: CaptureEngine, tmp_path: Path, shared_media: Path
) -> None:
    out = tmp_path / "paused.mp4"
    rec = _Recording(qtbot, engine, True, [shared_media / "en/jfk.flac"])
    when: dict[str, float] = {}

    def at(name: str, action: Callable[[], None]) -> Callable[[], None]:
        return lambda: (when.__setitem__(name, time.monotonic()), action())

    with qtbot.waitSignal(engine.finished, timeout=30_000) as got:
        when["start"] = time.monotonic()
        rec.start(out)
        rec.after(1.5, at("pause", engine.pause))
        rec.after(3.5, at("resume", engine.resume))
        rec.after(5.0, at("stop", engine.stop))
    result: RecordingResult = got.args[0]
    # timers may fire late on a busy machine: compare with when they really fired
    active = (when["pause"] - when["start"]) + (when["stop"] - when["resume"])
    assert when["resume"] - when["pause"] >= 1.0  # a real pause happened ...
    assert abs(result.duration_s - active) < 0.1, (result, when)  # ... and is not recorded
    info = probe(out)
    assert abs(info.duration_s - active) <= 0.35, (info, active)
    assert abs(_track_audio(out, 0).size / 16000 - active) <= 0.35


def test_disk_policy_levels_and_messages() -> None:
    policy = DiskPolicy(start_bytes=500 * MB, warn_bytes=1 * GB, stop_bytes=200 * MB)
    folder = Path("/recordings")
    assert policy.check(folder, 400 * MB, starting=True).level is DiskLevel.STOP
    assert "Cannot start recording" in policy.check(folder, 400 * MB, starting=True).message
    assert policy.check(folder, 400 * MB).level is DiskLevel.WARN
    assert policy.check(folder, 5 * GB).level is DiskLevel.OK
    stop = policy.check(folder, 100 * MB)
    assert stop.level is DiskLevel.STOP and "/recordings" in stop.message


def test_low_disk_warns_then_stops_and_keeps_a_playable_file(
    qtbot: QtBot, tmp_path: Path, shared_media: Path
) -> None:
    readings = iter([10 * GB, 800 * MB, 100 * MB])
    seen: list[int] = []

    def free_space(_folder: Path) -> int:  # the disk is a hardware seam: scripted free space
        seen.append(next(readings, 100 * MB))
        return seen[-1]

    engine = CaptureEngine(disk=DiskPolicy(interval_s=0.7), free_space=free_space)
    warnings: list[str] = []
    engine.warning.connect(warnings.append)
    rec = _Recording(qtbot, engine, True, [shared_media / "en/jfk.flac"])
    with qtbot.waitSignal(engine.finished, timeout=30_000) as got:
        rec.start(tmp_path / "disk.mp4")
    result: RecordingResult = got.args[0]

    assert result.stop_reason == "disk" and result.error is None
    assert [w.split(":")[0] for w in warnings] == ["Low disk space", "Recording stopped"]
    assert 1.0 <= result.duration_s <= 3.0  # stopped at the second check (~1.4 s)
    assert not result.faststart  # no room for a remuxed copy: the fragmented file is kept
    info = probe(result.path)
    assert info.has_video and info.audio_tracks == 1
    assert abs(info.duration_s - result.duration_s) <= 0.3

    with pytest.raises(CaptureError, match="Cannot start recording: only 100 MB free"):
        engine.start(tmp_path / "again.mp4", video=rec.video.frame_input if rec.video else None)


def test_frame_pacer_repeats_and_drops_to_keep_a_constant_rate() -> None:
    pacer: FramePacer[str] = FramePacer(fps=10)
    assert pacer.offer("a", 0.0) == []
    assert pacer.offer("b", 0.31) == [("a", 0), ("a", 1), ("a", 2)]  # a gap: "a" repeats
    assert pacer.offer("c", 0.33) == []  # same slot as "b": "b" is dropped
    assert pacer.fill_until(0.55) == [("c", 3), ("c", 4)]
    assert pacer.finish(0.6) == [("c", 5)]


def test_audio_placer_pads_dropouts_and_trims_overruns() -> None:
    placer = AudioPlacer(rate=1000, tolerance_s=0.05)
    first = placer.place(100, t_end=0.3)  # the first chunk starts at 0.2 s
    assert (first.silence, first.skip) == (200, 0)
    placer.advance(300)
    assert placer.place(100, t_end=0.42).silence == 0  # 20 ms early: within tolerance
    placer.advance(100)
    assert placer.place(100, t_end=0.7).silence == 200  # a 200 ms dropout
    placer.advance(300)
    assert placer.place(100, t_end=0.6).skip == 100  # the device runs ahead: drop
    assert placer.missing_until(1.0) == 300


def test_clock_excludes_paused_time() -> None:
    now = [100.0]
    clock = RecordingClock(now=lambda: now[0])
    clock.start()
    now[0] = 102.0
    clock.pause()
    now[0] = 110.0
    assert clock.active() == pytest.approx(2.0)
    clock.resume()
    now[0] = 111.0
    assert clock.active() == pytest.approx(3.0)
    assert clock.active_at(105.0) == pytest.approx(0.0)  # before the pause was taken back


# --- PulseAudio: real devices on a private sound server -------------------------------------


class _Pulse:
    """A private PulseAudio server: null sink "closer_test", a mic remapped from its monitor."""

    def __init__(self, env: dict[str, str], mic_module: str) -> None:
        self.env = {**env, "QT_QPA_PLATFORM": "offscreen"}
        self.mic_module = mic_module

    def pactl(self, *args: str) -> str:
        done = subprocess.run(["pactl", *args], env=self.env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()


@pytest.fixture()
def pulse(tmp_path: Path) -> Iterator[_Pulse]:
    if shutil.which("pulseaudio") is None or shutil.which("pactl") is None:
        pytest.skip("pulseaudio and pactl are not installed (apt: pulseaudio pulseaudio-utils)")
    runtime = tmp_path / "pulse-runtime"
    runtime.mkdir()
    env = {
        **os.environ,
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_RUNTIME_PATH": str(runtime / "pulse"),
        "HOME": str(runtime),
    }
    server = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n", "--system=false",
         "--use-pid-file=false", "--load=module-native-protocol-unix",
         "--load=module-null-sink sink_name=closer_test"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for _ in range(50):
            if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
                break
            if server.poll() is not None:
                pytest.skip(f"pulseaudio did not start: {server.stderr.read()[-300:]}")
            time.sleep(0.1)
        # Qt lists no monitor sources as inputs; a remapped copy of the monitor is a real input
        module = subprocess.run(
            ["pactl", "load-module", "module-remap-source", "master=closer_test.monitor",
             "source_name=closer_mic", "source_properties=device.description=CloserTestMic"],
            env=env, check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        yield _Pulse(env, module)
    finally:
        server.terminate()
        server.wait(10)


def _speech_wav(shared_media: Path, folder: Path) -> Path:
    """JFK as a 16-bit WAV (what paplay reads everywhere)."""
    speech = folder / "speech.wav"
    samples = decode_audio(shared_media / "en/jfk.flac", sample_rate=48000)
    with wave.open(os.fspath(speech), "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(48000)
        fh.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return speech


def _record_with_devices(
    pulse: _Pulse, out: Path, speech: Path, seconds: float, extra: list[str],
    during: Callable[[], None] | None = None,
) -> tuple[dict, list[str]]:  # fmt: skip
    """Run the selftest recorder while `speech` plays into the null sink; (result, stdout)."""
    player = subprocess.Popen(["paplay", "-d", "closer_test", str(speech)], env=pulse.env)
    for _ in range(50):  # the sink plays before the recording starts
        if "RUNNING" in pulse.pactl("list", "short", "sinks"):
            break
        time.sleep(0.05)
    command = [*SELFTEST, "--out", str(out), "--seconds", str(seconds), *extra]
    rec = subprocess.Popen(command, cwd=REPO, env=pulse.env, stdout=subprocess.PIPE, text=True)
    try:
        assert rec.stdout is not None
        assert rec.stdout.readline().startswith("RECORDING ")
        if during is not None:
            during()
        lines = rec.stdout.readlines()
        assert rec.wait(20) == 0, lines
    finally:
        for proc in (rec, player):
            if proc is not None and proc.poll() is None:
                proc.kill()
    return json.loads(lines[-1]), lines


def test_screen_and_call_audio_from_a_real_pulseaudio_server(
    pulse: _Pulse, tmp_path: Path, shared_media: Path
) -> None:
    listing = json.loads(
        subprocess.run(
            [*SELFTEST, "--list"], cwd=REPO, env=pulse.env, capture_output=True, text=True,
            check=True,
        ).stdout
    )  # fmt: skip
    assert "CloserTestMic" in listing["microphones"]
    assert any(s.startswith("Monitor of Null Output") for s in listing["call_audio"])

    out = tmp_path / "remote.mp4"
    result, _ = _record_with_devices(
        pulse, out, _speech_wav(shared_media, tmp_path), 5.0,
        ["--video", "screen", "--mic", "CloserTestMic", "--call-audio", "closer_test.monitor"],
    )  # fmt: skip
    assert result["error"] is None and result["audio_labels"] == ["Microphone", "Call audio"]
    info = probe(out)
    assert info.has_video and info.audio_tracks == 2
    assert abs(info.duration_s - 5.0) <= 0.7, info
    for index in range(2):  # both real capture paths carry the speech played into the sink
        level = _envelope(_track_audio(out, index))
        assert level.max() > 0.05 and (level > 0.02).sum() >= 10, (index, level.round(3))


def test_unplugged_microphone_is_reported_and_the_recording_goes_on(
    pulse: _Pulse, tmp_path: Path, shared_media: Path
) -> None:
    out = tmp_path / "unplugged.mp4"

    def unplug() -> None:
        time.sleep(2.0)  # the recorder runs in another process: nothing to wait on here
        pulse.pactl("unload-module", pulse.mic_module)

    result, lines = _record_with_devices(
        pulse, out, _speech_wav(shared_media, tmp_path), 5.0,
        ["--video", "synthetic", "--mic", "CloserTestMic", "--call-audio", "closer_test.monitor"],
        during=unplug,
    )  # fmt: skip
    lost = [line for line in lines if line.startswith("DEVICE LOST")]
    assert lost and "CloserTestMic" in lost[0], lines
    assert result["error"] is None
    info = probe(out)
    assert info.audio_tracks == 2 and abs(info.duration_s - 5.0) <= 0.7, info
    mic = _envelope(_track_audio(out, 0))
    assert abs(mic.size / 10 - 5.0) <= 0.7  # the track runs to the end, silent after unplugging
    assert mic[:20].max() > 0.05 and mic[-10:].max() < 0.01, mic.round(3)
    # call audio carried on after the unplug at 2 s (speech has pauses: look at the last 2.5 s)
    assert _envelope(_track_audio(out, 1))[-25:].max() > 0.05
