"""The shipped alembic migrations build the schema the code expects, with no drift."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from desktop_app.storage import tables  # noqa: F401
from desktop_app.storage.db import make_engine, session_scope, upgrade_to_head
from desktop_app.storage.fts import FTS_TABLE_PREFIX


def test_migrations_upgrade_empty_db_to_head_without_drift(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'lib.sqlite3'}")
    upgrade_to_head(engine)
    upgrade_to_head(engine)  # idempotent
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": True,
            "include_object": lambda o, n, t, r, c: not (t == "table" and n and
                                                         n.startswith(FTS_TABLE_PREFIX)),
        })
        diff = compare_metadata(ctx, SQLModel.metadata)
        names = set(sa.inspect(conn).get_table_names())
    assert diff == [], f"models and migrations drifted: {diff}"
    assert {"interview", "customer", "transcriptsegment", "highlight", "reel", "job",
            "interviewseries", "consent", "segment_fts"} <= names


def test_engine_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'lib.sqlite3'}")
    upgrade_to_head(engine)
    with engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1


def test_fts_index_follows_segment_inserts_and_updates(tmp_path: Path) -> None:
    from desktop_app.storage.tables import Customer, Interview, TranscriptSegment

    engine = make_engine(f"sqlite:///{tmp_path / 'lib.sqlite3'}")
    upgrade_to_head(engine)
    with session_scope(engine) as s:
        c = Customer(name="Анна")
        s.add(c)
        s.flush()
        iv = Interview(customer_id=c.id, recorded_at=datetime.now(UTC))
        s.add(iv)
        s.flush()
        seg = TranscriptSegment(interview_id=iv.id, start=0, end=1,
                                text="Курьер привёз молоко вместо кофе")
        s.add(seg)
        s.flush()
        seg_id = seg.id
    q = sa.text("SELECT rowid FROM segment_fts WHERE segment_fts MATCH :q")
    with engine.connect() as conn:
        assert conn.execute(q, {"q": "молоко"}).scalars().all() == [seg_id]
    with session_scope(engine) as s:
        seg = s.get(TranscriptSegment, seg_id)
        seg.text = "Курьер привёз чай"
        s.add(seg)
    with engine.connect() as conn:
        assert conn.execute(q, {"q": "молоко"}).scalars().all() == []
        assert conn.execute(q, {"q": "чай"}).scalars().all() == [seg_id]


def test_upgrade_builds_the_word_forms_index_for_an_existing_library(tmp_path: Path) -> None:
    from alembic import command

    from desktop_app.services.search import SearchService
    from desktop_app.storage.db import alembic_config
    from desktop_app.storage.tables import TranscriptSegment

    engine = make_engine(f"sqlite:///{tmp_path / 'lib.sqlite3'}")
    command.upgrade(alembic_config(engine), "0001")  # a library from before the stems
    # rows written with SQL of that time (today's models have columns 0001 lacks)
    now = datetime.now(UTC).replace(tzinfo=None)
    with engine.begin() as conn:
        cid = conn.execute(sa.text("INSERT INTO customer (name, company, contact, email, "
                                   "language, alias, notes, created_at) VALUES "
                                   "('Анна', '', '', '', 'auto', '', '', :now)"),
                           {"now": now}).lastrowid
        iid = conn.execute(sa.text("INSERT INTO interview (customer_id, title, recorded_at, "
                                   "status, language, interviewer, source, notes, created_at) "
                                   "VALUES (:c, '', :now, 'new', 'auto', '', 'import', '', "
                                   ":now)"), {"c": cid, "now": now}).lastrowid
        ids = [conn.execute(sa.text("INSERT INTO transcriptsegment (interview_id, track, "
                                    "start, \"end\", speaker, text, edited) VALUES "
                                    "(:i, 0, :s, :e, '', :t, 0)"),
                            {"i": iid, "s": i, "e": i + 1, "t": line}).lastrowid
               for i, line in enumerate(["Курьер опоздал с доставкой", "refunds took weeks"])]
    q = sa.text("SELECT rowid FROM segment_fts WHERE segment_fts MATCH :q")
    with engine.connect() as conn:
        assert conn.execute(q, {"q": "доставка"}).scalars().all() == []  # words only
    upgrade_to_head(engine)
    search = SearchService(engine)
    assert [h.segment_id for h in search.search("доставка")] == [ids[0]]
    assert [h.snippet for h in search.search("refund")] == ["[refunds] took weeks"]
    with session_scope(engine) as s:  # the new triggers follow deletes
        s.delete(s.get(TranscriptSegment, ids[0]))
    assert search.search("доставка") == []
    command.downgrade(alembic_config(engine), "0001")  # and back: words only again
    with engine.connect() as conn:
        assert conn.execute(q, {"q": "refunds"}).scalars().all() == [ids[1]]
        assert conn.execute(q, {"q": "refund"}).scalars().all() == []
