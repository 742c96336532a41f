package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.source.ClientSession;
import org.svp.source.DisplaySink;
import org.svp.source.InputSink;
import org.svp.source.SessionObserver;
import org.svp.source.demo.DemoDisplaySource;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;

/** {@code portList}: the first base whose ports are free; and the SessionObserver hook. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PortListAndSessionsTest {

    private static DemoDisplaySource demo() {
        return new DemoDisplaySource(new DemoOptions(640, 480, 0, 30));
    }

    @Test
    void bindsTheFirstBaseWhoseChannelPortsAreAllFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int busy = taken.getLocalPort();
            int free;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                free = probe.getLocalPort();
            }
            ServerConfig c = ServerConfig.of(TestServers.HOST, 0, true).withPortList(List.of(busy, free));
            SvpServer s = TestServers.start(c, demo());
            try {
                assertThat(s.port()).isEqualTo(free);
            } finally {
                s.close();
            }
            ServerConfig none = ServerConfig.of(TestServers.HOST, 0, true).withPortList(List.of(busy));
            SvpServer s2 = new SvpServer(none, demo());
            try {
                assertThatThrownBy(s2::start).isInstanceOf(BindException.class)
                        .hasMessageStartingWith("no free base port in the list [" + busy + "]");
            } finally {
                s2.close();
            }
        }
    }

    /** A demo desktop that records session events and admits only the first session. */
    static final class Observed implements org.svp.source.DisplaySource, SessionObserver {
        final DemoDisplaySource demo = demo();
        final List<String> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<ClientSession> first = new CompletableFuture<>();

        @Override
        public Optional<SessionObserver> sessionObserver() {
            return Optional.of(this);
        }

        @Override
        public void listening(int basePort) {
            events.add("listening");
        }

        @Override
        public CompletionStage<Boolean> authorize(int clientId, InetSocketAddress remote) {
            events.add("authorize " + clientId + " " + remote.getAddress().getHostAddress());
            return CompletableFuture.completedFuture(clientId == 1);
        }

        @Override
        public void connected(ClientSession session) {
            events.add("connected " + session.id());
            first.complete(session);
        }

        @Override
        public void disconnected(int clientId) {
            events.add("disconnected " + clientId);
        }

        @Override
        public void start(DisplaySink sink) {
            demo.start(sink);
        }

        @Override
        public InputSink input() {
            return demo.input();
        }

        @Override
        public String name() {
            return "observed demo";
        }

        @Override
        public void close() {
            demo.close();
        }
    }

    @Test
    void sessionsAreAuthorizedCountedAndClosable() throws Exception {
        Observed src = new Observed();
        SvpServer server = TestServers.start(src, false);
        try (SvpClient client = SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port()))) {
            client.screen().awaitStill(TestServers.STILL, TestServers.WAIT);
            ClientSession s = src.first.get(10, TimeUnit.SECONDS);
            assertThat(s.bytesSent()).as("bytes sent (a whole demo screen)").isGreaterThan(10_000);
            assertThat(s.bytesReceived()).as("bytes received (MAIN + 3 CHANNEL_INIT + GRAPHIC_CONFIG)")
                    .isGreaterThanOrEqualTo(16 + 3 * 16);
            assertThatThrownBy(() -> SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port())))
                    .isInstanceOf(IOException.class);
            s.close(); // closes MAIN; the session's other channels follow
            TestServers.await(() -> src.events.contains("disconnected 1"), TestServers.WAIT, "the session's end");
            TestServers.await(() -> server.displayClientCount().join() == 0, TestServers.WAIT,
                    "the display channel closed");
            assertThat(src.events).containsExactly("listening", "authorize 1 127.0.0.1", "connected 1",
                    "authorize 2 127.0.0.1", "disconnected 1");
        } finally {
            server.close();
        }
    }
}
