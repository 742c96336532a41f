package org.svp.server.session;

import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.MemBlt;
import org.svp.protocol.message.PatternBltBrush;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.SolidBlt;
import org.svp.protocol.message.SolidRect;

/**
 * What the original v1 client draws exactly (docs/protocol.md, "v1 clients see the right picture").
 * A drawing order outside this set reaches a client that negotiated version 1 as a DIRTY_RECT of the
 * mirror's pixels right after the order ({@link DisplayClient#deliver}); one drawing message in place
 * of one, so CLIP_DRAW counting stays exact. Pure functions, any thread.
 */
public final class V1Orders {
    static final int SRCCOPY = 0xCC;
    static final int PATCOPY = 0xF0;

    private V1Orders() {
    }

    /**
     * @param m a drawing message as the source sent it
     * @return true if the original client draws it exactly as our renderer does, so it may be sent as is
     */
    public static boolean drawable(DisplayMessage m) {
        return switch (m.command()) {
            case DIRTY_RECT, SOLID_RECT, TEXT -> true;
            case SCREEN_BLT -> ((ScreenBlt) m).rop3() == SRCCOPY;
            case MEM_BLT -> ((MemBlt) m).rop3() == SRCCOPY;
            case PATTERN_BLT_BRUSH -> ((PatternBltBrush) m).rop3() == PATCOPY;
            // non-drawing messages (SCREEN_RESIZE, CLIP_DRAW, CACHED_BITMAP, DELETED_BITMAP) pass
            default -> !m.isDrawing();
        };
    }

    /**
     * A v1-drawable message that draws exactly the same pixels, where one exists.
     *
     * @param m a drawing message that is not {@link #drawable}
     * @return the equivalent (SOLID_BLT with PATCOPY is the SOLID_RECT it equals), or null
     */
    public static DisplayMessage equivalent(DisplayMessage m) {
        if (m instanceof SolidBlt s && s.rop3() == PATCOPY) {
            return new SolidRect(s.rect(), s.rgb());
        }
        return null;
    }
}
