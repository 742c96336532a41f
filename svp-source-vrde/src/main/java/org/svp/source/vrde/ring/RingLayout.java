package org.svp.source.vrde.ring;

/** Offsets and constants of the ring file (docs/vrde.md "The ring"); little-endian. */
public final class RingLayout {
    /** "SVPRING1" read as a little-endian u64. */
    public static final long MAGIC = 0x31474E4952505653L;
    public static final int VERSION = 1;
    public static final int HEADER_SIZE = 4096;
    public static final int RECORD_HEADER = 16;

    public static final long OFF_MAGIC = 0;
    public static final long OFF_VERSION = 8;
    public static final long OFF_HEADER_SIZE = 12;
    public static final long OFF_CAPACITY = 16;
    public static final long OFF_GENERATION = 24;
    public static final long OFF_WRITE_POS = 64;
    public static final long OFF_READ_POS = 128;
    public static final long OFF_CONSUMER_WAITING = 192;
    public static final long OFF_DIRTY_PENDING = 196;

    public static final long OFF_INFO_SEQ = 256;
    public static final long OFF_ACTIVE = 260;
    public static final long OFF_NUMBER_OF_CLIENTS = 264;
    public static final long OFF_CLIENT_VERSION = 268;
    public static final long OFF_BEGIN_TIME = 272;
    public static final long OFF_END_TIME = 280;
    public static final long OFF_BYTES_SENT = 288;
    public static final long OFF_BYTES_SENT_TOTAL = 296;
    public static final long OFF_BYTES_RECEIVED = 304;
    public static final long OFF_BYTES_RECEIVED_TOTAL = 312;
    public static final long OFF_USER = 320;
    public static final long OFF_DOMAIN = 448;
    public static final long OFF_CLIENT_NAME = 576;
    public static final long OFF_CLIENT_IP = 704;
    public static final int NAME_BYTES = 128;
    public static final int IP_BYTES = 64;

    /** Record types. */
    public static final int PAD = 0;
    public static final int RESIZE = 1;
    public static final int BITMAP = 2;
    public static final int ORDERS = 3;
    public static final int COMPLETE = 4;
    public static final int POINTER_COLOR = 5;
    public static final int POINTER_MOUSEPTR = 6;
    public static final int POINTER_HIDE = 7;

    private RingLayout() {
    }
}
