package org.svp.source.vrde.order;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.Rect;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DeletedBitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.MemBlt;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.BitmapHash;

/**
 * VRDE order buffers → SVP display messages (the table in docs/vrde.md "Translation"). Orders map one
 * to one; BOUNDS + order + REPEATs become CLIP_DRAW(1, bounds and repeat rects) + order, split into
 * several pairs past 64 rects. What SVP cannot reproduce — SAVESCREEN restore, a MEMBLT of a bitmap
 * never cached, a SCREENBLT reading from a stale area, a malformed buffer — is asked back from the
 * framebuffer through {@code refresh} (the module's REFRESH) and remembered as stale until BITMAP
 * records cover it. Never throws for bad input. "svp-vrde" thread.
 */
public final class OrderTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(OrderTranslator.class);
    /** CLIP_DRAW's rect limit (protocol.md §4). */
    static final int MAX_CLIP_RECTS = 64;
    /** Bitmap hashes remembered; the oldest are forgotten (a later MEMBLT of one is refreshed). */
    static final int MAX_KNOWN_BITMAPS = 16384;
    /** At most one log line per this many ns about malformed updates. */
    private static final long LOG_EVERY_NS = 5_000_000_000L;

    private final Consumer<Rect> refresh;
    private final StaleRegion stale = new StaleRegion();
    private final LinkedHashSet<BitmapHash> known = new LinkedHashSet<>();
    private long malformed;
    private long lastLog = System.nanoTime() - LOG_EVERY_NS;
    private long refreshes;

    /** @param refresh asks the module to re-read an area from the framebuffer (must not block) */
    public OrderTranslator(Consumer<Rect> refresh) {
        this.refresh = refresh;
    }

    private Rect screen = new Rect(0, 0, 0, 0);

    /**
     * The screen was resized: nothing on it is stale any more (the module sends it whole).
     *
     * @param width new width
     * @param height new height
     */
    public void resized(int width, int height) {
        stale.clear();
        screen = new Rect(0, 0, width, height);
    }

    /** @param r an area whose current pixels were just sent (BITMAP record or DIRTY_RECT order) */
    public void fresh(Rect r) {
        stale.cover(r);
    }

    /** @return updates that failed to parse so far */
    public long malformedCount() {
        return malformed;
    }

    /** @return REFRESH requests sent so far */
    public long refreshCount() {
        return refreshes;
    }

    /**
     * @param update a VRDEUpdate buffer (header + orders)
     * @param out receives the SVP messages, in order
     */
    public void translate(ByteBuffer update, List<DisplayMessage> out) {
        OrderParser.Parsed p = OrderParser.parse(update);
        List<DisplayMessage> mine = new ArrayList<>();
        try {
            apply(p.orders(), mine);
        } catch (RuntimeException e) { // a value the SVP records reject: same as a malformed buffer
            mine.clear();
            p = new OrderParser.Parsed(p.header(), List.of(), e.toString());
        }
        out.addAll(mine);
        if (p.error() != null) {
            malformed++;
            long now = System.nanoTime();
            if (now - lastLog >= LOG_EVERY_NS) {
                lastLog = now;
                LOG.warn("malformed VRDE update (refreshing {}): {} ({} so far)", p.header(), p.error(), malformed);
            }
            // a malformed buffer whose header says nothing useful may have touched anything
            requestRefresh(p.header().isEmpty() ? screen : p.header());
        }
    }

    private void apply(List<VrdeOrder> orders, List<DisplayMessage> out) {
        DisplayMessage group = null;
        List<Rect> clips = null;
        Rect nextBounds = null;
        for (VrdeOrder o : orders) {
            switch (o) {
                case VrdeOrder.Bounds b -> {
                    emit(group, clips, out);
                    group = null;
                    nextBounds = b.clip();
                }
                case VrdeOrder.Repeat r -> {
                    if (group == null) {
                        continue; // nothing to repeat (its order was dropped or refreshed)
                    }
                    if (clips == null) { // the order was drawn unclipped; repeats draw it again
                        emit(group, null, out);
                        clips = new ArrayList<>();
                    }
                    clips.add(r.clip());
                }
                case VrdeOrder.Restore r -> {
                    emit(group, clips, out);
                    group = null;
                    requestRefresh(r.area());
                }
                case VrdeOrder.Draw d -> {
                    emit(group, clips, out);
                    group = null;
                    clips = null;
                    DisplayMessage m = d.message();
                    if (!m.isDrawing()) {
                        cacheMessage(m, out);
                        continue;
                    }
                    Rect bounds = nextBounds;
                    nextBounds = null;
                    if (replaceByRefresh(m)) {
                        continue;
                    }
                    if (m instanceof DirtyRect dr) {
                        Rect r = new Rect(dr.bitmap().x(), dr.bitmap().y(), dr.bitmap().width(), dr.bitmap().height());
                        if (bounds == null) {
                            fresh(r);
                        }
                    }
                    group = m;
                    clips = bounds == null ? null : new ArrayList<>(List.of(bounds));
                }
            }
        }
        emit(group, clips, out);
    }

    private void cacheMessage(DisplayMessage m, List<DisplayMessage> out) {
        switch (m) {
            case CachedBitmap c -> {
                known.remove(c.hash());
                known.add(c.hash());
                if (known.size() > MAX_KNOWN_BITMAPS) {
                    Iterator<BitmapHash> it = known.iterator();
                    it.next();
                    it.remove();
                }
            }
            case DeletedBitmap d -> known.remove(d.hash());
            default -> { }
        }
        out.add(m);
    }

    /** @return true if the order was replaced by a REFRESH of what it would draw */
    private boolean replaceByRefresh(DisplayMessage m) {
        Rect dest = switch (m) {
            case MemBlt mb when !known.contains(mb.hash()) -> mb.rect();
            case ScreenBlt sb when stale.overlaps(new Rect(sb.srcX(), sb.srcY(), sb.rect().width(), sb.rect().height()))
                    -> sb.rect();
            default -> null;
        };
        if (dest == null) {
            return false;
        }
        requestRefresh(dest); // the whole destination: its REPEATs may reach beyond the bounds
        return true;
    }

    private static void emit(DisplayMessage m, List<Rect> clips, List<DisplayMessage> out) {
        if (m == null) {
            return;
        }
        if (clips == null) {
            out.add(m);
            return;
        }
        List<Rect> nonEmpty = clips.stream().filter(r -> !r.isEmpty()).toList();
        for (int i = 0; i < nonEmpty.size(); i += MAX_CLIP_RECTS) {
            out.add(new ClipDraw(1, nonEmpty.subList(i, Math.min(nonEmpty.size(), i + MAX_CLIP_RECTS))));
            out.add(m);
        }
    }

    private void requestRefresh(Rect r) {
        if (r.isEmpty()) {
            return;
        }
        refreshes++;
        stale.add(r);
        refresh.accept(r);
    }
}
