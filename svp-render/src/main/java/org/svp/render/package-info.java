/**
 * The software GDI renderer of SVP (protocol.md §4–§6), shared by the server's mirror framebuffer, the
 * headless client and the Swing viewer.
 *
 * <p>{@link org.svp.render.OrderRenderer} applies display messages to a {@link org.svp.render.Surface}
 * (a row-major {@code 0x00RRGGBB} int canvas), using {@link org.svp.render.Rop3} and
 * {@link org.svp.render.Rop2} for raster operations, {@link org.svp.render.ClipRegion} for CLIP_DRAW
 * and {@link org.svp.render.BitmapCache} for CACHED_BITMAP/MEM_BLT. Package-private painters do one
 * family of orders each. {@link org.svp.render.CursorImage} turns cursor shapes into ARGB and
 * {@link org.svp.render.SurfaceImages} moves surfaces to and from PNG.
 *
 * <p>Threading: a surface and its renderer belong to one thread (a client's display channel thread or
 * the server's mirror thread); nothing here locks. {@code Rop3}, {@code Rop2}, {@code CursorImage},
 * {@code SurfaceImages} and {@code ClipRegion} are stateless or immutable and usable from any thread.
 */
package org.svp.render;
