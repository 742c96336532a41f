/**
 * RFB wire messages: the server-to-client update decoder with one decoder per encoding (Raw, CopyRect,
 * Hextile, ZRLE, Tight, and the pseudo-encodings), and the client-to-server messages. Pure byte work,
 * no sockets; every decoder validates against the framebuffer and bounds what it allocates.
 */
package org.svp.source.vnc.rfb;
