#!/usr/bin/env bash
# Durable-commit benchmark: API create latency with H2 commits written before the answer against
# H2's former delayed writes, two packaged applications side by side in one run.
# Usage: src/test/bench/durable-writes.sh   (from the project root; needs only a JDK)
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B -q -DskipTests package
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" media.icaro.news.site.WriteLatencyBenchmark
