package org.svp.server.update;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.svp.codec.BitmapDecoder;
import org.svp.codec.BitmapEncoder;
import org.svp.netty.Frames;
import org.svp.protocol.CodecId;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.RestoreScreen;
import org.svp.server.ServerStats;
import org.svp.server.encode.CodecChoice;
import org.svp.server.encode.EncodeManager;
import org.svp.server.encode.WireFrame;
import org.svp.source.SourceUpdate;

/**
 * The encoder worker's job (seed §2.1 step 4): turn a source update into wire frames. Bitmaps are
 * encoded once per {@link CodecChoice} some client wants: for v1 clients converted to RGB32 in RAW or
 * LZ4 exactly as v1 did; for v2 clients through the {@link EncodeManager}. Other orders are encoded
 * once for every client. Runs on an encoder worker thread; each worker has its own {@link BitmapEncoder}
 * (scratch buffers are per thread, never shared).
 */
public final class UpdateEncoder {
    private static final ThreadLocal<BitmapEncoder> ENCODER = ThreadLocal.withInitial(BitmapEncoder::new);
    /** Decodes source bitmaps (RAW/LZ4, stateless) to pixels for the encode manager. */
    private static final ThreadLocal<BitmapDecoder> DECODER = ThreadLocal.withInitial(BitmapDecoder::new);
    /** Decoded source pixels of the message being encoded; per worker, grows only. */
    private static final ThreadLocal<int[]> PIXELS = ThreadLocal.withInitial(() -> new int[0]);

    private final ByteBufAllocator alloc;
    private final ServerStats stats;
    private final EncodeManager manager;
    /** Where JPEG bands wait for their refresh; null on a lossless server. */
    private volatile org.svp.server.lossy.LossyRegions lossyRegions;

    /**
     * @param alloc where frames are allocated (thread-safe pooled allocator)
     * @param stats where the per-codec counters go
     */
    public UpdateEncoder(ByteBufAllocator alloc, ServerStats stats) {
        this.alloc = alloc;
        this.stats = stats;
        this.manager = new EncodeManager(stats);
    }

    /**
     * @param policy which bands of v2 clients go JPEG (issue 13); set before the first update
     * @return this
     */
    public UpdateEncoder lossy(org.svp.server.lossy.LossyPolicy policy) {
        manager.lossy(policy);
        this.lossyRegions = policy == null ? null : policy.regions();
        return this;
    }

    /**
     * @param hint keys the clients' screen caches probably hold (their grid tiles are left uncompressed,
     *     {@link org.svp.server.encode.LazyTile}); set before the first update
     * @return this
     */
    public UpdateEncoder heldTiles(org.svp.server.encode.HeldTiles hint) {
        manager.heldTiles(hint);
        return this;
    }

    /**
     * Tells the lossy refresh that a SCREEN_BLT was dispatched: lossy pixels it copied must be refreshed
     * where they went too. I/O thread, in source order ({@link UpdatePipeline}).
     *
     * @param blt the order
     */
    public void dispatched(org.svp.protocol.message.ScreenBlt blt) {
        if (lossyRegions != null) {
            Rect dst = blt.rect();
            lossyRegions.copied(new Rect(blt.srcX(), blt.srcY(), dst.width(), dst.height()), dst.x() - blt.srcX(),
                    dst.y() - blt.srcY());
        }
    }

    /**
     * Encodes one update. Worker thread.
     *
     * @param draw the source's orders
     * @param codecs what the connected clients decode (each choice is encoded once)
     * @return the frames, owned by the caller
     */
    public EncodedUpdate encode(SourceUpdate.Draw draw, Set<CodecChoice> codecs) {
        return encode(draw, codecs, false);
    }

    /**
     * Encodes one update; with {@code tileKeys} the many-colour parts of DIRTY_RECTs for v2 clients are
     * cut into grid tiles with screen-cache content keys ({@link EncodeManager}; here on the worker, so
     * the I/O thread only compares keys). Worker thread.
     *
     * @param draw the source's orders
     * @param codecs what the connected clients decode
     * @param tileKeys some client has a screen cache
     * @return the frames, owned by the caller
     */
    public EncodedUpdate encode(SourceUpdate.Draw draw, Set<CodecChoice> codecs, boolean tileKeys) {
        return encode(draw, codecs, tileKeys, 0);
    }

    /**
     * As {@link #encode(SourceUpdate.Draw, Set, boolean)}, for the update with dispatch number
     * {@code seq} (H.264 streams need their frames in dispatch order). Lossy frames are never keyed for
     * the screen cache (a CACHE_DRAW of them would never be refreshed): EncodeManager keys only its
     * lossless grid tiles. Worker thread.
     */
    public EncodedUpdate encode(SourceUpdate.Draw draw, Set<CodecChoice> codecs, boolean tileKeys, long seq) {
        org.svp.server.lossy.LossyPolicy.beginUpdate(seq, draw.captureNanos());
        org.svp.server.lossy.LossyPolicy.takeUsed();
        return encodeFrames(draw, codecs, tileKeys);
    }

    private EncodedUpdate encodeFrames(SourceUpdate.Draw draw, Set<CodecChoice> codecs, boolean tileKeys) {
        List<EncodedMessage> out = new ArrayList<>(draw.messages().size());
        Map<CodecChoice, List<WireFrame>> frames = null; // being built, not yet in out
        try {
            for (int k = 0; k < draw.messages().size(); k++) {
                DisplayMessage m = draw.messages().get(k);
                Bitmap bitmap = bitmapOf(m);
                if (bitmap == null) {
                    out.add(EncodedMessage.shared(m, WireFrame.of(Frames.encode(alloc, m))));
                    continue;
                }
                frames = new LinkedHashMap<>();
                int[] pixels = null;
                for (CodecChoice c : codecs.isEmpty() ? Set.of(CodecChoice.V1_LZ4) : codecs) {
                    if (!c.v2()) {
                        frames.put(c, List.of(WireFrame.of(frame(m, bitmap, c.v1Codec()))));
                        continue;
                    }
                    if (pixels == null) {
                        // a DIRTY_RECT's pixels go on to the mirror (a fresh array: it lives until
                        // dispatch); the others' only to the codecs (this worker's scratch)
                        int n = bitmap.width() * bitmap.height();
                        int[] given = draw.pixelsOf(k);
                        if (given != null && m instanceof DirtyRect && given.length >= n) {
                            pixels = given; // the source's ints: no second conversion
                        } else {
                            pixels = m instanceof DirtyRect ? new int[n] : pixelScratch(n);
                            DECODER.get().decodeInto(bitmap, m.command().wireId(), pixels, 0, bitmap.width());
                        }
                    }
                    frames.put(c, v2(m, bitmap, pixels, c.features(), tileKeys));
                }
                out.add(EncodedMessage.perChoice(m, frames, m instanceof DirtyRect ? pixels : null));
                frames = null;
            }
        } catch (RuntimeException e) {
            out.forEach(EncodedMessage::release);
            if (frames != null) {
                frames.values().forEach(l -> l.forEach(WireFrame::release));
            }
            throw e;
        }
        return new EncodedUpdate(out);
    }

    /** @return this worker's pixel buffer with room for {@code n} pixels (grows only; no 4 MB garbage per frame) */
    private static int[] pixelScratch(int n) {
        int[] a = PIXELS.get();
        if (a.length < n) {
            a = new int[n];
            PIXELS.set(a);
        }
        return a;
    }

    /** The encode manager's frames for v2 clients: tiles for DIRTY_RECT, one bitmap for the others. */
    private List<WireFrame> v2(DisplayMessage m, Bitmap bitmap, int[] pixels, int features, boolean tileKeys) {
        int w = bitmap.width();
        int h = bitmap.height();
        if (m instanceof DirtyRect) {
            return manager.encodeArea(alloc, pixels, 0, w, new Rect(bitmap.x(), bitmap.y(), w, h), features, tileKeys);
        }
        Bitmap b = manager.encodeWhole(pixels, 0, w, bitmap.x(), bitmap.y(), w, h, features);
        return List.of(WireFrame.of(Frames.encode(alloc, withBitmap(m, b))));
    }

    private ByteBuf frame(DisplayMessage m, Bitmap bitmap, int codec) {
        long t0 = System.nanoTime();
        Bitmap wire = ENCODER.get().transcode(bitmap, codec);
        stats.codec(CodecId.name(wire.codec())).add(wire.data().length, System.nanoTime() - t0);
        return Frames.encode(alloc, withBitmap(m, wire));
    }

    /**
     * @param m a display message
     * @return its bitmap, or null if it carries none
     */
    static Bitmap bitmapOf(DisplayMessage m) {
        return switch (m) {
            case DirtyRect d -> d.bitmap();
            case CachedBitmap c -> c.bitmap();
            case RestoreScreen r -> r.bitmap();
            default -> null;
        };
    }

    /**
     * @param m a message that carries a bitmap
     * @param b the replacement bitmap
     * @return the same message with {@code b}
     */
    static DisplayMessage withBitmap(DisplayMessage m, Bitmap b) {
        return switch (m) {
            case DirtyRect d -> new DirtyRect(b);
            case CachedBitmap c -> new CachedBitmap(c.hash(), b);
            case RestoreScreen r -> new RestoreScreen(r.p1(), r.p2(), r.ident(), b);
            default -> throw new IllegalArgumentException(m.command() + " carries no bitmap");
        };
    }
}
