package org.svp.vrde.sim.host;

/**
 * The numbers of VirtualBox's VRDE interface the simulator uses (shared/spec/vrde.md §1–§7), LP64.
 * Declared here from the spec's facts, not from VirtualBox headers.
 */
public final class VrdeAbi {
    private VrdeAbi() {
    }

    /** IPRT success. */
    public static final int VINF_SUCCESS = 0;
    /** Success, but the buffer was too small: {@code *pcbOut} holds the size needed. */
    public static final int VINF_BUFFER_OVERFLOW = 41;
    /** Bad argument. */
    public static final int VERR_INVALID_PARAMETER = -2;
    /** The module does not serve this interface version. */
    public static final int VERR_VERSION_MISMATCH = -11;
    /** Not supported. */
    public static final int VERR_NOT_SUPPORTED = -37;
    /** Access denied (a refused logon). */
    public static final int VERR_ACCESS_DENIED = -38;

    /** Callback table sizes: v1/v2 112 bytes, v3/v4 120 bytes. */
    public static final int CALLBACKS_V1_SIZE = 112;
    /** v3 and v4 callback table size. */
    public static final int CALLBACKS_V3_SIZE = 120;
    /** Entry-point table sizes by version (index = version). */
    public static final int[] ENTRY_POINTS_SIZE = {0, 112, 120, 136, 144};

    /** Entry point slots (byte offsets in the entry-point table). */
    public static final int EP_DESTROY = 16;
    public static final int EP_ENABLE_CONNECTIONS = 24;
    public static final int EP_DISCONNECT = 32;
    public static final int EP_RESIZE = 40;
    public static final int EP_UPDATE = 48;
    public static final int EP_COLOR_POINTER = 56;
    public static final int EP_HIDE_POINTER = 64;
    public static final int EP_QUERY_INFO = 104;
    public static final int EP_GET_INTERFACE = 136;

    /** Property indexes. */
    public static final int QP_NETWORK_PORT = 1;
    public static final int QP_NETWORK_ADDRESS = 2;
    public static final int QP_NUMBER_MONITORS = 3;
    public static final int QP_NETWORK_PORT_RANGE = 4;
    public static final int QP_VIDEO_CHANNEL = 5;
    public static final int QP_VIDEO_CHANNEL_QUALITY = 6;
    public static final int QP_VIDEO_CHANNEL_SUNFLSH = 7;
    public static final int QP_FEATURE = 8;
    public static final int SP_NETWORK_BIND_PORT = 0x1001;
    public static final int SP_CLIENT_STATUS = 0x1002;

    /** Input types. */
    public static final int INPUT_SCANCODE = 0;
    public static final int INPUT_POINT = 1;
    public static final int INPUT_CAD = 2;
    public static final int INPUT_RESET = 3;
    public static final int INPUT_SYNCH = 4;

    /** QueryInfo indexes. */
    public static final int QI_ACTIVE = 0;
    public static final int QI_NUMBER_OF_CLIENTS = 1;
    public static final int QI_BYTES_SENT_TOTAL = 5;
    public static final int QI_CLIENT_IP = 11;

    /** VRDEFRAMEBUFFERINFO size (packed, LP64). */
    public static final int FRAMEBUFFER_INFO_SIZE = 32;
}
