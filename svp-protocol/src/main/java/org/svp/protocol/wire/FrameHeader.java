package org.svp.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * The 8-byte {@code pac_hdr} (protocol.md §1).
 *
 * <pre>
 *  off type  field
 *   0  int16 magic  0x7F5A (bytes 5A 7F)
 *   2  int16 cmd    message id
 *   4  int32 size   body length, header excluded
 * </pre>
 *
 * @param command the message id
 * @param bodySize body length in bytes
 */
public record FrameHeader(int command, int bodySize) {

    /**
     * Reads and checks a header. Called by the frame decoders on their I/O thread.
     *
     * @param buf at least 8 readable bytes; its byte order is ignored (read as LE)
     * @param offset index of the header in {@code buf}
     * @param maxBody the receiver's body limit (v1: {@link ProtocolLimits#MAX_BODY})
     * @return the header
     * @throws PeerProtocolException BAD_MAGIC, or BAD_LENGTH for a negative or oversized size
     */
    public static FrameHeader read(ByteBuffer buf, int offset, int maxBody) {
        ByteBuffer le = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int magic = le.getShort(offset) & 0xFFFF;
        if (magic != ProtocolLimits.MAGIC) {
            throw new PeerProtocolException(SvpStatus.BAD_MAGIC, -1, 0,
                    String.format("expected magic 0x7F5A, got 0x%04X", magic));
        }
        int cmd = le.getShort(offset + 2) & 0xFFFF;
        int size = le.getInt(offset + 4);
        if (size < 0) {
            throw new PeerProtocolException(SvpStatus.BAD_LENGTH, cmd, 4, "negative body size " + size);
        }
        if (size > maxBody) {
            throw new PeerProtocolException(SvpStatus.BAD_LENGTH, cmd, 4,
                    "body size " + size + " exceeds the limit of " + maxBody + " bytes");
        }
        return new FrameHeader(cmd, size);
    }

    /**
     * Writes this header at the buffer's position (LE).
     *
     * @param out destination with 8 bytes remaining
     */
    public void write(ByteBuffer out) {
        ByteBuffer le = out.order() == ByteOrder.LITTLE_ENDIAN ? out : out.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int p = out.position();
        le.putShort(p, (short) ProtocolLimits.MAGIC);
        le.putShort(p + 2, (short) command);
        le.putInt(p + 4, bodySize);
        out.position(p + ProtocolLimits.HEADER_LENGTH);
    }
}
