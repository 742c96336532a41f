package org.svp.vrde.sim;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.svp.vrde.sim.guest.NativeFramebuffer;
import org.svp.vrde.sim.host.HostCallbacks;
import org.svp.vrde.sim.host.HostConfig;
import org.svp.vrde.sim.host.HostRecorder;
import org.svp.vrde.sim.host.VrdeAbi;

/** The callback table answers like Main: calls go through the real upcall stubs (downcalls into them). */
class HostCallbacksTest {
    private static final Linker L = Linker.nativeLinker();

    private static MethodHandle fn(HostCallbacks cb, long off, FunctionDescriptor fd) {
        return L.downcallHandle(cb.table().get(ADDRESS, off), fd);
    }

    @Test
    void headerAndPropertiesAnswerLikeMain() throws Throwable {
        try (Arena a = Arena.ofConfined()) {
            HostRecorder rec = new HostRecorder();
            HostCallbacks cb = new HostCallbacks(a, 4, HostConfig.loopback("5000-5010"), rec);
            assertThat(cb.table().get(JAVA_LONG, 0)).isEqualTo(4);
            assertThat(cb.table().get(JAVA_LONG, 8)).isEqualTo(120);
            MethodHandle prop = fn(cb, 16, FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
            MemorySegment out = a.allocate(JAVA_INT);
            MemorySegment small = a.allocate(2);
            int rc = (int) prop.invokeExact(cb.context(), VrdeAbi.QP_NETWORK_PORT_RANGE, small, 2, out);
            assertThat(rc).isEqualTo(VrdeAbi.VINF_BUFFER_OVERFLOW);
            assertThat(out.get(JAVA_INT, 0)).isEqualTo(10);
            MemorySegment big = a.allocate(64);
            rc = (int) prop.invokeExact(cb.context(), VrdeAbi.QP_NETWORK_PORT_RANGE, big, 64, out);
            assertThat(rc).isZero();
            assertThat(big.getString(0, StandardCharsets.UTF_8)).isEqualTo("5000-5010");
            MemorySegment feat = a.allocate(64);
            feat.setString(4, "Property/TCP/Address", StandardCharsets.UTF_8);
            rc = (int) prop.invokeExact(cb.context(), VrdeAbi.QP_FEATURE, feat, 64, out);
            assertThat(rc).isZero();
            assertThat(feat.getString(4, StandardCharsets.UTF_8)).isEqualTo("127.0.0.1");
            feat.setString(4, "Client/DisableUSB", StandardCharsets.UTF_8);
            assertThat((int) prop.invokeExact(cb.context(), VrdeAbi.QP_FEATURE, feat, 64, out)).isEqualTo(VrdeAbi.VERR_NOT_SUPPORTED);
            assertThat((int) prop.invokeExact(cb.context(), 99, big, 64, out)).isEqualTo(VrdeAbi.VERR_NOT_SUPPORTED);
            MemorySegment port = a.allocate(JAVA_INT);
            port.set(JAVA_INT, 0, 5003);
            assertThat((int) prop.invokeExact(cb.context(), VrdeAbi.SP_NETWORK_BIND_PORT, port, 4, MemorySegment.NULL)).isZero();
            assertThat(rec.boundPort()).isEqualTo(5003);
            assertThat(cb.errors()).isEmpty();
        }
    }

    @Test
    void framebufferQueryDescribesTheNativeFramebufferAndInputIsRecorded() throws Throwable {
        try (Arena a = Arena.ofConfined(); NativeFramebuffer fb = new NativeFramebuffer(100, 50, 24)) {
            HostRecorder rec = new HostRecorder();
            HostCallbacks cb = new HostCallbacks(a, 1, HostConfig.loopback("0"), rec);
            assertThat(cb.table().get(JAVA_LONG, 8)).isEqualTo(112);
            cb.setFramebuffer(fb);
            MemorySegment info = a.allocate(32);
            boolean ok = (boolean) fn(cb, 72, FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT, ADDRESS))
                    .invokeExact(cb.context(), 0, info);
            assertThat(ok).isTrue();
            assertThat(info.get(JAVA_LONG, 0)).isEqualTo(fb.bits().address());
            assertThat(info.get(JAVA_INT, 16)).isEqualTo(100);
            assertThat(info.get(JAVA_INT, 20)).isEqualTo(50);
            assertThat(info.get(JAVA_INT, 24)).isEqualTo(24);
            assertThat(info.get(JAVA_INT, 28)).isEqualTo(300);
            MemorySegment sc = a.allocate(JAVA_INT);
            sc.set(JAVA_INT, 0, 0x1E);
            fn(cb, 96, FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS, JAVA_INT)).invokeExact(cb.context(), 0, sc, 4);
            assertThat(rec.inputs()).hasSize(1);
            assertThat(rec.inputs().get(0).scancode()).isEqualTo(0x1E);
            assertThat(rec.inputs().get(0).describe()).isEqualTo("input scancode 0x1e");
        }
    }
}
