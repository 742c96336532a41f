package org.svp.source.vnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.protocol.error.UpstreamException;
import org.svp.protocol.keyboard.UsKeyboardLayout;
import org.svp.render.Surface;
import org.svp.server.LogCapture;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.source.vnc.rfb.Encodings;

/**
 * The VNC source against TigerVNC's Xvnc with an xterm on a coloured root: SVP's picture equals the X
 * server's own ({@code xwd -root}) pixel for pixel, typing reaches the xterm through both key paths,
 * VncAuth works (and a wrong password is one clear error), and a killed and restarted upstream leaves
 * the SVP client connected and then showing the new screen at its new size.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class XvncSourceTest {
    private static final int W = 800;
    private static final int H = 600;
    /** A point on the bare root window, away from the xterm. */
    private static final int ROOT_X = 700;
    private static final int ROOT_Y = 500;

    @TempDir
    Path tmp;

    private XvncServer xvnc;
    private VncDisplaySource source;
    private SvpServer server;
    private SvpClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (source != null) {
            source.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    private void desktop(Path passwordFile, String rootColor) throws Exception {
        xvnc = XvncServer.start(W, H, XvncServer.freePort(), passwordFile);
        xvnc.run("xsetroot", "-solid", rootColor);
        xvnc.xterm();
    }

    private void serve(VncDisplaySource s) throws Exception {
        source = s;
        server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source);
        server.start();
        client = SvpClient.connect(ClientOptions.viewer("127.0.0.1", server.port()));
        client.screen().awaitFirstScreen(Duration.ofSeconds(20));
        // TigerVNC draws the cursor into the picture while it sits where no client put it: put it there
        client.mouse(ROOT_X, ROOT_Y, 0);
        client.flushInput();
    }

    @Test
    void picturesEqualXvncsOwnPixelForPixel() throws Exception {
        desktop(null, "#336699");
        serve(new VncDisplaySource(new VncTarget("127.0.0.1", xvnc.port()), null));
        assertEqualsXwd();
        assertThat(source.stats().updates.sum()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {Encodings.RAW, Encodings.HEXTILE, Encodings.TIGHT, Encodings.ZRLE})
    void eachEncodingGivesTheSamePixels(int encoding) throws Exception {
        desktop(null, "#4477aa");
        serve(new VncDisplaySource(new VncTarget("127.0.0.1", xvnc.port()), null).onlyEncoding(encoding));
        client.mouse(200, 150, 0); // focus follows the pointer without a window manager
        type("ls -l /\n");
        client.mouse(ROOT_X, ROOT_Y, 0);
        client.flushInput();
        assertEqualsXwd();
        assertThat(source.stats().rects(encoding).sum()).as("rectangles in encoding " + encoding).isPositive();
    }

    @Test
    void videoModesetResizesTheUpstream() throws Exception {
        desktop(null, "#336699");
        serve(new VncDisplaySource(new VncTarget("127.0.0.1", xvnc.port()), null));
        client.videoModeset(1024, 768, 32);
        client.flushInput();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (client.screen().snapshot().width() != 1024 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(client.screen().snapshot().height()).isEqualTo(768);
        assertEqualsXwd(1024, 768);
    }

    @Test
    void richCursorsReachTheCursorChannel() throws Exception {
        desktop(null, "#336699");
        serve(new VncDisplaySource(new VncTarget("127.0.0.1", xvnc.port()), null));
        Set<String> shapes = ConcurrentHashMap.newKeySet();
        client.onCursorShape(c -> shapes.add(c.width() + "x" + c.height() + Arrays.toString(c.andMask())));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int i = 0; shapes.size() < 2 && System.nanoTime() < deadline; i++) {
            client.mouse(i % 2 == 0 ? 200 : ROOT_X, i % 2 == 0 ? 150 : ROOT_Y, 0);
            client.flushInput();
            Thread.sleep(300);
        }
        assertThat(shapes).as("distinct cursor shapes over the xterm and the root window").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void typingReachesTheXtermAsKeysyms() throws Exception {
        desktop(null, "#225522");
        serve(new VncDisplaySource(new VncTarget("127.0.0.1", xvnc.port()), null).keysymsOnly());
        typeIntoXterm("keysym");
        assertThat(source.stats().keyEvents.sum()).isPositive();
        assertThat(source.stats().qemuKeyEvents.sum()).isZero();
    }

    @Test
    void typingReachesTheXtermAsQemuScancodes() throws Exception { // TigerVNC 1.12 takes QEMU's Extended Key Event
        desktop(null, "#552222");
        serve(new VncDisplaySource(new VncTarget("127.0.0.1", xvnc.port()), null));
        typeIntoXterm("scancode");
        assertThat(source.stats().qemuKeyEvents.sum()).isEqualTo(source.stats().keyEvents.sum()).isPositive();
    }

    @Test
    void vncAuthenticationWithThePasswordFile() throws Exception {
        desktop(XvncServer.passwordFile("s3cret", tmp), "#663399");
        serve(new VncDisplaySource(new VncTarget("127.0.0.1", xvnc.port()), "s3cret"));
        assertEqualsXwd();
    }

    @Test
    void aWrongPasswordIsOneClearError() throws Exception {
        desktop(XvncServer.passwordFile("s3cret", tmp), "#663399");
        VncDisplaySource wrong = new VncDisplaySource(new VncTarget("127.0.0.1", xvnc.port()), "nope");
        source = wrong;
        assertThatThrownBy(() -> wrong.start(update -> { }))
                .isInstanceOf(UpstreamException.class)
                .hasMessageStartingWith("VNC authentication failed")
                .hasMessageNotContaining("\n");
        VncDisplaySource none = new VncDisplaySource(new VncTarget("127.0.0.1", xvnc.port()), null);
        assertThatThrownBy(() -> none.start(update -> { }))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server wants a password: give it with --vnc-password-file");
    }

    @Test
    void aRestartedUpstreamShowsItsNewScreenToTheSameClient() throws Exception {
        desktop(null, "#336699");
        int port = xvnc.port();
        try (LogCapture log = LogCapture.start()) {
            serve(new VncDisplaySource(new VncTarget("127.0.0.1", port), null));
            awaitPixel(ROOT_X, ROOT_Y, 0x336699);
            xvnc.close();
            log.await("lost vnc:127.0.0.1:" + port, Duration.ofSeconds(10));
            Thread.sleep(1500); // a few reconnect attempts against a closed port
            assertThat(client.screen().isOpen()).as("the SVP client is still connected").isTrue();
            assertThat(client.screen().snapshot().pixels()[ROOT_Y * W + ROOT_X]).as("the last picture stays").isEqualTo(0x336699);
            xvnc = XvncServer.start(1024, 768, port, null); // the VM came back at another size
            xvnc.run("xsetroot", "-solid", "#aa5500");
            awaitPixel(ROOT_X, ROOT_Y, 0xaa5500);
            assertThat(client.screen().snapshot().width()).isEqualTo(1024);
            assertThat(source.stats().reconnects.sum()).isEqualTo(1);
            assertThat(log.lines().stream().filter(l -> l.contains("lost vnc:"))).as("one line per state change").hasSize(1);
        }
        client.mouse(ROOT_X, ROOT_Y, 0);
        client.flushInput();
        assertEqualsXwd(1024, 768);
    }

    private void awaitPixel(int x, int y, int rgb) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int seen = -1;
        while (System.nanoTime() < deadline) {
            Surface s = client.screen().snapshot();
            seen = s.width() > x && s.height() > y ? s.pixels()[y * s.width() + x] : -1;
            if (seen == rgb) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(String.format("pixel (%d, %d) never became %06x; last %06x", x, y, rgb, seen));
    }

    private void assertEqualsXwd() throws Exception {
        assertEqualsXwd(W, H);
    }

    private void assertEqualsXwd(int w, int h) throws Exception {
        String why = "";
        for (int attempt = 0; attempt < 10; attempt++) {
            client.screen().awaitStill(Duration.ofMillis(400), Duration.ofSeconds(20));
            int[] xwd = xvnc.xwd(w, h);
            Surface s = client.screen().snapshot();
            if (s.width() == w && s.height() == h && Arrays.equals(s.pixels(), xwd)) {
                return;
            }
            why = describe(s, xwd);
            Thread.sleep(300);
        }
        throw new AssertionError("the SVP client's picture never equalled xwd -root: " + why);
    }

    private static String describe(Surface s, int[] xwd) {
        if (s.width() * s.height() != xwd.length) {
            return "size " + s.width() + "x" + s.height();
        }
        int diff = 0;
        int first = -1;
        for (int i = 0; i < xwd.length; i++) {
            if (s.pixels()[i] != xwd[i]) {
                diff++;
                first = first < 0 ? i : first;
            }
        }
        return diff + " pixels differ, first at (" + first % s.width() + ", " + first / s.width() + ")";
    }

    private void typeIntoXterm(String marker) throws Exception {
        Path file = tmp.resolve("typed-" + UUID.randomUUID());
        client.mouse(200, 150, 0); // focus follows the pointer without a window manager
        type("echo 'svp-" + marker + " A!' > " + file + "\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(file) && Files.readString(file).endsWith("\n")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(file).exists().hasContent("svp-" + marker + " A!");
    }

    private void type(String text) throws InterruptedException {
        for (char c : text.toCharArray()) {
            UsKeyboardLayout.Stroke s = UsKeyboardLayout.strokeFor(c).orElseThrow();
            if (s.shift()) {
                client.key(true, UsKeyboardLayout.LEFT_SHIFT);
            }
            client.key(true, s.scancode());
            client.key(false, s.scancode());
            if (s.shift()) {
                client.key(false, UsKeyboardLayout.LEFT_SHIFT);
            }
        }
        client.flushInput();
    }
}
