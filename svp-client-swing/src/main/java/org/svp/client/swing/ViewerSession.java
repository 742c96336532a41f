package org.svp.client.swing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.client.swing.view.FramebufferPanel;
import org.svp.client.tls.ClientTransport;
import org.svp.client.tls.ServerCertificateChangedException;

/**
 * Keeps one connection to the server alive for the window: connects on a virtual thread
 * ("svp-viewer-connect"), hands the client's screen and cursor to the canvas, and when the connection is
 * lost shows why on the canvas and tries again after 1, 2, 4 … 30 s. The window stays responsive all
 * along (the EDT never waits for the network). Input from the EDT goes to the current client and is
 * dropped while disconnected.
 *
 * <p>{@link #start} may come before the window exists: the host is resolved and the connection made
 * while the EDT builds the window, and the canvas is handed over with {@link #show} (the banner shown so
 * far goes with it). An unknown host fails at once with the resolver's message, before any channel is
 * set up.
 */
public final class ViewerSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViewerSession.class);

    private final String host;
    private final int port;
    /** The password of --password-file, or null to ask with {@link #prompt}. */
    private final String filePassword;
    /** Asks the user (connect thread); the viewer's {@link org.svp.client.swing.ui.PasswordDialog}. */
    private final Prompt prompt;
    /** The password that worked or is being tried; forgotten when the server says it is wrong. */
    private volatile String password;
    /** True after the server refused the password, so the next prompt says so. */
    private volatile boolean wrongPassword;
    private final ClientTransport transport;
    private final CompletableFuture<FramebufferPanel> panel = new CompletableFuture<>();
    private final Backoff backoff = new Backoff();
    private volatile SvpClient client;
    private volatile boolean closed;
    /** Orders banner changes with the hand-over of the canvas. */
    private final Object bannerLock = new Object();
    /** The newest banner text, kept for a canvas that is not there yet; guarded by {@link #bannerLock}. */
    private String banner;
    private volatile long connectStartNanos;
    private Thread thread;

    /**
     * @param host server
     * @param port main port
     */
    public ViewerSession(String host, int port) {
        this(host, port, null, (t, again) -> null, ClientTransport.plain());
    }

    /**
     * @param host server
     * @param port main port
     * @param filePassword the password from {@code --password-file}, or null
     * @param prompt asks the user when the server demands a password and there is no file
     */
    public ViewerSession(String host, int port, String filePassword, Prompt prompt) {
        this(host, port, filePassword, prompt, ClientTransport.plain());
    }

    /**
     * @param host server
     * @param port main port
     * @param transport plain or TLS on every channel
     */
    public ViewerSession(String host, int port, ClientTransport transport) {
        this(host, port, null, (t, again) -> null, transport);
    }

    /**
     * @param host server
     * @param port main port
     * @param filePassword the password from {@code --password-file}, or null
     * @param prompt asks the user when the server demands a password and there is no file
     * @param transport plain or TLS on every channel
     */
    public ViewerSession(String host, int port, String filePassword, Prompt prompt, ClientTransport transport) {
        this.host = host;
        this.port = port;
        this.filePassword = filePassword;
        this.prompt = prompt;
        this.password = filePassword;
        this.transport = transport;
    }

    /** Asks for a password; called on the connect thread, only when the server demands one. */
    @FunctionalInterface
    public interface Prompt {
        /**
         * @param target "host:port"
         * @param again the previous password was wrong
         * @return the password, or null if the user cancelled
         * @throws InterruptedException if interrupted while waiting for the user
         */
        String ask(String target, boolean again) throws InterruptedException;
    }

    /** The client's password source: the remembered one, else the file's, else the user. */
    private String passwordForServer() throws java.io.InterruptedIOException {
        String p = password;
        if (p == null) {
            try {
                p = prompt.ask(target(), wrongPassword);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while asking for the password");
            }
            password = p;
        }
        return p;
    }

    /** Starts connecting (returns at once); the first attempt's start is {@link #connectStartNanos}. */
    public synchronized void start() {
        connectStartNanos = System.nanoTime();
        thread = Thread.ofVirtual().name("svp-viewer-connect").start(this::run);
    }

    /**
     * Gives the session its canvas (once; any thread, normally the EDT right after building the window).
     *
     * @param p where the screen, cursor and messages are shown from now on
     */
    public void show(FramebufferPanel p) {
        synchronized (bannerLock) { // a banner set meanwhile on the connect thread must not be overwritten
            panel.complete(p);
            p.setBanner(banner);
        }
    }

    /** @return {@link System#nanoTime()} when {@link #start} was called (0 before) */
    public long connectStartNanos() {
        return connectStartNanos;
    }

    /** @return "host:port" */
    public String target() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** @return the connected client, or null while disconnected */
    public SvpClient client() {
        return client;
    }

    private void setBanner(String text) {
        synchronized (bannerLock) {
            banner = text;
            FramebufferPanel p = panel.getNow(null);
            if (p != null) {
                p.setBanner(text);
            }
        }
    }

    private void run() {
        boolean everConnected = false;
        while (!closed) {
            String reason;
            setBanner("Connecting to " + target() + " …");
            try {
                resolve();
                SvpClient c = SvpClient.connect(ClientOptions.viewer(host, port).withTransport(transport),
                        this::passwordForServer);
                everConnected = true;
                wrongPassword = false;
                reason = serve(c);
            } catch (ServerCertificateChangedException e) {
                // retrying cannot help and must not look like it might: say it once and stay
                LOG.info("{}", e.getMessage());
                setBanner("Not connected: " + e.getMessage());
                return;
            } catch (org.svp.client.AuthenticationException e) {
                reason = e.getMessage();
                if (e.wrongPassword()) {
                    wrongPassword = true;
                    password = null; // ask again (a wrong --password-file is not retried: see below)
                }
                if (filePassword != null || password == null && !e.wrongPassword()) {
                    // a wrong password file, or the user cancelled the dialog: retrying cannot help
                    LOG.info("cannot connect to {}: {}", target(), reason);
                    setBanner("Cannot connect to " + target() + ": " + reason);
                    return;
                }
            } catch (IOException | RuntimeException e) {
                reason = e.getMessage() == null ? e.toString() : e.getMessage();
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            LOG.info(everConnected ? "connection to {} lost: {}" : "cannot connect to {}: {}", target(), reason);
            try {
                waitBeforeRetry((everConnected ? "Connection to " + target() + " lost: "
                        : "Cannot connect to " + target() + ": ") + reason);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Looks the host up first, on this thread, so that a name the resolver does not know is reported at
     * once and in its words ("unknown host nosuch.invalid: Name or service not known"), before the client
     * spends a second setting up its event loops and channels. The address is then cached by the JVM for
     * the client's own look-up.
     */
    private void resolve() throws UnknownHostException {
        try {
            InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage();
            if (detail.startsWith(host)) {
                detail = detail.substring(host.length()).replaceFirst("^:\\s*", "");
            }
            throw new UnknownHostException("unknown host " + host + (detail.isBlank() ? "" : " (" + detail + ")"));
        }
    }

    /** Shows the client until its connection ends; returns why it ended. */
    private String serve(SvpClient c) throws InterruptedException {
        CompletableFuture<String> lost = new CompletableFuture<>();
        FramebufferPanel p = null;
        try (c) {
            backoff.reset();
            p = awaitPanel();
            if (p == null) {
                return "closed";
            }
            client = c;
            c.onCursorShape(p::setRemoteCursor);
            if (c.cursor() != null) {
                p.setRemoteCursor(c.cursor());
            }
            p.attach(c.screen(), lost::complete);
            setBanner(null);
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
            if (p != null) {
                p.detach();
            }
        }
    }

    /** @return the canvas once the EDT has handed it over, or null if the session closed first */
    private FramebufferPanel awaitPanel() throws InterruptedException {
        while (!closed) {
            try {
                return panel.get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // check closed again
            } catch (java.util.concurrent.ExecutionException e) {
                return null;
            }
        }
        return null;
    }

    private void waitBeforeRetry(String why) throws InterruptedException {
        Duration d = backoff.next();
        for (long s = d.toSeconds(); s > 0 && !closed; s--) {
            setBanner(why + " — retrying in " + s + " s");
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
