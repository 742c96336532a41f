/**
 * The VNC display source ({@code --source vnc:HOST:PORT}): an RFB 3.3/3.7/3.8 client on Netty whose
 * upstream's screen, cursor and size are re-served through SVP, and SVP's input sent back. See
 * docs/vnc-source.md.
 */
package org.svp.source.vnc;
