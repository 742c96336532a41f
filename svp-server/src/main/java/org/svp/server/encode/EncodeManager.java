package org.svp.server.encode;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.svp.codec.BitmapCodec;
import org.svp.codec.CodecRegistry;
import org.svp.codec.EncodedData;
import org.svp.codec.zstream.ZstreamCodec;
import org.svp.netty.Frames;
import org.svp.protocol.CodecId;
import org.svp.protocol.Feature;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.SolidRect;
import org.svp.server.ServerStats;

/**
 * Picks the codec for every changed region of a v2 client (in the spirit of TigerVNC's
 * EncodeManager). A region is cut into bands of whole rows ({@link #BAND_PIXELS} pixels at most; the
 * source's damage rectangles already isolate what changed) and each band is classified:
 * <ul>
 *   <li>solid → a SOLID_RECT order;</li>
 *   <li>at most 256 colours (text, UI) → ZSTREAM if negotiated (compressed per client as it is written,
 *       with the memory of the client's stream), else PALETTE, its palette cached by the client;</li>
 *   <li>anything else (gradients, photos, mixed) → MEDZ, else QOIZ (or, for a lossy client, H264/JPEG as the
 *       {@link org.svp.server.lossy.LossyPolicy} decides); when a client has a screen cache, cut at the
 *       screen's 64×64 grid into pieces with content keys ({@link PhotoTiles}, {@link TileKeys}), so
 *       pictures seen before go as CACHE_DRAWs (the display client decides per client as it writes);</li>
 *   <li>a codec the client did not negotiate → LZ4, or RAW where LZ4 does not shrink.</li>
 * </ul>
 * Text and UI are not keyed (a scrolling terminal never repeats; the stream's memory covers what
 * does), regions changing every frame are the video issue's. Every encoding is counted in
 * {@link ServerStats#codecCounters()} (ZSTREAM's by the display client, where it is compressed).
 *
 * <p>One instance per server; thread-safe: the codec encoders (scratch buffers, zstd contexts) are
 * per thread. Called on the encoder workers, and on the I/O thread for resync bands.
 */
public final class EncodeManager {
    /**
     * Pixels per band (1 Mi: 4 MiB of RGB32, a QOIZ worst case well under the 10 MiB body limit). A
     * region is cut into bands of whole rows of at most this many pixels. Bigger units compress far
     * better than tiles: on the recorded 1280×800 xterm desktop, 64×64 tiles (PALETTE where ≤ 256
     * colours, else QOIZ) take 82.8 KB, 64-row bands 66.2 KB, 256-row bands 40.7 KB, the whole screen
     * as one QOIZ 35.8 KB (per-bitmap zstd frames and headers, and the lost context).
     */
    public static final int BAND_PIXELS = 1 << 20;

    /** A thread's codec encoders. */
    private static final class Tools {
        final BitmapCodec.Encoder raw = CodecRegistry.byId(CodecId.RAW).newEncoder();
        final BitmapCodec.Encoder lz4 = CodecRegistry.byId(CodecId.LZ4).newEncoder();
        final BitmapCodec.Encoder palette = CodecRegistry.byId(CodecId.PALETTE).newEncoder();
        final BitmapCodec.Encoder qoiz = CodecRegistry.byId(CodecId.QOIZ).newEncoder();
        final BitmapCodec.Encoder medz = CodecRegistry.byId(CodecId.MEDZ).newEncoder();

        /** @return the encoder of {@code codec} (QOIZ or MEDZ) */
        BitmapCodec.Encoder manyColour(int codec) {
            return codec == CodecId.MEDZ ? medz : qoiz;
        }
    }

    private static final ThreadLocal<Tools> TOOLS = ThreadLocal.withInitial(Tools::new);

    private final ServerStats stats;
    /** Issue 13's hook: may replace a band's QOIZ by JPEG; null = lossless only (resync, late join). */
    private volatile org.svp.server.lossy.LossyPolicy lossy;
    /** Keys clients' caches probably hold: their tiles go uncompressed ({@link LazyTile}); null = none. */
    private volatile HeldTiles held;

    /** @param stats where the per-codec counters go */
    public EncodeManager(ServerStats stats) {
        this.stats = stats;
    }

    /**
     * @param policy decides which bands go JPEG (the update path's manager); never set on the managers
     *     of the resync path, whose pixels are the lossless refresh
     */
    public void lossy(org.svp.server.lossy.LossyPolicy policy) {
        this.lossy = policy;
    }

    /**
     * @param hint keys clients' caches probably hold: keyed grid tiles with such a key are handed over
     *     uncompressed ({@link WireFrame#lazy}); set on the update path's manager, whose frames the
     *     display clients hold against their cache models
     */
    public void heldTiles(HeldTiles hint) {
        this.held = hint;
    }

    /**
     * Encodes a changed screen area for clients with {@code features}: SOLID_RECTs and DIRTY_RECTs
     * whose union is the area.
     *
     * @param alloc frame allocator
     * @param rgb the area's pixels
     * @param offset index of its top-left pixel
     * @param stride ints per row
     * @param area the screen rectangle
     * @param features the clients' negotiated v2 codec bits
     * @return the frames, in order; owned by the caller
     */
    public List<WireFrame> encodeArea(ByteBufAllocator alloc, int[] rgb, int offset, int stride, Rect area, int features) {
        return encodeArea(alloc, rgb, offset, stride, area, features, false);
    }

    /**
     * As {@link #encodeArea(ByteBufAllocator, int[], int, int, Rect, int)}; with {@code tileKeys} (some
     * client has a screen cache) a many-colour band is cut at the screen's {@link PhotoTiles#TILE}-pixel
     * grid and every whole grid tile becomes a DIRTY_RECT of its own with a content key
     * ({@link WireFrame#cacheKey()}), so a picture shown again (a slideshow that repeats, a window
     * switched back, content exposed again) goes as CACHE_DRAWs whatever damage rectangles brought it.
     *
     * @param tileKeys cut many-colour bands into keyed grid tiles
     * @return the frames, in order; owned by the caller
     */
    public List<WireFrame> encodeArea(ByteBufAllocator alloc, int[] rgb, int offset, int stride, Rect area, int features,
                                      boolean tileKeys) {
        List<WireFrame> out = new ArrayList<>();
        if (area.isEmpty()) {
            return out;
        }
        int bandRows = Math.max(1, BAND_PIXELS / area.width());
        try {
            for (int by = 0; by < area.height(); by += bandRows) {
                int h = Math.min(bandRows, area.height() - by);
                int at = offset + by * stride;
                int x = area.x();
                int y = area.y() + by;
                int w = area.width();
                long t0 = System.nanoTime();
                int colour = rgb[at] & 0xFFFFFF;
                if (isSolid(rgb, at, stride, w, h, colour)) {
                    stats.codec("SOLID").add(SOLID_BODY, System.nanoTime() - t0);
                    out.add(WireFrame.of(Frames.encode(alloc, new SolidRect(new Rect(x, y, w, h), colour))));
                    continue;
                }
                WireFrame p;
                if ((features & Feature.CODEC_ZSTREAM) != 0) {
                    p = ColourCount.atMost(rgb, at, stride, w, h, STREAM_COLOURS) ? stream(alloc, rgb, at, stride, x, y, w, h, features) : null;
                } else {
                    p = (features & Feature.CODEC_PALETTE) != 0 ? palette(alloc, rgb, at, stride, x, y, w, h, t0) : null;
                }
                boolean lossless = p == null && losslessFirst(new Rect(x, y, w, h), features);
                if (p != null) {
                    out.add(p);
                } else if (tileKeys && manyColourCodec(features) != 0 && lossless) {
                    gridPieces(alloc, rgb, at, stride, x, y, w, h, features, out);
                } else {
                    out.add(other(alloc, rgb, at, stride, x, y, w, h, features, lossless, t0));
                }
            }
        } catch (RuntimeException e) {
            out.forEach(WireFrame::release);
            throw e;
        }
        return out;
    }

    /**
     * @return true if this many-colour band goes lossless for this client: always without a lossy policy,
     *     else as {@link org.svp.server.lossy.LossyPolicy#losslessFirst} decides (lossless bands go as
     *     keyed grid tiles when some client has a screen cache)
     */
    private boolean losslessFirst(Rect band, int features) {
        org.svp.server.lossy.LossyPolicy p = lossy;
        return p == null || p.losslessFirst(band, features);
    }

    /**
     * Encodes one bitmap whole (for CACHED_BITMAP and RESTORE_SCREEN, whose bitmap must stay one):
     * QOIZ if negotiated, else LZ4 or RAW.
     *
     * @return the bitmap at (x, y) in RGB32
     */
    public Bitmap encodeWhole(int[] rgb, int offset, int stride, int x, int y, int w, int h, int features) {
        Tools t = TOOLS.get();
        long t0 = System.nanoTime();
        if ((features & Feature.CODEC_QOIZ) != 0 && (long) w * h > 0) {
            return count(CodecRegistry.byId(CodecId.QOIZ), t.qoiz.encode(rgb, offset, stride, w, h).data(), x, y, w, h, t0);
        }
        return v1(t, rgb, offset, stride, x, y, w, h, t0);
    }

    /**
     * The lossless coders of many-colour DIRTY_RECT bands the client has: MEDZ or QOIZ.
     *
     * @return the codec id, or 0 when the client has neither
     */
    static int manyColourCodec(int features) {
        return (features & Feature.CODEC_MEDZ) != 0 ? CodecId.MEDZ : (features & Feature.CODEC_QOIZ) != 0 ? CodecId.QOIZ : 0;
    }

    /**
     * Share of pixels equal to their left neighbour from which QOIZ codes a band better than MEDZ:
     * QOIZ's runs win on flat UI (recorded 1280×800 xterm desktop: QOIZ 35.8 KB, MEDZ 64.2 KB), MEDZ's
     * prediction on photos (the recorded workload's photo tiles: QOIZ 12.68 MB, MEDZ 9.20 MB).
     */
    static final double QOIZ_RUN_SHARE = 0.5;

    /**
     * @return the codec for this many-colour piece: MEDZ when negotiated and the piece is not mostly
     *     runs ({@link #QOIZ_RUN_SHARE}), else QOIZ (or 0 without either)
     */
    private static int manyColourCodec(int features, int[] rgb, int at, int stride, int w, int h) {
        int codec = manyColourCodec(features);
        if (codec == CodecId.MEDZ && (features & Feature.CODEC_QOIZ) != 0
                && org.svp.server.lossy.PhotoClassifier.runShare(rgb, at, stride, w, h) > QOIZ_RUN_SHARE) {
            return CodecId.QOIZ;
        }
        return codec;
    }

    /**
     * Bands of at most this many colours (text, UI) go to a ZSTREAM client's stream; more colours
     * (photos, gradients) go as QOIZ, which codes them better than RGB24 through zstd and which the
     * screen cache can key.
     */
    static final int STREAM_COLOURS = 256;

    /**
     * A stream band: its pixels in a direct buffer, compressed by each client's own stream when the
     * frame is written to its socket (see {@link WireFrame#streamRect()}): RGB24 bytes for ZSTREAM, or
     * for a TEXTZ client's variant the ints themselves in native order (one bulk copy here and one
     * there, where RGB24 cost a byte shuffle at both ends; {@code TextzEncoder#compressPixels}).
     */
    private static WireFrame stream(ByteBufAllocator alloc, int[] rgb, int at, int stride, int x, int y, int w, int h,
                                    int features) {
        if ((features & Feature.CODEC_TEXTZ) != 0) {
            int n = 4 * w * h;
            ByteBuf raw = alloc.directBuffer(n);
            IntBuffer ints = raw.nioBuffer(0, n).order(ByteOrder.nativeOrder()).asIntBuffer();
            for (int r = 0; r < h; r++) {
                ints.put(rgb, at + r * stride, w);
            }
            raw.writerIndex(n);
            return WireFrame.stream(raw, new Rect(x, y, w, h));
        }
        int n = 3 * w * h;
        ByteBuf raw = alloc.directBuffer(n);
        ZstreamCodec.putRgb24(rgb, at, stride, w, h, raw.nioBuffer(0, n));
        raw.writerIndex(n);
        return WireFrame.stream(raw, new Rect(x, y, w, h));
    }

    /** Body bytes of a SOLID_RECT, counted as its "encoded bytes". */
    private static final int SOLID_BODY = 12;

    /** A PALETTE bitmap with both forms, or null when it has more than 256 colours. */
    private WireFrame palette(ByteBufAllocator alloc, int[] rgb, int at, int stride, int x, int y, int w, int h, long t0) {
        EncodedData e = TOOLS.get().palette.encode(rgb, at, stride, w, h);
        if (e == null) {
            return null;
        }
        stats.codec("PALETTE").add(e.data().length, System.nanoTime() - t0);
        ByteBuf full = dirty(alloc, CodecId.PALETTE, x, y, w, h, e.data());
        ByteBuf ref = dirty(alloc, CodecId.PALETTE, x, y, w, h, e.cachedData());
        return new WireFrame(full, ref, e.paletteId(), e.palette());
    }

    /**
     * A many-colour band cut at the screen's grid ({@link PhotoTiles}): each piece with more than
     * {@link #STREAM_COLOURS} colours a keyed MEDZ/QOIZ tile ({@link #photoTile}); for a ZSTREAM client, the
     * pieces of few colours (text and UI beside a picture: a terminal next to a slideshow makes the
     * whole band many-colour) go through the client's stream instead, side by side pieces of a row
     * joined into one bitmap. Issue 13, on the recorded shared workload (42 s): 2 121 such pieces took
     * 2.63 MB as QOIZ and add 0.67 MB to the stream; they were almost never cache hits.
     */
    private void gridPieces(ByteBufAllocator alloc, int[] rgb, int at, int stride, int x, int y, int w, int h,
                            int features, List<WireFrame> out) {
        boolean streamed = (features & Feature.CODEC_ZSTREAM) != 0;
        int[] run = new int[4]; // the few-colour pieces waiting to be joined: x, y, w, h (w = 0: none)
        PhotoTiles.cut(x, y, w, h, (tx, ty, tw, th, whole) -> {
            int pat = at + (ty - y) * stride + (tx - x);
            if (streamed && ColourCount.atMost(rgb, pat, stride, tw, th, STREAM_COLOURS)) {
                if (run[2] > 0 && run[1] == ty && run[3] == th && run[0] + run[2] == tx) {
                    run[2] += tw;
                    return;
                }
                flushRun(alloc, rgb, at, stride, x, y, run, features, out);
                run[0] = tx;
                run[1] = ty;
                run[2] = tw;
                run[3] = th;
                return;
            }
            long key = whole || (long) tw * th >= PhotoTiles.MIN_KEYED_STRIP ? TileKeys.key(rgb, pat, stride, tw, th) : 0;
            HeldTiles hint = held;
            if (key != 0 && hint != null && hint.probablyHeld(key)) {
                out.add(WireFrame.lazy(new LazyTile(this, copy(rgb, pat, stride, tw, th), new Rect(tx, ty, tw, th),
                        features, hint.frameBytes(key)), key));
                stats.tilesNotCompressed.increment();
                return;
            }
            out.add(photoTile(alloc, rgb, pat, stride, tx, ty, tw, th, features, key));
        });
        flushRun(alloc, rgb, at, stride, x, y, run, features, out);
    }

    /** Sends the waiting few-colour pieces ({@link #gridPieces}) as one ZSTREAM bitmap, if any. */
    private static void flushRun(ByteBufAllocator alloc, int[] rgb, int at, int stride, int x, int y, int[] run,
                                 int features, List<WireFrame> out) {
        if (run[2] > 0) {
            out.add(stream(alloc, rgb, at + (run[1] - y) * stride + (run[0] - x), stride, run[0], run[1], run[2], run[3],
                    features));
            run[2] = 0;
        }
    }

    /**
     * One piece of a many-colour band cut at the grid, as MEDZ or QOIZ ({@link #manyColourCodec(int, int[], int,
     * int, int, int)}), with its content key if it has one (a whole grid tile or a strip of at least
     * {@link PhotoTiles#MIN_KEYED_STRIP} pixels).
     *
     * @param key its content key, 0 = none
     */
    private WireFrame photoTile(ByteBufAllocator alloc, int[] rgb, int at, int stride, int x, int y, int w, int h,
                                int features, long key) {
        ByteBuf frame = Frames.encode(alloc, new DirtyRect(photoTileBitmap(rgb, at, stride, x, y, w, h, features)));
        return key != 0 ? WireFrame.keyed(frame, key, new Rect(x, y, w, h)) : WireFrame.of(frame);
    }

    /**
     * Compresses a grid piece with the codec its pixels call for (counted). Encoder workers, or the I/O
     * thread for a {@link LazyTile} a client needed after all.
     *
     * @return the piece at (x, y) in RGB32
     */
    Bitmap photoTileBitmap(int[] rgb, int at, int stride, int x, int y, int w, int h, int features) {
        long t0 = System.nanoTime();
        int codec = manyColourCodec(features, rgb, at, stride, w, h);
        byte[] data = TOOLS.get().manyColour(codec).encode(rgb, at, stride, w, h).data();
        return count(CodecRegistry.byId(codec), data, x, y, w, h, t0);
    }

    /** @return the piece's pixels, {@code w} ints per row */
    private static int[] copy(int[] rgb, int at, int stride, int w, int h) {
        int[] out = new int[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(rgb, at + r * stride, out, r * w, w);
        }
        return out;
    }

    /** A many-colour band: H264 or JPEG unless {@code lossless}, else MEDZ/QOIZ if negotiated, else LZ4/RAW. */
    private WireFrame other(ByteBufAllocator alloc, int[] rgb, int at, int stride, int x, int y, int w, int h,
                            int features, boolean lossless, long t0) {
        Tools t = TOOLS.get();
        Bitmap b;
        // issue 13: video (H264) or photo (JPEG) bands
        org.svp.server.lossy.LossyPolicy policy = lossless ? null : lossy;
        byte[] video = policy == null ? null : policy.video(rgb, at, stride, new Rect(x, y, w, h), features);
        if (video != null) {
            b = count(CodecRegistry.byId(CodecId.H264), video, x, y, w, h, t0);
        } else if (manyColourCodec(features) != 0) {
            int codec = manyColourCodec(features, rgb, at, stride, w, h);
            byte[] q = t.manyColour(codec).encode(rgb, at, stride, w, h).data();
            byte[] jpeg = policy == null ? null : policy.jpeg(rgb, at, stride, new Rect(x, y, w, h), features, q.length);
            b = jpeg != null ? count(CodecRegistry.byId(CodecId.JPEG_LOSSY), jpeg, x, y, w, h, t0)
                    : count(CodecRegistry.byId(codec), q, x, y, w, h, t0);
        } else {
            b = v1(t, rgb, at, stride, x, y, w, h, t0);
        }
        return WireFrame.of(Frames.encode(alloc, new DirtyRect(b)));
    }

    private Bitmap v1(Tools t, int[] rgb, int offset, int stride, int x, int y, int w, int h, long t0) {
        EncodedData e = t.lz4.encode(rgb, offset, stride, w, h);
        if (e != null) {
            return count(CodecRegistry.byId(CodecId.LZ4), e.data(), x, y, w, h, t0);
        }
        return count(CodecRegistry.byId(CodecId.RAW), t.raw.encode(rgb, offset, stride, w, h).data(), x, y, w, h, t0);
    }

    private Bitmap count(BitmapCodec codec, byte[] data, int x, int y, int w, int h, long t0) {
        stats.codec(codec.name()).add(data.length, System.nanoTime() - t0);
        return new Bitmap(PixelFormat.RGB32, codec.id(), x, y, w, h, data);
    }

    private static ByteBuf dirty(ByteBufAllocator alloc, int codec, int x, int y, int w, int h, byte[] data) {
        return Frames.encode(alloc, new DirtyRect(new Bitmap(PixelFormat.RGB32, codec, x, y, w, h, data)));
    }

    private static boolean isSolid(int[] rgb, int at, int stride, int w, int h, int colour) {
        for (int y = 0; y < h; y++) {
            int row = at + y * stride;
            for (int x = 0; x < w; x++) {
                if ((rgb[row + x] & 0xFFFFFF) != colour) {
                    return false;
                }
            }
        }
        return true;
    }
}
