package org.svp.client;

import java.time.Duration;
import org.svp.client.tls.ClientTransport;
import org.svp.protocol.CodecId;

/**
 * How a client connects.
 *
 * @param host the server's host name or address
 * @param port the main channel's port
 * @param connectTimeout how long each TCP connect and the hand-shake may take
 * @param preferCodec what the client asks for in GRAPHIC_CONFIG (AUTO lets the server pick LZ4)
 * @param wantDisplay connect the display channel
 * @param wantCursor connect the cursor channel
 * @param wantInput connect the input channel
 * @param transport plain or TLS on every channel
 * @param quality the lossy quality this client asks for (display feature bits, docs/protocol.md "Lossy
 *     quality"); null or AUTO = the server's {@code --quality}; LOSSLESS = JPEG not offered
 */
public record ClientOptions(String host, int port, Duration connectTimeout, int preferCodec, boolean wantDisplay,
                            boolean wantCursor, boolean wantInput, ClientTransport transport,
                            org.svp.codec.jpeg.Quality quality) {

    /** Options that leave the lossy quality to the server. */
    public ClientOptions(String host, int port, Duration connectTimeout, int preferCodec, boolean wantDisplay,
                         boolean wantCursor, boolean wantInput, ClientTransport transport) {
        this(host, port, connectTimeout, preferCodec, wantDisplay, wantCursor, wantInput, transport, null);
    }

    /**
     * @param q the lossy quality to ask for (null = the server's)
     * @return a copy asking for it
     */
    public ClientOptions withQuality(org.svp.codec.jpeg.Quality q) {
        return new ClientOptions(host, port, connectTimeout, preferCodec, wantDisplay, wantCursor, wantInput, transport, q);
    }

    /** Options with plain SVP on every channel (tests, benchmarks; the CLI chooses TLS). */
    public ClientOptions(String host, int port, Duration connectTimeout, int preferCodec, boolean wantDisplay,
                         boolean wantCursor, boolean wantInput) {
        this(host, port, connectTimeout, preferCodec, wantDisplay, wantCursor, wantInput, ClientTransport.plain());
    }

    /**
     * @param t plain or TLS
     * @return a copy with that transport
     */
    public ClientOptions withTransport(ClientTransport t) {
        return new ClientOptions(host, port, connectTimeout, preferCodec, wantDisplay, wantCursor, wantInput, t, quality);
    }

    /** The v1 default port. */
    public static final int DEFAULT_PORT = 5678;

    /**
     * @param host server host
     * @param port main port
     * @return options for a full client (display, cursor and input) asking for LZ4
     */
    public static ClientOptions viewer(String host, int port) {
        return new ClientOptions(host, port, Duration.ofSeconds(5), CodecId.AUTO, true, true, true);
    }

    /**
     * @param host server host
     * @param port main port
     * @return options for a client that only sends input
     */
    public static ClientOptions inputOnly(String host, int port) {
        return new ClientOptions(host, port, Duration.ofSeconds(5), CodecId.AUTO, false, false, true);
    }

    /**
     * Parses "HOST[:PORT]" (IPv6 literals in brackets: "[::1]:5678").
     *
     * @param target what the user typed
     * @return {host, port}
     * @throws IllegalArgumentException with a message for the user
     */
    public static Object[] parseTarget(String target) {
        String host = target;
        int port = DEFAULT_PORT;
        int colon = target.lastIndexOf(':');
        if (target.startsWith("[")) {
            int close = target.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in " + target);
            }
            host = target.substring(1, close);
            colon = target.indexOf(':', close);
        } else if (colon >= 0 && target.indexOf(':') != colon) {
            colon = -1; // a bare IPv6 address without a port
        }
        if (colon >= 0) {
            if (!target.startsWith("[")) {
                host = target.substring(0, colon);
            }
            try {
                port = Integer.parseInt(target.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in '" + target + "'");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535 in '" + target + "'");
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in '" + target + "'");
        }
        return new Object[] {host, port};
    }
}
