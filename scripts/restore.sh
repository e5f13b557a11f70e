#!/usr/bin/env bash
# Restore a dump made by scripts/backup.sh into a PostgreSQL database:
#
#     PGHOST=db.intern PGUSER=koers PGDATABASE=koers_herstel bash scripts/restore.sh [--force] koers-….dump
#
# - The target comes from the standard libpq environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE;
#   password in PGPASSWORD or a pgpass file), or from KOERS_RESTORE_DB as a libpq URI
#   ("postgresql://koers@db.intern:5432/koers_herstel"), which then wins. The database is created when it does
#   not exist yet (the user needs CREATEDB; connects to the maintenance database 'postgres' for that).
# - Refuses to restore into a database that already has tables (exit 2): restoring over a live Koers would mix
#   two states. --force (or KOERS_RESTORE_FORCE=1) drops the objects in the dump first (pg_restore --clean).
# - One transaction (--single-transaction --exit-on-error): the restore succeeds as a whole or leaves nothing.
# - Objects get the restoring user as owner (--no-owner --no-privileges), so a dump of one cluster restores into
#   another with other role names. Grant rights to the application's role afterwards if it is a different one.
# - Checks <dump>.sha256 when it is there.
# Afterwards start Koers on the restored database with the SAME Koers:Bsn:* and Koers:DataProtection:Sleutel as
# the original (docs/backup-en-herstel.md); then check the audit chain (Audit > Controleer keten).
set -euo pipefail

log() { printf '[restore] %s\n' "$*" >&2; }

forceer="${KOERS_RESTORE_FORCE:-0}"
dump=""
for arg in "$@"; do
    case "$arg" in
        --force|-f) forceer=1 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        -*) log "ERROR: onbekende optie $arg"; exit 1 ;;
        *) dump="$arg" ;;
    esac
done
[ -n "$dump" ] || { log "ERROR: geef het dumpbestand op: restore.sh [--force] <dump>"; exit 1; }
[ -r "$dump" ] || { log "ERROR: $dump bestaat niet of is niet leesbaar"; exit 1; }

PSQL="${PSQL:-psql}"
PG_RESTORE="${PG_RESTORE:-pg_restore}"
for t in "$PSQL" "$PG_RESTORE"; do
    command -v "$t" >/dev/null 2>&1 || { log "ERROR: $t niet gevonden (apt-get install postgresql-client)"; exit 1; }
done

if [ -f "$dump.sha256" ]; then
    (cd "$(dirname "$dump")" && sha256sum --check --status "$(basename "$dump").sha256") \
        || { log "ERROR: de SHA-256 van $dump klopt niet met $dump.sha256: beschadigd of gewijzigd"; exit 1; }
    log "SHA-256 klopt"
fi
"$PG_RESTORE" --list "$dump" >/dev/null || { log "ERROR: $dump is geen leesbare pg_dump (-Fc)"; exit 1; }

if [ -n "${KOERS_RESTORE_DB:-}" ]; then
    doel=(--dbname="$KOERS_RESTORE_DB")
    dbnaam="$("$PSQL" -X -qAt --no-password "${doel[@]}" -c 'select current_database()' 2>/dev/null || true)"
    [ -n "$dbnaam" ] || { log "ERROR: kan niet verbinden met KOERS_RESTORE_DB (bestaat de database?)"; exit 1; }
else
    [ -n "${PGDATABASE:-}" ] || { log "ERROR: geen doeldatabase: zet PGDATABASE (met PGHOST, PGPORT, PGUSER) of KOERS_RESTORE_DB"; exit 1; }
    dbnaam="$PGDATABASE"
    doel=(--dbname="$PGDATABASE")
    bestaat="$(PGDATABASE=postgres "$PSQL" -X -qAt --no-password -v ON_ERROR_STOP=1 \
        -c "select 1 from pg_database where datname = '$(printf '%s' "$dbnaam" | sed "s/'/''/g")'")"
    if [ "$bestaat" != 1 ]; then
        log "database '$dbnaam' bestaat niet: aanmaken"
        PGDATABASE=postgres "$PSQL" -X -q --no-password -v ON_ERROR_STOP=1 \
            -c "create database \"$(printf '%s' "$dbnaam" | sed 's/"/""/g')\" template template0 encoding 'UTF8'"
    fi
fi

tabellen="$("$PSQL" -X -qAt --no-password -v ON_ERROR_STOP=1 "${doel[@]}" -c \
    "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r','p') and n.nspname not in ('pg_catalog','information_schema') and n.nspname not like 'pg_toast%'")"
opties=(--no-owner --no-privileges --single-transaction --exit-on-error --no-password)
if [ "$tabellen" -gt 0 ]; then
    if [ "$forceer" != 1 ]; then
        log "ERROR: database '$dbnaam' is niet leeg ($tabellen tabellen). Herstel in een nieuwe, lege database,"
        log "       of overschrijf bewust met --force (KOERS_RESTORE_FORCE=1): wat in de dump staat wordt eerst verwijderd."
        exit 2
    fi
    log "--force: database '$dbnaam' heeft $tabellen tabellen; objecten uit de dump worden eerst verwijderd"
    opties+=(--clean --if-exists)
fi

log "pg_restore van $dump naar '$dbnaam'"
start=$(date +%s)
"$PG_RESTORE" "${opties[@]}" "${doel[@]}" "$dump"
"$PSQL" -X -q --no-password "${doel[@]}" -c 'analyze' >/dev/null
rijen="$("$PSQL" -X -qAt --no-password "${doel[@]}" -c "select (select count(*) from inburgeraar) || ' dossiers, ' || (select count(*) from audit) || ' auditregels'" 2>/dev/null || echo '?')"
log "klaar in $(( $(date +%s) - start )) s: $rijen"
