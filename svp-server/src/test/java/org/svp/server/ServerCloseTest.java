package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.SvpClient;
import org.svp.source.demo.DemoDisplaySource;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;

/**
 * {@link SvpServer#close()} closes every connection, so that clients learn at once that the server is
 * gone (the viewer then shows the loss and starts reconnecting). Netty's event loop alone does not
 * guarantee it: a shutdown that lands while the loop runs its tasks ends the loop with the sockets open.
 * That is a race, so the test closes a server many times, on one port and on five.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerCloseTest {
    private static final int ROUNDS = 24;
    /** Far above a loopback close; far below the viewer's patience. */
    private static final Duration NOTICE = Duration.ofSeconds(2);

    @Test
    void closeEndsEveryClientsConnectionEveryTime() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            DemoDisplaySource demo = new DemoDisplaySource(new DemoOptions(640, 480, 4, 60));
            SvpServer server = TestServers.start(demo, round % 2 == 0);
            SvpClient client = null;
            try (Socket silent = new Socket()) {
                client = TestServers.viewer(server);
                client.screen().awaitFirstScreen(TestServers.WAIT);
                assertThat(demo.awaitIdle(TestServers.WAIT)).as("the demo finished its frames").isTrue();
                // a peer that connected and said nothing yet: closed as well
                silent.connect(new InetSocketAddress(TestServers.HOST, server.port()), 2000);
                TestServers.awaitDisplayClients(server, 1);

                server.close();

                long t0 = System.nanoTime();
                SvpClient c = client;
                TestServers.await(() -> !c.screen().isOpen(), NOTICE,
                        "round " + round + ": the client's screen closed after the server's close()");
                silent.setSoTimeout((int) NOTICE.toMillis());
                assertThat(readsEnd(silent.getInputStream()))
                        .as("round %d: the silent peer's socket ended", round).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(NOTICE.multipliedBy(2));
            } finally {
                if (client != null) {
                    client.close();
                }
                server.close();
            }
        }
    }

    /** @return true if the stream ends (EOF or reset) before the socket's read timeout */
    private static boolean readsEnd(InputStream in) throws Exception {
        try {
            while (in.read() >= 0) {
                // a v1 server says nothing first; whatever comes, read on to the end
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset: ended too
        }
    }
}
