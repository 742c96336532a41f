/**
 * Drawing helpers of the demo desktop: the order canvas that records orders and mirrors them on a
 * shadow surface, moving orders by an offset, the 1-bpp glyph font, and bitmap encoders for RAW pixel formats.
 */
package org.svp.source.demo.draw;
