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
 * EncodeManager). A region is cut into {@value #TILE}×{@value #TILE} tiles and each tile is classified:
 * <ul>
 *   <li>solid → a SOLID_RECT order (runs of same-colour solid tiles in a tile row are merged);</li>
 *   <li>at most 256 colours (text, UI) → PALETTE, its palette cached by the client;</li>
 *   <li>anything else (gradients, photos) → QOIZ;</li>
 *   <li>a codec the client did not negotiate → LZ4, or RAW where LZ4 does not shrink.</li>
 * </ul>
 * Regions seen before are the bitmap cache's business (h/cache), regions changing every frame the
 * video issue's. Every encoding is counted in {@link ServerStats#codecCounters()}.
 *
 * <p>One instance per server; thread-safe: the codec encoders (scratch buffers, zstd contexts) are
 * per thread. Called on the encoder workers, and on the I/O thread for resync bands.
 */
public final class EncodeManager {
    /** Tile edge in pixels: small enough to isolate text from photos, large enough for zstd. */
    public static final int TILE = 64;

    /** A thread's codec encoders. */
    private static final class Tools {
        final BitmapCodec.Encoder raw = CodecRegistry.byId(CodecId.RAW).newEncoder();
        final BitmapCodec.Encoder lz4 = CodecRegistry.byId(CodecId.LZ4).newEncoder();
        final BitmapCodec.Encoder palette = CodecRegistry.byId(CodecId.PALETTE).newEncoder();
        final BitmapCodec.Encoder qoiz = CodecRegistry.byId(CodecId.QOIZ).newEncoder();
    }

    private static final ThreadLocal<Tools> TOOLS = ThreadLocal.withInitial(Tools::new);

    private final ServerStats stats;

    /** @param stats where the per-codec counters go */
    public EncodeManager(ServerStats stats) {
        this.stats = stats;
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
        try {
            for (int ty = 0; ty < area.height(); ty += TILE) {
                int th = Math.min(TILE, area.height() - ty);
                int solidStart = -1;
                int solidColour = 0;
                for (int tx = 0; tx < area.width(); tx += TILE) {
                    int tw = Math.min(TILE, area.width() - tx);
                    int at = offset + ty * stride + tx;
                    long t0 = System.nanoTime();
                    int colour = rgb[at] & 0xFFFFFF;
                    boolean solid = isSolid(rgb, at, stride, tw, th, colour);
                    if (solid && solidStart >= 0 && colour == solidColour) {
                        stats.codec("SOLID").add(0, System.nanoTime() - t0);
                        continue;
                    }
                    if (solidStart >= 0) {
                        out.add(solid(alloc, area, solidStart, tx, ty, th, solidColour));
                        solidStart = -1;
                    }
                    if (solid) {
                        solidStart = tx;
                        solidColour = colour;
                        stats.codec("SOLID").add(SOLID_BODY, System.nanoTime() - t0);
                        continue;
                    }
                    out.add(tile(alloc, rgb, at, stride, area.x() + tx, area.y() + ty, tw, th, features, t0));
                }
                if (solidStart >= 0) {
                    out.add(solid(alloc, area, solidStart, area.width(), ty, th, solidColour));
                }
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

    private WireFrame solid(ByteBufAllocator alloc, Rect area, int fromTx, int toTx, int ty, int th, int colour) {
        Rect r = new Rect(area.x() + fromTx, area.y() + ty, toTx - fromTx, th);
        return WireFrame.of(Frames.encode(alloc, new SolidRect(r, colour)));
    }

    private WireFrame tile(ByteBufAllocator alloc, int[] rgb, int at, int stride, int x, int y, int w, int h,
                           int features, long t0) {
        Tools t = TOOLS.get();
        if ((features & Feature.CODEC_PALETTE) != 0) {
            EncodedData e = t.palette.encode(rgb, at, stride, w, h);
            if (e != null) {
                stats.codec("PALETTE").add(e.data().length, System.nanoTime() - t0);
                ByteBuf full = dirty(alloc, CodecId.PALETTE, x, y, w, h, e.data());
                ByteBuf ref = dirty(alloc, CodecId.PALETTE, x, y, w, h, e.cachedData());
                return new WireFrame(full, ref, e.paletteId(), e.palette());
            }
        }
        Bitmap b;
        if ((features & Feature.CODEC_QOIZ) != 0) {
            b = count(CodecRegistry.byId(CodecId.QOIZ), t.qoiz.encode(rgb, at, stride, w, h).data(), x, y, w, h, t0);
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
