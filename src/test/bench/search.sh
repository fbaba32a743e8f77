#!/usr/bin/env bash
# Search benchmark: latency of search and "more like this" at 1,000 and 10,000 articles, one run.
# Usage: src/test/bench/search.sh   (from the project root; needs only a JDK)
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" media.icaro.news.search.SearchBenchmark
