package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.protocol.Rect;
import org.svp.render.Surface;
import org.svp.render.SurfaceImages;
import org.svp.source.DisplaySource;

/** Shared set-up and assertions of the server integration tests: start, wait, compare pixels. */
final class TestServers {
    /** Loopback only. */
    static final String HOST = "127.0.0.1";
    /** How long a client's screen must stay unchanged to count as settled. */
    static final Duration STILL = Duration.ofMillis(500);
    /** The longest wait for anything in these tests. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private TestServers() {
    }

    /**
     * @param source what to serve
     * @param singlePort all channels on one port
     * @return a started server on free loopback port(s)
     */
    static SvpServer start(DisplaySource source, boolean singlePort) throws Exception {
        return start(ServerConfig.of(HOST, 0, singlePort), source);
    }

    static SvpServer start(ServerConfig config, DisplaySource source) throws Exception {
        return start(config, org.svp.server.limits.ServerLimits.DEFAULTS, source);
    }

    static SvpServer start(ServerConfig config, org.svp.server.limits.ServerLimits limits, DisplaySource source)
            throws Exception {
        SvpServer server = new SvpServer(config, limits, source);
        try {
            server.start();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** @return a full client (display, cursor, input; asks for LZ4) */
    static SvpClient viewer(SvpServer server) throws IOException, InterruptedException {
        return SvpClient.connect(ClientOptions.viewer(HOST, server.port()));
    }

    /** Polls {@code condition} every 10 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    static <T> T get(CompletableFuture<T> f, String what) throws InterruptedException, ExecutionException {
        try {
            return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** @return a copy of the server's framebuffer */
    static Surface serverSnapshot(SvpServer server) throws Exception {
        return get(server.snapshot(), "the server snapshot");
    }

    static void awaitDisplayClients(SvpServer server, int n) throws InterruptedException {
        await(() -> server.displayClientCount().join() == n, WAIT, n + " display client(s) registered");
    }

    /** Waits for {@code client}'s screen to settle and returns its pixels. */
    static Surface settled(SvpClient client) throws Exception {
        client.screen().awaitStill(STILL, WAIT);
        return client.screen().snapshot();
    }

    /** Something that yields the picture a client should end with (re-read on every try). */
    @FunctionalInterface
    interface Picture {
        Surface get() throws Exception;
    }

    /**
     * Waits until {@code client}'s settled screen equals {@code expected}, then returns it; fails with
     * the pixel difference after {@link #WAIT}. A settled screen alone is not enough right after an
     * event: if nothing changed for {@link #STILL} before it, frames still on their way are missed.
     */
    static Surface assertConverges(SvpClient client, Picture expected, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Surface seen = settled(client);
            Surface want = expected.get();
            if (System.nanoTime() - deadline > 0 || sameSize(seen, want) && Arrays.equals(seen.pixels(),
                    want.pixels())) {
                assertSamePixels(seen, want, what);
                return seen;
            }
            Thread.sleep(50);
        }
    }

    private static boolean sameSize(Surface a, Surface b) {
        return a.width() == b.width() && a.height() == b.height();
    }

    /**
     * Asserts two framebuffers are identical, with a short message (size, count and first differing
     * pixel) instead of dumping arrays.
     */
    static void assertSamePixels(Surface actual, Surface expected, String what) {
        assertSamePixels(actual.width(), actual.height(), actual.pixels(), expected.width(), expected.height(),
                expected.pixels(), what);
    }

    /** Writes both frames as PNGs under target/test-failures for a look; returns where, for the message. */
    private static String savePngs(String what, int w, int h, int[] actual, int[] expected) {
        try {
            Path dir = Path.of("target", "test-failures");
            Files.createDirectories(dir);
            String name = what.replaceAll("[^A-Za-z0-9]+", "_") + "_" + System.nanoTime();
            for (var e : new Object[][] {{"actual", actual}, {"expected", expected}}) {
                Surface s = new Surface(w, h);
                System.arraycopy((int[]) e[1], 0, s.pixels(), 0, w * h);
                SurfaceImages.writePng(s, dir.resolve(name + "_" + e[0] + ".png"));
            }
            return " (PNGs: " + dir.toAbsolutePath().resolve(name) + "_*.png)";
        } catch (IOException | RuntimeException e) {
            return " (PNGs not written: " + e + ")";
        }
    }

    static void assertSamePixels(int aw, int ah, int[] actual, int ew, int eh, int[] expected, String what) {
        assertThat(aw + "x" + ah).as("%s: screen size", what).isEqualTo(ew + "x" + eh);
        assertThat(expected.length).as("%s: expected frame is not empty", what).isPositive();
        int diff = 0;
        int first = -1;
        Rect box = new Rect(0, 0, 0, 0);
        for (int i = 0; i < expected.length; i++) {
            if ((actual[i] & 0xFFFFFF) != (expected[i] & 0xFFFFFF)) {
                diff++;
                box = box.union(new Rect(i % ew, i / ew, 1, 1));
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (diff > 0) {
            String saved = savePngs(what, aw, ah, actual, expected);
            fail(String.format("%s: %d of %d pixels differ inside %s; first at (%d,%d): got %06X, expected %06X%s",
                    what, diff, expected.length, box, first % ew, first / ew, actual[first] & 0xFFFFFF,
                    expected[first] & 0xFFFFFF, saved));
        }
    }
}
