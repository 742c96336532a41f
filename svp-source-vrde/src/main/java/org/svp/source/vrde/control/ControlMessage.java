package org.svp.source.vrde.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Control-socket message types and builders (docs/vrde.md "The control socket"): u32 type, u32 payload
 * length, payload, little-endian. Stateless; any thread.
 */
public final class ControlMessage {
    public static final int HELLO = 1;
    public static final int PORT = 2;
    public static final int INPUT = 3;
    public static final int LOGON = 4;
    public static final int CLIENT_CONNECT = 5;
    public static final int CLIENT_DISCONNECT = 6;
    public static final int VIDEO_MODE_HINT = 7;
    public static final int REFRESH = 8;
    public static final int ROOM = 9;
    public static final int HELLO_ACK = 101;
    public static final int LOGON_RESULT = 102;
    public static final int DISCONNECT_CLIENT = 103;
    public static final int SHUTDOWN = 104;

    /** VRDE input types (VRDECallbackInput). */
    public static final int INPUT_SCANCODE = 0;
    public static final int INPUT_POINT = 1;
    public static final int INPUT_CAD = 2;
    public static final int INPUT_SYNCH = 4;

    /** Largest payload accepted from the module (its messages are tiny). */
    public static final int MAX_PAYLOAD = 1 << 16;

    private ControlMessage() {
    }

    /**
     * @param type message type
     * @param ints the payload as u32/i32 values
     * @return the framed message, ready to write
     */
    public static ByteBuffer of(int type, int... ints) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * ints.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(4 * ints.length);
        for (int v : ints) {
            b.putInt(v);
        }
        return b.flip();
    }

    /**
     * @return a LOGON message (user, password, domain as NUL-terminated UTF-8)
     */
    public static ByteBuffer logon(int requestId, int clientId, String user, String password, String domain) {
        byte[] u = (user + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] p = (password + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] d = (domain + "\0").getBytes(StandardCharsets.UTF_8);
        int len = 8 + u.length + p.length + d.length;
        ByteBuffer b = ByteBuffer.allocate(8 + len).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(LOGON).putInt(len).putInt(requestId).putInt(clientId).put(u).put(p).put(d);
        return b.flip();
    }
}
