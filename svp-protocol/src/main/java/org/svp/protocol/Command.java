package org.svp.protocol;

import java.util.Optional;

/**
 * Every message id ({@code cmd} in the 8-byte header) of SVP v1, protocol.md §2.
 *
 * <p>The enum keeps the wire names; {@link #wireId()} and {@link #fromWireId(int)} map both ways.
 * Ids 26 (REFRESH_SCREEN) and 60–82 (USB_*) are reserved in v1 and have no message type.
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
    CHANNEL_READY(43);

    /** First and last id of the USB range reserved by v1 (not part of the spec). */
    public static final int USB_FIRST = 60;
    public static final int USB_LAST = 82;

    private static final Command[] BY_ID = new Command[64];

    static {
        for (Command c : values()) {
            BY_ID[c.id] = c;
        }
    }

    private final int id;

    Command(int id) {
        this.id = id;
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
        return id >= 0 && id < BY_ID.length ? Optional.ofNullable(BY_ID[id]) : Optional.empty();
    }

    /** @return true for ids in the USB range that v1 reserves (a usb channel may carry them) */
    public static boolean isUsb(int id) {
        return id >= USB_FIRST && id <= USB_LAST;
    }
}
