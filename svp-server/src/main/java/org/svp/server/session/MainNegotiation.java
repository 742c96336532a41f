package org.svp.server.session;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.CapabilityId;
import org.svp.protocol.auth.Scram;
import org.svp.protocol.auth.ScramException;
import org.svp.protocol.auth.ScramServer;
import org.svp.protocol.message.AuthChallenge;
import org.svp.protocol.message.AuthResponse;
import org.svp.protocol.message.AuthResult;
import org.svp.protocol.message.AuthStart;
import org.svp.protocol.message.Capabilities;
import org.svp.protocol.message.Capability;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.SessionToken;
import org.svp.server.auth.FailedAttempts;
import org.svp.server.auth.ServerCredentials;
import org.svp.source.ClientLogin;

/**
 * The v2 hand-shake on one main channel after CHANNEL_LIST (docs/protocol.md "Negotiation on the main
 * channel"): CAPABILITIES both ways, then SCRAM-SHA-256 if the server has passwords (AUTH_START →
 * AUTH_CHALLENGE, AUTH_RESPONSE → AUTH_RESULT), then SESSION with the token and role. A failure is
 * answered with AUTH_RESULT and the connection closes; failures count per remote address and, past
 * three, make the address wait (RATE_LIMITED). Log lines name the address, the outcome and which kind
 * of secret matched, never a secret, proof or token. I/O thread only.
 */
final class MainNegotiation {
    private static final Logger LOG = LoggerFactory.getLogger(MainNegotiation.class);
    private static final String USER_CONTROL = "control";
    private static final String USER_VIEW = "view";

    private enum Step { CAPABILITIES, AUTH_START, AUTH_RESPONSE, ADMITTING, DONE }

    private final ChannelHandlerContext ctx;
    private final int clientVersion;
    private final ClientSessions sessions;
    private final ServerCredentials credentials;
    private final FailedAttempts failures;
    private Step step = Step.CAPABILITIES;
    private ScramServer scram;
    private Capabilities negotiated;

    MainNegotiation(ChannelHandlerContext ctx, int clientVersion, ClientSessions sessions,
                    ServerCredentials credentials, FailedAttempts failures) {
        this.ctx = ctx;
        this.clientVersion = clientVersion;
        this.sessions = sessions;
        this.credentials = credentials;
        this.failures = failures;
    }

    /**
     * @param m a message on the main channel
     * @return false if it does not belong to the hand-shake's current step (the caller logs it)
     */
    boolean onMessage(Message m) {
        switch (step) {
            case CAPABILITIES -> {
                if (m instanceof Capabilities c) {
                    capabilities(c);
                    return true;
                }
            }
            case AUTH_START -> {
                if (m instanceof AuthStart a) {
                    authStart(a);
                    return true;
                }
            }
            case AUTH_RESPONSE -> {
                if (m instanceof AuthResponse r) {
                    authResponse(r);
                    return true;
                }
            }
            default -> {
                return false;
            }
        }
        return false;
    }

    /** @return the capabilities this session negotiated, or null before */
    Capabilities negotiated() {
        return negotiated;
    }

    private void capabilities(Capabilities client) {
        List<Capability> offer = new ArrayList<>();
        offer.add(new Capability(CapabilityId.SESSION, 1));
        offer.add(new Capability(CapabilityId.VIEW_ONLY, 1));
        if (credentials.required()) {
            offer.add(new Capability(CapabilityId.AUTH_SCRAM_SHA_256, 1));
        }
        List<Capability> both = new ArrayList<>();
        for (Capability c : offer) {
            int v = client.version(c.id());
            if (v > 0) {
                both.add(new Capability(c.id(), Math.min(v, c.version())));
            }
        }
        negotiated = new Capabilities(both);
        ctx.writeAndFlush(negotiated);
        if (!credentials.required()) {
            admit(SessionToken.ROLE_CONTROL, ClientLogin.ANONYMOUS, null);
        } else if (client.version(CapabilityId.AUTH_SCRAM_SHA_256) == 0) {
            fail(AuthResult.UNSUPPORTED, "this server requires SCRAM-SHA-256 authentication",
                    "client does not offer SCRAM-SHA-256 but the server requires authentication");
        } else {
            step = Step.AUTH_START;
        }
    }

    private void authStart(AuthStart a) {
        if (!Scram.MECHANISM.equals(a.mechanism())) {
            fail(AuthResult.UNSUPPORTED, "only SCRAM-SHA-256 is supported", "unsupported mechanism");
            return;
        }
        long wait = failures.waitMillis(address(), System.currentTimeMillis());
        if (wait > 0) {
            long s = (wait + 999) / 1000;
            fail(AuthResult.RATE_LIMITED, "too many failed attempts from your address; retry in " + s + " s",
                    "rate limited after repeated failures (" + s + " s to wait)");
            return;
        }
        scram = new ScramServer(credentials.parameters().salt(), credentials.parameters().iterations());
        try {
            String first = scram.serverFirst(a.clientFirst());
            step = Step.AUTH_RESPONSE;
            ctx.writeAndFlush(new AuthChallenge(first));
        } catch (ScramException e) {
            fail(AuthResult.UNSUPPORTED, e.getMessage(), "malformed SCRAM client-first-message");
        }
    }

    private void authResponse(AuthResponse r) {
        Optional<ScramServer.Match> match;
        try {
            match = scram.verify(r.clientFinal(), credentials.current(System.currentTimeMillis()));
        } catch (ScramException e) {
            wrong("malformed SCRAM client-final-message");
            return;
        }
        if (match.isEmpty()) {
            wrong("wrong password");
            return;
        }
        ScramServer.Match ok = match.get();
        if (!credentials.consume(ok.credential())) {
            wrong("ticket already used");
            return;
        }
        failures.succeeded(address());
        int role = ok.credential().role();
        LOG.info("{}: authenticated with the {} ({})", ctx.channel().remoteAddress(), ok.credential().name(),
                role == SessionToken.ROLE_CONTROL ? "control" : "view only");
        admit(role, new ClientLogin(role == SessionToken.ROLE_CONTROL ? USER_CONTROL : USER_VIEW, "",
                role == SessionToken.ROLE_CONTROL, true), ok.serverFinal());
    }

    private void wrong(String why) {
        int n = failures.failed(address(), System.currentTimeMillis());
        fail(AuthResult.BAD_CREDENTIALS, "wrong password",
                "authentication failed: " + why + " (" + n + " failure" + (n == 1 ? "" : "s") + " from this address)");
    }

    private void admit(int role, ClientLogin login, String serverFinal) {
        step = Step.ADMITTING;
        sessions.openV2(ctx.channel(), clientVersion, role, login, token -> {
            step = Step.DONE;
            if (serverFinal != null) {
                ctx.write(new AuthResult(AuthResult.OK, role, serverFinal));
            }
            ctx.writeAndFlush(new SessionToken(token, role, 0));
        }, () -> {
            if (serverFinal != null) {
                ctx.writeAndFlush(new AuthResult(AuthResult.BAD_CREDENTIALS, role, "refused by the display source"));
            }
        });
    }

    /** AUTH_RESULT with the status, one log line, then the connection closes. */
    private void fail(int status, String toClient, String logLine) {
        step = Step.DONE;
        LOG.warn("{}: {}; closing", ctx.channel().remoteAddress(), logLine);
        ctx.writeAndFlush(new AuthResult(status, SessionToken.ROLE_VIEW, toClient)).addListener(ChannelFutureListener.CLOSE);
    }

    private InetAddress address() {
        return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    }
}
