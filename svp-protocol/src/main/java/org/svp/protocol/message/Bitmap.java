package org.svp.protocol.message;

import org.svp.protocol.PixelFormat;

/**
 * {@code pac_bitmap} (16 bytes) and its data (protocol.md §4).
 *
 * <pre>
 *  off type   field
 *   0  uint32 size   data bytes that follow (after compression)
 *   4  int16  format pixel format id
 *   6  int16  codec  RAW 0, LZ4 1, ...
 *   8  int16  x
 *  10  int16  y
 *  12  uint16 w
 *  14  uint16 h
 * </pre>
 *
 * @param format pixel format of the decoded data
 * @param codec codec id of {@code data} (see {@link org.svp.protocol.CodecId})
 * @param x left (screen position for DIRTY_RECT; passed through elsewhere)
 * @param y top
 * @param width columns
 * @param height rows
 * @param data the encoded bytes, exactly {@code size} of them
 */
public record Bitmap(PixelFormat format, int codec, int x, int y, int width, int height, byte[] data) {
    /** Size of the fixed part in bytes. */
    public static final int HEADER_BYTES = 16;

    /** @return bytes on the wire: header plus data */
    public int wireSize() {
        return HEADER_BYTES + data.length;
    }
}
