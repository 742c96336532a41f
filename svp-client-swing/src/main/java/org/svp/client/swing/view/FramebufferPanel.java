package org.svp.client.swing.view;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javax.swing.JComponent;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import org.svp.client.RemoteScreen;
import org.svp.protocol.Rect;
import org.svp.protocol.message.CursorShape;

/**
 * The canvas that shows the remote screen.
 *
 * <p>Repaint path (docs/architecture.md, "Viewer threads"): the display channel's thread renders a
 * message into the client's {@link RemoteScreen}, which calls {@link #damaged} with the changed rect
 * while holding its monitor; this copies just that rect into the back buffer (a {@code TYPE_INT_RGB}
 * image whose {@code int[]} it writes directly) and asks Swing to repaint the matching canvas rect. The
 * EDT's {@link #paintComponent} then draws only the clip Swing gives it, 1:1 or scaled with bilinear
 * filtering. Nothing is copied or painted on a timer. The back buffer is guarded by {@link #lock}: the
 * display thread writes it, the EDT reads it.
 *
 * <p>The pointer is the remote cursor shape set as this component's own cursor (never drawn into the
 * picture). A banner (e.g. "connection lost") may be shown over the picture.
 */
public final class FramebufferPanel extends JComponent implements Scrollable, RemoteScreen.Listener {
    private static final Color BACKGROUND = new Color(0x202020);
    /** Preferred size before the first SCREEN_RESIZE. */
    private static final Dimension NO_SCREEN = new Dimension(800, 600);
    /** The banner's box colour (drawn 85 % opaque over the picture). */
    static final Color BANNER_BACKGROUND = new Color(0x303040);
    /** Space between the banner's box and the canvas edges, pixels. */
    static final int BANNER_MARGIN = 10;
    /** Space between the banner's text and its box, pixels. */
    static final int BANNER_PADDING = 16;

    private final Object lock = new Object();
    private final PaintStats stats = new PaintStats();
    /** Guarded by {@link #lock}. */
    private BufferedImage image;
    /** The image's pixels; guarded by {@link #lock}. */
    private int[] data;
    /** Oldest not yet painted update's receive time, 0 = none; guarded by {@link #lock}. */
    private long oldestPending;
    private volatile int remoteW;
    private volatile int remoteH;
    private volatile RemoteScreen screen;
    private volatile Consumer<String> onClosed = r -> { };
    private volatile ScaleMode mode;
    private volatile ScaleTransform transform = ScaleTransform.NONE;
    private volatile String banner;
    /** EDT: told the remote size after a SCREEN_RESIZE. */
    private Consumer<Dimension> onRemoteResize = d -> { };
    /** EDT: told where the picture is on the screen whenever that changes (tests, scripts); may be null. */
    private Consumer<String> geometryReport;
    private String lastGeometry;
    private String lastBanner;
    /** Told (EDT) when the first picture of an attached screen is on the window; may be null. */
    private volatile LongConsumer firstPicture;
    /** Whether the current screen's first picture is still to be reported. */
    private volatile boolean firstPicturePending;

    /** @param mode initial scaling */
    public FramebufferPanel(ScaleMode mode) {
        this.mode = mode;
        setOpaque(true);
        setFocusable(true);
        setFocusTraversalKeysEnabled(false); // Tab goes to the guest
        setBackground(BACKGROUND);
    }

    /**
     * Shows a client's screen from now on (any thread). Detaches the previous one.
     *
     * @param s the newly connected client's screen
     * @param closed told once, on the display thread, when that screen's channel stops
     */
    public void attach(RemoteScreen s, Consumer<String> closed) {
        RemoteScreen old = screen;
        if (old != null) {
            old.listen(null);
        }
        onClosed = closed;
        screen = s;
        firstPicturePending = true;
        s.listen(this);
    }

    /** Stops listening to the current screen (any thread); the last picture stays. */
    public void detach() {
        RemoteScreen old = screen;
        if (old != null) {
            old.listen(null);
        }
    }

    @Override
    public void resized(int width, int height) {
        synchronized (lock) {
            image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
            data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            remoteW = width;
            remoteH = height;
        }
        SwingUtilities.invokeLater(() -> {
            updateTransform();
            revalidate();
            repaint();
            onRemoteResize.accept(new Dimension(width, height));
        });
    }

    @Override
    public void damaged(Rect area, long receivedNanos) {
        long t0 = System.nanoTime();
        RemoteScreen s = screen;
        synchronized (lock) {
            if (data == null || s == null) {
                return;
            }
            s.copyInto(area, data, remoteW);
            if (oldestPending == 0) {
                oldestPending = receivedNanos;
            }
        }
        stats.copyNanos.add(System.nanoTime() - t0);
        repaint(transform.toCanvas(area.x(), area.y(), area.width(), area.height()));
    }

    @Override
    public void closed(String reason) {
        onClosed.accept(reason);
    }

    /**
     * @param shape the new remote pointer (any thread); becomes this canvas's cursor
     */
    public void setRemoteCursor(CursorShape shape) {
        SwingUtilities.invokeLater(() -> setCursor(CursorFactory.create(shape)));
    }

    /** @param text a message shown over the picture, or null for none (any thread) */
    public void setBanner(String text) {
        banner = text;
        repaint();
    }

    /** @return the banner text, or null */
    public String banner() {
        return banner;
    }

    /** @param m the new scaling (EDT) */
    public void setScaleMode(ScaleMode m) {
        mode = m;
        updateTransform();
        revalidate();
        repaint();
    }

    /** @return the current scaling */
    public ScaleMode scaleMode() {
        return mode;
    }

    /** @return the current mapping (any thread) */
    public ScaleTransform transform() {
        return transform;
    }

    /** @return the remote screen size, 0×0 before the first SCREEN_RESIZE */
    public Dimension remoteSize() {
        return new Dimension(remoteW, remoteH);
    }

    /** @return paint measurements */
    public PaintStats stats() {
        return stats;
    }

    /**
     * @param listener told on the EDT, with {@link System#nanoTime()}, once per {@link #attach}: when the
     *     first paint of that screen's pixels has been flushed to the window system (time to first picture)
     */
    public void onFirstPicture(LongConsumer listener) {
        firstPicture = listener;
    }

    /** @param listener told (EDT) the remote size after every SCREEN_RESIZE */
    public void onRemoteResize(Consumer<Dimension> listener) {
        onRemoteResize = listener;
    }

    /**
     * @param report told (EDT) "canvas X Y W H SCALE" — the picture's screen position, size in window
     *     pixels and scale — whenever it changes, and "banner TEXT" (on one line) or "banner none" whenever
     *     the painted banner changes; null for none
     */
    public void reportGeometry(Consumer<String> report) {
        geometryReport = report;
    }

    /**
     * @param p a point on this canvas
     * @return the remote pixel under it
     */
    public Point toRemote(Point p) {
        return transform.toRemote(p);
    }

    private void updateTransform() {
        transform = ScaleTransform.of(mode, remoteW, remoteH, getWidth(), getHeight());
    }

    @Override
    public void doLayout() {
        updateTransform();
    }

    @Override
    public void setBounds(int x, int y, int width, int height) {
        super.setBounds(x, y, width, height);
        updateTransform();
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        long t0 = System.nanoTime();
        Graphics2D g = (Graphics2D) graphics;
        ScaleTransform t = transform;
        Rectangle picture = t.toCanvas(0, 0, t.width(), t.height());
        Rectangle clip = g.getClipBounds() != null ? g.getClipBounds() : new Rectangle(getSize());
        if (!picture.contains(clip)) {
            g.setColor(BACKGROUND);
            g.fillRect(clip.x, clip.y, clip.width, clip.height);
        }
        long pending;
        synchronized (lock) {
            if (image != null && t.width() > 0) {
                if (t.scale() == 1) {
                    g.drawImage(image, t.offsetX(), t.offsetY(), null);
                } else {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(image, t.offsetX(), t.offsetY(), (int) Math.round(t.width() * t.scale()),
                            (int) Math.round(t.height() * t.scale()), null);
                }
            }
            pending = oldestPending;
            oldestPending = 0;
        }
        String b = banner;
        if (b != null) {
            paintBanner(g, b);
        }
        stats.paintNanos.add(System.nanoTime() - t0);
        if (pending != 0) {
            stats.framesPainted.increment();
            boolean first = firstPicturePending;
            firstPicturePending = false;
            // runs after this paint pass has been copied to the window: then the pixels are on screen
            SwingUtilities.invokeLater(() -> {
                Toolkit.getDefaultToolkit().sync();
                long now = System.nanoTime();
                stats.addLatency(now - pending);
                LongConsumer f = firstPicture;
                if (first && f != null) {
                    f.accept(now);
                }
            });
        }
        report(t, b);
    }

    private void paintBanner(Graphics2D g, String text) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(getFont() != null ? getFont().deriveFont(Font.BOLD, 15f) : new Font(Font.SANS_SERIF, Font.BOLD, 15));
        FontMetrics fm = g.getFontMetrics();
        Rectangle visible = getVisibleRect();
        int maxBox = Math.max(2 * BANNER_PADDING + 1, visible.width - 2 * BANNER_MARGIN);
        List<String> lines = BannerText.wrap(text, fm, maxBox - 2 * BANNER_PADDING);
        int widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, fm.stringWidth(line));
        }
        int w = Math.min(maxBox, widest + 2 * BANNER_PADDING);
        int h = fm.getHeight() * lines.size() + 20;
        int x = visible.x + (visible.width - w) / 2;
        int y = visible.y + 20;
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.85f));
        g.setColor(BANNER_BACKGROUND);
        g.fillRoundRect(x, y, w, h, 12, 12);
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(Color.WHITE);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), x + BANNER_PADDING, y + 10 + fm.getAscent() + i * fm.getHeight());
        }
    }

    private void report(ScaleTransform t, String shownBanner) {
        Consumer<String> r = geometryReport;
        if (r == null || !isShowing()) {
            return;
        }
        String bannerLine = "banner " + (shownBanner == null ? "none" : shownBanner.replaceAll("\\s+", " "));
        if (!bannerLine.equals(lastBanner)) {
            lastBanner = bannerLine;
            r.accept(bannerLine);
        }
        if (t.width() == 0) {
            return;
        }
        Point origin = getLocationOnScreen();
        Rectangle p = new Rectangle(origin.x + t.offsetX(), origin.y + t.offsetY(),
                (int) Math.round(t.width() * t.scale()), (int) Math.round(t.height() * t.scale()));
        String g = "canvas " + p.x + " " + p.y + " " + p.width + " " + p.height + " " + t.scale();
        if (!g.equals(lastGeometry)) {
            lastGeometry = g;
            r.accept(g);
        }
    }

    @Override
    public Dimension getPreferredSize() {
        return remoteW > 0 ? new Dimension(remoteW, remoteH) : NO_SCREEN;
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? visible.height - 32 : visible.width - 32;
    }

    // At 1:1 the canvas also takes the viewport's size when that is larger than the screen (full screen, a
    // big window), so that ScaleTransform can centre the picture; smaller viewports scroll.
    @Override
    public boolean getScrollableTracksViewportWidth() {
        return mode == ScaleMode.FIT || getParent() != null && getParent().getWidth() > getPreferredSize().width;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return mode == ScaleMode.FIT || getParent() != null && getParent().getHeight() > getPreferredSize().height;
    }
}
