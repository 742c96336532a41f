package org.svp.client.swing.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.Timer;
import org.svp.client.swing.ViewerSession;
import org.svp.client.swing.input.KeyboardForwarder;
import org.svp.client.swing.input.MouseForwarder;
import org.svp.client.swing.input.PhysicalKeys;
import org.svp.client.swing.view.FramebufferPanel;
import org.svp.client.swing.view.ScaleMode;

/**
 * The viewer's window: the canvas in a scroll pane (scrollbars only at 1:1), the status line, and the
 * menus (Connection: Ctrl+Alt+Del, Quit; View: scale to fit / 1:1, full screen, status line, resize the
 * guest to the window). Menus have no keyboard accelerators and F10 is unbound, so every key goes to the
 * guest except the Ctrl+Alt+End and Ctrl+Alt+Shift shortcuts of {@link KeyboardForwarder}. EDT only.
 */
public final class ViewerWindow extends JFrame {
    /** Wait after the last window resize before asking the guest for that size, ms. */
    private static final int MODESET_DELAY_MS = 400;

    private final ViewerSession session;
    private final FramebufferPanel panel;
    private final JScrollPane scroll;
    private final StatusLine status;
    private final KeyboardForwarder keyboard;
    private final JCheckBoxMenuItem fullScreenItem = new JCheckBoxMenuItem("Full screen   (Ctrl+Alt+Shift+F)");
    private final JCheckBoxMenuItem statusItem = new JCheckBoxMenuItem("Status line   (Ctrl+Alt+Shift+S)", true);
    private final JCheckBoxMenuItem resizeGuestItem = new JCheckBoxMenuItem("Resize guest to window");
    private final Timer modeset;
    private boolean sizedOnce;

    /**
     * Builds the window (not yet shown).
     *
     * @param session the connection (its canvas is {@code panel})
     * @param panel the canvas
     * @param keys finds physical keys
     */
    public ViewerWindow(ViewerSession session, FramebufferPanel panel, PhysicalKeys keys) {
        super("SVP — " + session.target());
        this.session = session;
        this.panel = panel;
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        scroll = new JScrollPane(panel);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getViewport().setBackground(new java.awt.Color(0x202020));
        applyScrollPolicy(panel.scaleMode());
        status = new StatusLine(session::client, panel);
        add(scroll, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        keyboard = new KeyboardForwarder(keys, session::key, this::toggleStatus, this::toggleFullScreen);
        panel.addKeyListener(keyboard);
        panel.addFocusListener(keyboard);
        MouseForwarder mouse = new MouseForwarder(panel::toRemote, session::pointer);
        panel.addMouseListener(mouse);
        panel.addMouseMotionListener(mouse);
        panel.addMouseWheelListener(mouse);
        setJMenuBar(menus());
        modeset = new Timer(MODESET_DELAY_MS, e -> requestGuestSize());
        modeset.setRepeats(false);
        scroll.getViewport().addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                if (resizeGuestItem.isSelected()) {
                    modeset.restart();
                }
            }
        });
        panel.onRemoteResize(this::remoteResized);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                panel.requestFocusInWindow();
            }

            @Override
            public void windowDeactivated(WindowEvent e) {
                keyboard.releaseAll();
            }

            @Override
            public void windowClosed(WindowEvent e) {
                status.stop();
                modeset.stop();
            }
        });
        setSize(NO_SCREEN_SIZE);
    }

    private static final Dimension NO_SCREEN_SIZE = new Dimension(820, 660);

    private JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        bar.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_F10, 0), "none");
        JMenu connection = new JMenu("Connection");
        JMenuItem cad = new JMenuItem("Send Ctrl+Alt+Del   (Ctrl+Alt+End)");
        cad.addActionListener(e -> keyboard.sendCtrlAltDel());
        JMenuItem quit = new JMenuItem("Disconnect and close");
        quit.addActionListener(e -> dispose());
        connection.add(cad);
        connection.addSeparator();
        connection.add(quit);
        JMenu view = new JMenu("View");
        JRadioButtonMenuItem fit = new JRadioButtonMenuItem("Scale to fit", panel.scaleMode() == ScaleMode.FIT);
        JRadioButtonMenuItem one = new JRadioButtonMenuItem("1:1 with scrollbars", panel.scaleMode() == ScaleMode.ONE_TO_ONE);
        ButtonGroup g = new ButtonGroup();
        g.add(fit);
        g.add(one);
        fit.addActionListener(e -> setScaleMode(ScaleMode.FIT));
        one.addActionListener(e -> setScaleMode(ScaleMode.ONE_TO_ONE));
        fullScreenItem.addActionListener(e -> setFullScreen(fullScreenItem.isSelected()));
        statusItem.addActionListener(e -> status.setVisible(statusItem.isSelected() && !fullScreenItem.isSelected()));
        resizeGuestItem.addActionListener(e -> {
            if (resizeGuestItem.isSelected()) {
                requestGuestSize();
            }
        });
        view.add(fit);
        view.add(one);
        view.addSeparator();
        view.add(fullScreenItem);
        view.add(statusItem);
        view.add(resizeGuestItem);
        bar.add(connection);
        bar.add(view);
        // clicking a menu takes the focus; give it back to the canvas afterwards
        for (JMenu m : new JMenu[] {connection, view}) {
            m.getPopupMenu().addPopupMenuListener(new javax.swing.event.PopupMenuListener() {
                @Override
                public void popupMenuWillBecomeVisible(javax.swing.event.PopupMenuEvent e) {
                    keyboard.releaseAll();
                }

                @Override
                public void popupMenuWillBecomeInvisible(javax.swing.event.PopupMenuEvent e) {
                    panel.requestFocusInWindow();
                }

                @Override
                public void popupMenuCanceled(javax.swing.event.PopupMenuEvent e) {
                    panel.requestFocusInWindow();
                }
            });
        }
        return bar;
    }

    private void setScaleMode(ScaleMode m) {
        applyScrollPolicy(m);
        panel.setScaleMode(m);
        scroll.revalidate();
    }

    private void applyScrollPolicy(ScaleMode m) {
        boolean fit = m == ScaleMode.FIT;
        scroll.setHorizontalScrollBarPolicy(fit ? JScrollPane.HORIZONTAL_SCROLLBAR_NEVER
                : JScrollPane.HORIZONTAL_SCROLLBAR_AS_NEEDED);
        scroll.setVerticalScrollBarPolicy(fit ? JScrollPane.VERTICAL_SCROLLBAR_NEVER
                : JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED);
    }

    /** Toggles the status line (menu and Ctrl+Alt+Shift+S). */
    public void toggleStatus() {
        statusItem.setSelected(!statusItem.isSelected());
        status.setVisible(statusItem.isSelected() && !fullScreenItem.isSelected());
        revalidate();
    }

    /** Toggles full screen (menu and Ctrl+Alt+Shift+F). */
    public void toggleFullScreen() {
        setFullScreen(!fullScreenItem.isSelected());
    }

    /** @param on full screen on the window's monitor, or back to a window */
    public void setFullScreen(boolean on) {
        fullScreenItem.setSelected(on);
        // full screen shows the picture alone: no menu bar, no status line (both come back with the window)
        getJMenuBar().setVisible(!on);
        status.setVisible(!on && statusItem.isSelected());
        revalidate();
        GraphicsDevice device = getGraphicsConfiguration() != null ? getGraphicsConfiguration().getDevice()
                : GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
        if (device.isFullScreenSupported()) {
            device.setFullScreenWindow(on ? this : null);
        } else {
            setExtendedState(on ? MAXIMIZED_BOTH : NORMAL);
        }
        if (on) {
            coverScreen(device);
        }
        panel.requestFocusInWindow();
    }

    /**
     * Puts the window over the whole screen of {@code device}. Without a window manager (Xvfb) the full-screen
     * request alone did not always move the window (seen once in five runs), so the bounds are also set.
     */
    private void coverScreen(GraphicsDevice device) {
        Rectangle screen = device.getDefaultConfiguration().getBounds();
        if (!getBounds().equals(screen)) {
            setBounds(screen);
            validate();
        }
    }

    private void remoteResized(Dimension size) {
        boolean fullScreen = fullScreenItem.isSelected();
        if (fullScreen) {
            // --fullscreen at start: the switch asked for before the window was first shown does not always
            // take (seen under Xvfb without a window manager: the window stayed where it was placed), so the
            // first picture asks again
            GraphicsDevice device = getGraphicsConfiguration() != null ? getGraphicsConfiguration().getDevice()
                    : GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
            if (device.isFullScreenSupported() && device.getFullScreenWindow() != this) {
                device.setFullScreenWindow(this);
            }
            coverScreen(device);
            return;
        }
        if (!fullScreen && (!sizedOnce || panel.scaleMode() == ScaleMode.ONE_TO_ONE) && !resizeGuestItem.isSelected()) {
            boolean first = !sizedOnce;
            sizedOnce = true;
            pack();
            Dimension chrome = new Dimension(Math.max(0, getWidth() - size.width), Math.max(0, getHeight() - size.height));
            Rectangle usable = WindowPlacement.usableArea(getGraphicsConfiguration());
            Rectangle b = WindowPlacement.place(usable, chrome, size, panel.scaleMode() == ScaleMode.FIT);
            if (!first) {
                // a later 1:1 re-size keeps the window where the user put it, as far as it still fits
                b.x = Math.max(usable.x, Math.min(getX(), usable.x + usable.width - b.width));
                b.y = Math.max(usable.y, Math.min(getY(), usable.y + usable.height - b.height));
            }
            setBounds(b);
            validate();
        }
    }

    /** Centres the window, at its current size (clamped), in its screen's usable area. */
    public void placeOnScreen() {
        setBounds(WindowPlacement.centred(WindowPlacement.usableArea(getGraphicsConfiguration()), getSize()));
    }

    private void requestGuestSize() {
        Dimension d = scroll.getViewport().getExtentSize();
        session.requestMode(d.width, d.height);
    }

    /** @return the canvas */
    public FramebufferPanel panel() {
        return panel;
    }
}
