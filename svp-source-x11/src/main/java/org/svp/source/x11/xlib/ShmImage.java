package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.svp.protocol.error.UpstreamException;

/**
 * A shared memory segment attached to the X server, big enough for the whole screen, and reads of
 * any rectangle of the root window into it with XShmGetImage (one round trip, no pixel copy through
 * the socket). Pixels arrive as 32-bit little-endian {@code 0x??RRGGBB}, rows tightly packed at the
 * rectangle's width. Thread: the connection's owner; {@link #close} before the display closes.
 *
 * <p>The {@code XShmSegmentInfo} layout on LP64: {@code ShmSeg shmseg} (8), {@code int shmid} (4, at
 * 8), {@code char* shmaddr} (8, at 16), {@code Bool readOnly} (4, at 24).
 */
public final class ShmImage implements AutoCloseable {
    /** XImage field offsets on LP64 (X11/Xlib.h). */
    private static final long XIMAGE_BYTE_ORDER = 24;
    private static final long XIMAGE_BITS_PER_PIXEL = 48;
    private static final long XIMAGE_RED_MASK = 56;

    private final XShm shm;
    private final Xlib xlib;
    private final MemorySegment dpy;
    private final MemorySegment visual;
    private final int depth;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment info;
    private final MemorySegment pixels;
    private final int shmid;

    /**
     * Creates and attaches a segment of {@code width × height × 4} bytes and checks the pixel layout.
     *
     * @throws UpstreamException if the screen is not 24/32-bit TrueColor little-endian or the server
     *     cannot attach the segment (e.g. a remote display)
     */
    public ShmImage(XShm shm, Xlib xlib, MemorySegment dpy, int screen, int width, int height) {
        this.shm = shm;
        this.xlib = xlib;
        this.dpy = dpy;
        this.visual = xlib.defaultVisual(dpy, screen);
        this.depth = xlib.defaultDepth(dpy, screen);
        long size = (long) width * height * 4;
        shmid = LibC.shmget(size);
        if (shmid < 0) {
            throw new UpstreamException("shmget of " + size + " bytes failed (kernel.shmmax?)", null);
        }
        MemorySegment addr = LibC.shmat(shmid);
        if (addr.address() == -1L) {
            LibC.shmRemove(shmid);
            throw new UpstreamException("shmat failed", null);
        }
        pixels = addr.reinterpret(size);
        info = arena.allocate(32);
        info.set(INT, 8, shmid);
        info.set(ValueLayout.ADDRESS, 16, pixels);
        info.set(INT, 24, 0);
        try {
            if ((int) shm.attach.invokeExact(dpy, info) == 0) {
                throw new UpstreamException("XShmAttach failed", null);
            }
        } catch (Throwable t) {
            LibC.shmdt(pixels);
            LibC.shmRemove(shmid);
            throw NativeLibrary.rethrow(t);
        }
        long errors = XErrors.count();
        xlib.sync(dpy);
        LibC.shmRemove(shmid); // freed when both sides detach
        if (XErrors.count() != errors) {
            LibC.shmdt(pixels);
            throw new UpstreamException("the X server cannot attach our MIT-SHM segment (a remote display?)", null);
        }
        checkFormat();
    }

    private void checkFormat() {
        MemorySegment img = createImage(1, 1);
        try {
            MemorySegment s = img.reinterpret(96);
            int order = s.get(INT, XIMAGE_BYTE_ORDER);
            int bpp = s.get(INT, XIMAGE_BITS_PER_PIXEL);
            long red = s.get(LONG, XIMAGE_RED_MASK);
            if (depth != 24 && depth != 32 || bpp != 32 || order != 0 || red != 0xFF0000L) {
                throw new UpstreamException("the X screen has depth " + depth + ", " + bpp + " bits per pixel, "
                        + (order == 0 ? "LSB" : "MSB") + " first, red mask 0x" + Long.toHexString(red)
                        + "; only 24-bit TrueColor at 32 bits per pixel (little-endian, red 0xff0000) is supported",
                        null);
            }
        } finally {
            xlib.free(img);
        }
    }

    private MemorySegment createImage(int w, int h) {
        try {
            MemorySegment img = (MemorySegment) shm.createImage.invokeExact(dpy, visual, depth, XShm.Z_PIXMAP,
                    pixels, info, w, h);
            if (img.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("XShmCreateImage failed");
            }
            return img;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * Reads a rectangle of {@code drawable} into the segment (blocks for one round trip).
     *
     * @return the pixels, {@code w × h} ints, rows of {@code w}; valid until the next read
     * @throws IllegalStateException if the server refused (e.g. the rectangle left the screen)
     */
    public MemorySegment read(long drawable, int x, int y, int w, int h) {
        MemorySegment img = createImage(w, h);
        try {
            long errors = XErrors.count();
            int ok = (int) shm.getImage.invokeExact(dpy, drawable, img, x, y, -1L);
            if (ok == 0 || XErrors.count() != errors) {
                throw new IllegalStateException("XShmGetImage " + w + "x" + h + "+" + x + "+" + y + " failed");
            }
            return pixels.asSlice(0, (long) w * h * 4);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        } finally {
            xlib.free(img);
        }
    }

    /** Detaches the segment from this process only (the X server is gone). */
    public void closeLocally() {
        LibC.shmdt(pixels);
        arena.close();
    }

    /** Detaches the segment from the server and from this process. */
    @Override
    public void close() {
        try {
            int ignored = (int) shm.detach.invokeExact(dpy, info);
            xlib.sync(dpy);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        } finally {
            LibC.shmdt(pixels);
            arena.close();
        }
    }
}
