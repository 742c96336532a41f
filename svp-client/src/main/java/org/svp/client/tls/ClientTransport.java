package org.svp.client.tls;

import io.netty.channel.Channel;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.svp.netty.tls.TlsVersions;

/**
 * How a client's channels reach the server: plain SVP, or TLS with trust on first use
 * ({@link PinningTrustManager}, pins in {@link KnownServers}). Immutable and shared; {@link #forServer}
 * makes the per-connection part. The CLI's client commands use TLS unless {@code --no-tls}; the
 * library default ({@link #plain()}) keeps tests and benchmarks away from the user's pin file.
 */
public final class ClientTransport {
    private final KnownServers known;
    private final Consumer<String> notice;
    private final boolean loopbackPlainFallback;

    private ClientTransport(KnownServers known, Consumer<String> notice, boolean loopbackPlainFallback) {
        this.known = known;
        this.notice = notice;
        this.loopbackPlainFallback = loopbackPlainFallback;
    }

    /** @return plain SVP on every channel */
    public static ClientTransport plain() {
        return new ClientTransport(null, s -> { }, false);
    }

    /**
     * TLS on every channel. A server on a loopback address that does not speak TLS (a v1 server or
     * {@code --no-tls}) is retried once in plain text, with a notice (docs/security.md, TLS).
     *
     * @param known where pins are kept
     * @param notice told one line (without "svp: ") on first-use pinning and on the plain fallback
     * @return the transport
     */
    public static ClientTransport tls(KnownServers known, Consumer<String> notice) {
        return new ClientTransport(known, notice, true);
    }

    /** @return whether channels use TLS */
    public boolean isTls() {
        return known != null;
    }

    /** @return whether a loopback server without TLS may be retried in plain text */
    public boolean loopbackPlainFallback() {
        return loopbackPlainFallback;
    }

    /** @param line told to the user (stderr in the CLI) */
    public void notice(String line) {
        notice.accept(line);
    }

    /**
     * The part of the transport for one client connection: its channels share one pin, that of
     * {@code host:mainPort}.
     *
     * @param host the server as the user named it
     * @param mainPort its main channel's port
     * @return what installs TLS on each channel, or null for plain
     * @throws IOException if the TLS context cannot be made
     */
    public Connection forServer(String host, int mainPort) throws IOException {
        if (known == null) {
            return null;
        }
        String server = (host.contains(":") ? "[" + host + "]" : host) + ":" + mainPort;
        try {
            SslContext ctx = SslContextBuilder.forClient()
                    .sslProvider(SslProvider.JDK)
                    .protocols(TlsVersions.ENABLED)
                    .trustManager(new PinningTrustManager(known, server, notice))
                    .build();
            return new Connection(ctx, host, mainPort, server);
        } catch (SSLException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Added to the connect timeout for the TLS hand-shake. */
    static final Duration HANDSHAKE_MARGIN = Duration.ofSeconds(10);

    /** TLS for the channels of one client connection. */
    public static final class Connection {
        private final SslContext context;
        private final String host;
        private final int mainPort;
        private final String server;

        private Connection(SslContext context, String host, int mainPort, String server) {
            this.context = context;
            this.host = host;
            this.mainPort = mainPort;
            this.server = server;
        }

        /**
         * Puts an {@code SslHandler} first in the channel's pipeline (call from the channel initializer).
         * The engine checks the host name (HTTPS rules) for CA-issued certificates.
         *
         * @param ch a new channel
         * @param port the port it connects to
         */
        public void install(Channel ch, int port) {
            // The engine's peer port only keys the JDK's client session cache (SNI and the host-name
            // check use the host): giving every channel the main port lets the display, cursor and input
            // channels resume the main channel's TLS session instead of a full hand-shake each (the
            // server shares one context, hence one session store, across its ports).
            SslHandler h = context.newHandler(ch.alloc(), host, mainPort);
            SSLEngine e = h.engine();
            SSLParameters p = e.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            e.setSSLParameters(p);
            ch.pipeline().addFirst("tls", h);
        }

        /**
         * Waits for the channel's TLS hand-shake and says in one line why it failed.
         *
         * @param ch a connected channel set up with {@link #install}
         * @param timeout the longest wait
         * @param channelName "main", "display", … for the message
         * @throws ServerCertificateChangedException if the certificate is not the pinned one
         * @throws NoTlsException if the server answered in plain text or closed the connection
         * @throws IOException any other failure or the timeout
         * @throws InterruptedException if interrupted
         */
        public void awaitHandshake(Channel ch, Duration timeout, String channelName)
                throws IOException, InterruptedException {
            Future<Channel> f = ch.pipeline().get(SslHandler.class).handshakeFuture();
            // a fresh JVM's first JSSE hand-shake (class loading, EC and AES set-up) takes seconds on a
            // loaded machine: the TCP connect's timeout plus this margin
            if (!f.await(timeout.plus(HANDSHAKE_MARGIN).toMillis())) {
                ch.close();
                throw new IOException("no TLS hand-shake with " + server + " (" + channelName + " channel) within "
                        + timeout.plus(HANDSHAKE_MARGIN).toSeconds() + " s");
            }
            if (f.isSuccess()) {
                return;
            }
            Throwable c = f.cause();
            for (Throwable t = c; t != null; t = t.getCause()) {
                if (t instanceof CertificateChangedException changed) {
                    throw new ServerCertificateChangedException(changed.getMessage());
                }
            }
            if (notTls(c)) {
                throw new NoTlsException(server + " did not answer the TLS hand-shake (a v1 server, or one run with"
                        + " --no-tls?); connect with --no-tls to use plain SVP");
            }
            String why = c.getMessage() == null ? c.toString() : c.getMessage();
            throw new IOException("TLS hand-shake with " + server + " (" + channelName + " channel) failed: " + why, c);
        }

        private static boolean notTls(Throwable c) {
            for (Throwable t = c; t != null; t = t.getCause()) {
                if (t instanceof NotSslRecordException || t instanceof ClosedChannelException) {
                    return true;
                }
                String m = t.getMessage();
                if (t instanceof SSLException && m != null && m.contains("closed")) {
                    return true; // "Connection closed while SSL/TLS handshake was in progress"
                }
            }
            return false;
        }
    }
}
