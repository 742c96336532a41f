package org.svp.client.swing.input;

/** Where key strokes go (the session's input channel). Called on the EDT; must not block. */
@FunctionalInterface
public interface KeySink {
    /**
     * @param down press (also an auto-repeat) or release
     * @param scancode set-1 make code, {@code 0xE000 | code} for extended keys
     */
    void key(boolean down, int scancode);
}
