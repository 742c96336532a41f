package org.svp.source.vnc;

import io.netty.channel.EventLoop;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.VideoModeset;
import org.svp.source.InputQueue;
import org.svp.source.InputSink;
import org.svp.source.vnc.input.KeyTranslator;
import org.svp.source.vnc.input.PointerTranslator;
import org.svp.source.vnc.rfb.ClientMessages;

/**
 * Client input to the upstream. The server's I/O thread queues events ({@link InputQueue}: bounded,
 * never blocks) and schedules one drain task on "svp-vnc", which translates them (keys:
 * {@link KeyTranslator}, pointer: {@link PointerTranslator}) and writes them to the current connection.
 * While the upstream is away, input is dropped. VIDEO_MODESET becomes SetDesktopSize when the server
 * announced ExtendedDesktopSize, else it is logged once and ignored.
 */
final class VncInput implements InputSink {
    private static final Logger LOG = LoggerFactory.getLogger(VncInput.class);
    private static final int QUEUE = 10_000;

    private final InputQueue queue = new InputQueue(QUEUE, this::wake);
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final KeyTranslator keys = new KeyTranslator();
    private final VncStats stats;
    private volatile EventLoop loop;
    /** The live connection's forwarder and writer, or null while reconnecting; "svp-vnc" only. */
    private UpdateForwarder current;
    private Consumer<byte[]> send;
    private boolean toldNoResize;

    VncInput(VncStats stats) {
        this.stats = stats;
    }

    /** Starts delivering to a connection; "svp-vnc". */
    void attach(EventLoop loop, UpdateForwarder forwarder, Consumer<byte[]> send) {
        this.loop = loop;
        this.current = forwarder;
        this.send = send;
        keys.reset();
    }

    /** The connection is gone; "svp-vnc". */
    void detach() {
        current = null;
        send = null;
    }

    @Override
    public void keyboard(KeyboardEvent event) {
        queue.keyboard(event);
    }

    @Override
    public void mouse(MouseEvent event) {
        queue.mouse(event);
    }

    @Override
    public void videoModeset(VideoModeset request) {
        EventLoop l = loop;
        if (l != null) {
            l.execute(() -> modeset(request));
        }
    }

    private void wake() {
        EventLoop l = loop;
        if (l != null && drainScheduled.compareAndSet(false, true)) {
            l.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        Message m;
        while ((m = queue.poll()) != null) {
            if (current == null) {
                continue; // the upstream is away: input would reach nobody
            }
            if (m instanceof KeyboardEvent k) {
                keys.key(k.down(), k.scancode(), current.qemuKeys, send);
                stats.keyEvents.increment();
                if (current.qemuKeys) {
                    stats.qemuKeyEvents.increment();
                }
            } else if (m instanceof MouseEvent p) {
                PointerTranslator.pointer(p.x(), p.y(), p.buttons(), current.width, current.height, send);
            }
        }
    }

    private void modeset(VideoModeset r) {
        if (current == null) {
            return;
        }
        if (!current.desktopResizable) {
            if (!toldNoResize) {
                toldNoResize = true;
                LOG.info("the VNC server cannot change its screen size (no ExtendedDesktopSize): ignoring VIDEO_MODESET {}x{}",
                        r.width(), r.height());
            }
            return;
        }
        current.asked = new int[] {r.width(), r.height()};
        send.accept(ClientMessages.setDesktopSize(r.width(), r.height(), Math.max(0, current.screenId)));
    }
}
