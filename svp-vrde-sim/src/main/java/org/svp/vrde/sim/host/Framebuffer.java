package org.svp.vrde.sim.host;

import java.lang.foreign.MemorySegment;

/**
 * The simulated VM's screen as VirtualBox hands it to a VRDE module (VRDEFRAMEBUFFERINFO): native
 * memory, top-down rows. Implemented by the guest ({@code org.svp.vrde.sim.guest.NativeFramebuffer}).
 *
 * <p>Called from the module's threads (FramebufferQuery/Lock/Unlock upcalls) and from the guest's
 * thread; {@link #lock()}/{@link #unlock()} keep a resize from freeing memory the module is reading.
 */
public interface Framebuffer {
    /** @return the pixel memory (valid until the next resize) */
    MemorySegment bits();

    /** @return columns */
    int width();

    /** @return rows */
    int height();

    /** @return 32, 24, 16 or 8 */
    int bitsPerPixel();

    /** @return bytes per row */
    int lineBytes();

    /** FramebufferLock: the module is about to read the pixels (may be called on any thread). */
    void lock();

    /** FramebufferUnlock, on the thread that locked. */
    void unlock();
}
