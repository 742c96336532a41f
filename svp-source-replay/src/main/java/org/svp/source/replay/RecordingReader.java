package org.svp.source.replay;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.Message;
import org.svp.protocol.wire.FrameHeader;
import org.svp.protocol.wire.MessageReader;
import org.svp.source.SourceUpdate;

/**
 * Reads a recording ({@link Recording}) record by record. Every error says what is wrong with the file
 * in words ({@link IOException}); nothing in it is trusted (lengths are bounded, messages decoded as
 * strictly as from a peer). Confined to the replay thread.
 */
final class RecordingReader implements AutoCloseable {
    /** One record: when it was submitted (ns since the recording started) and the update to submit. */
    record Entry(long atNanos, long captureAgeNanos, SourceUpdate update) {
    }

    private final Path file;
    private final DataInputStream in;
    private long records;

    /**
     * @param file a recording
     * @throws IOException if it cannot be read or does not start like one
     */
    RecordingReader(Path file) throws IOException {
        this.file = file;
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            byte[] magic = raw.readNBytes(Recording.MAGIC.length);
            if (!Arrays.equals(magic, Recording.MAGIC)) {
                throw new IOException(file + " is not an SVP recording (it does not start with \"SVPREC1\")");
            }
            this.in = new DataInputStream(new BufferedInputStream(new ZstdInputStream(raw), 1 << 16));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * @return the next record, or null at the end of the recording (its END record, or the end of a
     *     recording that was cut off after a whole record)
     * @throws IOException if the file is damaged (says where)
     */
    Entry next() throws IOException {
        int kind;
        try {
            kind = in.read();
        } catch (IOException e) {
            throw damaged(e.getMessage());
        }
        if (kind < 0 || kind == Recording.END) {
            return null; // cut off between records: everything before it is whole
        }
        try {
            long at = in.readLong();
            Entry e = switch (kind) {
                case Recording.DRAW -> {
                    long age = in.readLong();
                    int count = in.readInt();
                    if (count < 0 || count > Recording.MAX_MESSAGES) {
                        throw damaged("a draw record says " + count + " messages");
                    }
                    List<DisplayMessage> msgs = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        if (!(message() instanceof DisplayMessage d)) {
                            throw damaged("a draw record holds a message that is not a display order");
                        }
                        msgs.add(d);
                    }
                    yield new Entry(at, age, new SourceUpdate.Draw(msgs));
                }
                case Recording.CURSOR -> {
                    if (!(message() instanceof CursorShape c)) {
                        throw damaged("a cursor record holds no CURSOR_SHAPE");
                    }
                    yield new Entry(at, -1, new SourceUpdate.Cursor(c));
                }
                default -> throw damaged("unknown record kind " + kind);
            };
            if (at < 0) {
                throw damaged("a record has a negative time");
            }
            records++;
            return e;
        } catch (EOFException e) {
            throw damaged("it ends inside a record");
        } catch (Damaged e) {
            throw e;
        } catch (IOException e) { // zstd: a damaged or cut-off stream
            throw damaged(e.getMessage());
        }
    }

    private Message message() throws IOException {
        int len = in.readInt();
        if (len < ProtocolLimits.HEADER_LENGTH || len > Recording.MAX_FRAME_BYTES) {
            throw damaged("a message of " + len + " bytes");
        }
        byte[] frame = new byte[len];
        in.readFully(frame);
        ByteBuffer buf = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        try {
            FrameHeader h = FrameHeader.read(buf, 0, Recording.MAX_FRAME_BYTES);
            if (h.bodySize() != len - ProtocolLimits.HEADER_LENGTH) {
                throw damaged("a message whose header says " + h.bodySize() + " body bytes in a "
                        + len + "-byte frame");
            }
            return MessageReader.decode(h.command(), buf.position(ProtocolLimits.HEADER_LENGTH),
                    ProtocolLimits.VERSION_2);
        } catch (PeerProtocolException e) {
            throw damaged("a message that does not decode: " + e.getMessage());
        }
    }

    /** A damaged recording, in words. */
    static final class Damaged extends IOException {
        Damaged(String message) {
            super(message);
        }
    }

    private Damaged damaged(String what) {
        return new Damaged("the recording " + file + " is damaged after " + records + " records: " + what);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
