#!/usr/bin/env bash
# The whole test suite, as `./svp test` runs it (the launcher has found JDK 25 and exported
# JAVA_HOME; .ci/run calls the launcher). Steps: tests/setup.sh (tools), tests/setup-check.sh,
# `mvn install` over every module (-fae: a failing module skips only the modules that need it),
# tests/cli-smoke.sh. Shows one line per module; the full Maven log is kept in a file. The last line
# is the grand total over all of them; exit 0 only if nothing failed.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

usage() {
  cat <<'EOF'
usage: ./svp test [--no-smoke] [MAVEN ARGS...]

Runs the whole test suite, what CI runs (.ci/run):
  1. tests/setup.sh        checks for the tools the tests start (Maven, Xvfb, xdotool, xwd, xterm,
                           x11-utils, xrandr, TigerVNC Xvnc, openbox, python3); as root with apt-get
                           it installs the missing packages, otherwise it stops at once with one line
                           naming them (SVP_SETUP_NO_INSTALL=1: never install)
  2. tests/setup-check.sh  tests that stop
  3. mvn install           unit and integration tests of every module; one line per module
  4. tests/cli-smoke.sh    the real commands end to end (server, snapshot, type)
The last line is the grand total: "svp test: N passed, M failed ...". Exit code 0 if all passed.

Options:
  --no-smoke      skip tests/cli-smoke.sh
  -h, --help      this text
  MAVEN ARGS      passed to mvn, e.g. -pl svp-protocol -am, or
                  -Dtest='KeyMap*' -Dsurefire.failIfNoSpecifiedTests=false
EOF
}

smoke=1
mvn_args=()
for a in "$@"; do
  case "$a" in
    -h|--help) usage; exit 0 ;;
    --no-smoke) smoke=0 ;;
    *) mvn_args+=("$a") ;;
  esac
done

"$here/tests/setup.sh" || exit $?

passed=0; failed=0; skipped=0; parts=()
t0=$SECONDS

# $1 = name, $2 = exit code, $3 = its output: adds its "NAME: N passed, M failed" line to the total,
# or counts it as one check if the line is absent
count_script() {
  local name=$1 code=$2 out=$3 line p f
  line="$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed" <<<"$out" | tail -1)"
  if [ -n "$line" ]; then
    p=$(sed -E 's/^[^:]*: ([0-9]+) passed.*/\1/' <<<"$line")
    f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
    [ "$code" != 0 ] && [ "$f" = 0 ] && f=1
  elif [ "$code" = 0 ]; then p=1; f=0
  else p=0; f=1
  fi
  passed=$((passed + p)); failed=$((failed + f)); parts+=("$name $p/$((p + f))")
}

# $1 = name, $2 = script: runs it, shows its output, counts it
run_script() {
  local out code
  out="$("$2" 2>&1)"; code=$?
  printf '%s\n' "$out" | grep -v "^$1: ok " # passing checks of setup-check stay quiet
  count_script "$1" "$code" "$out"
}

run_script setup-check "$here/tests/setup-check.sh"

log="$(mktemp "${TMPDIR:-/tmp}/svp-test.XXXXXX")"
echo "svp test: mvn install over all modules with $JAVA_HOME (log: $log)"
# Per module: its test count when surefire reports it; failing tests (with the first lines of their
# message) and compilation errors as they come.
MAVEN_OPTS="${MAVEN_OPTS:-} --enable-native-access=ALL-UNNAMED" \
  mvn -B -fae -f "$here/pom.xml" install "${mvn_args[@]}" 2>&1 | tee "$log" | awk '
  /^\[INFO\] -+< org\.svp:[^ ]+ >-+$/ { m = $0; sub(/.*org\.svp:/, "", m); sub(/ >.*/, "", m); next }
  /Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$/ {
    s = $0; sub(/.*Tests run: /, "", s); split(s, n, /[^0-9]+/)
    printf "  %-22s %5d tests, %d failed, %d skipped\n", m, n[1], n[2] + n[3], n[4]; fflush(); next }
  /<<< (FAILURE|ERROR)!$/ { sub(/^\[ERROR\] /, ""); sub(/ -- Time elapsed.*/, ""); print "  FAILED " $0
    fflush(); msg = 6; next }
  msg > 0 && /^\tat |^$|^\[(INFO|ERROR|WARNING)\]/ { msg = 0 }
  msg > 0 { print "    " $0; msg--; fflush(); next }
  /COMPILATION ERROR/ { print "  " m ": compilation error"; fflush(); next }
  /^\[ERROR\] \/.*\.java:\[/ && !ended { sub(/^\[ERROR\] /, ""); print "    " $0; fflush(); next }
  /BUILD FAILURE/ { print "  BUILD FAILURE"; ended = 1; fflush() }'
mvn_code=${PIPESTATUS[0]}

# Maven totals: the one summary line surefire prints per module
read -r mp mf ms <<<"$(grep -E 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log" \
  | sed -E 's/.*Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+)$/\1 \2 \3 \4/' \
  | awk '{ run += $1; bad += $2 + $3; skip += $4 } END { print run - bad - skip + 0, bad + 0, skip + 0 }')"
not_run=$(grep -cE '^\[INFO\] .* \.+ SKIPPED$' "$log")
[ "$mvn_code" != 0 ] && [ "$mf" = 0 ] && mf=1 # a build error outside the tests counts as one failure
passed=$((passed + mp)); failed=$((failed + mf)); skipped=$((skipped + ms)); parts+=("Maven $mp/$((mp + mf))")
[ "$mvn_code" = 0 ] && rm -f "$log"

if [ "$smoke" = 1 ] && [ "$mvn_code" = 0 ]; then
  run_script cli-smoke "$here/tests/cli-smoke.sh"
elif [ "$smoke" = 1 ]; then
  parts+=("cli-smoke not run")
fi

extra=""
[ "$skipped" != 0 ] && extra+=", $skipped skipped"
[ "$not_run" != 0 ] && extra+=", $not_run modules not run"
[ "$mvn_code" != 0 ] && extra+=", Maven log: $log"
echo "svp test: $passed passed, $failed failed$extra ($(IFS=,; echo "${parts[*]}" | sed 's/,/, /g')) in $((SECONDS - t0)) s"
[ "$failed" = 0 ]
