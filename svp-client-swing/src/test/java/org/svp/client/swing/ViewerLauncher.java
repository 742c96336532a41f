package org.svp.client.swing;

import org.svp.client.swing.view.ScaleMode;

/**
 * Test main for the child JVM: {@code ViewerLauncher HOST PORT SCALE [fullscreen|window [PASSWORD-FILE]]}
 * opens the viewer with geometry reports (and the first line of PASSWORD-FILE as its --password-file).
 */
public final class ViewerLauncher {
    private ViewerLauncher() {
    }

    /**
     * @param args host, port, "fit" or "1:1", optionally "fullscreen"
     * @throws Exception if the viewer fails
     */
    public static void main(String[] args) throws Exception {
        boolean fullScreen = args.length > 3 && args[3].equals("fullscreen");
        String password = args.length > 4 ? java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[4])).getFirst() : null;
        int code = SvpViewer.run(new ViewerOptions(args[0], Integer.parseInt(args[1]), fullScreen,
                ScaleMode.parse(args[2]), null, true, password));
        System.exit(code);
    }
}
