package org.svp.source.vrde;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.protocol.error.UpstreamException;
import org.svp.render.Surface;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;

/**
 * A fake VRDE module, the VRDE source on it, a real SvpServer on 127.0.0.1 and (after
 * {@link #connect()}) a headless client. Test thread; close it in {@code @AfterEach}.
 */
final class VrdeFixture implements AutoCloseable {
    final FakeVrdeModule module;
    final VrdeDisplaySource source;
    final SvpServer server;
    final CompletableFuture<UpstreamException> failed = new CompletableFuture<>();
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    SvpClient client;

    VrdeFixture(long ringCapacity) throws Exception {
        module = new FakeVrdeModule(ringCapacity);
        source = new VrdeDisplaySource(module.dir);
        server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source);
        server.onSourceFailure(failed::complete);
        server.onSourceFinished(() -> finished.complete(null));
        try {
            server.start();
        } catch (Exception | Error e) {
            server.close();
            module.close();
            throw e;
        }
    }

    VrdeFixture() throws Exception {
        this(1 << 22);
    }

    /** Connects a full client (display, cursor, input). */
    SvpClient connect() throws Exception {
        client = SvpClient.connect(ClientOptions.viewer("127.0.0.1", server.port()));
        return client;
    }

    /** Waits until the client's screen equals {@code expected} pixel for pixel (10 s at most). */
    void awaitScreen(Surface expected, String step) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String why = "";
        while (System.nanoTime() < deadline) {
            Surface s = client.screen().snapshot();
            if (s.width() == expected.width() && s.height() == expected.height()
                    && Arrays.equals(s.pixels(), expected.pixels())) {
                return;
            }
            why = describe(s, expected);
            Thread.sleep(15);
        }
        throw new AssertionError(step + ": the client's screen never equalled the reference: " + why);
    }

    static String describe(Surface s, Surface e) {
        if (s.width() != e.width() || s.height() != e.height()) {
            return "size " + s.width() + "x" + s.height() + " vs " + e.width() + "x" + e.height();
        }
        int diff = 0;
        int first = -1;
        for (int i = 0; i < e.pixels().length; i++) {
            if (s.pixels()[i] != e.pixels()[i]) {
                diff++;
                first = first < 0 ? i : first;
            }
        }
        return diff + " pixels differ, first at (" + first % s.width() + ", " + first / s.width() + "): client "
                + Integer.toHexString(s.pixels()[first]) + ", reference " + Integer.toHexString(e.pixels()[first]);
    }

    @Override
    public void close() throws java.io.IOException {
        if (client != null) {
            client.close();
        }
        server.close();
        module.close();
    }
}
