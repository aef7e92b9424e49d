"""Peak memory of `closer transcribe` on a short and a long recording, measured in the same run.

The recordings are real speech (the LJ Speech reading and the LibriVox/LibriSpeech clips in
../shared/media) looped with short pauses to the asked lengths, written as 16 kHz mono FLAC.
Each is imported into its own fresh library and transcribed by the real CLI in a child process;
the child's peak RSS comes from wait4(). With windowed decoding (services/transcription.py,
WINDOW_S) the peak must not grow with the length of the recording.
Usage: python bench/transcribe_memory.py [--short-min 10] [--long-min 120] [--model tiny.en]
(10 h is the case from the issue; on 2 shared cores tiny.en runs ~10x real time, so the default
long file is 2 h.)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np

REPO = Path(__file__).resolve().parents[1]
MEDIA = Path(os.environ.get("CLOSER_SHARED_MEDIA", REPO.parent / "shared" / "media"))
CLIPS = ("en/ljspeech_LJ001-0001_to_0015_concat.flac",
         "en/librivox_sense_and_sensibility_01_0870.wav",
         "en/librispeech_2412-153948-0000.flac", "en/jfk.flac")
RATE = 16000


def speech() -> np.ndarray:
    sys.path.insert(0, str(REPO))
    from desktop_app.media.audio import decode_audio

    pause = np.zeros(RATE // 2, dtype=np.float32)
    return np.concatenate([part for clip in CLIPS
                           for part in (decode_audio(MEDIA / clip, sample_rate=RATE), pause)])


def write_long(out: Path, minutes: float, loop: np.ndarray) -> Path:
    """`minutes` of looped speech as FLAC, written frame by frame (bounded memory here too)."""
    total = int(minutes * 60 * RATE)
    with av.open(str(out), "w") as container:
        stream = container.add_stream("flac", rate=RATE, layout="mono")
        done, pos = 0, 0
        while done < total:
            n = min(RATE, total - done, loop.size - pos)
            pcm = (loop[pos : pos + n] * 32767).astype(np.int16).reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
            frame.sample_rate = RATE
            for packet in stream.encode(frame):
                container.mux(packet)
            done, pos = done + n, (pos + n) % loop.size
        for packet in stream.encode(None):
            container.mux(packet)
    return out


def closer(home: Path, *args: str) -> tuple[int, float, float]:
    """Run `closer ARGS`; (exit code, peak RSS in MB, wall seconds)."""
    env = dict(os.environ, CLOSER_HOME=str(home), PYTHONPATH=str(REPO))
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "desktop_app", *args], env=env, cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        assert proc.stderr is not None
        print(proc.stderr.read().decode(errors="replace"), file=sys.stderr)
    return proc.returncode, usage.ru_maxrss / 1024, time.monotonic() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--short-min", type=float, default=10.0)
    ap.add_argument("--long-min", type=float, default=120.0)
    ap.add_argument("--model", default="tiny.en")
    args = ap.parse_args()
    loop = speech()
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for label, minutes in (("short", args.short_min), ("long", args.long_min)):
            audio = write_long(Path(tmp) / f"{label}.flac", minutes, loop)
            home = Path(tmp) / f"library-{label}"
            rc, _, _ = closer(home, "import", str(audio), "--customer", "Bench")
            assert rc == 0, "import failed"
            rc, peak, wall = closer(home, "transcribe", "1", "--model", args.model)
            assert rc == 0, "transcription failed"
            rows.append((label, minutes, peak, wall))
            print(f"{label:<6} {minutes:7.1f} min  peak RSS {peak:7.0f} MB  "
                  f"{minutes * 60 / wall:5.1f}x real time", flush=True)
    (_, m0, p0, _), (_, m1, p1, _) = rows
    print(f"long/short: {m1 / m0:.1f}x the audio, {p1 / p0:.2f}x the peak memory "
          f"({p1 - p0:+.0f} MB)")


if __name__ == "__main__":
    main()
