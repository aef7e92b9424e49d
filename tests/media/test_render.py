"""Rendering highlight reels for real, checked by decoding every output with PyAV.

The main source is a 60 s 1280x720 H.264 video made here whose frames carry their own index
as a barcode and whose audio clicks at known frames: cuts must land on the requested frame and
sound must stay in sync. Real speech video (auto-editor's example) and real speech audio (JFK)
cover captions and the audio-only card.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from desktop_app.domain.errors import JobCancelled, ValidationError
from desktop_app.domain.media import MediaError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.reel_plan import (
    CaptionCue,
    CaptionWord,
    CardSpec,
    ClipSpec,
    ReelPlan,
    RenderOptions,
    RenderResult,
    caption_cues,
    srt_text,
    vtt_text,
)
from desktop_app.media.captions_draw import caption_band
from desktop_app.media.counter_pattern import (
    CLICK_PHASE,
    click_times,
    make_counter_video,
    read_counter,
)
from desktop_app.media.render import render_reel
from desktop_app.media.render_audio import decode_range, integrated_loudness

FPS = 30
CLIP_STARTS = (1.0, 10.6, 22.3, 35.0, 47.9)  # none on a click, none on a GOP boundary but one
VIDEO = "video/auto-editor_example.mp4"
JFK = "en/jfk.flac"


@pytest.fixture(scope="session")
def counter_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 s of 1280x720 H.264 (B-frames, 1 s GOPs) + AAC, every frame numbered."""
    return make_counter_video(tmp_path_factory.mktemp("src") / "counter.mp4", seconds=60.0)


def _five_clips(src: Path) -> tuple[ClipSpec, ...]:
    return tuple(ClipSpec(src, True, s, s + 6.0) for s in CLIP_STARTS)


def _decode(path: Path) -> tuple[list[int], dict[str, object]]:
    """Frame counters of every picture, plus stream facts."""
    with av.open(os.fspath(path)) as c:
        v = c.streams.video[0]
        facts: dict[str, object] = {
            "vcodec": v.codec_context.name,
            "pix_fmt": v.codec_context.pix_fmt,
            "size": (v.codec_context.width, v.codec_context.height),
            "acodec": c.streams.audio[0].codec_context.name if c.streams.audio else None,
            "subs": [s.codec_context.name for s in c.streams.subtitles],
            "duration": c.duration / av.time_base,
        }
        counters = [read_counter(f) for f in c.decode(v)]
    return counters, facts


def _expected_counters(result: RenderResult) -> list[int]:
    out: list[int] = []
    for p in result.clips:
        first = round(p.source_start * FPS)
        out += list(range(first, first + round((p.out_end - p.out_start) * FPS)))
    return out


def _gray_frames(path: Path, near_s: float, indexes: set[int]) -> list[np.ndarray]:
    """Luma of the frames at `indexes` (0-based, 30 fps), seeking close to `near_s` first."""
    out = []
    with av.open(os.fspath(path)) as c:
        stream = c.streams.video[0]
        c.seek(int((near_s - 1.0) / stream.time_base), stream=stream, backward=True)
        for f in c.decode(stream):
            index = round(f.time * FPS)
            if index in indexes:
                out.append(f.to_ndarray(format="gray"))
            if index >= max(indexes):
                break
    return out


def _no_leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_render_cuts_are_frame_exact_and_sound_stays_in_sync(
    counter_video: Path, tmp_path: Path
) -> None:
    card = CardSpec("Onboarding, in their words", "Five customers", seconds=2.0)
    plan = ReelPlan(
        _five_clips(counter_video),
        title_card=card,
        options=RenderOptions(captions="none", smart=False),
    )
    seen: list[Progress] = []
    out = tmp_path / "reel.mp4"
    result = render_reel(plan, out, progress=seen.append)

    counters, facts = _decode(out)
    assert facts["vcodec"] == "h264" and facts["acodec"] == "aac"
    assert facts["pix_fmt"] == "yuv420p" and facts["size"] == (1280, 720)
    assert abs(float(facts["duration"]) - 32.0) <= 0.1  # type: ignore[arg-type]
    assert abs(result.duration_s - 32.0) <= 0.1
    assert result.copied_s == 0
    # MP4 with faststart: the index comes before the media data, so browsers play at once
    head = out.read_bytes()[:2_000_000]
    assert 0 <= head.find(b"moov") < head.find(b"mdat")

    pictures = counters[2 * FPS :]  # after the title card
    for placement, start in zip(result.clips, CLIP_STARTS, strict=True):
        first = pictures[round((placement.out_start - 2.0) * FPS)]
        assert abs(first - round(start * FPS)) <= 1, (start, first)
    assert pictures == _expected_counters(result)  # every frame, not only the first

    audio = decode_range(out, 0.0, round(result.duration_s * 48000))[0]
    clicks = click_times(audio, 48000)
    shown = [2.0 + i / FPS for i, n in enumerate(pictures) if n % FPS == CLICK_PHASE]
    assert len(shown) == 30 and len(clicks) == 30
    worst = max(min(abs(c - t) for c in clicks) for t in shown)
    assert worst <= 0.040, f"audio off by {worst * 1000:.1f} ms"

    done = [p.done for p in seen]
    assert done == sorted(done) and seen[-1].done == pytest.approx(result.duration_s)


def test_smart_render_copies_whole_gops_and_stays_frame_exact(
    counter_video: Path, tmp_path: Path
) -> None:
    words = (CaptionWord(11.0, 11.4, "Привет,"), CaptionWord(11.5, 12.0, "world."))
    clips = list(_five_clips(counter_video))
    clips[1] = ClipSpec(counter_video, True, 10.6, 16.6, words=words)
    clips[3] = ClipSpec(counter_video, True, 35.0, 41.0, lower_third=("Maria", "Operations"))
    plan = ReelPlan(tuple(clips), title_card=CardSpec("Smart", seconds=1.0),
                    options=RenderOptions(captions="soft", smart=True))
    out = tmp_path / "smart.mp4"
    result = render_reel(plan, out)

    counters, facts = _decode(out)
    # most of every clip came from the source untouched; the lower third's 3 s were redrawn
    assert 17.0 <= result.copied_s <= 27.0
    assert counters[FPS:] == _expected_counters(result)
    assert facts["vcodec"] == "h264" and facts["pix_fmt"] == "yuv420p"
    assert abs(float(facts["duration"]) - 31.0) <= 0.1  # type: ignore[arg-type]
    at = round(result.clips[3].out_start * FPS)
    pics = _gray_frames(out, result.clips[3].out_start, {at + 15, at + 105})
    plain = _gray_frames(counter_video, 35.0, {round(35.5 * FPS), round(38.5 * FPS)})
    region = np.s_[380:560, 60:500]  # where the lower third sits
    shown = np.abs(pics[0][region].astype(int) - plain[0][region]).mean()
    gone = np.abs(pics[1][region].astype(int) - plain[1][region]).mean()
    assert shown > 10 and gone < 3
    assert facts["subs"] == ["mov_text"]
    with av.open(os.fspath(out)) as c:
        texts = [
            s.dialogue.decode()
            for p in c.demux(c.streams.subtitles[0])
            for sset in ([c.streams.subtitles[0].decode2(p)] if p.size else [])
            if sset is not None
            for s in sset
        ]
    assert any("Привет, world." in t for t in texts)
    srt = out.with_suffix(".srt").read_text(encoding="utf-8")
    assert "00:00:07,400 --> " in srt and "Привет, world." in srt  # 11.0 s -> 1 + 6.0 + 0.4
    assert out.with_suffix(".vtt").read_text(encoding="utf-8").startswith("WEBVTT")
    assert {p.name for p in result.sidecars} == {"smart.srt", "smart.vtt"}
    # a different decoder agrees: the system's ffmpeg reads every frame without an error
    if Path("/usr/bin/ffmpeg").exists():
        run = subprocess.run(["/usr/bin/ffmpeg", "-v", "error", "-i", str(out), "-f", "null",
                              "-"], capture_output=True, text=True, timeout=120)
        assert run.returncode == 0 and not run.stderr.strip(), run.stderr


def test_burnt_captions_show_in_the_caption_band_only_while_spoken(
    shared_media: Path, tmp_path: Path
) -> None:
    video = shared_media / VIDEO
    words = (
        CaptionWord(0.6, 1.0, "Hello,"), CaptionWord(1.1, 1.3, "this"),
        CaptionWord(1.3, 1.5, "is"), CaptionWord(1.5, 2.1, "Привет."),
    )
    renders = {}
    for mode in ("burn", "none"):
        plan = ReelPlan((ClipSpec(video, True, 0.0, 4.0, words=words),),
                        options=RenderOptions(captions=mode, smart=False,
                                              loudness_normalize=False))
        renders[mode] = render_reel(plan, tmp_path / f"{mode}.mp4")
    frames = {}
    for mode, result in renders.items():
        with av.open(os.fspath(result.path)) as c:
            frames[mode] = [f.to_ndarray(format="gray").astype(np.int16)
                            for f in c.decode(video=0)]
    top, bottom = caption_band(720)
    diffs_in, diffs_out = [], []
    for i, (a, b) in enumerate(zip(frames["burn"], frames["none"], strict=True)):
        diff = np.abs(a - b)
        diffs_in.append((i / FPS, float(diff[top:bottom].mean())))
        diffs_out.append(float(np.delete(diff, np.s_[top:bottom], axis=0).mean()))
    cue_end = 2.1 + 0.3
    spoken = [d for t, d in diffs_in if 0.65 <= t <= cue_end - 0.05]
    silent = [d for t, d in diffs_in if t < 0.55 or t > cue_end + 0.05]
    assert min(spoken) > 3.0, "no caption drawn while the words are spoken"
    assert max(silent) < 0.5, "caption pixels outside the words' time"
    assert max(diffs_out) < 0.5, "captions changed the picture outside their band"
    srt = renders["burn"].path.with_suffix(".srt").read_text(encoding="utf-8")
    assert "Hello, this is Привет." in srt


def test_audio_only_clip_renders_a_waveform_card_with_normalised_sound(
    shared_media: Path, tmp_path: Path
) -> None:
    plan = ReelPlan(
        (ClipSpec(shared_media / JFK, False, 0.0, 8.0, lower_third=("JFK", "Speech")),),
        end_card=CardSpec("Thanks"),
        options=RenderOptions(captions="none", height=1080),
    )
    out = tmp_path / "audio.mp4"
    result = render_reel(plan, out)
    with av.open(os.fspath(out)) as c:
        v = c.streams.video[0]
        assert (v.codec_context.width, v.codec_context.height) == (1920, 1080)
        frame = next(f for f in c.decode(v) if f.time >= 4.0).to_ndarray(format="rgb24")
    blue = (frame[..., 2] > 180) & (frame[..., 0] < 140)  # the accent-coloured bars
    assert blue[200:700].mean() > 0.01 and blue[:150].mean() == 0  # bars in the card box
    assert frame.mean() < 90  # a calm dark card, not a blank or white frame
    audio = decode_range(out, 0.0, round(8.0 * 48000))
    loudness = integrated_loudness(audio)
    assert loudness is not None and abs(loudness - (-16.0)) < 1.5
    assert abs(result.duration_s - 11.0) < 0.05


def test_sources_of_other_shapes_are_scaled_and_padded_to_16_9(
    shared_media: Path, tmp_path: Path
) -> None:
    # Big Buck Bunny is 320x240 with 4:3 pixels (16:9 on screen) and 6-channel sound
    bunny = shared_media / "video/big_buck_bunny_small_nospeech.mp4"
    square = make_counter_video(tmp_path / "square.mp4", seconds=2.0, width=640, height=480)
    plan = ReelPlan(
        (ClipSpec(bunny, True, 1.0, 3.0), ClipSpec(square, True, 0.0, 2.0)),
        options=RenderOptions(smart=True),
    )
    result = render_reel(plan, tmp_path / "mixed.mp4")
    with av.open(os.fspath(result.path)) as c:
        assert c.streams.audio[0].codec_context.channels == 2
        frames = [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]
    assert len(frames) == 4 * FPS and result.copied_s == 0
    wide, narrow = frames[FPS], frames[3 * FPS]
    assert wide.shape == narrow.shape == (720, 1280, 3)
    assert wide[:, :150].mean() > 40 and wide[:, -150:].mean() > 40  # fills the frame
    assert narrow[:, :150].max() < 30 and narrow[:, -150:].max() < 30  # black pillarbox
    assert narrow[:, 200:1080].mean() > 40  # the 4:3 picture itself, 960 px wide


def test_cancel_mid_render_leaves_no_file(counter_video: Path, tmp_path: Path) -> None:
    token = CancelToken()

    def halfway(p: Progress) -> None:
        if p.done > 3.0:
            token.cancel()

    plan = ReelPlan(_five_clips(counter_video), options=RenderOptions(captions="burn"))
    out = tmp_path / "cancelled.mp4"
    with pytest.raises(JobCancelled):
        render_reel(plan, out, cancel=token, progress=halfway)
    assert _no_leftovers(tmp_path, set()) == []


def test_unwritable_output_fails_before_any_work(counter_video: Path, tmp_path: Path) -> None:
    plan = ReelPlan(_five_clips(counter_video))
    calls: list[Progress] = []
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    for target, reason in (
        (tmp_path / "missing" / "reel.mp4", "does not exist"),
        (blocker / "reel.mp4", "does not exist"),
        (tmp_path, "folder"),
        (tmp_path / "reel.avi", ".mp4"),
    ):
        with pytest.raises(MediaError, match=reason):
            render_reel(plan, target, progress=calls.append)
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(MediaError, match="permission denied"):
            render_reel(plan, locked / "reel.mp4", progress=calls.append)
    assert calls == []
    assert _no_leftovers(tmp_path, {"not-a-folder", "locked"}) == []


def test_write_failure_midway_deletes_the_partial_file(
    counter_video: Path, tmp_path: Path
) -> None:
    """A file-size limit makes writes fail like a full disk would (EFBIG instead of ENOSPC)."""
    script = textwrap.dedent(f"""
        import resource, signal, sys
        from pathlib import Path
        from desktop_app.domain.media import MediaError
        from desktop_app.domain.reel_plan import ClipSpec, ReelPlan, RenderOptions
        from desktop_app.media.render import render_reel
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))
        src = Path({str(counter_video)!r})
        plan = ReelPlan((ClipSpec(src, True, 1.0, 7.0),),
                        options=RenderOptions(captions="none", smart=False))
        try:
            render_reel(plan, Path({str(tmp_path / "full.mp4")!r}))
        except MediaError as exc:
            print("MediaError:", exc)
            sys.exit(3)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 3, run.stdout + run.stderr
    assert "full.mp4" in run.stdout and "nothing was kept" in run.stdout
    assert _no_leftovers(tmp_path, set()) == []


def test_caption_cues_are_short_balanced_and_break_at_sentences() -> None:
    text = ("So the first thing we noticed was that the onboarding took far too long. "
            "Honestly, nobody on our team understood the billing page, and we gave up.")
    words = []
    t = 0.0
    for w in text.split():
        words.append(CaptionWord(t, t + 0.3, w))
        t += 0.35
    words.append(CaptionWord(t + 1.5, t + 1.8, "Later"))  # after a long pause
    cues = caption_cues(words, masked=frozenset({3}))
    assert all(len(line) <= 42 for c in cues for line in c.lines)
    assert all(1 <= len(c.lines) <= 2 for c in cues)
    assert any(c.lines[-1].endswith("too long.") for c in cues)  # sentence end closes a cue
    assert cues[-1].lines == ("Later",) and cues[-1].start == pytest.approx(t + 1.5)
    assert "\u2022\u2022\u2022" in cues[0].text and "thing" not in cues[0].text
    assert all(a.end <= b.start for a, b in zip(cues, cues[1:], strict=False))
    srt = srt_text(cues)
    assert srt.startswith("1\n00:00:00,000 --> 00:00:") and f"\n{len(cues)}\n" in srt
    vtt = vtt_text([CaptionCue(1.0, 2.5, ("a < b & c", "line two"))])
    assert vtt == "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\na &lt; b &amp; c\nline two\n"


def test_plan_rejects_nonsense_before_rendering(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="at least 0.1 s"):
        ClipSpec(tmp_path / "a.mp4", True, 5.0, 5.0)
    with pytest.raises(ValidationError, match="masked word index 3"):
        ClipSpec(tmp_path / "a.mp4", True, 0.0, 1.0, words=(CaptionWord(0, 1, "x"),),
                 masked_words=frozenset({3}))
    with pytest.raises(ValidationError, match="480"):
        RenderOptions(height=480)
    with pytest.raises(ValidationError, match="at least one clip"):
        ReelPlan(())
    assert Fraction(RenderOptions(height=1080).width, 1080) == Fraction(16, 9)


def test_clip_ranges_are_checked_against_the_recording(shared_media: Path, tmp_path: Path) -> None:
    video = shared_media / VIDEO  # 42.45 s long
    late = ReelPlan((ClipSpec(video, True, 50.0, 55.0),))
    with pytest.raises(MediaError, match="after the end of the recording"):
        render_reel(late, tmp_path / "late.mp4")
    with pytest.raises(MediaError, match="originals are never overwritten"):
        render_reel(ReelPlan((ClipSpec(video, True, 0.0, 1.0),)), video)
    tail = render_reel(ReelPlan((ClipSpec(video, True, 41.0, 45.0),),
                                options=RenderOptions(captions="none")), tmp_path / "tail.mp4")
    assert 1.3 <= tail.duration_s <= 1.5  # cut where the recording ends, no frozen frames
    assert _no_leftovers(tmp_path, {"tail.mp4"}) == []
