package org.svp.client;

import io.netty.channel.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.svp.netty.SvpFrameDecoder;
import org.svp.protocol.CapabilityId;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.auth.Scram;
import org.svp.protocol.auth.ScramClient;
import org.svp.protocol.auth.ScramException;
import org.svp.protocol.message.AuthChallenge;
import org.svp.protocol.message.AuthResponse;
import org.svp.protocol.message.AuthResult;
import org.svp.protocol.message.AuthStart;
import org.svp.protocol.message.Capabilities;
import org.svp.protocol.message.Capability;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.SessionToken;

/**
 * The client's side of the v2 negotiation on the main channel, after CHANNEL_LIST said version 2
 * (docs/protocol.md "Negotiation on the main channel"): CAPABILITIES, SCRAM-SHA-256 when the server's
 * answer lists it, then SESSION. Runs on the thread calling {@link SvpClient#connect}, reading what the
 * main channel's event loop puts in the {@link Inbox}.
 */
final class V2Handshake {
    /** What this client speaks. */
    static final List<Capability> OFFER = List.of(new Capability(CapabilityId.SESSION, 1),
            new Capability(CapabilityId.AUTH_SCRAM_SHA_256, 1), new Capability(CapabilityId.VIEW_ONLY, 1));

    private final Channel main;
    private final Inbox inbox;
    private final PasswordSource passwords;
    private final Duration timeout;

    V2Handshake(Channel main, Inbox inbox, PasswordSource passwords, Duration timeout) {
        this.main = main;
        this.inbox = inbox;
        this.passwords = passwords;
        this.timeout = timeout;
    }

    /**
     * @return the session (token and role)
     * @throws AuthenticationException if authentication failed or a password was needed but not given
     * @throws IOException if the server broke the hand-shake
     */
    SessionToken run() throws IOException, InterruptedException {
        SvpFrameDecoder decoder = main.pipeline().get(SvpFrameDecoder.class);
        // before CAPABILITIES goes out, so the answer is decoded as v2 (the event loop runs tasks in order)
        main.eventLoop().execute(() -> decoder.version(ProtocolLimits.VERSION_2));
        main.writeAndFlush(new Capabilities(OFFER));
        Capabilities answer = expect(Capabilities.class, "CAPABILITIES");
        if (answer.version(CapabilityId.AUTH_SCRAM_SHA_256) > 0) {
            authenticate();
        }
        SessionToken s = expect(SessionToken.class, "SESSION");
        inbox.done();
        return s;
    }

    private void authenticate() throws IOException, InterruptedException {
        String password = passwords.password();
        if (password == null) {
            throw new AuthenticationException("the server requires a password (give it with --password-file FILE)", false);
        }
        ScramClient scram = new ScramClient(password);
        main.writeAndFlush(new AuthStart(Scram.MECHANISM, scram.clientFirst()));
        AuthChallenge challenge = expect(AuthChallenge.class, "AUTH_CHALLENGE");
        try {
            main.writeAndFlush(new AuthResponse(scram.clientFinal(challenge.serverFirst())));
        } catch (ScramException e) {
            throw new IOException("the server broke the authentication: " + e.getMessage());
        }
        AuthResult result = expect(AuthResult.class, "AUTH_RESULT");
        if (!scram.verifyServer(result.text())) {
            throw new AuthenticationException("authentication failed: the server could not prove it knows the password"
                    + " (not the server you meant?)", false);
        }
    }

    /** The next main-channel message, which must be a {@code type}; a failing AUTH_RESULT ends the hand-shake. */
    private <T extends Message> T expect(Class<T> type, String what) throws IOException, InterruptedException {
        Object o = inbox.take(timeout);
        if (o == null) {
            throw new IOException("no " + what + " on the main channel within " + timeout.toSeconds()
                    + " s: not an SVP v2 server?");
        }
        if (o == Inbox.CLOSED) {
            throw new IOException("the server closed the main channel during the hand-shake (waiting for " + what + ")");
        }
        if (o instanceof AuthResult r && r.status() != AuthResult.OK) {
            throw failure(r);
        }
        if (!type.isInstance(o)) {
            throw new IOException("the server sent " + ((Message) o).command() + " instead of " + what
                    + " during the hand-shake");
        }
        return type.cast(o);
    }

    private static AuthenticationException failure(AuthResult r) {
        String text = r.text().lines().findFirst().orElse("").strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        return switch (r.status()) {
            case AuthResult.BAD_CREDENTIALS -> new AuthenticationException("authentication failed: wrong password", true);
            case AuthResult.RATE_LIMITED -> new AuthenticationException("authentication failed: " + text, false);
            case AuthResult.TIMEOUT -> new AuthenticationException("authentication failed: timed out", false);
            default -> new AuthenticationException("authentication failed: " + text, false);
        };
    }

    /**
     * The main channel's messages after CHANNEL_LIST, handed from its event loop to the connecting
     * thread. Bounded: once the hand-shake is over (or past 64 waiting) further messages are dropped,
     * so a server cannot grow the client's heap through the main channel.
     */
    static final class Inbox {
        static final Object CLOSED = new Object();
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
        private volatile boolean done;

        /** Event loop thread. */
        void offer(Message m) {
            if (!done) {
                queue.offer(m);
            }
        }

        /** Event loop thread: the main connection closed. */
        void closed() {
            while (!queue.offer(CLOSED)) {
                queue.poll(); // full (a flooding server): make room, the close must be seen
            }
        }

        void done() {
            done = true;
            queue.clear();
        }

        Object take(Duration timeout) throws InterruptedException {
            return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
