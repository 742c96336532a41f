package org.svp.codec;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.svp.codec.h264.H264Codec;
import org.svp.codec.h264.H264Stream;
import org.svp.codec.jpeg.JpegCodec;
import org.svp.codec.palette.PaletteCodec;
import org.svp.codec.med.MedZstdCodec;
import org.svp.codec.qoi.QoiZstdCodec;
import org.svp.codec.textz.TextzCodec;
import org.svp.codec.zstream.ZstreamCodec;
import org.svp.protocol.CodecId;
import org.svp.protocol.Feature;

/**
 * Every bitmap codec this build knows, by wire id: RAW 0 and LZ4 1 (v1), PALETTE 3, QOIZ 4, MEDZ 5, TEXTZ 6, ZSTREAM 8, JPEG 10 and H264 11 (v2;
 * new codec ids are 3–99, protocol.md §9). Immutable; read from any thread. The later lossy and video
 * codecs register here too.
 */
public final class CodecRegistry {
    private static final List<BitmapCodec> ALL =
            List.of(new RawCodec(), new Lz4Codec(), new PaletteCodec(), new QoiZstdCodec(), new MedZstdCodec(),
                    new TextzCodec(), new ZstreamCodec(),
                    new JpegCodec(), new H264Codec());
    private static final Map<Integer, BitmapCodec> BY_ID =
            ALL.stream().collect(Collectors.toUnmodifiableMap(BitmapCodec::id, Function.identity()));

    private CodecRegistry() {
    }

    /** @return every codec, v1 first */
    public static List<BitmapCodec> all() {
        return ALL;
    }

    /**
     * @param id a wire codec id
     * @return the codec, or null when unknown
     */
    public static BitmapCodec byId(int id) {
        return BY_ID.get(id);
    }

    /**
     * @param id a codec id
     * @return whether it is a v2 codec (decodable only after negotiation)
     */
    public static boolean isV2(int id) {
        return id >= 3 && id <= 99 && BY_ID.containsKey(id);
    }

    /**
     * The display-channel feature bit that announces a v2 codec (protocol.md "Codecs").
     *
     * @param id a v2 codec id
     * @return its feature bit, 0 for v1 or unknown codecs
     */
    public static int featureBit(int id) {
        return switch (id) {
            case CodecId.PALETTE -> Feature.CODEC_PALETTE;
            case CodecId.QOIZ -> Feature.CODEC_QOIZ;
            case CodecId.MEDZ -> Feature.CODEC_MEDZ;
            case CodecId.TEXTZ -> Feature.CODEC_TEXTZ;
            case CodecId.ZSTREAM -> Feature.CODEC_ZSTREAM;
            case CodecId.JPEG_LOSSY -> Feature.CODEC_JPEG;
            case CodecId.H264 -> Feature.CODEC_H264;
            default -> 0;
        };
    }

    /** @return the feature bits of every v2 codec this build decodes and encodes (H264 only with openh264) */
    public static int v2Features() {
        return Feature.CODEC_PALETTE | Feature.CODEC_QOIZ | Feature.CODEC_MEDZ | Feature.CODEC_TEXTZ | Feature.CODEC_ZSTREAM
                | Feature.CODEC_JPEG
                | (H264Stream.available() ? Feature.CODEC_H264 : 0);
    }

    /**
     * @return what a server accepts on the display channel besides its GDI/LZ4/cache bits: every v2
     *     codec and the client's quality override ({@link Feature#QUALITY_MASK}, not a codec)
     */
    public static int acceptedFeatures() {
        return v2Features() | Feature.QUALITY_MASK;
    }
}
