"""Regenerate migration 0001 from the tables (only while no release has shipped a schema).

Run: .venv/bin/python scripts/regen_initial_migration.py
After the first release, add new revisions with alembic autogenerate instead.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command

from desktop_app.storage.db import MIGRATIONS_DIR, alembic_config, make_engine

VERSIONS = MIGRATIONS_DIR / "versions"
TARGET = VERSIONS / "0001_initial_schema.py"


def main() -> int:
    TARGET.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/empty.db")
        command.revision(alembic_config(engine), message="initial schema", autogenerate=True,
                         rev_id="0001")
    text = TARGET.read_text(encoding="utf-8")
    text = re.sub(r"Create Date: .*\n", "", text)
    text = text.replace(
        "import sqlmodel\nfrom alembic import op\n",
        "import sqlmodel\nfrom alembic import op\n\nimport desktop_app.storage.types\n"
        "from desktop_app.storage.fts import CREATE_FTS_SQL, DROP_FTS_SQL\n",
    )
    text = text.replace(
        "    # ### end Alembic commands ###\n\n\ndef downgrade() -> None:\n",
        "    # ### end Alembic commands ###\n    for statement in CREATE_FTS_SQL:\n"
        "        op.execute(statement)\n\n\ndef downgrade() -> None:\n"
        "    for statement in DROP_FTS_SQL:\n        op.execute(statement)\n",
        1,
    )
    TARGET.write_text(text, encoding="utf-8")
    ruff = Path(sys.executable).with_name("ruff")
    subprocess.run([str(ruff), "format", "-q", str(TARGET)], check=False)
    subprocess.run([str(ruff), "check", "-q", "--fix", str(TARGET)], check=False)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
