package org.svp.source.vrde.order;

import org.svp.protocol.Rect;
import org.svp.protocol.message.DisplayMessage;

/** One parsed record of a VRDE order buffer, as {@link OrderParser} gives it to {@link OrderTranslator}. */
public sealed interface VrdeOrder {

    /** @param message the SVP message with the same meaning (a drawing order or a bitmap-cache message) */
    record Draw(DisplayMessage message) implements VrdeOrder {
    }

    /** BOUNDS: the next drawing order is clipped to {@code clip} (pt2 exclusive, so already a w × h rect). */
    record Bounds(Rect clip) implements VrdeOrder {
    }

    /** REPEAT: the previous drawing order again, clipped to {@code clip}. */
    record Repeat(Rect clip) implements VrdeOrder {
    }

    /** SAVESCREEN with restore = 1: SVP cannot restore without the pixels, so the area is refreshed. */
    record Restore(Rect area) implements VrdeOrder {
    }
}
