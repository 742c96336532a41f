package org.svp.server.auth;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed authentications per remote address: after {@link #FREE_FAILURES} failures an address must
 * wait 1 s, then 2, 4, … up to {@link #MAX_DELAY_MS} before its next attempt is even checked; an
 * attempt during the wait is answered RATE_LIMITED (and does not extend it). A success clears the
 * address. At most {@link #MAX_ADDRESSES} addresses are remembered (oldest forgotten first), so a
 * flood of addresses cannot grow the heap. I/O thread only.
 */
public final class FailedAttempts {
    /** Failures allowed before delays start. */
    public static final int FREE_FAILURES = 3;
    /** The longest wait, ms. */
    public static final long MAX_DELAY_MS = 30_000;
    static final int MAX_ADDRESSES = 4096;

    private record Failures(int failures, long blockedUntil) {
    }

    private final Map<InetAddress, Failures> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Failures> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    /**
     * @param from the remote address
     * @param nowMillis the current time
     * @return ms the address must still wait, 0 if it may try now
     */
    public long waitMillis(InetAddress from, long nowMillis) {
        Failures e = byAddress.get(from);
        return e == null ? 0 : Math.max(0, e.blockedUntil - nowMillis);
    }

    /**
     * @param from the remote address
     * @param nowMillis the current time
     * @return how many failures the address has now
     */
    public int failed(InetAddress from, long nowMillis) {
        Failures e = byAddress.get(from);
        int n = e == null ? 1 : e.failures + 1;
        long delay = n <= FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, 1000L << Math.min(20, n - FREE_FAILURES - 1));
        byAddress.put(from, new Failures(n, nowMillis + delay));
        return n;
    }

    /** @param from an address that just authenticated */
    public void succeeded(InetAddress from) {
        byAddress.remove(from);
    }
}
