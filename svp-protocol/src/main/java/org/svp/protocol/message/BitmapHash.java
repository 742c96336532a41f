package org.svp.protocol.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 16-byte key of a cached bitmap (CACHED_BITMAP, MEM_BLT, DELETED_BITMAP). A value type with
 * content equality, so it can key hash maps.
 */
public final class BitmapHash {
    /** Length on the wire. */
    public static final int BYTES = 16;
    private final byte[] bytes;

    private BitmapHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param bytes exactly 16 bytes (copied)
     * @return the hash
     */
    public static BitmapHash of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a bitmap hash has 16 bytes, got " + bytes.length);
        }
        return new BitmapHash(bytes.clone());
    }

    /** @return a copy of the 16 bytes */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /**
     * @param index 0..15
     * @return that byte
     */
    public byte byteAt(int index) {
        return bytes[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitmapHash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
