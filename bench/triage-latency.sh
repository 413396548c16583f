#!/usr/bin/env bash
# Measures triage latency: the mean time of one TriageClassifier.Classify over every lexicon,
# for a few questions of about 15 words (or the questions given as arguments).
# Usage: bench/triage-latency.sh ["question" ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet run -c Release --project "$root/bench/SigmaNex.Bench/SigmaNex.Bench.csproj" -- triage-latency "$@"
