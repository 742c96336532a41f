package org.svp.source.vrde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.protocol.MouseButtons;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.DisplaySink;
import org.svp.source.SourceUpdate;
import org.svp.source.vrde.control.ControlMessage;

/**
 * Input from a real client arriving at the fake module as exact INPUT messages; ClientLogon refusal;
 * CLIENT_CONNECT/DISCONNECT and the QueryInfo block; DISCONNECT_CLIENT; PORT; control EOF, SHUTDOWN
 * and a module that never answers HELLO.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VrdeInputAndSessionsTest {
    private VrdeFixture fx;

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private VrdeFixture started() throws Exception {
        fx = new VrdeFixture();
        fx.module.resize(64, 48, 32);
        fx.module.complete();
        return fx;
    }

    /** @return INPUT payloads as int lists, from index {@code from} on */
    private List<List<Integer>> inputs(int from) {
        List<List<Integer>> out = new ArrayList<>();
        List<FakeVrdeModule.Msg> in = fx.module.ofType(ControlMessage.INPUT);
        for (FakeVrdeModule.Msg m : in.subList(Math.min(from, in.size()), in.size())) {
            List<Integer> v = new ArrayList<>();
            for (int i = 0; i < m.payload().remaining() / 4; i++) {
                v.add(m.u32(i));
            }
            out.add(v);
        }
        return out;
    }

    private void awaitInputs(int from, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (inputs(from).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void keysAndClicksArriveAsVrdeInput() throws Exception {
        started().connect();
        fx.module.await(m -> m.type() == ControlMessage.INPUT && m.u32(0) == ControlMessage.INPUT_SYNCH,
                "the lock-key SYNCH at session start");
        int from = fx.module.ofType(ControlMessage.INPUT).size();
        SvpClient c = fx.client;
        c.key(true, 0x1E); // a
        c.key(false, 0x1E);
        c.key(true, 0xE04D); // right arrow (extended)
        c.key(false, 0xE04D);
        c.key(true, 0x1D); // ctrl
        c.key(true, 0x38); // alt
        c.key(true, 0xE053); // del → CAD
        c.key(false, 0xE053);
        c.key(false, 0x38);
        c.key(false, 0x1D);
        c.mouse(10, 20, MouseButtons.LEFT);
        c.mouse(10, 20, 0);
        c.mouse(11, 21, MouseButtons.WHEEL_UP);
        c.mouse(11, 21, 0);
        c.mouse(12, 22, MouseButtons.RIGHT | MouseButtons.WHEEL_DOWN);
        c.flushInput();
        List<List<Integer>> want = List.of(
                List.of(0, 0x1E), List.of(0, 0x9E),
                List.of(0, 0xE0), List.of(0, 0x4D), List.of(0, 0xE0), List.of(0, 0xCD),
                List.of(0, 0x1D), List.of(0, 0x38), List.of(2), List.of(0, 0xB8), List.of(0, 0x9D),
                List.of(1, 10, 20, 1), List.of(1, 10, 20, 0),
                List.of(1, 11, 21, 8), List.of(1, 11, 21, 0), List.of(1, 11, 21, 0),
                List.of(1, 12, 22, 2 | 16), List.of(1, 12, 22, 2));
        awaitInputs(from, want.size());
        assertThat(inputs(from)).containsExactlyElementsOf(want);
    }

    @Test
    void lockTogglesAreSynchronisedWhenTheNextSessionStarts() throws Exception {
        started().connect();
        fx.client.key(true, 0x3A); // CapsLock
        fx.client.key(false, 0x3A);
        fx.client.key(true, 0x45); // NumLock
        fx.client.key(false, 0x45);
        fx.client.flushInput();
        fx.module.await(m -> m.type() == ControlMessage.INPUT && m.u32(1) == 0xC5, "the NumLock release");
        try (SvpClient second = SvpClient.connect(ClientOptions.viewer("127.0.0.1", fx.server.port()))) {
            FakeVrdeModule.Msg synch = fx.module.await(m -> m.type() == ControlMessage.INPUT
                    && m.u32(0) == ControlMessage.INPUT_SYNCH && m.u32(1) != 0, "a SYNCH with the toggled locks");
            assertThat(synch.u32(1)).isEqualTo(0x04 | 0x02);
        }
    }

    @Test
    void videoModesetBecomesAModeHint() throws Exception {
        started().connect();
        fx.client.videoModeset(1024, 768, 32);
        FakeVrdeModule.Msg m = fx.module.await(x -> x.type() == ControlMessage.VIDEO_MODE_HINT, "VIDEO_MODE_HINT");
        assertThat(new int[] {m.u32(0), m.u32(1), m.u32(2), m.u32(3)}).containsExactly(1024, 768, 32, 0);
    }

    @Test
    void refusedLogonClosesTheClient() throws Exception {
        started().module.logonStatus = -38; // VERR_ACCESS_DENIED
        assertThatThrownBy(() -> SvpClient.connect(ClientOptions.viewer("127.0.0.1", fx.server.port())))
                .isInstanceOf(IOException.class);
        FakeVrdeModule.Msg logon = fx.module.await(m -> m.type() == ControlMessage.LOGON, "LOGON");
        assertThat(logon.u32(1)).as("client id").isEqualTo(1);
        assertThat(fx.module.ofType(ControlMessage.CLIENT_CONNECT)).isEmpty();
        assertThat(fx.server.displayClientCount().get()).isZero();
    }

    @Test
    void sessionsAreReportedAndCountedInTheInfoBlock() throws Exception {
        started();
        FakeVrdeModule.Msg port = fx.module.await(m -> m.type() == ControlMessage.PORT, "PORT");
        assertThat(port.u32(0)).isEqualTo(fx.server.port());
        assertThat(fx.module.info()[0]).as("active before any client").isZero();
        long t0 = System.currentTimeMillis();
        fx.connect();
        FakeVrdeModule.Msg connect = fx.module.await(m -> m.type() == ControlMessage.CLIENT_CONNECT, "CLIENT_CONNECT");
        fx.client.screen().awaitStill(java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(10));
        for (int i = 0; i < 50; i++) {
            fx.client.mouse(i, i, 0);
        }
        fx.client.flushInput();
        // the first screen was sent (the v2 codecs send this 64×48 screen in ~200 bytes, not ~12 KB)
        long[] info = awaitInfo(v -> v[5] > 100 && v[7] >= 50 * 14);
        assertThat(info[0]).as("active").isEqualTo(1);
        assertThat(info[1]).as("number_of_clients").isEqualTo(1);
        assertThat(info[2]).as("client_version (the headless client announces v2)").isEqualTo(2);
        assertThat(info[3]).as("begin_time_ms").isBetween(t0 - 1000, System.currentTimeMillis());
        assertThat(info[4]).as("end_time_ms while active").isZero();
        assertThat(info[6]).as("bytes_sent_total").isEqualTo(info[5]);
        assertThat(info[8]).as("bytes_received_total").isEqualTo(info[7]);
        assertThat(fx.module.clientIp()).isEqualTo("127.0.0.1");

        fx.client.close();
        fx.client = null;
        FakeVrdeModule.Msg gone = fx.module.await(m -> m.type() == ControlMessage.CLIENT_DISCONNECT, "CLIENT_DISCONNECT");
        assertThat(gone.u32(0)).isEqualTo(connect.u32(0));
        long[] after = awaitInfo(v -> v[0] == 0);
        assertThat(after[4]).as("end_time_ms").isGreaterThanOrEqualTo(after[3]);
        assertThat(after[5]).as("bytes_sent of the last connection").isGreaterThanOrEqualTo(info[5]);
    }

    private long[] awaitInfo(java.util.function.Predicate<long[]> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long[] v = fx.module.info();
        while (!p.test(v) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            v = fx.module.info();
        }
        assertThat(p.test(v)).as("info block " + java.util.Arrays.toString(v)).isTrue();
        return v;
    }

    @Test
    void disconnectClientClosesThatSession() throws Exception {
        started().connect();
        FakeVrdeModule.Msg connect = fx.module.await(m -> m.type() == ControlMessage.CLIENT_CONNECT, "CLIENT_CONNECT");
        fx.module.send(ControlMessage.of(ControlMessage.DISCONNECT_CLIENT, connect.u32(0), 0));
        fx.module.await(m -> m.type() == ControlMessage.CLIENT_DISCONNECT, "CLIENT_DISCONNECT");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fx.server.displayClientCount().get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(fx.server.displayClientCount().get()).isZero();
    }

    @Test
    void losingTheControlConnectionFailsTheSource() throws Exception {
        started().module.dropControl();
        UpstreamException e = fx.failed.get(10, TimeUnit.SECONDS);
        assertThat(e.getMessage()).startsWith("lost the VirtualBox VRDE module: ");
        assertThat(fx.finished).isNotDone();
    }

    @Test
    void shutdownFinishesTheSource() throws Exception {
        started().module.send(ControlMessage.of(ControlMessage.SHUTDOWN));
        fx.finished.get(10, TimeUnit.SECONDS);
        assertThat(fx.failed).isNotDone();
    }

    @Test
    void aModuleThatNeverAnswersHelloIsReportedAfterFiveSeconds() throws Exception {
        try (FakeVrdeModule silent = new FakeVrdeModule(1 << 16)) {
            silent.answerHello = false;
            VrdeDisplaySource s = new VrdeDisplaySource(silent.dir);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> s.start(new DisplaySink() {
                @Override
                public void submit(SourceUpdate update) {
                }
            })).isInstanceOf(UpstreamException.class).hasMessageContaining("did not answer HELLO within 5 s");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(4500L, 8000L);
            s.close();
        }
    }

    @Test
    void aMissingDirectoryIsAOneLineError() {
        VrdeDisplaySource s = new VrdeDisplaySource(java.nio.file.Path.of("/nonexistent/svp-vrde-x"));
        assertThatThrownBy(() -> s.start(update -> { }))
                .isInstanceOf(UpstreamException.class)
                .hasMessageStartingWith("cannot reach the VirtualBox VRDE module at /nonexistent/svp-vrde-x/control.sock");
    }
}
