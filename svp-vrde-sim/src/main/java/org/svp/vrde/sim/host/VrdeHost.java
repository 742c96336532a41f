package org.svp.vrde.sim.host;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A VirtualBox stand-in for one VRDE module, the way VBoxSVC and the VM process use it (spec §1, §8):
 * {@link #probe} loads the library only to read {@code VRDESupportedProperties}, then unloads it;
 * {@link #load} + {@link #create} start a server instance with a callback table of upcall stubs, and the
 * instance methods call the module's entry points through FFM downcalls.
 *
 * <p>Threads: the entry-point methods may be called from any one thread at a time per kind, as
 * VirtualBox's EMT/display threads do; callbacks arrive on the module's threads (see
 * {@link HostCallbacks}). {@link #close()} destroys the instance and unloads the library.
 */
public final class VrdeHost implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();

    private final Arena arena;
    private final SymbolLookup library;
    private final Path path;
    private final HostRecorder recorder = new HostRecorder();
    private HostCallbacks callbacks;
    private MemorySegment server = MemorySegment.NULL;
    private MemorySegment entryPoints = MemorySegment.NULL;
    private long entryVersion;
    private MethodHandle update;
    private MethodHandle resize;
    private MethodHandle mousePtr;
    private boolean destroyed;

    private VrdeHost(Path path) {
        this.path = path;
        this.arena = Arena.ofShared();
        try {
            this.library = SymbolLookup.libraryLookup(path, arena);
        } catch (IllegalArgumentException e) {
            arena.close();
            throw new IllegalStateException("cannot load VRDE module " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * What VBoxSVC does for {@code IVRDEServer::getVRDEProperties}: load the library, call
     * {@code VRDESupportedProperties}, copy the strings, unload it at once.
     *
     * @param module the library
     * @return the property names (empty when the symbol is missing, which VirtualBox tolerates)
     */
    public static List<String> probe(Path module) {
        try (Arena a = Arena.ofConfined()) {
            SymbolLookup lib;
            try {
                lib = SymbolLookup.libraryLookup(module, a);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("cannot load VRDE module " + module + ": " + e.getMessage(), e);
            }
            var sym = lib.find("VRDESupportedProperties");
            if (sym.isEmpty()) {
                return List.of();
            }
            MethodHandle h = LINKER.downcallHandle(sym.get(), FunctionDescriptor.of(ADDRESS));
            MemorySegment array;
            try {
                array = (MemorySegment) h.invokeExact();
            } catch (Throwable t) {
                throw new IllegalStateException("VRDESupportedProperties failed: " + t, t);
            }
            List<String> names = new ArrayList<>();
            if (array.equals(MemorySegment.NULL)) {
                return names;
            }
            MemorySegment arr = array.reinterpret(8L * 256);
            for (int i = 0; i < 256; i++) {
                MemorySegment s = arr.getAtIndex(ADDRESS, i);
                if (s.equals(MemorySegment.NULL)) {
                    break;
                }
                names.add(s.reinterpret(4096).getString(0, StandardCharsets.UTF_8));
            }
            return names;
        } // closing the arena unloads the library (dlclose)
    }

    /**
     * Loads the module for a server instance (the VM process's {@code loadVRDPLibrary}).
     *
     * @param module the library
     * @return the host; call {@link #create} next
     */
    public static VrdeHost load(Path module) {
        return new VrdeHost(module);
    }

    /** @return the recorded callbacks */
    public HostRecorder recorder() {
        return recorder;
    }

    /** @return the callback table (null before {@link #create}) */
    public HostCallbacks callbacks() {
        return callbacks;
    }

    /** @return the module's file */
    public Path path() {
        return path;
    }

    /**
     * Calls {@code VRDECreateServer} with a callback table of the given version, as Main does.
     *
     * @param interfaceVersion 4, 3 or 1
     * @param config the property answers
     * @param framebuffer the screen FramebufferQuery describes (may be replaced later)
     * @return the IPRT status (≥ 0 success; -11 version mismatch)
     * @throws IllegalStateException when the module returned success with a bad entry-point table
     */
    public int create(int interfaceVersion, HostConfig config, Framebuffer framebuffer) {
        callbacks = new HostCallbacks(arena, interfaceVersion, config, recorder);
        callbacks.setFramebuffer(framebuffer);
        MemorySegment fn = library.find("VRDECreateServer")
                .orElseThrow(() -> new IllegalStateException(path + " has no VRDECreateServer"));
        MethodHandle h = LINKER.downcallHandle(fn, FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        MemorySegment ppEntry = arena.allocate(ADDRESS);
        MemorySegment phServer = arena.allocate(ADDRESS);
        int rc;
        try {
            rc = (int) h.invokeExact(callbacks.table(), callbacks.context(), ppEntry, phServer);
        } catch (Throwable t) {
            throw new IllegalStateException("VRDECreateServer failed: " + t, t);
        }
        if (rc < 0) {
            return rc;
        }
        entryPoints = ppEntry.get(ADDRESS, 0);
        server = phServer.get(ADDRESS, 0);
        if (entryPoints.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("VRDECreateServer returned " + rc + " but no entry points");
        }
        MemorySegment hdr = entryPoints.reinterpret(16);
        entryVersion = hdr.get(JAVA_LONG, 0);
        long size = hdr.get(JAVA_LONG, 8);
        if (entryVersion != interfaceVersion || entryVersion < 1 || entryVersion > 4
                || size != VrdeAbi.ENTRY_POINTS_SIZE[(int) entryVersion]) {
            throw new IllegalStateException("entry-point table header {" + entryVersion + "," + size + "} for a v"
                    + interfaceVersion + " request");
        }
        entryPoints = entryPoints.reinterpret(size);
        update = handle(VrdeAbi.EP_UPDATE, FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
        resize = handle(VrdeAbi.EP_RESIZE, FunctionDescriptor.ofVoid(ADDRESS));
        return rc;
    }

    /** @return the version of the entry-point table the module returned */
    public long entryVersion() {
        return entryVersion;
    }

    private MethodHandle handle(int offset, FunctionDescriptor fd) {
        MemorySegment fn = entryPoints.get(ADDRESS, offset);
        if (fn.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("entry point at offset " + offset + " is NULL");
        }
        return LINKER.downcallHandle(fn, fd);
    }

    private void requireServer() {
        if (server.equals(MemorySegment.NULL) && entryPoints.equals(MemorySegment.NULL) || destroyed) {
            throw new IllegalStateException("no server instance (create it first)");
        }
    }

    /**
     * VRDEEnableConnections.
     *
     * @param enable true: start serving (the module starts the Java server)
     * @return the module's status (Main ignores it)
     */
    public int enableConnections(boolean enable) {
        requireServer();
        try {
            return (int) handle(VrdeAbi.EP_ENABLE_CONNECTIONS, FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_BOOLEAN))
                    .invokeExact(server, enable);
        } catch (Throwable t) {
            throw new IllegalStateException("VRDEEnableConnections: " + t, t);
        }
    }

    /** VRDEResize: the module re-queries the framebuffer. */
    public void resize() {
        requireServer();
        try {
            resize.invokeExact(server);
        } catch (Throwable t) {
            throw new IllegalStateException("VRDEResize: " + t, t);
        }
    }

    /**
     * VRDEUpdate.
     *
     * @param screen screen id
     * @param buffer the update (VRDEORDERHDR + orders), or {@link MemorySegment#NULL} for "complete"
     * @param cb bytes (8 = header only; 0 with NULL)
     */
    public void update(int screen, MemorySegment buffer, int cb) {
        try {
            update.invokeExact(server, screen, buffer, cb);
        } catch (Throwable t) {
            throw new IllegalStateException("VRDEUpdate: " + t, t);
        }
    }

    /** VRDEUpdate(NULL, 0): the update sequence is complete. */
    public void updateComplete() {
        update(0, MemorySegment.NULL, 0);
    }

    /** @param pointer a VRDECOLORPOINTER + mask + data, in native memory */
    public void colorPointer(MemorySegment pointer) {
        requireServer();
        try {
            handle(VrdeAbi.EP_COLOR_POINTER, FunctionDescriptor.ofVoid(ADDRESS, ADDRESS)).invokeExact(server, pointer);
        } catch (Throwable t) {
            throw new IllegalStateException("VRDEColorPointer: " + t, t);
        }
    }

    /**
     * The v4 MOUSEPTR interface, fetched through VRDEGetInterface on first use as Main does after create.
     *
     * @param pointer a VRDEMOUSEPTRDATA + mask + data, in native memory
     * @throws IllegalStateException if the module does not offer MOUSEPTR
     */
    public void mousePtr(MemorySegment pointer) {
        requireServer();
        if (mousePtr == null) {
            mousePtr = queryMousePtr();
        }
        try {
            mousePtr.invokeExact(server, pointer);
        } catch (Throwable t) {
            throw new IllegalStateException("VRDEMousePtr: " + t, t);
        }
    }

    private MethodHandle queryMousePtr() {
        if (entryVersion < 4) {
            throw new IllegalStateException("MOUSEPTR needs interface v4, the module serves v" + entryVersion);
        }
        MemorySegment iface = arena.allocate(24, 8);
        iface.set(JAVA_LONG, 0, 1);
        iface.set(JAVA_LONG, 8, 24);
        int rc;
        try {
            rc = (int) handle(VrdeAbi.EP_GET_INTERFACE, FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS))
                    .invokeExact(server, arena.allocateFrom("MOUSEPTR"), iface, MemorySegment.NULL, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("VRDEGetInterface: " + t, t);
        }
        MemorySegment fn = iface.get(ADDRESS, 16);
        if (rc < 0 || fn.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("VRDEGetInterface(MOUSEPTR) returned " + rc);
        }
        return LINKER.downcallHandle(fn, FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
    }

    /**
     * Asks VRDEGetInterface for a named interface with a 1-version header of {@code size} bytes.
     *
     * @param name e.g. {@code "IMAGE"}
     * @param size the interface table size to offer
     * @return the status
     */
    public int getInterfaceStatus(String name, int size) {
        requireServer();
        MemorySegment iface = arena.allocate(size, 8);
        iface.set(JAVA_LONG, 0, 1);
        iface.set(JAVA_LONG, 8, size);
        try {
            return (int) handle(VrdeAbi.EP_GET_INTERFACE, FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS))
                    .invokeExact(server, arena.allocateFrom(name), iface, MemorySegment.NULL, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("VRDEGetInterface: " + t, t);
        }
    }

    /** VRDEHidePointer. */
    public void hidePointer() {
        requireServer();
        try {
            handle(VrdeAbi.EP_HIDE_POINTER, FunctionDescriptor.ofVoid(ADDRESS)).invokeExact(server);
        } catch (Throwable t) {
            throw new IllegalStateException("VRDEHidePointer: " + t, t);
        }
    }

    /**
     * VRDEQueryInfo, the way Main does for strings: first (NULL, 0) for the size, then the value.
     *
     * @param index a VRDE_QI_* index
     * @return the raw answer bytes ({@code *pcbOut} of them)
     */
    public byte[] queryInfo(int index) {
        requireServer();
        MethodHandle h = handle(VrdeAbi.EP_QUERY_INFO, FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cbOut = a.allocate(JAVA_INT);
            h.invokeExact(server, index, MemorySegment.NULL, 0, cbOut);
            int need = cbOut.get(JAVA_INT, 0);
            if (need <= 0) {
                return new byte[0];
            }
            MemorySegment buf = a.allocate(need, 8);
            h.invokeExact(server, index, buf, need, cbOut);
            int got = Math.min(cbOut.get(JAVA_INT, 0), need);
            return buf.asSlice(0, got).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        } catch (Throwable t) {
            throw new IllegalStateException("VRDEQueryInfo: " + t, t);
        }
    }

    /**
     * A function the module exports besides the VRDE ones (e.g. {@code SVPVRDEGetStats}).
     *
     * @param name the symbol
     * @return its address, or empty
     */
    public java.util.Optional<MemorySegment> symbol(String name) {
        return library.find(name);
    }

    /** @return the server handle ({@code HVRDESERVER}) */
    public MemorySegment serverHandle() {
        return server;
    }

    /** VRDEDestroy (once). */
    public void destroy() {
        if (destroyed || entryPoints.equals(MemorySegment.NULL)) {
            return;
        }
        destroyed = true;
        try {
            handle(VrdeAbi.EP_DESTROY, FunctionDescriptor.ofVoid(ADDRESS)).invokeExact(server);
        } catch (Throwable t) {
            throw new IllegalStateException("VRDEDestroy: " + t, t);
        }
    }

    /** Destroys the instance if any, then unloads the library and frees the callback stubs. */
    @Override
    public void close() {
        try {
            destroy();
        } finally {
            arena.close();
        }
    }
}
