#!/usr/bin/env bash
# Package import matrix of src/main/java: "from -> to (files)" for every feature package that imports
# another, then the pairs that import each other (cycles of two). Run from the repository root;
# give a git revision as $1 to read that revision instead of the working tree.
set -euo pipefail
base=media.icaro.news
rev=${1:-}
list_files() {
  if [ -n "$rev" ]; then git ls-tree -r --name-only "$rev" src/main/java; else find src/main/java -name '*.java'; fi
}
read_file() {
  if [ -n "$rev" ]; then git show "$rev:$1"; else cat "$1"; fi
}
pairs=$(for f in $(list_files | grep '\.java$'); do
  from=$(dirname "$f" | sed "s|src/main/java/||; s|/|.|g; s|^$base\.||")
  { read_file "$f" | grep -E "^import $base\." || true; } | sed -E "s/^import $base\.//; s/\.[A-Z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*;$//" \
    | sort -u | while read -r to; do [ "$to" != "$from" ] && echo "$from -> $to"; done
done | sort | uniq -c | awk '{print $2, $3, $4, "(" $1 ")"}')
echo "$pairs"
echo "cycles:"
echo "$pairs" | awk '{print $1, $3}' | while read -r a b; do
  if echo "$pairs" | grep -q "^$b -> $a "; then [[ "$a" < "$b" ]] && echo "  $a <-> $b"; fi
done | sort -u
