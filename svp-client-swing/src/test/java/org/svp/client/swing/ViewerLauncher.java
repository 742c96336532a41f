package org.svp.client.swing;

import org.svp.client.swing.view.ScaleMode;

/** Test main for the child JVM: {@code ViewerLauncher HOST PORT SCALE} opens the viewer with geometry reports. */
public final class ViewerLauncher {
    private ViewerLauncher() {
    }

    /**
     * @param args host, port, "fit" or "1:1"
     * @throws Exception if the viewer fails
     */
    public static void main(String[] args) throws Exception {
        int code = SvpViewer.run(new ViewerOptions(args[0], Integer.parseInt(args[1]), false,
                ScaleMode.parse(args[2]), null, true));
        System.exit(code);
    }
}
