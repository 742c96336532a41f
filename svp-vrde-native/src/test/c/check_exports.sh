#!/bin/sh
# The modules export exactly the symbols VirtualBox (and the tests/benchmark) resolve, nothing else.
# Usage: check_exports.sh MODULE_DIR
set -eu
dir=$1
fail=0
check() {
  got=$(nm -D --defined-only "$dir/$1" | awk '{print $3}' | sort | tr '\n' ' ')
  if [ "$got" != "$2" ]; then
    echo "FAIL exports of $1: got '$got', want '$2'"
    fail=1
  else
    echo "ok   exports of $1: $got"
  fi
}
check SVPVRDE.so "SVPVRDEGetStats VRDECreateServer VRDESupportedProperties "
check SVPMain.so "VBoxExtPackRegister "
exit $fail
