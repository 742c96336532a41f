package org.svp.server.limits;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts open connections per IP address and in all, so that the server's child initializer can
 * refuse one over the caps before it allocates anything for it. I/O thread (the accepting event
 * loop is the one loop that owns every socket); synchronized for safety.
 */
public final class ConnectionCaps {
    private final int maxPerAddress;
    private final int maxTotal;
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private int total;

    /**
     * @param maxPerAddress connections from one address
     * @param maxTotal connections in all
     */
    public ConnectionCaps(int maxPerAddress, int maxTotal) {
        this.maxPerAddress = maxPerAddress;
        this.maxTotal = maxTotal;
    }

    /**
     * Admits a connection or says why not.
     *
     * @param remote the peer
     * @return null when admitted (then {@link #release} it once closed), else the reason for the log line
     */
    public synchronized String admit(SocketAddress remote) {
        InetAddress a = remote instanceof InetSocketAddress i ? i.getAddress() : null;
        if (total >= maxTotal) {
            return total + " connections open, the server's limit is " + maxTotal;
        }
        int n = a == null ? 0 : perAddress.getOrDefault(a, 0);
        if (n >= maxPerAddress) {
            return n + " connections from " + a.getHostAddress() + " open, the limit per address is " + maxPerAddress;
        }
        total++;
        if (a != null) {
            perAddress.merge(a, 1, Integer::sum);
        }
        return null;
    }

    /** @param remote a peer admitted earlier whose connection closed */
    public synchronized void release(SocketAddress remote) {
        total--;
        if (remote instanceof InetSocketAddress i) {
            perAddress.computeIfPresent(i.getAddress(), (k, v) -> v <= 1 ? null : v - 1);
        }
    }

    /** @return connections open */
    public synchronized int total() {
        return total;
    }
}
