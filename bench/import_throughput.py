"""Import throughput for a 1 GB recording: the app's import (probe, hash + copy, picture, rows)
against a plain file copy of the same file in the same run (the baseline).

Run: .venv/bin/python bench/import_throughput.py [--size-mb 1024] [--dir /tmp]
"""

from __future__ import annotations

import argparse
import shutil
import struct
import tempfile
import time
from pathlib import Path

import numpy as np

from desktop_app.wiring import build_services


def write_wav(path: Path, size_bytes: int, rate: int = 48_000, channels: int = 2) -> float:
    """A real PCM WAV of about `size_bytes` (speech-like noise bursts); returns its duration."""
    frames = (size_bytes - 44) // (2 * channels)
    data_len = frames * 2 * channels
    header = b"RIFF" + struct.pack("<I", 36 + data_len) + b"WAVEfmt " + struct.pack(
        "<IHHIIHH", 16, 1, channels, rate, rate * channels * 2, channels * 2, 16) + b"data" + \
        struct.pack("<I", data_len)
    rng = np.random.default_rng(7)
    block = (rng.standard_normal((rate * 10, channels)) * 3000).astype("<i2")
    block[: rate * 3] //= 20  # pauses, so the waveform is not a flat band
    raw = block.tobytes()
    with open(path, "wb") as fh:
        fh.write(header)
        left = data_len
        while left > 0:
            chunk = raw[: min(len(raw), left)]
            fh.write(chunk)
            left -= len(chunk)
    return frames / rate


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--dir", default=tempfile.gettempdir())
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        root = Path(tmp)
        src = root / "long interview.wav"
        duration = write_wav(src, args.size_mb * 1024 * 1024)
        size_mb = src.stat().st_size / 1e6
        t0 = time.perf_counter()
        shutil.copyfile(src, root / "baseline-copy.wav")
        base_s = time.perf_counter() - t0
        (root / "baseline-copy.wav").unlink()
        services = build_services(root / "library")
        customer = services.library.add_customer(name="Bench customer")
        t0 = time.perf_counter()
        results = services.importer.import_many([src], customer_id=customer.id)
        app_s = time.perf_counter() - t0
        assert results[0].ok, results[0].error
        print(f"file: {size_mb:.0f} MB WAV, {duration / 60:.1f} min of audio")
        print(f"baseline shutil.copyfile: {base_s:.2f} s = {size_mb / base_s:.0f} MB/s")
        print(f"closer import (probe + sha256 + copy + fsync + waveform + rows): {app_s:.2f} s "
              f"= {size_mb / app_s:.0f} MB/s")
        print(f"ratio app/baseline throughput: {base_s / app_s:.2f}")


if __name__ == "__main__":
    main()
