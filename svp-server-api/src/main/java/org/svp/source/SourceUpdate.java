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
     * @param pixels empty, or one entry per message: for a DIRTY_RECT the source made from pixels it
     *     held as ints, those pixels ({@code 0x00RRGGBB}, w × h, row-major: exactly what decoding its
     *     bitmap gives), so the server's encoders need not decode the bitmap again; else null. Nobody
     *     writes to them.
     */
    record Draw(List<DisplayMessage> messages, long captureNanos, int[][] pixels) implements SourceUpdate {
        private static final int[][] NONE = new int[0][];

        public Draw {
            messages = List.copyOf(messages);
            if (pixels == null) {
                pixels = NONE;
            } else if (pixels.length != 0 && pixels.length != messages.size()) {
                throw new IllegalArgumentException(pixels.length + " pixel arrays for " + messages.size() + " messages");
            }
        }

        /**
         * @param messages the orders
         * @param captureNanos when they were captured, or 0
         */
        public Draw(List<DisplayMessage> messages, long captureNanos) {
            this(messages, captureNanos, NONE);
        }

        /** @param messages the orders, without a capture time */
        public Draw(List<DisplayMessage> messages) {
            this(messages, 0L);
        }

        /**
         * @param i index of a message
         * @return its pixels as the source gave them, or null
         */
        public int[] pixelsOf(int i) {
            return pixels.length == 0 ? null : pixels[i];
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
