#!/usr/bin/env bash
# Checks tests/setup.sh (part of ./svp test): with tools hidden and installing forbidden
# (SVP_SETUP_NO_INSTALL=1, as a non-root user would be) it stops at once with ONE line naming the
# Debian packages and exit code 3; with every tool present it is silent and exits 0; the bench profile
# (`tests/setup.sh bench`, what `./svp bench x11` runs first) also wants the shared workload's programs.
# Prints one line per check and, last, "setup-check: N passed, M failed".
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() { # $1 = what, $2 = condition result (0 = ok), $3 = detail shown on failure
  if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "setup-check: ok   $1"
  else failed=$((failed + 1)); echo "setup-check: FAIL $1: $3"; fi
}

fake_tools() { # $1 = directory, rest = program names: executables that do nothing
  local dir=$1; shift
  mkdir -p "$dir"
  for p in "$@"; do printf '#!/bin/sh\nexit 0\n' >"$dir/$p"; chmod +x "$dir/$p"; done
}

run_setup() { # $1 = PATH to use, rest = setup.sh's arguments; sets out, code, ms
  local t0 t1
  t0=$(date +%s%N)
  out="$(env -i PATH="$1" SVP_SETUP_NO_INSTALL=1 /bin/bash "$here/tests/setup.sh" "${@:2}" 2>&1)"
  code=$?
  t1=$(date +%s%N)
  ms=$(((t1 - t0) / 1000000))
}

x_packages=(xvfb xdotool x11-apps xterm x11-utils tigervnc-standalone-server x11-xserver-utils openbox)

# 1. Maven and Python present, every X tool hidden
fake_tools "$work/some" mvn python3
run_setup "$work/some"
lines=$(printf '%s\n' "$out" | grep -c .)
check "X tools hidden: exit code 3" "$([ "$code" = 3 ]; echo $?)" "got $code ($out)"
check "X tools hidden: one line" "$([ "$lines" = 1 ]; echo $?)" "got $lines lines: $out"
check "X tools hidden: stops in under 5 s" "$([ "$ms" -lt 5000 ]; echo $?)" "took $ms ms"
missing_pkgs=()
for p in "${x_packages[@]}"; do grep -qw -- "$p" <<<"$out" || missing_pkgs+=("$p"); done
check "X tools hidden: the line names every X package" "${#missing_pkgs[@]}" "not named: ${missing_pkgs[*]} in: $out"
check "X tools hidden: the line says how to install" "$(grep -q 'apt-get install' <<<"$out"; echo $?)" "$out"
check "X tools hidden: present tools are not named" "$(grep -qw 'maven\|python3' <<<"$out" && echo 1 || echo 0)" "$out"

# 2. nothing on the PATH at all (bash built-ins only)
run_setup "$work/empty"
check "empty PATH: exit code 3 naming maven and python3" \
  "$([ "$code" = 3 ] && grep -qw maven <<<"$out" && grep -qw python3 <<<"$out"; echo $?)" "got $code: $out"

# the VM's and the VNC source's tools (svp vm, svp-source-vnc) are part of "every tool" too
fake_tools "$work/all" qemu-system-x86_64 busybox vncpasswd xsetroot

# 3. every tool present: silent, exit 0
fake_tools "$work/all" mvn python3 Xvfb xdotool xwd xterm xdpyinfo xprop Xvnc xrandr openbox
run_setup "$work/all"
check "all tools present: exit 0 and silent" "$([ "$code" = 0 ] && [ -z "$out" ]; echo $?)" "got $code: $out"

# 4. the same tools for `./svp bench x11` (tests/setup.sh bench): the shared workload's programs too
run_setup "$work/all" bench
check "bench profile: exit 3 naming imagemagick for the workload's display" \
  "$([ "$code" = 3 ] && grep -q '^svp bench: missing display' <<<"$out" && grep -qw imagemagick <<<"$out"; echo $?)" "got $code: $out"

echo "setup-check: $passed passed, $failed failed"
[ "$failed" = 0 ]
