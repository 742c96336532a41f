package org.svp.source.vnc.connection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.vnc.auth.VncAuth;
import org.svp.source.vnc.rfb.Malformed;
import org.svp.source.vnc.rfb.RfbIn;
import org.svp.source.vnc.rfb.ServerMessageDecoder;

/**
 * The client side of the RFB hand-shake (RFC 6143 §7.1–7.3) for versions 3.3, 3.7 and 3.8: version,
 * security (None or VNC authentication), SecurityResult, ClientInit (shared) and ServerInit. Each
 * {@link #step} consumes one message or throws {@link org.svp.source.vnc.rfb.NeedMore} having
 * consumed nothing. Thread: "svp-vnc".
 *
 * <p>Errors are {@link UpstreamException}s with one-line messages; {@link #permanent()} tells the
 * reconnect loop whether trying again can help (a wrong password cannot).
 */
public final class RfbHandshake {
    /** Longest reason string or desktop name read. */
    static final int MAX_TEXT = 64 * 1024;
    private static final int SEC_INVALID = 0;
    private static final int SEC_NONE = 1;
    private static final int SEC_VNC = 2;

    private enum State { VERSION, SECURITY_TYPES, SECURITY_33, CHALLENGE, RESULT, SERVER_INIT, DONE }

    private final String password;
    private State state = State.VERSION;
    private int minor;
    private boolean permanent;

    /** @param password for VNC authentication (first 8 characters count), or null */
    public RfbHandshake(String password) {
        this.password = password;
    }

    /** @return true if the last failure will not go away by reconnecting (authentication) */
    public boolean permanent() {
        return permanent;
    }

    /**
     * @param in the received bytes
     * @param send writes bytes to the server
     * @return the ServerInit once the hand-shake is complete, else null (call again)
     */
    public ServerInit step(RfbIn in, Consumer<byte[]> send) {
        switch (state) {
            case VERSION -> version(in, send);
            case SECURITY_TYPES -> securityTypes(in, send);
            case SECURITY_33 -> security33(in, send);
            case CHALLENGE -> {
                byte[] challenge = in.bytes(VncAuth.CHALLENGE_BYTES);
                send.accept(VncAuth.respond(password, challenge));
                state = State.RESULT;
            }
            case RESULT -> result(in, send);
            case SERVER_INIT -> {
                return serverInit(in);
            }
            case DONE -> throw new IllegalStateException("the hand-shake is over");
        }
        return null;
    }

    private void version(RfbIn in, Consumer<byte[]> send) {
        byte[] v = in.bytes(12);
        String s = new String(v, StandardCharsets.US_ASCII);
        if (!s.matches("RFB \\d{3}\\.\\d{3}\n")) {
            permanent = true;
            throw new UpstreamException("not a VNC server: it greeted with '" + printable(s) + "', not 'RFB 003.00x'", null);
        }
        int major = Integer.parseInt(s.substring(4, 7));
        int serverMinor = Integer.parseInt(s.substring(8, 11));
        if (major < 3) {
            permanent = true;
            throw new UpstreamException("the VNC server speaks RFB " + major + "." + serverMinor + " (this client: 3.3 to 3.8)", null);
        }
        minor = major > 3 || serverMinor >= 8 ? 8 : serverMinor == 7 ? 7 : 3;
        send.accept(String.format("RFB 003.%03d\n", minor).getBytes(StandardCharsets.US_ASCII));
        state = minor == 3 ? State.SECURITY_33 : State.SECURITY_TYPES;
    }

    private void securityTypes(RfbIn in, Consumer<byte[]> send) {
        int n = in.u8();
        if (n == 0) {
            throw new UpstreamException("the VNC server refused the connection: " + reason(in), null);
        }
        byte[] types = in.bytes(n);
        List<Integer> offered = new ArrayList<>();
        for (byte t : types) {
            offered.add(t & 0xFF);
        }
        int chosen = offered.contains(SEC_NONE) ? SEC_NONE : offered.contains(SEC_VNC) ? SEC_VNC : SEC_INVALID;
        if (chosen == SEC_INVALID) {
            permanent = true;
            throw new UpstreamException("the VNC server offers security types " + offered
                    + "; this client speaks only None (1) and VNC authentication (2)", null);
        }
        if (chosen == SEC_VNC && password == null) {
            permanent = true;
            throw new UpstreamException("the VNC server wants a password: give it with --vnc-password-file", null);
        }
        send.accept(new byte[] {(byte) chosen});
        state = chosen == SEC_VNC ? State.CHALLENGE : minor == 8 ? State.RESULT : State.SERVER_INIT;
        if (state == State.SERVER_INIT) {
            send.accept(new byte[] {1}); // ClientInit: shared
        }
    }

    private void security33(RfbIn in, Consumer<byte[]> send) {
        long type = in.u32();
        if (type == SEC_INVALID) {
            throw new UpstreamException("the VNC server refused the connection: " + reason(in), null);
        }
        if (type == SEC_VNC) {
            if (password == null) {
                permanent = true;
                throw new UpstreamException("the VNC server wants a password: give it with --vnc-password-file", null);
            }
            state = State.CHALLENGE;
        } else if (type == SEC_NONE) {
            send.accept(new byte[] {1});
            state = State.SERVER_INIT;
        } else {
            permanent = true;
            throw new UpstreamException("the VNC server (RFB 3.3) wants security type " + type
                    + "; this client speaks only None (1) and VNC authentication (2)", null);
        }
    }

    private void result(RfbIn in, Consumer<byte[]> send) {
        long status = in.u32();
        if (status != 0) {
            String why = minor == 8 ? reason(in) : "no reason given";
            permanent = true;
            throw new UpstreamException("VNC authentication failed: " + why, null);
        }
        send.accept(new byte[] {1}); // ClientInit: shared
        state = State.SERVER_INIT;
    }

    private ServerInit serverInit(RfbIn in) {
        int w = in.u16();
        int h = in.u16();
        in.skip(16); // the server's pixel format: we set ours right after
        String name = text(in);
        ServerMessageDecoder.checkSize(w, h, "ServerInit");
        state = State.DONE;
        return new ServerInit(w, h, name, "3." + minor);
    }

    private static String reason(RfbIn in) {
        return printable(text(in));
    }

    private static String text(RfbIn in) {
        long len = in.u32();
        if (len > MAX_TEXT) {
            throw Malformed.of("a text of " + len + " bytes in the hand-shake");
        }
        return new String(in.bytes((int) len), StandardCharsets.UTF_8);
    }

    /** One line, no control characters, at most 200 characters: it goes into log lines and errors. */
    static String printable(String s) {
        String t = s.replaceAll("\\p{Cntrl}", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
