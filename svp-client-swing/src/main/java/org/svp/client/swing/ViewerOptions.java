package org.svp.client.swing;

import java.nio.file.Path;
import org.svp.client.swing.view.ScaleMode;
import org.svp.client.tls.ClientTransport;

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
 * @param transport plain or TLS on every channel
 */
public record ViewerOptions(String host, int port, boolean fullScreen, ScaleMode scale, Path recentHosts,
                            boolean reportGeometry, ClientTransport transport) {

    /** Options with plain SVP (tests, benchmarks; {@code svp view} passes TLS unless --no-tls). */
    public ViewerOptions(String host, int port, boolean fullScreen, ScaleMode scale, Path recentHosts,
                         boolean reportGeometry) {
        this(host, port, fullScreen, scale, recentHosts, reportGeometry, ClientTransport.plain());
    }
}
