package org.svp.client.swing;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.client.swing.view.FramebufferPanel;

/**
 * Keeps one connection to the server alive for the window: connects on a virtual thread
 * ("svp-viewer-connect"), hands the client's screen and cursor to the canvas, and when the connection is
 * lost shows why on the canvas and tries again after 1, 2, 4 … 30 s. The window stays responsive all
 * along (the EDT never waits for the network). Input from the EDT goes to the current client and is
 * dropped while disconnected.
 */
public final class ViewerSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViewerSession.class);

    private final String host;
    private final int port;
    private final FramebufferPanel panel;
    private final Backoff backoff = new Backoff();
    private volatile SvpClient client;
    private volatile boolean closed;
    private Thread thread;

    /**
     * @param host server
     * @param port main port
     * @param panel where the screen, cursor and messages are shown
     */
    public ViewerSession(String host, int port, FramebufferPanel panel) {
        this.host = host;
        this.port = port;
        this.panel = panel;
    }

    /** Starts connecting (returns at once). */
    public synchronized void start() {
        thread = Thread.ofVirtual().name("svp-viewer-connect").start(this::run);
    }

    /** @return "host:port" */
    public String target() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** @return the connected client, or null while disconnected */
    public SvpClient client() {
        return client;
    }

    private void run() {
        while (!closed) {
            String reason;
            panel.setBanner("Connecting to " + target() + " …");
            try {
                SvpClient c = SvpClient.connect(ClientOptions.viewer(host, port));
                reason = serve(c);
            } catch (IOException | RuntimeException e) {
                reason = e.getMessage() == null ? e.toString() : e.getMessage();
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            LOG.info("connection to {} lost: {}", target(), reason);
            try {
                waitBeforeRetry(reason);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Shows the client until its connection ends; returns why it ended. */
    private String serve(SvpClient c) throws InterruptedException {
        CompletableFuture<String> lost = new CompletableFuture<>();
        try (c) {
            backoff.reset();
            client = c;
            c.onCursorShape(panel::setRemoteCursor);
            if (c.cursor() != null) {
                panel.setRemoteCursor(c.cursor());
            }
            panel.attach(c.screen(), lost::complete);
            panel.setBanner(null);
            LOG.info("connected to {}", target());
            while (!closed) {
                try {
                    return lost.get(200, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // check closed again
                } catch (java.util.concurrent.ExecutionException e) {
                    return String.valueOf(e.getCause());
                }
            }
            return "closed";
        } finally {
            client = null;
            panel.detach();
        }
    }

    private void waitBeforeRetry(String reason) throws InterruptedException {
        Duration d = backoff.next();
        for (long s = d.toSeconds(); s > 0 && !closed; s--) {
            panel.setBanner("Connection to " + target() + " lost: " + reason + " — retrying in " + s + " s");
            Thread.sleep(1000);
        }
    }

    /**
     * Sends a key (EDT); dropped while disconnected.
     *
     * @param down press or release
     * @param scancode set-1 code
     */
    public void key(boolean down, int scancode) {
        SvpClient c = client;
        if (c != null) {
            try {
                c.key(down, scancode);
            } catch (RuntimeException e) {
                LOG.debug("key not sent: {}", e.toString());
            }
        }
    }

    /**
     * Sends the pointer (EDT); dropped while disconnected.
     *
     * @param x screen column
     * @param y screen row
     * @param buttons button bits
     */
    public void pointer(int x, int y, int buttons) {
        SvpClient c = client;
        if (c != null) {
            try {
                c.mouse(x, y, buttons);
            } catch (RuntimeException e) {
                LOG.debug("pointer not sent: {}", e.toString());
            }
        }
    }

    /**
     * Asks the guest for a screen size (VIDEO_MODESET; v1 servers may ignore it). EDT.
     *
     * @param width columns
     * @param height rows
     */
    public void requestMode(int width, int height) {
        SvpClient c = client;
        if (c != null && width > 0 && height > 0) {
            c.videoModeset(Math.min(width, 0xFFFF), Math.min(height, 0xFFFF), 32);
        }
    }

    /** Stops reconnecting and closes the connection (any thread; returns within about a second). */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
