"""A backup restores into an empty database with the same content (README "Backups")."""

import subprocess
from pathlib import Path

from tests.servers import ROOT

COUNT_TABLES = """
import json
from django.db import connection
with connection.cursor() as cursor:
    counts = {}
    for table in sorted(connection.introspection.table_names()):
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
print(json.dumps(counts))
"""


def test_a_backup_restores_into_an_empty_database_with_the_same_content(stack, tmp_path):
    import json

    # Content: the demo (test settings allow it) and a media file.
    stack.manage("load_demo", DJANGO_SETTINGS_MODULE="village.settings.test")
    media = Path(stack.env["MEDIA_ROOT"])
    (media / "ideas").mkdir(parents=True, exist_ok=True)
    (media / "ideas" / "tekening.png").write_bytes(b"\x89PNG drawing of a football field")
    before = json.loads(stack.shell(COUNT_TABLES))
    assert before["accounts_user"] > 0 and before["activities_activity"] > 0

    backups = tmp_path / "backups"
    run = subprocess.run(
        [str(ROOT / "scripts" / "backup.sh"), str(backups)], env=stack.env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    backup = Path(run.stdout.strip().splitlines()[-1])
    assert {path.name for path in backup.iterdir()} == {"db.dump", "media.tar.gz", "SHA256SUMS"}

    stack.postgres.create_database("restored")
    restored_env = {
        **stack.env,
        "DATABASE_URL": stack.postgres.url("restored"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    run = subprocess.run(
        [str(ROOT / "scripts" / "restore.sh"), str(backup)], env=restored_env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr

    after = json.loads(
        stack.manage("shell", "--no-imports", "-c", COUNT_TABLES, DATABASE_URL=restored_env["DATABASE_URL"])
    )
    assert after == before
    assert (
        tmp_path / "media" / "ideas" / "tekening.png"
    ).read_bytes() == b"\x89PNG drawing of a football field"
    # Nothing left to migrate: the restored database is the same schema.
    assert "No planned migration operations" in stack.manage(
        "migrate", "--plan", DATABASE_URL=restored_env["DATABASE_URL"]
    )

    # Restoring over a database that is not empty is refused.
    run = subprocess.run(
        [str(ROOT / "scripts" / "restore.sh"), str(backup)], env=restored_env, capture_output=True, text=True
    )
    assert run.returncode != 0 and "not empty" in run.stderr
