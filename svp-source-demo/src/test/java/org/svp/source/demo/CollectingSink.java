package org.svp.source.demo;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.error.UpstreamException;
import org.svp.protocol.message.DisplayMessage;
import org.svp.source.DisplaySink;
import org.svp.source.SourceUpdate;

/** A sink that keeps every update, for tests. Thread-safe. */
final class CollectingSink implements DisplaySink {
    private final List<SourceUpdate> updates = new ArrayList<>();
    private final List<UpstreamException> failures = new ArrayList<>();

    @Override
    public synchronized void fail(UpstreamException e) {
        failures.add(e);
    }

    /** @return every failure reported so far */
    synchronized List<UpstreamException> failures() {
        return List.copyOf(failures);
    }

    @Override
    public synchronized void submit(SourceUpdate update) {
        updates.add(update);
    }

    synchronized List<SourceUpdate> updates() {
        return List.copyOf(updates);
    }

    synchronized int size() {
        return updates.size();
    }

    /** @return every display message of every Draw, in order */
    synchronized List<DisplayMessage> messages() {
        List<DisplayMessage> out = new ArrayList<>();
        for (SourceUpdate u : updates) {
            if (u instanceof SourceUpdate.Draw d) {
                out.addAll(d.messages());
            }
        }
        return out;
    }
}
