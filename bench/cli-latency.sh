#!/usr/bin/env bash
# Measures the wall time of repeated `sigma ask` runs (process start to exit) on the embedded default.
# Usage: bench/cli-latency.sh [runs] [question]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
question="${2:-How do I stop severe bleeding?}"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export SIGMA_NEX_HOME="$home"
"$root/sigma" ask "$question" >/dev/null 2>&1   # build if needed, load the library once
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$root/sigma" ask "$question" >/dev/null 2>&1
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
echo "runs=$n  min=${sorted[0]} ms  p50=${sorted[$((n / 2))]} ms  max=${sorted[$((n - 1))]} ms"
