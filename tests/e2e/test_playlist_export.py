"""Onboarding playlists exported through the real CLI: MP4s, an offline index.html, one joined MP4.

The page is opened in headless Chromium (its DOM is read back) to check that every video and
caption file it points at exists beside it; without Chromium the file is parsed with
html.parser instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import av
import pytest

from desktop_app.ui.player.parts import format_clock
from tests.e2e.test_reels_cli import cli_library, highlight, run_json
from tests.unit.test_reels_service import decode_facts


class _Page(HTMLParser):
    """What a person sees on the page: videos, caption tracks, titles, texts, resources."""

    def __init__(self) -> None:
        super().__init__()
        self.videos: list[str] = []
        self.tracks: list[str] = []
        self.links: list[str] = []
        self.external: list[str] = []
        self.titles: list[str] = []
        self.text: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "video":
            self.videos.append(a.get("src") or "")
        elif tag == "track":
            self.tracks.append(a.get("src") or "")
        elif tag == "a":
            self.links.append(a.get("href") or "")
        elif tag in ("link", "img", "iframe") or (tag == "script" and a.get("src")):
            self.external.append(tag)
        self._in_h2 = tag == "h2"

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data: str) -> None:
        if self._in_h2:
            self.titles.append(data.strip())
        self.text.append(data)


def read_page(index: Path) -> tuple[_Page, str]:
    """The page as the browser built it (headless Chromium), or as parsed from the file."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser:
        done = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--dump-dom", index.as_uri()],
            capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0 and "<video" in done.stdout, done.stderr[-2000:]
        html, how = done.stdout, "chromium"
    else:  # no browser on this machine: read the file as it is
        warnings.warn("chromium not found: index.html parsed with html.parser", stacklevel=2)
        html, how = index.read_text(encoding="utf-8"), "html.parser"
    page = _Page()
    page.feed(html)
    return page, how


def duration(path: Path) -> float:
    with av.open(os.fspath(path)) as c:
        return c.duration / av.time_base


@pytest.fixture()
def library(closer_home: Path, shared_media: Path,
            capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    return cli_library(capsys, shared_media)


def test_playlist_exports_an_offline_folder_and_one_joined_video(
        library: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    h1 = highlight(capsys, library["video"], "this is an example video")
    h2 = highlight(capsys, library["jfk"], "ask what you can do for your country")
    rc, r1 = run_json(capsys, "reel", "create", "Slow answers", "--highlight", str(h1["id"]),
                      "--title", "Waiting on hold", "--subtitle", "Support, Q4")
    rc, r2 = run_json(capsys, "reel", "create", "Возвраты: голос клиента", "--highlight",
                      str(h2["id"]))
    run_json(capsys, "reel", "set", str(r1["id"]), "--captions", "none")
    run_json(capsys, "reel", "set", str(r2["id"]), "--captions", "soft")
    rc, pl = run_json(capsys, "playlist", "create", "Support onboarding", "--role",
                      "Support agent", "--description", "Your first week: real customers.")
    assert rc == 0 and (pl["name"], pl["role"], pl["items"]) == ("Support onboarding",
                                                                 "Support agent", [])
    pid = str(pl["id"])
    run_json(capsys, "playlist", "add", pid, str(r1["id"]), "--text",
             "Listen first & answer <fast>.\n\nThen write it down.")
    rc, pl = run_json(capsys, "playlist", "add", pid, str(r2["id"]), "--text",
                      "Как звучит возврат.", "--position", "0")
    assert [i["reel_id"] for i in pl["items"]] == [r2["id"], r1["id"]]
    rc, pl = run_json(capsys, "playlist", "move", str(pl["items"][0]["id"]), "1")
    assert [i["reel_id"] for i in pl["items"]] == [r1["id"], r2["id"]]
    out = tmp_path / "onboarding"
    # onboarding material needs onboarding consent, which nobody has given yet
    rc, refused = run_json(capsys, "playlist", "export", pid, "--out", str(out))
    assert rc == 2 and "cannot be exported until consent is resolved" in refused["error"]
    assert f"clip 1 (John Kennedy, interview {library['jfk']}): no consent recorded for " \
           "onboarding viewing" in refused["error"]
    assert not out.exists()
    run_json(capsys, "consent", "set", str(library["video"]), "--onboarding", "--given-by",
             "Anna")
    run_json(capsys, "consent", "set", str(library["jfk"]), "--public", "--method", "form")

    rc, result = run_json(capsys, "playlist", "export", pid, "--out", str(out), "--joined")
    assert rc == 0, result
    files = [Path(r["path"]) for r in result["reels"]]
    assert [f.name for f in files] == ["01-slow-answers.mp4", "02-возвраты-голос-клиента.mp4"]
    reels_s = []
    for f, r in zip(files, (r1, r2), strict=True):
        facts = decode_facts(f)
        assert (facts["vcodec"], facts["acodec"]) == ("h264", "aac")
        clip_s = sum(i["end"] - i["start"] for i in r["items"])
        assert facts["duration"] == pytest.approx(clip_s + 3.0, abs=0.1)  # + its title card
        reels_s.append(facts["duration"])

    page, _ = read_page(out / "index.html")
    assert len(page.videos) == 2 and page.external == []
    for src in page.videos + page.tracks + page.links:
        assert "://" not in src and (out / unquote(src)).is_file(), src
    assert [unquote(v) for v in page.videos] == [f.name for f in files]
    assert page.tracks == ["02-%D0%B2%D0%BE%D0%B7%D0%B2%D1%80%D0%B0%D1%82%D1%8B-%D0%B3%D0%BE"
                           "%D0%BB%D0%BE%D1%81-%D0%BA%D0%BB%D0%B8%D0%B5%D0%BD%D1%82%D0%B0.vtt"]
    # titled by the names HR gave the reels, not by their title cards' text
    assert page.titles[:2] == ["Slow answers", "Возвраты: голос клиента"]
    text = " ".join(" ".join(page.text).split())
    for r in result["reels"]:  # each length as the player shows it
        assert format_clock(r["duration_s"]) in text
    for expected in ("Support onboarding", "Support agent", "Your first week: real customers.",
                     "Listen first & answer <fast>.", "Then write it down.",
                     "Как звучит возврат."):
        assert expected in text
    raw = (out / "index.html").read_text(encoding="utf-8")
    assert "http://" not in raw and "https://" not in raw

    joined = out / "all-reels.mp4"
    assert result["joined"] == str(joined) and "all-reels.mp4" in page.links
    facts = decode_facts(joined)
    assert (facts["vcodec"], facts["acodec"], facts["subs"]) == ("h264", "aac", ["mov_text"])
    assert facts["duration"] == pytest.approx(3.0 + sum(reels_s), abs=0.1)
    cues = joined.with_suffix(".vtt").read_text(encoding="utf-8")
    first_cue = cues.split("\n\n")[1].split(" --> ")[0]
    h, m, s = first_cue.split(":")
    assert float(s) + 60 * int(m) + 3600 * int(h) >= 3.0 + reels_s[0] + 3.0  # in reel 2's clip
    assert "country" in cues
    rc, jobs = run_json(capsys, "jobs")
    assert [(j["kind"], j["status"]) for j in jobs] == [("export_playlist", "done"),
                                                        ("export_playlist", "failed")]
    rc, lists = run_json(capsys, "playlists")
    assert [(p_["name"], len(p_["items"])) for p_ in lists] == [("Support onboarding", 2)]


def test_export_refuses_empty_playlists_and_bad_folders(library: dict[str, int],
                                                        tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    rc, pl = run_json(capsys, "playlist", "create", "Empty")
    pid = str(pl["id"])
    rc, out = run_json(capsys, "playlist", "export", pid, "--out", str(tmp_path / "x"))
    assert rc == 2 and out["error"] == "Playlist 'Empty' has no reels yet."
    rc, out = run_json(capsys, "playlist", "add", pid, "999")
    assert rc == 2 and out["error"] == "Reel 999 does not exist."
    rc, r = run_json(capsys, "reel", "create", "Nothing yet")
    run_json(capsys, "playlist", "add", pid, str(r["id"]))
    rc, out = run_json(capsys, "playlist", "export", pid, "--out", str(tmp_path / "x"))
    assert rc == 2 and "Reel 'Nothing yet' has no clips yet" in out["error"]
    rc, out = run_json(capsys, "playlist", "add", pid, str(r["id"]))
    assert out["error"] == "Reel 'Nothing yet' is already in playlist 'Empty'."
    run_json(capsys, "reel", "add", str(r["id"]), "--interview", str(library["video"]),
             "--start", "0", "--end", "1")
    run_json(capsys, "consent", "set", str(library["video"]), "--onboarding")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    rc, out = run_json(capsys, "playlist", "export", pid, "--out", str(blocker))
    assert rc == 2 and out["error"] == f"{blocker}: is a file, not a folder to export the " \
                                       "playlist into."
    assert not (tmp_path / "x").exists()
