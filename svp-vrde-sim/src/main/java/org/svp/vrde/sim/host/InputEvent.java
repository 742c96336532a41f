package org.svp.vrde.sim.host;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * One {@code VRDECallbackInput} call as the simulator received it: the type and the exact payload bytes.
 *
 * @param nanoTime {@link System#nanoTime()} when the callback ran
 * @param type the VRDE input type (0 scancode, 1 point, 2 CAD, 3 reset, 4 synch)
 * @param bytes the payload, {@code cbInput} bytes (empty for CAD/reset)
 */
public record InputEvent(long nanoTime, int type, byte[] bytes) {
    private int u32(int off) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(off);
    }

    /** @return the scancode byte of a SCANCODE event */
    public int scancode() {
        return u32(0);
    }

    /** @return x of a POINT event */
    public int x() {
        return u32(0);
    }

    /** @return y of a POINT event */
    public int y() {
        return u32(4);
    }

    /** @return button bits of a POINT event */
    public int buttons() {
        return u32(8);
    }

    /** @return one line for the simulator's console: {@code input scancode 0x1e}, {@code input point 10 20 buttons 0x1} */
    public String describe() {
        return switch (type) {
            case VrdeAbi.INPUT_SCANCODE -> bytes.length == 4 ? String.format("input scancode 0x%02x", scancode())
                    : "input scancode (bad size " + bytes.length + ")";
            case VrdeAbi.INPUT_POINT -> bytes.length == 12 ? String.format("input point %d %d buttons 0x%x", x(), y(), buttons())
                    : "input point (bad size " + bytes.length + ")";
            case VrdeAbi.INPUT_CAD -> "input ctrl-alt-del";
            case VrdeAbi.INPUT_RESET -> "input reset";
            case VrdeAbi.INPUT_SYNCH -> bytes.length == 4 ? String.format("input synch locks 0x%x", u32(0))
                    : "input synch (bad size " + bytes.length + ")";
            default -> "input type " + type + " " + HexFormat.of().formatHex(bytes);
        };
    }
}
