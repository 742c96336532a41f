package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.List;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.wire.MessageReader;
import org.svp.protocol.wire.MessageWriter;
import org.svp.render.CursorImage;
import org.svp.source.vrde.pointer.PointerShapes;

/**
 * VRDE source: pointer shape records (VRDECOLORPOINTER and VRDEMOUSEPTRDATA, docs/vrde.md) through
 * {@link PointerShapes}. Input: u8 kind (even: legacy colour pointer, odd: mouse pointer data), then
 * the record. A bad record is an {@link IllegalArgumentException} (the source logs it and refreshes);
 * a good one is a CURSOR message at most 128 pixels a side that encodes, decodes back equal and
 * converts to an image.
 */
class VrdePointerFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ByteBuffer record = ByteBuffer.wrap(input, 1, input.length - 1);
        CursorShape c;
        try {
            c = input[0] % 2 == 0 ? PointerShapes.legacy(record) : PointerShapes.mousePtr(record);
        } catch (IllegalArgumentException bad) {
            return;
        }
        assertThat(List.of(c.width(), c.height())).allSatisfy(side -> assertThat(side).isBetween(1, 128));
        CursorShape back = (CursorShape) MessageReader.decodeFrame(MessageWriter.encode(c));
        assertThat(back.andMask()).isEqualTo(c.andMask());
        assertThat(back.color()).isEqualTo(c.color());
        assertThat(CursorImage.toArgb(back)).hasSize(c.width() * c.height());
    }
}
