package org.svp.source.vrde.ring;

import java.lang.foreign.MemorySegment;

/**
 * One ring record. The payload is a view of the shared memory: valid only until the record is
 * {@link RingReader#release released}; copy what you keep. "svp-vrde" thread.
 *
 * @param type a {@link RingLayout} record type
 * @param timeNs CLOCK_MONOTONIC when the module received the VirtualBox call (same clock as
 *     {@link System#nanoTime()})
 * @param payload the bytes after the 16-byte record header (including the record's padding)
 * @param length the whole record's length, header included
 */
public record Record(int type, long timeNs, MemorySegment payload, int length) {
}
