/** Test support: an Xvfb display, the X tools, and a reader for xwd screenshots. */
package org.svp.client.swing.x11;
