package org.svp.server.encode;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.svp.codec.BitmapCodec;
import org.svp.codec.CodecRegistry;
import org.svp.codec.EncodedData;
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
 *   <li>at most 256 colours (text, UI) → PALETTE, its palette cached by the client;</li>
 *   <li>anything else (gradients, photos, mixed) → QOIZ;</li>
 *   <li>a codec the client did not negotiate → LZ4, or RAW where LZ4 does not shrink.</li>
 * </ul>
 * Regions seen before are the bitmap cache's business (h/cache), regions changing every frame the
 * video issue's. Every encoding is counted in {@link ServerStats#codecCounters()}.
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
    }

    private static final ThreadLocal<Tools> TOOLS = ThreadLocal.withInitial(Tools::new);

    private final ServerStats stats;
    /** Issue 13's hook: may replace a band's QOIZ by JPEG; null = lossless only (resync, late join). */
    private volatile org.svp.server.lossy.LossyPolicy lossy;

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
                WireFrame p = (features & Feature.CODEC_PALETTE) != 0 ? palette(alloc, rgb, at, stride, x, y, w, h, t0) : null;
                out.add(p != null ? p : other(alloc, rgb, at, stride, x, y, w, h, features, t0));
            }
        } catch (RuntimeException e) {
            out.forEach(WireFrame::release);
            throw e;
        }
        return out;
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

    /** A many-colour band: QOIZ if negotiated, else LZ4/RAW. */
    private WireFrame other(ByteBufAllocator alloc, int[] rgb, int at, int stride, int x, int y, int w, int h,
                            int features, long t0) {
        Tools t = TOOLS.get();
        Bitmap b;
        org.svp.server.lossy.LossyPolicy policy = lossy; // issue 13: video (H264) or photo (JPEG) bands
        byte[] video = policy == null ? null : policy.video(rgb, at, stride, new Rect(x, y, w, h), features);
        if (video != null) {
            b = count(CodecRegistry.byId(CodecId.H264), video, x, y, w, h, t0);
        } else if ((features & Feature.CODEC_QOIZ) != 0) {
            byte[] q = t.qoiz.encode(rgb, at, stride, w, h).data();
            byte[] jpeg = policy == null ? null : policy.jpeg(rgb, at, stride, new Rect(x, y, w, h), features, q.length);
            b = jpeg != null ? count(CodecRegistry.byId(CodecId.JPEG_LOSSY), jpeg, x, y, w, h, t0)
                    : count(CodecRegistry.byId(CodecId.QOIZ), q, x, y, w, h, t0);
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
