"""Privacy options of reels, rendered for real: masked words bleeped and hidden, faces blurred.

Face blurring needs a face detector model (opencv-python 5 ships none) and a real face picture
(neither OpenCV's wheel nor the shared media has one): the positive test looks for a photo in
tests/data/faces/ or $CLOSER_TEST_FACES and skips, saying so, without one. The negative control
uses auto-editor's example video, which shows no face.
"""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from desktop_app.domain.media import MediaError
from desktop_app.domain.reel_plan import CaptionWord, ClipSpec, ReelPlan, RenderOptions
from desktop_app.media.faces import face_detector_name
from desktop_app.media.render import render_reel
from desktop_app.media.render_audio import decode_range

VIDEO = "video/auto-editor_example.mp4"
JFK = "en/jfk.flac"
RATE = 48000


def _detector() -> str | None:
    try:
        return face_detector_name()
    except MediaError:
        return None


def _face_photo() -> Path | None:
    folders = [Path(__file__).resolve().parents[1] / "data" / "faces"]
    if os.environ.get("CLOSER_TEST_FACES"):
        folders.insert(0, Path(os.environ["CLOSER_TEST_FACES"]))
    for folder in folders:
        if folder.is_dir():
            photos = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".png", ".jpg"))
            if photos:
                return photos[0]
    return None


def _band_energy(samples: np.ndarray, hz: float) -> float:
    """Share of the signal's energy within 60 Hz of `hz`."""
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(samples.size))) ** 2
    freqs = np.fft.rfftfreq(samples.size, 1 / RATE)
    return float(spectrum[np.abs(freqs - hz) < 60].sum() / max(spectrum.sum(), 1e-12))


def test_masked_word_is_bleeped_and_shown_as_dots(shared_media: Path, tmp_path: Path) -> None:
    words = (
        CaptionWord(0.3, 0.6, "And"), CaptionWord(0.6, 0.8, "so"), CaptionWord(0.8, 1.1, "my"),
        CaptionWord(1.1, 1.6, "fellow"), CaptionWord(1.6, 2.4, "Americans,"),
        CaptionWord(3.2, 3.6, "ask"), CaptionWord(3.6, 3.9, "not"),
    )
    plan = ReelPlan(
        (ClipSpec(shared_media / JFK, False, 0.0, 5.0, words=words,
                  masked_words=frozenset({4})),),
        options=RenderOptions(captions="soft"),
    )
    out = tmp_path / "masked.mp4"
    render_reel(plan, out)
    audio = decode_range(out, 0.0, 5 * RATE).mean(axis=0)
    bleeped = audio[round(1.7 * RATE) : round(2.3 * RATE)]
    spoken = audio[round(1.1 * RATE) : round(1.55 * RATE)]
    assert _band_energy(bleeped, 1000.0) > 0.95  # nothing but the 1 kHz tone
    assert _band_energy(spoken, 1000.0) < 0.2  # the words around it are untouched speech
    assert np.sqrt(np.mean(spoken**2)) > 0.01
    srt = out.with_suffix(".srt").read_text(encoding="utf-8")
    assert "fellow \u2022\u2022\u2022" in srt and "Americans" not in srt
    assert "Americans" not in out.with_suffix(".vtt").read_text(encoding="utf-8")
    with av.open(os.fspath(out)) as c:
        stream = c.streams.subtitles[0]
        texts = [s.dialogue.decode() for p in c.demux(stream) if p.size
                 for s in (stream.decode2(p) or [])]
    assert texts and not any("Americans" in t for t in texts)


@pytest.mark.skipif(_detector() is not None, reason="a face detector model is installed")
def test_blurring_without_a_detector_model_stops_before_any_work(
    shared_media: Path, tmp_path: Path
) -> None:
    plan = ReelPlan((ClipSpec(shared_media / VIDEO, True, 0.0, 2.0),),
                    options=RenderOptions(blur_faces=True))
    with pytest.raises(MediaError, match="face detector model"):
        render_reel(plan, tmp_path / "blur.mp4")
    assert list(tmp_path.iterdir()) == []


def _render_pair(clip: ClipSpec, tmp_path: Path) -> dict[bool, list[np.ndarray]]:
    frames: dict[bool, list[np.ndarray]] = {}
    for blur in (True, False):
        plan = ReelPlan((clip,), options=RenderOptions(captions="none", blur_faces=blur,
                                                       smart=False))
        result = render_reel(plan, tmp_path / f"blur-{blur}.mp4")
        with av.open(os.fspath(result.path)) as c:
            frames[blur] = [f.to_ndarray(format="gray") for f in c.decode(video=0)]
    return frames


@pytest.mark.skipif(_detector() is None, reason="no face detector model is installed")
def test_blur_leaves_a_video_without_faces_alone(shared_media: Path, tmp_path: Path) -> None:
    frames = _render_pair(ClipSpec(shared_media / VIDEO, True, 1.0, 3.0), tmp_path)
    for a, b in zip(frames[True], frames[False], strict=True):
        assert np.abs(a.astype(np.int16) - b).mean() < 0.3


def _face_video(photo: Path, path: Path, seconds: float = 2.0) -> tuple[Path, tuple[int, ...]]:
    """A 1280x720 video of `photo` drifting slowly; returns it and the face box in frame 0."""
    image = cv2.imread(os.fspath(photo))
    scale = 600 / max(image.shape[:2])
    image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = image.shape[:2]
    with av.open(os.fspath(path), "w") as out:
        stream = out.add_stream("libx264", rate=30, options={"preset": "ultrafast"})
        stream.width, stream.height, stream.pix_fmt = 1280, 720, "yuv420p"
        for i in range(round(seconds * 30)):
            canvas = np.full((720, 1280, 3), 40, dtype=np.uint8)
            x, y = 200 + i * 2, (720 - h) // 2
            canvas[y : y + h, x : x + w] = image
            frame = av.VideoFrame.from_ndarray(canvas, format="bgr24")
            frame.pts, frame.time_base = i, Fraction(1, 30)
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path, (200, (720 - h) // 2, w, h)


def _detail(gray: np.ndarray) -> float:
    return float(cv2.Laplacian(gray, cv2.CV_64F).var())


@pytest.mark.skipif(_detector() is None, reason="no face detector model is installed")
@pytest.mark.skipif(_face_photo() is None,
                    reason="no face photo: OpenCV's wheel and the shared media have none; "
                           "put one in tests/data/faces/ or $CLOSER_TEST_FACES")
def test_blur_hides_a_real_face_in_every_frame(tmp_path: Path) -> None:
    photo = _face_photo()
    assert photo is not None
    source, (px, py, pw, ph) = _face_video(photo, tmp_path / "face.mp4")
    frames = _render_pair(ClipSpec(source, True, 0.0, 2.0), tmp_path)
    # where the face is: found on the unblurred first frame with the detector itself
    from desktop_app.media.faces import FaceBlur

    finder = FaceBlur(1280, 720, Fraction(30))
    yuv = np.concatenate((frames[False][0], np.full((360, 1280), 128, np.uint8)))
    finder(yuv)
    assert finder.boxes, "the detector found no face in the photo"
    fx, fy, fw, fh = finder.boxes[0]
    assert px <= fx and fx + fw <= px + pw and py <= fy and fy + fh <= py + ph
    for i, (blurred, plain) in enumerate(zip(frames[True], frames[False], strict=True)):
        x = fx + 2 * i  # the photo drifts 2 px a frame
        face_b = blurred[fy + fh // 4 : fy + 3 * fh // 4, x + fw // 4 : x + 3 * fw // 4]
        face_p = plain[fy + fh // 4 : fy + 3 * fh // 4, x + fw // 4 : x + 3 * fw // 4]
        assert _detail(face_b) < 0.2 * _detail(face_p), f"face visible in frame {i}"
    # the rest of the picture keeps its detail (the blur is local)
    lower = slice(py + ph - 80, py + ph - 10)
    assert _detail(frames[True][0][lower, px + 20 : px + pw - 20]) > 0.5 * _detail(
        frames[False][0][lower, px + 20 : px + pw - 20]
    )


READING = "en/librivox_sense_and_sensibility_01_0870.wav"  # "And Mr. John Dashwood had then..."


def test_bleeped_names_do_not_come_back_when_the_render_is_transcribed_again(
    shared_media: Path, tmp_path: Path
) -> None:
    """Masks placed on tiny.en's own word timings; the render is transcribed again with every
    bundled model: no masked word comes back, and the unmasked words still do."""
    from desktop_app.domain.text import normalize_text
    from desktop_app.media.audio import decode_audio
    from desktop_app.media.models import BUNDLED_MODELS
    from desktop_app.media.whisper import WhisperEngine

    source = shared_media / READING
    tiny = WhisperEngine.load("tiny.en", cpu_threads=2)
    info, segments = tiny.transcribe(decode_audio(source), language="en")
    words = tuple(CaptionWord(w.start, w.end, w.word) for s in segments for w in s.words)
    secret = {"john", "dashwood"}
    masked = frozenset(i for i, w in enumerate(words) if normalize_text(w.text) in secret)
    assert len(masked) == 2, [w.text for w in words]
    plan = ReelPlan((ClipSpec(source, False, 0.0, info.duration_s, words=words,
                              masked_words=masked),), options=RenderOptions(captions="none"))
    out = tmp_path / "bleeped.mp4"
    render_reel(plan, out)
    for model in BUNDLED_MODELS:
        engine = tiny if model == "tiny.en" else WhisperEngine.load(model, cpu_threads=2)
        _, heard = engine.transcribe(decode_audio(out), language="en")
        text = normalize_text(" ".join(s.text for s in heard))
        assert not secret & set(text.split()), f"{model} heard: {text}"
        assert "dash" not in text and "consider" in text and "leisure" in text, text


# where the photo is in each frame of the moving-face video: it holds, jumps, moves, leaves
# and comes back somewhere else (None: not in the picture)
def _photo_at(i: int) -> tuple[int, int] | None:
    if i < 30:
        return 100, 150  # holds still
    if i < 60:
        return 760, 200  # jumped in one frame
    if i < 90:
        k = i - 60
        return 760 - 15 * k, 200 + 2 * k  # moves left, 15 px a frame
    if i < 105:
        return None  # gone
    return 820, 80  # pops back in elsewhere


MOVING_FRAMES = 135


def _moving_face_video(photo: Path, path: Path) -> tuple[Path, np.ndarray]:
    image = cv2.imread(os.fspath(photo))
    scale = 420 / max(image.shape[:2])
    image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = image.shape[:2]
    with av.open(os.fspath(path), "w") as out:
        stream = out.add_stream("libx264", rate=30, options={"preset": "ultrafast", "crf": "12"})
        stream.width, stream.height, stream.pix_fmt = 1280, 720, "yuv420p"
        for i in range(MOVING_FRAMES):
            canvas = np.full((720, 1280, 3), 40, dtype=np.uint8)
            at = _photo_at(i)
            if at is not None:
                x, y = at
                canvas[y : y + h, x : x + w] = image[: 720 - y, : 1280 - x]
            frame = av.VideoFrame.from_ndarray(canvas, format="bgr24")
            frame.pts, frame.time_base = i, Fraction(1, 30)
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path, image


@pytest.mark.skipif(_detector() is None, reason="no face detector model is installed")
@pytest.mark.skipif(_face_photo() is None, reason="no face photo in tests/data/faces/")
def test_blur_follows_a_face_that_jumps_moves_leaves_and_comes_back(tmp_path: Path) -> None:
    """Checked frame by frame: every quarter of the face is blurred in every frame it shows."""
    photo = _face_photo()
    assert photo is not None
    source, image = _moving_face_video(photo, tmp_path / "moving.mp4")
    # the face inside the photo, found by the detector itself on a still of it
    from desktop_app.media.faces import FaceBlur

    still = np.full((720, 1280), 40, np.uint8)
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    still[100 : 100 + gray.shape[0], 100 : 100 + gray.shape[1]] = gray
    finder = FaceBlur(1280, 720, Fraction(30))
    finder(np.concatenate((still, np.full((360, 1280), 128, np.uint8))))
    assert finder.boxes, "the detector found no face in the photo"
    fx, fy, fw, fh = finder.boxes[0]
    fx, fy = fx - 100, fy - 100  # relative to the photo
    frames = _render_pair(ClipSpec(source, True, 0.0, MOVING_FRAMES / 30), tmp_path)
    assert len(frames[True]) == MOVING_FRAMES
    clear: list[str] = []
    for i, (blurred, plain) in enumerate(zip(frames[True], frames[False], strict=True)):
        at = _photo_at(i)
        if at is None:
            continue
        x0, y0 = at[0] + fx + fw // 10, at[1] + fy + fh // 10
        x1, y1 = min(1280, at[0] + fx + fw - fw // 10), min(720, at[1] + fy + fh - fh // 10)
        xm, ym = (x0 + x1) // 2, (y0 + y1) // 2
        for name, (ys, xs) in {"top left": (slice(y0, ym), slice(x0, xm)),
                               "top right": (slice(y0, ym), slice(xm, x1)),
                               "bottom left": (slice(ym, y1), slice(x0, xm)),
                               "bottom right": (slice(ym, y1), slice(xm, x1))}.items():
            if _detail(blurred[ys, xs]) > 0.25 * _detail(plain[ys, xs]):
                clear.append(f"frame {i} {name}")
    assert clear == []
