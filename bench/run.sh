#!/usr/bin/env bash
# The Koers benchmark on a fresh machine, end to end:
#
#     bash bench/run.sh [--gevallen 150000] [--gebruikers 100] [--duur 20] [--denktijd 0 (ms between a user's requests)]
#                       [--scenario <part of a scenario name, e.g. csv or duo>]
#
# 1. starts a throwaway PostgreSQL cluster on loopback (like scripts/test.sh; removed again on exit),
# 2. builds Koers and the bench tool in Release,
# 3. generates the synthetic national data set (bench/Koers.Bench genereer),
# 4. starts Koers (Release, Production settings, no demo data, no nightly timer) against that database,
# 5. runs the load scenarios and the bare-SQL comparison (bench/Koers.Bench last), including the partner CSV upload
#    and the DUO burst (Koers gets a random DUO notification token for this run, the load client the same one),
# 6. writes bench/results/<UTC timestamp>.md with the machine, PostgreSQL version and the numbers.
# Set KOERS_BENCH_PG to use an existing (empty) database instead of a throwaway cluster; KOERS_BENCH_PORT (Koers,
# default 5080) and KOERS_BENCH_PG_PORT (the throwaway cluster, default 56432) move the ports.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
GEVALLEN=150000; GEBRUIKERS=100; DUUR=20; OPWARMEN=15; DENKTIJD=0; SCENARIO=""; PORT=${KOERS_BENCH_PORT:-5080}
while [ $# -gt 0 ]; do
    case "$1" in
        --gevallen) GEVALLEN=$2; shift 2 ;;
        --gebruikers) GEBRUIKERS=$2; shift 2 ;;
        --duur) DUUR=$2; shift 2 ;;
        --opwarmen) OPWARMEN=$2; shift 2 ;;
        --denktijd) DENKTIJD=$2; shift 2 ;;
        --scenario) SCENARIO=$2; shift 2 ;;
        *) echo "onbekende optie $1"; exit 2 ;;
    esac
done

log() { printf '[bench] %s\n' "$*"; }
PG_DIR=""; PG_BIN=""; KOERS_PID=""
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
cleanup() {
    [ -n "$KOERS_PID" ] && kill "$KOERS_PID" 2>/dev/null && wait "$KOERS_PID" 2>/dev/null || true
    if [ -n "$PG_DIR" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf -- "$PG_DIR"
    fi
}
trap cleanup EXIT

if [ -z "${KOERS_BENCH_PG:-}" ]; then
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$PG_BIN" ]; then
        [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    PG_DIR="/tmp/koers-bench-pg-$$"; mkdir -p "$PG_DIR"; chmod 700 "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    PGPORT=${KOERS_BENCH_PG_PORT:-56432}
    # Durable (fsync on); commits do not wait for the WAL flush (synchronous_commit=off), as many OLTP set-ups do.
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
        -o "-p $PGPORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=2GB -c work_mem=16MB -c maintenance_work_mem=512MB -c synchronous_commit=off -c max_wal_size=4GB -c effective_cache_size=12GB -c random_page_cost=1.1" \
        start >/dev/null
    psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE koers_bench" >/dev/null
    export KOERS_BENCH_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=koers_bench;No Reset On Close=true;Max Auto Prepare=50"
    PG_VERSION="$("$PG_BIN/pg_ctl" --version | awk '{print $3}')"
    log "PostgreSQL $PG_VERSION on 127.0.0.1:$PGPORT"
fi

if [ -z "${KOERS_BENCH_SKIP_BUILD:-}" ]; then
log "build (Release)"
dotnet build -c Release -v q -nologo src/Koers.Web/Koers.Web.csproj >/dev/null
dotnet build -c Release -v q -nologo bench/Koers.Bench/Koers.Bench.csproj >/dev/null
fi
BENCH="dotnet bench/Koers.Bench/bin/Release/net10.0/Koers.Bench.dll"

# BSNs are stored encrypted (Koers:Bsn): one fresh key pair per run, read by the generator, Koers and the load
# client from the environment. The data set is thrown away with the run, so are the keys.
export Koers__Bsn__Sleutels__1="$(head -c 32 /dev/urandom | base64)"
export Koers__Bsn__IndexSleutels__1="$(head -c 32 /dev/urandom | base64)"

log "genereer $GEVALLEN dossiers"
START=$(date +%s)
$BENCH genereer --gevallen "$GEVALLEN" --pg "$KOERS_BENCH_PG" | tee /tmp/koers-bench-genereer-$$.log
GEN_S=$(( $(date +%s) - START ))

log "start Koers op 127.0.0.1:$PORT"
# The DUO Notificatie API refuses every message without a configured token: one random token per run, handed to the
# load client through the environment (not the command line). The inbox processor runs in the background whatever
# Koers__Planning__Aan says (Duo:Achtergrond is on by default), so the burst's drain is measured as in production.
export KOERS_BENCH_DUO_TOKEN="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# Production also wants its own data-protection key. The load client signs in hundreds of synthetic users from one
# address and keeps each bearer token for the whole run, so the run raises the sign-in limits and the token lifetime
# (the limits themselves are proven by SnelheidslimietenTests, not measured here).
export Koers__DataProtection__Sleutel="$(head -c 32 /dev/urandom | base64)"
export Koers__Beveiliging__BearerTokenMinuten=600
export Koers__Beveiliging__Limieten__InloggenPerIp__Aantal=1000000
export Koers__Beveiliging__Limieten__InloggenPerAccount__Aantal=1000000
export Koers__Beveiliging__Limieten__Exports__Aantal=1000000
export Koers__Beveiliging__Limieten__Uploads__Aantal=1000000
Duo__NotificatieToken="$KOERS_BENCH_DUO_TOKEN" \
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" Database__Provider=Postgres \
    ConnectionStrings__Koers="$KOERS_BENCH_PG" Koers__DemoData=false Koers__Planning__Aan=false Logging__LogLevel__Default=Warning \
    dotnet src/Koers.Web/bin/Release/net10.0/Koers.Web.dll >/tmp/koers-bench-app-$$.log 2>&1 &
KOERS_PID=$!
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/openapi/v1.json" >/dev/null 2>&1 && break
    sleep 1
done

mkdir -p bench/results
UIT="bench/results/$(date -u +%Y%m%dT%H%M)Z-${GEVALLEN}.md"
TABEL="/tmp/koers-bench-tabel-$$.md"
set +e
$BENCH last --url "http://127.0.0.1:$PORT" --pg "$KOERS_BENCH_PG" --gebruikers "$GEBRUIKERS" --duur "$DUUR" --opwarmen "$OPWARMEN" --denktijd "$DENKTIJD" ${SCENARIO:+--scenario "$SCENARIO"} --uit "$TABEL"
RC=$?
set -e
{
    echo "# Koers benchmark, $GEVALLEN cases"
    echo
    echo "Machine: $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM;"
    echo "PostgreSQL ${PG_VERSION:-(extern)} on the same machine; .NET $(dotnet --version)."
    echo "Data set generated in ${GEN_S} s:"
    echo
    echo '```'
    grep -v '^\s*\[' /tmp/koers-bench-genereer-$$.log | tr '\r' '\n' | grep -v '^\s*$' | tail -n 8
    echo '```'
    echo
    cat "$TABEL"
} >"$UIT"
log "resultaten: $UIT"
exit $RC
