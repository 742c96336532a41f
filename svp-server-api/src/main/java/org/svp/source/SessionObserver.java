package org.svp.source;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * Optional hook of a {@link DisplaySource} that wants to know about client sessions (the VirtualBox
 * source reports them to VirtualBox as ClientLogon/ClientConnect/ClientDisconnect).
 *
 * <p>A <b>client session</b> is one MAIN connection plus the channel connections that join it: a v2
 * client's channels present the session token, a v1 client's channels (only with {@code --allow-v1})
 * join the newest v1 MAIN from the same address made within 10 s. The session ends when its MAIN
 * connection closes; the server then closes its other channels too.
 *
 * <p>Every method is called on the server's I/O thread and must not block.
 */
public interface SessionObserver {

    /**
     * The server is listening. Called once, from the thread that starts the server, right after
     * {@link DisplaySource#start} (clients may already be connecting).
     *
     * @param basePort the bound main-channel port
     */
    default void listening(int basePort) {
    }

    /**
     * Asked when a MAIN_CHANNEL_INIT arrives, before the server answers it. The session is served only
     * if the stage completes with true; false (or an exceptional completion) closes the connection.
     *
     * @param clientId the server's id for this session (1, 2, … in connect order)
     * @param remote the client's address
     * @return the decision, completed on any thread
     */
    CompletionStage<Boolean> authorize(int clientId, InetSocketAddress remote);

    /**
     * Like {@link #authorize(int, InetSocketAddress)}, with what the server knows about the client: the
     * server calls this one (after SCRAM, for a v2 session). The default ignores the login.
     *
     * @param clientId the server's id for this session
     * @param remote the client's address
     * @param login the role and (empty) credentials of the session
     * @return the decision, completed on any thread
     */
    default CompletionStage<Boolean> authorize(int clientId, InetSocketAddress remote, ClientLogin login) {
        return authorize(clientId, remote);
    }

    /**
     * The session was admitted and its CHANNEL_LIST sent.
     *
     * @param session the session; valid (counters live) until {@link #disconnected}
     */
    void connected(ClientSession session);

    /**
     * The session ended (its MAIN connection closed). Only for sessions that were {@link #connected}.
     *
     * @param clientId the session's id
     */
    void disconnected(int clientId);
}
