package org.svp.protocol.error;

/**
 * Base of every SVP error. The subclasses say whose fault it is; {@link #status()} says what.
 * Unchecked, because it crosses Netty handlers and worker lambdas.
 */
public abstract sealed class SvpException extends RuntimeException
        permits PeerProtocolException, UpstreamException {
    private final SvpStatus status;

    protected SvpException(SvpStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** @return what went wrong */
    public SvpStatus status() {
        return status;
    }
}
