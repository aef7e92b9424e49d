"""Storage: SQLite engine, SQLModel tables and alembic migrations."""
