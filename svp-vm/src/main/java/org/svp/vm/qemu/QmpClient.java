package org.svp.vm.qemu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One command over QEMU's machine protocol (QMP, JSON lines on a unix socket): connect, read the
 * greeting, {@code qmp_capabilities}, the command, its answer. Only commands whose arguments are
 * plain strings are needed here (screendump). Any thread; the exchange is bounded by a timeout.
 */
final class QmpClient {
    /** Lines of one exchange read at most: asynchronous events may come before the answer. */
    private static final int MAX_LINES = 64;

    private QmpClient() {
    }

    /**
     * @param socket QEMU's {@code -qmp unix:...} socket
     * @param json the command, e.g. {@code {"execute":"screendump","arguments":{"filename":"/x.ppm"}}}
     * @param timeout bound of the whole exchange
     * @return QEMU's answer line, e.g. {@code {"return": {}}}
     * @throws IOException if QEMU does not answer in time or answers with an error
     */
    static String execute(Path socket, String json, Duration timeout) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        CompletableFuture<String> exchange = CompletableFuture.supplyAsync(() -> {
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                        StandardCharsets.UTF_8));
                answer(in); // the greeting: {"QMP": {...}}
                send(ch, "{\"execute\":\"qmp_capabilities\"}");
                answer(in);
                send(ch, json);
                String a = answer(in);
                if (a.contains("\"error\"")) {
                    throw new IOException("QEMU refused " + json + ": " + a);
                }
                return a;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("QEMU did not answer " + json + " within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException u ? u.getCause()
                    : new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to QEMU", e);
        } finally {
            ch.close(); // also ends a read still blocked after a timeout
        }
    }

    private static void send(SocketChannel ch, String json) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** @return the next line that is not an asynchronous event */
    private static String answer(BufferedReader in) throws IOException {
        for (int i = 0; i < MAX_LINES; i++) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("QEMU closed its QMP socket");
            }
            if (!line.contains("\"event\"")) {
                return line;
            }
        }
        throw new IOException("QEMU sent only events on its QMP socket");
    }
}
