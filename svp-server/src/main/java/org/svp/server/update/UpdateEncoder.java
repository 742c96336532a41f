package org.svp.server.update;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.svp.codec.BitmapEncoder;
import org.svp.netty.Frames;
import org.svp.protocol.CodecId;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.RestoreScreen;
import org.svp.source.SourceUpdate;

/**
 * The encoder worker's job (seed §2.1 step 4): turn a source update into wire frames. Bitmaps are
 * converted to RGB32 and compressed once per codec some client wants; other orders are encoded once
 * for every client. Runs on an encoder worker thread; each worker has its own {@link BitmapEncoder}
 * (scratch buffers are per thread, never shared).
 */
public final class UpdateEncoder {
    private static final ThreadLocal<BitmapEncoder> ENCODER = ThreadLocal.withInitial(BitmapEncoder::new);

    private final ByteBufAllocator alloc;

    /** @param alloc where frames are allocated (thread-safe pooled allocator) */
    public UpdateEncoder(ByteBufAllocator alloc) {
        this.alloc = alloc;
    }

    /**
     * Encodes one update. Worker thread.
     *
     * @param draw the source's orders
     * @param codecs the codecs connected clients prefer (RAW and/or LZ4)
     * @return the frames, owned by the caller
     */
    public EncodedUpdate encode(SourceUpdate.Draw draw, Set<Integer> codecs) {
        List<EncodedMessage> out = new ArrayList<>(draw.messages().size());
        try {
            for (DisplayMessage m : draw.messages()) {
                Bitmap bitmap = bitmapOf(m);
                if (bitmap == null) {
                    out.add(EncodedMessage.shared(m, Frames.encode(alloc, m)));
                } else {
                    ByteBuf raw = codecs.contains(CodecId.RAW) ? frame(m, bitmap, CodecId.RAW) : null;
                    ByteBuf lz4 = codecs.contains(CodecId.LZ4) || raw == null ? frame(m, bitmap, CodecId.LZ4) : null;
                    out.add(EncodedMessage.perCodec(m, raw, lz4));
                }
            }
        } catch (RuntimeException e) {
            out.forEach(EncodedMessage::release);
            throw e;
        }
        return new EncodedUpdate(out);
    }

    private ByteBuf frame(DisplayMessage m, Bitmap bitmap, int codec) {
        Bitmap wire = ENCODER.get().transcode(bitmap, codec);
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
