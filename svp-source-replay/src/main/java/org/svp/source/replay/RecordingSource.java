package org.svp.source.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputSink;
import org.svp.source.SessionObserver;
import org.svp.source.SourceUpdate;

/**
 * A source that serves another one unchanged and writes everything it submits to a recording
 * ({@code svp server --record FILE}). Writing runs on the wrapped source's thread, before the update is
 * handed on; a write error stops the recording (one log line), never the serving.
 */
public final class RecordingSource implements DisplaySource {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingSource.class);

    private final DisplaySource inner;
    private final RecordingWriter writer;

    /**
     * @param inner the source to serve and record
     * @param file the recording to write (created or truncated now)
     * @throws UncheckedIOException if the file cannot be created
     */
    public RecordingSource(DisplaySource inner, Path file) {
        this.inner = inner;
        try {
            this.writer = new RecordingWriter(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void start(DisplaySink sink) {
        inner.start(new DisplaySink() {
            private boolean failed;

            @Override
            public void submit(SourceUpdate update) throws InterruptedException {
                if (!failed) {
                    try {
                        writer.write(update);
                    } catch (IOException e) {
                        failed = true;
                        LOG.warn("recording to {} stopped: {}", writer.file(), e.getMessage());
                    }
                }
                sink.submit(update);
            }

            @Override
            public void fail(UpstreamException e) {
                sink.fail(e);
            }

            @Override
            public void finish() {
                sink.finish();
            }
        });
    }

    @Override
    public InputSink input() {
        return inner.input();
    }

    @Override
    public Optional<SessionObserver> sessionObserver() {
        return inner.sessionObserver();
    }

    @Override
    public String name() {
        return inner.name();
    }

    /** @return the wrapped source */
    public DisplaySource inner() {
        return inner;
    }

    @Override
    public void close() {
        try {
            inner.close();
        } finally {
            try {
                writer.close();
                LOG.info("recorded {} updates to {}", writer.updates(), writer.file());
            } catch (IOException e) {
                LOG.warn("closing the recording {} failed: {}", writer.file(), e.getMessage());
            }
        }
    }
}
