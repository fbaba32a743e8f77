#!/usr/bin/env bash
# Soak test: readers (wrk over article, front, section, search and feed pages) for ten minutes while an
# editor publishes or edits a story through the JSON API every few seconds (src/test/bench/SoakEditor.java),
# on H2 (one instance) and on PostgreSQL (two instances of the pg build on one server).
#
#   src/test/bench/soak.sh            # both, 10 minutes each
#   src/test/bench/soak.sh h2         # or pg; SOAK_SECONDS=120 for a short run
#
# After a warm-up of 20 s per instance at low load (not counted), prints, per 30-second slice: requests/s, p99 latency, errors (non-2xx/3xx answers and socket errors)
# and each instance's RSS; then each write's time from the API's answer to the page on every
# instance, and the totals. Fails if there was any error. Needs a JDK, wrk and curl, and for pg
# Debian's postgresql (apt-get install wrk postgresql); builds the jars when missing.
set -euo pipefail
cd "$(dirname "$0")/../../.."

MODES=${*:-h2 pg}
SECONDS_TOTAL=${SOAK_SECONDS:-600}
SLICE=${SOAK_SLICE:-30}
CONNECTIONS=${SOAK_CONNECTIONS:-16}
EDIT_EVERY_MS=${SOAK_EDIT_EVERY_MS:-3000}
JAVA_OPTS=${SOAK_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
export MALLOC_ARENA_MAX=2
PASSWORD=soak-admin-password
WORK=$PWD/target/soak
SEED=/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un

for tool in wrk curl java; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing: apt-get install wrk curl" >&2; exit 1; }
done

PIDS=()
PG_STARTED=
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -z "$PG_STARTED" ] || PG_PORT=55435 src/test/pg/postgres.sh stop || true
}
trap cleanup EXIT

# start_instance JAR DIR PORT [ENV=VALUE...]: starts an instance, waits until ready and searchable.
start_instance() {
  local jar=$1 dir=$2 port=$3; shift 3
  mkdir -p "$dir"
  env QUARKUS_HTTP_PORT="$port" NEWS_DATA_DIR="$dir" NEWS_ADMIN_PASSWORD=$PASSWORD NEWS_BCRYPT_COST=4 \
    SITE_BASE_URL="http://127.0.0.1:$port" "$@" java $JAVA_OPTS -jar "$jar" >>"$dir.log" 2>&1 &
  PIDS+=($!)
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "the instance died; see $dir.log" >&2; exit 1; }
    sleep 0.1
  done
  until ! curl -s "http://127.0.0.1:$port/search?q=summit" | grep -q 'index is being built'; do sleep 0.2; done
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

# wrk's latency in ms, from "99%   12.34ms".
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000} printf "%.1f", v}'; }

# soak NAME PID... -- BASE...: the readers, the editor, and the report.
soak() {
  local name=$1; shift
  local pids=() bases=()
  while [ "$1" != "--" ]; do pids+=("$1"); shift; done; shift
  bases=("$@")
  local lua=$WORK/$name-pages.lua
  cat >"$lua" <<LUA
local paths = {"/", "$SEED", "/politics", "/world", "/search?q=korea", "/search?q=summit+kim", "/feed.xml",
  "/politics/feed.xml", "/tag/north-korea", "/sitemap.xml"}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
  echo
  echo "== $name: ${#bases[@]} instance(s), $CONNECTIONS connections, an API write every $EDIT_EVERY_MS ms, ${SECONDS_TOTAL}s"
  # The JIT's first minute is not the site's steady state: warm every page once at low load first.
  for base in "${bases[@]}"; do wrk -t1 -c2 -d"${SOAK_WARMUP:-20}s" -s "$lua" "$base" >/dev/null 2>&1; done
  java src/test/bench/SoakEditor.java "$SECONDS_TOTAL" "$EDIT_EVERY_MS" admin "$PASSWORD" "${bases[@]}" >"$WORK/$name-editor.txt" 2>&1 &
  local editor=$!
  rm -f "$WORK/$name-errors.txt"
  local errors=0 slices=$(( SECONDS_TOTAL / SLICE )) per=$(( CONNECTIONS / ${#bases[@]} ))
  printf '%6s %9s %9s %7s  %s\n' "t (s)" "req/s" "p99 (ms)" "errors" "RSS (MB) per instance"
  for slice in $(seq 1 "$slices"); do
    local outs=() readers=()
    for base in "${bases[@]}"; do
      local out; out=$(mktemp)
      outs+=("$out")
      wrk -t1 -c"$per" -d"${SLICE}s" --latency -s "$lua" "$base" >"$out" 2>&1 &
      readers+=($!)
    done
    wait "${readers[@]}" || true
    local rps=0 p99=0 errs=0
    for out in "${outs[@]}"; do
      rps=$(awk -v a="$rps" '/^Requests\/sec/ {printf "%d", a + $2}' "$out")
      local p; p=$(awk '$1 == "99%" {print $2}' "$out" | to_ms)
      p99=$(awk -v a="$p99" -v b="$p" 'BEGIN {print (b > a ? b : a)}')
      errs=$(( errs + $(awk '/Non-2xx or 3xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$out") ))
      grep -h 'Non-2xx\|Socket errors' "$out" >>"$WORK/$name-errors.txt" || true
      rm -f "$out"
    done
    errors=$(( errors + errs ))
    local rss=""
    for pid in "${pids[@]}"; do rss="$rss $(rss_mb "$pid")"; done
    printf '%6d %9d %9s %7d %s\n' $(( slice * SLICE )) "$rps" "$p99" "$errs" "$rss"
  done
  local editor_ok=0
  wait "$editor" || editor_ok=$?
  grep -v '^publish\|^edit' "$WORK/$name-editor.txt" || true
  [ ! -s "$WORK/$name-errors.txt" ] || sort "$WORK/$name-errors.txt" | uniq -c
  echo "$name: $errors reader errors; editor exit $editor_ok"
  [ "$errors" -eq 0 ] && [ "$editor_ok" -eq 0 ]
}

status=0
mkdir -p "$WORK"
for mode in $MODES; do
  case $mode in
    h2)
      [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package
      rm -rf "$WORK/h2" "$WORK/h2.log"
      start_instance target/quarkus-app/quarkus-run.jar "$WORK/h2" 8291
      soak h2 "${PIDS[-1]}" -- http://127.0.0.1:8291 || status=1
      kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
      ;;
    pg)
      [ -f target/pg-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package -Dquarkus.profile=pg -Dquarkus.package.output-directory=pg-app
      url=$(PG_PORT=55435 src/test/pg/postgres.sh start); PG_STARTED=1
      keys=(DB_URL="$url" DB_USER=postgres QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=soak-session-key-0123456789abcdefghij
            NEWS_PREVIEW_KEY=soak-preview-key-0123456789abcdefghij)
      rm -rf "$WORK"/pg-a* "$WORK"/pg-b*
      start_instance target/pg-app/quarkus-run.jar "$WORK/pg-a" 8292 "${keys[@]}"
      a=${PIDS[-1]}
      start_instance target/pg-app/quarkus-run.jar "$WORK/pg-b" 8293 "${keys[@]}"
      b=${PIDS[-1]}
      soak pg "$a" "$b" -- http://127.0.0.1:8292 http://127.0.0.1:8293 || status=1
      kill "$a" "$b"; wait "$a" "$b" 2>/dev/null || true
      PG_PORT=55435 src/test/pg/postgres.sh stop; PG_STARTED=
      ;;
    *) echo "unknown mode $mode (h2 or pg)" >&2; exit 2 ;;
  esac
done
exit $status
