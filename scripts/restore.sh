#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and media directory.
#   DATABASE_URL=postgres://.../village_restored MEDIA_ROOT=/srv/village/media scripts/restore.sh /srv/village/backups/village-20261122T023000Z
# Checks the backup's checksums first; stops at the first error.
set -euo pipefail
backup=${1:?usage: restore.sh BACKUP_DIRECTORY}
: "${DATABASE_URL:?DATABASE_URL is not set}"
: "${MEDIA_ROOT:?MEDIA_ROOT is not set}"

(cd "$backup" && sha256sum --check --quiet SHA256SUMS)
tables=$(psql "$DATABASE_URL" -tAc "select count(*) from pg_tables where schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "The database is not empty ($tables tables): restore into a new, empty database." >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$backup/db.dump"
mkdir -p "$MEDIA_ROOT"
tar -xzf "$backup/media.tar.gz" -C "$MEDIA_ROOT"
echo "Restored $backup"
