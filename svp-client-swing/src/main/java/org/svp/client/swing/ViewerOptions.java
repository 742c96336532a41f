package org.svp.client.swing;

import java.nio.file.Path;
import org.svp.client.swing.view.ScaleMode;

/**
 * What {@code ./svp view} was asked for.
 *
 * @param host the server, or null to ask with the connect dialog
 * @param port the server's main port
 * @param fullScreen start in full screen
 * @param scale fit or 1:1
 * @param recentHosts file that remembers recent hosts (one per line), or null not to remember
 * @param reportGeometry print "canvas X Y W H SCALE" on stdout whenever the picture moves, and "banner TEXT"
 *     or "banner none" whenever the banner shown over it changes (tests, scripts)
 */
public record ViewerOptions(String host, int port, boolean fullScreen, ScaleMode scale, Path recentHosts,
                            boolean reportGeometry) {
}
