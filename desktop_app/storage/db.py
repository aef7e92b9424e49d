"""One engine per process: SQLite in WAL mode with foreign keys; sessions commit or roll back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event
from sqlmodel import Session, create_engine

from desktop_app.storage.fts import install_functions

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str) -> Engine:
    """Create the engine; for SQLite turn on WAL, foreign keys, cross-thread use and the
    SQL functions the search index triggers call."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, pool_pre_ping=True
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
            install_functions(dbapi_conn)

        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # alembic loads only when a schema changes

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    cfg.attributes["engine"] = engine
    return cfg


def _newest_revision() -> str:
    """The head revision id, read from the version files' names ("0003_....py" -> "0003")
    without loading alembic's script directory (which compiles every migration)."""
    versions = Path(__file__).resolve().parent / "migrations" / "versions"
    names = sorted(f.name.split("_", 1)[0] for f in versions.glob("[0-9]*_*.py"))
    return names[-1] if names else ""


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database schema to the newest migration (creates it when empty). A library
    already at the newest revision is left alone without starting alembic (start-up time)."""
    head = _newest_revision()
    if head:
        try:
            with engine.connect() as conn:
                current = conn.exec_driver_sql(
                    "SELECT version_num FROM alembic_version").scalar_one_or_none()
        except Exception:  # noqa: BLE001 - no version table yet: a new library
            current = None
        if current == head:
            return
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A unit of work: commit on success, roll back on error; objects stay readable after."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
