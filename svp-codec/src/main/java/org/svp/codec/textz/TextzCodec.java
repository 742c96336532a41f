package org.svp.codec.textz;

import org.svp.codec.BitmapCodec;
import org.svp.protocol.CodecId;

/**
 * TEXTZ (codec 6, protocol.md "Codecs"): a few-colour bitmap as a <em>program</em> of strips — uniform
 * rows, pixel rows, and text rows drawn as glyphs on a background — where each glyph is either drawn
 * from a slot of a per-connection glyph cache or sent as pixels (and optionally stored in a slot). The
 * program travels through one zstd stream per display connection, like ZSTREAM's, so glyph pixels and
 * slot sequences seen earlier compress too.
 *
 * <p>Why: a terminal's new line is mostly glyphs the client has drawn before. ZSTREAM finds them again
 * in the zstd window, at the price of pushing every pixel (3 bytes) through zstd's match finder on the
 * I/O thread: on the shared workload about 0.7 KB and a few hundred µs per new line. As glyph references
 * a line is ~6 bytes per character before zstd, found with one cheap hash per glyph (docs/benchmarks.md
 * "TEXTZ").
 *
 * <p>State: encoder and decoder are per connection and must see every TEXTZ bitmap of the connection in
 * order (the server encodes as it writes to the socket, like ZSTREAM). Not thread-safe.
 */
public final class TextzCodec implements BitmapCodec {
    /** Glyph slots of a connection (u16 slot ids below this). */
    public static final int SLOTS = 4096;
    /** Pixels of one stored glyph at most (width × rows), so a client's cache stays ≤ 16 MiB. */
    public static final int MAX_GLYPH_PIXELS = 1024;
    /** Widest glyph: a run of non-background columns is cut into pieces of at most this width. */
    public static final int MAX_GLYPH_WIDTH = 64;
    /** Rows of one strip at most (u8 rows − 1). */
    public static final int MAX_STRIP_ROWS = 256;

    static final int KIND_PIXELS = 0;
    static final int KIND_TEXT = 1;
    static final int OP_CACHED = 0;
    static final int OP_STORE = 1;
    static final int OP_LITERAL = 2;

    @Override
    public int id() {
        return CodecId.TEXTZ;
    }

    @Override
    public String name() {
        return "TEXTZ";
    }

    @Override
    public TextzEncoder newEncoder() {
        return new TextzEncoder();
    }

    @Override
    public Decoder newDecoder() {
        return new TextzDecoder();
    }

    /**
     * The longest program a w×h bitmap can need (protocol.md): 7 bytes of strip header per row and, per
     * pixel, an 8-byte glyph header plus its 3 bytes (one-pixel glyphs).
     *
     * @param w columns
     * @param h rows
     * @return the bound in bytes
     */
    static long maxProgram(int w, int h) {
        return 11L * w * h + 7L * h;
    }
}
