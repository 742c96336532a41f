package org.svp.client.swing;

import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.svp.client.ClientOptions;
import org.svp.client.swing.input.PhysicalKeys;
import org.svp.client.swing.ui.ConnectDialog;
import org.svp.client.swing.ui.RecentHosts;
import org.svp.client.swing.ui.ViewerWindow;
import org.svp.client.swing.view.FramebufferPanel;

/**
 * {@code ./svp view}: asks for a host if none was given, opens the viewer window, connects, and returns
 * when the window is closed. Called on the command's main thread, which only waits; the window lives on
 * the EDT, the connection on its own threads (docs/architecture.md, "Viewer threads").
 */
public final class SvpViewer {
    private SvpViewer() {
    }

    /**
     * @param o what to view and how
     * @return 0 when the user closed the window, 1 when the connect dialog was cancelled
     * @throws IllegalStateException when there is no display to open a window on
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static int run(ViewerOptions o) throws InterruptedException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("svp view needs a graphical display (is DISPLAY set?)");
        }
        RecentHosts recent = o.recentHosts() == null ? null : new RecentHosts(o.recentHosts());
        String host = o.host();
        int port = o.port();
        if (host == null) {
            AtomicReference<Optional<String>> answer = new AtomicReference<>();
            try {
                SwingUtilities.invokeAndWait(() -> answer.set(ConnectDialog.ask(
                        recent != null ? recent : new RecentHosts(RecentHosts.defaultFile()))));
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
            if (answer.get().isEmpty()) {
                return 1;
            }
            Object[] hp = ClientOptions.parseTarget(answer.get().get());
            host = (String) hp[0];
            port = (Integer) hp[1];
        } else if (recent != null) {
            recent.remember(port == ClientOptions.DEFAULT_PORT ? host : host + ":" + port);
        }
        CountDownLatch closed = new CountDownLatch(1);
        String h = host;
        int p = port;
        AtomicReference<ViewerSession> session = new AtomicReference<>();
        SwingUtilities.invokeLater(() -> {
            FramebufferPanel panel = new FramebufferPanel(o.scale());
            if (o.reportGeometry()) {
                panel.reportGeometry(line -> {
                    System.out.println(line);
                    System.out.flush();
                });
            }
            ViewerSession s = new ViewerSession(h, p, panel);
            session.set(s);
            ViewerWindow w = new ViewerWindow(s, panel, new PhysicalKeys());
            w.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    closed.countDown();
                }
            });
            w.setLocationRelativeTo(null);
            w.setVisible(true);
            if (o.fullScreen()) {
                w.setFullScreen(true);
            }
            s.start();
        });
        closed.await();
        ViewerSession s = session.get();
        if (s != null) {
            s.close();
        }
        return 0;
    }
}
