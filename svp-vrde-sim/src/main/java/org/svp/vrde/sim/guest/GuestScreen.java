package org.svp.vrde.sim.guest;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.ScreenResize;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.vrde.sim.host.VrdeHost;

/**
 * The simulated guest and its display: draws every order into its framebuffer (through svp-render's
 * renderer on a {@link Surface}, then stored at the framebuffer's bpp) and hands the module the matching
 * {@code VRDEUpdate} buffer, as VirtualBox's display code forwards the guest's VBVA commands.
 *
 * <p>One thread (the script runner's) calls everything here; only the framebuffer is shared with the
 * module's threads. Methods that call {@code VRDEUpdate} return the nanoseconds spent inside it.
 */
public final class GuestScreen implements AutoCloseable {
    private final VrdeHost host;
    private final NativeFramebuffer fb;
    private final Surface surface;
    private final OrderRenderer renderer;
    private final Arena arena = Arena.ofShared();
    private final Map<Integer, int[]> saved = new HashMap<>();
    private MemorySegment buffer;
    private int updates;
    private final java.util.BitSet codesSent = new java.util.BitSet();
    private int orderUpdates;

    /**
     * @param host the loaded module, or null to draw without one (tests of the encoders)
     * @param w columns
     * @param h rows
     * @param bpp 32, 24, 16 or 8
     */
    public GuestScreen(VrdeHost host, int w, int h, int bpp) {
        this.host = host;
        this.fb = new NativeFramebuffer(w, h, bpp);
        this.surface = new Surface(w, h);
        this.renderer = new OrderRenderer(surface);
        this.buffer = arena.allocate(64 * 1024, 8);
    }

    /** @return the framebuffer (give it to the host before VRDECreateServer) */
    public NativeFramebuffer framebuffer() {
        return fb;
    }

    /** @return what the guest drew, full precision (before storing at the framebuffer's bpp) */
    public Surface drawing() {
        return surface;
    }

    /** @return the framebuffer widened to {@code 0x00RRGGBB}: what a correct viewer shows */
    public Surface expected() {
        return fb.toSurface();
    }

    /** @return the VRDE order codes sent so far (BOUNDS and REPEAT included) */
    public java.util.BitSet orderCodesSent() {
        return (java.util.BitSet) codesSent.clone();
    }

    /** @return VRDEUpdate calls that carried order records */
    public int orderUpdateCount() {
        return orderUpdates;
    }

    /** @return VRDEUpdate calls made (the NULL one included) */
    public int updateCount() {
        return updates;
    }

    /**
     * The guest switches video mode: new black framebuffer, then VRDEResize.
     *
     * @param w columns
     * @param h rows
     * @param bpp 32, 24, 16 or 8
     */
    public void resize(int w, int h, int bpp) {
        fb.resize(w, h, bpp);
        renderer.apply(new ScreenResize(w, h));
        saved.clear();
        if (host != null) {
            host.resize();
        }
    }

    /**
     * Draws one order, optionally clipped (BOUNDS for the first rect, REPEAT for the others), and sends
     * it as one VRDEUpdate: header (the changed area) + [BOUNDS] + order + [REPEAT...].
     *
     * @param o the order
     * @param clips clip rects (empty: unclipped); keep them disjoint for non-idempotent ROPs
     * @return nanoseconds inside VRDEUpdate
     */
    public long draw(GuestOrder o, List<Rect> clips) {
        Rect damage = new Rect(0, 0, 0, 0);
        if (clips.isEmpty()) {
            damage = union(damage, renderer.apply(o.message()));
        } else {
            for (Rect c : clips) {
                renderer.apply(new ClipDraw(1, List.of(c)));
                damage = union(damage, renderer.apply(o.message()));
            }
        }
        fb.store(surface, damage);
        LeBufferSegment seg = new LeBufferSegment();
        seg.header(damage);
        if (!clips.isEmpty()) {
            seg.add(GuestOrders.clip(GuestOrders.BOUNDS, clips.get(0)));
        }
        seg.add(o.record());
        for (int i = 1; i < clips.size(); i++) {
            seg.add(GuestOrders.clip(GuestOrders.REPEAT, clips.get(i)));
        }
        codesSent.set(o.code());
        if (!clips.isEmpty()) {
            codesSent.set(GuestOrders.BOUNDS);
        }
        if (clips.size() > 1) {
            codesSent.set(GuestOrders.REPEAT);
        }
        orderUpdates++;
        return send(seg.toArray());
    }

    /**
     * SAVESCREEN (restore = 0): remembers the pixels for a later {@link #restoreScreen}.
     *
     * @return nanoseconds inside VRDEUpdate
     */
    public long saveScreen(Point p1, Point p2, int ident) {
        saved.put(ident, surface.copyRegion(p1.x(), p1.y(), p2.x() - p1.x(), p2.y() - p1.y()));
        return draw(GuestOrders.saveScreen(p1, p2, ident), List.of());
    }

    /**
     * SAVESCREEN (restore = 1) of an area saved before with the same corners.
     *
     * @return nanoseconds inside VRDEUpdate
     * @throws IllegalArgumentException when nothing is saved under {@code ident}
     */
    public long restoreScreen(Point p1, Point p2, int ident) {
        int[] px = saved.remove(ident);
        if (px == null || px.length != (p2.x() - p1.x()) * (p2.y() - p1.y())) {
            throw new IllegalArgumentException("nothing of that size is saved under ident " + ident);
        }
        return draw(GuestOrders.restoreScreen(p1, p2, ident, px), List.of());
    }

    /**
     * A header-only update: the guest draws {@code rgb} into the framebuffer, then VRDEUpdate carries only
     * the rectangle (the module reads the pixels during the call).
     *
     * @param r the area
     * @param rgb {@code r.width*r.height} pixels
     * @return nanoseconds inside VRDEUpdate
     */
    public long bitmap(Rect r, int[] rgb) {
        byte[] d = new byte[rgb.length * 4];
        for (int i = 0; i < rgb.length; i++) {
            d[i * 4] = (byte) rgb[i];
            d[i * 4 + 1] = (byte) (rgb[i] >> 8);
            d[i * 4 + 2] = (byte) (rgb[i] >> 16);
        }
        Rect damage = renderer.apply(new DirtyRect(new org.svp.protocol.message.Bitmap(org.svp.protocol.PixelFormat.RGB32,
                org.svp.protocol.CodecId.RAW, r.x(), r.y(), r.width(), r.height(), d)));
        fb.store(surface, damage);
        return headerOnly(r);
    }

    /**
     * A header-only update of an area already in the framebuffer.
     *
     * @return nanoseconds inside VRDEUpdate
     */
    public long headerOnly(Rect r) {
        updates++;
        if (host == null) {
            return 0;
        }
        ensure(8);
        buffer.set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, (short) r.x());
        buffer.set(ValueLayout.JAVA_SHORT_UNALIGNED, 2, (short) r.y());
        buffer.set(ValueLayout.JAVA_SHORT_UNALIGNED, 4, (short) r.width());
        buffer.set(ValueLayout.JAVA_SHORT_UNALIGNED, 6, (short) r.height());
        long t0 = System.nanoTime();
        host.update(0, buffer, 8);
        return System.nanoTime() - t0;
    }

    /**
     * Fills an area with one colour in the framebuffer and sends a header-only update (the flood's
     * fast path).
     *
     * @return nanoseconds inside VRDEUpdate
     */
    public long fillHeaderOnly(Rect r, int rgb) {
        int[] px = surface.pixels();
        Rect a = r.intersect(new Rect(0, 0, surface.width(), surface.height()));
        for (int y = a.y(); y < a.y() + a.height(); y++) {
            java.util.Arrays.fill(px, y * surface.width() + a.x(), y * surface.width() + a.x() + a.width(), rgb & 0xFFFFFF);
        }
        fb.fill(a, rgb);
        return headerOnly(r);
    }

    /** VRDEUpdate(NULL, 0): the update sequence is complete. */
    public void complete() {
        updates++;
        if (host != null) {
            host.updateComplete();
        }
    }

    /** VRDEColorPointer with the legacy 24-bpp form. */
    public void colorPointer(byte[] shape) {
        if (host != null) {
            host.colorPointer(copy(shape));
        }
    }

    /** VRDEMousePtr (v4 MOUSEPTR interface) with the 32-bpp form. */
    public void mousePtr(byte[] shape) {
        if (host != null) {
            host.mousePtr(copy(shape));
        }
    }

    /** VRDEHidePointer. */
    public void hidePointer() {
        if (host != null) {
            host.hidePointer();
        }
    }

    private MemorySegment copy(byte[] b) {
        ensure(b.length);
        MemorySegment.copy(b, 0, buffer, ValueLayout.JAVA_BYTE, 0, b.length);
        return buffer.asSlice(0, b.length);
    }

    private void ensure(int n) {
        if (buffer.byteSize() < n) {
            buffer = arena.allocate(Math.max(n, buffer.byteSize() * 2), 8);
        }
    }

    private long send(byte[] update) {
        updates++;
        if (host == null) {
            return 0;
        }
        MemorySegment seg = copy(update);
        long t0 = System.nanoTime();
        host.update(0, seg, update.length);
        return System.nanoTime() - t0;
    }

    private static Rect union(Rect a, Rect b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        int l = Math.min(a.x(), b.x());
        int t = Math.min(a.y(), b.y());
        int r = Math.max(a.x() + a.width(), b.x() + b.width());
        int bo = Math.max(a.y() + a.height(), b.y() + b.height());
        return new Rect(l, t, r - l, bo - t);
    }

    /** Frees the framebuffer and buffers; call after the module instance is destroyed. */
    @Override
    public void close() {
        arena.close();
        fb.close();
    }

    /** An update buffer: VRDEORDERHDR then records. */
    private static final class LeBufferSegment {
        private final LeBuffer b = new LeBuffer();

        void header(Rect r) {
            b.u16(r.x()).u16(r.y()).u16(r.width()).u16(r.height());
        }

        void add(byte[] rec) {
            b.bytes(rec);
        }

        byte[] toArray() {
            return b.toArray();
        }
    }
}
