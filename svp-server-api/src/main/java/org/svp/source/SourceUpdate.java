package org.svp.source;

import java.util.List;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DisplayMessage;

/**
 * One unit of work from a source to the server. Immutable; crosses from the source's thread to the
 * server's I/O thread and the encoder workers.
 */
public sealed interface SourceUpdate {

    /**
     * Display messages that belong together and are applied in order (a CLIP_DRAW and the orders it
     * counts must be in the same update). Bitmaps may be RAW in any v1 pixel format; the server's
     * encoders convert and compress them per client.
     *
     * @param messages the orders; a SCREEN_RESIZE, if any, comes first
     * @param captureNanos {@link System#nanoTime()} when the source captured what the orders show
     *     (the start of capture-to-wire latency), or 0 if unknown (the server then uses submit time)
     */
    record Draw(List<DisplayMessage> messages, long captureNanos) implements SourceUpdate {
        public Draw {
            messages = List.copyOf(messages);
        }

        /** @param messages the orders, without a capture time */
        public Draw(List<DisplayMessage> messages) {
            this(messages, 0L);
        }
    }

    /**
     * A new pointer shape for the cursor channel.
     *
     * @param shape the shape (colour B,G,R, AND mask)
     */
    record Cursor(CursorShape shape) implements SourceUpdate {
    }

    /**
     * Runs {@code action} on the server's I/O thread once every earlier update has been applied to the
     * server's framebuffer (used by {@code --save-final} and by tests to wait for a settled screen).
     *
     * @param action what to run; receives the server's current framebuffer view
     */
    record Marker(MarkerAction action) implements SourceUpdate {
    }

    /** What a {@link Marker} runs. */
    @FunctionalInterface
    interface MarkerAction {
        /**
         * @param width current screen width
         * @param height current screen height
         * @param argb the server's framebuffer (0xAARRGGBB, alpha undefined), read-only, valid only
         *     during the call
         */
        void run(int width, int height, int[] argb);
    }
}
