package org.svp.source.vnc.rfb;

import java.nio.ByteBuffer;

/**
 * Client-to-server RFB messages (RFC 6143 §7.5, QEMU's client message 255/0 and SetDesktopSize 251),
 * as the bytes to write. Stateless.
 */
public final class ClientMessages {
    private ClientMessages() {
    }

    /** @return SetPixelFormat with {@link PixelFormat32} */
    public static byte[] setPixelFormat() {
        return ByteBuffer.allocate(20).put((byte) 0).put(new byte[3]).put(PixelFormat32.wire()).array();
    }

    /** @return SetEncodings with {@code encodings}, most preferred first */
    public static byte[] setEncodings(int[] encodings) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * encodings.length).put((byte) 2).put((byte) 0)
                .putShort((short) encodings.length);
        for (int e : encodings) {
            b.putInt(e);
        }
        return b.array();
    }

    /** @return FramebufferUpdateRequest for the whole w × h framebuffer */
    public static byte[] updateRequest(boolean incremental, int w, int h) {
        return ByteBuffer.allocate(10).put((byte) 3).put((byte) (incremental ? 1 : 0)).putShort((short) 0)
                .putShort((short) 0).putShort((short) w).putShort((short) h).array();
    }

    /** @return KeyEvent */
    public static byte[] keyEvent(boolean down, int keysym) {
        return ByteBuffer.allocate(8).put((byte) 4).put((byte) (down ? 1 : 0)).putShort((short) 0).putInt(keysym)
                .array();
    }

    /** @return QEMU Extended Key Event: keysym plus the XT key code (extended keys 0x80 | code) */
    public static byte[] qemuKeyEvent(boolean down, int keysym, int xtKeycode) {
        return ByteBuffer.allocate(12).put((byte) 255).put((byte) 0).putShort((short) (down ? 1 : 0)).putInt(keysym)
                .putInt(xtKeycode).array();
    }

    /** @return PointerEvent; x and y are clamped to 0..65535 by the caller */
    public static byte[] pointerEvent(int buttonMask, int x, int y) {
        return ByteBuffer.allocate(6).put((byte) 5).put((byte) buttonMask).putShort((short) x).putShort((short) y)
                .array();
    }

    /** @return SetDesktopSize with one screen of w × h at (0, 0) */
    public static byte[] setDesktopSize(int w, int h, int screenId) {
        return ByteBuffer.allocate(24).put((byte) 251).put((byte) 0).putShort((short) w).putShort((short) h)
                .put((byte) 1).put((byte) 0).putInt(screenId).putShort((short) 0).putShort((short) 0)
                .putShort((short) w).putShort((short) h).putInt(0).array();
    }
}
