package org.svp.codec.textz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The encoder's copy of one client's glyph slots: which glyph (by content key) each slot holds, the
 * least recently used given up first. Because the encoder runs in wire order on everything that reaches
 * the client (TextzEncoder), this is exactly what the client holds. Confined to the encoder's thread.
 */
final class GlyphTable {
    private final LinkedHashMap<Long, Integer> slots = new LinkedHashMap<>(TextzCodec.SLOTS * 2, 0.75f, true);
    private int nextFree;

    /**
     * @param key a glyph's content key
     * @return its slot (and marks it used), or −1 when no slot holds it
     */
    int find(long key) {
        Integer s = slots.get(key);
        return s == null ? -1 : s;
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
            Map.Entry<Long, Integer> eldest = slots.entrySet().iterator().next();
            slot = eldest.getValue();
            slots.remove(eldest.getKey());
        }
        slots.put(key, slot);
        return slot;
    }
}
