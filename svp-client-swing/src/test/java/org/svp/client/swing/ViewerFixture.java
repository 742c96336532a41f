package org.svp.client.swing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.svp.client.swing.x11.XDisplay;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.source.demo.DemoDisplaySource;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;

/**
 * The set-up of the viewer tests: an Xvfb display, an in-process server with the demo desktop (script of
 * {@link #FRAMES} frames, then still) behind a {@link RecordingSource}, and the real viewer in a child JVM
 * on that display, at 1:1. The child prints where its picture is ("canvas X Y W H SCALE").
 */
final class ViewerFixture implements AutoCloseable {
    /** Demo screen size: fits the Xvfb screen with the window's menu and status line. */
    static final int WIDTH = 1024;
    static final int HEIGHT = 768;
    /** Demo frames before the picture is still. */
    static final int FRAMES = 40;

    final XDisplay display;
    final RecordingSource source;
    final SvpServer server;
    private final Process viewer;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    /** Screen position of the picture: x, y, width, height. */
    int[] canvas;
    String windowId;

    ViewerFixture() throws Exception {
        display = XDisplay.start();
        source = new RecordingSource(new DemoDisplaySource(new DemoOptions(WIDTH, HEIGHT, FRAMES, 120)));
        server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source);
        server.start();
        if (!source.demo().awaitIdle(Duration.ofSeconds(30))) {
            throw new IllegalStateException("the demo did not finish its script");
        }
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--add-opens", "java.desktop/java.awt.event=ALL-UNNAMED",
                "-cp", cp, ViewerLauncher.class.getName(), "127.0.0.1", String.valueOf(server.port()), "1:1")
                .redirectErrorStream(true);
        pb.environment().put("DISPLAY", display.name());
        viewer = pb.start();
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
        windowId = display.run("xdotool", "search", "--sync", "--name", "^SVP").lines().findFirst().orElseThrow();
        canvas = awaitCanvas(Duration.ofSeconds(20));
    }

    private int[] awaitCanvas(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int[] found = null;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("canvas ")) {
                String[] f = line.split(" ");
                found = new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4])};
                if (found[2] == WIDTH && found[3] == HEIGHT && lines.isEmpty()) {
                    Thread.sleep(300); // a later layout may still move it
                    if (lines.isEmpty()) {
                        return found;
                    }
                }
            }
        }
        if (found != null) {
            return found;
        }
        throw new IllegalStateException("the viewer never reported its canvas; its output:\n" + output);
    }

    /** @return what the viewer printed so far */
    String viewerOutput() {
        return output.toString();
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
     * @param x remote column
     * @param y remote row
     * @throws Exception if xdotool fails
     */
    void pointerAt(int x, int y) throws Exception {
        display.run("xdotool", "mousemove", "--sync", String.valueOf(canvas[0] + x), String.valueOf(canvas[1] + y));
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

    @Override
    public void close() {
        for (AutoCloseable c : List.<AutoCloseable>of(() -> {
            viewer.destroy();
            if (!viewer.waitFor(5, TimeUnit.SECONDS)) {
                viewer.destroyForcibly();
            }
        }, server, display)) {
            try {
                c.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }
}
