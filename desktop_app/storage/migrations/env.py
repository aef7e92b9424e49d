"""Alembic environment: runs migrations on the app's engine (batch mode for SQLite)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, event, pool
from sqlmodel import SQLModel

from desktop_app.storage import tables  # noqa: F401  (registers the tables)
from desktop_app.storage.fts import FTS_TABLE_PREFIX, install_functions

target_metadata = SQLModel.metadata


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """FTS5 virtual tables and their shadow tables are managed by hand in migrations."""
    return not (type_ == "table" and name and name.startswith(FTS_TABLE_PREFIX))


def run_migrations() -> None:
    config = context.config
    engine = config.attributes.get("engine")
    if engine is None:
        engine = engine_from_config(
            config.get_section(config.config_ini_section) or {},
            prefix="sqlalchemy.",
            poolclass=pool.NullPool,
        )
        event.listen(engine, "connect", lambda conn, _record: install_functions(conn))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_object=include_object,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations()
