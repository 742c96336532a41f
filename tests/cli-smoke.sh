#!/usr/bin/env bash
# End-to-end check of the real command line, as a user runs it (part of ./svp test):
#  1. server --demo-frames 300 --save-final s.png, then snapshot -> pixel-identical PNG (multi-port)
#  2. a second client after the 300 frames -> identical too
#  3. the same with --single-port
#  4. ./svp type 127.0.0.1 hello -> the picture changes; snapshot bad port -> exit 1 with a message
#  5. a demo thread that dies (injected with -Dsvp.demo.failAtFrame) -> server exit 1, one 'svp:' line
# Every wait is bounded; servers are killed on exit.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
svp="$here/svp"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

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
  "$JAVA_HOME/bin/java" "$here/tests/PngEquals.java" "$1" "$2"
}

serve() { # $1 = port, rest = extra args; waits for the saved frame
  local port=$1; shift
  "$svp" server --source demo --port "$port" --demo-frames 300 --demo-fps 120 --save-final "$work/s-$port.png" "$@" \
      >"$work/server-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do
    grep -q "saved final frame" "$work/server-$port.log" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "server on $port did not save its final frame:"; cat "$work/server-$port.log"; return 1
}

"$svp" --version >/dev/null   # builds if needed, outside the timed waits
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -1)}"

for mode in multi single; do
  port=$(free_base)
  if [ "$mode" = single ]; then serve "$port" --single-port; else serve "$port"; fi
  grep -q '^ready$' "$work/server-$port.log"
  "$svp" snapshot "127.0.0.1:$port" "$work/a-$port.png" --timeout-s 30 >/dev/null
  same_pixels "$work/s-$port.png" "$work/a-$port.png"
  "$svp" snapshot "127.0.0.1:$port" "$work/b-$port.png" --timeout-s 30 >/dev/null
  same_pixels "$work/s-$port.png" "$work/b-$port.png"
  echo "cli-smoke: $mode-port snapshots are pixel-identical to --save-final"
done

"$svp" type "127.0.0.1:$port" hello >/dev/null
"$svp" snapshot "127.0.0.1:$port" "$work/c.png" --timeout-s 30 >/dev/null
if same_pixels "$work/s-$port.png" "$work/c.png" 2>/dev/null; then
  echo "cli-smoke: typing 'hello' did not change the picture"; exit 1
fi
echo "cli-smoke: typed text changed the picture"

set +e
msg="$("$svp" snapshot 127.0.0.1:1 "$work/x.png" --timeout-s 3 2>&1)"; code=$?
set -e
[ "$code" = 1 ] && grep -q "cannot connect" <<<"$msg" || { echo "cli-smoke: bad-port snapshot gave $code: $msg"; exit 1; }
echo "cli-smoke: unreachable server gives exit 1 and '$msg'"
set +e
JDK_JAVA_OPTIONS=-Dsvp.demo.failAtFrame=5 timeout 60 "$svp" server --source demo --port "$(free_base)" \
    >"$work/fail.out" 2>"$work/fail.err"; code=$?
set -e
msg="$(grep '^svp: ' "$work/fail.err" || true)"
if [ "$code" != 1 ] || [ "$(grep -c '^svp: ' "$work/fail.err")" != 1 ] || ! grep -q 'the demo desktop stopped' <<<"$msg"; then
  echo "cli-smoke: a failing demo gave exit $code and:"; cat "$work/fail.err"; exit 1
fi
echo "cli-smoke: a dying demo source gives exit 1 and '$msg'"
echo "cli-smoke: OK"
