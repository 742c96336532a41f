package org.svp.source.x11.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.SolidRect;

/**
 * Keeps two frames — {@link #latest()} (pixels just read from the X server, valid in damaged tiles)
 * and the frame clients show — and turns the damage between them into orders: SCREEN_BLT for
 * window moves queued with {@link #queueMove} and for scrolled areas (both optional), then per damaged
 * tile nothing (unchanged), SOLID_RECT (one colour) or DIRTY_RECT (RGB32 RAW; the server's encoders
 * compress) of the changed pixels' bounding box, joined with its neighbours' in the same tile row.
 * Thread: "svp-x11".
 */
public final class ScreenDiffer {
    /**
     * A DIRTY_RECT stacked from tile rows ({@link #stack}) stays at most this many pixels (4 MiB of
     * RGB32, the encode manager's band): a full-screen change of a 4K screen must not become one 33 MB
     * bitmap.
     */
    static final long MAX_STACKED_PIXELS = 1 << 20;
    private final int width;
    private final int height;
    private final boolean detectScroll;
    private final int[] latest;
    private final int[] shown;
    /** Scratch for {@link #solidColour}: one row of the candidate colour. */
    private final int[] solidRow;
    private final TileGrid tiles;
    /** Row hashes of {@link #shown} for scroll detection. */
    private final RowHashCache shownRows;
    /** Rows that scroll detection found equal in both frames, so the tile diff need not compare them. */
    private final EqualRows equalRows;
    /** The DIRTY_RECTs of the last {@link #diff} and their pixels as ints. */
    private final Map<DisplayMessage, int[]> pixels = new IdentityHashMap<>();
    /** Window moves queued since the last {@link #diff}, in the order they happened. */
    private final List<ScreenBlt> moves = new ArrayList<>();

    /**
     * @param width screen width
     * @param height screen height
     * @param detectScroll look for scrolling and send it as SCREEN_BLT
     */
    public ScreenDiffer(int width, int height, boolean detectScroll) {
        this.width = width;
        this.height = height;
        this.detectScroll = detectScroll;
        this.latest = new int[width * height];
        this.shown = new int[width * height];
        this.solidRow = new int[width];
        this.tiles = new TileGrid(width, height);
        this.shownRows = new RowHashCache(width, height);
        this.equalRows = new EqualRows(height);
    }

    /**
     * @return the frame the source fills with captured pixels: {@code 0x??RRGGBB} as the X server
     *     stores them, stride = width. The top byte of a depth-24 pixel is unspecified (core drawing
     *     leaves 0, RENDER may leave 0xFF); both frames keep it as read, so the compares stay exact
     *     copies of memory with no masking pass, and it is cleared only in the orders sent.
     */
    public int[] latest() {
        return latest;
    }

    /** @return damaged tiles; the source marks them and reads their pixels into {@link #latest()} */
    public TileGrid tiles() {
        return tiles;
    }

    /** @return screen width */
    public int width() {
        return width;
    }

    /** @return screen height */
    public int height() {
        return height;
    }

    /**
     * Queues a window move for the next {@link #diff}: its SCREEN_BLT (clipped to the screen) goes out
     * first and is applied to the shown frame; its destination is marked damaged, so the tile diff
     * re-reads it and corrects whatever the copy got wrong (an obscured window, content that changed
     * meanwhile, a move the screen already showed at the previous capture). A wrong guess costs bytes.
     *
     * @param move where a window was and where it went
     * @return the queued SCREEN_BLTs ({@link WindowMove#blits}: one, or the pieces of a window partly
     *     covered by others), empty if no part of the window stays on screen
     */
    public List<ScreenBlt> queueMove(WindowMove move) {
        List<ScreenBlt> blts = move.blits(width, height);
        for (ScreenBlt blt : blts) {
            moves.add(blt);
            tiles.mark(blt.rect());
        }
        return blts;
    }

    /** @return window moves queued for the next {@link #diff} */
    public int queuedMoves() {
        return moves.size();
    }

    /**
     * @param from how many of the queued moves to skip
     * @return the destinations of the moves queued after the first {@code from}: the tiles
     *     {@link #queueMove} marked there, which the source must read before the diff
     */
    public List<Rect> queuedMoveTargets(int from) {
        List<Rect> out = new ArrayList<>();
        for (int i = from; i < moves.size(); i++) {
            out.add(moves.get(i).rect());
        }
        return out;
    }

    /**
     * Compares the damaged tiles and brings the shown frame up to date.
     *
     * @param damage the damaged rectangles as X reported them (for scroll detection), clipped
     * @return the orders, in the order to apply them
     */
    public List<DisplayMessage> diff(List<Rect> damage) {
        pixels.clear();
        List<DisplayMessage> orders = new ArrayList<>();
        List<Rect> moved = new ArrayList<>(moves.size());
        for (ScreenBlt blt : moves) {
            ScrollDetector.apply(blt, shown, width);
            shownRows.invalidate(blt.rect());
            orders.add(blt);
            moved.add(blt.rect());
        }
        moves.clear();
        List<Rect> searched = new ArrayList<>();
        List<long[]> searchedRows = new ArrayList<>();
        if (detectScroll) {
            for (Rect r : DamageBands.join(damage)) {
                if (!ScrollDetector.worthSearching(r) || mostlyMoved(r, moved)) {
                    continue;
                }
                int from = ScrollDetector.firstChangedRow(latest, shown, width, r);
                if (from < 0) {
                    // nothing in it changed (a window's content a move blit already put in place, a
                    // redraw with the same pixels): no scroll, and no row needs hashing
                    equalRows.markAll(r);
                    searched.add(r);
                    searchedRows.add(null);
                    continue;
                }
                long[] before = shownRows.rows(shown, width, r, new long[r.height()]);
                int[] match = new int[r.height()];
                long[] now = ScrollDetector.nowRowHashes(latest, shown, width, r, from, before, new long[r.height()],
                        match, shownRows.segments());
                ScreenBlt blt = ScrollDetector.detect(latest, shown, width, r, before, now);
                if (blt != null) {
                    ScrollDetector.apply(blt, shown, width);
                    shownRows.invalidate(blt.rect());
                    orders.add(blt);
                }
                equalRows.mark(r, match, blt);
                searched.add(r);
                searchedRows.add(now);
            }
        }
        List<Piece> open = new ArrayList<>();
        for (int ty = 0; ty < tiles.rows(); ty++) {
            open = stack(open, tileRowPieces(ty), orders);
        }
        emit(open, orders);
        tiles.clear();
        equalRows.clear(searched);
        // the shown frame now equals the new one in every damaged tile, so over each searched
        // rectangle it has the row hashes just computed for the new frame: the next capture's "before"
        for (int i = 0; i < searched.size(); i++) {
            if (searchedRows.get(i) != null) {
                shownRows.put(searched.get(i), searchedRows.get(i));
            }
        }
        shownRows.segments().commit();
        return orders;
    }

    /**
     * A damaged rectangle that lies mostly where a window was just moved to holds that window, which the
     * move's SCREEN_BLT has put in place: it is not searched for scrolling. Searching it hashed every row
     * of the window on both frames at every move (its rectangle, and so the remembered hashes, never
     * the same twice), for a scroll that a window being dragged hardly ever has; if it does, that
     * capture sends the scrolled pixels and the next one finds the scroll. Bytes only, never pixels.
     */
    private static boolean mostlyMoved(Rect r, List<Rect> moved) {
        for (Rect d : moved) {
            Rect i = r.intersect(d);
            if (!i.isEmpty() && 2L * i.width() * i.height() >= (long) r.width() * r.height()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A changed box of one tile row or more, not yet an order: a SOLID_RECT's colour, or -1 for a
     * DIRTY_RECT of the pixels.
     */
    private static final class Piece {
        Rect box;
        final int solid;

        Piece(Rect box, int solid) {
            this.box = box;
            this.solid = solid;
        }
    }

    /**
     * Joins the pieces of one tile row to those of the row above that end where they start and have
     * the same columns and kind (an exposed strip beside a moved window, a picture's columns, a solid
     * area taller than a tile): the union is exact, and one message instead of one per tile row saves a
     * frame, a header and an encoder call each, and the encoders see taller bands. Pieces of the row
     * above that nothing joined are finished as orders.
     *
     * @param open the row above's pieces
     * @param row this row's pieces
     * @return the pieces still open after this row
     */
    private List<Piece> stack(List<Piece> open, List<Piece> row, List<DisplayMessage> orders) {
        List<Piece> next = new ArrayList<>(row.size());
        for (Piece p : row) {
            Piece above = null;
            for (Piece o : open) {
                if (o.box.x() == p.box.x() && o.box.width() == p.box.width() && o.box.bottom() == p.box.y()
                        && o.solid == p.solid
                        && (p.solid >= 0 || (long) o.box.width() * (o.box.height() + p.box.height()) <= MAX_STACKED_PIXELS)) {
                    above = o;
                    break;
                }
            }
            if (above != null) {
                open.remove(above);
                above.box = above.box.union(p.box);
                next.add(above);
            } else {
                next.add(p);
            }
        }
        emit(open, orders);
        return next;
    }

    /**
     * Finishes pieces as orders, and brings the shown frame to exactly what they send: a piece joined
     * from neighbouring tiles' boxes also carries the pixels between them, which were read but not
     * compared (outside the tiles' damage). X may have drawn there after the damage was taken; the
     * client gets that pixel now, so the shown frame must have it too, or the next capture would compare
     * X's later pixel against a value the client never had (and when X put the old value back, nothing,
     * the still check included, would ever correct the client).
     */
    private void emit(List<Piece> pieces, List<DisplayMessage> orders) {
        for (Piece p : pieces) {
            Rect box = p.box;
            orders.add(p.solid >= 0 ? new SolidRect(box, p.solid) : dirtyRect(box));
            shownRows.invalidate(box);
            for (int y = box.y(); y < box.bottom(); y++) {
                int o = y * width + box.x();
                System.arraycopy(latest, o, shown, o, box.width());
            }
        }
    }

    /**
     * The changed boxes of one row of tiles: each damaged tile's changed pixels are bounded by a box; a
     * box of one colour is a solid piece (joined with the previous tile's if that has the same colour
     * and rows); other boxes of neighbouring tiles are joined into one piece while that adds little
     * unchanged area. A new terminal line spans ten or more tiles, and one message
     * instead of ten saves a frame, a bitmap header, an encoder call and a queue entry per tile on the
     * server and the client, and compresses better.
     */
    private List<Piece> tileRowPieces(int ty) {
        List<Piece> pieces = new ArrayList<>();
        Piece lastSolid = null;
        Rect run = null;
        long runPixels = 0;
        int lastTx = -2;
        for (int tx = 0; tx < tiles.cols(); tx++) {
            if (!tiles.isDirty(tx, ty)) {
                continue;
            }
            Rect box = changedBox(tiles.damage(tx, ty));
            if (box == null) {
                continue;
            }
            int solid = solidColour(box);
            if (solid >= 0) {
                if (lastSolid != null && lastSolid.solid == solid && lastSolid.box.right() == box.x()
                        && lastSolid.box.y() == box.y() && lastSolid.box.height() == box.height()) {
                    lastSolid.box = lastSolid.box.union(box); // an exposed edge of one colour across tiles
                } else {
                    lastSolid = new Piece(box, solid);
                    pieces.add(lastSolid);
                }
                continue;
            }
            long pixels = (long) box.width() * box.height();
            if (run != null && tx == lastTx + 1 && worthJoining(run, runPixels, box, pixels)) {
                run = run.union(box);
                runPixels += pixels;
            } else {
                if (run != null) {
                    pieces.add(new Piece(run, -1));
                }
                run = box;
                runPixels = pixels;
            }
            lastTx = tx;
        }
        if (run != null) {
            pieces.add(new Piece(run, -1));
        }
        return pieces;
    }

    /**
     * Joining is exact either way (every pixel of neighbouring damaged tiles was read); it pays while
     * the unchanged pixels it adds are fewer than half the changed ones.
     */
    private static boolean worthJoining(Rect run, long runPixels, Rect box, long boxPixels) {
        Rect u = run.union(box);
        return (long) u.width() * u.height() <= (runPixels + boxPixels) * 3 / 2;
    }

    /**
     * Bounds the pixels of {@code t} (a tile's damage) that differ between the frames. The shown frame
     * takes them when the box's piece is emitted ({@link #emit}), with whatever else that piece sends.
     *
     * @return the bounding box, or null if nothing changed
     */
    private Rect changedBox(Rect t) {
        int top = -1;
        int bottom = -1;
        int left = t.right();
        int right = t.x();
        for (int y = t.y(); y < t.bottom(); y++) {
            int o = y * width;
            // columns [kl, kr) of this row are known equal (compared during scroll detection)
            int kl = Math.max(t.x(), equalRows.left(y));
            int kr = Math.min(t.right(), equalRows.right(y));
            int first;
            if (kl >= kr) {
                first = firstChange(o, t.x(), t.right());
            } else {
                first = firstChange(o, t.x(), kl);
                if (first < 0) {
                    first = firstChange(o, kr, t.right());
                }
            }
            if (first < 0) {
                continue;
            }
            // only a change right of the box so far can widen it: search just there, from the right
            int from = Math.max(first + 1, right);
            int last = kl >= kr ? lastChange(o, from, t.right()) : lastChange(o, Math.max(from, kr), t.right());
            if (last < 0 && kl < kr) {
                last = lastChange(o, from, Math.min(kl, t.right()));
            }
            if (last < 0) {
                last = first;
            }
            if (top < 0) {
                top = y;
            }
            bottom = y;
            left = Math.min(left, first);
            right = Math.max(right, last + 1);
        }
        if (top < 0) {
            return null;
        }
        return new Rect(left, top, right - left, bottom - top + 1);
    }

    /**
     * @return the last column in {@code [from, to)} of the row at {@code o} that differs, or -1:
     *     vectorised compares of 64-pixel chunks from the right, then a scan inside the chunk that
     *     differs (a new terminal line often ends far left of its tile's right edge)
     */
    private int lastChange(int o, int from, int to) {
        for (int end = to; end > from; ) {
            int start = Math.max(from, end - 64);
            if (Arrays.mismatch(latest, o + start, o + end, shown, o + start, o + end) >= 0) {
                int x = end - 1;
                while (latest[o + x] == shown[o + x]) {
                    x--;
                }
                return x;
            }
            end = start;
        }
        return -1;
    }

    /** @return the first column in {@code [from, to)} of the row at {@code o} that differs, or -1 */
    private int firstChange(int o, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int m = Arrays.mismatch(latest, o + from, o + to, shown, o + from, o + to);
        return m < 0 ? -1 : from + m;
    }

    /**
     * @return the colour (0x00RRGGBB) if every pixel of {@code box} in {@link #latest} has it, else -1:
     *     rows are compared raw with a row of the first pixel (vectorised; an exposed desktop background
     *     is a large solid box), pixel by pixel with the top byte masked only where that differs
     */
    private int solidColour(Rect box) {
        int raw = latest[box.y() * width + box.x()];
        int c = raw & 0xFFFFFF;
        int w = box.width();
        Arrays.fill(solidRow, 0, w, raw);
        for (int y = box.y(); y < box.bottom(); y++) {
            int o = y * width + box.x();
            int m = Arrays.mismatch(latest, o, o + w, solidRow, 0, w);
            if (m < 0) {
                continue;
            }
            for (int x = o + m; x < o + w; x++) {
                if (((latest[x] ^ c) & 0xFFFFFF) != 0) {
                    return -1;
                }
            }
        }
        return c;
    }

    /**
     * The box's pixels as a DIRTY_RECT of an RGB32 bitmap (little-endian 0x00RRGGBB, the X byte
     * cleared), its pixels as ints kept for {@link #pixelsOf}: the rows are copied (a memory copy), the
     * X byte is cleared in the ints only if one is set (a read-only pass costs less under C1 than a
     * masking one: 0.88 against 1.06 ns a pixel, a masking copy 1.24), and the bytes are one bulk copy of
     * the ints.
     */
    private DirtyRect dirtyRect(Rect box) {
        int w = box.width();
        int[] px = new int[w * box.height()];
        for (int y = box.y(), j = 0; y < box.bottom(); y++, j += w) {
            System.arraycopy(latest, y * width + box.x(), px, j, w);
        }
        int top = 0;
        for (int k = 0; k < px.length; k++) {
            top |= px[k];
        }
        if ((top & 0xFF000000) != 0) {
            for (int k = 0; k < px.length; k++) {
                px[k] &= 0xFFFFFF;
            }
        }
        byte[] data = new byte[px.length * 4];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(px);
        DirtyRect d = new DirtyRect(new Bitmap(PixelFormat.RGB32, CodecId.RAW, box.x(), box.y(), w, box.height(), data));
        pixels.put(d, px);
        return d;
    }

    /**
     * @param m an order the last {@link #diff} returned
     * @return a DIRTY_RECT's pixels as ints ({@code 0x00RRGGBB}, what decoding its bitmap gives), or
     *     null; the server's encoders take them instead of decoding the bitmap
     */
    public int[] pixelsOf(DisplayMessage m) {
        return pixels.get(m);
    }
}
