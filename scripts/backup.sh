#!/usr/bin/env bash
# Backs up a Zhanggui database into a new file, while servers keep running.
#
#   scripts/backup.sh DATABASE FILE
#
# DATABASE is what --db takes: an SQLite path (copied with `zhanggui backup`, SQLite's online backup) or a
# postgres:// URL (dumped with pg_dump in its custom format, which pg_restore reads). FILE must not exist. Exits 0
# when FILE holds a whole backup; on failure nothing is left at FILE.
set -euo pipefail
. "$(dirname "$0")/zhanggui-tool.sh"

if [ "$#" -ne 2 ]; then
    echo "usage: $0 DATABASE FILE" >&2
    exit 2
fi
database=$1
file=$2
if [ -e "$file" ] || [ -e "$file.partial" ]; then
    echo "backup: $file exists already; a backup never overwrites a file" >&2
    exit 1
fi

if is_postgres "$database"; then
    # One snapshot of the whole database (pg_dump runs in one REPEATABLE READ transaction); without owners or
    # grants, so it restores into a database owned by another role.
    if ! pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" "$database"; then
        rm -f "$file.partial"
        echo "backup: pg_dump failed" >&2
        exit 1
    fi
    mv "$file.partial" "$file"
    echo "backed up to $file: $(wc -c <"$file") bytes (pg_dump custom format)"
else
    "$zhanggui" backup --db "$database" --to "$file"
fi
