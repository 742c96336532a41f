package org.svp.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every message id ({@code cmd} in the 8-byte header) of SVP v1, protocol.md §2.
 *
 * <p>The enum keeps the wire names; {@link #wireId()} and {@link #fromWireId(int)} map both ways.
 * Ids 26 (REFRESH_SCREEN) and 60–82 (USB_*) are reserved in v1 and have no message type. Ids
 * 100–999 are v2 extensions (docs/protocol.md "protocol v2"): they exist only on a connection whose
 * negotiated version is at least {@link #minVersion()}; the decoders themselves live in
 * {@link org.svp.protocol.wire.MessageRegistry}, keyed by id.
 */
public enum Command {
    NOP(0),
    SCREEN_RESIZE(1),
    CURSOR(2),
    DIRTY_RECT(10),
    SOLID_RECT(11),
    SOLID_BLT(12),
    DST_BLT(13),
    SCREEN_BLT(14),
    PATTERN_BLT_BRUSH(15),
    MEM_BLT(16),
    CACHED_BITMAP(17),
    DELETED_BITMAP(18),
    LINE(19),
    CLIP_DRAW(20),
    POLYLINE(21),
    ELLIPSE(22),
    SAVE_SCREEN(23),
    RESTORE_SCREEN(24),
    TEXT(25),
    REFRESH_SCREEN(26),
    KEYBOARD_EVENT(30),
    MOUSE_EVENT(31),
    VIDEO_MODESET(32),
    GRAPHIC_CONFIG(33),
    MAIN_CHANNEL_INIT(40),
    CHANNEL_LIST(41),
    CHANNEL_INIT(42),
    CHANNEL_READY(43),
    CAPABILITIES(100, 2),
    AUTH_START(101, 2),
    AUTH_CHALLENGE(102, 2),
    AUTH_RESPONSE(103, 2),
    AUTH_RESULT(104, 2),
    SESSION(105, 2),
    CHANNEL_INIT_V2(106, 2),
    DISPLAY_CACHE_INIT(110, 2),
    CACHE_SAVE(111, 2),
    CACHE_DRAW(112, 2),
    FLOW_PING(120, 2),
    FLOW_PONG(121, 2);

    /** First and last id of the USB range reserved by v1 (not part of the spec). */
    public static final int USB_FIRST = 60;
    public static final int USB_LAST = 82;

    /** First and last id extensions may use (protocol v2). */
    public static final int EXTENSION_FIRST = 100;
    public static final int EXTENSION_LAST = 999;

    private static final Map<Integer, Command> BY_ID = new HashMap<>();

    static {
        for (Command c : values()) {
            BY_ID.put(c.id, c);
        }
    }

    private final int id;
    private final int minVersion;

    Command(int id) {
        this(id, ProtocolLimits.VERSION_1);
    }

    Command(int id, int minVersion) {
        this.id = id;
        this.minVersion = minVersion;
    }

    /** @return the lowest negotiated protocol version on which this message exists */
    public int minVersion() {
        return minVersion;
    }

    /** @return the id as written in the header's {@code cmd} field */
    public int wireId() {
        return id;
    }

    /**
     * Looks up a wire id.
     *
     * @param id the header's {@code cmd} field
     * @return the command, or empty for an unknown or reserved-range id
     */
    public static Optional<Command> fromWireId(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** @return true for ids in the USB range that v1 reserves (a usb channel may carry them) */
    public static boolean isUsb(int id) {
        return id >= USB_FIRST && id <= USB_LAST;
    }
}
