/**
 * Lossy coding of photographic regions (issue 13): {@link org.svp.server.lossy.LossyPolicy} decides per
 * band whether JPEG replaces the lossless coding and at which quality, {@link
 * org.svp.server.lossy.LossyRegions} remembers what went lossy, and {@link
 * org.svp.server.lossy.LossyRefresh} re-sends those regions losslessly once they are still, so the final
 * picture is exact.
 */
package org.svp.server.lossy;
