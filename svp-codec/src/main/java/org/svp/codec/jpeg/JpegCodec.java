package org.svp.codec.jpeg;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.codec.BitmapCodec;
import org.svp.protocol.CodecId;

/**
 * JPEG (codec 10, feature bit {@link org.svp.protocol.Feature#CODEC_JPEG}; docs/protocol.md "Codecs"):
 * lossy, for photographic regions only, always followed by a lossless refresh of the region once it
 * stops changing (the server's LossyPolicy). Data: one baseline JFIF stream whose frame is exactly the
 * bitmap's w×h (4:4:4 or 4:2:0, 8-bit YCbCr). libturbojpeg through FFM; JDK ImageIO when it is
 * missing (logged once).
 */
public final class JpegCodec implements BitmapCodec {
    private static final Logger LOG = LoggerFactory.getLogger(JpegCodec.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    @Override
    public int id() {
        return CodecId.JPEG_LOSSY;
    }

    @Override
    public String name() {
        return "JPEG";
    }

    @Override
    public boolean lossy() {
        return true;
    }

    /** @return whether libturbojpeg is used (else ImageIO) */
    public static boolean nativeLibrary() {
        return TurboJpeg.get().isPresent();
    }

    @Override
    public JpegEncoder newEncoder() {
        return TurboJpeg.get().<JpegEncoder>map(NativeJpegEncoder::new).orElseGet(() -> {
            warnFallback();
            return new ImageIoJpeg.Encoder();
        });
    }

    @Override
    public Decoder newDecoder() {
        return TurboJpeg.get().<Decoder>map(NativeJpegDecoder::new).orElseGet(() -> {
            warnFallback();
            return new ImageIoJpeg.Decoder();
        });
    }

    private static void warnFallback() {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("libturbojpeg.so.0 not found (Debian package libturbojpeg0): JPEG through ImageIO, about 10x slower");
        }
    }
}
