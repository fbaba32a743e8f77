#!/usr/bin/env bash
# The native build as far as a machine without GraalVM goes: Quarkus's native build steps write
# target/native-sources (what docker/Dockerfile.native compiles), and this checks that what the site
# needs at run time is registered in it. It cannot check native-image's own analysis or the executable.
#
#   ./mvnw -B -DskipTests package -Dquarkus.native.enabled=true -Dquarkus.native.sources-only=true
#   src/test/docker/native-sources-check.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
dir=target/native-sources
fail() { echo "native sources check FAILED: $*" >&2; exit 1; }

[ -f "$dir/native-image.args" ] || fail "no $dir/native-image.args"
jar=$(ls "$dir"/*-runner.jar)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && jar xf "$OLDPWD/$jar" META-INF/native-image)
config() { cat "$tmp/META-INF/native-image/$1"; }
reflect=$(config reflect-config.json)
resources=$(config resource-config.json)

# Lucene's codecs (ServiceLoader) and token attributes (looked up by name), Jackson's revision records.
for class in org.apache.lucene.codecs.lucene912.Lucene912Codec org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat \
    org.apache.lucene.analysis.tokenattributes.PackedTokenAttributeImpl org.apache.lucene.analysis.tokenattributes.KeywordAttributeImpl \
    media.icaro.news.article.RevisionSnapshot media.icaro.news.article.ArticleInput; do
  echo "$reflect" | grep -q "\"name\":\"$class\"" || fail "$class is not registered for reflection"
done
# The seed and demo stories, Lucene's service files, the Flyway migrations, the templates.
for pattern in 'content/' 'META-INF/services/org' 'db/migration/V1__content_model.sql' 'templates/'; do
  echo "$resources" | grep -qF "$pattern" || fail "no resource pattern for $pattern"
done
# The builder image of Dockerfile.native must be the GraalVM major version Quarkus wrote these for.
expected=$(cut -d. -f1 "$dir/graalvm.version")
grep -q "mandrel-builder-image:jdk-$expected\b" docker/Dockerfile.native \
  || fail "docker/Dockerfile.native does not use the jdk-$expected builder ($dir/graalvm.version: $(cat "$dir/graalvm.version"))"
echo "native sources check passed: $(wc -c < "$dir/native-image.args") bytes of arguments, $(echo "$reflect" | grep -o '"name"' | wc -l) classes for reflection, GraalVM $(cat "$dir/graalvm.version")"
