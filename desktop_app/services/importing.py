"""Import existing recordings: probe, hash + copy (or link) into the library, picture, interview.

Originals are never modified. The library copy is named by content hash, so importing the same
recording twice finds the first import instead of storing it again.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import select

from desktop_app.domain.errors import CloserError, NotFoundError
from desktop_app.domain.media import MEDIA_EXTENSIONS, MediaError, MediaInfo, check_media_file
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.services.claims import Claims
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Customer, Interview, MediaAsset

CHUNK = 4 * 1024 * 1024
Prober = Callable[[Path], MediaInfo]
PictureMaker = Callable[[Path, MediaInfo, Path], Path]


@dataclass(frozen=True)
class ImportResult:
    """One line of `closer import --json`."""

    path: str
    ok: bool
    interview_id: int | None = None
    duration_s: float | None = None
    has_video: bool | None = None
    has_audio: bool | None = None
    error: str | None = None
    duplicate: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _check_readable(path: Path) -> None:
    check_media_file(path)
    if not os.access(path, os.R_OK):
        raise MediaError(path, "cannot be read (permission denied)")
    if path.suffix.lower() not in MEDIA_EXTENSIONS:
        kinds = ", ".join(sorted(e.lstrip(".") for e in MEDIA_EXTENSIONS))
        raise MediaError(path, f"unsupported file type '{path.suffix or 'none'}' "
                               f"(supported: {kinds})")


def _non_empty(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def _unlinked(path: Path) -> list[Path]:
    try:
        path.unlink()
    except OSError:
        return []
    return [path]


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # Windows: os.kill(pid, 0) would send Ctrl-C
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _disk_full(exc: BaseException) -> bool:
    return getattr(exc, "errno", None) == errno.ENOSPC or "disk is full" in str(exc)


class ImportService:
    """Turns files on disk into interviews in the library."""

    def __init__(self, engine: Engine, library_dir: Path, *, probe: Prober,
                 picture: PictureMaker) -> None:
        self._engine = engine
        self._media_dir = library_dir / "media"
        self._pictures_dir = library_dir / "pictures"
        self._probe = probe
        self._picture = picture
        self._claims = Claims(library_dir / "locks")
        self._cleaned = False

    # --- batch API used by the CLI and the GUI ---------------------------------------------

    def import_many(self, paths: list[Path], *, customer_id: int,
                    recorded_at: datetime | None = None, link: bool = False,
                    cancel: CancelToken | None = None) -> list[ImportResult]:
        """Import each path; a bad file is reported and the rest of the batch goes on."""
        results = []
        for path in paths:
            try:
                for _ in self.import_iter(path, customer_id=customer_id,
                                          recorded_at=recorded_at, link=link, cancel=cancel):
                    pass
                results.append(self.last_result)
            except CloserError as exc:
                results.append(ImportResult(path=str(path), ok=False, error=str(exc)))
        return results

    def import_job(self, payload: dict[str, Any], cancel: CancelToken,
                   job_id: int) -> Iterator[Progress]:
        """Job function for kind "import"; payload: path, customer_id, recorded_at?, link?."""
        recorded = payload.get("recorded_at")
        yield from self.import_iter(
            Path(payload["path"]), customer_id=int(payload["customer_id"]),
            recorded_at=datetime.fromisoformat(recorded) if recorded else None,
            link=bool(payload.get("link")), cancel=cancel)
        return self.last_result.as_dict()

    # --- one file ----------------------------------------------------------------------------

    last_result: ImportResult

    def import_iter(self, path: Path, *, customer_id: int, recorded_at: datetime | None = None,
                    link: bool = False,
                    cancel: CancelToken | None = None) -> Iterator[Progress]:
        """Import one file, yielding byte progress; sets `last_result` when done."""
        path = Path(path).expanduser()
        cancel = cancel or CancelToken()
        if not self._cleaned:
            self.clean_leftovers()
            self._cleaned = True
        with session_scope(self._engine) as s:
            if s.get(Customer, customer_id) is None:
                raise NotFoundError(f"The customer with id {customer_id} does not exist.")
        _check_readable(path)
        info = self._probe(path)
        size = path.stat().st_size
        yield Progress(0, size, f"Reading {path.name}")
        if link:
            digest = yield from self._hash_only(path, size, cancel)
            stored, tmp = path.resolve(), None
        else:
            digest, tmp = yield from self._hash_and_copy(path, size, cancel)
            stored = self._media_dir / digest[:2] / f"{digest}{path.suffix.lower()}"
        try:
            # one import per recording at a time, across threads and processes: the second
            # waits, then finds the first one's interview
            with self._claims.wait(f"import-{digest}", what=f"the import of {path.name}"):
                existing = self._existing(digest)
                if existing is None:
                    moved = False
                    try:
                        if tmp is not None:
                            stored.parent.mkdir(parents=True, exist_ok=True)
                            os.replace(tmp, stored)
                            tmp, moved = None, True
                        picture = self._make_picture(stored, info, digest)
                        when = recorded_at or datetime.fromtimestamp(path.stat().st_mtime, UTC)
                        interview_id = self._create_rows(path, stored, digest, size, info,
                                                         picture, customer_id, when, link)
                    except IntegrityError:  # a server database shared by several computers
                        existing = self._existing(digest)
                        if existing is None:
                            raise
                    except BaseException as exc:
                        if moved:  # no row points at the copy: it must not stay as an orphan
                            stored.unlink(missing_ok=True)
                        if isinstance(exc, OSError | OperationalError) and _disk_full(exc):
                            raise MediaError(path, "the disk is full: nothing was imported") \
                                from None
                        raise
                else:
                    self._repair_picture(digest)
            if existing is not None:
                self.last_result = ImportResult(
                    path=str(path), ok=True, interview_id=existing, duration_s=info.duration_s,
                    has_video=info.has_video, has_audio=info.has_audio, duplicate=True)
                return
        finally:
            if tmp is not None:
                tmp.unlink(missing_ok=True)
        yield Progress(size, size, f"Imported {path.name}")
        self.last_result = ImportResult(
            path=str(path), ok=True, interview_id=interview_id, duration_s=info.duration_s,
            has_video=info.has_video, has_audio=info.has_audio)

    def _existing(self, digest: str) -> int | None:
        with session_scope(self._engine) as s:
            asset = s.exec(select(MediaAsset).where(MediaAsset.sha256 == digest)).first()
            if asset is None:
                return None
            iv = s.exec(select(Interview).where(Interview.media_id == asset.id)
                        .order_by(Interview.id)).first()
            return iv.id if iv else None

    def _hash_only(self, path: Path, size: int,
                   cancel: CancelToken) -> Iterator[Progress]:  # returns digest
        h = hashlib.sha256()
        done = 0
        with open(path, "rb") as src:
            while chunk := src.read(CHUNK):
                cancel.raise_if_cancelled(path)
                h.update(chunk)
                done += len(chunk)
                yield Progress(done, size, f"Hashing {path.name}")
        return h.hexdigest()

    def _hash_and_copy(self, path: Path, size: int,
                       cancel: CancelToken) -> Iterator[Progress]:  # returns (digest, tmp)
        self._media_dir.mkdir(parents=True, exist_ok=True)
        free = shutil.disk_usage(self._media_dir).free
        if free < size + 50 * 1024 * 1024:
            raise MediaError(path, f"not enough free disk space in the library to copy it "
                                   f"({size / 1e6:.0f} MB needed, {free / 1e6:.0f} MB free)")
        tmp = self._media_dir / f".importing-{os.getpid()}-{id(path)}{path.suffix.lower()}"
        h = hashlib.sha256()
        done = 0
        try:
            with open(path, "rb") as src, open(tmp, "wb") as dst:
                while chunk := src.read(CHUNK):
                    cancel.raise_if_cancelled(path)
                    h.update(chunk)
                    dst.write(chunk)
                    done += len(chunk)
                    yield Progress(done, size, f"Copying {path.name}")
                dst.flush()
                os.fsync(dst.fileno())
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            if exc.errno == errno.ENOSPC:
                raise MediaError(path, "the disk is full: the copy was removed, "
                                       "nothing was imported") from exc
            raise MediaError(path, f"could not be copied into the library ({exc.strerror})") \
                from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return h.hexdigest(), tmp

    def _make_picture(self, stored: Path, info: MediaInfo, digest: str) -> str:
        """The picture for the list, made beside and renamed into place: never a 0-byte file."""
        out = self._pictures_dir / f"{digest}.png"
        if _non_empty(out):
            return str(out)
        out.unlink(missing_ok=True)  # an empty one left by a full disk is made again
        tmp = out.with_name(f".{out.stem}.{os.getpid()}.partial.png")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            made = Path(self._picture(stored, info, tmp))
            if not _non_empty(made):
                return ""
            os.replace(made, out)
            return str(out)
        except (MediaError, OSError):
            # a missing picture must not fail the import: the list shows a placeholder
            return ""
        finally:
            tmp.unlink(missing_ok=True)

    def _repair_picture(self, digest: str) -> None:
        """A duplicate import makes the picture an earlier import could not (disk full)."""
        with session_scope(self._engine) as s:
            asset = s.exec(select(MediaAsset).where(MediaAsset.sha256 == digest)).first()
            if asset is None or (asset.picture_path and _non_empty(Path(asset.picture_path))):
                return
            try:
                info = self._probe(Path(asset.path))
            except MediaError:
                return
            asset.picture_path = self._make_picture(Path(asset.path), info, digest)
            s.add(asset)

    def clean_leftovers(self) -> list[Path]:
        """Remove what a killed or failed import left: partial copies of dead processes, copies
        no interview points at, and empty pictures. Returns what was removed."""
        removed: list[Path] = []
        if not self._media_dir.is_dir():
            return removed
        for partial in self._media_dir.glob(".importing-*"):
            pid = partial.name.split("-")[1] if partial.name.count("-") >= 2 else ""
            if not (pid.isdigit() and _alive(int(pid))):
                removed += _unlinked(partial)
        with session_scope(self._engine) as s:
            known = set(s.exec(select(MediaAsset.sha256)).all())
        for copy in self._media_dir.glob("??/*"):
            digest = copy.name.split(".", 1)[0]
            if (copy.is_file() and len(digest) == 64 and digest not in known
                    and not self._claims.held(f"import-{digest}")):
                removed += _unlinked(copy)
        if self._pictures_dir.is_dir():
            for picture in self._pictures_dir.glob("*.png"):
                if picture.name.startswith("."):  # .DIGEST.PID.partial.png of a picture run
                    pid = picture.name.split(".")[2]
                    if not (pid.isdigit() and _alive(int(pid))):
                        removed += _unlinked(picture)
                elif not _non_empty(picture):
                    removed += _unlinked(picture)
        return removed

    def _create_rows(self, path: Path, stored: Path, digest: str, size: int, info: MediaInfo,
                     picture: str, customer_id: int, when: datetime, link: bool) -> int:
        with session_scope(self._engine) as s:
            asset = s.exec(select(MediaAsset).where(MediaAsset.sha256 == digest)).first()
            if asset is None:
                asset = MediaAsset(
                    sha256=digest, path=str(stored), original_path=str(path.resolve()),
                    original_name=path.name, linked=link, size_bytes=size,
                    container=info.container, duration_s=info.duration_s,
                    has_video=info.has_video, has_audio=info.has_audio,
                    video_codec=info.video_codec, width=info.width, height=info.height,
                    fps=info.fps, audio_codec=info.audio_codec,
                    audio_channels=info.audio_channels, sample_rate=info.sample_rate,
                    audio_tracks=info.audio_tracks, picture_path=picture)
                s.add(asset)
                s.flush()
            interview = Interview(customer_id=customer_id, title=path.stem, recorded_at=when,
                                  media_id=asset.id, status="imported", source="import")
            s.add(interview)
            s.flush()
            assert interview.id is not None
            return interview.id
