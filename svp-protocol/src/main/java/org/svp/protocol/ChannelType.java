package org.svp.protocol;

import java.util.Optional;

/** Channel types of protocol.md §2: the value in CHANNEL_LIST slots and CHANNEL_INIT. */
public enum ChannelType {
    MAIN(0),
    DISPLAY(1),
    CURSOR(2),
    INPUT(3),
    USB(4);

    private final int id;

    ChannelType(int id) {
        this.id = id;
    }

    /** @return the wire value */
    public int wireId() {
        return id;
    }

    /**
     * @param id a wire value
     * @return the type, or empty if v1 does not define it
     */
    public static Optional<ChannelType> fromWireId(int id) {
        for (ChannelType t : values()) {
            if (t.id == id) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
