package org.svp.protocol;

/**
 * Feature bits of CHANNEL_INIT / CHANNEL_READY (protocol.md §2, §9). They count only when the
 * negotiated version is at least 2: a v1 server echoes whatever it is sent.
 */
public final class Feature {
    public static final int GDI = 0x1;
    public static final int LZ4 = 0x2;
    public static final int YUV = 0x100;
    public static final int JPEG = 0x200;
    /** What a v1 client sends in CHANNEL_INIT. */
    public static final int V1_CLIENT_ALL = 0xFFFFFFFF;

    private Feature() {
    }
}
