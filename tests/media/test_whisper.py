"""The faster-whisper adapter on real speech with the bundled models (2 CPU threads)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from faster_whisper import decode_audio

from desktop_app.domain.errors import CloserError
from desktop_app.domain.text import normalize_text, wer
from desktop_app.media.whisper import (
    SAMPLE_RATE,
    Segment,
    TranscriptionInfo,
    UnsupportedLanguageError,
    WhisperEngine,
)

pytestmark = pytest.mark.slow

JFK = "en/jfk.flac"
RU = "ru/pisets_test_sound_ru.wav"


def _audio(shared_media: Path, rel: str) -> np.ndarray:
    return decode_audio(str(shared_media / rel), sampling_rate=SAMPLE_RATE)


def _reference(shared_media: Path, rel: str) -> str:
    return (shared_media / rel).with_suffix(".txt").read_text(encoding="utf-8").strip()


def _run(engine: WhisperEngine, audio: np.ndarray, **kw: Any) -> tuple[TranscriptionInfo, list]:
    info, segments = engine.transcribe(audio, **kw)
    return info, list(segments)


def _text(segments: list[Segment]) -> str:
    return " ".join(s.text for s in segments)


def _assert_well_timed(segments: list[Segment], lower: float, upper: float) -> None:
    previous = lower
    for seg in segments:
        assert lower <= seg.start <= seg.end <= upper + 0.05, seg
        assert seg.start >= previous - 1e-9, "segments overlap"
        assert seg.words, f"no word timestamps in {seg.text!r}"
        cursor = seg.start
        for word in seg.words:
            assert seg.start <= word.start <= word.end <= seg.end, (seg.start, seg.end, word)
            assert word.start >= cursor, f"word {word} goes back in time"
            assert 0.0 <= word.probability <= 1.0
            cursor = word.end
        assert "".join(w.word for w in seg.words).strip() == seg.text
        previous = seg.end


@pytest.fixture(scope="session")
def base_engine() -> WhisperEngine:
    # Default model cache (or $CLOSER_MODELS): 'base' is assembled once per machine.
    return WhisperEngine.load("base", cpu_threads=2)


@pytest.fixture(scope="module")
def jfk_result(base_engine: WhisperEngine, shared_media: Path) -> tuple[TranscriptionInfo, list]:
    return _run(base_engine, _audio(shared_media, JFK), language=None)


def test_base_transcribes_jfk(jfk_result: tuple[TranscriptionInfo, list], shared_media: Path):
    info, segments = jfk_result
    assert info.language == "en" and info.language_probability > 0.5
    assert info.duration_s == pytest.approx(11.0, abs=0.05)
    error = wer(_reference(shared_media, JFK), _text(segments))
    assert error < 0.10, _text(segments)
    _assert_well_timed(segments, 0.0, info.duration_s)
    words = [w for s in segments for w in s.words]
    assert all(isinstance(w.start, float) and isinstance(w.end, float) for w in words)
    assert sum(w.end > w.start for w in words) >= 0.9 * len(words), "words squashed to points"
    last = words[-1]
    assert normalize_text(last.word) == "country" and 9.0 < last.end <= 11.0


def test_base_detects_and_transcribes_russian(base_engine: WhisperEngine, shared_media: Path):
    info, segments = _run(base_engine, _audio(shared_media, RU), language="auto")
    assert info.language == "ru"
    text = normalize_text(_text(segments))
    letters = [c for c in text if c.isalpha()]
    assert letters and all("\u0400" <= c <= "\u04ff" for c in letters), text
    assert {"сети", "хорошо"} <= set(text.split()), text
    _assert_well_timed(segments, 0.0, info.duration_s)


def test_offset_shifts_every_time(
    base_engine: WhisperEngine, shared_media: Path, jfk_result: tuple[TranscriptionInfo, list]
) -> None:
    plain_info, plain = jfk_result
    info, shifted = _run(base_engine, _audio(shared_media, JFK), language=None, offset_s=100.0)
    assert info.duration_s == pytest.approx(plain_info.duration_s + 100.0)
    assert [s.text for s in shifted] == [s.text for s in plain]
    for a, b in zip(plain, shifted, strict=True):
        assert b.start == pytest.approx(a.start + 100.0, abs=0.0011)
        assert b.end == pytest.approx(a.end + 100.0, abs=0.0011)
        for wa, wb in zip(a.words, b.words, strict=True):
            assert wb.start == pytest.approx(wa.start + 100.0, abs=0.0011)
            assert wb.end == pytest.approx(wa.end + 100.0, abs=0.0011)


def test_resume_on_a_slice_keeps_original_times(base_engine: WhisperEngine, shared_media: Path):
    audio = _audio(shared_media, JFK)
    resume_at = 2.8  # after "And so my fellow Americans,"
    info, segments = _run(
        base_engine, audio[int(resume_at * SAMPLE_RATE) :], language="en", offset_s=resume_at
    )
    _assert_well_timed(segments, resume_at, info.duration_s)
    reference = "ask not what your country can do for you, ask what you can do for your country"
    assert wer(reference, _text(segments)) < 0.15, _text(segments)
    first_ask = segments[0].words[0]
    assert normalize_text(first_ask.word) == "ask"
    assert 2.8 <= first_ask.start < 4.0


def test_batched_with_vad(base_engine: WhisperEngine, shared_media: Path) -> None:
    info, segments = _run(
        base_engine, _audio(shared_media, JFK), language="en", batched=True, vad=True
    )
    assert wer(_reference(shared_media, JFK), _text(segments)) < 0.10
    _assert_well_timed(segments, 0.0, info.duration_s)


def test_batched_without_vad_handles_audio_longer_than_30s(
    base_engine: WhisperEngine, shared_media: Path
) -> None:
    jfk = _audio(shared_media, JFK)
    audio = np.concatenate([jfk, jfk, jfk])  # 33 s: two fixed windows
    info, segments = _run(base_engine, audio, language="en", batched=True, vad=False)
    assert info.duration_s == pytest.approx(33.0, abs=0.1)
    reference = " ".join([_reference(shared_media, JFK)] * 3)
    assert wer(reference, _text(segments)) < 0.2, _text(segments)
    _assert_well_timed(segments, 0.0, info.duration_s)
    assert segments[-1].end > 30.0


def test_unsupported_language_code(base_engine: WhisperEngine) -> None:
    silence = np.zeros(SAMPLE_RATE, dtype=np.float32)
    with pytest.raises(UnsupportedLanguageError, match="Unsupported language code 'xx'") as err:
        base_engine.transcribe(silence, language="xx")
    assert isinstance(err.value, CloserError)
    assert "ru" in base_engine.supported_languages


def test_empty_audio_gives_no_segments(base_engine: WhisperEngine) -> None:
    info, segments = _run(base_engine, np.zeros(0, dtype=np.float32), language="en", offset_s=5)
    assert segments == [] and info.duration_s == 5.0


def test_tiny_en_on_english_and_refuses_other_languages(shared_media: Path) -> None:
    engine = WhisperEngine.load("tiny.en", cpu_threads=2)
    assert engine.multilingual is False and engine.supported_languages == ("en",)
    clip = "en/librispeech_251-137823-0003.wav"
    info, segments = _run(engine, _audio(shared_media, clip), language=None)
    assert info.language == "en"
    assert wer(_reference(shared_media, clip), _text(segments)) < 0.2, _text(segments)
    _assert_well_timed(segments, 0.0, info.duration_s)
    with pytest.raises(UnsupportedLanguageError, match="English only"):
        engine.transcribe(_audio(shared_media, clip), language="ru")

