#!/usr/bin/env bash
# Runs every command of the README's ```sh blocks against a built bitext, so that the README
# cannot drift from the tool (`make check-readme`; `make test` runs it).
#
#   scripts/check_readme.sh [BITEXT] [README]      (default: .build/debug/bitext README.md)
#
# Rules:
# - A command is a line of a ```sh block, with the lines it continues with a final backslash;
#   blank lines and comments are skipped.
# - Commands whose first word is make, pip, python3, xdg-open or swift are skipped: they install,
#   build or open things (make and swift are what runs this script; pip and python3 need PyPI).
# - Every other command runs with bash (pipefail) in a temporary folder holding copies of
#   Fixtures/, glossaries/ and scripts/, with `bitext` on PATH meaning BITEXT; so outputs
#   (-o FILE, > FILE) land in that folder and nothing in the repository is written.
# - A command fails when it exits with 2 (bad usage or input) or any status but 0, except 1 from
#   `bitext check` (it reports findings); the failure names the README line.
set -euo pipefail

repository=$(cd "$(dirname "$0")/.." && pwd)
bitext=${1:-$repository/.build/debug/bitext}
readme=${2:-$repository/README.md}
export BITEXT_SIMILARITY=${BITEXT_SIMILARITY:-lexical}  # the debug build embeds slowly; tests of embeddings are in swift test
case $bitext in /*) ;; *) bitext=$(pwd)/$bitext ;; esac
case $readme in /*) ;; *) readme=$(pwd)/$readme ;; esac
[ -x "$bitext" ] || { echo "check_readme: no bitext binary at $bitext (swift build)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/run"
ln -s "$bitext" "$work/bin/bitext"
cp -R "$repository/Fixtures" "$repository/glossaries" "$repository/scripts" "$work/run/"

# One command a record: "LINE<TAB>COMMAND" (LINE: the README line the command starts on).
commands=$(awk '
  /^```sh[[:space:]]*$/ { inside = 1; next }
  /^```/ { inside = 0; next }
  !inside { next }
  {
    line = $0
    if (pending != "") { command = command " " line } else { command = line; start = NR }
    if (line ~ /\\$/) { sub(/\\$/, "", command); pending = 1; next }
    pending = ""
    text = command
    sub(/^[[:space:]]+/, "", text)
    if (text == "" || text ~ /^#/) next
    printf "%d\t%s\n", start, text
  }
' "$readme")

ran=0
skipped=0
failed=0
while IFS=$'\t' read -r line command; do
  first=${command%% *}
  case $first in
    make | pip | python3 | xdg-open | swift)
      skipped=$((skipped + 1))
      continue
      ;;
  esac
  ran=$((ran + 1))
  status=0
  (cd "$work/run" && PATH="$work/bin:$PATH" bash -o pipefail -c "$command") \
    >"$work/out" 2>"$work/err" </dev/null || status=$?
  allowed=0
  if [ "$status" -eq 1 ] && [[ $command =~ (^|[|;&[:space:]])bitext[[:space:]]+check[[:space:]] ]]; then
    allowed=1
  fi
  if [ "$status" -ne 0 ] && [ "$allowed" -eq 0 ]; then
    failed=$((failed + 1))
    echo "README.md:$line: exit $status: $command" >&2
    sed 's/^/    /' "$work/err" | head -5 >&2
  fi
done <<<"$commands"

echo "check_readme: $ran commands run, $skipped skipped (make, pip, python3, xdg-open, swift), $failed failed"
[ "$failed" -eq 0 ]
