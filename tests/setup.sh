#!/usr/bin/env bash
# Makes sure every tool the test suite starts is installed. Called by `./svp test` (before Maven)
# and by .ci/run. Silent when nothing is missing. Otherwise, as root with apt-get, installs the
# missing Debian/Ubuntu packages; else prints ONE line naming them and exits 3, at once.
#   SVP_SETUP_NO_INSTALL=1  never install, behave as a non-root user would (tests/setup-check.sh)
#   tests/setup.sh bench [freerdp]
#                           the same for `./svp bench x11` (the launcher calls it): the tools the tests
#                           need plus what the shared desktop workload starts (../shared/bench/README.md:
#                           ImageMagick's display for its slideshow, xclock, openbox, xterm, xdotool);
#                           without them workload.py dies at its start and leaves its xterm scrolling;
#                           "freerdp" (given for --peer freerdp) adds FreeRDP's shadow server and client
# Uses only bash built-ins until it installs, so it works with a PATH that hides everything.
set -uo pipefail

# program -> package that provides it (Debian/Ubuntu names); who needs it in the comment
tools=(
  "mvn maven"                                  # the build itself
  "python3 python3"                            # tests/cli-smoke.sh (free ports)
  "Xvfb xvfb"                                  # svp-source-x11, svp-client-swing, x11:new
  "xdotool xdotool"                            # keys/clicks into Xvfb, waiting for windows
  "xwd x11-apps"                               # the X server's own picture, compared with ours
  "xterm xterm"                                # the test window, and x11:new's terminal
  "xdpyinfo x11-utils"                         # X display checks
  "xprop x11-utils"
  "Xvnc tigervnc-standalone-server"            # X11ResizeTest (RandR resize), svp-source-vnc (the VNC upstream)
  "vncpasswd tigervnc-tools"                   # svp-source-vnc (VncAuth password file)
  "xsetroot x11-xserver-utils"                 # svp-source-vnc (root colours)
  "xrandr x11-xserver-utils"                   # X11ResizeTest
  "openbox openbox"                            # x11:new's window manager (NewDesktopTest)
  "qemu-system-x86_64 qemu-system-x86"         # svp vm and its tests (svp-vm, VmServeTest)
  "busybox busybox-static"                     # the svp vm guest's initramfs (must be the static one)
)

who="svp test"
if [ "${1:-}" = bench ]; then
  who="svp bench"
  tools+=(
    "display imagemagick"                      # the workload's slideshow (workload.py)
    "xclock x11-apps"                          # the workload's clock
  )
  if [ "${2:-}" = freerdp ]; then                # svp bench x11 --peer freerdp
    tools+=(
      "freerdp-shadow-cli freerdp2-shadow-x11"   # FreeRDP's shadow server (the peer)
      "xfreerdp freerdp2-x11"                    # its client, on an Xvfb of its own
    )
  fi
fi

missing_programs=()
packages=()
for t in "${tools[@]}"; do
  program="${t%% *}"
  package="${t#* }"
  command -v "$program" >/dev/null 2>&1 && continue
  missing_programs+=("$program")
  case " ${packages[*]} " in *" $package "*) ;; *) packages+=("$package") ;; esac
done
# shared library -> package: loaded through FFM by the lossy codecs (issue 13); their tests name a missing one
libs=(
  "libturbojpeg.so.0 libturbojpeg0"            # JPEG codec: svp-codec JpegCodecTest, svp-server LossyRefreshTest
  "libopenh264.so.7 libopenh264-7"             # H264 codec: svp-codec H264CodecTest, svp-server VideoRegionTest
  "libx264.so.164 libx264-164"                 # optional GPL encoder (SVP_H264=x264): H264CodecTest's x264 case
)
for t in "${libs[@]}"; do
  lib="${t%% *}"
  package="${t#* }"
  found=0
  for d in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib /lib/x86_64-linux-gnu; do
    [ -e "$d/$lib" ] && found=1 && break
  done
  [ "$found" = 1 ] && continue
  missing_programs+=("$lib")
  case " ${packages[*]} " in *" $package "*) ;; *) packages+=("$package") ;; esac
done
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "${SVP_SETUP_NO_INSTALL:-0}" = 1 ] || [ "$EUID" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "$who: missing ${missing_programs[*]}; install with: sudo apt-get install ${packages[*]}" >&2
  exit 3
fi

echo "$who: installing ${packages[*]} (apt-get)" >&2
log="$(mktemp)"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 --no-install-recommends \
      "${packages[@]}"; } >"$log" 2>&1; then
  echo "$who: apt-get could not install ${packages[*]} (log: $log)" >&2
  exit 3
fi
rm -f "$log"
