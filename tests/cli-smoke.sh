#!/usr/bin/env bash
# End-to-end check of the real command line, as a user runs it (part of ./svp test):
#  1. server --demo-frames 300 --save-final s.png, then snapshot -> pixel-identical PNG (multi-port)
#  2. a second client after the 300 frames -> identical too
#  3. the same with --single-port
#  4. ./svp type 127.0.0.1 hello -> the picture changes
#  5. the README's examples against `./svp demo` (default: animates forever): snapshot is not black and
#     equals a snapshot taken a second later outside the animated window contents; type 'hello';
#     bench pipeline --frames 60 prints counts that agree; bench link --seconds 2 converges; bench x11
#     with a workload that exits at once says so in one line; --version, --help, bare svp
#  6. bad input: one line on stderr, exit 2 for usage errors, 1 for runtime failures
#  7. a demo thread that dies (injected with -Dsvp.demo.failAtFrame) -> server exit 1, one 'svp:' line
#  8. TLS: snapshots pinned the server's certificate (known-servers line = the server's logged
#     fingerprint); a server with a new --state-dir on the same port -> snapshot exit 1, one line
# Every wait is bounded (timeout on every command, bounded polling); servers are killed on exit.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
svp="$here/svp"
work="$(mktemp -d)"
# the servers' certificates and the clients' pins stay in the work folder, not in the user's home
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "cli-smoke: FAIL: $*"; exit 1; }

free_base() { # five consecutive free ports
  python3 - <<'PY'
import socket, random
for _ in range(50):
    b = random.randint(21000, 59000)
    socks = []
    try:
        for i in range(5):
            s = socket.socket(); s.bind(("127.0.0.1", b + i)); socks.append(s)
        print(b); break
    except OSError:
        pass
    finally:
        for s in socks: s.close()
PY
}

same_pixels() { # compare two PNGs pixel by pixel with the JDK (no extra tools needed)
  timeout 60 "$JAVA_HOME/bin/java" "$here/tests/PngEquals.java" "$1" "$2"
}

wait_for() { # $1 = file, $2 = pattern: up to 30 s
  for _ in $(seq 1 300); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "no '$2' in $1 within 30 s:"; cat "$1"; return 1
}

serve() { # $1 = port, rest = extra args; waits for the saved frame
  local port=$1; shift
  "$svp" server --source demo --port "$port" --demo-frames 300 --demo-fps 120 --save-final "$work/s-$port.png" "$@" \
      >"$work/server-$port.log" 2>&1 &
  pids+=($!)
  wait_for "$work/server-$port.log" "saved final frame"
}

# $1 = expected exit code, $2 = what stderr must contain, rest = the command: exactly one line on stderr
one_line_error() {
  local want=$1 text=$2; shift 2
  local code=0
  timeout 60 "$@" >"$work/out" 2>"$work/err" || code=$?
  [ "$code" = "$want" ] || fail "'$*' exited $code, not $want: $(cat "$work/err")"
  [ "$(wc -l <"$work/err")" = 1 ] || fail "'$*' printed $(wc -l <"$work/err") lines on stderr, not 1: $(cat "$work/err")"
  grep -q '^svp: ' "$work/err" || fail "'$*': stderr does not start with 'svp: ': $(cat "$work/err")"
  grep -qF -- "$text" "$work/err" || fail "'$*': stderr lacks '$text': $(cat "$work/err")"
  echo "cli-smoke: exit $code: $(cat "$work/err")"
}

timeout 600 "$svp" --version >/dev/null   # builds if needed, outside the timed waits
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -1)}"

for mode in multi single; do
  port=$(free_base)
  if [ "$mode" = single ]; then serve "$port" --single-port; else serve "$port"; fi
  grep -q '^ready$' "$work/server-$port.log"
  timeout 60 "$svp" snapshot "127.0.0.1:$port" "$work/a-$port.png" --timeout-s 30 >/dev/null
  same_pixels "$work/s-$port.png" "$work/a-$port.png"
  timeout 60 "$svp" snapshot "127.0.0.1:$port" "$work/b-$port.png" --timeout-s 30 >/dev/null
  same_pixels "$work/s-$port.png" "$work/b-$port.png"
  echo "cli-smoke: $mode-port snapshots are pixel-identical to --save-final"
done

timeout 60 "$svp" type "127.0.0.1:$port" hello >/dev/null
timeout 60 "$svp" snapshot "127.0.0.1:$port" "$work/c.png" --timeout-s 30 >/dev/null
if same_pixels "$work/s-$port.png" "$work/c.png" 2>/dev/null; then
  fail "typing 'hello' did not change the picture"
fi
echo "cli-smoke: typed text changed the picture"

# --- the README's examples against the default, animating demo ---
port=$(free_base)
"$svp" demo --port "$port" >"$work/demo.log" 2>&1 &
pids+=($!)
wait_for "$work/demo.log" '^ready$'
grep -q "types into the demo's Notes window" "$work/demo.log" || fail "demo printed no typing hint"
# `./svp snapshot 127.0.0.1 screen.png`, twice a second apart
for shot in a b; do
  timeout 60 "$svp" snapshot "127.0.0.1:$port" "$work/demo-$shot.png" >"$work/out" 2>"$work/err" \
      || fail "snapshot of the demo failed: $(cat "$work/err")"
  grep -qx "wrote $work/demo-$shot.png (1280x800)" "$work/out" || fail "snapshot printed: $(cat "$work/out")"
  [ "$(grep -vc '^svp: trusting the certificate of ' "$work/err" || true)" -le 1 ] \
      || fail "snapshot printed more than the first-use and settle notes: $(cat "$work/err")"
  [ "$shot" = a ] && sleep 1
done
# The demo animates the contents of its six windows (below their 22-pixel title bars), the icons and
# the taskbar clock (demo Layout at 1280x800: cells 400x374 at x 56/464/872, y 8/390). Everything else
# (desktop pattern, window frames, title bars) must be equal, and neither picture mostly black.
animated=()
for y in 30 412; do for x in 56 464 872; do animated+=(--ignore "$x,$y,400,352"); done; done
animated+=(--ignore 0,772,1280,28 --ignore 0,0,56,772)
diff_line="$(timeout 60 "$JAVA_HOME/bin/java" "$here/tests/PngDiff.java" "$work/demo-a.png" "$work/demo-b.png" \
    "${animated[@]}" --max-black 10)" || fail "demo snapshots a second apart: $diff_line"
echo "cli-smoke: demo snapshots a second apart: $diff_line"
# `./svp type 127.0.0.1 'hello'`
out="$(timeout 60 "$svp" type "127.0.0.1:$port" 'hello' 2>&1)" || fail "type into the demo: $out"
[ "$out" = "typed 5 characters" ] || fail "type printed: $out"
echo "cli-smoke: $out"
# bench pipeline (default 16 MiB client queue): the counts it prints agree, and the wire carried pixels
out="$(timeout 180 "$svp" bench pipeline --frames 60 2>/dev/null)" || fail "bench pipeline: $out"
grep -q "measuring 60 frames\.\.\.$" <<<"$out" && grep -q "^pipeline 1920x1080 RGB32 LZ4, 60 frames in" <<<"$out" \
    || fail "bench pipeline --frames 60 printed: $out"
grep -Eq "wire MB/s +[0-9.]+ +\(0\.0 MB/frame" <<<"$out" && fail "bench pipeline sent no pixels: $out"
echo "cli-smoke: bench pipeline --frames 60: $(grep '^pipeline' <<<"$out")"
# bench link (throttling proxy on 127.0.0.1): prints its lines and converges; a bad rate is a usage error
out="$(timeout 180 "$svp" bench link --seconds 2 2>/dev/null)" || fail "bench link: $out"
grep -Eq "^  input-to-screen p99 +[0-9.]+ ms" <<<"$out" && grep -Eq "^  converged after [0-9]+ ms" <<<"$out" \
    || fail "bench link --seconds 2 printed: $out"
echo "cli-smoke: bench link --seconds 2: $(grep 'converged after' <<<"$out")"
set +e; err="$(timeout 30 "$svp" bench link --rate-mbit 0 2>&1 >/dev/null)"; rc=$?; set -e
[ "$rc" = 2 ] && grep -q "rate-mbit must be" <<<"$err" || fail "bench link --rate-mbit 0: exit $rc: $err"
# bench x11 with a workload that dies at its start (as workload.py did without ImageMagick's display):
# one line naming its exit status and what it printed, exit 1 — not a minute of waiting for a still screen
if "$here/tests/setup.sh" bench >/dev/null 2>&1; then
  mkdir -p "$work/badwl"
  printf '#!/bin/sh\necho "display: not found" >&2\nexit 7\n' >"$work/badwl/workload.sh"
  chmod +x "$work/badwl/workload.sh"
  one_line_error 1 "exited (status 7) during the warm-up; it printed: display: not found" \
      "$svp" bench x11 --workload "$work/badwl/workload.sh" --seconds 2 --warmup 1
else
  echo "cli-smoke: bench x11's tools cannot be installed here (not root?): its dead-workload check skipped"
fi

# --- TLS: the pin is the server's certificate; a new certificate on the same port is refused ---
tls_port=$(free_base)
"$svp" server --source demo --port "$tls_port" --state-dir "$work/state-a" >"$work/tls-a.log" 2>&1 &
tls_pid=$!; pids+=($tls_pid)
wait_for "$work/tls-a.log" '^ready$'
timeout 60 "$svp" snapshot "127.0.0.1:$tls_port" "$work/tls.png" >/dev/null 2>"$work/err" || fail "TLS snapshot: $(cat "$work/err")"
fp="$(sed -n 's/.*TLS certificate \(sha256:[0-9a-f]*\) .*/\1/p' "$work/tls-a.log")"
grep -qx "svp: trusting the certificate of 127.0.0.1:$tls_port on first use ($fp)" "$work/err" \
    || fail "no first-use line for $fp: $(cat "$work/err")"
grep -qx "127.0.0.1:$tls_port $fp" "$XDG_CONFIG_HOME/svp/known-servers" || fail "known-servers lacks $fp"
kill "$tls_pid"; wait "$tls_pid" 2>/dev/null || true
"$svp" server --source demo --port "$tls_port" --state-dir "$work/state-b" >"$work/tls-b.log" 2>&1 &
pids+=($!)
wait_for "$work/tls-b.log" '^ready$'
one_line_error 1 "the certificate of 127.0.0.1:$tls_port changed (pinned $fp, now sha256:" \
    "$svp" snapshot "127.0.0.1:$tls_port" "$work/x.png"
grep -qF "remove its line from $XDG_CONFIG_HOME/svp/known-servers" "$work/err" || fail "no file named: $(cat "$work/err")"
echo "cli-smoke: snapshot pinned $fp; a new certificate on that port is refused"

# --- help, version, usage ---
version="$(sed -n 's|.*<parent>.*<version>\(.*\)</version>.*</parent>.*|\1|p' "$here/svp-cli/pom.xml")"
[ "$(timeout 60 "$svp" -V)" = "svp $version" ] || fail "-V does not say svp $version"
timeout 60 "$svp" --help | tr -s ' \n' ' ' | grep -q ' test Run all tests.*handled by the ./svp launcher' \
    || fail "--help lists no test command"
code=0; timeout 60 "$svp" >"$work/out" 2>"$work/err" || code=$?
[ "$code" = 2 ] && grep -q '^Usage: svp' "$work/err" || fail "bare svp gave exit $code: $(cat "$work/err")"
echo "cli-smoke: svp -V says svp $version; --help lists test; bare svp prints the usage, exit 2"

# --- bad input: one line, exit 2 for usage, 1 for runtime ---
one_line_error 2 "no such directory /nonexistent/dir" "$svp" snapshot "127.0.0.1:$port" /nonexistent/dir/x.png
one_line_error 2 "--port must be 1..65531" "$svp" server --port 70000
one_line_error 2 "--password-file $work/nope: no such file" "$svp" view --password-file "$work/nope" 127.0.0.1
one_line_error 2 "--insecure-no-auth" "$svp" server --bind 0.0.0.0 --port "$(free_base)"
one_line_error 2 "use ./svp test" "$JAVA_HOME/bin/java" -jar "$here/svp-cli/target/svp.jar" test
one_line_error 1 "port $port is already in use" "$svp" demo --port "$port"
one_line_error 1 "cannot open X display :987" "$svp" server --source x11:987 --port "$(free_base)"
one_line_error 1 "cannot connect" "$svp" snapshot 127.0.0.1:1 "$work/x.png" --timeout-s 3
one_line_error 2 "--tls-cert needs --tls-key" "$svp" server --tls-cert "$work/none.pem" --port "$(free_base)"
one_line_error 1 "cannot read the TLS certificate $work/none.pem: no such file" \
    "$svp" server --tls-cert "$work/none.pem" --tls-key "$work/none.pem" --port "$(free_base)"

# --- a demo thread that dies: the server exits 1 with one line ---
set +e
JDK_JAVA_OPTIONS=-Dsvp.demo.failAtFrame=5 timeout 60 "$svp" server --source demo --port "$(free_base)" \
    >"$work/fail.out" 2>"$work/fail.err"; code=$?
set -e
msg="$(grep '^svp: ' "$work/fail.err" || true)"
if [ "$code" != 1 ] || [ "$(grep -c '^svp: ' "$work/fail.err")" != 1 ] || ! grep -q 'the demo desktop stopped' <<<"$msg"; then
  fail "a failing demo gave exit $code and: $(cat "$work/fail.err")"
fi
echo "cli-smoke: a dying demo source gives exit 1 and '$msg'"
echo "cli-smoke: OK"
