package org.svp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.svp.codec.CodecRegistry;
import org.svp.codec.EncodedData;
import org.svp.codec.sample.MovingPicture;
import org.svp.codec.sample.SampleTiles;
import org.svp.protocol.CodecId;

/**
 * Writes the seeds of {@link JpegDecodeFuzz} and {@link H264DecodeFuzz} (and their AllDecodersFuzz
 * copies) from real encodings: {@code java -cp ... org.svp.LossyDecodeSeeds svp-fuzz/src/test/resources/org/svp}
 * (make-seeds.py keeps them as committed). Input layout of both harnesses: u16 w, u16 h, then the data.
 */
final class LossyDecodeSeeds {
    private LossyDecodeSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        SampleTiles.Tile photo = SampleTiles.synthetic().get("photo");
        SampleTiles.Tile text = SampleTiles.recorded("xterm-text");
        write(out, "JpegDecode", 18, "photo", photo.w(), photo.h(),
                CodecRegistry.byId(CodecId.JPEG_LOSSY).newEncoder().encode(photo.rgb(), 0, photo.w(), photo.w(), photo.h()));
        write(out, "JpegDecode", 18, "text", 40, 24,
                CodecRegistry.byId(CodecId.JPEG_LOSSY).newEncoder().encode(text.rgb(), 0, text.w(), 40, 24));
        var h264 = CodecRegistry.byId(CodecId.H264).newEncoder();
        for (int f = 0; f < 3; f++) { // an IDR, then P frames (a fresh decoder draws nothing for those)
            int[] px = MovingPicture.frame(64, 48, f);
            write(out, "H264Decode", 19, "frame" + f, 64, 48, h264.encode(px, 0, 64, 64, 48));
        }
    }

    private static void write(Path dir, String harness, int index, String name, int w, int h, EncodedData e)
            throws IOException {
        byte[] data = e.data();
        ByteBuffer b = ByteBuffer.allocate(4 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) w).putShort((short) h).put(data);
        Path own = dir.resolve(harness + "FuzzInputs");
        Files.createDirectories(own);
        Files.write(own.resolve(name + ".bin"), b.array());
        byte[] all = new byte[1 + b.capacity()];
        all[0] = (byte) index;
        System.arraycopy(b.array(), 0, all, 1, b.capacity());
        Files.write(dir.resolve("AllDecodersFuzzInputs").resolve(String.format("%02d-%s-%s.bin", index, harness, name)), all);
    }
}
