package org.svp.protocol.error;

/** A display source (the demo, an X server, a VNC upstream, VirtualBox) failed or refused. */
public final class UpstreamException extends SvpException {
    /**
     * @param detail what failed, in words a user can act on
     * @param cause the underlying error, or null
     */
    public UpstreamException(String detail, Throwable cause) {
        super(SvpStatus.UPSTREAM_FAILED, detail, cause);
    }
}
