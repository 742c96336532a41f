package org.svp.client.swing.ui;

import java.awt.Toolkit;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the application for the X window manager: the WM_CLASS of every window becomes "svp" instead of
 * AWT's default, the main class ("org-svp-cli-Main"), so task bars group and name the viewer's windows and
 * window rules can match them. AWT has no API for it; the X toolkit keeps the name in its private static
 * field {@code sun.awt.X11.XToolkit.awtAppClassName}, read when each window is created. Writing it needs
 * {@code --add-opens java.desktop/sun.awt.X11=ALL-UNNAMED} (the {@code ./svp} launcher and svp.jar's
 * manifest give it); without it, or on other toolkits, nothing changes and nothing is printed. Called once
 * by {@link org.svp.client.swing.SvpViewer} on the command's main thread before the first window exists.
 */
public final class WindowClass {
    private static final Logger LOG = LoggerFactory.getLogger(WindowClass.class);
    private static final String X_TOOLKIT = "sun.awt.X11.XToolkit";

    private WindowClass() {
    }

    /**
     * @param name the class name for windows created from now on
     * @return whether it was set (false: not the X toolkit, or the field is not accessible)
     */
    public static boolean set(String name) {
        Toolkit tk = Toolkit.getDefaultToolkit();
        if (!tk.getClass().getName().equals(X_TOOLKIT)) {
            return false;
        }
        try {
            Field f = tk.getClass().getDeclaredField("awtAppClassName");
            f.setAccessible(true);
            f.set(null, name);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // InaccessibleObjectException without the --add-opens: keep AWT's name, quietly
            LOG.debug("window class not set: {}", e.toString());
            return false;
        }
    }
}
