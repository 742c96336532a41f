package org.svp.codec;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * The v1 LZ4 codec (protocol.md §4): one bare LZ4 block, no frame and no stored length; the receiver
 * knows the decompressed length from the bitmap's size and format.
 *
 * <p>Owned by one thread (a {@link BitmapDecoder} or {@link BitmapEncoder}, or a test); not thread-safe
 * because of its scratch buffer. Uses the fastest LZ4 implementation available (JNI or pure Java); all
 * of them produce standard LZ4 blocks that any peer can read.
 */
public final class Lz4BlockCodec {
    private final LZ4Compressor compressor;
    private final LZ4SafeDecompressor decompressor;
    /** Worst-case output buffer for {@link #compress} when the caller's room is smaller; grows only. */
    private byte[] scratch = new byte[0];

    /** Creates a codec for the calling thread. */
    public Lz4BlockCodec() {
        LZ4Factory factory = LZ4Factory.fastestInstance();
        this.compressor = factory.fastCompressor();
        this.decompressor = factory.safeDecompressor();
    }

    /**
     * @param length
     *     input bytes
     * @return the largest block {@link #compress} can produce for that input
     */
    public int maxCompressedLength(int length) {
        return compressor.maxCompressedLength(length);
    }

    /**
     * Compresses into one LZ4 block, if it fits in {@code maxDst} bytes. Callers that want RAW when LZ4
     * does not shrink pass {@code maxDst = len - 1} and send RAW on -1.
     *
     * @param src
     *     input
     * @param off
     *     first input byte
     * @param len
     *     input bytes
     * @param dst
     *     output
     * @param dstOff
     *     first output byte
     * @param maxDst
     *     the most bytes that may be written to {@code dst}
     * @return the block's length, or -1 when it would be longer than {@code maxDst} (then the content of
     *     {@code dst} is unspecified)
     */
    public int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int maxDst) {
        int bound = compressor.maxCompressedLength(len);
        if (maxDst >= bound) {
            return compressor.compress(src, off, len, dst, dstOff, maxDst);
        }
        if (scratch.length < bound) {
            scratch = new byte[bound];
        }
        int n = compressor.compress(src, off, len, scratch, 0, bound);
        if (n > maxDst) {
            return -1;
        }
        System.arraycopy(scratch, 0, dst, dstOff, n);
        return n;
    }

    /**
     * Decompresses one LZ4 block that must expand to exactly {@code exactLen} bytes, for data from a
     * peer without a known message id (see {@link #decompress(byte[], int, int, byte[], int, int, int)}).
     *
     * @param src
     *     the block
     * @param off
     *     its first byte
     * @param len
     *     its length
     * @param dst
     *     output, with room for {@code exactLen} bytes from {@code dstOff}
     * @param dstOff
     *     first output byte
     * @param exactLen
     *     the length the block must decode to
     * @throws PeerProtocolException
     *     BAD_BITMAP when the block is corrupt or decodes to another length
     */
    public void decompress(byte[] src, int off, int len, byte[] dst, int dstOff, int exactLen) {
        decompress(src, off, len, dst, dstOff, exactLen, -1);
    }

    /**
     * Decompresses one LZ4 block that must expand to exactly {@code exactLen} bytes. Uses LZ4's safe
     * decoder, which never reads or writes outside the given ranges whatever the input.
     *
     * @param src
     *     the block
     * @param off
     *     its first byte
     * @param len
     *     its length
     * @param dst
     *     output, with room for {@code exactLen} bytes from {@code dstOff}
     * @param dstOff
     *     first output byte
     * @param exactLen
     *     the length the block must decode to
     * @param commandId
     *     the message id that carried the block, for the error (-1 if none)
     * @throws PeerProtocolException
     *     BAD_BITMAP when the block is corrupt or decodes to another length
     */
    public void decompress(byte[] src, int off, int len, byte[] dst, int dstOff, int exactLen, int commandId) {
        int n;
        try {
            n = decompressor.decompress(src, off, len, dst, dstOff, exactLen);
        } catch (LZ4Exception | IndexOutOfBoundsException e) {
            throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1,
                    "corrupt LZ4 block of " + len + " bytes (expected to decode to " + exactLen + "): "
                            + e.getMessage());
        }
        if (n != exactLen) {
            throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1,
                    "LZ4 block of " + len + " bytes decodes to " + n + " bytes, expected " + exactLen);
        }
    }
}
