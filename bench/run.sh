#!/usr/bin/env bash
# The Koers benchmark on a fresh machine, end to end:
#
#     bash bench/run.sh [--gevallen 150000] [--gebruikers 100] [--duur 20] [--denktijd 0 (ms between a user's requests)]
#                       [--opwarmen 15] [--opwarmenmax 90 (warm-up goes on while Koers's JIT is busy, up to this)]
#                       [--scenario <part of a scenario name, e.g. csv, duo or audit>] [--auditjaar N] [--rook]
#
# --auditjaar N adds N rows of a year of national audit to the data set (bench/Koers.Bench/Auditjaar.cs), for the
# auditor's search (scenario audit; bench/README.md "Audit op landelijke schaal").
#
# --rook is the smoke run CI does (scripts/test.sh, after the tests of a full run): a few hundred cases, a few
# users, seconds per scenario, small CSV and DUO bursts, results under /tmp. It proves the benchmark still runs with
# 0 errors; its timings mean nothing and nothing checks them.
#
# 1. starts a throwaway PostgreSQL cluster on loopback (like scripts/test.sh; removed again on exit),
# 2. builds Koers and the bench tool in Release (KOERS_BENCH_CONFIG below),
# 3. generates the synthetic national data set (bench/Koers.Bench genereer),
# 4. starts Koers (that build, Production settings, no demo data, no nightly timer) against that database,
# 5. runs the load scenarios and the bare-SQL comparison (bench/Koers.Bench last), including the partner CSV upload
#    and the DUO burst (Koers gets a random DUO notification token for this run, the load client the same one),
# 6. writes bench/results/<UTC timestamp>.md with the machine, PostgreSQL version and the numbers.
# Set KOERS_BENCH_PG to use an existing (empty) database instead of a throwaway cluster; KOERS_BENCH_PORT (Koers,
# default 5080) and KOERS_BENCH_PG_PORT (the throwaway cluster, default 56432) move the ports.
# KOERS_BENCH_CONFIG=Debug runs the Debug build instead of Release (the smoke run after the tests: that build is already
# there, and the smoke run's timings mean nothing); KOERS_BENCH_SKIP_BUILD=1 skips building.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
AUDITJAAR=""; DUOMELDINGEN=5000; GEVALLEN=150000; GEBRUIKERS=100; DUUR=20; OPWARMEN=15; OPWARMENMAX=90; DENKTIJD=0; SCENARIO=""; PORT=${KOERS_BENCH_PORT:-5080}; ROOK=""
EXTRA=()
while [ $# -gt 0 ]; do
    case "$1" in
        --rook) ROOK=1; GEVALLEN=400; GEBRUIKERS=4; DUUR=2; OPWARMEN=1; OPWARMENMAX=1
                DUOMELDINGEN=100; EXTRA=(--csvgebruikers 1 --csvregels 200 --csvuploads 1 --duomeldingen 100 --duoverzenders 2 --duodrain 120); shift ;;
        --gevallen) GEVALLEN=$2; shift 2 ;;
        --gebruikers) GEBRUIKERS=$2; shift 2 ;;
        --duur) DUUR=$2; shift 2 ;;
        --opwarmen) OPWARMEN=$2; shift 2 ;;
        --opwarmenmax) OPWARMENMAX=$2; shift 2 ;;
        --denktijd) DENKTIJD=$2; shift 2 ;;
        --scenario) SCENARIO=$2; shift 2 ;;
        --auditjaar) AUDITJAAR=$2; shift 2 ;;
        # The bulk scenarios' knobs go to the load client as they are (bench/README.md "Reproduce").
        --csvgebruikers|--csvregels|--csvuploads|--duomeldingen|--duoverzenders|--duodrain) EXTRA+=("$1" "$2"); [ "$1" = --duomeldingen ] && DUOMELDINGEN=$2; shift 2 ;;
        *) echo "onbekende optie $1"; exit 2 ;;
    esac
done

log() { printf '[bench] %s\n' "$*"; }
fout() { printf '[bench] FOUT: %s\n' "$*" >&2; exit 1; }
# A port something already listens on would measure that something (another Koers, another PostgreSQL): refuse.
bezet() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
bezet "$PORT" && fout "poort $PORT is al in gebruik (draait er al een Koers?); stop dat proces of kies KOERS_BENCH_PORT"
if [ -z "${KOERS_BENCH_PG:-}" ]; then
    bezet "${KOERS_BENCH_PG_PORT:-56432}" && fout "databasepoort ${KOERS_BENCH_PG_PORT:-56432} is al in gebruik; kies KOERS_BENCH_PG_PORT"
fi
PG_DIR=""; PG_BIN=""; KOERS_PID=""; KOERS2_PID=""
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
cleanup() {
    [ -n "$KOERS_PID" ] && kill "$KOERS_PID" 2>/dev/null && wait "$KOERS_PID" 2>/dev/null || true
    [ -n "$KOERS2_PID" ] && kill "$KOERS2_PID" 2>/dev/null && wait "$KOERS2_PID" 2>/dev/null || true
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

CONFIG="${KOERS_BENCH_CONFIG:-Release}"
if [ -z "${KOERS_BENCH_SKIP_BUILD:-}" ]; then
log "build ($CONFIG)"
dotnet build -c "$CONFIG" -v q -nologo src/Koers.Web/Koers.Web.csproj >/dev/null
dotnet build -c "$CONFIG" -v q -nologo bench/Koers.Bench/Koers.Bench.csproj >/dev/null
fi
BENCH="dotnet bench/Koers.Bench/bin/$CONFIG/net10.0/Koers.Bench.dll"

# BSNs are stored encrypted (Koers:Bsn): one fresh key pair per run, read by the generator, Koers and the load
# client from the environment. The data set is thrown away with the run, so are the keys.
export Koers__Bsn__Sleutels__1="$(head -c 32 /dev/urandom | base64)"
export Koers__Bsn__IndexSleutels__1="$(head -c 32 /dev/urandom | base64)"

log "genereer $GEVALLEN dossiers"
START=$(date +%s)
$BENCH genereer --gevallen "$GEVALLEN" --pg "$KOERS_BENCH_PG" ${AUDITJAAR:+--auditjaar "$AUDITJAAR"} | tee /tmp/koers-bench-genereer-$$.log
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
# DUO itself is the in-process simulator: decision events (SS109, SS115, SS117, SS119 in the burst) make Koers read
# DUO's Vrijstelling or Ontheffing API, a loopback HTTP round trip here (a real DUO is further away).
# Production Koers only serves pages over HTTPS (Secure cookies); the load client plays the TLS-terminating proxy
# (X-Forwarded-Proto: https from loopback), so the pages are measured as production serves them.
# The tiered JIT promotes hot methods at once, as the image does (DOTNET_TC_CallCountingDelayMs=0, docs/operations.md).
start_koers() { # <port> <log>: one Koers instance in the background
    DOTNET_TC_CallCountingDelayMs=0 Koers__Proxy__BekendeProxies__0=127.0.0.1 \
    Duo__Simulator=true Duo__NotificatieToken="$KOERS_BENCH_DUO_TOKEN" \
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$1" Database__Provider=Postgres \
        ConnectionStrings__Koers="$KOERS_BENCH_PG" Koers__DemoData=false Koers__Planning__Aan=false Logging__LogLevel__Default=Warning \
        dotnet "src/Koers.Web/bin/$CONFIG/net10.0/Koers.Web.dll" >"$2" 2>&1 &
}
wacht_op_koers() { # <pid> <port> <log>
    for _ in $(seq 1 120); do
        kill -0 "$1" 2>/dev/null || fout "Koers stopte bij het starten; zie $3"
        curl -fs "http://127.0.0.1:$2/openapi/v1.json" >/dev/null 2>&1 && return 0
        sleep 1
    done
}
start_koers "$PORT" "/tmp/koers-bench-app-$$.log"
KOERS_PID=$!
wacht_op_koers "$KOERS_PID" "$PORT" "/tmp/koers-bench-app-$$.log"

# CPU used during the load run, per party, from /proc (clock ticks): the whole machine, Koers, our PostgreSQL (the
# postmaster with its finished children, plus the live backends) and the load client (the shell's child times).
# What is left is other processes: the share of the machine they took is written into the results.
ticks() { awk '/^cpu / {t=0; for (i=2; i<=NF; i++) t+=$i; print t, t-$5-$6}' /proc/stat; }
proces() { awk '{print $14+$15+$16+$17}' "/proc/$1/stat" 2>/dev/null || echo 0; }
postgres_cpu() {
    local pm s=0
    [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ] || { echo 0; return; }
    pm=$(head -n 1 "$PG_DIR/data/postmaster.pid")
    for p in $pm $(ps -o pid= --ppid "$pm"); do s=$(( s + $(proces "$p") )); done
    echo "$s"
}
# 'times' must run in this shell (in $(…) it would report the subshell's children): its second line is the CPU time
# of this script's finished children, so the difference around the load run is the load client's.
TIMES_F="/tmp/koers-bench-times-$$"
client_cpu() { awk 'NR==2 {split($1,u,"m"); split($2,s,"m"); printf "%d\n", (u[1]*60+u[2]+s[1]*60+s[2])*100}' "$TIMES_F"; }
times >"$TIMES_F"
read -r CPU_T0 CPU_B0 < <(ticks); KOERS_C0=$(proces "$KOERS_PID"); PG_C0=$(postgres_cpu); CLIENT_C0=$(client_cpu)
LOAD_VOOR="$(cut -d' ' -f1-3 /proc/loadavg)"

UITMAP=bench/results; [ -n "$ROOK" ] && UITMAP=/tmp/koers-bench-rook
mkdir -p "$UITMAP"
UIT="$UITMAP/$(date -u +%Y%m%dT%H%M)Z-${GEVALLEN}.md"
TABEL="/tmp/koers-bench-tabel-$$.md"
set +e
$BENCH last --url "http://127.0.0.1:$PORT" --pg "$KOERS_BENCH_PG" --gebruikers "$GEBRUIKERS" --duur "$DUUR" --opwarmen "$OPWARMEN" --opwarmenmax "$OPWARMENMAX" --denktijd "$DENKTIJD" ${SCENARIO:+--scenario "$SCENARIO"} "${EXTRA[@]}" --uit "$TABEL"
RC=$?
set -e
times >"$TIMES_F"
read -r CPU_T1 CPU_B1 < <(ticks); KOERS_C1=$(proces "$KOERS_PID"); PG_C1=$(postgres_cpu); CLIENT_C1=$(client_cpu)
rm -f "$TIMES_F"
LOAD_NA="$(cut -d' ' -f1-3 /proc/loadavg)"
kill -0 "$KOERS_PID" 2>/dev/null || { log "Koers is tijdens de run gestopt"; RC=1; }
# Shares of all cores: busy ticks minus ours, over all ticks (the client's times are in 1/100 s, as USER_HZ is on Linux).
CPU_REGEL="$(awk -v t=$((CPU_T1-CPU_T0)) -v b=$((CPU_B1-CPU_B0)) -v k=$((KOERS_C1-KOERS_C0)) -v p=$((PG_C1-PG_C0)) -v c=$((CLIENT_C1-CLIENT_C0)) \
    'BEGIN { if (t<=0) t=1; o=b-k-p-c; if (o<0) o=0; printf "CPU during the load run (share of all cores): Koers %.1f%%, PostgreSQL %.1f%%, load client %.1f%%, other processes %.1f%%.", 100*k/t, 100*p/t, 100*c/t, 100*o/t }')"
{
    echo "# Koers benchmark, $GEVALLEN cases"
    echo
    echo "Machine: $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM;"
    echo "PostgreSQL ${PG_VERSION:-(extern)} on the same machine; .NET $(dotnet --version); Koers in $CONFIG."
    echo "Load average (1, 5, 15 min) before the load run: $LOAD_VOOR; after: $LOAD_NA."
    echo "$CPU_REGEL"
    [ -n "$ROOK" ] && echo "Smoke run (--rook): the numbers below are not a measurement."
    echo "Data set generated in ${GEN_S} s:"
    echo
    echo '```'
    grep -v '^\s*\[' /tmp/koers-bench-genereer-$$.log | tr '\r' '\n' | grep -v '^\s*$' | tail -n 8
    echo '```'
    echo
    cat "$TABEL"
} >"$UIT"

# Two instances (issue #21: the inbox drains "faster with two", order per person kept): a second Koers on the same
# database, both polling the inbox, and the DUO backlog drain once more. The pair is warmed first (not measured) with
# two backlogs of the measured size, as the first instance was by the first burst and the burst before its own drain:
# after a warm-up of 1,000 the second instance's JIT still took 30 % of the machine's CPU during the measured drain
# (perf, 7 December 2026; bench/README.md, "... two instances warmed alike"). The load client checks the order per person
# and counts a broken order as an error.
if [ "$RC" = 0 ] && { [ -z "$SCENARIO" ] || [[ "${SCENARIO,,}" == *duo* ]] || [[ "${SCENARIO,,}" == *achterstand* ]]; }; then
    PORT2=$((PORT + 1)); while bezet "$PORT2"; do PORT2=$((PORT2 + 1)); done
    log "tweede Koers op 127.0.0.1:$PORT2, DUO-achterstand met twee instanties"
    start_koers "$PORT2" "/tmp/koers-bench-app2-$$.log"
    KOERS2_PID=$!
    wacht_op_koers "$KOERS2_PID" "$PORT2" "/tmp/koers-bench-app2-$$.log"
    TABEL2="/tmp/koers-bench-tabel2-$$.md"
    set +e
    for _ in 1 2; do
        $BENCH last --url "http://127.0.0.1:$PORT" --pg "$KOERS_BENCH_PG" --gebruikers 1 --duur 1 --opwarmen 1 --scenario achterstand \
            --duomeldingen "$DUOMELDINGEN" --duoinstanties 2 >/dev/null
    done
    LOAD2_VOOR="$(cut -d' ' -f1-3 /proc/loadavg)"
    $BENCH last --url "http://127.0.0.1:$PORT" --pg "$KOERS_BENCH_PG" --gebruikers 1 --duur 1 --opwarmen 1 --scenario achterstand \
        --duoinstanties 2 "${EXTRA[@]}" --uit "$TABEL2"
    RC=$?
    set -e
    kill "$KOERS2_PID" 2>/dev/null && wait "$KOERS2_PID" 2>/dev/null || true
    KOERS2_PID=""
    {
        echo
        echo "Two Koers instances on the same database (the second started for this scenario only; the pair warmed with two backlogs of the measured size); load average before: $LOAD2_VOOR:"
        echo
        # The bulk table only (its header, separator and the drain row), not the load table's separator before it.
        awk '/^\| bulk scenario/ {t=1} t && /^\|( bulk scenario|---| DUO backlog)/' "$TABEL2"
    } >>"$UIT"
fi
log "resultaten: $UIT"
exit $RC
