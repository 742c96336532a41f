package org.svp.source.replay;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.wire.MessageWriter;
import org.svp.source.SourceUpdate;

/**
 * Writes a recording ({@link Recording}). Called on the source's thread only ({@link RecordingSink});
 * {@link #close} may come from the thread that closes the source, after that thread has stopped.
 */
final class RecordingWriter implements AutoCloseable {
    private final Path file;
    private final DataOutputStream out;
    private final long startNanos = System.nanoTime();
    private long updates;
    private boolean closed;

    /**
     * @param file created or truncated
     * @throws IOException if it cannot be written
     */
    RecordingWriter(Path file) throws IOException {
        this.file = file;
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        raw.write(Recording.MAGIC);
        // level 1: the source's thread pays for it; screen updates still shrink 10-40x
        this.out = new DataOutputStream(new BufferedOutputStream(new ZstdOutputStream(raw, 1), 1 << 16));
    }

    /** @return the file written */
    Path file() {
        return file;
    }

    /** @return updates written so far */
    synchronized long updates() {
        return updates;
    }

    /**
     * @param u an update the source submitted now; markers are skipped
     * @throws IOException if writing fails
     */
    synchronized void write(SourceUpdate u) throws IOException {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        switch (u) {
            case SourceUpdate.Draw d -> {
                out.writeByte(Recording.DRAW);
                out.writeLong(now - startNanos);
                out.writeLong(d.captureNanos() == 0 ? -1 : Math.max(0, now - d.captureNanos()));
                out.writeInt(d.messages().size());
                for (DisplayMessage m : d.messages()) {
                    frame(MessageWriter.encode(m));
                }
            }
            case SourceUpdate.Cursor c -> {
                out.writeByte(Recording.CURSOR);
                out.writeLong(now - startNanos);
                frame(MessageWriter.encode(c.shape()));
            }
            case SourceUpdate.Marker m -> {
                return;
            }
        }
        updates++;
    }

    private void frame(byte[] f) throws IOException {
        out.writeInt(f.length);
        out.write(f);
    }

    /** Ends the recording (writes {@link Recording#END}) and closes the file. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            out.writeByte(Recording.END);
            out.writeLong(System.nanoTime() - startNanos);
        }
    }
}
