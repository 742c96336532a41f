package org.svp.source.x11.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.error.UpstreamException;

/**
 * The desktop of {@code --source x11:new}: an Xvfb of the asked size, a window manager if one is
 * installed (openbox, else twm, else none; the log says which) and an xterm. {@link #close()} stops
 * them all; the CLI also calls it from its shutdown hook. Called from the CLI's thread.
 */
public final class NewDesktop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NewDesktop.class);
    /** Window managers tried, best first. */
    private static final List<String> WINDOW_MANAGERS = List.of("openbox", "twm");

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
                d.programs.add(d.server.run(wm));
            }
            LOG.info("started Xvfb on {} ({}x{}), window manager: {}", d.server.displayName(), width, height,
                    wm == null ? "none installed (tried " + String.join(", ", WINDOW_MANAGERS) + ")" : wm);
            if (Programs.installed("xterm")) {
                d.programs.add(d.server.run("xterm", "-geometry", "100x30+40+40"));
            } else {
                LOG.warn("xterm is not installed: the desktop stays empty");
            }
            return d;
        } catch (IOException e) {
            d.close();
            throw new UpstreamException("cannot start the desktop programs on " + d.server.displayName() + ": "
                    + e.getMessage(), e);
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
