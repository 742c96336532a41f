/**
 * Turning damage into the cheapest orders, in pure Java (no X calls, so it is unit-tested without a
 * display): damaged tiles are compared with the previous frame, scrolling becomes SCREEN_BLT, solid
 * areas SOLID_RECT, the rest DIRTY_RECT. Used only by the source's "svp-x11" thread.
 */
package org.svp.source.x11.capture;
