/**
 * The X11 display source: serves an existing X display ({@code --source x11:DISPLAY}) or a new Xvfb
 * desktop ({@code x11:new}) with DAMAGE, MIT-SHM, XFIXES and XTEST over the Foreign Function &amp;
 * Memory API. See docs/x11-source.md.
 */
package org.svp.source.x11;
