/**
 * The scene of the demo desktop: layout, windows and the panels inside them, the window manager
 * (layers with backings, compositor, stacking, dragging), widgets (button, checkbox), icons, cursors and
 * the keyboard map. Everything is a pure function of the frame number and the input received, so the same
 * frame always yields the same orders.
 */
package org.svp.source.demo.desktop;
