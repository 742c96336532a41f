#!/usr/bin/python3
"""A second desktop workload for `svp bench x11 --workload`: flood.py DISPLAY SECONDS

Heavier than the shared one, and self-contained (no ../shared): an xterm (100x40) flooded with `ls -lR`
output at 2 000 lines a second (jump scrolling, the whole terminal redrawn at every capture), ico's bouncing
polyhedron (a small area changing every 40 ms), ImageMagick's animate cycling six photo-like pictures
once a second, a second xterm dragged every 50 ms, and xeyes following a pointer moved every 50 ms.
The pictures are made here (sums of sines plus fixed noise, PPM), the same every run. Needs: python3,
xdotool, xterm, openbox, imagemagick (animate), x11-apps (ico, xeyes).
"""
import math, os, signal, subprocess, sys, tempfile, time

disp, secs = sys.argv[1], float(sys.argv[2])
env = dict(os.environ, DISPLAY=disp)
procs = []


def spawn(args):
    p = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    procs.append(p)
    return p


def x(*args):
    return subprocess.run(["xdotool", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True).stdout.strip()


def find(title, timeout=10):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        out = x("search", "--name", "^%s$" % title)
        if out:
            return out.split()[0]
        time.sleep(0.05)
    return None


def picture(path, k, w=480, h=300):
    """A photo-like picture: smooth colour fields plus a little fixed noise (an LCG), as PPM."""
    seed = 12345 + k
    rows = bytearray()
    for y in range(h):
        for xx in range(w):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            n = (seed >> 16) & 15
            r = 128 + 100 * math.sin(xx * 0.021 + k) * math.cos(y * 0.017)
            g = 128 + 100 * math.sin((xx + y) * 0.013 + 2 * k)
            b = 128 + 100 * math.cos(math.hypot(xx - w / 2, y - h / 2) * 0.03 - k)
            rows += bytes((int(r) + n & 255, int(g) + n & 255, int(b) + n & 255))
    with open(path, "wb") as f:
        f.write(b"P6 %d %d 255\n" % (w, h) + bytes(rows))


t0 = time.monotonic()
tmp = tempfile.mkdtemp(prefix="svp-flood-")
spawn(["openbox", "--sm-disable"])
# the flood at a fixed rate (40 lines every 20 ms, 2 000 lines a second, cycling through `ls -lR` of
# /usr/share/doc): as fast as xterm's jump scroll redraws the whole terminal at every capture, yet the
# same work for the X server every run, so the X server's CPU with and without a client can be compared
flooder = os.path.join(tmp, "flooder.py")
with open(flooder, "w") as f:
    f.write("import subprocess, sys, time\n"
            "lines = subprocess.run(['ls', '-lR', '/usr/share/doc'], capture_output=True, text=True).stdout.splitlines()[:20000] or ['-']\n"
            "i, t = 0, time.monotonic()\n"
            "while True:\n"
            "    sys.stdout.write('\\n'.join(lines[(i + k) % len(lines)] for k in range(40)) + '\\n'); sys.stdout.flush()\n"
            "    i += 40; t += 0.02\n"
            "    time.sleep(max(0, t - time.monotonic()))\n")
spawn(["xterm", "-fa", "DejaVu Sans Mono", "-fs", "10", "-title", "flood", "-geometry", "100x40+0+0", "-e", "python3",
       flooder])
spawn(["ico", "-geometry", "300x300+700+450", "-sleep", "0.04"])
spawn(["xeyes", "-geometry", "200x150+1050+600"])
spawn(["xterm", "-title", "drag", "-geometry", "50x12+100+500", "-e", "sh", "-c",
       "head -50 /etc/services; exec sleep 100000"])
pictures = []
for k in range(6):
    pictures.append(os.path.join(tmp, "p%d.ppm" % k))
    picture(pictures[-1], k)
spawn(["animate", "-title", "slide", "-delay", "100", "-geometry", "+780+20", *pictures])
drag = find("drag")
k = 0
while True:
    k += 1
    due = t0 + 0.5 + k * 0.05
    if due - t0 >= secs:
        break
    d = due - time.monotonic()
    if d > 0:
        time.sleep(d)
    if drag:
        x("windowmove", drag, str(int(400 + 300 * math.sin(k * 0.03))), str(int(400 + 200 * math.cos(k * 0.041))))
    x("mousemove", str(int(640 + 500 * math.sin(k * 0.07))), str(int(400 + 300 * math.sin(k * 0.05))))
for p in procs:
    if p.poll() is None:
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
for p in procs:
    try:
        p.wait(timeout=3)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
for f in pictures + [flooder]:
    os.remove(f)
os.rmdir(tmp)
print("flood: %d ticks in %.1fs, drag=%s" % (k, time.monotonic() - t0, drag))
