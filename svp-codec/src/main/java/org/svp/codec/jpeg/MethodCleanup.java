package org.svp.codec.jpeg;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;

/**
 * Frees a tjhandle when its encoder or decoder becomes unreachable (decoders live as long as a
 * connection, encoders as long as a worker thread). Runs on the cleaner's thread; tjDestroy of an
 * unused handle is thread-safe.
 */
final class MethodCleanup {
    private MethodCleanup() {
    }

    static void register(Cleaner cleaner, Object owner, TurboJpeg tj, MemorySegment handle) {
        cleaner.register(owner, () -> {
            try {
                int ignored = (int) tj.destroy.invokeExact(handle);
            } catch (Throwable ignored) {
                // nothing to do at collection time
            }
        });
    }
}
