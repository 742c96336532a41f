package org.svp.vrde.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.client.tls.ClientTransport;
import org.svp.client.tls.KnownServers;
import org.svp.protocol.MouseButtons;
import org.svp.protocol.Rect;
import org.svp.protocol.keyboard.UsKeyboardLayout;
import org.svp.protocol.message.CursorShape;
import org.svp.vrde.sim.SimulatedVm;
import org.svp.vrde.sim.guest.GuestPixels;
import org.svp.vrde.sim.host.HostConfig;
import org.svp.vrde.sim.host.HostEvent;
import org.svp.vrde.sim.host.InputEvent;
import org.svp.vrde.sim.host.VrdeAbi;
import org.svp.vrde.sim.script.Script;
import org.svp.vrde.sim.script.ScriptRunner;

/**
 * One simulated VM served through the module from the unpacked pack (its Java server runs in the
 * pack's jlink'd runtime), with a headless SVP client: after each scripted session the client's
 * picture equals the framebuffer; input from a client reaches the Input callback; killing the Java
 * server leaves VRDEUpdate fast and a restarted server serves the right picture. Every wait is
 * bounded (20 s for pictures, 60 s for a server start on a loaded machine).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class SessionTest {
    private static final Duration PICTURE = Duration.ofSeconds(20);
    private SimulatedVm vm;
    private SvpClient client;
    private int port;

    @BeforeAll
    void start() throws Exception {
        vm = SimulatedVm.start(PackFixture.vrdeModule(), HostConfig.loopback("16400-16499"), 640, 480, 32);
        port = vm.awaitPort(Duration.ofSeconds(60));
        client = SvpClient.connect(tls(ClientOptions.viewer("127.0.0.1", port)));
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        if (vm != null) {
            vm.close();
        }
    }

    /**
     * The module's server speaks TLS (it refuses a v2 session in plain text): the client pins its
     * certificate in the test's known-servers (surefire's XDG_CONFIG_HOME under target/).
     */
    private static ClientOptions tls(ClientOptions o) {
        return o.withTransport(ClientTransport.tls(KnownServers.forUser(), line -> { }));
    }

    private void play(String script) {
        new ScriptRunner(vm.screen(), vm.host(), null).run(Script.parse("test", script));
    }

    private void assertClientShowsFramebuffer(int tolerance) throws InterruptedException {
        assertThat(ScreenMatch.await(client, vm.screen(), tolerance, PICTURE)).isNull();
    }

    @Test
    @Order(1)
    void clientIsReportedToVirtualBox() throws Exception {
        assertThat(vm.interfaceVersion()).isEqualTo(4);
        assertThat(vm.host().recorder().awaitEvents("logon", 1, PICTURE)).isTrue();
        assertThat(vm.host().recorder().awaitEvents("connect", 1, PICTURE)).isTrue();
        long end = System.nanoTime() + PICTURE.toNanos();
        int active = 0;
        while (System.nanoTime() < end && active != 1) {
            byte[] a = vm.host().queryInfo(VrdeAbi.QI_ACTIVE);
            active = a.length == 4 ? ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN).getInt() : -1;
            Thread.sleep(50);
        }
        assertThat(active).as("VRDE_QI_ACTIVE").isEqualTo(1);
    }

    @Test
    @Order(2)
    void allSixteenOrderTypes() throws Exception {
        Script demo = Script.demo();
        long ordersBefore = ModuleStats.orderRecords(vm.host());
        int updatesBefore = vm.screen().orderUpdateCount();
        new ScriptRunner(vm.screen(), vm.host(), null).run(demo);
        java.util.BitSet all = new java.util.BitSet();
        all.set(0, 16);
        assertThat(vm.screen().orderCodesSent()).as("VRDE order codes the demo sent").isEqualTo(all);
        assertClientShowsFramebuffer(0);
        // the orders reached the Java side as orders (ORDERS records), not only as pixels; the module
        // may legitimately turn some into dirty area (a flush pending), never more than were sent
        assertThat(ModuleStats.orderRecords(vm.host()) - ordersBefore).isPositive()
                .isLessThanOrEqualTo(vm.screen().orderUpdateCount() - updatesBefore);
        assertThat(vm.host().callbacks().errors()).isEmpty();
    }

    @Test
    @Order(3)
    void headerOnlyUpdatesAtEachDepthWithResizesMidSession() throws Exception {
        for (int bpp : new int[] {32, 24, 16, 8}) {
            play("resize 320 200 " + bpp + "\nbitmap 0 0 320 200 noise:" + bpp + "\nbitmap 40 30 100 60 gradient\n"
                    + "solidrect 200 20 50 50 3366CC\ncomplete");
            String diff = ScreenMatch.await(client, vm.screen(), GuestPixels.tolerance(bpp), PICTURE);
            assertThat(diff).as("%d bpp", bpp).isNull();
        }
        play("resize 800 600 32\nbitmap 0 0 800 600 gradient\ncomplete\nresize 640 480 32\n"
                + "solidrect 0 0 640 480 102030\nbitmap 100 100 200 100 checker:4\ncomplete");
        assertClientShowsFramebuffer(0);
    }

    @Test
    @Order(4)
    void bothPointerForms() throws Exception {
        play("pointer color 3 4 32 32 FF0000");
        CursorShape c = awaitCursor(s -> s.width() == 32 && s.xHot() == 3 && s.yHot() == 4);
        assertThat(c).as("legacy colour pointer").isNotNull();
        play("pointer mouseptr 5 6 24 24 00FF00");
        c = awaitCursor(s -> s.width() == 24 && s.height() == 24 && s.xHot() == 5 && s.yHot() == 6);
        assertThat(c).as("MOUSEPTR pointer").isNotNull();
    }

    private CursorShape awaitCursor(java.util.function.Predicate<CursorShape> p) throws InterruptedException {
        long end = System.nanoTime() + PICTURE.toNanos();
        while (System.nanoTime() < end) {
            CursorShape s = client.cursor();
            if (s != null && p.test(s)) {
                return s;
            }
            Thread.sleep(50);
        }
        return null;
    }

    @Test
    @Order(5)
    void floodThenPicture() throws Exception {
        play("resize 640 480 32\nflood 3000 64 64\nbitmap 0 0 320 240 noise:7\ncomplete");
        assertClientShowsFramebuffer(0);
    }

    @Test
    @Order(6)
    void keysAndClicksArriveAsScancodesAndPoints() throws Exception {
        vm.host().recorder().clearInputs();
        List<Integer> want = List.of(0x1E, 0x9E, 0xE0, 0x48, 0xE0, 0xC8, 0x2A, 0x2C, 0xAC, 0xAA);
        boolean ok;
        try (SvpClient in = SvpClient.connect(tls(ClientOptions.inputOnly("127.0.0.1", port)))) {
            UsKeyboardLayout.Stroke a = UsKeyboardLayout.strokeFor('a').orElseThrow();
            in.key(true, a.scancode());
            in.key(false, a.scancode());
            in.key(true, 0xE048); // Up: extended
            in.key(false, 0xE048);
            in.key(true, UsKeyboardLayout.LEFT_SHIFT);
            in.key(true, 0x2C); // Z
            in.key(false, 0x2C);
            in.key(false, UsKeyboardLayout.LEFT_SHIFT);
            in.mouse(100, 50, MouseButtons.LEFT);
            in.mouse(100, 50, 0);
            in.mouse(7, 9, MouseButtons.RIGHT);
            in.mouse(7, 9, 0);
            in.flushInput();
            // wait with the client still connected: a client that closes right after its last event can
            // lose it when the server tears the session down (MAIN closed) before reading the input
            // channel's last bytes (seen here in about half the runs; see the report)
            ok = vm.host().recorder().awaitInputs(l -> scancodes(l).size() >= want.size() && points(l).size() >= 4, PICTURE);
        }
        List<InputEvent> got = vm.host().recorder().inputs();
        assertThat(ok).as(vm.host().recorder().describeInputs().toString()).isTrue();
        assertThat(scancodes(got)).containsExactlyElementsOf(want);
        for (InputEvent e : got) {
            int size = switch (e.type()) {
                case VrdeAbi.INPUT_SCANCODE, VrdeAbi.INPUT_SYNCH -> 4;
                case VrdeAbi.INPUT_POINT -> 12;
                default -> 0;
            };
            assertThat(e.bytes()).as(e.describe()).hasSize(size);
        }
        assertThat(points(got)).containsSubsequence("100 50 1", "100 50 0", "7 9 2", "7 9 0");
        client.videoModeset(800, 600, 32); // the viewer's resolution request travels on its display channel
        assertThat(vm.host().recorder().awaitEvents("video-mode-hint", 1, PICTURE)).isTrue();
        assertThat(vm.host().recorder().events().stream().filter(e -> e.kind().equals("video-mode-hint")).findFirst()
                .orElseThrow().detail()).isEqualTo("800x600x32 screen 0");
    }

    private static List<Integer> scancodes(List<InputEvent> l) {
        List<Integer> out = new ArrayList<>();
        l.stream().filter(e -> e.type() == VrdeAbi.INPUT_SCANCODE).forEach(e -> out.add(e.scancode()));
        return out;
    }

    private static List<String> points(List<InputEvent> l) {
        List<String> out = new ArrayList<>();
        l.stream().filter(e -> e.type() == VrdeAbi.INPUT_POINT).forEach(e -> out.add(e.x() + " " + e.y() + " " + e.buttons()));
        return out;
    }

    @Test
    @Order(7)
    void ctrlAltDelArrivesAsCad() throws Exception {
        vm.host().recorder().clearInputs();
        try (SvpClient in = SvpClient.connect(tls(ClientOptions.inputOnly("127.0.0.1", port)))) {
            in.key(true, 0x1D);
            in.key(true, 0x38);
            in.key(true, 0xE053);
            in.key(false, 0xE053);
            in.key(false, 0x38);
            in.key(false, 0x1D);
            in.flushInput();
            assertThat(vm.host().recorder().awaitInputs(l -> l.stream().anyMatch(e -> e.type() == VrdeAbi.INPUT_CAD)
                    && scancodes(l).size() >= 4, PICTURE)).as(vm.host().recorder().describeInputs().toString()).isTrue();
        }
        assertThat(scancodes(vm.host().recorder().inputs())).doesNotContain(0x53, 0xD3);
    }

    @Test
    @Order(8)
    void killedServerLeavesUpdatesFastAndARestartServesThePicture() throws Exception {
        ProcessHandle server = javaServer().orElseThrow(() -> new AssertionError("no Java server child with --source vrde:"));
        long portsBefore = boundPorts();
        // SIGKILL; the module reaps it (waitpid on its own thread), so this JVM does not wait for it
        server.destroyForcibly();
        // 3000 updates back to back (48 MB of pixels: more than the 32 MiB ring holds, so the module
        // must turn them into dirty area), then 300 paced over ~2 s while the module restarts the server.
        // Nothing is allocated in the loop, so no GC pause lands inside a measured call.
        Rect[] cells = new Rect[70];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new Rect((i % 10) * 64, 64 * (i / 10), 64, 64);
        }
        long[] took = new long[3300];
        for (int k = 0; k < took.length; k++) {
            took[k] = vm.screen().fillHeaderOnly(cells[k % cells.length], k * 0x10203);
            if ((k & 63) == 63) {
                vm.screen().complete();
            }
            if (k >= 3000) {
                Thread.sleep(6);
            }
        }
        // Back to back, the thread spends its whole time slice and on two loaded cores gets preempted,
        // sometimes inside the call (measured: ~0.5 % of calls at 6-40 ms with a load average of 15, in
        // the ring-filling phase, never after it): the filling phase is held to its p99, each paced call
        // (ring full, everything dirty area, the server restarting) to the bound.
        long[] filling = java.util.Arrays.copyOf(took, 3000);
        java.util.Arrays.sort(filling);
        long worst = java.util.Arrays.stream(took, 3000, took.length).max().orElseThrow();
        StringBuilder slow = new StringBuilder();
        for (int i = 3000; i < took.length; i++) {
            if (took[i] >= 5_000_000L) {
                slow.append(" #").append(i).append('=').append(took[i] / 1000).append("us");
            }
        }
        assertThat(filling[filling.length * 99 / 100]).as("p99 of VRDEUpdate while the ring filled, ns").isLessThan(5_000_000L);
        int k = took.length - 3000;
        play("solidrect 10 10 100 100 ABCDEF\ntext 20 200 FFFFFF 000000 opaque drawn while the server was down\ncomplete");
        assertThat(worst).as("slowest VRDEUpdate after the kill, ns (%d updates; slow ones:%s)", k, slow).isLessThan(5_000_000L);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (boundPorts() <= portsBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(boundPorts()).as("a restarted server reported its port").isGreaterThan(portsBefore);
        assertThat(javaServer().map(ProcessHandle::pid)).as("the new server").isPresent().isNotEqualTo(Optional.of(server.pid()));
        client.close();
        int newPort = vm.host().recorder().boundPort();
        client = SvpClient.connect(tls(ClientOptions.viewer("127.0.0.1", newPort)));
        assertClientShowsFramebuffer(0);
    }

    private long boundPorts() {
        return vm.host().recorder().events().stream().filter(e -> e.kind().equals("bind-port"))
                .map(HostEvent::detail).filter(d -> !d.equals("0") && !d.equals("4294967295")).count();
    }

    private static Optional<ProcessHandle> javaServer() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("--source vrde:")).findFirst();
    }
}
