package org.svp.render;

import org.svp.codec.BitmapDecoder;
import org.svp.codec.pixel.Palette;
import org.svp.protocol.CodecId;
import org.svp.protocol.Command;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.BitmapHash;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DeletedBitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.DstBlt;
import org.svp.protocol.message.Ellipse;
import org.svp.protocol.message.Line;
import org.svp.protocol.message.MemBlt;
import org.svp.protocol.message.PatternBltBrush;
import org.svp.protocol.message.Polyline;
import org.svp.protocol.message.RestoreScreen;
import org.svp.protocol.message.SaveScreen;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidBlt;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.message.Text;

/**
 * Applies SVP display messages (protocol.md §4, §5) to a {@link Surface}: the software GDI used by the
 * headless client, the Swing viewer and the server's mirror framebuffer.
 *
 * <p>Every message is handled. Undefined operands are 0: S for SOLID_BLT/DST_BLT/PATTERN_BLT_BRUSH, P
 * for SCREEN_BLT/MEM_BLT; SCREEN_BLT source pixels outside the screen are black; MEM_BLT draws only
 * where its source lies inside the cached bitmap. CLIP_DRAW clips the next {@code cmd_count} messages
 * whose {@link DisplayMessage#isDrawing()} is true (a MEM_BLT with a missing bitmap counts, and so does a
 * drawing message that fails); every drawing is also clipped to the surface.
 *
 * <p>Bad peer data (unknown rop or mix, slot out of range, a broken bitmap, nested CLIP_DRAW) raises
 * {@link PeerProtocolException} with {@link SvpStatus#BAD_FIELD} or {@link SvpStatus#BAD_BITMAP}; the
 * message is then skipped and the renderer stays usable.
 *
 * <p>Not thread-safe: one owner thread (the client's display channel thread, the server's mirror
 * thread) calls {@link #apply} in wire order.
 */
public final class OrderRenderer {
    private final Surface surface;
    private final Canvas canvas;
    private final BitmapDecoder decoder = new BitmapDecoder();
    private final RenderLimits limits;
    private final BitmapCache cache;
    private final ScreenSaves saves;
    /** SCREEN_BLT source snapshot; grows only, never beyond the surface size. */
    private int[] snapshot = new int[0];
    /** The clip of the current CLIP_DRAW run, or null. */
    private ClipRegion runClip;
    /** Drawing messages the current CLIP_DRAW run still clips; 0 = no run. */
    private int runLeft;
    private int missingBitmaps;

    /**
     * @param surface
     *     the canvas to draw on; owned by the caller's thread, which must also be the one calling
     *     {@link #apply}
     */
    public OrderRenderer(Surface surface) {
        this(surface, RenderLimits.TRUSTED);
    }

    /**
     * @param surface
     *     the canvas to draw on, as for {@link #OrderRenderer(Surface)}
     * @param limits
     *     screen size, cache and SAVE_SCREEN bounds ({@link RenderLimits#CLIENT} for a client)
     */
    public OrderRenderer(Surface surface, RenderLimits limits) {
        this.surface = surface;
        this.canvas = new Canvas(surface);
        this.limits = limits;
        this.cache = new BitmapCache(limits.cacheEntries(), limits.cacheBytes());
        this.saves = new ScreenSaves(limits.saveBytes());
    }

    /** @return bytes the SAVE_SCREEN slots hold */
    public long savedBytes() {
        return saves.bytes();
    }

    /** @return SAVE_SCREENs evicted or not kept because of the byte bound */
    public long saveEvictions() {
        return saves.evictions();
    }

    /**
     * Applies one display message.
     *
     * @param m
     *     the message, in wire order
     * @return the screen rect that changed, clipped to the surface, or an empty rect when no pixel
     *     changed (SCREEN_RESIZE returns the whole new screen)
     * @throws PeerProtocolException
     *     BAD_FIELD or BAD_BITMAP for bad peer data (the surface is unchanged or partly drawn)
     */
    public Rect apply(DisplayMessage m) {
        if (m instanceof ClipDraw clip) {
            startClipRun(clip);
            return Canvas.EMPTY;
        }
        if (runLeft == 0 || !m.isDrawing()) {
            return draw(m);
        }
        canvas.setClip(runClip);
        try {
            return draw(m);
        } finally {
            canvas.setClip(null);
            if (--runLeft == 0) {
                runClip = null;
            }
        }
    }

    /** @return the surface drawn on */
    public Surface surface() {
        return surface;
    }

    /** @return the bitmap cache filled by CACHED_BITMAP */
    public BitmapCache cache() {
        return cache;
    }

    /**
     * @param hash
     *     a bitmap hash
     * @return true when CACHED_BITMAP stored it and no DELETED_BITMAP removed it
     */
    public boolean hasBitmap(BitmapHash hash) {
        return cache.contains(hash);
    }

    /** @return how many MEM_BLTs named a bitmap that was not cached (they drew nothing) */
    public int missingBitmapCount() {
        return missingBitmaps;
    }

    /** @return how many more drawing messages the current CLIP_DRAW clips (0 when none is active) */
    public int clipOrdersLeft() {
        return runLeft;
    }

    /**
     * Sets the meaning of RGB8 and MONO bitmaps (v1 has no palette message, so this is only for
     * extensions and tests).
     *
     * @param palette
     *     the palette; null restores {@link Palette#DEFAULT}
     */
    public void setPalette(Palette palette) {
        decoder.setPalette(palette);
    }

    private void startClipRun(ClipDraw clip) {
        int id = Command.CLIP_DRAW.wireId();
        if (runLeft > 0) {
            throw new PeerProtocolException(SvpStatus.BAD_FIELD, id, -1,
                    "CLIP_DRAW inside a clipped run (" + runLeft + " orders still clipped)");
        }
        if (clip.cmdCount() < 0 || clip.rects().size() > ProtocolLimits.MAX_CLIP_RECTS) {
            throw new PeerProtocolException(SvpStatus.BAD_FIELD, id, -1,
                    "cmd_count " + clip.cmdCount() + ", rect_count " + clip.rects().size() + " (at most 64)");
        }
        if (clip.cmdCount() > 0) {
            runClip = ClipRegion.of(clip.rects());
            runLeft = clip.cmdCount();
        }
    }

    private Rect draw(DisplayMessage m) {
        return switch (m) {
            case ScreenResize r -> resize(r);
            case DirtyRect d -> drawBitmap(d.bitmap(), d.bitmap().x(), d.bitmap().y(), Command.DIRTY_RECT);
            case SolidRect s -> BltPainter.fill(canvas, s.rect(), Rop3.PATCOPY, s.rgb());
            case SolidBlt s -> BltPainter.fill(canvas, s.rect(), rop3(s.rop3(), Command.SOLID_BLT), s.rgb());
            case DstBlt d -> BltPainter.fill(canvas, d.rect(), rop3(d.rop3(), Command.DST_BLT), 0);
            case ScreenBlt s -> screenBlt(s);
            case PatternBltBrush p -> {
                rop3(p.rop3(), Command.PATTERN_BLT_BRUSH);
                yield BltPainter.pattern(canvas, p);
            }
            case MemBlt b -> memBlt(b);
            case CachedBitmap c -> {
                Bitmap b = c.bitmap();
                checkSize(b, Command.CACHED_BITMAP);
                cache.put(c.hash(), decoder.decode(b, Command.CACHED_BITMAP.wireId()), b.width(), b.height());
                yield Canvas.EMPTY;
            }
            case DeletedBitmap d -> {
                cache.remove(d.hash());
                yield Canvas.EMPTY;
            }
            case Line l -> LinePainter.line(canvas, l.x1(), l.y1(), l.x2(), l.y2(), mix(l.mix(), Command.LINE),
                    l.rgb());
            case Polyline p -> LinePainter.polyline(canvas, p.start(), p.points(), mix(p.mix(), Command.POLYLINE),
                    p.rgb());
            case Ellipse e -> EllipsePainter.ellipse(canvas, e.p1(), e.p2(), mix(e.mix(), Command.ELLIPSE),
                    e.fillMode() != 0, e.rgb());
            case SaveScreen s -> {
                saves.save(surface, ident(s.ident(), Command.SAVE_SCREEN), s.p1(), s.p2());
                yield Canvas.EMPTY;
            }
            case RestoreScreen r -> {
                int ident = ident(r.ident(), Command.RESTORE_SCREEN);
                Rect damage = drawBitmap(r.bitmap(), r.p1().x(), r.p1().y(), Command.RESTORE_SCREEN);
                saves.free(ident);
                yield damage;
            }
            case Text t -> TextPainter.text(canvas, t);
            case ClipDraw c -> throw new IllegalStateException("CLIP_DRAW is handled by apply");
        };
    }

    private Rect resize(ScreenResize r) {
        if (r.width() < 0 || r.height() < 0) {
            throw new PeerProtocolException(SvpStatus.BAD_FIELD, Command.SCREEN_RESIZE.wireId(), 0,
                    "negative screen size " + r.width() + "x" + r.height());
        }
        if (r.width() > limits.maxScreenWidth() || r.height() > limits.maxScreenHeight()) {
            throw new ScreenTooLargeException(r.width(), r.height(), limits);
        }
        surface.resize(r.width(), r.height());
        saves.clear();
        runLeft = 0;
        runClip = null;
        return r.width() == 0 || r.height() == 0 ? Canvas.EMPTY : new Rect(0, 0, r.width(), r.height());
    }

    /**
     * Draws a bitmap with its top-left at (x, y). Without a clip and fully on screen it is decoded
     * straight into the surface; otherwise through a decoded copy.
     */
    /**
     * Draws decoded pixels at (x, y) as a DIRTY_RECT would (clipped to the surface and to an active
     * CLIP_DRAW run's rects, not counted in it): the client's CACHE_DRAW (docs/protocol.md "Screen cache").
     *
     * @param px 0x00RRGGBB, row-major, {@code w × h}
     * @param w width
     * @param h height
     * @param x destination left
     * @param y destination top
     * @return the area changed
     */
    public Rect drawPixels(int[] px, int w, int h, int x, int y) {
        return BltPainter.blit(canvas, new Rect(x, y, w, h), px, w, h, 0, 0, Rop3.SRCCOPY);
    }

    /**
     * As {@link #apply} for a DIRTY_RECT whose pixels the caller has decoded already (the server's encoder
     * worker did, for its codecs): outside a CLIP_DRAW run, with a stateless codec and fully on the
     * surface, the rows are copied instead of decoding the bitmap a second time; otherwise as
     * {@link #apply}.
     *
     * @param d the message
     * @param px its bitmap's pixels, {@code 0x00RRGGBB}, w × h, row-major
     * @return as {@link #apply}
     */
    public Rect applyDecoded(DirtyRect d, int[] px) {
        Bitmap b = d.bitmap();
        int w = b.width();
        int h = b.height();
        Rect dest = new Rect(b.x(), b.y(), w, h);
        if (runLeft != 0 || (b.codec() != CodecId.RAW && b.codec() != CodecId.LZ4) || w <= 0 || h <= 0
                || px.length < w * h || !canvas.unclippedInside(dest)) {
            return apply(d);
        }
        int[] dst = surface.pixels();
        int sw = surface.width();
        for (int row = 0; row < h; row++) {
            System.arraycopy(px, row * w, dst, (b.y() + row) * sw + b.x(), w);
        }
        return dest;
    }

    private Rect drawBitmap(Bitmap b, int x, int y, Command command) {
        int id = command.wireId();
        checkSize(b, command);
        if (b.width() < 0 || b.height() < 0) {
            decoder.decode(b, id);
        }
        Rect dest = new Rect(x, y, b.width(), b.height());
        if (canvas.unclippedInside(dest)) {
            decoder.decodeInto(b, id, surface.pixels(), y * surface.width() + x, surface.width());
            return dest.isEmpty() ? Canvas.EMPTY : dest;
        }
        int[] px = decoder.decode(b, id);
        return BltPainter.blit(canvas, dest, px, b.width(), b.height(), 0, 0, Rop3.SRCCOPY);
    }

    /** A bitmap larger than the largest screen is refused before anything is decoded or allocated. */
    private void checkSize(Bitmap b, Command command) {
        if (b.width() > limits.maxScreenWidth() || b.height() > limits.maxScreenHeight()) {
            throw new PeerProtocolException(SvpStatus.BAD_BITMAP, command.wireId(), -1, "a " + b.width() + "x"
                    + b.height() + " bitmap is larger than the screen limit " + limits.maxScreenWidth() + "x"
                    + limits.maxScreenHeight());
        }
    }

    private Rect screenBlt(ScreenBlt s) {
        int rop = rop3(s.rop3(), Command.SCREEN_BLT);
        if (!Rop3.usesSource(rop)) {
            return BltPainter.fill(canvas, s.rect(), rop, 0);
        }
        Rect source = new Rect(s.srcX(), s.srcY(), s.rect().width(), s.rect().height());
        if (rop == Rop3.SRCCOPY && canvas.unclippedInside(s.rect()) && canvas.unclippedInside(source)) {
            if (s.rect().isEmpty()) {
                return Canvas.EMPTY;
            }
            Surface.copyWithin(surface.pixels(), surface.width(), s.rect(), s.srcX(), s.srcY());
            return s.rect();
        }
        Rect visible = canvas.visible(s.rect());
        if (visible.isEmpty()) {
            return Canvas.EMPTY;
        }
        int w = visible.width();
        int h = visible.height();
        if (snapshot.length < w * h) {
            snapshot = new int[w * h];
        }
        surface.copyRegionInto(s.srcX() + visible.x() - s.rect().x(), s.srcY() + visible.y() - s.rect().y(),
                w, h, snapshot);
        return BltPainter.blit(canvas, visible, snapshot, w, h, 0, 0, rop);
    }

    private Rect memBlt(MemBlt m) {
        int rop = rop3(m.rop3(), Command.MEM_BLT);
        BitmapCache.Entry e = cache.get(m.hash());
        if (e == null) {
            missingBitmaps++;
            return Canvas.EMPTY;
        }
        Rect r = m.rect();
        Rect source = new Rect(r.x() - m.srcX(), r.y() - m.srcY(), e.width(), e.height());
        Rect dest = r.intersect(source);
        if (dest.isEmpty()) {
            return Canvas.EMPTY;
        }
        return BltPainter.blit(canvas, dest, e.pixels(), e.width(), e.height(),
                m.srcX() + dest.x() - r.x(), m.srcY() + dest.y() - r.y(), rop);
    }

    private static int rop3(int rop3, Command command) {
        if (rop3 < 0 || rop3 > 0xFF) {
            throw new PeerProtocolException(SvpStatus.BAD_FIELD, command.wireId(), -1, "rop3 " + rop3 + " out of range");
        }
        return rop3;
    }

    private static int mix(int mix, Command command) {
        if (!Rop2.isValid(mix)) {
            throw new PeerProtocolException(SvpStatus.BAD_FIELD, command.wireId(), -1,
                    "ROP2 mix " + mix + " is not 1..16");
        }
        return mix;
    }

    private static int ident(int ident, Command command) {
        if (ident < 0 || ident >= ScreenSaves.SLOTS) {
            throw new PeerProtocolException(SvpStatus.BAD_FIELD, command.wireId(), -1,
                    "screen slot " + ident + " is not 0..255");
        }
        return ident;
    }
}
