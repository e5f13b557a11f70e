#!/usr/bin/env bash
# Run ALL tests of the Koers solution on a fresh machine:
#
#     bash scripts/test.sh [extra dotnet test args...]
#
# - If KOERS_TEST_PG is set (non-empty) it is used as the PostgreSQL connection
#   string as is. Otherwise a throwaway PostgreSQL cluster is started on
#   127.0.0.1 (installed via apt first if needed and we are root) and removed
#   again on exit, also on failure or Ctrl-C.
# - Runs `dotnet test` on $KOERS_TEST_TARGET (default: Koers.sln) with a TRX
#   logger into <repo>/TestResults, sums the TRX counters and prints as the
#   very last line:  "N passed, N failed".
# - Exits non-zero if dotnet test failed, any test failed or no test passed.
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 1

TARGET="${KOERS_TEST_TARGET:-Koers.sln}"
RESULTS_DIR="$REPO_ROOT/TestResults"

log() { printf '[test.sh] %s\n' "$*"; }

# ---------------------------------------------------------------- PostgreSQL
PG_DIR=""
PG_BIN=""
PG_AS_POSTGRES=0

# Run a command as the cluster owner (postgres when root, else ourselves).
# cd / first so postgres does not complain about an unreadable cwd (e.g. /root).
as_pg_owner() {
    if [ "$PG_AS_POSTGRES" = 1 ]; then
        if command -v runuser >/dev/null 2>&1; then
            (cd / && runuser -u postgres -- "$@")
        else
            local cmd
            cmd="$(printf '%q ' "$@")"
            (cd / && su -s /bin/sh postgres -c "$cmd")
        fi
    else
        "$@"
    fi
}

cleanup_pg() {
    [ -n "$PG_DIR" ] || return 0
    if [ -n "$PG_BIN" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
        as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
            as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf -- "$PG_DIR" 2>/dev/null || true
    PG_DIR=""
}

on_exit() {
    local rc=$?
    cleanup_pg
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

find_pg_bin() {
    local d best=""
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && best="$d"
    done
    printf '%s' "$best"
}

install_pg() {
    local aptlog
    aptlog="$(mktemp /tmp/koers-apt-XXXXXX.log)"
    log "PostgreSQL not found, installing it with apt-get (log: $aptlog)"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
           DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
               -o Dpkg::Use-Pty=0 postgresql; } </dev/null >"$aptlog" 2>&1; then
        log "apt-get failed; last lines of $aptlog:"
        tail -n 30 "$aptlog"
        return 1
    fi
    rm -f "$aptlog"
}

port_in_use() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        [ -n "$(ss -Htln "sport = :$port" 2>/dev/null)" ] && return 0
    fi
    # Something accepting connections on loopback?
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    return 1
}

start_pg() {
    PG_BIN="$(find_pg_bin)"
    if [ -z "$PG_BIN" ]; then
        if [ "$(id -u)" = 0 ]; then
            install_pg || return 1
            PG_BIN="$(find_pg_bin)"
        fi
        if [ -z "$PG_BIN" ]; then
            log "ERROR: no initdb/pg_ctl under /usr/lib/postgresql/*/bin (install postgresql or set KOERS_TEST_PG)"
            return 1
        fi
    fi

    if [ "$(id -u)" = 0 ]; then
        # The server refuses to run as root: run it as the postgres user.
        if ! id postgres >/dev/null 2>&1; then
            useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres || return 1
        fi
        PG_AS_POSTGRES=1
    fi

    PG_DIR="/tmp/koers-pg-$$"
    rm -rf -- "$PG_DIR"
    mkdir -p "$PG_DIR" || return 1
    chmod 700 "$PG_DIR"
    [ "$PG_AS_POSTGRES" = 1 ] && chown postgres: "$PG_DIR"

    log "initdb ($PG_BIN) in $PG_DIR"
    if ! as_pg_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1; then
        log "ERROR: initdb failed:"
        cat "$PG_DIR/initdb.log"
        return 1
    fi

    local port=${KOERS_TEST_PG_PORT:-55432} tries=0
    while :; do
        while port_in_use "$port"; do port=$((port + 1)); done
        if as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
                -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
                start >"$PG_DIR/pg_ctl.log" 2>&1; then
            break
        fi
        tries=$((tries + 1))
        if [ "$tries" -lt 10 ] && grep -qiE 'could not bind|address already in use|could not create any TCP/IP sockets' "$PG_DIR/postgres.log" 2>/dev/null; then
            log "port $port taken meanwhile, trying next one"
            as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
            port=$((port + 1))
            continue
        fi
        log "ERROR: could not start PostgreSQL:"
        cat "$PG_DIR/pg_ctl.log" "$PG_DIR/postgres.log" 2>/dev/null | tail -n 40
        return 1
    done

    export KOERS_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
    log "PostgreSQL $("$PG_BIN/pg_ctl" --version | awk '{print $3}') running on 127.0.0.1:$port"
}

if [ -n "${KOERS_TEST_PG:-}" ]; then
    log "using KOERS_TEST_PG from the environment"
else
    if ! start_pg; then
        echo "0 passed, 1 failed"
        exit 1
    fi
fi

# ---------------------------------------------------------------- Chromium
# Logius's NL API Design Rules ruleset runs in Spectral (tests/Koers.Web.Tests/Api); its exact version and
# dependencies are pinned in tools/spectral/package-lock.json. --ignore-scripts: no install script needs to run.
if [ ! -f tools/spectral/node_modules/@stoplight/spectral-cli/dist/index.js ] ||
   [ tools/spectral/package-lock.json -nt tools/spectral/node_modules/.package-lock.json ]; then
    log "npm ci (tools/spectral)"
    if ! npm ci --prefix tools/spectral --ignore-scripts --no-audit --no-fund --loglevel=error </dev/null >/dev/null 2>&1; then
        log "npm ci in tools/spectral failed; the API design rules test will fail"
    fi
fi

# The browser tests drive Debian's Chromium through Playwright, in Dutch (date fields dd-mm-jjjj need the language
# packs of chromium-l10n); install what is missing when allowed.
if [ ! -x "${KOERS_CHROMIUM:-/usr/bin/chromium}" ] || { [ -z "${KOERS_CHROMIUM:-}" ] && [ ! -f /usr/lib/chromium/locales/nl.pak ]; }; then
    if [ "$(id -u)" = 0 ]; then
        log "Chromium or its Dutch language pack not found, installing chromium chromium-l10n with apt-get"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-l10n fonts-dejavu-core </dev/null >/dev/null 2>&1 \
            || log "apt-get install chromium chromium-l10n failed; the browser tests will fail"
    else
        log "Chromium (with chromium-l10n) not found at ${KOERS_CHROMIUM:-/usr/bin/chromium}; install it (apt-get install chromium chromium-l10n) or set KOERS_CHROMIUM"
    fi
fi

# ---------------------------------------------------------------- dotnet test
mkdir -p "$RESULTS_DIR"
rm -f "$RESULTS_DIR"/*.trx
# Screenshots and letters of the browser tests (tests/Koers.Web.Tests/Infrastructure/Artefacten.cs): kept with the
# TRX files, so CI keeps them as artefacts. Cleared per run, so what is there belongs to this run.
export KOERS_ARTEFACTEN="$RESULTS_DIR/artefacten"
rm -rf -- "$KOERS_ARTEFACTEN"
mkdir -p "$KOERS_ARTEFACTEN"

log "dotnet test $TARGET $*"
# A test that hangs is stopped with a dump after 20 minutes (the slowest test takes about 1.5), so a hang fails the run
# well inside CI's 90 minutes instead of using them up.
dotnet test "$TARGET" --logger "trx;LogFilePrefix=koers" --results-directory "$RESULTS_DIR" --blame-hang-timeout 20m "$@" </dev/null
TEST_RC=$?

# ---------------------------------------------------------------- benchmark smoke run
# The full run (no arguments) also runs the benchmark once on a few hundred cases (bench/run.sh --rook), so the
# benchmark keeps working: 0 errors is the test, the timings are not judged. It counts as one test in the summary.
# It runs the Debug build `dotnet test Koers.sln` has just made (bench/Koers.Bench is in the solution), which spares CI a
# two-minute Release build for numbers nobody reads.
BENCH_PASSED=0; BENCH_FAILED=0
if [ "$#" -eq 0 ] && [ "$TARGET" = Koers.sln ] && [ "${KOERS_BENCH_ROOK:-1}" != 0 ]; then
    vrij() { local p; for p in $(seq "$1" "$2"); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; }
    log "benchmark smoke run (bench/run.sh --rook)"
    if KOERS_BENCH_CONFIG=Debug KOERS_BENCH_SKIP_BUILD=1 KOERS_BENCH_PORT="$(vrij 5180 5199)" KOERS_BENCH_PG_PORT="$(vrij 56440 56459)" timeout 900 bash bench/run.sh --rook >"$RESULTS_DIR/bench-rook.log" 2>&1 </dev/null; then
        BENCH_PASSED=1; log "  benchmark smoke run: 0 errors"
    else
        BENCH_FAILED=1; log "  benchmark smoke run FAILED; last lines of $RESULTS_DIR/bench-rook.log:"; tail -n 20 "$RESULTS_DIR/bench-rook.log" >&2
    fi
fi

# ---------------------------------------------------------------- TRX summary
shopt -s nullglob
TRX_FILES=("$RESULTS_DIR"/*.trx)
shopt -u nullglob

if [ "${#TRX_FILES[@]}" -eq 0 ]; then
    log "no TRX file produced (dotnet test exit code $TEST_RC; build failure?)"
    echo "0 passed, 1 failed"
    [ "$TEST_RC" -ne 0 ] && exit "$TEST_RC"
    exit 1
fi

# Prints one line per file "passed failed name" and a final "TOTAL passed failed".
# errors/timeouts/aborted count as failures; an unparsable file counts as 1 failure.
parse_trx() {
    local py="" c
    for c in /usr/bin/python3 python3; do
        if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import xml.etree.ElementTree' >/dev/null 2>&1; then
            py="$c"; break
        fi
    done
    if [ -n "$py" ]; then
        "$py" - "$@" <<'PY'
import os, sys
import xml.etree.ElementTree as ET
tp = tf = 0
for path in sys.argv[1:]:
    p = f = 0
    try:
        root = ET.parse(path).getroot()
        counters = [e for e in root.iter() if e.tag.rsplit('}', 1)[-1] == 'Counters']
        if not counters:
            raise ValueError('no <Counters> element')
        for c in counters:
            g = lambda k: int(c.get(k, '0') or 0)
            p += g('passed')
            f += g('failed') + g('error') + g('timeout') + g('aborted')
    except Exception as e:
        print('unparsable %s: %s' % (os.path.basename(path), e), file=sys.stderr)
        p, f = 0, 1
    print(p, f, os.path.basename(path))
    tp += p; tf += f
print('TOTAL', tp, tf)
PY
    else
        # Fallback without python: grep/sed on the (single-line-ified) XML.
        local f tp=0 tf=0 line p x k v
        for f in "$@"; do
            line="$(tr '\n' ' ' <"$f" | grep -o '<Counters [^>]*>' | head -n 1)"
            if [ -z "$line" ]; then
                echo "unparsable $(basename "$f"): no <Counters> element" >&2
                p=0; x=1
            else
                p="$(printf '%s' "$line" | sed -n 's/.*[[:space:]]passed="\([0-9]*\)".*/\1/p')"
                p=${p:-0}; x=0
                for k in failed error timeout aborted; do
                    v="$(printf '%s' "$line" | sed -n "s/.*[[:space:]]$k=\"\([0-9]*\)\".*/\1/p")"
                    x=$((x + ${v:-0}))
                done
            fi
            echo "$p $x $(basename "$f")"
            tp=$((tp + p)); tf=$((tf + x))
        done
        echo "TOTAL $tp $tf"
    fi
}

PARSED="$(parse_trx "${TRX_FILES[@]}")"
PASSED=0; FAILED=1
while read -r a b c; do
    if [ "$a" = TOTAL ]; then PASSED=$((b + BENCH_PASSED)); FAILED=$((c + BENCH_FAILED))
    else log "  $c: $a passed, $b failed"; fi
done <<<"$PARSED"

RC=0
if [ "$TEST_RC" -ne 0 ]; then
    RC=$TEST_RC
    if [ "$FAILED" -eq 0 ]; then
        log "dotnet test exited with code $TEST_RC although no test failed (build error or crashed test host?); counting 1 failure"
        FAILED=1
    fi
elif [ "$FAILED" -ne 0 ]; then
    RC=1
elif [ "$PASSED" -eq 0 ]; then
    log "no test passed"
    RC=1
fi

ARTEFACTEN_AANTAL="$(find "$KOERS_ARTEFACTEN" -type f 2>/dev/null | wc -l)"
if [ "$ARTEFACTEN_AANTAL" -gt 0 ]; then
    log "artefacts (screenshots, letters): $ARTEFACTEN_AANTAL files in ${KOERS_ARTEFACTEN#"$REPO_ROOT"/}/ (klantreis walk: ${KOERS_ARTEFACTEN#"$REPO_ROOT"/}/klantreis/)"
fi

echo "$PASSED passed, $FAILED failed"
exit "$RC"
