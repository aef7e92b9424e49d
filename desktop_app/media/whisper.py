"""faster-whisper adapter: lazily transcribe a 16 kHz mono float32 array into timed words.

`WhisperEngine.transcribe` returns the detected language at once and the segments as a lazy
iterator (the model works while the caller iterates, so a job can report progress and stop
between segments). All times are seconds on the caller's timeline: `offset_s` is added so a job
resumed on a slice of the audio keeps its original times. Word timestamps are always on; words
are monotonic and lie inside their segment.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from faster_whisper import BatchedInferencePipeline, WhisperModel
from faster_whisper.tokenizer import _LANGUAGE_CODES

from desktop_app.domain.errors import ValidationError
from desktop_app.media.models import DEFAULT_MODEL, ProgressCallback, load_model

SAMPLE_RATE = 16_000
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(_LANGUAGE_CODES)
_AUTO = frozenset({"", "auto"})
_CHUNK_S = 30.0


class UnsupportedLanguageError(ValidationError):
    """The requested language code is unknown to Whisper or to the chosen model."""


@dataclass(frozen=True)
class Word:
    """One recognised word; `word` keeps Whisper's leading space (" And"), so words join as-is."""

    start: float
    end: float
    word: str
    probability: float


@dataclass(frozen=True)
class Segment:
    """A stretch of speech with its stripped text and its words."""

    start: float
    end: float
    text: str
    words: tuple[Word, ...]


@dataclass(frozen=True)
class TranscriptionInfo:
    """Language found (or forced) and the end of the audio on the caller's timeline."""

    language: str
    language_probability: float
    duration_s: float


def normalize_language(
    language: str | None, *, multilingual: bool = True, model_name: str = "this model"
) -> str | None:
    """None for automatic detection ("auto", "" or None), else a supported lower-case code."""
    code = (language or "").strip().lower()
    if code in _AUTO:
        return None
    if code not in _LANGUAGE_CODES:
        raise UnsupportedLanguageError(
            f"Unsupported language code '{language}': use a Whisper code such as 'en' or 'ru', "
            "or 'auto' to detect it"
        )
    if not multilingual and code != "en":
        raise UnsupportedLanguageError(
            f"Model '{model_name}' understands English only and cannot transcribe language "
            f"'{code}': choose a multilingual model such as 'base'"
        )
    return code


def _as_mono_float32(audio: np.ndarray) -> np.ndarray:
    array = np.asarray(audio, dtype=np.float32)
    if array.ndim == 2 and 1 in array.shape:
        array = array.reshape(-1)
    if array.ndim != 1:
        raise ValueError(f"expected mono audio (1-D array), got shape {array.shape}")
    return np.ascontiguousarray(array)


def _fixed_windows(duration_s: float) -> list[dict[str, float]]:
    """30 s windows for the batched pipeline when VAD is off (it needs clip timestamps)."""
    windows = []
    start = 0.0
    while start < duration_s:
        end = min(start + _CHUNK_S, duration_s)
        windows.append({"start": start, "end": end})
        start = end
    return windows


def _seconds(value: float, offset_s: float) -> float:
    return round(float(value) + offset_s, 3)


def _timed_segments(raw_segments: Iterable[Any], offset_s: float) -> Iterator[Segment]:
    """Shift by `offset_s`, round to ms and clamp so words are monotonic and inside segments."""
    previous_end = round(offset_s, 3)
    for raw in raw_segments:
        text = raw.text.strip()
        start = max(_seconds(raw.start, offset_s), previous_end)
        end = max(_seconds(raw.end, offset_s), start)
        words: list[Word] = []
        cursor = start
        for raw_word in raw.words or ():
            word_start = min(max(_seconds(raw_word.start, offset_s), cursor), end)
            word_end = min(max(_seconds(raw_word.end, offset_s), word_start), end)
            words.append(Word(word_start, word_end, raw_word.word, float(raw_word.probability)))
            cursor = word_end
        if not text and not words:
            continue
        previous_end = end
        yield Segment(start, end, text, tuple(words))


class WhisperEngine:
    """A loaded faster-whisper model and the one way the app transcribes with it."""

    def __init__(self, model: WhisperModel, *, name: str = "") -> None:
        self.model = model
        self.name = name or "model"
        self._batched: BatchedInferencePipeline | None = None

    @classmethod
    def load(
        cls,
        name_or_path: str = DEFAULT_MODEL,
        *,
        cpu_threads: int = 2,
        compute_type: str = "int8",
        cache_dir: Path | None = None,
        progress: ProgressCallback | None = None,
    ) -> WhisperEngine:
        """Load a bundled model, a model folder or a hub name (raises ModelError)."""
        model = load_model(
            name_or_path,
            cpu_threads=cpu_threads,
            compute_type=compute_type,
            cache_dir=cache_dir,
            progress=progress,
        )
        return cls(model, name=name_or_path)

    @property
    def multilingual(self) -> bool:
        return bool(self.model.model.is_multilingual)

    @property
    def supported_languages(self) -> tuple[str, ...]:
        return SUPPORTED_LANGUAGES if self.multilingual else ("en",)

    def transcribe(
        self,
        audio: np.ndarray,
        *,
        language: str | None,
        initial_prompt: str | None = None,
        vad: bool = False,
        batched: bool = False,
        offset_s: float = 0.0,
        beam_size: int = 5,
        batch_size: int = 8,
    ) -> tuple[TranscriptionInfo, Iterator[Segment]]:
        """Transcribe 16 kHz mono float32 `audio`; segments come lazily while iterating.

        `language` None/"auto" detects it. `offset_s` is added to every time, and
        `TranscriptionInfo.duration_s` is `offset_s` plus the length of `audio`.
        """
        code = normalize_language(language, multilingual=self.multilingual, model_name=self.name)
        if offset_s < 0:
            raise ValueError(f"offset_s must be >= 0, got {offset_s}")
        samples = _as_mono_float32(audio)
        duration = samples.shape[0] / SAMPLE_RATE
        prompt = initial_prompt.strip() if initial_prompt and initial_prompt.strip() else None
        if samples.shape[0] == 0:
            info = TranscriptionInfo(code or "", 1.0 if code else 0.0, round(offset_s, 3))
            return info, iter(())

        options: dict[str, Any] = {
            "language": code,
            "initial_prompt": prompt,
            "beam_size": beam_size,
            "word_timestamps": True,
            "vad_filter": vad,
        }
        if batched:
            if self._batched is None:
                self._batched = BatchedInferencePipeline(self.model)
            if not vad:
                options["clip_timestamps"] = _fixed_windows(duration)
            raw_segments, raw_info = self._batched.transcribe(
                samples, batch_size=batch_size, **options
            )
        else:
            raw_segments, raw_info = self.model.transcribe(samples, **options)

        info = TranscriptionInfo(
            language=str(raw_info.language),
            language_probability=float(raw_info.language_probability),
            duration_s=round(offset_s + duration, 3),
        )
        return info, _timed_segments(raw_segments, offset_s)
