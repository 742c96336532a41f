package org.svp.protocol;

/**
 * Capability ids of CAPABILITIES (docs/protocol.md "protocol v2", negotiation step 2). Later
 * extensions (codecs, caches, clipboard) add ids here; a receiver ignores ids it does not know.
 */
public final class CapabilityId {
    /** Session tokens on every channel. */
    public static final int SESSION = 1;
    /** SCRAM-SHA-256 authentication; listed by the server only when it requires authentication. */
    public static final int AUTH_SCRAM_SHA_256 = 2;
    /** View-only roles. */
    public static final int VIEW_ONLY = 3;

    private CapabilityId() {
    }
}
