package org.svp.source.x11.launch;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.error.UpstreamException;

/**
 * The desktop of {@code --source x11:new}: an Xvfb of the asked size, a window manager if one is
 * installed (openbox, else twm, else none; the log says which) and an xterm. The xterm starts only
 * once the window manager owns the screen ({@link DesktopWait}, at most {@link #WM_TIMEOUT}) and
 * {@link #start} returns once the xterm is on screen, so the first picture a client sees has it.
 * {@link #close()} stops them all; the CLI also calls it from its shutdown hook. Called from the
 * CLI's thread.
 */
public final class NewDesktop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NewDesktop.class);
    /** Window managers tried, best first. */
    private static final List<String> WINDOW_MANAGERS = List.of("openbox", "twm");
    /** Longest wait for the window manager to take the screen, and for the xterm to show. */
    static final Duration WM_TIMEOUT = Duration.ofSeconds(5);
    /** The xterm's size and place: 100×30 characters at (40, 40). */
    static final String XTERM_GEOMETRY = "100x30+40+40";

    private final XServerProcess server;
    private final List<Process> programs = new ArrayList<>();

    private NewDesktop(XServerProcess server) {
        this.server = server;
    }

    /**
     * @param width screen width
     * @param height screen height
     * @return the running desktop
     * @throws UpstreamException if Xvfb cannot be started
     */
    public static NewDesktop start(int width, int height) {
        NewDesktop d = new NewDesktop(XServerProcess.xvfb(width, height));
        try {
            String wm = WINDOW_MANAGERS.stream().filter(Programs::installed).findFirst().orElse(null);
            if (wm != null) {
                Process p = d.server.run(wm);
                d.programs.add(p);
                long t0 = System.nanoTime();
                boolean owns = DesktopWait.windowManager(d.server.displayName(), p, WM_TIMEOUT);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (owns) {
                    LOG.info("started Xvfb on {} ({}x{}), window manager {} ready after {} ms", d.server.displayName(),
                            width, height, wm, ms);
                } else {
                    LOG.warn("window manager {} did not take the screen of {} within {} s{}; starting the xterm anyway",
                            wm, d.server.displayName(), WM_TIMEOUT.toSeconds(), p.isAlive() ? "" : " (it exited)");
                }
            } else {
                LOG.info("started Xvfb on {} ({}x{}), no window manager installed (tried {})", d.server.displayName(),
                        width, height, String.join(", ", WINDOW_MANAGERS));
            }
            if (Programs.installed("xterm")) {
                Process xterm = d.server.run("xterm", "-geometry", XTERM_GEOMETRY);
                d.programs.add(xterm);
                if (!DesktopWait.window(d.server.displayName(), xterm, WM_TIMEOUT)) {
                    LOG.warn("the xterm did not show within {} s", WM_TIMEOUT.toSeconds());
                }
            } else {
                LOG.warn("xterm is not installed: the desktop stays empty");
            }
            return d;
        } catch (InterruptedException e) {
            d.close();
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while starting the desktop on " + d.server.displayName(), e);
        } catch (IOException e) {
            d.close();
            throw new UpstreamException("cannot start the desktop programs on " + d.server.displayName() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            d.close(); // e.g. the waits could not open the display: stop Xvfb and the programs, then report
            throw e;
        }
    }

    /** @return the display name, e.g. ":3" */
    public String displayName() {
        return server.displayName();
    }

    /** Stops the programs, then Xvfb. Idempotent. */
    @Override
    public void close() {
        programs.forEach(Programs::stop);
        programs.clear();
        server.close();
    }
}
