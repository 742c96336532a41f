package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.svp.protocol.ChannelType;
import org.svp.protocol.Feature;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.auth.Scram;
import org.svp.protocol.auth.ScramClient;
import org.svp.protocol.message.AuthChallenge;
import org.svp.protocol.message.AuthResponse;
import org.svp.protocol.message.AuthResult;
import org.svp.protocol.message.AuthStart;
import org.svp.protocol.message.Capabilities;
import org.svp.protocol.message.ChannelInitV2;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.MainChannelInit;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.SessionToken;

/** The v2 hand-shake by hand over a {@link RawClient}, for tests that replay, forge or misplace tokens. */
final class RawV2 {
    private RawV2() {
    }

    /**
     * MAIN_CHANNEL_INIT(2), CAPABILITIES, SCRAM if asked (with {@code password}), then SESSION.
     *
     * @param main a fresh connection to the main port
     * @param password the secret, or null
     * @return the SESSION, or the failing AUTH_RESULT
     */
    static Message handshake(RawClient main, String password) throws IOException {
        main.send(new MainChannelInit(ProtocolLimits.VERSION_2, 0, 0));
        ChannelList list = (ChannelList) main.read().message();
        assertThat(list.serverVersion()).isEqualTo(2);
        main.send(new Capabilities(List.of(new org.svp.protocol.message.Capability(1, 1),
                new org.svp.protocol.message.Capability(2, 1), new org.svp.protocol.message.Capability(3, 1))));
        Capabilities caps = (Capabilities) main.read().message();
        if (caps.version(2) > 0) {
            ScramClient scram = new ScramClient(password == null ? "" : password);
            main.send(new AuthStart(Scram.MECHANISM, scram.clientFirst()));
            Message m = main.read().message();
            if (m instanceof AuthResult r) {
                return r;
            }
            main.send(new AuthResponse(scram.clientFinal(((AuthChallenge) m).serverFirst())));
            AuthResult r = (AuthResult) main.read().message();
            if (r.status() != AuthResult.OK) {
                return r;
            }
            assertThat(scram.verifyServer(r.text())).as("server signature").isTrue();
        }
        return main.read().message();
    }

    /**
     * Connects a channel with CHANNEL_INIT_V2.
     *
     * @param port the port to connect to
     * @param type the channel type to claim
     * @param token the token to present
     * @return the connection (CHANNEL_READY not read)
     */
    static RawClient join(int port, ChannelType type, byte[] token) throws IOException {
        RawClient c = RawClient.connect(port);
        c.send(new ChannelInitV2(type.wireId(), 0, Feature.GDI, token));
        return c;
    }

    static int port(SvpServer server, ChannelType type) {
        return server.channelList().channels().get(type.wireId()).port();
    }

    static byte[] token(Message m) {
        assertThat(m).isInstanceOf(SessionToken.class);
        return ((SessionToken) m).token();
    }
}
