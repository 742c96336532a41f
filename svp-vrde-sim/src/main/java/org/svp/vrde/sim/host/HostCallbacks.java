package org.svp.vrde.sim.host;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The callback table VirtualBox's Main gives a VRDE module (spec §3), as FFM upcall stubs, behaving
 * the way Main does: properties from {@link HostConfig}, ClientLogon with a configurable status,
 * FramebufferQuery from the current {@link Framebuffer}, everything else recorded.
 *
 * <p>Threads: every method here runs on one of the module's native threads (the JVM attaches them) or
 * on the thread calling into the module. Each stays short and never throws: an exception out of an
 * upcall kills the JVM, so each body catches everything and records it in {@link #errors()}.
 */
public final class HostCallbacks {
    private final MemorySegment table;
    private final HostRecorder recorder;
    private volatile HostConfig config;
    private volatile Framebuffer framebuffer;
    private volatile VideoModeHandler videoModeHandler = (w, h, bpp, screen) -> { };
    private final AtomicInteger locks = new AtomicInteger();
    private final AtomicInteger unlocks = new AtomicInteger();
    private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    private final MemorySegment context;

    /** What the simulated guest does with a VideoModeHint (called on the module's control thread). */
    @FunctionalInterface
    public interface VideoModeHandler {
        /** @param w width @param h height @param bpp bits per pixel @param screen screen id */
        void hint(int w, int h, int bpp, int screen);
    }

    /**
     * Builds the table in {@code arena} (which must outlive the module instance).
     *
     * @param arena owns the table and the upcall stubs
     * @param version 1, 3 or 4: the header is {1,112}, {3,120} or {4,120}
     * @param config property answers
     * @param recorder where input and client events go
     */
    public HostCallbacks(Arena arena, int version, HostConfig config, HostRecorder recorder) {
        this.config = config;
        this.recorder = recorder;
        int size = version >= 3 ? VrdeAbi.CALLBACKS_V3_SIZE : VrdeAbi.CALLBACKS_V1_SIZE;
        this.table = arena.allocate(size, 8);
        this.context = arena.allocate(8, 8);
        context.set(JAVA_LONG, 0, 0x5356505354554231L);
        table.set(JAVA_LONG, 0, version);
        table.set(JAVA_LONG, 8, size);
        Linker linker = Linker.nativeLinker();
        bind(arena, linker, 16, "property", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        bind(arena, linker, 24, "clientLogon", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        bind(arena, linker, 32, "clientConnect", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        bind(arena, linker, 40, "clientDisconnect", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT));
        bind(arena, linker, 48, "intercept", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
        bind(arena, linker, 56, "usb", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_BYTE, ADDRESS, JAVA_INT));
        bind(arena, linker, 64, "clipboard", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        bind(arena, linker, 72, "framebufferQuery", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT, ADDRESS));
        bind(arena, linker, 80, "framebufferLock", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        bind(arena, linker, 88, "framebufferUnlock", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        bind(arena, linker, 96, "input", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
        bind(arena, linker, 104, "videoModeHint", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        if (version >= 3) {
            bind(arena, linker, 112, "audioIn", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        }
    }

    private void bind(Arena arena, Linker linker, long offset, String name, FunctionDescriptor fd) {
        try {
            MethodType mt = fd.toMethodType();
            MethodHandle h = MethodHandles.lookup().findVirtual(HostCallbacks.class, name, mt).bindTo(this);
            table.set(ADDRESS, offset, linker.upcallStub(h, fd, arena));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("callback " + name + ": " + e, e);
        }
    }

    /** @return the callback table ({@code VRDECALLBACKS_n}) */
    public MemorySegment table() {
        return table;
    }

    /** @return the {@code pvCallback} value passed to VRDECreateServer */
    public MemorySegment context() {
        return context;
    }

    /** @param c new property answers and logon status (takes effect at the next callback) */
    public void setConfig(HostConfig c) {
        this.config = c;
    }

    /** @param fb the screen FramebufferQuery describes from now on */
    public void setFramebuffer(Framebuffer fb) {
        this.framebuffer = fb;
    }

    /** @param h what a VideoModeHint does (besides being recorded) */
    public void onVideoModeHint(VideoModeHandler h) {
        this.videoModeHandler = h;
    }

    /** @return FramebufferLock calls so far */
    public int lockCount() {
        return locks.get();
    }

    /** @return FramebufferUnlock calls so far */
    public int unlockCount() {
        return unlocks.get();
    }

    /** @return problems seen inside callbacks (wrong context pointer, exceptions) */
    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    private void checkContext(MemorySegment pv) {
        if (pv.address() != context.address()) {
            errors.add("callback got pvCallback 0x" + Long.toHexString(pv.address()) + ", expected 0x"
                    + Long.toHexString(context.address()));
        }
    }

    private void failed(String where, Throwable t) {
        errors.add(where + ": " + t);
    }

    // ---- upcalls (module threads) ----

    int property(MemorySegment pv, int index, MemorySegment buffer, int cbBuffer, MemorySegment pcbOut) {
        try {
            checkContext(pv);
            MemorySegment buf = buffer.reinterpret(Integer.toUnsignedLong(cbBuffer));
            MemorySegment out = pcbOut.equals(MemorySegment.NULL) ? null : pcbOut.reinterpret(4);
            HostConfig c = config;
            return switch (index) {
                case VrdeAbi.QP_NETWORK_PORT -> answerU32(buf, out, 0);
                case VrdeAbi.QP_NETWORK_ADDRESS -> answerString(buf, out, c.address());
                case VrdeAbi.QP_NUMBER_MONITORS -> answerU32(buf, out, 1);
                case VrdeAbi.QP_NETWORK_PORT_RANGE -> answerString(buf, out,
                        c.ports() == null || c.ports().isEmpty() || c.ports().equals("0") ? "3389" : c.ports());
                case VrdeAbi.QP_VIDEO_CHANNEL, VrdeAbi.QP_VIDEO_CHANNEL_QUALITY -> answerU32(buf, out, 0);
                case VrdeAbi.QP_VIDEO_CHANNEL_SUNFLSH -> answerU32(buf, out, 1);
                case VrdeAbi.QP_FEATURE -> feature(buf, out, c);
                case VrdeAbi.SP_NETWORK_BIND_PORT -> {
                    if (cbBuffer != 4) {
                        yield VrdeAbi.VERR_INVALID_PARAMETER;
                    }
                    recorder.bindPort(buf.get(JAVA_INT, 0));
                    yield VrdeAbi.VINF_SUCCESS;
                }
                case VrdeAbi.SP_CLIENT_STATUS -> {
                    if (cbBuffer >= 8) {
                        int id = buf.get(JAVA_INT, 0);
                        int len = Math.min(buf.get(JAVA_INT, 4), cbBuffer - 8);
                        String s = new String(buf.asSlice(8, Math.max(len, 0)).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
                        recorder.event("client-status", id + " " + s.replace("\0", ""));
                    }
                    yield VrdeAbi.VINF_SUCCESS;
                }
                default -> VrdeAbi.VERR_NOT_SUPPORTED;
            };
        } catch (Throwable t) {
            failed("property " + index, t);
            return VrdeAbi.VERR_INVALID_PARAMETER;
        }
    }

    private static int answerU32(MemorySegment buf, MemorySegment out, int value) {
        if (out != null) {
            out.set(JAVA_INT, 0, 4);
        }
        if (buf.byteSize() < 4) {
            return VrdeAbi.VINF_BUFFER_OVERFLOW;
        }
        buf.set(JAVA_INT, 0, value);
        return VrdeAbi.VINF_SUCCESS;
    }

    private static int answerString(MemorySegment buf, MemorySegment out, String value) {
        byte[] b = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        if (out != null) {
            out.set(JAVA_INT, 0, b.length + 1);
        }
        if (buf.byteSize() < b.length + 1) {
            return VrdeAbi.VINF_BUFFER_OVERFLOW;
        }
        MemorySegment.copy(b, 0, buf, JAVA_BYTE, 0, b.length);
        buf.set(JAVA_BYTE, b.length, (byte) 0);
        return VrdeAbi.VINF_SUCCESS;
    }

    /** VRDEFEATURE: u32 client id, then the name in, the value out (value length with NUL in *pcbOut). */
    private static int feature(MemorySegment buf, MemorySegment out, HostConfig c) {
        if (buf.byteSize() < 5) {
            return VrdeAbi.VERR_INVALID_PARAMETER;
        }
        String name = buf.asSlice(4).getString(0, StandardCharsets.UTF_8);
        if (!name.startsWith("Property/")) {
            return VrdeAbi.VERR_NOT_SUPPORTED;
        }
        byte[] v = c.property(name.substring("Property/".length())).getBytes(StandardCharsets.UTF_8);
        if (out != null) {
            out.set(JAVA_INT, 0, v.length + 1);
        }
        if (buf.byteSize() - 4 < v.length + 1) {
            return VrdeAbi.VINF_BUFFER_OVERFLOW;
        }
        MemorySegment.copy(v, 0, buf, JAVA_BYTE, 4, v.length);
        buf.set(JAVA_BYTE, 4 + v.length, (byte) 0);
        return VrdeAbi.VINF_SUCCESS;
    }

    int clientLogon(MemorySegment pv, int clientId, MemorySegment user, MemorySegment password, MemorySegment domain) {
        try {
            checkContext(pv);
            int status = config.logonStatus();
            recorder.event("logon", clientId + " user '" + str(user) + "' domain '" + str(domain) + "' -> " + status);
            return status;
        } catch (Throwable t) {
            failed("clientLogon", t);
            return VrdeAbi.VERR_ACCESS_DENIED;
        }
    }

    private static String str(MemorySegment p) {
        return p.equals(MemorySegment.NULL) ? "" : p.reinterpret(4096).getString(0, StandardCharsets.UTF_8);
    }

    void clientConnect(MemorySegment pv, int clientId) {
        try {
            checkContext(pv);
            recorder.event("connect", Integer.toString(clientId));
        } catch (Throwable t) {
            failed("clientConnect", t);
        }
    }

    void clientDisconnect(MemorySegment pv, int clientId, int intercepted) {
        try {
            checkContext(pv);
            recorder.event("disconnect", Integer.toString(clientId));
        } catch (Throwable t) {
            failed("clientDisconnect", t);
        }
    }

    int intercept(MemorySegment pv, int clientId, int what, MemorySegment ppv) {
        return VrdeAbi.VERR_NOT_SUPPORTED;
    }

    int usb(MemorySegment pv, MemorySegment intercept, int clientId, byte code, MemorySegment ret, int cbRet) {
        return VrdeAbi.VERR_NOT_SUPPORTED;
    }

    int clipboard(MemorySegment pv, MemorySegment intercept, int clientId, int function, int format,
                  MemorySegment data, int cbData) {
        return VrdeAbi.VERR_NOT_SUPPORTED;
    }

    boolean framebufferQuery(MemorySegment pv, int screen, MemorySegment info) {
        try {
            checkContext(pv);
            Framebuffer fb = framebuffer;
            if (screen != 0 || fb == null) {
                return false;
            }
            MemorySegment i = info.reinterpret(VrdeAbi.FRAMEBUFFER_INFO_SIZE);
            i.set(JAVA_LONG, 0, fb.bits().address());
            i.set(JAVA_INT, 8, 0);
            i.set(JAVA_INT, 12, 0);
            i.set(JAVA_INT, 16, fb.width());
            i.set(JAVA_INT, 20, fb.height());
            i.set(JAVA_INT, 24, fb.bitsPerPixel());
            i.set(JAVA_INT, 28, fb.lineBytes());
            return true;
        } catch (Throwable t) {
            failed("framebufferQuery", t);
            return false;
        }
    }

    void framebufferLock(MemorySegment pv, int screen) {
        try {
            locks.incrementAndGet();
            Framebuffer fb = framebuffer;
            if (fb != null) {
                fb.lock();
            }
        } catch (Throwable t) {
            failed("framebufferLock", t);
        }
    }

    void framebufferUnlock(MemorySegment pv, int screen) {
        try {
            unlocks.incrementAndGet();
            Framebuffer fb = framebuffer;
            if (fb != null) {
                fb.unlock();
            }
        } catch (Throwable t) {
            failed("framebufferUnlock", t);
        }
    }

    void input(MemorySegment pv, int type, MemorySegment data, int cbInput) {
        try {
            checkContext(pv);
            byte[] bytes = data.equals(MemorySegment.NULL) || cbInput <= 0 ? new byte[0]
                    : data.reinterpret(cbInput).toArray(JAVA_BYTE);
            recorder.input(new InputEvent(System.nanoTime(), type, bytes));
        } catch (Throwable t) {
            failed("input", t);
        }
    }

    void videoModeHint(MemorySegment pv, int w, int h, int bpp, int screen) {
        try {
            checkContext(pv);
            recorder.event("video-mode-hint", w + "x" + h + "x" + bpp + " screen " + screen);
            videoModeHandler.hint(w, h, bpp, screen);
        } catch (Throwable t) {
            failed("videoModeHint", t);
        }
    }

    void audioIn(MemorySegment pv, MemorySegment ctx, int clientId, int event, MemorySegment data, int cb) {
        // Main forwards microphone data to the guest; the simulator has no audio.
    }

    /** @param sink gets each problem as it is recorded (console printing) */
    public void forEachError(Consumer<String> sink) {
        errors().forEach(sink);
    }
}
