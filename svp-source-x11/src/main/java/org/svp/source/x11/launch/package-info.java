/**
 * Starting X servers and desktop programs as child processes: an X server on a free display
 * ({@code -displayfd}), and the {@code x11:new} desktop (Xvfb, a window manager if one is installed,
 * an xterm). Used from the CLI's and tests' threads; stopping is idempotent.
 */
package org.svp.source.x11.launch;
