package org.svp.render;

/**
 * How much a peer may make a renderer hold (docs/security.md, "Limits and timeouts"). The client
 * renders what a possibly hostile server sends, so it uses {@link #CLIENT}; the server's mirror and
 * the demo's shadow render what their own source produced and use {@link #TRUSTED} (no screen or cache
 * bound beyond the surface's own, SAVE_SCREEN bytes still capped).
 *
 * @param maxScreenWidth widest SCREEN_RESIZE accepted
 * @param maxScreenHeight tallest SCREEN_RESIZE accepted
 * @param cacheEntries bitmaps the cache holds before it evicts the least recently used
 * @param cacheBytes decoded bytes (4 per pixel) the cache holds before it evicts
 * @param saveBytes bytes all SAVE_SCREEN slots hold together before the oldest is evicted
 */
public record RenderLimits(int maxScreenWidth, int maxScreenHeight, int cacheEntries, long cacheBytes,
                           long saveBytes) {
    /** 8192×8192 screens, 4096 bitmaps / 64 MiB of cache, 64 MiB of saved screen areas. */
    public static final RenderLimits CLIENT = new RenderLimits(8192, 8192, 4096, 64L << 20, 64L << 20);
    /** For renderers fed by the server's own source: only SAVE_SCREEN bytes are capped. */
    public static final RenderLimits TRUSTED = new RenderLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Long.MAX_VALUE, 64L << 20);
}
