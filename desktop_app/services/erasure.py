"""Erasure: "forget this customer" leaves no trace of them in the library.

`ErasureService.forget` removes, in order: their clips from every reel (masks kept for others'
clips), the customer with everything that hangs on them (interviews, transcripts and their
words, highlights, consent, notes, interview series), their recordings, pictures, consent forms
and crash-safe recording files, their jobs, their rejected suggestions, the presenter's cached
copies, their name from reel and playlist texts and from the audit log, and the files exported
for them inside the library. Files exported elsewhere are listed (the app cannot reach them).
Then the search index is optimised (a contentless FTS5 index keeps deleted words until its
segments merge) and the database is vacuumed and its WAL truncated, so the SQLite files hold no
deleted page either. `preview` says what would go, without changing anything.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlmodel import Session, col, select

from desktop_app.domain.errors import ValidationError
from desktop_app.services.audit import AuditService, scrub
from desktop_app.services.reels import ReelService
from desktop_app.services.reels_present import CACHE_DIR
from desktop_app.services.suggestions import SuggestionService
from desktop_app.storage.db import session_scope
from desktop_app.storage.fts import FTS_TABLE_PREFIX
from desktop_app.storage.tables import (
    Consent,
    Customer,
    Interview,
    Job,
    MediaAsset,
    Playlist,
    PlaylistItem,
    Reel,
    ReelItem,
)

PLACEHOLDER = "(forgotten customer)"


@dataclass
class ErasureReport:
    """What `forget` removed (or `preview` would), and the exports it could not reach."""

    customer: str
    interviews: int = 0
    reel_clips: int = 0
    files_removed: list[str] = field(default_factory=list)
    exports_outside: list[dict[str, Any]] = field(default_factory=list)
    done: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"customer": self.customer, "interviews": self.interviews,
                "reel_clips": self.reel_clips, "files_removed": self.files_removed,
                "exports_outside": self.exports_outside, "done": self.done}


def _inside(path: Path, home: Path) -> bool:
    try:
        path.resolve().relative_to(home.resolve())
    except (ValueError, OSError):
        return False
    return True


def names_of(name: str) -> list[str]:
    """The full name and each part of it long enough to be a name (lower thirds use first names)."""
    return [name, *(p for p in name.split() if len(p) >= 3)]


class ErasureService:
    """Forget a customer everywhere."""

    def __init__(self, engine: Engine, home: Path, *, reels: ReelService,
                 suggestions: SuggestionService, audit: AuditService) -> None:
        self._engine = engine
        self._home = Path(home)
        self._reels = reels
        self._suggestions = suggestions
        self._audit = audit

    def preview(self, customer_id: int) -> ErasureReport:
        with session_scope(self._engine) as s:
            return self._survey(s, self._customer(s, customer_id))[0]

    def forget(self, customer_id: int, *, confirm: str) -> ErasureReport:
        """Forget the customer; `confirm` must be their name, typed (any case, spaces trimmed)."""
        with session_scope(self._engine) as s:
            customer = self._customer(s, customer_id)
            if " ".join(confirm.split()).casefold() != " ".join(customer.name.split()).casefold():
                raise ValidationError(f"Type the customer's name, {customer.name}, to forget "
                                      "them; nothing was removed.")
            report, files, iids = self._survey(s, customer)
            item_ids = [int(i) for i in s.exec(select(ReelItem.id).where(
                col(ReelItem.interview_id).in_(iids)))]
        for item_id in item_ids:  # through the reels service: masks and positions follow
            self._reels.remove_item(item_id)
        names = names_of(customer.name)
        with session_scope(self._engine) as s:
            assets = self._assets(s, iids)
            jobs = self._jobs(s, iids, names, [str(p) for p in files])
            for job in jobs:
                s.delete(job)
            self._scrub_texts(s, names)
            self._audit.forget_customer(s, customer_id, names, PLACEHOLDER)
            s.delete(s.get(Customer, customer_id))
            s.flush()
            for asset in assets:
                s.delete(asset)
        for path in files:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        shutil.rmtree(self._home.joinpath(*CACHE_DIR), ignore_errors=True)
        self._suggestions.forget_interviews(set(iids))
        self.compact()
        report.done = True
        return report

    def compact(self) -> None:
        """Purge deleted words from the search index, vacuum, and empty the WAL."""
        if self._engine.dialect.name != "sqlite":
            return
        with self._engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"INSERT INTO {FTS_TABLE_PREFIX}({FTS_TABLE_PREFIX}) "
                              "VALUES ('optimize')"))
            conn.execute(text("VACUUM"))
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    # --- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _customer(s: Session, customer_id: int) -> Customer:
        customer = s.get(Customer, customer_id)
        if customer is None:
            raise ValidationError(f"Customer {customer_id} does not exist.")
        return customer

    def _survey(self, s: Session, customer: Customer
                ) -> tuple[ErasureReport, list[Path], list[int]]:
        iids = [int(i) for i in s.exec(select(Interview.id).where(
            Interview.customer_id == customer.id))]
        report = ErasureReport(customer.name, interviews=len(iids))
        report.reel_clips = len(s.exec(select(ReelItem.id).where(
            col(ReelItem.interview_id).in_(iids))).all())
        files: list[Path] = []
        for asset in self._assets(s, iids):
            for raw in (asset.path, asset.picture_path):
                if raw and _inside(Path(raw), self._home):
                    files.append(Path(raw))
            if asset.linked and asset.original_path:
                report.exports_outside.append({"path": asset.original_path,
                                               "what": "the original recording (linked)",
                                               "exists": Path(asset.original_path).exists()})
        for form in s.exec(select(Consent.form_path).where(col(Consent.interview_id).in_(iids))):
            if form and _inside(Path(form), self._home):
                files.append(Path(form))
        recordings = self._home / "recordings"
        for iid in iids:
            files.extend(recordings.glob(f"interview-{iid}-*"))
        for entry in self._audit.exports_of(s, int(customer.id)):  # type: ignore[arg-type]
            sidecars = entry.details.get("sidecars") or []
            for raw in [entry.path, *(x for x in sidecars if isinstance(x, str))]:
                if not raw:
                    continue
                path = Path(raw)
                if _inside(path, self._home):
                    files.append(path)
                else:
                    report.exports_outside.append({"path": raw, "what": entry.label,
                                                   "at": entry.at.isoformat(),
                                                   "exists": path.exists()})
        files = [p for p in dict.fromkeys(files) if p.exists()]
        report.files_removed = [str(p) for p in files]
        return report, files, iids

    @staticmethod
    def _assets(s: Session, iids: list[int]) -> list[MediaAsset]:
        """The recordings only these interviews use."""
        media_ids = {int(m) for m in s.exec(select(Interview.media_id).where(
            col(Interview.id).in_(iids))) if m is not None}
        shared = {int(m) for m in s.exec(select(Interview.media_id).where(
            col(Interview.media_id).in_(media_ids), col(Interview.id).not_in(iids)))}
        return [a for m in sorted(media_ids - shared) if (a := s.get(MediaAsset, m)) is not None]

    @staticmethod
    def _jobs(s: Session, iids: list[int], names: list[str], paths: list[str]) -> list[Job]:
        needles = [n.casefold() for n in (*names, *paths) if n]
        out = []
        for job in s.exec(select(Job)):
            blob = " ".join((job.title, job.payload_json, job.result_json, job.message,
                             job.error)).casefold()
            mine = job.target_id in iids and job.kind in ("import", "transcribe")
            if mine or any(n in blob for n in needles):
                out.append(job)
                continue
            try:
                payload = json.loads(job.payload_json or "{}")
            except ValueError:
                payload = {}
            if isinstance(payload, dict) and payload.get("interview_id") in iids:
                out.append(job)
        return out

    @staticmethod
    def _scrub_texts(s: Session, names: list[str]) -> None:
        for reel in s.exec(select(Reel)):
            for key in ("name", "title", "subtitle", "end_text"):
                setattr(reel, key, scrub(getattr(reel, key), names, PLACEHOLDER))
            s.add(reel)
        for pl in s.exec(select(Playlist)):
            pl.name = scrub(pl.name, names, PLACEHOLDER)
            pl.description = scrub(pl.description, names, PLACEHOLDER)
            s.add(pl)
        for it in s.exec(select(PlaylistItem)):
            it.text = scrub(it.text, names, PLACEHOLDER)
            s.add(it)
        for item in s.exec(select(ReelItem)):
            item.lower_third = scrub(item.lower_third, names, PLACEHOLDER)
            s.add(item)
