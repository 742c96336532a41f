package org.svp.bench.codec;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.svp.codec.BitmapCodec;
import org.svp.codec.CodecRegistry;
import org.svp.codec.EncodedData;
import org.svp.codec.sample.SampleTiles;
import org.svp.protocol.CodecId;

/**
 * JMH micro-benchmark of every codec on the sample desktop tiles: encode and decode time per tile
 * (average mode, µs). {@link CodecsBench} turns it into MB/s of pixels and adds the compression ratio;
 * run it with {@code ./svp bench codecs}. One thread, the codec's own per-thread state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {
    /**
     * Codec name (RAW, LZ4, PALETTE, QOIZ, MEDZ, TEXTZ, ZSTREAM, and the lossy JPEG and H264). TEXTZ and ZSTREAM keep a stream per
     * connection: here every operation runs on a fresh stream (a connection's first bitmap, the context
     * set-up included), since encoding the same tile again into one stream would measure a repeat, and a
     * chunk decodes only once. H264 encodes the same tile again and again, i.e. P frames of a still
     * picture after the first IDR; decode repeats the IDR.
     */
    @Param({"LZ4", "PALETTE", "QOIZ", "MEDZ", "TEXTZ", "ZSTREAM", "JPEG", "H264"})
    public String codec;

    /** Sample tile name ({@link SampleTiles}). */
    @Param({"xterm-desktop-1280x800", "xterm-text", "photo"})
    public String tile;

    private BitmapCodec codecImpl;
    private boolean freshStream;
    private BitmapCodec.Encoder encoder;
    private BitmapCodec.Decoder decoder;
    private SampleTiles.Tile t;
    private byte[] encoded;
    private int[] out;

    /** Loads the tile and encodes it once (the decode benchmark's input). */
    @Setup
    public void setup() {
        BitmapCodec c = byName(codec);
        codecImpl = c;
        freshStream = c.id() == CodecId.ZSTREAM || c.id() == CodecId.TEXTZ;
        t = CodecsBench.tile(tile);
        encoder = c.newEncoder();
        decoder = c.newDecoder();
        EncodedData e = encoder.encode(t.rgb(), 0, t.w(), t.w(), t.h());
        if (e == null) { // the codec declines this tile (too many colours); measure its refusal
            e = CodecRegistry.byId(CodecId.RAW).newEncoder().encode(t.rgb(), 0, t.w(), t.w(), t.h());
            decoder = CodecRegistry.byId(CodecId.RAW).newDecoder();
        }
        encoded = e.data();
        out = new int[t.w() * t.h()];
    }

    /** @return the encoding (consumed by JMH) */
    @Benchmark
    public EncodedData encode() {
        if (freshStream) {
            BitmapCodec.Encoder stream = codecImpl.newEncoder();
            EncodedData e = stream.encode(t.rgb(), 0, t.w(), t.w(), t.h());
            switch (stream) { // both hold a native zstd context
                case org.svp.codec.zstream.ZstreamCodec.StreamEncoder z -> z.close();
                case org.svp.codec.textz.TextzEncoder x -> x.close();
                default -> { }
            }
            return e;
        }
        return encoder.encode(t.rgb(), 0, t.w(), t.w(), t.h());
    }

    /** @return the pixels (consumed by JMH) */
    @Benchmark
    public int[] decode() {
        (freshStream ? codecImpl.newDecoder() : decoder).decode(encoded, t.w(), t.h(), out, 0, t.w(), 0);
        return out;
    }

    static BitmapCodec byName(String name) {
        return CodecRegistry.all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no codec " + name));
    }
}
