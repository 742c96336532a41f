package org.svp.source.vnc;

import java.util.List;
import org.svp.protocol.message.DisplayMessage;

/**
 * Sees every update the VNC source hands to the server, with the time its first bytes arrived from
 * the upstream (svp bench vnc measures the latency SVP adds from there). Called on "svp-vnc"; must be
 * quick.
 */
@FunctionalInterface
public interface UpdateObserver {
    /**
     * @param receivedNanos {@link System#nanoTime()} when the FramebufferUpdate began to arrive
     * @param messages what goes to the server (DIRTY_RECT, SCREEN_BLT, SCREEN_RESIZE)
     */
    void forwarded(long receivedNanos, List<DisplayMessage> messages);
}
