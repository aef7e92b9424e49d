"""Generate the demo customer interview with espeak-ng: the grocery-delivery story from the
method's first article (English only: Whisper does not understand espeak's Russian voice).
Interviewer on the left channel, customer on the right, so per-channel speaker labels show.
Output: resources/demo/grocery_delivery_en.flac.

Run once (needs `apt-get install espeak-ng`): .venv/bin/python scripts/make_demo_interviews.py
"""

from __future__ import annotations

import io
import subprocess
import wave
from pathlib import Path

import av
import numpy as np

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "resources" / "demo"

EN = [
    ("I", "Thanks for joining us today. "
          "Tell me about the last time you ordered groceries from us."),
    ("C", "Last Tuesday I ordered coffee, and the courier brought milk instead."),
    ("I", "What did you do next?"),
    ("C", "I wrote to the support chat. They offered me a coupon and a refund, "
          "but I just wanted my coffee."),
    ("C", "Then they transferred me to another department, and I had to explain everything "
          "again."),
    ("I", "How did it end?"),
    ("C", "The agent closed the chat. I ordered again and paid twice. "
          "Nobody took responsibility."),
    ("I", "What would have been the right thing to do?"),
    ("C", "Just bring the coffee. One person who owns the problem."),
]



def speak(text: str, voice: str, speed: int) -> np.ndarray:
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "--stdout", text],
                         check=True, capture_output=True).stdout
    with wave.open(io.BytesIO(wav)) as w:
        assert w.getframerate() == RATE, w.getframerate()
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    return data.astype(np.float32) / 32768.0


def dialogue(lines: list[tuple[str, str]], lang: str) -> np.ndarray:
    voices = {"I": (f"{lang}+m3", 160), "C": (f"{lang}", 140)}
    pause = np.zeros(int(RATE * 0.6), dtype=np.float32)
    left: list[np.ndarray] = [pause]
    right: list[np.ndarray] = [pause]
    for who, text in lines:
        voice, speed = voices[who]
        clip = speak(text, voice, speed)
        silent = np.zeros_like(clip)
        left.append(clip if who == "I" else silent)
        right.append(clip if who == "C" else silent)
        left.append(pause)
        right.append(pause)
    return np.stack([np.concatenate(left), np.concatenate(right)])


def write_flac(path: Path, stereo: np.ndarray) -> None:
    pcm = (np.clip(stereo, -1, 1) * 32767).astype(np.int16)
    with av.open(str(path), "w", format="flac") as out:
        stream = out.add_stream("flac", rate=RATE, layout="stereo")
        frame = av.AudioFrame.from_ndarray(pcm.T.reshape(1, -1).copy(), format="s16",
                                           layout="stereo")
        frame.sample_rate = RATE
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def main() -> None:
    write_flac(OUT / "grocery_delivery_en.flac", dialogue(EN, "en-us"))
    print("wrote", sorted(p.name for p in OUT.glob("grocery_*")))


if __name__ == "__main__":
    main()
