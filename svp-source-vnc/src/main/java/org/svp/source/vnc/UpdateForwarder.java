package org.svp.source.vnc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.CodecId;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.ScreenResize;
import org.svp.source.DisplaySink;
import org.svp.source.SourceUpdate;
import org.svp.source.vnc.rfb.ClientMessages;
import org.svp.source.vnc.rfb.Encodings;
import org.svp.source.vnc.rfb.UpdateListener;

/**
 * One upstream connection mapped into SVP (the {@link UpdateListener} of its decoder): each
 * FramebufferUpdate becomes one {@link SourceUpdate.Draw} — pixels as DIRTY_RECT (RAW RGB32, cut into
 * bands so no message nears the 10 MiB body limit; the server's encode manager picks the codec),
 * CopyRect as SCREEN_BLT — stamped with the time its first bytes arrived; a new desktop size as
 * SCREEN_RESIZE in an update of its own, followed by a full update; a rich cursor as a
 * {@link SourceUpdate.Cursor}. After each update it asks for the next (incremental unless the size
 * changed). Thread: "svp-vnc"; {@link DisplaySink#submit} may block it (back-pressure reaches the
 * upstream through TCP).
 */
final class UpdateForwarder implements UpdateListener {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateForwarder.class);
    /** SRCCOPY. */
    private static final int ROP_SRCCOPY = 0xCC;
    /** Pixels in one DIRTY_RECT band at most (1 MiB of RGB32). */
    static final int BAND_PIXELS = 256 * 1024;

    private final DisplaySink sink;
    private final Consumer<byte[]> send;
    private final VncStats stats;
    private final UpdateObserver observer;
    /** Shared by the source's connections: the QEMU-keys line is logged once, not at every reconnect. */
    private final java.util.concurrent.atomic.AtomicBoolean toldQemuKeys;
    private List<DisplayMessage> pending = new ArrayList<>();
    private long receivedNanos;
    private boolean needFull;
    int width;
    int height;
    /** The first screen's id from ExtendedDesktopSize (for SetDesktopSize), or -1 before one arrived. */
    int screenId = -1;
    /** The server sent an ExtendedDesktopSize rectangle: it accepts SetDesktopSize. */
    boolean desktopResizable;
    /** The server acknowledged QEMU Extended Key Events. */
    boolean qemuKeys;
    /** The size asked for with SetDesktopSize, or null. */
    int[] asked;

    UpdateForwarder(DisplaySink sink, Consumer<byte[]> send, VncStats stats, UpdateObserver observer,
                    java.util.concurrent.atomic.AtomicBoolean toldQemuKeys, int width, int height) {
        this.sink = sink;
        this.toldQemuKeys = toldQemuKeys;
        this.send = send;
        this.stats = stats;
        this.observer = observer;
        this.width = width;
        this.height = height;
    }

    /**
     * Sends the set-up messages; the full update follows.
     *
     * @param resize whether SVP's screen must first change to this connection's size
     * @param pixelEncodings the pixel encodings to offer
     * @param offerQemuKeys whether to offer QEMU's Extended Key Event
     */
    void begin(boolean resize, int[] pixelEncodings, boolean offerQemuKeys) {
        if (resize) {
            submit(new SourceUpdate.Draw(List.of(new ScreenResize(width, height))));
        }
        send.accept(ClientMessages.setPixelFormat());
        send.accept(ClientMessages.setEncodings(Encodings.requested(pixelEncodings, offerQemuKeys)));
        send.accept(ClientMessages.updateRequest(false, width, height));
    }

    @Override
    public void updateStarted() {
        receivedNanos = System.nanoTime();
    }

    @Override
    public void pixels(int encoding, int x, int y, int w, int h, byte[] bgrx) {
        stats.pixelRects.increment();
        stats.rects(encoding).increment();
        int rows = Math.max(1, BAND_PIXELS / w);
        if (rows >= h) {
            pending.add(dirty(x, y, w, h, bgrx));
            return;
        }
        for (int top = 0; top < h; top += rows) {
            int bh = Math.min(rows, h - top);
            byte[] band = new byte[w * bh * 4];
            System.arraycopy(bgrx, top * w * 4, band, 0, band.length);
            pending.add(dirty(x, y + top, w, bh, band));
        }
    }

    private static DirtyRect dirty(int x, int y, int w, int h, byte[] px) {
        return new DirtyRect(new Bitmap(PixelFormat.RGB32, CodecId.RAW, x, y, w, h, px));
    }

    @Override
    public void copy(int x, int y, int w, int h, int srcX, int srcY) {
        stats.copyRects.increment();
        pending.add(new ScreenBlt(new Rect(x, y, w, h), srcX, srcY, ROP_SRCCOPY));
    }

    @Override
    public void resized(int w, int h, int id) {
        if (id >= 0) {
            screenId = id;
        }
        if (w == width && h == height) {
            return;
        }
        LOG.info("the VNC server's screen is now {}x{}", w, h);
        flush();
        width = w;
        height = h;
        pending.add(new ScreenResize(w, h));
        needFull = true;
    }

    @Override
    public void extendedDesktopSize(int reason, int status, int w, int h) {
        desktopResizable = true;
        if (reason == 1 && status != 0) {
            String why = switch (status) {
                case 1 -> "resize is administratively prohibited";
                case 2 -> "out of resources";
                case 3 -> "invalid screen layout";
                default -> "status " + status;
            };
            LOG.warn("the VNC server refused the size {}: {}", asked == null ? "asked for" : asked[0] + "x" + asked[1], why);
        }
    }

    @Override
    public void cursor(int hotX, int hotY, int w, int h, byte[] bgrx, byte[] mask) {
        int rowBytes = (w + 7) / 8;
        byte[] and = new byte[rowBytes * h];
        byte[] color = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean shown = (mask[y * rowBytes + x / 8] & (0x80 >>> (x & 7))) != 0;
                int i = y * w + x;
                if (shown) {
                    color[i * 3] = bgrx[i * 4];
                    color[i * 3 + 1] = bgrx[i * 4 + 1];
                    color[i * 3 + 2] = bgrx[i * 4 + 2];
                } else {
                    and[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        flush();
        submit(new SourceUpdate.Cursor(new CursorShape(hotX, hotY, w, h, and, color)));
    }

    @Override
    public void qemuExtendedKeys() {
        if (!qemuKeys && toldQemuKeys.compareAndSet(false, true)) {
            LOG.info("the VNC server takes QEMU extended key events: scancodes reach it as they are");
        }
        qemuKeys = true;
    }

    @Override
    public void updateFinished() {
        stats.updates.increment();
        flush();
        send.accept(ClientMessages.updateRequest(!needFull, width, height));
        needFull = false;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<DisplayMessage> messages = pending;
        pending = new ArrayList<>();
        if (observer != null) {
            observer.forwarded(receivedNanos, messages);
        }
        submit(new SourceUpdate.Draw(messages, receivedNanos));
    }

    private void submit(SourceUpdate u) {
        try {
            sink.submit(u);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing an update to the server (shutting down)", e);
        }
    }
}
