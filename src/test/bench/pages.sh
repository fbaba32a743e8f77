#!/usr/bin/env bash
# Page benchmark: the packaged jar against nginx serving a saved copy of the seed article (the static
# limit), on databases of 100 and 10,000 articles, warm (page cache) and cold (page cache off).
#
#   src/test/bench/pages.sh              # both sizes
#   src/test/bench/pages.sh 100          # one size
#
# Needs a JDK, wrk and nginx (apt-get install wrk nginx). Builds the jar when missing. Each database
# is generated once through the JSON API (src/test/bench/GenerateArticles.java) into
# target/bench/data-N and reused; 10,000 articles take several minutes the first time.
# Prints one table per size: req/s (median of three interleaved rounds), p50 and p99 latency, the
# ratio to the static copy, server CPU per request (from /proc), and the app's RSS and start time.
# wrk sends no Accept-Encoding, so app and nginx send the same uncompressed bytes.
set -euo pipefail
cd "$(dirname "$0")/../../.."

SIZES=${*:-100 10000}
DURATION=${BENCH_SECONDS:-5}
ROUNDS=${BENCH_ROUNDS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
# The documented memory settings (README, "Memory").
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
export MALLOC_ARENA_MAX=2
APP_PORT=8187
NGINX_PORT=8188
JAR=target/quarkus-app/quarkus-run.jar
WORK=$PWD/target/bench
PASSWORD=bench-admin-password
TICKS=$(getconf CLK_TCK)

for tool in wrk nginx java curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing: apt-get install wrk nginx curl" >&2; exit 1; }
done
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
mkdir -p "$WORK"

APP_PID=
NGINX_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
}
trap cleanup EXIT

# start_app DATA_DIR [ENV=VALUE...]: starts the jar in the background and waits until it is ready;
# sets APP_PID and START_MS (launch to readiness, wall clock).
start_app() {
  local dir=$1; shift
  local started=$(date +%s%N)
  env QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$dir/news" \
    NEWS_SEARCH_INDEX_PATH="$dir/search-index" NEWS_ADMIN_PASSWORD=$PASSWORD NEWS_BCRYPT_COST=4 \
    SITE_DEMO_CONTENT=false "$@" java $JAVA_OPTS -jar "$JAR" >>"$dir.log" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/q/health/ready"; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app died; see $dir.log" >&2; exit 1; }
    sleep 0.05
  done
  START_MS=$(( ($(date +%s%N) - started) / 1000000 ))
  # The search index catches up in the background after start; wait for it, then warm the JIT a little.
  until ! curl -s "http://127.0.0.1:$APP_PORT/search?q=summit" | grep -q 'index is being built'; do sleep 0.2; done
}

stop_app() {
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
cpu_ticks() { local total=0; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo $total; }

generate() {
  local n=$1 dir=$WORK/data-$1
  [ -f "$dir/generated" ] && return
  rm -rf "$dir" "$dir.log"; mkdir -p "$dir"
  echo "Generating $n articles in $dir (once)..."
  start_app "$dir"
  # The seed story is one of the N.
  java src/test/bench/GenerateArticles.java "http://127.0.0.1:$APP_PORT" admin $PASSWORD $((n - 1))
  stop_app
  touch "$dir/generated"
}

# measure NAME URL PIDS...: one wrk run; appends "name req/s p50 p99 cpu-ms-per-request" to $RESULTS.
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.3f", v / 1000; else if (v ~ /ms$/) printf "%.3f", v + 0; else printf "%.3f", v * 1000 }'; }
measure() {
  local name=$1 url=$2; shift 2
  local before=$(cpu_ticks "$@") out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url")
  local after=$(cpu_ticks "$@")
  local rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  local requests=$(echo "$out" | awk '/requests in/ {print $1}')
  local errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  [ -n "$errors" ] && echo "  $name: $errors" >&2
  local p50=$(ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")
  local p99=$(ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  local cpu=$(awk -v t=$((after - before)) -v r="$requests" -v hz="$TICKS" 'BEGIN { printf "%.4f", t * 1000 / hz / r }')
  echo "$name $rps $p50 $p99 $cpu" >>"$RESULTS"
}

# table TITLE: the median round of each page, against the static copy's median req/s.
table() {
  echo
  echo "$1"
  echo "| page | req/s | p50 ms | p99 ms | × static | server CPU ms/request |"
  echo "|---|---|---|---|---|---|"
  awk '{ n[$1]++; rps[$1, n[$1]] = $2; line[$1, n[$1]] = $0; if (!($1 in order)) { order[$1] = ++pages; name[pages] = $1 } }
    END {
      for (p = 1; p <= pages; p++) {
        k = name[p]; m = n[k]
        # the round with the median req/s
        for (i = 1; i <= m; i++) { below = 0; for (j = 1; j <= m; j++) if (rps[k, j] < rps[k, i]) below++; if (below == int((m - 1) / 2)) pick = i }
        split(line[k, pick], f, " "); med[k] = f[2]; p50[k] = f[3]; p99[k] = f[4]; cpu[k] = f[5]
      }
      static = med["static"]
      for (p = 1; p <= pages; p++) { k = name[p]
        printf "| %s | %.0f | %.2f | %.2f | %.2f | %.4f |\n", k, med[k], p50[k], p99[k], (static ? med[k] / static : 0), cpu[k] }
    }' "$RESULTS"
}

base=http://127.0.0.1:$APP_PORT
for n in $SIZES; do
  generate "$n"
  dir=$WORK/data-$n
  start_app "$dir"
  cold_start=$START_MS
  stop_app
  start_app "$dir"   # a second start on the existing database: the figure to compare
  rss_start=$(rss_mb "$APP_PID")

  seed=/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un
  tag=$(curl -s "$base$seed" | grep -o 'href="/tag/[a-z0-9-]*"' | head -1 | cut -d'"' -f2 || true)
  deep=/politics
  for _ in $(seq 1 10); do
    next=$(curl -s "$base$deep" | grep -o 'href="/politics?before=[^"]*"' | head -1 | cut -d'"' -f2 | sed 's/&amp;/\&/g' || true)
    [ -z "$next" ] && break
    deep=$next
  done
  mkdir -p "$WORK/static"
  curl -s "$base$seed" >"$WORK/static/article.html"
  cat >"$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/static; }
}
NGINX
  nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
  sleep 0.5
  nginx_pids="$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"   # the master and its workers

  pages="article|$seed front|/ section-deep|$deep tag|$tag search|/search?q=summit feed|/feed.xml"
  for page in $pages; do curl -s -o /dev/null "$base${page#*|}"; done
  wrk -t2 -c"$CONNECTIONS" -d3s "$base$seed" >/dev/null   # JIT warm-up

  RESULTS=$(mktemp)
  for round in $(seq 1 "$ROUNDS"); do
    measure static "http://127.0.0.1:$NGINX_PORT/article.html" $nginx_pids
    for page in $pages; do measure "${page%%|*}" "$base${page#*|}" "$APP_PID"; done
  done
  rss_after=$(rss_mb "$APP_PID")
  table "### $n articles, warm (page cache on), $CONNECTIONS connections, ${DURATION} s × $ROUNDS rounds"
  echo
  echo "Start on the existing database: ${START_MS} ms (first start, creating it: ${cold_start} ms). RSS: ${rss_start} MB after start, ${rss_after} MB after the warm runs. Heap: $JAVA_OPTS."
  echo "Pages: article $seed, section-deep $deep, tag $tag."
  rm -f "$RESULTS"

  stop_app
  start_app "$dir" NEWS_PAGE_CACHE_ENABLED=false
  for page in $pages; do curl -s -o /dev/null "$base${page#*|}"; done
  wrk -t2 -c"$CONNECTIONS" -d3s "$base$seed" >/dev/null
  RESULTS=$(mktemp)
  measure static "http://127.0.0.1:$NGINX_PORT/article.html" $nginx_pids
  for page in $pages; do measure "${page%%|*}" "$base${page#*|}" "$APP_PID"; done
  table "### $n articles, cold (NEWS_PAGE_CACHE_ENABLED=false: every request rendered), one round"
  rm -f "$RESULTS"
  stop_app
  kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=
done
echo
echo "Between instances: site/TwoInstancesIT prints the delay of 20 publishes on PostgreSQL (see the README)."
