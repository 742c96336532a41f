package org.svp.vrde.sim.guest;

import java.util.Arrays;

/**
 * A growable little-endian byte buffer for the packed VRDE structures (spec §4: {@code #pragma pack(1)},
 * little-endian). Used on the guest's thread only.
 */
final class LeBuffer {
    private byte[] b = new byte[256];
    private int n;

    private void room(int k) {
        if (n + k > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, n + k));
        }
    }

    LeBuffer u8(int v) {
        room(1);
        b[n++] = (byte) v;
        return this;
    }

    LeBuffer u16(int v) {
        room(2);
        b[n++] = (byte) v;
        b[n++] = (byte) (v >> 8);
        return this;
    }

    LeBuffer u32(int v) {
        room(4);
        for (int i = 0; i < 4; i++) {
            b[n++] = (byte) (v >> (8 * i));
        }
        return this;
    }

    LeBuffer u64(long v) {
        room(8);
        for (int i = 0; i < 8; i++) {
            b[n++] = (byte) (v >> (8 * i));
        }
        return this;
    }

    LeBuffer bytes(byte[] v) {
        room(v.length);
        System.arraycopy(v, 0, b, n, v.length);
        n += v.length;
        return this;
    }

    LeBuffer zeros(int k) {
        room(k);
        n += k;
        return this;
    }

    /** Overwrites a u32 written earlier (a length known only at the end). */
    void putU32(int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >> (8 * i));
        }
    }

    int size() {
        return n;
    }

    byte[] toArray() {
        return Arrays.copyOf(b, n);
    }
}
