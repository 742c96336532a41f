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
 * @param password the password from {@code --password-file}, or null to ask in a dialog if the server
 *     demands one
 * @param transport plain or TLS on every channel
 */
public record ViewerOptions(String host, int port, boolean fullScreen, ScaleMode scale, Path recentHosts,
                            boolean reportGeometry, String password, ClientTransport transport) {

    /** Options without a password file (the viewer asks if the server demands one), plain SVP. */
    public ViewerOptions(String host, int port, boolean fullScreen, ScaleMode scale, Path recentHosts,
                         boolean reportGeometry) {
        this(host, port, fullScreen, scale, recentHosts, reportGeometry, null, ClientTransport.plain());
    }

    /** Options with plain SVP (tests, benchmarks; {@code svp view} passes TLS unless --no-tls). */
    public ViewerOptions(String host, int port, boolean fullScreen, ScaleMode scale, Path recentHosts,
                         boolean reportGeometry, String password) {
        this(host, port, fullScreen, scale, recentHosts, reportGeometry, password, ClientTransport.plain());
    }

    /** Options without a password file (the viewer asks if the server demands one). */
    public ViewerOptions(String host, int port, boolean fullScreen, ScaleMode scale, Path recentHosts,
                         boolean reportGeometry, ClientTransport transport) {
        this(host, port, fullScreen, scale, recentHosts, reportGeometry, null, transport);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ViewerOptions[" + host + ":" + port + ", fullScreen=" + fullScreen + ", scale=" + scale
                + ", tls=" + (transport != null && transport.isTls()) + "]";
    }
}
