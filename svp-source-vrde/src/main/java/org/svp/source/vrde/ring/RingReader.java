package org.svp.source.vrde.ring;

import static org.svp.source.vrde.ring.RingLayout.*;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The consumer side of the ring: reads records between read_pos and write_pos (acquire load of
 * write_pos, release store of read_pos) and implements the consumer half of the wake-up rule.
 * Single consumer: the "svp-vrde" thread.
 */
public final class RingReader {
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_VH = LONG.varHandle();
    private static final VarHandle INT_VH = INT.varHandle();

    private final MemorySegment ring;
    private final long capacity;
    private long readPos;

    /**
     * Checks the header.
     *
     * @param ring the whole mapped ring file
     * @throws RingFormatException if magic, version, header size or capacity are wrong
     */
    public RingReader(MemorySegment ring) {
        this.ring = ring;
        if (ring.byteSize() < HEADER_SIZE) {
            throw new RingFormatException("the ring file has " + ring.byteSize() + " bytes, less than its header");
        }
        long magic = ring.get(LONG, OFF_MAGIC);
        if (magic != MAGIC) {
            throw new RingFormatException(String.format("bad ring magic 0x%016x (want \"SVPRING1\")", magic));
        }
        int version = ring.get(INT, OFF_VERSION);
        int headerSize = ring.get(INT, OFF_HEADER_SIZE);
        capacity = ring.get(LONG, OFF_CAPACITY);
        if (version != VERSION || headerSize != HEADER_SIZE) {
            throw new RingFormatException("ring version " + version + " / header " + headerSize + " (want 1 / 4096)");
        }
        if (capacity < 64 || Long.bitCount(capacity) != 1 || HEADER_SIZE + capacity > ring.byteSize()) {
            throw new RingFormatException("ring capacity " + capacity + " is not a power of two that fits the "
                    + ring.byteSize() + "-byte file");
        }
        readPos = readPosInHeader();
    }

    /** @return the data area's size */
    public long capacity() {
        return capacity;
    }

    /** @return read_pos as stored in the header (the module resets it at HELLO) */
    public long readPosInHeader() {
        return (long) LONG_VH.getAcquire(ring, OFF_READ_POS);
    }

    /** Starts reading where the header's read_pos is (after HELLO_ACK: the module set it to write_pos). */
    public void resync() {
        readPos = readPosInHeader();
    }

    /** Skips everything written so far (after a corrupt record). */
    public void skipAll() {
        readPos = writePos();
        LONG_VH.setRelease(ring, OFF_READ_POS, readPos);
    }

    /** @return write_pos (acquire) */
    public long writePos() {
        return (long) LONG_VH.getAcquire(ring, OFF_WRITE_POS);
    }

    /** @return the generation the module stamped */
    public int generation() {
        return (int) INT_VH.getAcquire(ring, OFF_GENERATION);
    }

    /** @return true while the module holds dirty area it could not write yet */
    public boolean dirtyPending() {
        return (int) INT_VH.getAcquire(ring, OFF_DIRTY_PENDING) != 0;
    }

    /**
     * @return the next record (PAD records are skipped and released here), or null if none is waiting
     * @throws RingFormatException if a record header is impossible (the caller skips everything)
     */
    public Record next() {
        while (true) {
            long wp = writePos();
            if (readPos == wp) {
                return null;
            }
            long off = readPos & (capacity - 1);
            long base = HEADER_SIZE + off;
            int type = ring.get(INT, base);
            int length = ring.get(INT, base + 4);
            if (length < RECORD_HEADER || (length & 7) != 0 || off + length > capacity
                    || wp - readPos < length || wp - readPos > capacity) {
                throw new RingFormatException("bad record at " + readPos + " (write_pos " + wp + "): type " + type
                        + ", length " + length);
            }
            if (type == PAD) {
                readPos += length;
                LONG_VH.setRelease(ring, OFF_READ_POS, readPos);
                continue;
            }
            long time = ring.get(LONG, base + 8);
            return new Record(type, time, ring.asSlice(base + RECORD_HEADER, length - RECORD_HEADER), length);
        }
    }

    /**
     * Gives a record's bytes back to the module (release store of read_pos).
     *
     * @param r the record {@link #next} returned last
     */
    public void release(Record r) {
        readPos += r.length();
        LONG_VH.setRelease(ring, OFF_READ_POS, readPos);
    }

    /**
     * The consumer half of the wake-up rule: store consumer_waiting = 1, then re-read write_pos.
     *
     * @return true if nothing arrived meanwhile (the caller may now block on the FIFO)
     */
    public boolean announceWaiting() {
        INT_VH.setVolatile(ring, OFF_CONSUMER_WAITING, 1);
        VarHandle.fullFence(); // StoreLoad against the producer's write_pos store → consumer_waiting load
        if ((long) LONG_VH.getVolatile(ring, OFF_WRITE_POS) != readPos) {
            INT_VH.setVolatile(ring, OFF_CONSUMER_WAITING, 0);
            return false;
        }
        return true;
    }

    /** Clears consumer_waiting after waking. */
    public void awake() {
        INT_VH.setVolatile(ring, OFF_CONSUMER_WAITING, 0);
    }
}
