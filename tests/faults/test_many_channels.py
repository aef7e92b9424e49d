"""Item 1 of issue #13: audio with 8 to 32 channels imports (mixed down) and never crashes.

The files are made with ffmpeg from a real LibriSpeech clip: one copy of the speech per channel.
PyAV 18 segfaulted converting 7.1 (8 planes) and FFmpeg could not mix down "20 channels"; the
import runs in a real subprocess so a crash shows as a signal, not as a dead test runner.
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from desktop_app.media.audio import audio_envelope, decode_audio
from desktop_app.media.render_audio import decode_range
from tests.faults.helpers import integrity_ok, json_out, no_traceback, run_closer

SPEECH = "en/librispeech_2412-153948-0000.flac"  # mono, 11.66 s


def _many_channels(src: Path, out: Path, channels: int) -> Path:
    inputs: list[str] = []
    for _ in range(channels):
        inputs += ["-i", str(src)]
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", *inputs, "-filter_complex",
                    f"amerge=inputs={channels}", str(out)], check=True)
    return out


def _wav_with_channels(mono: np.ndarray, out: Path, channels: int) -> Path:
    """A plain PCM WAV (ffmpeg's amerge stops at 64 inputs) with the speech on every channel."""
    pcm = (np.clip(mono, -1, 1) * 32767).astype("<i2")
    with wave.open(str(out), "wb") as fh:
        fh.setnchannels(channels)
        fh.setsampwidth(2)
        fh.setframerate(16000)
        fh.writeframes(np.repeat(pcm[:, np.newaxis], channels, axis=1).tobytes())
    return out


@pytest.fixture(scope="module")
def multichannel(tmp_path_factory: pytest.TempPathFactory, shared_media: Path) -> list[Path]:
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is needed to make the multichannel files (apt-get install ffmpeg)")
    folder = tmp_path_factory.mktemp("channels")
    src = shared_media / SPEECH
    files = [_many_channels(src, folder / f"ch{n}.wav", n) for n in (8, 10, 20, 32)]
    # FLAC and AAC encoders stop at 8 channels
    files += [_many_channels(src, folder / f"ch8.{ext}", 8) for ext in ("flac", "m4a")]
    return files


def test_every_conversion_path_mixes_many_channels_down(multichannel: list[Path],
                                                        shared_media: Path) -> None:
    reference = decode_audio(shared_media / SPEECH)
    for path in multichannel:
        mixed = decode_audio(path)  # the whisper feed
        assert mixed.size == pytest.approx(reference.size, abs=1100), path.name
        # every channel carries the same speech, so the mix is the speech itself
        n = min(mixed.size, reference.size)
        assert np.corrcoef(mixed[:n], reference[:n])[0, 1] > 0.9, path.name
        assert 0.3 < float(np.abs(mixed).max()) <= 1.0, path.name
        last = decode_audio(path, channel=7)  # one side of a call recording
        assert last.size == mixed.size
        peaks, _ = audio_envelope(path, 50)  # the waveform picture
        assert float(peaks.max()) > 0.3, path.name
        stereo = decode_range(path, 1.0, 48000)  # a reel's sound
        assert stereo.shape == (2, 48000) and float(np.abs(stereo).max()) > 0.05, path.name


def test_import_of_many_channel_files_via_cli(closer_home: Path, shared_media: Path,
                                              multichannel: list[Path], tmp_path: Path) -> None:
    later = tmp_path / "after.wav"
    shutil.copy(shared_media / "en/cmu_goforward.wav", later)
    too_many = _wav_with_channels(decode_audio(shared_media / SPEECH), tmp_path / "ch65.wav", 65)
    paths = [str(p) for p in (*multichannel, too_many, later)]
    done = run_closer(closer_home, "import", *paths, "--customer", "Anna", "--json")
    no_traceback(done)
    assert done.returncode == 1, done.stderr  # one file refused, the batch went on
    results = {Path(r["path"]).name: r for r in json_out(done)}  # type: ignore[union-attr]
    for path in multichannel:
        r = results[path.name]
        assert r["ok"] and r["interview_id"], r
        assert r["duration_s"] == pytest.approx(11.66, abs=0.1)
    assert results["ch65.wav"]["error"] == (
        "ch65.wav: has 65 audio channels; at most 64 are supported")
    assert results["after.wav"]["ok"]
    listed = json_out(run_closer(closer_home, "interviews", "--json"))
    assert len(listed) == len(multichannel) + 1  # type: ignore[arg-type]
    pictures = [p for p in (closer_home / "pictures").glob("*.png") if p.stat().st_size > 0]
    assert len(pictures) == len(multichannel) + 1
    integrity_ok(closer_home)
