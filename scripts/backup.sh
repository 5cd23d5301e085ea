#!/usr/bin/env bash
# Back up Village: the PostgreSQL database (pg_dump, custom format) and the media files.
#   scripts/backup.sh /srv/village/backups
# Reads DATABASE_URL and MEDIA_ROOT from the environment (/etc/village/village.env).
# Writes <dir>/village-<timestamp>/ with db.dump, media.tar.gz and SHA256SUMS, and keeps the
# newest $BACKUP_KEEP backups (default 14). Restore with scripts/restore.sh.
set -euo pipefail
destination=${1:?usage: backup.sh DESTINATION_DIRECTORY}
: "${DATABASE_URL:?DATABASE_URL is not set}"
: "${MEDIA_ROOT:?MEDIA_ROOT is not set}"
keep=${BACKUP_KEEP:-14}

target="$destination/village-$(date -u +%Y%m%dT%H%M%SZ)"
partial="$target.partial"
mkdir -p "$partial"
# One consistent snapshot of the database, whatever is being written meanwhile.
pg_dump --format=custom --no-owner --no-privileges --file="$partial/db.dump" "$DATABASE_URL"
if [ -d "$MEDIA_ROOT" ]; then
  tar -czf "$partial/media.tar.gz" -C "$MEDIA_ROOT" .
else
  tar -czf "$partial/media.tar.gz" --files-from /dev/null
fi
(cd "$partial" && sha256sum db.dump media.tar.gz > SHA256SUMS)
mv "$partial" "$target"  # a backup is either complete or absent
echo "$target"

# Keep the newest $keep backups.
ls -1d "$destination"/village-*Z 2>/dev/null | sort | head -n "-$keep" | xargs -r rm -rf
