package org.svp.source.x11;

import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.source.x11.input.KeyMap;
import org.svp.source.x11.input.PointerState;
import org.svp.source.x11.xlib.XConnection;
import org.svp.source.x11.xlib.XTest;

/**
 * Replays queued client input on the X server with XTest. Thread: "svp-x11" (the queue is filled on
 * the server's I/O thread by {@link X11DisplaySource}).
 */
final class InputReplay implements PointerState.Actions {
    private final XConnection x;
    private final XTest test;
    private final MemorySegment dpy;
    private final Supplier<Message> queue;
    private final PointerState pointer = new PointerState();

    InputReplay(XConnection x, Supplier<Message> queue) {
        this.x = x;
        this.test = x.test();
        this.dpy = x.display();
        this.queue = queue;
    }

    /**
     * Sends everything queued, then flushes.
     *
     * @return whether anything was sent (a flush may have read X events into libxcb's queue)
     */
    boolean replay() {
        Message m = queue.get();
        if (m == null) {
            return false;
        }
        for (; m != null; m = queue.get()) {
            switch (m) {
                case KeyboardEvent k -> {
                    int keycode = KeyMap.keycode(k.scancode());
                    if (keycode != 0) {
                        test.key(dpy, keycode, k.down());
                    }
                }
                case MouseEvent e -> pointer.apply(e, this);
                default -> { }
            }
        }
        x.xlib().flush(dpy);
        return true;
    }

    @Override
    public void move(int px, int py) {
        test.motion(dpy, px, py);
    }

    @Override
    public void button(int xButton, boolean down) {
        test.button(dpy, xButton, down);
    }
}
