"""SQLite FTS5 index over transcript segments, kept in sync by triggers (created in migrations)."""

from __future__ import annotations

FTS_TABLE_PREFIX = "segment_fts"

CREATE_FTS_SQL = (
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS segment_fts USING fts5(
        text, content='transcriptsegment', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER IF NOT EXISTS segment_fts_ai AFTER INSERT ON transcriptsegment BEGIN
        INSERT INTO segment_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS segment_fts_ad AFTER DELETE ON transcriptsegment BEGIN
        INSERT INTO segment_fts(segment_fts, rowid, text) VALUES('delete', old.id, old.text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS segment_fts_au AFTER UPDATE ON transcriptsegment BEGIN
        INSERT INTO segment_fts(segment_fts, rowid, text) VALUES('delete', old.id, old.text);
        INSERT INTO segment_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
)

DROP_FTS_SQL = (
    "DROP TRIGGER IF EXISTS segment_fts_au",
    "DROP TRIGGER IF EXISTS segment_fts_ad",
    "DROP TRIGGER IF EXISTS segment_fts_ai",
    "DROP TABLE IF EXISTS segment_fts",
)
