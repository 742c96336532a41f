package org.svp.source.vnc.connection;

/**
 * What the server said in ServerInit, after the hand-shake.
 *
 * @param width framebuffer width
 * @param height framebuffer height
 * @param name the desktop name
 * @param version the RFB version agreed, e.g. "3.8"
 */
public record ServerInit(int width, int height, String name, String version) {
}
