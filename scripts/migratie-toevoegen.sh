#!/usr/bin/env bash
# Add one EF Core migration for BOTH database providers, with the same id:
#
#     bash scripts/migratie-toevoegen.sh <Naam>
#
# Runs `dotnet ef migrations add <Naam>` for SqliteKoersDbContext (Migrations/Sqlite) and for
# PostgresKoersDbContext (Migrations/Postgres) in src/Koers.Data, with the design-time factories in
# src/Koers.Data/DatabaseSetup.cs (no database needed). EF stamps each migration with the time it was made, so the
# two would differ by a few seconds; the PostgreSQL one is renamed to the SQLite id (file names and the
# [Migration("...")] attribute), so both folders list the same ids. tests/Koers.Web.Tests/Codebase/
# MigratieConsistentieTests.cs checks that, and that neither model has changes without a migration.
#
# If the second step fails, the first is undone (its files removed, its model snapshot restored).
# Undo a pair that was made: `git checkout -- src/Koers.Data/Migrations && git clean -f src/Koers.Data/Migrations`
# (as long as it is not committed), or remove both with `dotnet ef migrations remove` per context.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

log() { printf '[migratie] %s\n' "$*"; }
fout() { printf '[migratie] FOUT: %s\n' "$*" >&2; exit 1; }

[ $# -eq 1 ] || fout "gebruik: bash scripts/migratie-toevoegen.sh <Naam>   (bijvoorbeeld IntakeTolkVoorkeur)"
NAAM="$1"
[[ "$NAAM" =~ ^[A-Z][A-Za-z0-9]*$ ]] || fout "'$NAAM' is geen geldige naam: PascalCase, alleen letters en cijfers, beginnend met een hoofdletter"

PROJECT=src/Koers.Data
SQLITE_DIR="$PROJECT/Migrations/Sqlite"
PG_DIR="$PROJECT/Migrations/Postgres"

shopt -s nullglob
bestaand=("$SQLITE_DIR"/*_"$NAAM".cs "$PG_DIR"/*_"$NAAM".cs)
shopt -u nullglob
[ ${#bestaand[@]} -eq 0 ] || fout "er is al een migratie $NAAM: ${bestaand[*]}"

# The newest id so far per folder (file names sort by their timestamp).
laatste() { find "$1" -maxdepth 1 -name '[0-9]*_*.cs' ! -name '*.Designer.cs' -printf '%f\n' | sort | tail -n 1 | sed 's/\.cs$//'; }
LAATSTE_SQLITE="$(laatste "$SQLITE_DIR")"
LAATSTE_PG="$(laatste "$PG_DIR")"

# The one file ef made for this name in a folder: prints its id (timestamp_Naam).
nieuw_id() {
    local f=("$1"/*_"$NAAM".cs)
    [ ${#f[@]} -eq 1 ] && [ -f "${f[0]}" ] || fout "geen (of meer dan één) nieuwe migratie $NAAM gevonden in $1"
    basename "${f[0]}" .cs
}

dotnet tool restore >/dev/null
log "dotnet build $PROJECT"
dotnet build "$PROJECT" -nologo -v q -clp:ErrorsOnly

# Undo of the SQLite step when the PostgreSQL step fails.
SNAPSHOT_KOPIE="$(mktemp)"
cp "$SQLITE_DIR/SqliteKoersDbContextModelSnapshot.cs" "$SNAPSHOT_KOPIE"
SQLITE_KLAAR=0
herstel() {
    local rc=$?
    if [ "$rc" -ne 0 ] && [ "$SQLITE_KLAAR" = 1 ]; then
        log "PostgreSQL-stap mislukt: de SQLite-migratie wordt teruggedraaid"
        rm -f "$SQLITE_DIR"/*_"$NAAM".cs "$SQLITE_DIR"/*_"$NAAM".Designer.cs "$PG_DIR"/*_"$NAAM".cs "$PG_DIR"/*_"$NAAM".Designer.cs
        cp "$SNAPSHOT_KOPIE" "$SQLITE_DIR/SqliteKoersDbContextModelSnapshot.cs"
    fi
    rm -f "$SNAPSHOT_KOPIE"
    exit "$rc"
}
trap herstel EXIT

ef_add() { # context output-dir namespace
    dotnet ef migrations add "$NAAM" --no-build --context "$1" --output-dir "$2" --namespace "$3" \
        --project "$PROJECT" --startup-project "$PROJECT"
}

log "SQLite: $NAAM"
ef_add SqliteKoersDbContext Migrations/Sqlite Koers.Data.Migrations.Sqlite
SQLITE_KLAAR=1
ID="$(nieuw_id "$SQLITE_DIR")"

log "PostgreSQL: $NAAM"
ef_add PostgresKoersDbContext Migrations/Postgres Koers.Data.Migrations.Postgres
PG_ID="$(nieuw_id "$PG_DIR")"

# Both must come after every migration already there, or EF would apply them out of order.
[[ "$ID" > "$LAATSTE_SQLITE" && "$ID" > "$LAATSTE_PG" ]] ||
    fout "nieuwe id $ID komt niet na de laatste bestaande ($LAATSTE_SQLITE, $LAATSTE_PG); klopt de klok?"

if [ "$PG_ID" != "$ID" ]; then
    log "PostgreSQL-migratie $PG_ID krijgt de id van SQLite: $ID"
    mv "$PG_DIR/$PG_ID.cs" "$PG_DIR/$ID.cs"
    mv "$PG_DIR/$PG_ID.Designer.cs" "$PG_DIR/$ID.Designer.cs"
    sed -i "s/\[Migration(\"$PG_ID\")\]/[Migration(\"$ID\")]/" "$PG_DIR/$ID.Designer.cs"
    grep -q "\[Migration(\"$ID\")\]" "$PG_DIR/$ID.Designer.cs" || fout "[Migration(\"$ID\")] niet gezet in $PG_DIR/$ID.Designer.cs"
fi

log "klaar: $ID"
log "  $SQLITE_DIR/$ID.cs (+ .Designer.cs, snapshot)"
log "  $PG_DIR/$ID.cs (+ .Designer.cs, snapshot)"
log "controleer beide Up/Down en draai: dotnet test tests/Koers.Web.Tests --filter \"FullyQualifiedName~Codebase\""
