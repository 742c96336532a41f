package org.svp.source.vnc.rfb;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One zlib stream of an RFB connection (ZRLE has one, Tight four): the compressed bytes of each
 * rectangle continue the stream of the previous one, so the {@link Inflater} lives as long as the
 * connection (or until Tight's reset bit). Decoder thread only.
 *
 * <p>Per rectangle: {@link #feed} the compressed bytes, read exactly what the rectangle needs, then
 * {@link #endRect}, which inflates whatever input is left (the server's flush marker) so the next
 * rectangle starts at the right place; more than {@value #MAX_TRAILING} bytes of output there is an
 * error, so a zlib bomb cannot make us inflate without bound.
 */
public final class ZlibStream {
    /** Output allowed after what a rectangle needed (a sync flush produces none). */
    static final int MAX_TRAILING = 64 * 1024;

    private final String name;
    private final Inflater inflater = new Inflater();
    private final byte[] chunk = new byte[32 * 1024];
    private int chunkPos;
    private int chunkLen;

    /** @param name for errors, e.g. "ZRLE" or "Tight stream 2" */
    public ZlibStream(String name) {
        this.name = name;
    }

    /** Starts a rectangle's compressed bytes. */
    public void feed(byte[] compressed) {
        inflater.setInput(compressed);
        chunkPos = 0;
        chunkLen = 0;
    }

    /** @return the next inflated byte */
    public int u8() {
        if (chunkPos == chunkLen) {
            refill();
        }
        return chunk[chunkPos++] & 0xFF;
    }

    /** Reads exactly {@code len} inflated bytes. */
    public void read(byte[] dst, int off, int len) {
        while (len > 0) {
            if (chunkPos == chunkLen) {
                refill();
            }
            int n = Math.min(len, chunkLen - chunkPos);
            System.arraycopy(chunk, chunkPos, dst, off, n);
            chunkPos += n;
            off += n;
            len -= n;
        }
    }

    private void refill() {
        try {
            int n = inflater.inflate(chunk);
            if (n == 0) {
                throw Malformed.of(name + " data ended before the rectangle did");
            }
            chunkPos = 0;
            chunkLen = n;
        } catch (DataFormatException e) {
            throw Malformed.of(name + " zlib data is corrupt (" + e.getMessage() + ")");
        }
    }

    /** Consumes the rest of the rectangle's input (see the class comment). */
    public void endRect() {
        long extra = chunkLen - chunkPos;
        try {
            while (!inflater.needsInput() && !inflater.finished() && !inflater.needsDictionary()) {
                int n = inflater.inflate(chunk);
                extra += n;
                if (extra > MAX_TRAILING) {
                    throw Malformed.of(name + " rectangle has more than " + MAX_TRAILING + " bytes of data left over");
                }
                if (n == 0) {
                    break; // nothing more comes out of what was fed
                }
            }
        } catch (DataFormatException e) {
            throw Malformed.of(name + " zlib data is corrupt (" + e.getMessage() + ")");
        }
        chunkPos = 0;
        chunkLen = 0;
    }

    /** Starts the stream afresh (Tight's reset bit; a new connection). */
    public void reset() {
        inflater.reset();
        chunkPos = 0;
        chunkLen = 0;
    }

    /** Frees the native inflater. */
    public void close() {
        inflater.end();
    }
}
