package org.svp.source.x11.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.svp.protocol.error.UpstreamException;

/**
 * An X server child process (Xvfb or TigerVNC's Xvnc) on a display number it picks itself
 * ({@code -displayfd 1}: the server writes the number it got to its stdout once it accepts clients).
 * Called from one control thread; {@link #close()} kills the process and waits for it.
 */
public final class XServerProcess implements AutoCloseable {
    /** How long an X server may take to come up. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final int display;

    private XServerProcess(Process process, int display) {
        this.process = process;
        this.display = display;
    }

    /**
     * Starts Xvfb with one 24-bit screen, no TCP listener.
     *
     * @param width screen width
     * @param height screen height
     * @return the running server
     * @throws UpstreamException if Xvfb is not installed or does not come up
     */
    public static XServerProcess xvfb(int width, int height) {
        return start(List.of("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24", "-nolisten",
                "tcp", "+extension", "RANDR"), "xvfb");
    }

    /**
     * Starts TigerVNC's Xvnc, which is an X server with a VNC server inside, on localhost only.
     *
     * @param width screen width
     * @param height screen height
     * @param rfbPort the VNC port
     * @return the running server
     * @throws UpstreamException if Xvnc is not installed or does not come up
     */
    public static XServerProcess xvnc(int width, int height, int rfbPort) {
        return start(List.of("Xvnc", "-displayfd", "1", "-geometry", width + "x" + height, "-depth", "24",
                "-SecurityTypes", "None", "-rfbport", Integer.toString(rfbPort), "-localhost", "-nolisten", "tcp",
                "-AlwaysShared"), "tigervnc-standalone-server");
    }

    private static XServerProcess start(List<String> command, String debianPackage) {
        if (!Programs.installed(command.getFirst())) {
            throw new UpstreamException(command.getFirst() + " is not installed (Debian/Ubuntu package "
                    + debianPackage + ")", null);
        }
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UpstreamException("cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
                return r.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = line.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (n == null || n.isBlank()) {
                throw new UpstreamException(command.getFirst() + " exited before it accepted clients", null);
            }
            return new XServerProcess(p, Integer.parseInt(n.trim()));
        } catch (TimeoutException | ExecutionException | NumberFormatException e) {
            p.destroyForcibly();
            throw new UpstreamException(command.getFirst() + " did not come up within " + START_TIMEOUT.toSeconds()
                    + " s", e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while starting " + command.getFirst(), e);
        }
    }

    /** @return the display name, e.g. ":3" */
    public String displayName() {
        return ":" + display;
    }

    /** @return the display number */
    public int displayNumber() {
        return display;
    }

    /** @return the server's process id (for CPU accounting) */
    public long pid() {
        return process.pid();
    }

    /**
     * Starts a program on this display.
     *
     * @param command the program and its arguments
     * @return the process (output discarded)
     * @throws IOException if it cannot be started
     */
    public Process run(String... command) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("DISPLAY", displayName());
        return b.start();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 3 s). Idempotent. */
    @Override
    public void close() {
        Programs.stop(process);
        try {
            Files.deleteIfExists(Path.of("/tmp/.X" + display + "-lock"));
        } catch (IOException ignored) {
            // the server removes it itself when it exits normally
        }
    }
}
