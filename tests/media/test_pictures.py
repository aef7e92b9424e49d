"""Thumbnails and waveform cards drawn from real media, checked by decoding the PNGs."""

from __future__ import annotations

import os
import shutil
import wave
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from desktop_app.domain.media import MediaError
from desktop_app.media.audio import audio_peaks
from desktop_app.media.pictures import (
    ACCENT_COLOUR,
    CARD_COLOUR,
    make_thumbnail,
    make_waveform,
    picture_for,
)
from desktop_app.media.probe import probe

VIDEO = "video/auto-editor_example.mp4"
BUNNY = "video/big_buck_bunny_small_nospeech.mp4"
JFK = "en/jfk.flac"
STEREO = "en/stereo_diarization.wav"


def _read_png(path: Path) -> np.ndarray:
    """Decode a PNG the way the app will show it (BGR or BGRA, alpha kept)."""
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = cv2.imdecode(np.frombuffer(path.read_bytes(), np.uint8), cv2.IMREAD_UNCHANGED)
    assert image is not None, f"{path.name} does not decode"
    return image


def _pixels_of(image: np.ndarray, rgb: tuple[int, int, int]) -> int:
    bgr = np.array(rgb[::-1], dtype=np.uint8)
    return int(np.all(image[..., :3] == bgr, axis=-1).sum())


def _write_silence(path: Path, seconds: float = 2.0) -> Path:
    with wave.open(os.fspath(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(bytes(2 * round(seconds * 16000)))
    return path


def _write_video_only(path: Path) -> Path:
    with av.open(os.fspath(path), "w") as out:
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        for i in range(10):
            img = np.full((120, 160, 3), (i * 25, 90, 160), dtype=np.uint8)
            img[40:80, 60:100] = 255
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


# --- thumbnails --------------------------------------------------------------------------------


def test_thumbnail_of_a_video_is_a_real_picture(shared_media: Path, tmp_path: Path) -> None:
    out = make_thumbnail(shared_media / VIDEO, tmp_path / "thumb.png")
    image = _read_png(out)
    assert image.shape == (180, 320, 3)  # 1280x720 scaled to 320 wide, aspect kept
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert float(gray.std()) > 3  # the timecode is on it: not one flat colour
    assert len(np.unique(image.reshape(-1, 3), axis=0)) > 20


def test_thumbnail_at_a_time_into_a_non_ascii_path(shared_media: Path, tmp_path: Path) -> None:
    source = Path(shutil.copy(shared_media / BUNNY, tmp_path / "мультфильм с кроликом.mp4"))
    out = tmp_path / "превью кадры" / "кадр 1.png"
    assert make_thumbnail(source, out, at_s=2.0, width=160) == out
    image = _read_png(out)
    assert image.shape == (120, 160, 3)
    assert float(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).std()) > 20  # a detailed cartoon frame


def test_thumbnail_past_the_end_still_shows_a_frame(shared_media: Path, tmp_path: Path) -> None:
    out = make_thumbnail(shared_media / BUNNY, tmp_path / "late.png", at_s=999.0)
    assert _read_png(out).shape == (240, 320, 3)


def test_pyav_fallback_gives_the_frame_opencv_gives(shared_media: Path) -> None:
    # OpenCV can fail where FFmpeg through PyAV works (odd paths/codecs): both must agree
    from desktop_app.media.pictures import _frame_with_opencv, _frame_with_pyav

    by_opencv = _frame_with_opencv(shared_media / BUNNY, 2.0)
    by_pyav = _frame_with_pyav(shared_media / BUNNY, 2.0)
    assert by_opencv is not None and by_pyav.shape == by_opencv.shape == (240, 320, 3)
    assert float(np.abs(by_pyav.astype(int) - by_opencv).mean()) < 2.0
    assert _frame_with_pyav(shared_media / BUNNY, 999.0).shape == (240, 320, 3)


def test_thumbnail_errors_name_the_file(shared_media: Path, tmp_path: Path) -> None:
    with pytest.raises(MediaError, match=r"jfk\.flac: has no video picture"):
        make_thumbnail(shared_media / JFK, tmp_path / "x.png")
    bogus = tmp_path / "holiday.mp4"
    bogus.write_text("not a video at all")
    with pytest.raises(MediaError, match=r"holiday\.mp4: not a media file FFmpeg can read"):
        make_thumbnail(bogus, tmp_path / "y.png")
    with pytest.raises(MediaError, match=r"missing\.mp4: file not found"):
        make_thumbnail(tmp_path / "missing.mp4", tmp_path / "z.png")
    assert not (tmp_path / "x.png").exists()


# --- waveforms ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), [(320, 180), (480, 96)])
def test_waveform_card_has_the_requested_size_and_accent_bars(
    shared_media: Path, tmp_path: Path, width: int, height: int
) -> None:
    out = make_waveform(shared_media / STEREO, tmp_path / "wave.png", width=width, height=height)
    image = _read_png(out)
    assert image.shape == (height, width, 4)
    assert image[0, 0, 3] == 0  # rounded corner: transparent
    assert image[height // 2, 2, 3] == 255  # the card itself is opaque
    assert _pixels_of(image, CARD_COLOUR) > width * height * 0.3
    assert _pixels_of(image, ACCENT_COLOUR) > width * height * 0.05


def test_waveform_follows_the_sound(shared_media: Path, tmp_path: Path) -> None:
    speech = _read_png(make_waveform(shared_media / JFK, tmp_path / "speech.png"))
    silent_wav = _write_silence(tmp_path / "silence.wav")
    silence = _read_png(make_waveform(silent_wav, tmp_path / "silence.png"))
    assert _pixels_of(speech, ACCENT_COLOUR) > 10 * _pixels_of(silence, ACCENT_COLOUR)
    # silence is a thin line of dots: nothing far from the centre
    rows = np.nonzero(np.all(silence[..., :3] == ACCENT_COLOUR[::-1], axis=-1))[0]
    assert rows.size and np.abs(rows - 90).max() <= 2


def test_waveform_of_a_video_without_sound_fails_clearly(tmp_path: Path) -> None:
    clip = _write_video_only(tmp_path / "mute clip.mp4")
    with pytest.raises(MediaError, match=r"mute clip\.mp4: contains no audio"):
        make_waveform(clip, tmp_path / "w.png")


def test_audio_peaks_show_speech_silence_and_the_last_word(shared_media: Path) -> None:
    peaks = audio_peaks(shared_media / VIDEO, 106)  # 0.4 s per bucket over 42.4 s
    assert peaks.shape == (106,) and peaks.dtype == np.float32
    assert float(peaks.min()) >= 0.0 and float(peaks.max()) <= 1.0
    speech, silence, banana = peaks[5:40], peaks[45:95], peaks[100:103]
    assert float(np.median(speech)) > 0.05
    assert float(silence.max()) < 0.01  # digital silence from 17 s to 40 s
    assert float(banana.max()) > 0.05


def test_audio_peaks_stretch_short_audio_over_many_buckets(shared_media: Path) -> None:
    peaks = audio_peaks(shared_media / "en/cmu_goforward.wav", 2000)  # more buckets than 10 ms
    assert peaks.shape == (2000,)
    assert float(peaks.max()) > 0.1


# --- choosing the picture ----------------------------------------------------------------------


def test_picture_for_chooses_thumbnail_or_waveform(shared_media: Path, tmp_path: Path) -> None:
    video = _read_png(
        picture_for(shared_media / BUNNY, probe(shared_media / BUNNY), tmp_path / "v.png")
    )
    audio = _read_png(
        picture_for(shared_media / JFK, probe(shared_media / JFK), tmp_path / "a.png")
    )
    assert video.shape == (240, 320, 3)
    assert _pixels_of(video, ACCENT_COLOUR) < 50
    assert audio.shape == (180, 320, 4)
    assert _pixels_of(audio, ACCENT_COLOUR) > 1000
    mute = _write_video_only(tmp_path / "mute.mp4")
    assert _read_png(picture_for(mute, probe(mute), tmp_path / "m.png")).shape == (240, 320, 3)
