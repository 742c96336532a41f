package org.svp.client.swing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.svp.client.swing.x11.XDisplay;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.source.demo.DemoDisplaySource;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;

/**
 * The set-up of the viewer tests: an Xvfb display, an in-process server with the demo desktop (script of
 * {@link #FRAMES} frames, then still) behind a {@link RecordingSource}, and the real viewer in a child JVM
 * on that display (1:1 unless asked otherwise). The child prints where its picture is ("canvas X Y W H
 * SCALE") and which banner it shows ("banner TEXT" or "banner none"). The server can be stopped and a new
 * one started on the same port ({@link #stopServer}, {@link #startServer}).
 */
final class ViewerFixture implements AutoCloseable {
    /** Default demo screen size: fits the default Xvfb screen with the window's menu and status line. */
    static final int WIDTH = 1024;
    static final int HEIGHT = 768;
    /** Demo frames before the picture is still. */
    static final int FRAMES = 40;
    /** How long a layout must stay unchanged before the canvas position is trusted, ms. */
    private static final long SETTLE_MS = 300;

    final XDisplay display;
    /** This fixture's demo desktop size. */
    final int width;
    final int height;
    /** The current server's source; replaced by {@link #startServer}. */
    volatile RecordingSource source;
    /** The current server, null while stopped. */
    volatile SvpServer server;
    private final int port;
    private final Process viewer;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final StringBuffer output = new StringBuffer();
    /** Screen position of the picture: x, y, width, height. */
    int[] canvas;
    String windowId;

    /** The viewer at 1:1 on a server on any free port. */
    ViewerFixture() throws Exception {
        this("1:1", 0);
    }

    /**
     * @param scale the viewer's {@code --scale}: "1:1" or "fit"
     * @param fixedPort the server's port; 0 for any free one
     */
    ViewerFixture(String scale, int fixedPort) throws Exception {
        this(XDisplay.SCREEN, WIDTH, HEIGHT, scale, false, fixedPort, c -> c[2] == WIDTH && c[3] == HEIGHT);
    }

    /**
     * @param screen the Xvfb screen, e.g. "1600x1000x24"
     * @param width the demo desktop's width
     * @param height the demo desktop's height
     * @param scale the viewer's {@code --scale}: "1:1" or "fit"
     * @param fullScreen start the viewer in full screen
     * @param fixedPort the server's port; 0 for any free one
     * @param settled which reported canvas (x, y, width, height) means the viewer has laid out its picture
     */
    ViewerFixture(String screen, int width, int height, String scale, boolean fullScreen, int fixedPort,
                  Predicate<int[]> settled) throws Exception {
        this.width = width;
        this.height = height;
        display = XDisplay.start(screen);
        try {
            startServer(fixedPort, FRAMES);
            port = server.port();
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "--add-opens", "java.desktop/java.awt.event=ALL-UNNAMED",
                    "--add-opens", "java.desktop/sun.awt.X11=ALL-UNNAMED",
                    "-cp", cp, ViewerLauncher.class.getName(), "127.0.0.1", String.valueOf(port), scale,
                    fullScreen ? "fullscreen" : "window")
                    .redirectErrorStream(true);
            pb.environment().put("DISPLAY", display.name());
            viewer = pb.start();
        } catch (Exception | Error e) {
            closeQuietly(server);
            display.close();
            throw e;
        }
        Thread.ofPlatform().daemon().name("viewer-output").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(viewer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // viewer gone
            }
        });
        try {
            windowId = display.run("xdotool", "search", "--sync", "--onlyvisible", "--name", "^SVP").lines().findFirst().orElseThrow();
            canvas = awaitCanvas(settled, Duration.ofSeconds(20));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** @return a TCP port that was free a moment ago on 127.0.0.1 */
    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts a server with a fresh demo ({@code frames} frames of its script, then still) and waits until
     * the demo is still and the server's framebuffer has its last frame.
     *
     * @param fixedPort the port; 0 for any free one
     * @param frames demo frames to play
     */
    void startServer(int fixedPort, int frames) throws Exception {
        RecordingSource s = new RecordingSource(new DemoDisplaySource(new DemoOptions(width, height, frames, 120)));
        // the demo says it is idle once it has submitted its last frame; the server's framebuffer (what
        // snapshot() returns) has it once the marker after that frame runs
        CountDownLatch applied = new CountDownLatch(1);
        s.demo().onScriptFinished((w, h, argb) -> applied.countDown());
        SvpServer srv = new SvpServer(ServerConfig.of("127.0.0.1", fixedPort, true), s);
        try {
            srv.start();
            if (!s.demo().awaitIdle(Duration.ofSeconds(30)) || !applied.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the demo did not finish its script");
            }
        } catch (Exception | Error e) {
            closeQuietly(srv);
            throw e;
        }
        source = s;
        server = srv;
    }

    /** Starts a new server with a fresh demo on the port of the first one. */
    void restartServer(int frames) throws Exception {
        startServer(port, frames);
    }

    /** Stops the server (every connection closes). */
    void stopServer() {
        SvpServer s = server;
        server = null;
        closeQuietly(s);
    }

    /**
     * Waits until the viewer reports a canvas that {@code accept}s and then reports nothing else about its
     * canvas for a moment (a later layout may still move it).
     *
     * @param accept which reported canvas (x, y, width, height) is wanted
     * @param timeout the longest wait
     * @return that canvas; also stored in {@link #canvas}
     */
    int[] awaitCanvas(Predicate<int[]> accept, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = -1;
        long stableSince = 0;
        while (System.nanoTime() < deadline) {
            List<String> canvasLines = lines.stream().filter(l -> l.startsWith("canvas ")).toList();
            if (canvasLines.size() != seen) {
                seen = canvasLines.size();
                stableSince = System.nanoTime();
            } else if (seen > 0 && System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(SETTLE_MS)) {
                int[] c = parseCanvas(canvasLines.getLast());
                if (accept.test(c)) {
                    canvas = c;
                    return c;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the viewer never reported the expected canvas; its output:\n" + output);
    }

    private static int[] parseCanvas(String line) {
        String[] f = line.split(" ");
        return new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
            Integer.parseInt(f[4])};
    }

    /** @return how many lines the viewer printed so far (a start index for {@link #awaitLine}) */
    int lineCount() {
        return lines.size();
    }

    /**
     * Waits for a line of the viewer's output.
     *
     * @param from index of the first line to look at
     * @param accept which line is wanted
     * @param timeout the longest wait
     * @return the index of the first such line
     * @throws IllegalStateException if none came in time
     */
    int awaitLine(int from, Predicate<String> accept, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> now = new ArrayList<>(lines);
            for (int i = from; i < now.size(); i++) {
                if (accept.test(now.get(i))) {
                    return i;
                }
            }
            if (System.nanoTime() > deadline) {
                threadDump();
                throw new IllegalStateException("the viewer did not print the expected line within " + timeout
                        + "; its output (ending with its threads):\n" + output);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Asks the viewer for a thread dump (SIGQUIT: the JVM prints it on its stdout, which this fixture
     * reads) and waits a moment for it, so that a timeout says where the viewer was.
     */
    private void threadDump() throws InterruptedException {
        if (!viewer.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-QUIT", String.valueOf(viewer.pid())).start().waitFor(2, TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            return; // no dump then; the timeout still says what was missing
        }
        Thread.sleep(1000);
    }

    /** @return the viewer's output lines from {@code from} on */
    List<String> linesFrom(int from) {
        List<String> now = new ArrayList<>(lines);
        return now.subList(Math.min(from, now.size()), now.size());
    }

    /** @return what the viewer printed so far */
    String viewerOutput() {
        return output.toString();
    }

    /** @return whether the viewer's process is still running */
    boolean viewerAlive() {
        return viewer.isAlive();
    }

    /**
     * Gives the viewer the keyboard focus and the demo's Notes window the demo's focus.
     *
     * @throws Exception if xdotool fails
     */
    void focus() throws Exception {
        display.run("xdotool", "windowfocus", "--sync", windowId);
        org.svp.protocol.Rect notes = source.demo().windowFrame(org.svp.source.demo.desktop.Desktop.NOTES);
        pointerAt(notes.x() + notes.width() / 2, notes.y() + notes.height() / 2);
        display.run("xdotool", "click", "1"); // without a window manager, a click gives AWT the focus
        Thread.sleep(300);
    }

    /**
     * Puts the X pointer on a canvas point (at 1:1 the remote pixel of the same coordinates).
     *
     * @param x canvas column
     * @param y canvas row
     * @throws Exception if xdotool fails
     */
    void pointerAt(int x, int y) throws Exception {
        display.movePointer(canvas[0] + x, canvas[1] + y);
    }

    /**
     * @param args xdotool arguments
     * @throws Exception if xdotool fails
     */
    void xdotool(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "xdotool";
        System.arraycopy(args, 0, cmd, 1, args.length);
        display.run(cmd);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(() -> {
            viewer.destroy();
            if (!viewer.waitFor(5, TimeUnit.SECONDS)) {
                viewer.destroyForcibly();
                viewer.waitFor(5, TimeUnit.SECONDS);
            }
        });
        closeQuietly(server);
        closeQuietly(display);
    }
}
