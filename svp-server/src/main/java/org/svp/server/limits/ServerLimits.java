package org.svp.server.limits;

import java.time.Duration;
import org.svp.protocol.ChannelType;

/**
 * The server's limits and timeouts (docs/security.md, "Limits and timeouts"). Immutable; the
 * defaults are {@link #DEFAULTS}, tests shorten timeouts and raise caps with the withers.
 *
 * @param handshakeTimeout from accept to CHANNEL_LIST (main) or CHANNEL_READY (other channels)
 * @param partialFloor the least time a started message may take to arrive whole
 * @param partialBytesPerSecond on top of the floor, one more second per this many declared body bytes
 * @param maxPerAddress connections open at once from one IP address
 * @param maxTotal connections open at once in all
 * @param mainBody body limit on main (and before a single-port connection says what it is)
 * @param displayBody body limit on display (client → server: GRAPHIC_CONFIG, VIDEO_MODESET)
 * @param inputBody body limit on input (KEYBOARD_EVENT 5, MOUSE_EVENT 6, CHANNEL_INIT_V2 40)
 * @param otherBody body limit on cursor and usb (clients send only their CHANNEL_INIT there)
 * @param inputPerSecond input-channel messages per second per connection above which it is a flood
 * @param queueBudgetBytes display-queue bytes (ours plus Netty's) of all clients together
 * @param drainDeadline how long a client over its queue bound or the budget may stay unwritable
 * @param warningsPerInterval per-connection warnings logged per {@code warningInterval}
 * @param warningInterval the log rate limiter's interval
 * @param tick how often timeouts are checked
 */
public record ServerLimits(Duration handshakeTimeout, Duration partialFloor, int partialBytesPerSecond,
                           int maxPerAddress, int maxTotal, int mainBody, int displayBody, int inputBody,
                           int otherBody, int inputPerSecond, long queueBudgetBytes, Duration drainDeadline,
                           int warningsPerInterval, Duration warningInterval, Duration tick) {

    /** The defaults of docs/security.md. */
    public static final ServerLimits DEFAULTS = new ServerLimits(Duration.ofSeconds(10), Duration.ofSeconds(30),
            64 * 1024, 64, 1024, 4096, 4096, 64, 64, 1000, 128L << 20, Duration.ofSeconds(30), 5,
            Duration.ofSeconds(10), Duration.ofSeconds(1));

    /**
     * @param type a channel type, or null before a single-port connection said which it is
     * @return the body limit for messages from the client on it
     */
    public int bodyLimit(ChannelType type) {
        if (type == null) {
            return mainBody;
        }
        return switch (type) {
            case MAIN -> mainBody;
            case DISPLAY -> displayBody;
            case INPUT -> inputBody;
            default -> otherBody;
        };
    }

    /**
     * @param bodySize a message's declared body size, or -1 when its header is not whole yet
     * @return how long the whole message may take to arrive: the floor plus one second per
     *     {@code partialBytesPerSecond}
     */
    public Duration partialDeadline(int bodySize) {
        return partialFloor.plusSeconds(Math.max(0, bodySize) / partialBytesPerSecond);
    }

    /**
     * @param handshake the hand-shake timeout
     * @param floor the partial-message floor
     * @param tickEvery how often to check
     * @return a copy with these timeouts (tests)
     */
    public ServerLimits withTimeouts(Duration handshake, Duration floor, Duration tickEvery) {
        return new ServerLimits(handshake, floor, partialBytesPerSecond, maxPerAddress, maxTotal, mainBody,
                displayBody, inputBody, otherBody, inputPerSecond, queueBudgetBytes, drainDeadline,
                warningsPerInterval, warningInterval, tickEvery);
    }

    /**
     * @param perAddress connections per address
     * @param total connections in all
     * @return a copy with these caps
     */
    public ServerLimits withCaps(int perAddress, int total) {
        return new ServerLimits(handshakeTimeout, partialFloor, partialBytesPerSecond, perAddress, total, mainBody,
                displayBody, inputBody, otherBody, inputPerSecond, queueBudgetBytes, drainDeadline,
                warningsPerInterval, warningInterval, tick);
    }

    /**
     * @param budget display-queue bytes of all clients
     * @param deadline how long an over-budget client may stay unwritable
     * @return a copy with this budget
     */
    public ServerLimits withQueueBudget(long budget, Duration deadline) {
        return new ServerLimits(handshakeTimeout, partialFloor, partialBytesPerSecond, maxPerAddress, maxTotal,
                mainBody, displayBody, inputBody, otherBody, inputPerSecond, budget, deadline, warningsPerInterval,
                warningInterval, tick);
    }
}
