package org.svp.client.swing.ui;

import java.awt.Font;
import java.util.Locale;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.Timer;
import org.svp.client.ClientStats;
import org.svp.client.SvpClient;
import org.svp.client.swing.view.FramebufferPanel;
import org.svp.client.swing.view.ScaleMode;
import org.svp.protocol.CodecId;

/**
 * The status line under the picture: frames painted per second, kbit/s received and sent, round-trip
 * time, the codec of the newest bitmap, the remote size and the scale. Refreshed once a second by a
 * Swing timer (it repaints only itself). EDT only.
 */
public final class StatusLine extends JLabel {
    /** Refresh period, ms. */
    private static final int PERIOD_MS = 1000;

    private final Supplier<SvpClient> client;
    private final FramebufferPanel panel;
    private final Timer timer;
    private long lastNanos = System.nanoTime();
    private long lastFrames;
    private long lastIn;
    private long lastOut;
    private SvpClient lastClient;

    /**
     * @param client the current client (null while disconnected)
     * @param panel the canvas (frames painted, size, scale)
     */
    public StatusLine(Supplier<SvpClient> client, FramebufferPanel panel) {
        super(" ");
        this.client = client;
        this.panel = panel;
        setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        timer = new Timer(PERIOD_MS, e -> refresh());
        timer.start();
    }

    /** Stops the timer (window closed). */
    public void stop() {
        timer.stop();
    }

    /**
     * @param mode the scaling the user chose
     * @param scale canvas pixels per remote pixel now
     * @return "1:1", or "fit" with the scale in per cent ("fit 100%" when the window happens to be exactly
     *     the screen's size: still fit mode, it will scale as soon as the window changes)
     */
    static String scaleText(ScaleMode mode, double scale) {
        return mode == ScaleMode.ONE_TO_ONE ? "1:1" : String.format(Locale.ROOT, "fit %.0f%%", scale * 100);
    }

    private void refresh() {
        if (!isShowing()) {
            return;
        }
        SvpClient c = client.get();
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        long frames = panel.stats().framesPainted.sum();
        if (c == null) {
            setText("disconnected");
        } else {
            ClientStats s = c.stats();
            long in = s.displayBytes.sum() + s.cursorBytes.sum();
            long out = s.bytesSent.sum();
            if (c != lastClient) {
                lastIn = in;
                lastOut = out;
                lastClient = c;
            }
            int codec = s.lastCodec.get();
            setText(String.format("%5.1f frames/s   in %8.0f kbit/s   out %6.1f kbit/s   RTT %6.2f ms   codec %s   %dx%d   %s",
                    (frames - lastFrames) / seconds, (in - lastIn) * 8 / 1000.0 / seconds,
                    (out - lastOut) * 8 / 1000.0 / seconds, c.roundTripMicros() / 1000.0,
                    codec < 0 ? "-" : CodecId.name(codec), panel.remoteSize().width, panel.remoteSize().height,
                    scaleText(panel.scaleMode(), panel.transform().scale())));
            lastIn = in;
            lastOut = out;
        }
        lastFrames = frames;
        lastNanos = now;
    }
}
