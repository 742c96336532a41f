package org.svp.vm.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * VNC display numbers on 127.0.0.1 (display n = TCP port 5900 + n): finding a free one, and telling
 * whether an RFB server answers on one. Stateless; any thread.
 */
public final class VncDisplays {
    /** VNC's port of display 0. */
    public static final int BASE_PORT = 5900;
    /** Displays tried: above the ones desktops usually take, below 6000 (X11's TCP ports). */
    private static final int FIRST = 20;
    private static final int LAST = 99;
    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int READ_TIMEOUT_MS = 2000;

    private VncDisplays() {
    }

    /**
     * @return a display whose port nobody listens on now (starting at a random one, so parallel
     *     starts rarely pick the same; QEMU failing to bind is retried by {@link QemuVm})
     * @throws IllegalStateException if all are taken
     */
    static int free() {
        int span = LAST - FIRST + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int d = FIRST + (start + i) % span;
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), BASE_PORT + d));
                return d;
            } catch (IOException taken) {
                // next one
            }
        }
        throw new IllegalStateException("no free VNC display among :" + FIRST + "..:" + LAST + " on 127.0.0.1");
    }

    /**
     * @param port a TCP port on 127.0.0.1
     * @return whether a server there sends an RFB version greeting ("RFB 003.008\n") within 2 s
     */
    static boolean greets(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            InputStream in = s.getInputStream();
            byte[] g = in.readNBytes(12);
            return g.length == 12 && new String(g, StandardCharsets.US_ASCII).startsWith("RFB ");
        } catch (IOException e) {
            return false;
        }
    }
}
