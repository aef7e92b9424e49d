"""search word forms: the FTS index holds each segment's stems next to its words

Revision ID: 0002
Revises: 0001

Replaces `segment_fts` (words only, external content) with a contentless index of two
columns, `text` and `stems` (see storage/fts.py), with a prefix index on 3, 4 and 5 characters,
and fills it from every stored segment. Downgrade restores the words-only index.
"""

from collections.abc import Sequence

from alembic import op

from desktop_app.storage.fts import install_functions

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DROP_TRIGGERS = (
    "DROP TRIGGER IF EXISTS segment_fts_au",
    "DROP TRIGGER IF EXISTS segment_fts_ad",
    "DROP TRIGGER IF EXISTS segment_fts_ai",
)

CREATE_SQL = (
    """
    CREATE VIRTUAL TABLE segment_fts USING fts5(
        text, stems, content='', tokenize='unicode61 remove_diacritics 2', prefix='3 4 5'
    )
    """,
    """
    INSERT INTO segment_fts(rowid, text, stems)
    SELECT id, text, closer_stems(text) FROM transcriptsegment
    """,
    """
    CREATE TRIGGER segment_fts_ai AFTER INSERT ON transcriptsegment BEGIN
        INSERT INTO segment_fts(rowid, text, stems)
        VALUES (new.id, new.text, closer_stems(new.text));
    END
    """,
    """
    CREATE TRIGGER segment_fts_ad AFTER DELETE ON transcriptsegment BEGIN
        INSERT INTO segment_fts(segment_fts, rowid, text, stems)
        VALUES ('delete', old.id, old.text, closer_stems(old.text));
    END
    """,
    """
    CREATE TRIGGER segment_fts_au AFTER UPDATE OF text ON transcriptsegment BEGIN
        INSERT INTO segment_fts(segment_fts, rowid, text, stems)
        VALUES ('delete', old.id, old.text, closer_stems(old.text));
        INSERT INTO segment_fts(rowid, text, stems)
        VALUES (new.id, new.text, closer_stems(new.text));
    END
    """,
)

_WORDS_ONLY_SQL = (
    """
    CREATE VIRTUAL TABLE segment_fts USING fts5(
        text, content='transcriptsegment', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    "INSERT INTO segment_fts(segment_fts) VALUES ('rebuild')",
    """
    CREATE TRIGGER segment_fts_ai AFTER INSERT ON transcriptsegment BEGIN
        INSERT INTO segment_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER segment_fts_ad AFTER DELETE ON transcriptsegment BEGIN
        INSERT INTO segment_fts(segment_fts, rowid, text) VALUES('delete', old.id, old.text);
    END
    """,
    """
    CREATE TRIGGER segment_fts_au AFTER UPDATE ON transcriptsegment BEGIN
        INSERT INTO segment_fts(segment_fts, rowid, text) VALUES('delete', old.id, old.text);
        INSERT INTO segment_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
)


def _replace_index(create: Sequence[str]) -> None:
    for statement in (*_DROP_TRIGGERS, "DROP TABLE IF EXISTS segment_fts", *create):
        op.execute(statement)


def upgrade() -> None:
    install_functions(op.get_bind().connection.dbapi_connection)
    _replace_index(CREATE_SQL)


def downgrade() -> None:
    _replace_index(_WORDS_ONLY_SQL)
