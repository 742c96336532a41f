package org.svp.codec.zstream;

import com.github.luben.zstd.ZstdDecompressCtx;
import java.nio.ByteBuffer;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * The receiving end of one never-ending zstd stream whose chunks each end with a flush (ZSTREAM and
 * TEXTZ, protocol.md "Codecs"): inflates one chunk to exactly the number of bytes its bitmap needs and
 * checks that the chunk is used up exactly. Used by those codecs' per-connection decoders, on the
 * connection's display thread; not thread-safe; holds a native zstd context.
 */
public final class StreamInflater {
    private final ZstdDecompressCtx ctx = new ZstdDecompressCtx();
    private final ByteBuffer probe = ByteBuffer.allocateDirect(1);
    private final String codec;
    private ByteBuffer in = ByteBuffer.allocateDirect(16 * 1024);
    private ByteBuffer out = ByteBuffer.allocateDirect(64 * 1024);

    /** @param codec the codec's name, for error messages */
    public StreamInflater(String codec) {
        this.codec = codec;
    }

    /**
     * Inflates the next chunk.
     *
     * @param data the chunk as received (not empty)
     * @param n the exact number of bytes it must decode to (≥ 1)
     * @param commandId the carrying message's id, for errors
     * @return a buffer holding the n bytes from position 0 to its limit; valid until the next call
     * @throws PeerProtocolException BAD_BITMAP if the chunk decodes to fewer or more bytes, or is corrupt
     */
    public ByteBuffer inflate(byte[] data, int n, int commandId) {
        return inflate(data, 0, n, commandId);
    }

    /**
     * Inflates the next chunk: {@code data} from {@code from} to its end (a codec's own header before
     * it, e.g. TEXTZ's program length, is not copied out first).
     *
     * @param data the bitmap's data
     * @param from where the chunk starts in it
     * @param n the exact number of bytes it must decode to (≥ 1)
     * @param commandId the carrying message's id, for errors
     * @return a buffer holding the n bytes from position 0 to its limit; valid until the next call
     * @throws PeerProtocolException BAD_BITMAP if the chunk is empty, decodes to fewer or more bytes,
     *     or is corrupt
     */
    public ByteBuffer inflate(byte[] data, int from, int n, int commandId) {
        int size = data.length - from;
        if (size <= 0) {
            throw bad(commandId, "no data");
        }
        if (in.capacity() < size) {
            in = ByteBuffer.allocateDirect(size);
        }
        in.clear();
        in.put(data, from, size).flip();
        // the output grows as the chunk really decodes: a chunk of a few bytes that claims a huge bitmap
        // must not make this connection allocate (and keep) the claimed size
        out.clear().limit(Math.min(n, out.capacity()));
        try {
            while (true) {
                int ip = in.position();
                int op = out.position();
                ctx.decompressDirectByteBufferStream(out, in);
                if (!out.hasRemaining() && out.limit() < n) {
                    ByteBuffer bigger = ByteBuffer.allocateDirect((int) Math.min(n, 2L * out.capacity()));
                    out.flip();
                    bigger.put(out);
                    out = bigger;
                    out.limit(out.capacity());
                    continue;
                }
                if (!out.hasRemaining() || in.position() == ip && out.position() == op) {
                    break;
                }
            }
            if (out.position() < n) {
                throw bad(commandId, "chunk of " + size + " bytes decodes to " + out.position()
                        + " bytes, " + n + " announced");
            }
            // the chunk must be used up exactly: nothing left to read, nothing more to write
            probe.clear();
            ctx.decompressDirectByteBufferStream(probe, in);
            if (in.hasRemaining() || probe.position() != 0) {
                throw bad(commandId, "chunk of " + size + " bytes decodes to more than the " + n
                        + " bytes announced");
            }
        } catch (RuntimeException e) {
            if (e instanceof PeerProtocolException p) {
                throw p;
            }
            throw bad(commandId, "corrupt chunk of " + size + " bytes: " + e.getMessage());
        }
        return out.flip();
    }

    /**
     * @param commandId the carrying message's id
     * @param detail what is wrong
     * @return a BAD_BITMAP error naming this stream's codec
     */
    public PeerProtocolException bad(int commandId, String detail) {
        return new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, codec + ": " + detail);
    }
}
