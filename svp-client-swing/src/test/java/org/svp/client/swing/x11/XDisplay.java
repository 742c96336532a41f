package org.svp.client.swing.x11;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An Xvfb server started for a test on a free display number (:91..:99), and the X tools run against it
 * (xdotool, xwd). Every command is bounded; {@link #close} kills the server.
 */
public final class XDisplay implements AutoCloseable {
    /** Screen of the test display. */
    public static final String SCREEN = "1400x1000x24";
    private static final long COMMAND_TIMEOUT_S = 20;

    private final String name;
    private final Process xvfb;

    private XDisplay(String name, Process xvfb) {
        this.name = name;
        this.xvfb = xvfb;
    }

    /**
     * Starts Xvfb and waits for its socket.
     *
     * @return the running display
     * @throws Exception if Xvfb is missing or does not start
     */
    public static XDisplay start() throws Exception {
        for (String tool : List.of("Xvfb", "xdotool", "xwd")) {
            if (!onPath(tool)) {
                fail(tool + " is not installed: the viewer tests need Xvfb, xdotool and xwd "
                        + "(apt-get install xvfb xdotool x11-apps); CI installs them");
            }
        }
        for (int n = 91; n <= 99; n++) {
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", SCREEN, "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && p.isAlive() && !Files.exists(socket)) {
                Thread.sleep(50);
            }
            if (p.isAlive() && Files.exists(socket)) {
                return new XDisplay(":" + n, p);
            }
            p.destroyForcibly();
        }
        throw new IllegalStateException("no free X display number in :91..:99 (or Xvfb failed to start)");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** @return e.g. ":93" */
    public String name() {
        return name;
    }

    /**
     * Runs an X tool on this display.
     *
     * @param command the command line
     * @return its standard output
     * @throws Exception if it fails or times out
     */
    public String run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", name);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + text);
        }
        return text;
    }

    /**
     * @return the whole screen, read with {@code xwd -root}
     * @throws Exception if xwd fails
     */
    public XwdImage screenshot() throws Exception {
        Path f = Files.createTempFile("svp-view", ".xwd");
        try {
            List<String> cmd = new ArrayList<>(List.of("xwd", "-root", "-silent", "-out", f.toString()));
            run(cmd.toArray(String[]::new));
            return XwdImage.read(f);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Override
    public void close() {
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        } catch (InterruptedException e) {
            xvfb.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
