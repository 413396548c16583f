#!/usr/bin/env bash
# Runs the whole SIGMA-NEX test suite. Installs what the tests need first; safe to run again.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Triage]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# System tools the tests use (Debian packages):
#   chattr  (e2fsprogs)  makes a database file immutable, to test read-only stores even as root
#   setpriv (util-linux) runs the CLI as 'nobody', to test folders without permission
missing=()
command -v chattr  >/dev/null 2>&1 || missing+=(e2fsprogs)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null 2>&1 || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

dotnet test "$root/SigmaNex.slnx" -c Release --nologo "$@"
