"""Offline model management: assembling the bundled 'base', model folders and load failures."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from desktop_app.domain.errors import CloserError
from desktop_app.domain.progress import Progress
from desktop_app.media.models import (
    BASE_MODEL_BIN_SIZE,
    BUNDLED_MODELS,
    DEFAULT_MODEL,
    ModelError,
    describe_models,
    ensure_model,
    load_model,
    models_cache_dir,
)


def test_bundled_names_and_default() -> None:
    assert BUNDLED_MODELS == ("base", "tiny.en")
    assert DEFAULT_MODEL == "base"
    assert issubclass(ModelError, CloserError)


def test_models_cache_dir_follows_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOSER_MODELS", str(tmp_path / "m"))
    assert models_cache_dir() == tmp_path / "m"
    monkeypatch.delenv("CLOSER_MODELS")
    assert models_cache_dir().parts[-2:] == ("closer", "models")


def test_base_is_assembled_once_then_reused_cheaply(tmp_path: Path) -> None:
    reports: list[Progress] = []
    first = ensure_model("base", cache_dir=tmp_path, progress=reports.append)
    folder = Path(first)
    assert folder == tmp_path / "base"
    assert (folder / "model.bin").stat().st_size == BASE_MODEL_BIN_SIZE
    for name in ("config.json", "tokenizer.json", "vocabulary.json"):
        assert (folder / name).is_file(), name
    json.loads((folder / "config.json").read_text(encoding="utf-8"))
    assert not list(folder.glob("*.tmp")), "temporary files left behind"
    assert reports and reports[-1].fraction == 1.0
    assert [r.done for r in reports] == sorted(r.done for r in reports)

    t0 = time.perf_counter()
    again = ensure_model("base", cache_dir=tmp_path, progress=reports.append)
    elapsed = time.perf_counter() - t0
    assert again == first
    assert elapsed < 0.05, f"second ensure_model took {elapsed:.3f}s (re-hashed?)"

    row = {r["name"]: r for r in describe_models(tmp_path)}["base"]
    assert row["assembled"] is True and row["languages"] == "multilingual"
    assert row["size"] == BASE_MODEL_BIN_SIZE


def test_damaged_base_is_rebuilt(tmp_path: Path) -> None:
    folder = Path(ensure_model("base", cache_dir=tmp_path))
    with open(folder / "model.bin", "r+b") as fh:
        fh.truncate(1000)
    assert {r["name"]: r for r in describe_models(tmp_path)}["base"]["assembled"] is False
    ensure_model("base", cache_dir=tmp_path)
    assert (folder / "model.bin").stat().st_size == BASE_MODEL_BIN_SIZE


def test_describe_models_lists_bundled_models(tmp_path: Path) -> None:
    rows = {r["name"]: r for r in describe_models(tmp_path)}
    assert set(rows) == set(BUNDLED_MODELS)
    assert rows["base"]["assembled"] is False  # empty cache
    assert rows["tiny.en"]["languages"] == "English only"
    assert rows["tiny.en"]["installed"] and rows["tiny.en"]["assembled"]
    assert rows["tiny.en"]["size"] > 10_000_000


def test_tiny_en_is_the_package_folder() -> None:
    folder = Path(ensure_model("tiny.en"))
    assert (folder / "model.bin").is_file() and (folder / "config.json").is_file()
    assert ensure_model(str(folder)) == str(folder)


def test_folder_without_model_bin_names_the_missing_file(tmp_path: Path) -> None:
    bogus = tmp_path / "my-model"
    bogus.mkdir()
    (bogus / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError, match=r"model\.bin missing") as err:
        ensure_model(str(bogus))
    assert "my-model" in str(err.value)

    (bogus / "config.json").unlink()
    (bogus / "model.bin").write_bytes(b"x")
    with pytest.raises(ModelError, match=r"config\.json missing"):
        ensure_model(str(bogus))


def test_missing_folder_and_empty_name(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        ensure_model(str(tmp_path / "nowhere"))
    with pytest.raises(ModelError, match="No speech model"):
        ensure_model("  ")


def test_other_names_pass_through_to_faster_whisper() -> None:
    assert ensure_model("small") == "small"
    assert ensure_model("Systran/faster-whisper-small") == "Systran/faster-whisper-small"


def test_unknown_model_offline_fails_fast(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    for name in ("large-v3", "nobody-closer/no-such-model"):
        t0 = time.perf_counter()
        with pytest.raises(ModelError) as err:
            load_model(name, cache_dir=tmp_path)
        assert time.perf_counter() - t0 < 5
        message = str(err.value)
        assert f"Model '{name}' could not be loaded" in message
        assert "offline" in message


def test_nonexistent_hub_model_fails_fast_without_offline_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Offline: the hub probe fails within seconds; online: the hub answers "not found".
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    t0 = time.perf_counter()
    with pytest.raises(ModelError, match="'nobody-closer/no-such-model' could not be loaded"):
        load_model("nobody-closer/no-such-model", cache_dir=tmp_path)
    assert time.perf_counter() - t0 < 20


def test_invalid_model_name_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="'bogus-size' could not be loaded: Invalid model size"):
        load_model("bogus-size", cache_dir=tmp_path)


def test_corrupt_weights_are_a_model_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    shutil.copy(Path(ensure_model("tiny.en")) / "config.json", broken / "config.json")
    (broken / "model.bin").write_bytes(b"\0" * 64)
    with pytest.raises(ModelError, match="could not be loaded"):
        load_model(str(broken))


def test_load_bundled_tiny_en() -> None:
    model = load_model("tiny.en", cpu_threads=2)
    assert model.model.is_multilingual is False
