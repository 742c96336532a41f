package org.svp.source.x11.xlib;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.svp.protocol.error.UpstreamException;

/**
 * One shared library opened for the life of the process, and down-call handles to its functions.
 * Created on the thread that opens the display; the handles themselves are thread-safe.
 */
final class NativeLibrary {
    private static final Linker LINKER = Linker.nativeLinker();

    private final String name;
    private final SymbolLookup lookup;

    /**
     * @param name the soname, e.g. "libX11.so.6"
     * @param debianPackage the package that provides it, for the error message
     * @throws UpstreamException if the library cannot be loaded
     */
    NativeLibrary(String name, String debianPackage) {
        this.name = name;
        try {
            this.lookup = SymbolLookup.libraryLookup(name, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new UpstreamException(name + " is not installed (Debian/Ubuntu package " + debianPackage + ")", e);
        }
    }

    /** The C library, from the linker's default lookup. */
    static SymbolLookup libc() {
        return LINKER.defaultLookup();
    }

    /**
     * @param function a symbol in this library
     * @param descriptor its C signature
     * @return a handle for {@code invokeExact}
     */
    MethodHandle function(String function, FunctionDescriptor descriptor) {
        return downcall(lookup, name, function, descriptor);
    }

    /**
     * @param function a symbol that older versions of this library lack
     * @param descriptor its C signature
     * @return a handle, or null if the library has no such function
     */
    MethodHandle optionalFunction(String function, FunctionDescriptor descriptor) {
        return lookup.find(function).map(a -> LINKER.downcallHandle(a, descriptor)).orElse(null);
    }

    static MethodHandle downcall(SymbolLookup lookup, String library, String function, FunctionDescriptor descriptor) {
        MemorySegment address = lookup.find(function).orElseThrow(() -> new UpstreamException(
                library + " has no function " + function + " (too old?)", null));
        return LINKER.downcallHandle(address, descriptor);
    }

    /**
     * @param t what a native call threw (only linkage errors are possible)
     * @return never returns normally
     */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("native call failed", t);
    }
}
