package org.svp.render;

/**
 * A SCREEN_RESIZE asked for more than {@link RenderLimits#maxScreenWidth()} ×
 * {@link RenderLimits#maxScreenHeight()}; thrown before anything is allocated. Its message is the
 * one line the user sees: "the server asked for a 32767x32767 screen; the limit is 8192x8192".
 */
public final class ScreenTooLargeException extends RuntimeException {
    /**
     * @param width asked columns
     * @param height asked rows
     * @param limits the renderer's limits
     */
    public ScreenTooLargeException(int width, int height, RenderLimits limits) {
        super("the server asked for a " + width + "x" + height + " screen; the limit is " + limits.maxScreenWidth()
                + "x" + limits.maxScreenHeight(), null, false, false);
    }
}
