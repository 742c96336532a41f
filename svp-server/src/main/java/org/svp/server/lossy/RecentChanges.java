package org.svp.server.lossy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svp.protocol.Rect;

/**
 * When each recently changed many-colour band last changed, for {@link LossyPolicy#losslessFirst}: a
 * band that changes again soon (an animation, a photo being edited) is worth a JPEG, one that stays
 * (a slide, a picture opened) is not — its lossless refresh would follow the JPEG anyway. Keyed by
 * exact rectangle, as {@link MotionHistory}. Thread-safe (encoder workers); bounded to {@link #MAX_RECTS}.
 */
final class RecentChanges {
    static final int MAX_RECTS = 256;

    /** Per rectangle: {when it last changed, the update's dispatch number}. */
    private final Map<Rect, long[]> last = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Rect, long[]> eldest) {
            return size() > MAX_RECTS;
        }
    };

    /**
     * Records a change of {@code r}.
     *
     * @param r the band
     * @param nanos when ({@link System#nanoTime()} or the capture time)
     * @param seq the update's dispatch number (0 = unknown): the same update encoded for another client
     *     choice is not a new change
     * @return nanoseconds since its previous change, or -1 if none is remembered
     */
    synchronized long changed(Rect r, long nanos, long seq) {
        long[] e = last.get(r);
        if (e == null) {
            last.put(r, new long[] {nanos, seq, -1});
            return -1;
        }
        if (seq != 0 && e[1] == seq) {
            return e[2]; // the answer this update already got
        }
        long since = nanos - e[0];
        e[0] = nanos;
        e[1] = seq;
        e[2] = since;
        return since;
    }
}
