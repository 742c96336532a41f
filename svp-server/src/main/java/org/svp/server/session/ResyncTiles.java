package org.svp.server.session;

import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.svp.codec.BitmapEncoder;
import org.svp.netty.Frames;
import org.svp.protocol.Feature;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.server.ServerStats;
import org.svp.server.encode.CodecChoice;
import org.svp.server.encode.EncodeManager;
import org.svp.server.encode.WireFrame;
import org.svp.server.screen.ScreenMirror;

/**
 * The mirror's pixels as resync frames, one grid tile at a time, encoded once and shared by every
 * display client that re-sends the tile before it changes again. A lagging client (a late joiner, a
 * coalesced queue, a flow-controlled client pulling at its link's pace) re-sends its damage from the
 * mirror; with 200 clients each encoding its own bands on the I/O thread, that encoding was most of
 * svp-io's time (docs/benchmarks.md "bench load"). Resync rounds are therefore planned on a fixed
 * grid ({@link #TILE_W} × {@link #TILE_H}, so clients ask for the same rects) and a tile is encoded at
 * most once per variant (v1 codec, or v2 codec bits and screen-cache keys) per mirror state: the
 * update pipeline drops a tile's encodings when an update damages it ({@link #invalidate}).
 *
 * <p>Owned by the {@link ClientRegistry}; I/O thread only (the same thread applies updates to the
 * mirror, so an entry never outlives the pixels it was made from).
 */
final class ResyncTiles {
    /** Grid cell width: wide enough that a screen row is a few frames (compression), small enough to share. */
    static final int TILE_W = 256;
    /** Grid cell height (a multiple of the screen cache's 64-pixel grid, so its keyed tiles line up). */
    static final int TILE_H = 64;
    /** Encoded bytes kept at most (all tiles and variants); beyond it everything is dropped and re-made. */
    static final long MAX_BYTES = 16L << 20;

    /** How a tile was encoded: a v1 codec, or v2 codec bits with or without screen-cache keys. */
    private record Variant(int v1Codec, int features, boolean keys) {
    }

    private final ScreenMirror mirror;
    private final BitmapEncoder ioEncoder;
    private final EncodeManager encodeManager;
    /** tile index (row × columns + column) → its encodings. */
    private final Map<Integer, Map<Variant, List<WireFrame>>> tiles = new HashMap<>();
    private int columns;
    private int width;
    private int height;
    private final ServerStats stats;
    private long bytes;
    /** After {@link #close}: tiles are still made for whoever asks, but no longer kept. */
    private boolean closed;

    /**
     * @param mirror the server's framebuffer
     * @param stats codec counters
     * @param ioEncoder the I/O thread's v1 bitmap encoder
     */
    ResyncTiles(ScreenMirror mirror, ServerStats stats, BitmapEncoder ioEncoder) {
        this.mirror = mirror;
        this.ioEncoder = ioEncoder;
        this.stats = stats;
        this.encodeManager = new EncodeManager(stats);
    }

    /**
     * The grid tiles (clipped to the screen) that {@code r} touches, row by row.
     *
     * @param r a damaged area
     * @param screen the screen
     * @param out where they are added, unless {@code seen} already has them
     * @param seen tile indices already planned in this round (updated)
     */
    static void cover(Rect r, Rect screen, List<Rect> out, java.util.BitSet seen) {
        Rect c = r.intersect(screen);
        if (c.isEmpty()) {
            return;
        }
        int cols = (screen.width() + TILE_W - 1) / TILE_W;
        for (int row = c.y() / TILE_H; row * TILE_H < c.bottom(); row++) {
            for (int col = c.x() / TILE_W; col * TILE_W < c.right(); col++) {
                if (seen == null || !seen.get(row * cols + col)) {
                    if (seen != null) {
                        seen.set(row * cols + col);
                    }
                    out.add(new Rect(col * TILE_W, row * TILE_H, TILE_W, TILE_H).intersect(screen));
                }
            }
        }
    }

    /**
     * The frames of one grid tile for a client, from the mirror's current pixels: made on the first
     * request, shared until an update damages the tile.
     *
     * @param alloc allocator for frames made now
     * @param tile a grid tile from {@link #cover}
     * @param choice what the client decodes
     * @param keys the client has a screen cache (many-colour pieces get content keys)
     * @return retained duplicates, owned by the caller
     */
    List<WireFrame> frames(ByteBufAllocator alloc, Rect tile, CodecChoice choice, boolean keys) {
        checkScreen();
        Variant v = choice.v2() ? new Variant(0, choice.features(), keys) : new Variant(choice.v1Codec(), 0, false);
        int index = (tile.y() / TILE_H) * columns + tile.x() / TILE_W;
        Map<Variant, List<WireFrame>> variants = tiles.computeIfAbsent(index, i -> new HashMap<>(4));
        List<WireFrame> frames = variants.get(v);
        if (frames == null) {
            frames = encode(alloc, tile, choice, keys);
            for (WireFrame f : frames) {
                bytes += f.queuedBytes();
            }
            stats.resyncTilesEncoded.increment();
            if (bytes > MAX_BYTES || closed) { // hand these out, keep none: the next requests encode again
                List<WireFrame> mine = frames;
                clear();
                return mine;
            }
            variants.put(v, frames);
        } else {
            stats.resyncTilesShared.increment();
        }
        List<WireFrame> out = new ArrayList<>(frames.size());
        frames.forEach(f -> out.add(f.retainedDuplicate()));
        return out;
    }

    private List<WireFrame> encode(ByteBufAllocator alloc, Rect tile, CodecChoice choice, boolean keys) {
        int[] rgb = mirror.capture(tile);
        if (choice.v2()) {
            // QOIZ rather than MEDZ here: this runs on the I/O thread, and MEDZ encodes ~4× slower (a late
            // joiner's full screen of photo tiles stalled every client's updates by tens of ms: bench faults)
            int features = (choice.features() & Feature.CODEC_QOIZ) != 0
                    ? choice.features() & ~Feature.CODEC_MEDZ : choice.features();
            return encodeManager.encodeArea(alloc, rgb, 0, tile.width(), tile, features, keys);
        }
        Bitmap b = ioEncoder.encode(rgb, 0, tile.width(), tile.x(), tile.y(), tile.width(), tile.height(),
                choice.v1Codec());
        return new ArrayList<>(List.of(WireFrame.of(Frames.encode(alloc, new DirtyRect(b)))));
    }

    /**
     * The mirror changed in {@code damage}: the tiles it touches are encoded again when next asked for.
     * Called by the update pipeline after applying an update, before delivering it.
     *
     * @param damage what changed (null or empty: nothing)
     */
    void invalidate(Rect damage) {
        if (damage == null || damage.isEmpty() || tiles.isEmpty()) {
            return;
        }
        if (checkScreen()) {
            return;
        }
        Rect c = damage.intersect(mirror.bounds());
        for (int row = c.y() / TILE_H; row * TILE_H < c.bottom(); row++) {
            for (int col = c.x() / TILE_W; col * TILE_W < c.right(); col++) {
                drop(tiles.remove(row * columns + col));
            }
        }
    }

    /** Releases every encoding (the last client left, the screen was resized, or over {@link #MAX_BYTES}). */
    void clear() {
        tiles.values().forEach(this::drop);
        tiles.clear();
        bytes = 0;
    }

    /** The server is closing: releases everything and keeps nothing from now on (no leak at shutdown). */
    void close() {
        closed = true;
        clear();
    }

    /** @return encoded bytes held now */
    long bytes() {
        return bytes;
    }

    private void drop(Map<Variant, List<WireFrame>> variants) {
        if (variants == null) {
            return;
        }
        for (List<WireFrame> frames : variants.values()) {
            for (WireFrame f : frames) {
                bytes -= f.queuedBytes();
                f.release();
            }
        }
    }

    /** Clears everything when the screen's size changed; @return true if it did. */
    private boolean checkScreen() {
        if (mirror.width() == width && mirror.height() == height) {
            return false;
        }
        clear();
        width = mirror.width();
        height = mirror.height();
        columns = (width + TILE_W - 1) / TILE_W;
        return true;
    }
}
