package org.svp.codec.textz;

import java.util.Arrays;

/**
 * The encoder's copy of one client's glyph slots: which glyph (by content key) each slot holds, the
 * least recently used given up first. Because the encoder runs in wire order on everything that reaches
 * the client (TextzEncoder), this is exactly what the client holds. Confined to the encoder's thread.
 *
 * <p>Primitive all through (it runs once per glyph on the server's I/O thread): an open-addressing table
 * of {@code long} key → slot (linear probing, deletion by backward shift) and the slots in a doubly
 * linked list from least to most recently used. A {@code LinkedHashMap<Long, Integer>} in access order
 * did the same with a boxed key, a node and a relink per glyph.
 */
final class GlyphTable {
    /** Cells of the key table: a power of two, four per slot, so probe runs stay short. */
    private static final int CELLS = Integer.highestOneBit(TextzCodec.SLOTS - 1) * 8;
    private static final int MASK = CELLS - 1;
    private static final int NONE = -1;

    private final long[] cellKey = new long[CELLS];
    /** The slot a cell's key is in, or {@link #NONE} for an empty cell. */
    private final int[] cellSlot = new int[CELLS];
    private final long[] slotKey = new long[TextzCodec.SLOTS];
    /** The use order: {@link #oldest} … {@link #newest}, linked through these. */
    private final int[] older = new int[TextzCodec.SLOTS];
    private final int[] newer = new int[TextzCodec.SLOTS];
    private int oldest = NONE;
    private int newest = NONE;
    private int nextFree;

    GlyphTable() {
        Arrays.fill(cellSlot, NONE);
    }

    /**
     * @param key a glyph's content key
     * @return its slot (and marks it used), or −1 when no slot holds it
     */
    int find(long key) {
        for (int i = home(key); cellSlot[i] != NONE; i = (i + 1) & MASK) {
            if (cellKey[i] == key) {
                int slot = cellSlot[i];
                if (slot != newest) {
                    unlink(slot);
                    append(slot);
                }
                return slot;
            }
        }
        return NONE;
    }

    /**
     * Gives the glyph a slot: a free one, else the least recently used one's.
     *
     * @param key a glyph's content key, not held
     * @return the slot the client must store it in
     */
    int store(long key) {
        int slot;
        if (nextFree < TextzCodec.SLOTS) {
            slot = nextFree++;
        } else {
            slot = oldest;
            unlink(slot);
            remove(slotKey[slot]);
        }
        int i = home(key);
        while (cellSlot[i] != NONE) {
            i = (i + 1) & MASK;
        }
        cellKey[i] = key;
        cellSlot[i] = slot;
        slotKey[slot] = key;
        append(slot);
        return slot;
    }

    private static int home(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & MASK;
    }

    /** Takes a held key out of the cells, shifting the rest of its probe run back so lookups still find them. */
    private void remove(long key) {
        int i = home(key);
        while (cellKey[i] != key || cellSlot[i] == NONE) {
            i = (i + 1) & MASK;
        }
        for (int j = (i + 1) & MASK; cellSlot[j] != NONE; j = (j + 1) & MASK) {
            int h = home(cellKey[j]);
            // j's key may move to the hole at i only if its home is not cyclically in (i, j]
            boolean stays = i < j ? h > i && h <= j : h > i || h <= j;
            if (!stays) {
                cellKey[i] = cellKey[j];
                cellSlot[i] = cellSlot[j];
                i = j;
            }
        }
        cellSlot[i] = NONE;
    }

    private void unlink(int slot) {
        int o = older[slot];
        int n = newer[slot];
        if (o == NONE) {
            oldest = n;
        } else {
            newer[o] = n;
        }
        if (n == NONE) {
            newest = o;
        } else {
            older[n] = o;
        }
    }

    private void append(int slot) {
        older[slot] = newest;
        newer[slot] = NONE;
        if (newest == NONE) {
            oldest = slot;
        } else {
            newer[newest] = slot;
        }
        newest = slot;
    }
}
