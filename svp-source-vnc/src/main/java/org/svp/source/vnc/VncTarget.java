package org.svp.source.vnc;

/**
 * Where the upstream is: {@code HOST:PORT} from {@code --source vnc:HOST:PORT} (an IPv6 address in
 * brackets, e.g. {@code [::1]:5900}).
 *
 * @param host name or address
 * @param port TCP port, 1..65535
 */
public record VncTarget(String host, int port) {
    /**
     * @param spec what follows "vnc:"
     * @return the target
     * @throws IllegalArgumentException with a one-line message if it is not HOST:PORT
     */
    public static VncTarget parse(String spec) {
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
        return "vnc:" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
