"""SQLite FTS5 index over transcript segments, kept in sync by triggers (created in migrations).

`segment_fts` (migration 0002) is contentless and has two columns for each segment (rowid =
segment id): `text`, the words as spoken, for exact phrases and prefixes; and `stems`, the
Snowball stem of each of those words (`domain.word_forms.stems`), so "сеть" finds "сетью".
The stems are computed by the SQL function `closer_stems(text)`, which every connection of the
app registers (`install_functions`); a connection without it cannot write segments. A prefix
index on 3, 4 and 5 characters keeps "ana*" ... "analy*" fast (shorter prefixes are not searched
as prefixes; longer ones expand to fewer words). Deleting a row from a contentless table needs
the values it was indexed with: the triggers recompute them, so the stemmer is pinned, and a
change of its version needs a migration that rebuilds the index.
"""

from __future__ import annotations

from typing import Any

from desktop_app.domain.word_forms import stems

FTS_TABLE_PREFIX = "segment_fts"
STEMS_FUNCTION = "closer_stems"


def install_functions(dbapi_connection: Any) -> None:
    """Register `closer_stems(text)` on a raw sqlite3 connection (the FTS triggers call it)."""
    dbapi_connection.create_function(STEMS_FUNCTION, 1, stems, deterministic=True)
