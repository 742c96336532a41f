package org.svp.server.lossy;

import java.util.Collection;
import java.util.List;
import org.svp.protocol.Feature;
import org.svp.protocol.Rect;
import org.svp.server.session.DisplayClient;

/**
 * The lossless refresh: every region sent as JPEG or H.264 is re-sent from the mirror, losslessly, once it has
 * not been coded lossy for {@link #STILL_NANOS} (a video region: a second), so the client's final picture equals the server's. It
 * goes through each JPEG client's resync path ({@link DisplayClient#resync}), whose encode manager has
 * no lossy policy, after whatever that client still has queued. Scheduled on the I/O thread by
 * SvpServer every {@link #TICK_MILLIS} ms.
 */
public final class LossyRefresh {
    /** How long a lossy region must be still before its refresh. */
    public static final long STILL_NANOS = 300_000_000L;
    /** The refresh check's period. */
    public static final long TICK_MILLIS = 50;

    private final LossyPolicy policy;
    private final LossyRegions regions;

    /** @param policy what sent regions lossy */
    public LossyRefresh(LossyPolicy policy) {
        this.policy = policy;
        this.regions = policy.regions();
    }

    /**
     * Refreshes the still regions. I/O thread.
     *
     * @param displays the connected display clients
     * @return the regions refreshed
     */
    public List<Rect> tick(Collection<DisplayClient> displays) {
        policy.closeIdleStreams();
        List<Rect> still = regions.takeStill(System.nanoTime());
        if (still.isEmpty()) {
            return still;
        }
        for (DisplayClient c : displays) {
            if ((c.choice().features() & (Feature.CODEC_JPEG | Feature.CODEC_H264)) != 0) {
                still.forEach(c::resync);
            }
        }
        return still;
    }
}
