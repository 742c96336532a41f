package org.svp.vm.qemu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The smallest RFB client that gets a whole picture: RFB 3.8, security None, shared, 32-bit
 * little-endian true colour, Raw encoding only, one non-incremental update. Written apart from the
 * vnc source (svp-source-vnc) so the tests compare SVP's picture with one nothing of SVP decoded.
 * One call per picture, on the test's thread; bounded by socket timeouts.
 */
public final class RfbGrab {
    private static final int TIMEOUT_MS = 10_000;
    private static final int MAX_SIDE = 8192;

    private RfbGrab() {
    }

    /**
     * @param port the VNC server's port on 127.0.0.1 (security type None)
     * @return its framebuffer now, pixels 0xRRGGBB
     * @throws IOException if the server talks anything else or not in time
     */
    public static Screendump grab(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            byte[] version = in.readNBytes(12);
            if (!new String(version, StandardCharsets.US_ASCII).startsWith("RFB 003.")) {
                throw new IOException("not an RFB server");
            }
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            byte[] types = in.readNBytes(in.readUnsignedByte());
            if (new String(types, StandardCharsets.ISO_8859_1).indexOf(1) < 0) {
                throw new IOException("the server does not offer security type None");
            }
            out.writeByte(1);
            if (in.readInt() != 0) {
                throw new IOException("security None refused");
            }
            out.writeByte(1); // ClientInit: shared
            int w = in.readUnsignedShort();
            int h = in.readUnsignedShort();
            in.readNBytes(16); // the server's pixel format: replaced below
            in.readNBytes(in.readInt()); // desktop name
            if (w > MAX_SIDE || h > MAX_SIDE) {
                throw new IOException("framebuffer too large: " + w + "x" + h);
            }
            // SetPixelFormat: 32 bpp, depth 24, little-endian, true colour, 255/255/255, shifts 16/8/0
            out.write(new byte[] {0, 0, 0, 0, 32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0, 0, 0, 0});
            out.write(new byte[] {2, 0, 0, 1, 0, 0, 0, 0}); // SetEncodings: Raw
            out.write(new byte[] {3, 0, 0, 0, 0, 0});      // FramebufferUpdateRequest, not incremental, from (0,0)
            out.writeShort(w);
            out.writeShort(h);
            out.flush();
            return readUpdate(in, w, h);
        }
    }

    private static Screendump readUpdate(DataInputStream in, int w, int h) throws IOException {
        int[] rgb = new int[w * h];
        long covered = 0;
        while (covered < (long) w * h) {
            int type = in.readUnsignedByte();
            if (type == 2) { // Bell
                continue;
            }
            if (type == 3) { // ServerCutText
                in.readNBytes(3);
                in.readNBytes(in.readInt());
                continue;
            }
            if (type != 0) {
                throw new IOException("unexpected server message " + type);
            }
            in.readUnsignedByte();
            int rects = in.readUnsignedShort();
            for (int r = 0; r < rects; r++) {
                int x = in.readUnsignedShort();
                int y = in.readUnsignedShort();
                int rw = in.readUnsignedShort();
                int rh = in.readUnsignedShort();
                int encoding = in.readInt();
                if (encoding != 0 || x + rw > w || y + rh > h) {
                    throw new IOException("unexpected rectangle " + rw + "x" + rh + "+" + x + "+" + y + " encoding " + encoding);
                }
                byte[] px = in.readNBytes(rw * rh * 4);
                for (int row = 0; row < rh; row++) {
                    for (int col = 0; col < rw; col++) {
                        int i = (row * rw + col) * 4;
                        rgb[(y + row) * w + x + col] = (px[i + 2] & 0xFF) << 16 | (px[i + 1] & 0xFF) << 8 | px[i] & 0xFF;
                    }
                }
                covered += (long) rw * rh;
            }
        }
        return new Screendump(w, h, rgb);
    }
}
