package org.svp.client.swing;

import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.svp.client.ClientOptions;
import org.svp.client.tls.ClientTransport;
import org.svp.client.swing.input.PhysicalKeys;
import org.svp.client.swing.ui.ConnectDialog;
import org.svp.client.swing.ui.RecentHosts;
import org.svp.client.swing.ui.ViewerWindow;
import org.svp.client.swing.ui.WindowClass;
import org.svp.client.swing.view.FramebufferPanel;

/**
 * {@code ./svp view}: asks for a host if none was given, opens the viewer window, connects, and returns
 * when the window is closed. Called on the command's main thread, which only waits; the window lives on
 * the EDT, the connection on its own threads (docs/architecture.md, "Viewer threads").
 */
public final class SvpViewer {
    /** The X window class of the viewer's windows (WM_CLASS), for task bars and window rules. */
    public static final String WINDOW_CLASS = "svp";

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
        // with a host, connect at once, while the toolkit loads and the EDT builds the window: loading the
        // toolkit and the network stack each take a good part of a second on a cold JVM
        ViewerSession s = o.host() == null ? null : startSession(o.host(), o.port(), o.password(), o.transport());
        WindowClass.set(WINDOW_CLASS); // before the first window (the dialog's too)
        if (s == null) {
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
            s = startSession((String) hp[0], (Integer) hp[1], o.password(), o.transport());
        } else if (recent != null) {
            recent.remember(o.port() == ClientOptions.DEFAULT_PORT ? o.host() : o.host() + ":" + o.port());
        }
        ViewerSession session = s;
        CountDownLatch closed = new CountDownLatch(1);
        SwingUtilities.invokeLater(() -> {
            FramebufferPanel panel = new FramebufferPanel(o.scale());
            if (o.reportGeometry()) {
                panel.reportGeometry(SvpViewer::report);
                panel.onFirstPicture(t -> report(firstPictureLine(session.connectStartNanos(), t)));
            }
            ViewerWindow w = new ViewerWindow(session, panel, new PhysicalKeys());
            w.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    closed.countDown();
                }
            });
            session.show(panel);
            w.placeOnScreen();
            w.setVisible(true);
            if (o.fullScreen()) {
                w.setFullScreen(true);
            }
        });
        try {
            closed.await();
        } finally {
            session.close();
        }
        return 0;
    }

    private static ViewerSession startSession(String host, int port, String password, ClientTransport transport) {
        ViewerSession s = new ViewerSession(host, port, password, org.svp.client.swing.ui.PasswordDialog::ask,
                transport);
        s.start();
        return s;
    }

    private static void report(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /**
     * @param connectStart when the session started connecting ({@link System#nanoTime()})
     * @param painted when the first picture was on the window
     * @return "first picture N ms after connect start, M ms after JVM start, C ms CPU" (the bench and tests
     *     read it; the CPU time of the whole process so far says what the start costs on a busy machine,
     *     where the wall-clock times mostly say how busy it is)
     */
    private static String firstPictureLine(long connectStart, long painted) {
        long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()
                - (System.nanoTime() - painted) / 1_000_000;
        long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime() / 1_000_000;
        return "first picture " + (painted - connectStart) / 1_000_000 + " ms after connect start, " + sinceJvm
                + " ms after JVM start, " + cpu + " ms CPU";
    }
}
