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
        return start(SCREEN);
    }

    /**
     * Starts Xvfb with a given screen and waits for its socket.
     *
     * @param screen WIDTHxHEIGHTxDEPTH, e.g. "1024x600x24"
     * @return the running display
     * @throws Exception if Xvfb is missing or does not start
     */
    public static XDisplay start(String screen) throws Exception {
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
            Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", screen, "-nolisten", "tcp")
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
        // output goes to a file, not a pipe: reading a pipe to its end would wait for the tool however long
        // it hangs, and the timeout below would never apply
        Path out = Files.createTempFile("svp-xtool", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("DISPLAY", name);
            Process p = pb.start();
            if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * Moves the X pointer to a screen position and waits until it is there. {@code xdotool mousemove
     * --sync} waits for the pointer to leave where it was, so when it already is at the target it waits
     * for its own time-out (about 15 s); then nothing is done (there is no motion to report either).
     *
     * @param x screen column
     * @param y screen row
     * @throws Exception if xdotool fails
     */
    public void movePointer(int x, int y) throws Exception {
        int[] at = pointer();
        if (at[0] == x && at[1] == y) {
            return;
        }
        run("xdotool", "mousemove", "--sync", String.valueOf(x), String.valueOf(y));
    }

    /**
     * @return the X pointer's screen position: x, y
     * @throws Exception if xdotool fails
     */
    public int[] pointer() throws Exception {
        String shell = run("xdotool", "getmouselocation", "--shell");
        return new int[] {shellField(shell, "X"), shellField(shell, "Y")};
    }

    /**
     * @param shell output of an xdotool command with {@code --shell} (NAME=value lines)
     * @param name a field
     * @return its integer value
     */
    public static int shellField(String shell, String name) {
        return shell.lines().filter(l -> l.startsWith(name + "="))
                .mapToInt(l -> Integer.parseInt(l.substring(name.length() + 1).trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " in " + shell));
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
