#!/usr/bin/env bash
# Back up the Koers PostgreSQL database with pg_dump in custom format (-Fc: compressed, restorable per table):
#
#     PGHOST=db.intern PGPORT=5432 PGUSER=koers_backup PGDATABASE=koers bash scripts/backup.sh [dump-file]
#
# - The connection comes from the standard libpq environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE;
#   password in PGPASSWORD or, better, in ~/.pgpass or PGPASSFILE), or from KOERS_BACKUP_DB as a libpq
#   connection string/URI ("postgresql://koers_backup@db.intern:5432/koers"), which then wins.
# - Without a file name the dump goes to ${KOERS_BACKUP_DIR:-.}/koers-<database>-<UTC time>.dump.
# - Written to a temporary name first and renamed only after `pg_restore --list` has read it back, so a dump
#   that exists is a complete one. A SHA-256 of it is written next to it (<dump>.sha256).
# - What is NOT in the dump: the BSN keys (Koers:Bsn:*) and Koers:DataProtection:Sleutel. Keep them separately
#   (docs/backup-en-herstel.md); without them the BSNs and the sessions in the dump cannot be read.
# Exit codes: 0 ok, 1 failure (nothing left behind under the final name).
set -euo pipefail

log() { printf '[backup] %s\n' "$*" >&2; }

PG_DUMP="${PG_DUMP:-pg_dump}"
PG_RESTORE="${PG_RESTORE:-pg_restore}"
for t in "$PG_DUMP" "$PG_RESTORE"; do
    command -v "$t" >/dev/null 2>&1 || { log "ERROR: $t niet gevonden (apt-get install postgresql-client)"; exit 1; }
done

verbinding=()
if [ -n "${KOERS_BACKUP_DB:-}" ]; then
    verbinding=(--dbname="$KOERS_BACKUP_DB")
    naam="${KOERS_BACKUP_NAAM:-koers}"
elif [ -n "${PGDATABASE:-}" ]; then
    naam="$PGDATABASE"
else
    log "ERROR: geen database opgegeven: zet PGDATABASE (met PGHOST, PGPORT, PGUSER) of KOERS_BACKUP_DB"
    exit 1
fi

doel="${1:-${KOERS_BACKUP_DIR:-.}/koers-${naam}-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$doel")"
tijdelijk="$doel.onvolledig.$$"
trap 'rm -f -- "$tijdelijk"' EXIT

log "pg_dump -Fc van '$naam' naar $doel"
start=$(date +%s)
# --no-password: never wait for a prompt (cron, CI); the password comes from PGPASSWORD or a pgpass file.
"$PG_DUMP" --format=custom --compress=6 --no-password "${verbinding[@]}" --file="$tijdelijk"

# Read the dump back: a truncated or corrupt file fails here, not on the day of the restore.
tabellen="$("$PG_RESTORE" --list "$tijdelijk" | grep -c ' TABLE DATA ' || true)"
if [ "${tabellen:-0}" -eq 0 ]; then
    log "ERROR: de dump bevat geen tabelgegevens; is dit de goede database?"
    exit 1
fi

mv -- "$tijdelijk" "$doel"
trap - EXIT
(cd "$(dirname "$doel")" && sha256sum "$(basename "$doel")" >"$(basename "$doel").sha256")
log "klaar in $(( $(date +%s) - start )) s: $tabellen tabellen, $(du -h "$doel" | cut -f1), sha256 in $doel.sha256"
printf '%s\n' "$doel"
