#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh, then proves it with `zhanggui check`.
#
#   scripts/restore.sh FILE DATABASE
#
# Stop every server using DATABASE first.
# - SQLite: DATABASE must not exist (move the old file and its -wal and -shm aside). The backup is copied to
#   DATABASE.restoring, checked there, and renamed into place only when the check passes.
# - PostgreSQL: DATABASE must be an empty database (createdb, as in docs/DEPLOYMENT.md). pg_restore runs in one
#   transaction and stops at the first error, so a failed restore leaves the database empty.
# Exits 0 when the restored database passes `zhanggui check`.
set -euo pipefail
. "$(dirname "$0")/zhanggui-tool.sh"

if [ "$#" -ne 2 ]; then
    echo "usage: $0 FILE DATABASE" >&2
    exit 2
fi
file=$1
database=$2
if [ ! -f "$file" ]; then
    echo "restore: no backup file $file" >&2
    exit 1
fi

if is_postgres "$database"; then
    pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$database" "$file"
    "$zhanggui" check --db "$database"
else
    for path in "$database" "$database-wal" "$database-shm" "$database.restoring"; do
        if [ -e "$path" ]; then
            echo "restore: $path exists; stop the servers and move it aside first" >&2
            exit 1
        fi
    done
    cp "$file" "$database.restoring"
    if ! "$zhanggui" check --db "$database.restoring"; then
        rm -f "$database.restoring" "$database.restoring-wal" "$database.restoring-shm"
        echo "restore: the backup failed its check; nothing was restored" >&2
        exit 1
    fi
    # The check closed the file cleanly, which folds its write-ahead log back in; a log left beside it would be
    # lost by the rename.
    if [ -e "$database.restoring-wal" ]; then
        echo "restore: $database.restoring-wal was left behind; nothing was restored" >&2
        exit 1
    fi
    mv "$database.restoring" "$database"
    echo "restored $file to $database"
fi
