#!/bin/sh
# Usage: sqlite_check.sh KG.sqlite
#
# Opens the kgbuild SQLite export read-only with the sqlite3 command-line
# shell, requires PRAGMA integrity_check to return exactly "ok", and requires
# the tables posts, papers, entities, aliases, mentions and results.
# Prints "sqlite: integrity ok, N tables checked" and exits 0, or prints
# what failed and exits 1.
set -u

if [ "$#" -ne 1 ]; then
    echo "usage: sqlite_check.sh KG.sqlite" >&2
    exit 2
fi
db=$1
required_tables="posts papers entities aliases mentions results"

if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "sqlite_check: sqlite3 not found on PATH (Debian package sqlite3)" >&2
    exit 1
fi
# sqlite3 creates an empty database for a missing file, so check first.
if [ ! -f "$db" ]; then
    echo "sqlite_check: $db not found" >&2
    exit 1
fi

if ! integrity=$(sqlite3 -readonly -batch "$db" 'PRAGMA integrity_check;' 2>&1); then
    echo "sqlite_check: sqlite3 failed on $db: $integrity" >&2
    exit 1
fi
if [ "$integrity" != "ok" ]; then
    echo "sqlite_check: PRAGMA integrity_check on $db returned:" >&2
    printf '%s\n' "$integrity" | head -n 20 >&2
    exit 1
fi

if ! tables=$(sqlite3 -readonly -batch "$db" \
        "SELECT name FROM sqlite_schema WHERE type = 'table';" 2>&1); then
    echo "sqlite_check: cannot list tables in $db: $tables" >&2
    exit 1
fi
missing=""
for table in $required_tables; do
    if ! printf '%s\n' "$tables" | grep -qx "$table"; then
        missing="$missing $table"
    fi
done
if [ -n "$missing" ]; then
    echo "sqlite_check: $db is missing table(s):$missing" >&2
    exit 1
fi

echo "sqlite: integrity ok, $(echo $required_tables | wc -w) tables checked"
