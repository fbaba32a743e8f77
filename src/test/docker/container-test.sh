#!/usr/bin/env bash
# The JVM container as a deployer runs it (docker/Dockerfile.jvm), checked end to end:
#   - it builds from the fast-jar and answers on a published port; the process is not root;
#   - readiness is UP and Docker's health check says healthy; logs are JSON lines with an access log,
#     and the start warns that SITE_BASE_URL points at a loopback address;
#   - an article created through the API survives `docker restart` and a new container on the volume;
#   - after some load, the process's memory stays within the budget in a 512 MB container;
#   - `docker stop` shuts it down cleanly; the Maven wrapper works in the image (a JRE, no unzip);
#   - docker/compose.yml is valid for docker-compose.
# It prints the figures (image size, start time, RSS) and fails at the first broken promise.
#
#   ./mvnw -B -DskipTests package && src/test/docker/container-test.sh
#
# Needs a running Docker engine and the base image debian:bookworm-slim (docker/base-image.sh makes it).
set -euo pipefail
cd "$(dirname "$0")/../../.."

image=${IMAGE:-icaro-news:ci}
port=${PORT:-18080}
name=icaro-news-ci
volume=icaro-news-ci-data
password=container-test-admin-password
memory_limit=512m
rss_budget_mb=${RSS_BUDGET_MB:-400}
base="http://127.0.0.1:$port"

fail() { echo "container test FAILED: $*" >&2; docker logs --tail 40 "$name" >&2 2>/dev/null || true; exit 1; }
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; docker volume rm -f "$volume" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup

[ -f target/quarkus-app/quarkus-run.jar ] || fail "target/quarkus-app is missing: run ./mvnw -B -DskipTests package first"
docker info >/dev/null 2>&1 || fail "no Docker engine answers (start dockerd)"
docker image inspect debian:bookworm-slim >/dev/null 2>&1 || fail "no base image debian:bookworm-slim (docker/base-image.sh)"

echo "== build $image"
DOCKER_BUILDKIT=0 docker build -q -f docker/Dockerfile.jvm -t "$image" . >/dev/null
image_mb=$(( $(docker image inspect -f '{{.Size}}' "$image") / 1000000 ))

millis() { date +%s%3N; }

# Starts a container on the volume and waits until Docker's health check passes; prints the milliseconds.
start_container() {
  local started; started=$(millis)
  docker run -d --name "$name" -p "127.0.0.1:$port:8080" --memory "$memory_limit" \
    -v "$volume:/var/lib/icaro-news" -e NEWS_ADMIN_PASSWORD="$password" -e SITE_BASE_URL="$base" \
    --health-interval 1s --health-start-period 60s "$image" >/dev/null
  wait_ready "$started"
}
wait_ready() {
  local started=$1
  for _ in $(seq 1 1200); do
    if curl -fsS -o /dev/null "$base/q/health/ready" 2>/dev/null; then
      echo $(( $(millis) - started ))
      return 0
    fi
    [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || fail "the container stopped while starting"
    sleep 0.1
  done
  fail "not ready after 120 s"
}

echo "== first start (creates the database in the volume)"
first_ms=$(start_container)
echo "ready after $first_ms ms"

uid=$(docker exec "$name" id -u)
[ "$uid" != 0 ] || fail "the process runs as root"
pid1_uid=$(docker exec "$name" awk '/^Uid:/ {print $2}' /proc/1/status)
[ "$pid1_uid" = "$uid" ] || fail "the JVM (pid 1) runs as uid $pid1_uid"
docker exec "$name" sh -c 'tr "\0" " " < /proc/1/cmdline' | grep -q 'quarkus-run.jar' || fail "pid 1 is not the JVM"
echo "runs as uid $uid"

ready=$(curl -fsS "$base/q/health/ready")
echo "$ready" | grep -q '"status": *"UP"' || fail "readiness is not UP: $ready"
for _ in $(seq 1 30); do
  health=$(docker inspect -f '{{.State.Health.Status}}' "$name")
  [ "$health" = healthy ] && break
  sleep 1
done
[ "$health" = healthy ] || fail "Docker's health check says $health"

front=$(curl -fsS "$base/")
echo "$front" | grep -q "Putin Arrives in North Korea" || fail "the front page lacks the seed story"

echo "== an article through the API"
created=$(curl -fsS -u "admin:$password" -H 'Content-Type: application/json' -D /tmp/container-test-headers \
  -d '{"headline": "Container durability check", "body": "Written before a **restart**.", "section": "politics",
       "bylines": ["CI Desk"], "status": "published", "publishedAt": "2024-06-20T10:00:00+02:00"}' \
  "$base/api/v1/articles")
path=$(echo "$created" | sed -n 's/.*"url" *: *"\([^"]*\)".*/\1/p')
[ -n "$path" ] || fail "the API answered no url: $created"
check_article() {
  local page; page=$(curl -fsS "$base$path") || fail "$1: $path does not answer"
  echo "$page" | grep -q "Container durability check" || fail "$1: $path lacks the headline"
  echo "$page" | grep -q "<strong>restart</strong>" || fail "$1: $path lacks the body"
}
check_article "before restart"
echo "published $path"

logs=$(docker logs "$name" 2>&1)
echo "$logs" | grep -v '^{' | grep -q . && fail "a log line is not JSON: $(echo "$logs" | grep -v '^{' | head -1)"
echo "$logs" | grep -q '"loggerName":"io.quarkus.http.access-log".*POST /api/v1/articles' || fail "no access-log line for the POST"
echo "$logs" | grep -q '"level":"WARN".*SITE_BASE_URL is http://127.0.0.1' || fail "no warning about a loopback SITE_BASE_URL"

echo "== docker restart"
started=$(millis)
docker restart "$name" >/dev/null
restart_ms=$(wait_ready "$started")
check_article "after docker restart"
echo "ready again after $restart_ms ms"

echo "== a new container on the same volume"
docker rm -f "$name" >/dev/null
second_ms=$(start_container)
check_article "in a new container"
echo "ready after $second_ms ms"

echo "== load, then memory"
urls=("$base/" "$base$path" "$base/politics" "$base/search?q=korea" "$base/feed.xml" "$base/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un")
load_started=$(millis)
for round in $(seq 1 150); do
  for url in "${urls[@]}"; do printf 'url = "%s?load=%d"\noutput = "/dev/null"\n' "$url" $((round % 40)); done
done | curl --parallel --parallel-max 8 --no-progress-meter -f -K - || fail "a request failed under load"
load_ms=$(( $(millis) - load_started ))
rss_kb=$(docker exec "$name" awk '/^VmRSS:/ {print $2}' /proc/1/status)
rss_mb=$(( rss_kb / 1024 ))
mem_usage=$(docker stats --no-stream --format '{{.MemUsage}}' "$name")
echo "900 requests in $load_ms ms; RSS $rss_mb MB (docker stats: $mem_usage)"
[ "$rss_mb" -le "$rss_budget_mb" ] || fail "RSS $rss_mb MB is over the budget of $rss_budget_mb MB"
[ "$(docker inspect -f '{{.State.OOMKilled}}' "$name")" = false ] || fail "the container was OOM-killed"

echo "== docker stop"
docker stop -t 20 "$name" >/dev/null
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$name")
docker logs "$name" 2>&1 | tail -5 | grep -q 'stopped in' || fail "no clean shutdown in the log (exit $exit_code)"
echo "stopped, exit code $exit_code"

echo "== the Maven wrapper in the image (a JRE and curl, no unzip)"
docker run --rm --entrypoint sh "$image" -c '! command -v unzip' >/dev/null || fail "the image has unzip, so it proves nothing"
docker run --rm --user 185 -e HOME=/tmp -v "$PWD/mvnw:/w/mvnw:ro" -v "$PWD/.mvn:/w/.mvn:ro" -w /w \
  --entrypoint ./mvnw "$image" -v >/tmp/container-test-mvnw.log 2>&1 \
  || { cat /tmp/container-test-mvnw.log >&2; fail "./mvnw -v without unzip"; }
grep -q "Apache Maven 3" /tmp/container-test-mvnw.log || fail "./mvnw -v printed no Maven version"
echo "./mvnw fetched and checked Maven without unzip"

echo "== docker/compose.yml"
compose_out=$(DB_PASSWORD=p SITE_BASE_URL=https://news.example.com NEWS_ADMIN_PASSWORD=a NEWS_SESSION_KEY=s \
  NEWS_PREVIEW_KEY=k docker-compose -f docker/compose.yml config 2>&1) || { echo "$compose_out" >&2; fail "docker-compose config"; }
for service in app-1 app-2; do
  echo "$compose_out" | grep -q "^  $service:" || fail "compose has no $service"
done
# No secret has a default: without them the file is refused.
if docker-compose -f docker/compose.yml config >/dev/null 2>&1; then fail "compose starts without DB_PASSWORD and the keys"; fi
echo "valid, and refused without its secrets"

echo
echo "container test passed: image $image_mb MB; ready in $first_ms ms (first start), $restart_ms ms (restart),"
echo "$second_ms ms (new container); RSS $rss_mb MB after 900 requests (budget $rss_budget_mb MB, limit $memory_limit)"
