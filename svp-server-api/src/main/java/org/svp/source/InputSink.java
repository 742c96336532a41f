package org.svp.source;

import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.VideoModeset;

/**
 * Client input handed to the source (the seed's "call VRDE to tell the VM"). Called on the server's
 * I/O thread, in arrival order, from any client; implementations must not block (hand off to the
 * source's own thread).
 */
public interface InputSink {
    /** Drops every event: for sources that cannot react (a recording being replayed, a benchmark's screen). */
    InputSink IGNORE = new InputSink() {
        @Override
        public void keyboard(KeyboardEvent event) {
        }

        @Override
        public void mouse(MouseEvent event) {
        }
    };

    /** @param event a key press or release, PC/AT set-1 scancode */
    void keyboard(KeyboardEvent event);

    /** @param event absolute pointer position and full button state */
    void mouse(MouseEvent event);

    /**
     * A client asks for a screen mode. Sources that cannot change mode ignore it.
     *
     * @param request the wanted size and depth
     */
    default void videoModeset(VideoModeset request) {
    }
}
