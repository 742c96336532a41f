/**
 * Conversion between the six v1 wire pixel formats (protocol.md §2) and in-memory {@code 0x00RRGGBB}
 * ints. {@link org.svp.codec.pixel.PixelConverter} is the entry point; one package-private class per
 * family of formats does the row loops; {@link org.svp.codec.pixel.Palette} says what RGB8 and MONO mean.
 *
 * <p>Everything here is stateless or immutable and safe from any thread; the hot paths allocate nothing.
 */
package org.svp.codec.pixel;
