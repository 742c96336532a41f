package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svp.client.AuthenticationException;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.protocol.ChannelType;
import org.svp.protocol.Command;
import org.svp.protocol.Feature;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.message.AuthResult;
import org.svp.protocol.message.ChannelInit;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.MainChannelInit;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.SessionToken;
import org.svp.server.TestSources.ScriptedSource;
import org.svp.server.auth.ScramParameters;
import org.svp.server.auth.ServerCredentials;
import org.svp.server.auth.TicketStore;

/**
 * Protocol v2 sessions against a real server on 127.0.0.1: tokens, authentication, roles, tickets,
 * rate limiting, v1 only when allowed, channel types per port. Refusals are asserted by the closed
 * connection and the server's one log line.
 */
class SessionSecurityTest {
    private static final Duration CLOSE = Duration.ofSeconds(5);
    private static final Duration LOG_WAIT = Duration.ofSeconds(5);

    private static SvpServer server(ScriptedSource source, ServerSecurity security) throws Exception {
        return TestServers.start(ServerConfig.of(TestServers.HOST, 0, false).withSecurity(security), source);
    }

    private static ServerSecurity passwords(String control, String view) {
        return new ServerSecurity(false, false, ServerCredentials.of(ScramParameters.random(), control, view, null));
    }

    private static SvpClient client(SvpServer server, String password) throws Exception {
        return SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port()), () -> password);
    }

    @Test
    void v2ClientIsServedWithATokenAndItsChannelsJoinTheSession() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (SvpServer server = server(source, new ServerSecurity(false, false, ServerCredentials.none()));
             SvpClient c = SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port()))) {
            assertThat(c.protocolVersion()).isEqualTo(2);
            assertThat(c.controlRole()).isTrue();
            TestServers.awaitDisplayClients(server, 1);
            c.key(true, 0x1E);
            c.flushInput();
            assertThat(source.input.poll(5, TimeUnit.SECONDS)).isEqualTo(new KeyboardEvent(true, 0x1E));
        }
    }

    @Test
    void wrongPasswordGetsBadCredentialsAndTheConnectionCloses() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (LogCapture log = LogCapture.start(); SvpServer server = server(source, passwords("right horse", null))) {
            try (RawClient main = RawClient.connect(server.port())) {
                Message m = RawV2.handshake(main, "wrong horse");
                assertThat(m).isInstanceOf(AuthResult.class);
                assertThat(((AuthResult) m).status()).isEqualTo(AuthResult.BAD_CREDENTIALS);
                assertThat(main.awaitClosed(CLOSE)).isTrue();
            }
            assertThat(log.await("authentication failed: wrong password", LOG_WAIT)).contains("WARN", "1 failure ");
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> client(server, "nope"));
            assertThat(e).hasMessage("authentication failed: wrong password");
            AuthenticationException none = catchThrowableOfType(AuthenticationException.class,
                    () -> SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port())));
            assertThat(none).hasMessageContaining("requires a password");
            try (SvpClient ok = client(server, "right horse")) {
                assertThat(ok.controlRole()).isTrue();
            }
            assertThat(String.join("\n", log.lines())).doesNotContain("right horse").doesNotContain("wrong horse")
                    .doesNotContain("nope");
        }
    }

    @Test
    void viewOnlyPasswordGivesViewRoleAndItsInputNeverArrives() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (LogCapture log = LogCapture.start(); SvpServer server = server(source, passwords("ctl", "look"))) {
            try (SvpClient viewer = client(server, "look")) {
                assertThat(viewer.controlRole()).isFalse();
                viewer.key(true, 0x1E);
                viewer.key(false, 0x1E);
                viewer.flushInput();
                assertThat(log.await("it is view-only", LOG_WAIT)).contains("input of session");
                assertThat(source.input.poll(300, TimeUnit.MILLISECONDS)).as("view-only input").isNull();
                assertThat(log.lines().stream().filter(l -> l.contains("it is view-only"))).hasSize(1);
            }
        }
    }

    @Test
    void onlyTheFirstControlSessionControlsUnlessShared() throws Exception {
        for (boolean shared : new boolean[] {false, true}) {
            ScriptedSource source = new ScriptedSource();
            ServerSecurity sec = new ServerSecurity(false, shared, ServerCredentials.none());
            try (LogCapture log = LogCapture.start(); SvpServer server = server(source, sec);
                 SvpClient first = SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port()));
                 SvpClient second = SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port()))) {
                second.key(true, 0x10);
                second.flushInput();
                first.key(true, 0x11);
                first.flushInput();
                if (shared) {
                    assertThat(source.input.poll(5, TimeUnit.SECONDS)).isEqualTo(new KeyboardEvent(true, 0x10));
                    assertThat(source.input.poll(5, TimeUnit.SECONDS)).isEqualTo(new KeyboardEvent(true, 0x11));
                } else {
                    assertThat(source.input.poll(5, TimeUnit.SECONDS)).isEqualTo(new KeyboardEvent(true, 0x11));
                    assertThat(source.input.poll(200, TimeUnit.MILLISECONDS)).isNull();
                    assertThat(log.await("another session controls", LOG_WAIT)).contains("input of session 2");
                    first.close(); // control passes to the next CONTROL session in arrival order
                    TestServers.await(() -> {
                        second.key(true, 0x12);
                        return source.input.poll() != null;
                    }, Duration.ofSeconds(5), "the second session to take control");
                }
            }
        }
    }

    @Test
    void tokenIsRefusedAfterItsMainClosedOrForATypeItAlreadyJoined() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (LogCapture log = LogCapture.start(); SvpServer server = server(source, passwords("pw", null))) {
            byte[] token;
            RawClient main = RawClient.connect(server.port());
            token = RawV2.token(RawV2.handshake(main, "pw"));
            try (RawClient input = RawV2.join(RawV2.port(server, ChannelType.INPUT), ChannelType.INPUT, token)) {
                assertThat(input.read().is(Command.CHANNEL_READY)).isTrue();
                try (RawClient again = RawV2.join(RawV2.port(server, ChannelType.INPUT), ChannelType.INPUT, token)) {
                    assertThat(again.awaitClosed(CLOSE)).as("second input channel of one session").isTrue();
                }
                assertThat(log.await("session 1 already has one", LOG_WAIT)).contains("INPUT");
                main.close();
                assertThat(input.awaitClosed(CLOSE)).as("the session's channels close with its MAIN").isTrue();
            }
            try (RawClient replay = RawV2.join(RawV2.port(server, ChannelType.DISPLAY), ChannelType.DISPLAY, token)) {
                assertThat(replay.awaitClosed(CLOSE)).as("token replayed after its MAIN closed").isTrue();
            }
            assertThat(log.await("DISPLAY channel with an unknown or ended session token", LOG_WAIT)).contains("WARN");
            assertThat(server.displayClientCount().get()).isZero();
        }
    }

    @Test
    void displayChannelWithoutMainOrOnTheWrongPortIsRefused() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (LogCapture log = LogCapture.start();
             SvpServer server = server(source, new ServerSecurity(true, false, ServerCredentials.none()))) {
            try (RawClient forged = RawV2.join(RawV2.port(server, ChannelType.DISPLAY), ChannelType.DISPLAY, new byte[32])) {
                assertThat(forged.awaitClosed(CLOSE)).as("display with a made-up token").isTrue();
            }
            try (RawClient v1 = RawClient.connect(RawV2.port(server, ChannelType.DISPLAY))) {
                v1.send(new ChannelInit(ChannelType.DISPLAY.wireId(), 0, Feature.V1_CLIENT_ALL));
                assertThat(v1.awaitClosed(CLOSE)).as("v1 display with no MAIN").isTrue();
            }
            assertThat(log.await("without a v1 MAIN connection from that address", LOG_WAIT)).contains("WARN");
            try (RawClient main = RawClient.connect(server.port())) {
                byte[] token = RawV2.token(RawV2.handshake(main, null));
                try (RawClient wrong = RawV2.join(RawV2.port(server, ChannelType.INPUT), ChannelType.DISPLAY, token)) {
                    assertThat(wrong.awaitClosed(CLOSE)).as("display channel on the input port").isTrue();
                }
                assertThat(log.await("DISPLAY channel on the INPUT port", LOG_WAIT)).contains("WARN");
                try (RawClient right = RawV2.join(RawV2.port(server, ChannelType.DISPLAY), ChannelType.DISPLAY, token)) {
                    assertThat(right.read().is(Command.CHANNEL_READY)).as("the same token on the right port").isTrue();
                }
            }
            assertThat(server.displayClientCount().get()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void v1ClientIsRefusedUnlessAllowedAndAnExtensionIdFromItIsAnUnknownCommand() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (LogCapture log = LogCapture.start();
             SvpServer server = server(source, new ServerSecurity(false, false, ServerCredentials.none()))) {
            try (RawClient main = RawClient.connect(server.port())) {
                main.send(new MainChannelInit(ProtocolLimits.VERSION_1, 0, 0));
                assertThat(main.awaitClosed(CLOSE)).as("v1 MAIN without --allow-v1").isTrue();
            }
            assertThat(log.await("v1 client refused (v1 clients need --allow-v1)", LOG_WAIT)).contains("WARN");
        }
        try (LogCapture log = LogCapture.start();
             SvpServer server = server(source, new ServerSecurity(true, false, ServerCredentials.none()))) {
            try (RawClient main = RawClient.connect(server.port())) {
                RawClient.Frame list = RawClient.mainInit(main);
                assertThat(list.body()[0]).as("server_version for a v1 client").isEqualTo((byte) 1);
                main.sendBytes(org.svp.protocol.wire.MessageWriter.encode(new org.svp.protocol.message.Capabilities(
                        java.util.List.of())));
                assertThat(log.await("UNKNOWN_COMMAND in CAPABILITIES (id 100)", LOG_WAIT)).contains("no v1 message has this id");
                try (RawClient input = RawClient.connect(RawV2.port(server, ChannelType.INPUT))) {
                    input.send(new ChannelInit(ChannelType.INPUT.wireId(), 0, Feature.V1_CLIENT_ALL));
                    assertThat(input.read().is(Command.CHANNEL_READY)).as("v1 input served with --allow-v1").isTrue();
                    input.send(new KeyboardEvent(true, 0x1E));
                    assertThat(source.input.poll(5, TimeUnit.SECONDS)).isEqualTo(new KeyboardEvent(true, 0x1E));
                }
            }
        }
    }

    @Test
    void ticketWorksOnceAndNotAfterExpiry(@TempDir Path state) throws Exception {
        TicketStore tickets = new TicketStore(state);
        ScramParameters params = tickets.publish(System.currentTimeMillis());
        String ticket = tickets.create(Duration.ofSeconds(60), SessionToken.ROLE_VIEW, System.currentTimeMillis());
        String expired = tickets.create(Duration.ofMillis(1), SessionToken.ROLE_CONTROL, System.currentTimeMillis());
        try (var files = Files.list(state.resolve("tickets"))) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).doesNotContain(ticket).doesNotContain(expired);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
            }
        }
        Thread.sleep(5);
        ServerSecurity sec = new ServerSecurity(false, false, ServerCredentials.of(params, "control-pw", null, tickets));
        ScriptedSource source = new ScriptedSource();
        try (LogCapture log = LogCapture.start(); SvpServer server = server(source, sec)) {
            try (SvpClient c = client(server, ticket)) {
                assertThat(c.controlRole()).as("a view-only ticket").isFalse();
            }
            assertThat(catchThrowableOfType(AuthenticationException.class, () -> client(server, ticket)))
                    .as("the same ticket again").hasMessage("authentication failed: wrong password");
            assertThat(catchThrowableOfType(AuthenticationException.class, () -> client(server, expired)))
                    .as("an expired ticket").hasMessage("authentication failed: wrong password");
            assertThat(String.join("\n", log.lines())).doesNotContain(ticket).doesNotContain(expired);
        }
    }

    @Test
    void repeatedFailuresAreRateLimitedPerAddress() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (LogCapture log = LogCapture.start(); SvpServer server = server(source, passwords("secret", null))) {
            for (int i = 0; i < 4; i++) {
                try (RawClient main = RawClient.connect(server.port())) {
                    AuthResult r = (AuthResult) RawV2.handshake(main, "guess" + i);
                    assertThat(r.status()).as("attempt " + (i + 1)).isEqualTo(AuthResult.BAD_CREDENTIALS);
                }
            }
            try (RawClient main = RawClient.connect(server.port())) {
                AuthResult r = (AuthResult) RawV2.handshake(main, "secret");
                assertThat(r.status()).as("even the right password while limited").isEqualTo(AuthResult.RATE_LIMITED);
                assertThat(r.text()).contains("retry in");
                assertThat(main.awaitClosed(CLOSE)).isTrue();
            }
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> client(server, "secret"));
            assertThat(e.getMessage()).startsWith("authentication failed: too many failed attempts");
            assertThat(log.await("rate limited after repeated failures", LOG_WAIT)).contains("WARN");
        }
    }
}
