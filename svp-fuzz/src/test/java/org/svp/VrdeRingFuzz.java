package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.message.DisplayMessage;
import org.svp.source.vrde.order.OrderTranslator;
import org.svp.source.vrde.pixels.FramebufferPixels;
import org.svp.source.vrde.pointer.PointerShapes;
import org.svp.source.vrde.ring.Record;
import org.svp.source.vrde.ring.RingFormatException;
import org.svp.source.vrde.ring.RingLayout;
import org.svp.source.vrde.ring.RingReader;

/**
 * VRDE source: the shared-memory ring (docs/vrde.md "Ring") with a valid header and a data area the
 * module filled with anything. {@link RingReader} hands out records inside the data area or throws a
 * {@link RingFormatException} (the source then skips to the end); each record is parsed as
 * {@code VrdeDisplaySource.handle} does — RESIZE, BITMAP rows, ORDERS, pointer shapes — where a bad
 * record is an {@link IllegalArgumentException}, or an {@link IndexOutOfBoundsException} from a
 * bounds-checked segment read past a short record (the source logs either and refreshes). Input: the
 * data area (up to 4 KiB); write_pos is its length rounded down to 8.
 */
class VrdeRingFuzz {
    private static final int CAPACITY = 4096;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN);

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) {
        check(data);
    }

    static void check(byte[] data) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ring = arena.allocate(RingLayout.HEADER_SIZE + CAPACITY, 64);
            ring.set(LONG, RingLayout.OFF_MAGIC, RingLayout.MAGIC);
            ring.set(INT, RingLayout.OFF_VERSION, RingLayout.VERSION);
            ring.set(INT, RingLayout.OFF_HEADER_SIZE, RingLayout.HEADER_SIZE);
            ring.set(LONG, RingLayout.OFF_CAPACITY, CAPACITY);
            int n = Math.min(data.length, CAPACITY) & ~7;
            MemorySegment.copy(data, 0, ring, ValueLayout.JAVA_BYTE, RingLayout.HEADER_SIZE, n);
            ring.set(LONG, RingLayout.OFF_WRITE_POS, n);
            RingReader reader = new RingReader(ring);
            OrderTranslator translator = new OrderTranslator(r -> { });
            translator.resized(200, 150);
            for (int i = 0; i < CAPACITY / RingLayout.RECORD_HEADER; i++) {
                Record r;
                try {
                    r = reader.next();
                } catch (RingFormatException corrupt) {
                    return;
                }
                if (r == null) {
                    return;
                }
                long at = r.payload().address() - ring.address();
                assertThat(at).isBetween((long) RingLayout.HEADER_SIZE, (long) RingLayout.HEADER_SIZE + CAPACITY);
                assertThat(at + r.payload().byteSize()).isLessThanOrEqualTo(RingLayout.HEADER_SIZE + CAPACITY);
                try {
                    handle(r, translator);
                } catch (IllegalArgumentException | IndexOutOfBoundsException bad) {
                    // the source logs "bad VRDE record" and refreshes the screen
                }
                reader.release(r);
            }
        }
    }

    /** The parsing half of VrdeDisplaySource.handle (its sink and batching left out). */
    private static void handle(Record r, OrderTranslator translator) {
        MemorySegment p = r.payload();
        switch (r.type()) {
            case RingLayout.RESIZE -> translator.resized(Math.max(0, p.get(INT, 4) & 0x7FFF), Math.max(0, p.get(INT, 8) & 0x7FFF));
            case RingLayout.BITMAP -> {
                int w = p.get(SHORT, 4) & 0xFFFF;
                int h = p.get(SHORT, 6) & 0xFFFF;
                if (w != 0 && h != 0) {
                    FramebufferPixels.toBitmap(p, 16, p.get(INT, 12) & 0xFFFFFFFFL, p.get(INT, 8), p.get(SHORT, 0),
                            p.get(SHORT, 2), w, h);
                }
            }
            case RingLayout.ORDERS -> {
                long cb = p.get(INT, 4) & 0xFFFFFFFFL;
                if (cb > p.byteSize() - 8) {
                    throw new IllegalArgumentException("ORDERS cb " + cb + " beyond the record");
                }
                List<DisplayMessage> out = new ArrayList<>();
                translator.translate(p.asSlice(8, cb).asByteBuffer(), out);
            }
            case RingLayout.POINTER_COLOR -> PointerShapes.legacy(pointerBytes(p));
            case RingLayout.POINTER_MOUSEPTR -> PointerShapes.mousePtr(pointerBytes(p));
            default -> { }
        }
    }

    private static java.nio.ByteBuffer pointerBytes(MemorySegment p) {
        long size = p.get(INT, 0) & 0xFFFFFFFFL;
        if (size > p.byteSize() - 4) {
            throw new IllegalArgumentException("pointer size " + size + " beyond the record");
        }
        return p.asSlice(4, size).asByteBuffer();
    }
}
