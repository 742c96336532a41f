package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.render.Surface;
import org.svp.server.LogCapture;
import org.svp.server.ServerConfig;
import org.svp.server.ServerSecurity;
import org.svp.server.auth.ServerCredentials;
import org.svp.server.SvpServer;
import org.svp.source.vnc.VncDisplaySource;
import org.svp.source.vnc.VncTarget;
import org.svp.vm.guest.GuestImage;
import org.svp.vm.qemu.QemuOptions;
import org.svp.vm.qemu.QemuVm;
import org.svp.vm.qemu.RfbGrab;
import org.svp.vm.qemu.Screendump;
import org.svp.vm.qemu.TestGuest;

/**
 * A real VM served through SVP: the built-in guest under QEMU (TCG here), its VNC served by the vnc
 * source, a headless SVP client. Typing goes through {@code svp type} ({@link Main#run}, the code the
 * launcher runs); the guest echoes the marker to its serial port as well, so the test sees that the
 * keys arrived, and then the client's picture must equal the one QEMU's VNC server sends a plain RFB
 * client ({@link RfbGrab}, written apart from the vnc source) pixel for pixel. Upstream restart: the VM is killed and a new one booted on the
 * same VNC port; the client stays connected and shows the new screen.
 */
@Timeout(600)
class VmServeTest {
    /** How long the SVP client's picture may take to catch up with QEMU's, polled. */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    /** Hide the console cursor (it blinks), then print the marker on the screen and the serial port. */
    private static final String MARK_COMMAND = "printf '\\033[?25l'; echo %s | tee /dev/ttyS0\\n";
    private static GuestImage guest;

    @BeforeAll
    static void prepareGuest() {
        guest = TestGuest.get();
    }

    @Test
    void typedMarkerAppearsAndTheSvpPictureEqualsQemus() throws Exception {
        try (QemuVm vm = QemuVm.start(QemuOptions.builtIn(guest), -1)) {
            assertThat(vm.awaitSerial(TestGuest.SHELL_READY, TestGuest.BOOT_TIMEOUT)).as("boot: %s", vm.serialText()).isTrue();
            try (VncDisplaySource source = new VncDisplaySource(new VncTarget("127.0.0.1", vm.vncPort()), null);
                    SvpServer server = new SvpServer(config(), source)) {
                server.start();
                try (SvpClient client = SvpClient.connect(ClientOptions.viewer("127.0.0.1", server.port()))) {
                    client.screen().awaitFirstScreen(Duration.ofSeconds(20));
                    String marker = typeMarker(vm, server.port());
                    assertThat(vm.serialText()).contains(marker);
                    Surface seen = awaitSamePicture(client, vm);
                    assertThat(seen.width()).isEqualTo(720);
                    assertThat(seen.height()).isEqualTo(400);
                }
            }
        }
    }

    @Test
    void clientsStayConnectedWhileTheVmIsKilledAndRestarted() throws Exception {
        QemuVm vm = QemuVm.start(QemuOptions.builtIn(guest), -1);
        try {
            assertThat(vm.awaitSerial(TestGuest.SHELL_READY, TestGuest.BOOT_TIMEOUT)).isTrue();
            int display = vm.vncDisplay();
            try (LogCapture log = LogCapture.start();
                    VncDisplaySource source = new VncDisplaySource(new VncTarget("127.0.0.1", vm.vncPort()), null);
                    SvpServer server = new SvpServer(config(), source)) {
                server.start();
                try (SvpClient client = SvpClient.connect(ClientOptions.viewer("127.0.0.1", server.port()))) {
                    client.screen().awaitFirstScreen(Duration.ofSeconds(20));
                    typeMarker(vm, server.port());
                    Surface before = awaitSamePicture(client, vm);

                    vm.kill(); // the upstream vanishes without a goodbye
                    vm.close();
                    assertThat(log.await("lost vnc:127.0.0.1:" + (5900 + display), Duration.ofSeconds(10)))
                            .contains("SVP clients keep the last picture");
                    Thread.sleep(1000);
                    assertThat(client.screen().isOpen()).as("client still connected").isTrue();
                    assertThat(client.screen().snapshot().pixels()).as("the last picture stays")
                            .isEqualTo(before.pixels());

                    vm = QemuVm.start(QemuOptions.builtIn(guest), display);
                    assertThat(vm.awaitSerial(TestGuest.SHELL_READY, TestGuest.BOOT_TIMEOUT)).isTrue();
                    String marker = typeMarker(vm, server.port()); // input reaches the new VM too
                    Surface after = awaitSamePicture(client, vm);
                    assertThat(client.screen().isOpen()).isTrue();
                    assertThat(after.pixels()).as("the new VM's screen").isNotEqualTo(before.pixels());
                    assertThat(vm.serialText()).contains(marker);
                }
            }
        } finally {
            vm.close();
        }
    }

    /** Loopback, one port, --shared: the viewer client watches while svp type's session types. */
    private static ServerConfig config() {
        return ServerConfig.of("127.0.0.1", 0, true).withSecurity(new ServerSecurity(false, true, ServerCredentials.none()));
    }

    /** Types the marker command through {@code svp type}; waits until the guest echoed it to its serial port. */
    private static String typeMarker(QemuVm vm, int svpPort) {
        String marker = "SVP-MARK-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"type", "--no-tls", "127.0.0.1:" + svpPort, MARK_COMMAND.formatted(marker)},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("svp type: %s", err).isZero();
        assertThat(vm.awaitSerial(marker + "\r\n", Duration.ofSeconds(30)))
                .as("the marker on the serial log: %s", vm.serialText()).isTrue();
        return marker;
    }

    /**
     * Polls until the client's picture equals QEMU's VNC picture; fails with the number of differing
     * pixels of the last try.
     */
    private static Surface awaitSamePicture(SvpClient client, QemuVm vm) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        String last = "no comparison";
        while (System.nanoTime() < deadline) {
            Screendump q = RfbGrab.grab(vm.vncPort());
            Surface s = client.screen().snapshot();
            if (s.width() == q.width() && s.height() == q.height()) {
                int differ = 0;
                for (int i = 0; i < q.rgb().length; i++) {
                    if ((s.pixels()[i] & 0xFFFFFF) != q.rgb()[i]) {
                        differ++;
                    }
                }
                if (differ == 0) {
                    return s;
                }
                last = differ + " of " + q.rgb().length + " pixels differ";
            } else {
                last = "sizes differ: SVP " + s.width() + "x" + s.height() + ", QEMU " + q.width() + "x" + q.height();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the SVP client's picture did not become QEMU's VNC picture within " + CATCH_UP.toSeconds()
                + " s: " + last);
    }
}
