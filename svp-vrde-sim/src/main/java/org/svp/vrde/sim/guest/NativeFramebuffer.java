package org.svp.vrde.sim.guest;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.svp.protocol.Rect;
import org.svp.render.Surface;
import org.svp.vrde.sim.host.Framebuffer;

/**
 * The simulated VM's VRAM: native memory at 32/24/16/8 bpp, top-down rows, {@code cbLine} rounded up
 * to 4 bytes as a guest's VRAM pitch would be. Memory of earlier sizes stays allocated until
 * {@link #close()} so a module that still holds an old pointer reads stale pixels, not freed memory.
 *
 * <p>Threads: the guest thread writes pixels and resizes; the module's threads read between
 * {@link #lock()} and {@link #unlock()} (FramebufferLock/Unlock upcalls); the guest writes under the
 * same lock.
 */
public final class NativeFramebuffer implements Framebuffer, AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<MemorySegment> retired = new ArrayList<>();
    private volatile MemorySegment bits;
    private volatile int width;
    private volatile int height;
    private volatile int bpp;
    private volatile int lineBytes;

    /**
     * @param width columns
     * @param height rows
     * @param bpp 32, 24, 16 or 8
     */
    public NativeFramebuffer(int width, int height, int bpp) {
        resize(width, height, bpp);
    }

    /**
     * New black memory of a new size (the old memory stays allocated).
     *
     * @param w columns
     * @param h rows
     * @param depth 32, 24, 16 or 8
     */
    public void resize(int w, int h, int depth) {
        int bytes = GuestPixels.bytesPerPixel(depth);
        int pitch = (w * bytes + 3) & ~3;
        MemorySegment m = arena.allocate(Math.max(1L, (long) pitch * h), 64);
        lockQuietly();
        try {
            if (bits != null) {
                retired.add(bits);
            }
            bits = m;
            width = w;
            height = h;
            bpp = depth;
            lineBytes = pitch;
        } finally {
            lock.unlock();
        }
    }

    private void lockQuietly() {
        try {
            // A module that locked and never unlocked must not hang the guest forever.
            if (!lock.tryLock(2, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the framebuffer stayed locked by the module for 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Stores a rectangle of the guest's drawing surface into VRAM at this framebuffer's depth.
     *
     * @param s the drawing (same size as the framebuffer)
     * @param r the area, clipped to the screen
     */
    public void store(Surface s, Rect r) {
        Rect a = r.intersect(new Rect(0, 0, width, height));
        if (a.isEmpty()) {
            return;
        }
        lockQuietly();
        try {
            int[] px = s.pixels();
            int sw = s.width();
            int bytes = GuestPixels.bytesPerPixel(bpp);
            MemorySegment m = bits;
            for (int y = a.y(); y < a.y() + a.height(); y++) {
                long row = (long) y * lineBytes;
                for (int x = a.x(); x < a.x() + a.width(); x++) {
                    int v = GuestPixels.encode(px[y * sw + x], bpp);
                    long o = row + (long) x * bytes;
                    switch (bytes) {
                        case 4 -> m.set(ValueLayout.JAVA_INT_UNALIGNED, o, v);
                        case 3 -> {
                            m.set(ValueLayout.JAVA_BYTE, o, (byte) v);
                            m.set(ValueLayout.JAVA_BYTE, o + 1, (byte) (v >> 8));
                            m.set(ValueLayout.JAVA_BYTE, o + 2, (byte) (v >> 16));
                        }
                        case 2 -> m.set(ValueLayout.JAVA_SHORT_UNALIGNED, o, (short) v);
                        default -> m.set(ValueLayout.JAVA_BYTE, o, (byte) v);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fills a rectangle with one colour (the flood's fast path: one row copied per line).
     *
     * @param r the area, clipped to the screen
     * @param rgb {@code 0x00RRGGBB}
     */
    public void fill(Rect r, int rgb) {
        Rect a = r.intersect(new Rect(0, 0, width, height));
        if (a.isEmpty()) {
            return;
        }
        lockQuietly();
        try {
            int bytes = GuestPixels.bytesPerPixel(bpp);
            int v = GuestPixels.encode(rgb, bpp);
            byte[] row = new byte[a.width() * bytes];
            for (int i = 0; i < row.length; i++) {
                row[i] = (byte) (v >> (8 * (i % bytes)));
            }
            for (int y = a.y(); y < a.y() + a.height(); y++) {
                MemorySegment.copy(row, 0, bits, ValueLayout.JAVA_BYTE, (long) y * lineBytes + (long) a.x() * bytes, row.length);
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return the whole screen widened to {@code 0x00RRGGBB} (what a viewer should show) */
    public Surface toSurface() {
        lockQuietly();
        try {
            Surface s = new Surface(width, height);
            int bytes = GuestPixels.bytesPerPixel(bpp);
            int[] px = s.pixels();
            for (int y = 0; y < height; y++) {
                long row = (long) y * lineBytes;
                for (int x = 0; x < width; x++) {
                    long o = row + (long) x * bytes;
                    int v = switch (bytes) {
                        case 4 -> bits.get(ValueLayout.JAVA_INT_UNALIGNED, o);
                        case 3 -> (bits.get(ValueLayout.JAVA_BYTE, o) & 0xFF)
                                | (bits.get(ValueLayout.JAVA_BYTE, o + 1) & 0xFF) << 8
                                | (bits.get(ValueLayout.JAVA_BYTE, o + 2) & 0xFF) << 16;
                        case 2 -> bits.get(ValueLayout.JAVA_SHORT_UNALIGNED, o) & 0xFFFF;
                        default -> bits.get(ValueLayout.JAVA_BYTE, o) & 0xFF;
                    };
                    px[y * width + x] = GuestPixels.decode(v, bpp);
                }
            }
            return s;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public MemorySegment bits() {
        return bits;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int bitsPerPixel() {
        return bpp;
    }

    @Override
    public int lineBytes() {
        return lineBytes;
    }

    @Override
    public void lock() {
        lock.lock();
    }

    @Override
    public void unlock() {
        if (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    /** Frees all memory; call after the module instance is destroyed. */
    @Override
    public void close() {
        arena.close();
    }
}
