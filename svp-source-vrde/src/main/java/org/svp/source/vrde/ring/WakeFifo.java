package org.svp.source.vrde.ring;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The read end of DIR/wake: the "svp-vrde" thread blocks here while the ring is empty. The module
 * holds the FIFO open read-write, so opening it for reading does not block. Closing the channel (or
 * interrupting the thread) ends a blocked wait.
 */
public final class WakeFifo implements AutoCloseable {
    private final FileChannel fifo;
    private final ByteBuffer buf = ByteBuffer.allocate(256);

    /** @param path DIR/wake */
    public WakeFifo(Path path) throws IOException {
        this.fifo = FileChannel.open(path, StandardOpenOption.READ);
    }

    /**
     * Blocks until the module writes at least one byte, then drains what is there.
     *
     * @return false if every writer is gone (EOF)
     */
    public boolean await() throws IOException {
        buf.clear();
        return fifo.read(buf) >= 0;
    }

    @Override
    public void close() throws IOException {
        fifo.close();
    }
}
