package org.svp.protocol.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test helpers: hex text, frames and golden files under {@code src/test/resources/golden}. */
final class WireBytes {
    private WireBytes() {
    }

    /**
     * @param text hex digits; spaces, newlines and {@code |} separators are ignored
     * @return the bytes
     */
    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("[\\s|]", ""));
    }

    /** @return lowercase hex without separators */
    static String toHex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /**
     * @param cmd the header's cmd
     * @param body the body
     * @return a frame with a correct magic and size
     */
    static byte[] frame(int cmd, byte[] body) {
        return new Le().u16(0x7F5A).u16(cmd).u32(body.length).bytes(body).toArray();
    }

    /**
     * Loads the captured messages of one v1 vector file.
     *
     * @param stem the vector file name without extension, e.g. {@code display-25-text}
     * @return the messages (header + body), in capture order
     */
    static List<byte[]> golden(String stem) {
        String path = "/golden/" + stem + ".hex";
        try (InputStream in = WireBytes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + path);
            }
            List<byte[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(hex(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A little-endian byte builder for hand-made bodies. */
    static final class Le {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Le u8(int v) {
            out.write(v);
            return this;
        }

        Le u16(int v) {
            out.write(v);
            out.write(v >> 8);
            return this;
        }

        Le u32(long v) {
            return u16((int) v).u16((int) (v >> 16));
        }

        Le u64(long v) {
            return u32(v).u32(v >> 32);
        }

        Le bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Le hex(String h) {
            return bytes(WireBytes.hex(h));
        }

        Le zeros(int n) {
            return bytes(new byte[n]);
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}
