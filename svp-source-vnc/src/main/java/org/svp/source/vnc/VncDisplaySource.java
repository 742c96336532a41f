package org.svp.source.vnc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputSink;
import org.svp.source.vnc.connection.ServerInit;
import org.svp.source.vnc.connection.Session;
import org.svp.source.vnc.connection.UpstreamLink;
import org.svp.source.vnc.rfb.Encodings;
import org.svp.source.vnc.rfb.ServerMessageDecoder;

/**
 * Serves a VNC server's screen ({@code --source vnc:HOST:PORT}). {@link #start} connects on the
 * event loop thread "svp-vnc" and returns once the first ServerInit arrived (or throws an
 * {@link UpstreamException} naming why not); from then on everything happens on that thread:
 * decoding, handing updates to the server (blocking there when its queue is full), sending input.
 * When the upstream goes away the server's clients keep the last picture while {@link UpstreamLink}
 * reconnects; each new connection sends its screen (SCREEN_RESIZE if the size changed, then a full
 * update). Only a refusal that reconnecting cannot mend (the password) stops the source, through
 * {@link DisplaySink#fail}. {@link #close} from any thread stops it all.
 */
public final class VncDisplaySource implements DisplaySource {
    /** How long {@link #start} keeps trying to reach the server (a VM's VNC server may still be coming up). */
    public static final Duration FIRST_CONNECT = Duration.ofSeconds(15);

    private final VncTarget target;
    private final String password;
    private final VncStats stats = new VncStats();
    private final VncInput input = new VncInput(stats);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean toldQemuKeys = new AtomicBoolean();
    private volatile UpdateObserver observer;
    private volatile boolean keysymsOnly;
    private volatile Duration firstConnect = FIRST_CONNECT;
    private volatile int[] pixelEncodings = Encodings.PIXEL;
    private UpstreamLink link;
    /** The latest connection's mapping (its size is SVP's screen size); "svp-vnc" only. */
    private UpdateForwarder last;

    /**
     * @param target the VNC server
     * @param password for VNC authentication (first 8 characters count), or null for none
     */
    public VncDisplaySource(VncTarget target, String password) {
        this.target = target;
        this.password = password;
    }

    /** @param o sees every update handed to the server (svp bench vnc); set before {@link #start} */
    public void observe(UpdateObserver o) {
        this.observer = o;
    }

    /**
     * Sends keys as keysyms even to servers that take QEMU's scancodes (tests of the keysym table;
     * servers whose keymap differs from the guest's). Call before {@link #start}.
     *
     * @return this source
     */
    public VncDisplaySource keysymsOnly() {
        this.keysymsOnly = true;
        return this;
    }

    /**
     * Offers the server only this pixel encoding (plus CopyRect): tests of each decoder against a real
     * server. Call before {@link #start}.
     *
     * @param encoding e.g. {@link Encodings#TIGHT}
     * @return this source
     */
    public VncDisplaySource onlyEncoding(int encoding) {
        this.pixelEncodings = new int[] {encoding};
        return this;
    }

    /**
     * How long {@link #start} keeps trying to reach the server (default {@link #FIRST_CONNECT}). Call
     * before {@link #start}.
     *
     * @param timeout the longest wait for the first ServerInit
     * @return this source
     */
    public VncDisplaySource firstConnectTimeout(Duration timeout) {
        this.firstConnect = timeout;
        return this;
    }

    @Override
    public void start(DisplaySink sink) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("VNC source already started");
        }
        link = new UpstreamLink(target, password, new Session() {
            @Override
            public ServerMessageDecoder connected(ServerInit init, Consumer<byte[]> send, boolean again) {
                UpdateForwarder f = new UpdateForwarder(sink, send, stats, observer, toldQemuKeys, init.width(), init.height());
                boolean resize = last == null || last.width != init.width() || last.height != init.height();
                last = f;
                f.begin(resize, pixelEncodings, !keysymsOnly);
                input.attach(link.loop(), f, send);
                return new ServerMessageDecoder(init.width(), init.height(), f);
            }

            @Override
            public void lost() {
                input.detach();
            }

            @Override
            public void failed(UpstreamException e) {
                input.detach();
                sink.fail(e);
            }
        }, stats);
        link.start(firstConnect);
    }

    @Override
    public InputSink input() {
        return input;
    }

    @Override
    public String name() {
        return target.toString();
    }

    /** @return live counters */
    public VncStats stats() {
        return stats;
    }

    @Override
    public void close() {
        UpstreamLink l = link;
        if (l != null) {
            l.close();
        }
    }
}
