package org.svp.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * One zstd frame as the tail of a v2 codec's data, compressed without memory across frames (so the
 * result can be encoded once and sent to every client, and a dropped frame breaks nothing; see
 * protocol.md "Codecs"). The compressor keeps a native context, so one instance per encoder thread;
 * {@link #decompress} is static and allocates nothing but the zstd call's own state.
 */
public final class ZstdBlock {
    /** zstd level 1: 2.2 GB/s here, within a few per cent of level 3's size on desktop tiles (deps.md). */
    public static final int LEVEL = 1;

    private final ZstdCompressCtx ctx = new ZstdCompressCtx().setLevel(LEVEL);
    private byte[] out = new byte[0];

    /** Creates a compressor for the calling thread. */
    public ZstdBlock() {
    }

    /**
     * Compresses {@code src[0, len)} and writes {@code prefix} bytes of {@code head} then the frame into
     * a fresh array.
     *
     * @param head bytes that precede the frame (the codec's header)
     * @param prefix how many bytes of {@code head}
     * @param src input
     * @param len input bytes
     * @return header + frame
     */
    public byte[] compress(byte[] head, int prefix, byte[] src, int len) {
        int bound = (int) Zstd.compressBound(len) + prefix;
        if (out.length < bound) {
            out = new byte[bound];
        }
        System.arraycopy(head, 0, out, 0, prefix);
        int n = ctx.compressByteArray(out, prefix, bound - prefix, src, 0, len);
        return java.util.Arrays.copyOf(out, prefix + n);
    }

    /**
     * Decompresses one frame that must expand to exactly {@code exactLen} bytes.
     *
     * @param src data from a peer
     * @param off first byte of the frame
     * @param len bytes of the frame
     * @param dst output, room for {@code exactLen}
     * @param exactLen the announced length
     * @param what the codec's name, for errors
     * @param commandId the carrying message, for errors
     * @throws PeerProtocolException BAD_BITMAP for a corrupt frame or another length
     */
    public static void decompress(byte[] src, int off, int len, byte[] dst, int exactLen, String what, int commandId) {
        if (len <= 0) {
            throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, what + ": no zstd frame");
        }
        long n;
        try {
            n = Zstd.decompressByteArray(dst, 0, exactLen, src, off, len);
        } catch (RuntimeException e) {
            throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1,
                    what + ": corrupt zstd frame of " + len + " bytes: " + e.getMessage());
        }
        if (Zstd.isError(n)) {
            throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1,
                    what + ": corrupt zstd frame of " + len + " bytes: " + Zstd.getErrorName(n));
        }
        if (n != exactLen) {
            throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1,
                    what + ": zstd frame decodes to " + n + " bytes, announced " + exactLen);
        }
    }
}
