package org.svp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every harness behind one switch, for the bounded fuzz run in CI (svp-fuzz's "ci-fuzz" surefire
 * execution: Jazzer fuzzes one test per JVM, and one JVM with a short budget costs less than one per
 * harness). The first input byte picks the harness ({@link #TARGETS} index modulo their count), the
 * rest is that harness's input. Seeds: every harness's seeds with its index byte in front.
 */
class AllDecodersFuzz {
    /** In a fixed order: the index is part of every seed in AllDecodersFuzzInputs/. Append only. */
    static final List<Consumer<byte[]>> TARGETS = List.of(
            DisplayStreamFuzz::check,
            KeyboardEventFuzz::check,
            MouseEventFuzz::check,
            VideoModesetFuzz::check,
            GraphicConfigFuzz::check,
            MainChannelInitFuzz::check,
            ChannelInitFuzz::check,
            UsbFrameFuzz::check,
            ClientStreamFuzz::check,
            CursorChannelFuzz::check,
            MainChannelFuzz::check,
            Lz4BlockFuzz::check,
            PixelFormatFuzz::check,
            VrdeOrderFuzz::check,
            VrdePointerFuzz::check,
            VrdePixelsFuzz::check,
            VrdeRingFuzz::check,
            HandshakeV2Fuzz::check,
            ZstreamDecodeFuzz::check,
            VncUpdateFuzz::check,
            ScramTextFuzz::check,
            CodecDecodeFuzz::check,
            JpegDecodeFuzz::check,
            H264DecodeFuzz::check,
            MedzDecodeFuzz::check,
            TextzDecodeFuzz::check);

    @FuzzTest(maxDuration = "15s")
    void fuzz(byte[] input) {
        if (input.length == 0) {
            return;
        }
        TARGETS.get((input[0] & 0xFF) % TARGETS.size()).accept(Arrays.copyOfRange(input, 1, input.length));
    }
}
