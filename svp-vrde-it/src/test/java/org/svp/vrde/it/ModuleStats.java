package org.svp.vrde.it;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.svp.vrde.sim.host.VrdeHost;

/** Reads the module's own counters ({@code SVPVRDEGetStats}, struct svp_vrde_stats). */
final class ModuleStats {
    private ModuleStats() {
    }

    /** @return order_records (offset 24): ORDERS records written into the ring */
    static long orderRecords(VrdeHost host) {
        MemorySegment fn = host.symbol("SVPVRDEGetStats").orElseThrow();
        var h = Linker.nativeLinker().downcallHandle(fn, FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG));
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(80, 8);
            long n = (long) h.invokeExact(s, 80L);
            if (n < 32) {
                throw new IllegalStateException("SVPVRDEGetStats gave " + n + " bytes");
            }
            return s.get(ValueLayout.JAVA_LONG, 24);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
