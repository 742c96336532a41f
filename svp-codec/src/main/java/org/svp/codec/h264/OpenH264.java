package org.svp.codec.h264;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * openh264 2.3.1 ({@code libopenh264.so.7}) through FFM. Its encoder and decoder are C++ objects: a
 * pointer to a vtable of function pointers whose first argument is the object ({@code codec_api.h},
 * C binding). Slots used: encoder 0 Initialize(SEncParamBase*), 3 Uninitialize, 4 EncodeFrame, 7
 * SetOption; decoder 0 Initialize(SDecodingParam*), 1 Uninitialize, 3 DecodeFrameNoDelay, 8 SetOption.
 * Struct offsets are those of the 2.3.1 headers on x86-64 (checked with a C program against
 * libopenh264-dev): see the constants. Loaded once; {@link #get()} is empty without the library.
 */
final class OpenH264 {
    // SEncParamBase (24 bytes)
    static final int EP_USAGE = 0;
    static final int EP_WIDTH = 4;
    static final int EP_HEIGHT = 8;
    static final int EP_BITRATE = 12;
    static final int EP_RC_MODE = 16;
    static final int EP_FPS = 20;
    static final int EP_SIZE = 24;
    // SSourcePicture (72 bytes)
    static final int SP_FORMAT = 0;
    static final int SP_STRIDE = 4;
    static final int SP_DATA = 24;
    static final int SP_WIDTH = 56;
    static final int SP_HEIGHT = 60;
    static final int SP_TIMESTAMP = 64;
    static final int SP_SIZE = 72;
    // SFrameBSInfo (5144 bytes) and its SLayerBSInfo[128] (40 bytes each)
    static final int BS_LAYER_NUM = 0;
    static final int BS_LAYERS = 8;
    static final int BS_LAYER_SIZE = 40;
    static final int BS_FRAME_TYPE = 5128;
    static final int BS_SIZE = 5144;
    static final int LAYER_NAL_COUNT = 16;
    static final int LAYER_NAL_LENGTHS = 24;
    static final int LAYER_BUF = 32;
    // SBufferInfo (72 bytes)
    static final int BI_STATUS = 0;
    static final int BI_WIDTH = 24;
    static final int BI_HEIGHT = 28;
    static final int BI_STRIDE = 36;
    static final int BI_SIZE = 72;
    // SDecodingParam (32 bytes): eEcActiveIdc @16 (0 = ERROR_CON_DISABLE), eVideoBsType @28 (0 = AVC)
    static final int DP_SIZE = 32;

    static final int CAMERA_VIDEO_REAL_TIME = 0;
    static final int RC_BITRATE_MODE = 1;
    static final int VIDEO_FORMAT_I420 = 23;
    static final int FRAME_TYPE_SKIP = 4;
    static final int FRAME_TYPE_IDR = 1;
    static final int ENC_OPTION_DATAFORMAT = 0;
    static final int ENC_OPTION_IDR_INTERVAL = 1;
    static final int ENC_OPTION_RC_FRAME_SKIP = 9;
    static final int ENC_OPTION_TRACE_LEVEL = 25;
    static final int DEC_OPTION_TRACE_LEVEL = 9;
    static final int WELS_LOG_QUIET = 0;

    final MethodHandle createEncoder;
    final MethodHandle destroyEncoder;
    final MethodHandle createDecoder;
    final MethodHandle destroyDecoder;
    /** int f(obj, void*): Initialize of both, SetOption's shape without the id. */
    final MethodHandle objPtr;
    /** int f(obj). */
    final MethodHandle obj;
    /** int f(obj, int, void*): SetOption. */
    final MethodHandle objIntPtr;
    /** int f(obj, void*, void*): EncodeFrame. */
    final MethodHandle objPtrPtr;
    /** long f(obj): decoder Uninitialize. */
    final MethodHandle objLong;
    /** long f(obj, void*): decoder Initialize (returns long). */
    final MethodHandle objPtrLong;
    /** long f(obj, int, void*): decoder SetOption. */
    final MethodHandle objIntPtrLong;
    /** int f(obj, uchar*, int, uchar**, SBufferInfo*): DecodeFrameNoDelay. */
    final MethodHandle decodeNoDelay;

    private static final Optional<OpenH264> INSTANCE = load();

    private OpenH264(SymbolLookup lib) {
        Linker l = Linker.nativeLinker();
        createEncoder = l.downcallHandle(find(lib, "WelsCreateSVCEncoder"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
        destroyEncoder = l.downcallHandle(find(lib, "WelsDestroySVCEncoder"), FunctionDescriptor.ofVoid(ADDRESS));
        createDecoder = l.downcallHandle(find(lib, "WelsCreateDecoder"), FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        destroyDecoder = l.downcallHandle(find(lib, "WelsDestroyDecoder"), FunctionDescriptor.ofVoid(ADDRESS));
        objPtr = l.downcallHandle(FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        obj = l.downcallHandle(FunctionDescriptor.of(JAVA_INT, ADDRESS));
        objIntPtr = l.downcallHandle(FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        objPtrPtr = l.downcallHandle(FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        objLong = l.downcallHandle(FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        objPtrLong = l.downcallHandle(FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS));
        objIntPtrLong = l.downcallHandle(FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS));
        decodeNoDelay = l.downcallHandle(FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
    }

    /** @return the library, or empty when libopenh264.so.7 cannot be loaded */
    static Optional<OpenH264> get() {
        return INSTANCE;
    }

    private static Optional<OpenH264> load() {
        try {
            return Optional.of(new OpenH264(SymbolLookup.libraryLookup("libopenh264.so.7", Arena.global())));
        } catch (IllegalArgumentException | UnsatisfiedLinkError | IllegalCallerException e) {
            return Optional.empty();
        }
    }

    private static MemorySegment find(SymbolLookup lib, String name) {
        return lib.find(name).orElseThrow(() -> new IllegalArgumentException("libopenh264 has no " + name));
    }

    /**
     * @param object an ISVCEncoder* or ISVCDecoder* (a pointer to the vtable pointer)
     * @param slot the virtual function's index
     * @return its function pointer
     */
    static MemorySegment slot(MemorySegment object, int slot) {
        MemorySegment vtbl = object.reinterpret(8).get(ADDRESS, 0).reinterpret(8L * 16);
        return vtbl.getAtIndex(ADDRESS, slot);
    }
}
