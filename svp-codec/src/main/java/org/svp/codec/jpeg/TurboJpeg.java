package org.svp.codec.jpeg;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The TurboJPEG 2.x C API of libjpeg-turbo ({@code libturbojpeg.so.0}, Debian libturbojpeg0) as FFM
 * method handles. Loaded once per JVM; {@link #get()} is empty when the library is not installed (the
 * codec then uses {@link ImageIoJpeg}). The handles are thread-safe; a tjhandle is not (one per
 * encoder or decoder, which are confined to one thread).
 */
final class TurboJpeg {
    /** Pixel format TJPF_BGRX: bytes B, G, R, X, i.e. a little-endian {@code 0x00RRGGBB} int. */
    static final int TJPF_BGRX = 3;
    /** Chroma subsampling TJSAMP_444 (none) and TJSAMP_420. */
    static final int TJSAMP_444 = 0;
    static final int TJSAMP_420 = 2;
    /** TJFLAG_NOREALLOC: compress into our buffer (sized by tjBufSize), never reallocate it. */
    static final int TJFLAG_NOREALLOC = 1024;
    /** TJFLAG_FASTDCT: the faster, slightly less exact IDCT/DCT. */
    static final int TJFLAG_FASTDCT = 2048;

    final MethodHandle initCompress;
    final MethodHandle initDecompress;
    final MethodHandle destroy;
    final MethodHandle compress2;
    final MethodHandle bufSize;
    final MethodHandle decompressHeader3;
    final MethodHandle decompress2;
    final MethodHandle errorStr2;

    private static final Optional<TurboJpeg> INSTANCE = load();

    private TurboJpeg(SymbolLookup lib) {
        Linker l = Linker.nativeLinker();
        initCompress = l.downcallHandle(find(lib, "tjInitCompress"), FunctionDescriptor.of(ADDRESS));
        initDecompress = l.downcallHandle(find(lib, "tjInitDecompress"), FunctionDescriptor.of(ADDRESS));
        destroy = l.downcallHandle(find(lib, "tjDestroy"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
        // int tjCompress2(h, src, width, pitch, height, pixelFormat, **jpegBuf, *jpegSize, subsamp, qual, flags)
        compress2 = l.downcallHandle(find(lib, "tjCompress2"), FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS,
                JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
        bufSize = l.downcallHandle(find(lib, "tjBufSize"), FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT));
        // int tjDecompressHeader3(h, jpegBuf, jpegSize, *width, *height, *subsamp, *colorspace)
        decompressHeader3 = l.downcallHandle(find(lib, "tjDecompressHeader3"), FunctionDescriptor.of(JAVA_INT, ADDRESS,
                ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        // int tjDecompress2(h, jpegBuf, jpegSize, dstBuf, width, pitch, height, pixelFormat, flags)
        decompress2 = l.downcallHandle(find(lib, "tjDecompress2"), FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS,
                JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        errorStr2 = l.downcallHandle(find(lib, "tjGetErrorStr2"), FunctionDescriptor.of(ADDRESS, ADDRESS));
    }

    /** @return the library, or empty when libturbojpeg.so.0 cannot be loaded */
    static Optional<TurboJpeg> get() {
        return INSTANCE;
    }

    private static Optional<TurboJpeg> load() {
        if (Boolean.getBoolean("svp.jpeg.imageio")) { // tests of the fallback
            return Optional.empty();
        }
        try {
            return Optional.of(new TurboJpeg(SymbolLookup.libraryLookup("libturbojpeg.so.0", Arena.global())));
        } catch (IllegalArgumentException | UnsatisfiedLinkError | IllegalCallerException e) {
            return Optional.empty();
        }
    }

    private static MemorySegment find(SymbolLookup lib, String name) {
        return lib.find(name).orElseThrow(() -> new IllegalArgumentException("libturbojpeg has no " + name));
    }

    /**
     * @param handle a tjhandle
     * @return its last error text
     */
    String error(MemorySegment handle) {
        try {
            MemorySegment s = (MemorySegment) errorStr2.invokeExact(handle);
            return s.equals(MemorySegment.NULL) ? "unknown error" : s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return t.toString();
        }
    }
}
