"""Probing and audio decoding on the real media corpus and on broken files made on the spot."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import av
import numpy as np
import pytest

from desktop_app.domain.errors import JobCancelled
from desktop_app.domain.media import MediaError
from desktop_app.domain.progress import CancelToken
from desktop_app.media.audio import audio_track_count, channel_count, decode_audio
from desktop_app.media.probe import is_supported_extension, probe

VIDEO = "video/auto-editor_example.mp4"
BUNNY = "video/big_buck_bunny_small_nospeech.mp4"
STEREO = "en/stereo_diarization.wav"
JFK = "en/jfk.flac"


def _write_video_only(path: Path, *, seconds: float = 1.0, fps: int = 10) -> Path:
    """A short MPEG-4 video with no audio stream (a screen recording without sound)."""
    with av.open(os.fspath(path), "w") as out:
        stream = out.add_stream("mpeg4", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        ramp = np.linspace(0, 255, 160, dtype=np.uint8)
        for i in range(round(seconds * fps)):
            img = np.zeros((120, 160, 3), dtype=np.uint8)
            img[..., 0] = ramp
            img[..., 1] = (i * 20) % 256
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


class _Pipe(io.RawIOBase):
    """A write-only, non-seekable sink: the muxer cannot go back to write the duration."""

    def __init__(self, fh: io.BufferedWriter) -> None:
        self._fh = fh

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return self._fh.write(data)


def _write_streamed_webm(path: Path, seconds: float) -> Path:
    """A WebM written like a browser's MediaRecorder does it: no duration in the header."""
    rate = 48000
    t = np.arange(round(seconds * rate)) / rate
    tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    with open(path, "wb") as fh:
        out = av.open(_Pipe(fh), "w", format="webm")
        stream = out.add_stream("libopus", rate=rate)
        stream.layout = "mono"
        for i in range(0, tone.size, 960):
            frame = av.AudioFrame.from_ndarray(tone[None, i : i + 960], format="flt", layout="mono")
            frame.sample_rate, frame.pts = rate, i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
        out.close()
    return path


# --- probing the real corpus -------------------------------------------------------------------


def test_probe_matches_every_file_in_the_manifest(
    shared_media: Path, media_manifest: list[dict[str, str]]
) -> None:
    problems = []
    for row in media_manifest:
        info = probe(shared_media / row["file"])
        expected_video = "video" in row["codec"]
        if abs(info.duration_s - float(row["duration_s"])) > 0.1:
            problems.append(f"{row['file']}: duration {info.duration_s} vs {row['duration_s']}")
        if (info.has_video, info.has_audio) != (expected_video, True):
            problems.append(f"{row['file']}: video/audio {info.has_video}/{info.has_audio}")
        if info.audio_channels != int(row["channels"]):
            problems.append(f"{row['file']}: channels {info.audio_channels} vs {row['channels']}")
        if info.sample_rate != int(row["sample_rate"]) or info.audio_tracks != 1:
            problems.append(f"{row['file']}: rate {info.sample_rate}, tracks {info.audio_tracks}")
        if not row["codec"].startswith(info.audio_codec or "?"):
            problems.append(f"{row['file']}: codec {info.audio_codec} vs {row['codec']}")
    assert len(media_manifest) >= 16
    assert problems == []


def test_probe_describes_the_video_stream(shared_media: Path) -> None:
    info = probe(shared_media / VIDEO)
    assert (info.container, info.video_codec, info.width, info.height) == ("mp4", "h264", 1280, 720)
    assert info.fps == pytest.approx(30.0)
    bunny = probe(shared_media / BUNNY)
    assert (bunny.width, bunny.height, bunny.audio_channels) == (320, 240, 6)
    assert probe(shared_media / JFK).container == "flac"


def test_probe_handles_cyrillic_and_spaces_in_paths(shared_media: Path, tmp_path: Path) -> None:
    folder = tmp_path / "Интервью клиентов 2026"
    folder.mkdir()
    audio = shutil.copy(shared_media / JFK, folder / "разговор с клиентом №1.flac")
    video = shutil.copy(shared_media / BUNNY, folder / "демо видео.mp4")
    assert probe(Path(audio)).duration_s == pytest.approx(11.0, abs=0.1)
    assert probe(Path(video)).has_video
    assert decode_audio(Path(audio)).size == pytest.approx(11.0 * 16000, abs=16)


def test_probe_measures_files_that_do_not_state_their_length(tmp_path: Path) -> None:
    webm = _write_streamed_webm(tmp_path / "browser recording.webm", seconds=3.0)
    with av.open(os.fspath(webm)) as container:  # the header really has no duration
        assert container.duration is None
    info = probe(webm)
    assert info.duration_s == pytest.approx(3.0, abs=0.1)
    assert (info.container, info.audio_codec, info.has_video) == ("webm", "opus", False)


def test_probe_video_without_sound(tmp_path: Path) -> None:
    clip = _write_video_only(tmp_path / "screen.mp4", seconds=2.0)
    info = probe(clip)
    assert (info.has_video, info.has_audio, info.audio_tracks) == (True, False, 0)
    assert info.duration_s == pytest.approx(2.0, abs=0.15)
    assert info.audio_channels is None
    assert (audio_track_count(clip), channel_count(clip)) == (0, 0)
    with pytest.raises(MediaError, match=r"screen\.mp4: contains no audio"):
        decode_audio(clip)


def test_is_supported_extension() -> None:
    assert is_supported_extension(Path("Interview.MP4"))
    assert is_supported_extension("call.m4a")
    assert is_supported_extension(Path("встреча.webm"))
    assert not is_supported_extension(Path("notes.txt"))
    assert not is_supported_extension(Path("mp4"))


# --- unusable files: each error names the file and says why -----------------------------------


def _truncate(src: Path, dst: Path, fraction: float) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * fraction)])
    return dst


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("empty.mp4", lambda p, m: p.write_bytes(b""), "the file is empty"),
        (
            "notes.mp4",
            lambda p, m: p.write_text("Meeting notes: call the customer back\n"),
            "not a media file FFmpeg can read",
        ),
        (
            "noise.wav",
            lambda p, m: p.write_bytes(np.random.default_rng(1).bytes(20000)),
            "not a media file FFmpeg can read",
        ),
        (
            "cut short.mp4",
            lambda p, m: _truncate(m / VIDEO, p, 0.3),
            "corrupt: cannot decode the end of the file",
        ),
        ("cut short.flac", lambda p, m: _truncate(m / JFK, p, 0.3), "corrupt: cannot decode"),
        (
            "subtitles.mkv",
            lambda p, m: p.write_text("1\n00:00:01,000 --> 00:00:02,500\nHello there\n"),
            "contains no audio or video",
        ),
        ("gone.mp4", lambda p, m: None, "file not found"),
        ("a folder.mp4", lambda p, m: p.mkdir(), "is a folder"),
    ],
)
def test_unusable_files_raise_a_clear_media_error(
    tmp_path: Path, shared_media: Path, name: str, make: Callable[[Path, Path], object], reason: str
) -> None:
    path = tmp_path / name
    make(path, shared_media)
    with pytest.raises(MediaError) as caught:
        probe(path)
    assert str(caught.value).startswith(f"{name}: ")
    assert reason in str(caught.value)
    assert caught.value.path == path


def test_unreadable_file_says_permission_denied(shared_media: Path, tmp_path: Path) -> None:
    path = Path(shutil.copy(shared_media / STEREO, tmp_path / "locked.wav"))
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: a chmod 000 file is still readable")
        with pytest.raises(MediaError, match=r"locked\.wav: permission denied"):
            probe(path)
    finally:
        path.chmod(0o644)


def test_decode_audio_reports_unusable_files(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.wav"
    with pytest.raises(MediaError, match=r"nowhere\.wav: file not found"):
        decode_audio(missing)
    garbage = tmp_path / "garbage.wav"
    garbage.write_bytes(b"RIFF" + bytes(100))
    with pytest.raises(MediaError, match="garbage.wav"):
        decode_audio(garbage)


# --- decoding audio ----------------------------------------------------------------------------


def test_decode_audio_splits_the_two_speakers_of_a_stereo_file(shared_media: Path) -> None:
    left = decode_audio(shared_media / STEREO, channel=0)
    right = decode_audio(shared_media / STEREO, channel=1)
    mixed = decode_audio(shared_media / STEREO)
    for samples in (left, right, mixed):
        assert samples.dtype == np.float32 and samples.ndim == 1
        assert samples.size == pytest.approx(5 * 16000, abs=16)
    assert abs(np.corrcoef(left, right)[0, 1]) < 0.2  # two different voices
    assert float(np.abs(left - right).mean()) > 0.01
    np.testing.assert_allclose(mixed, (left + right) / 2, atol=1e-3)
    with pytest.raises(MediaError, match="has no audio channel 3"):
        decode_audio(shared_media / STEREO, channel=2)


def test_decode_audio_resamples_and_starts_where_asked(shared_media: Path) -> None:
    full = decode_audio(shared_media / JFK)
    assert full.size == pytest.approx(11.0 * 16000, abs=16)
    assert 0.3 < float(np.abs(full).max()) <= 1.0
    assert decode_audio(shared_media / JFK, sample_rate=8000).size == pytest.approx(88000, abs=8)
    tail = decode_audio(shared_media / JFK, start_s=5.0)
    assert tail.size == pytest.approx(6.0 * 16000, abs=16)
    # the same samples as the full decode from 5 s on (within a fraction of a sample)
    same = full[-tail.size :]
    lags = {
        lag: np.corrcoef(tail[400:-400], same[400 + lag : same.size - 400 + lag])[0, 1]
        for lag in range(-3, 4)
    }
    assert max(lags, key=lags.__getitem__) == 0
    assert lags[0] > 0.95


def test_decode_audio_mixes_down_six_channels_from_a_video(shared_media: Path) -> None:
    assert (channel_count(shared_media / BUNNY), audio_track_count(shared_media / BUNNY)) == (6, 1)
    samples = decode_audio(shared_media / BUNNY)
    assert samples.size == pytest.approx(5.312 * 16000, abs=1100)  # AAC frames: ±1024 samples
    assert float(np.abs(samples).max()) > 0.01
    speech = decode_audio(shared_media / VIDEO, start_s=40.0)
    assert speech.size == pytest.approx(2.4 * 16000, abs=1600)
    assert float(np.abs(speech).max()) > 0.05  # "banana" at ~40.5 s


def test_decode_audio_stops_when_cancelled(shared_media: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(JobCancelled):
        decode_audio(shared_media / VIDEO, cancel=token)
