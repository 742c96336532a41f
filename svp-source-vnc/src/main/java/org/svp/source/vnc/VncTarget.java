package org.svp.source.vnc;

/**
 * Where the upstream is: {@code HOST:PORT} from {@code --source vnc:HOST:PORT} (an IPv6 address in
 * brackets, e.g. {@code [::1]:5900}), or a unix socket from {@code vnc:unix:PATH} (QEMU's
 * {@code -vnc unix:PATH}, Xvnc's {@code -rfbunixpath}).
 *
 * @param host name or address (null for a unix socket)
 * @param port TCP port, 1..65535 (0 for a unix socket)
 * @param unixPath the socket's path, or null for TCP
 */
public record VncTarget(String host, int port, String unixPath) {
    /** A TCP target. */
    public VncTarget(String host, int port) {
        this(host, port, null);
    }

    /** @return a unix-socket target */
    public static VncTarget unix(String path) {
        return new VncTarget(null, 0, path);
    }

    /**
     * @param spec what follows "vnc:"
     * @return the target
     * @throws IllegalArgumentException with a one-line message if it is not HOST:PORT or unix:PATH
     */
    public static VncTarget parse(String spec) {
        if (spec.startsWith("unix:")) {
            String path = spec.substring("unix:".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("--source vnc:unix: needs the socket's path, e.g. vnc:unix:/run/vm.vnc");
            }
            return unix(path);
        }
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || colon == spec.length() - 1 || (spec.indexOf(':') != colon && !spec.startsWith("["))) {
            throw new IllegalArgumentException("--source vnc:" + spec + ": expected vnc:HOST:PORT, e.g. vnc:127.0.0.1:5900");
        }
        String host = spec.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535 || host.isEmpty()) {
            throw new IllegalArgumentException("--source vnc:" + spec + ": expected vnc:HOST:PORT with a port 1-65535");
        }
        return new VncTarget(host, port);
    }

    @Override
    public String toString() {
        if (unixPath != null) {
            return "vnc:unix:" + unixPath;
        }
        return "vnc:" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
