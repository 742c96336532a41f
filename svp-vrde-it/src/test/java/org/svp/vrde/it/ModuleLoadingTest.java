package org.svp.vrde.it;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.vrde.sim.host.HostConfig;
import org.svp.vrde.sim.host.VrdeAbi;
import org.svp.vrde.sim.host.VrdeHost;
import org.svp.vrde.sim.guest.NativeFramebuffer;

/**
 * The modules from the unpacked pack, loaded the way VirtualBox does: VBoxSVC's probe of the VRDE
 * module leaves nothing behind; create accepts v4, v3 and v1 tables and starts nothing before
 * VRDEEnableConnections; the main module registers a valid record.
 */
class ModuleLoadingTest {
    /** @return thread id → name of this process's threads (/proc/self/task/N/comm) */
    private static java.util.Map<String, String> threads() throws Exception {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try (var s = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : s.toList()) {
                try {
                    out.put(t.getFileName().toString(), Files.readString(t.resolve("comm")).strip());
                } catch (java.io.IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return out;
    }

    private static boolean mapped(Path module) throws Exception {
        return Files.readString(Path.of("/proc/self/maps")).contains(module.toRealPath().toString());
    }

    private static long javaChildren() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("--source vrde:")).count();
    }

    @Test
    void probeReadsPropertiesAndUnloadsWithoutAThreadLeft() throws Exception {
        Path module = PackFixture.vrdeModule();
        var before = threads();
        List<String> props = VrdeHost.probe(module);
        assertThat(props).contains("TCP/Ports", "TCP/Address");
        assertThat(mapped(module)).as("module still mapped after the probe").isFalse();
        // the JVM names its own threads (compiler threads come and go); a native thread the module
        // started would be named svp-… or carry the process name "java"
        var left = new java.util.HashMap<>(threads());
        left.keySet().removeAll(before.keySet());
        assertThat(left.values()).as("threads started by the probe").noneMatch(n -> n.startsWith("svp") || n.equals("java"));
        assertThat(javaChildren()).isZero();
    }

    @Test
    void createServesV4V3V1AndStartsNothingBeforeEnable() throws Exception {
        Path module = PackFixture.vrdeModule();
        for (int version : new int[] {4, 3, 1}) {
            try (NativeFramebuffer fb = new NativeFramebuffer(64, 48, 32); VrdeHost host = VrdeHost.load(module)) {
                int rc = host.create(version, HostConfig.loopback("16300-16310"), fb);
                assertThat(rc).as("v%d", version).isGreaterThanOrEqualTo(0);
                assertThat(host.entryVersion()).isEqualTo(version);
                if (version == 4) {
                    assertThat(host.getInterfaceStatus("IMAGE", 72)).isEqualTo(VrdeAbi.VERR_NOT_SUPPORTED);
                    assertThat(host.getInterfaceStatus("MOUSEPTR", 24)).isGreaterThanOrEqualTo(0);
                }
                Thread.sleep(200);
                assertThat(javaChildren()).as("a Java server before VRDEEnableConnections").isZero();
                assertThat(host.recorder().boundPort()).isIn(-1, 0);
                assertThat(host.callbacks().errors()).isEmpty();
            }
        }
    }

    @Test
    void mainModuleRegistersAValidRecord() throws Throwable {
        try (Arena a = Arena.ofConfined()) {
            SymbolLookup lib = SymbolLookup.libraryLookup(PackFixture.mainModule(), a);
            var register = Linker.nativeLinker().downcallHandle(lib.find("VBoxExtPackRegister").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
            MemorySegment hlp = a.allocate(64, 8);
            hlp.set(JAVA_INT, 0, 0x00050000); // VBOXEXTPACKHLP_VERSION of 7.0
            MemorySegment ppReg = a.allocate(ADDRESS);
            int rc = (int) register.invokeExact(hlp, ppReg, MemorySegment.NULL);
            assertThat(rc).isZero();
            MemorySegment reg = ppReg.get(ADDRESS, 0).reinterpret(120);
            int version = reg.get(JAVA_INT, 0);
            assertThat(version >>> 16).as("major of u32Version").isEqualTo(3);
            assertThat(reg.get(JAVA_INT, 116)).as("u32EndMarker").isEqualTo(version);
            for (int off = 16; off <= 104; off += 8) {
                assertThat(reg.get(ADDRESS, off)).as("hook at %d", off).isEqualTo(MemorySegment.NULL);
            }
        }
    }
}
