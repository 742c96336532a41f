package org.svp.protocol.message;

/**
 * A server-to-client message of the display channel (protocol.md §4).
 */
public sealed interface DisplayMessage extends Message
        permits ScreenResize, DirtyRect, SolidRect, SolidBlt, DstBlt, ScreenBlt, PatternBltBrush,
                MemBlt, CachedBitmap, DeletedBitmap, Line, ClipDraw, Polyline, Ellipse, SaveScreen,
                RestoreScreen, Text {
    /**
     * Whether this message is a drawing order that a preceding CLIP_DRAW counts (protocol.md §4:
     * "every drawing message counts"). SCREEN_RESIZE, CACHED_BITMAP, DELETED_BITMAP and CLIP_DRAW
     * itself do not draw, so they do not count (docs/protocol.md records this decision).
     *
     * @return true for the orders that change pixels or the saved-screen slots
     */
    default boolean isDrawing() {
        return true;
    }
}
