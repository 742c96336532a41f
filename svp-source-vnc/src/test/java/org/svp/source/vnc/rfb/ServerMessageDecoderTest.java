package org.svp.source.vnc.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.svp.protocol.error.UpstreamException;

/** Raw, CopyRect, the pseudo-encodings and the other server messages, from hand-built bytes. */
class ServerMessageDecoderTest {
    private final Recorder rec = new Recorder();
    private final ServerMessageDecoder d = new ServerMessageDecoder(100, 50, rec);

    @Test
    void rawRectangleInOnePieceAndByteByByte() {
        byte[] bytes = new Wire().update(1).rect(3, 4, 2, 1, Encodings.RAW).pixel(0x112233).pixel(0xA0B0C0).toArray();
        assertThat(Feed.all(d, bytes)).isZero();
        assertThat(rec.events).containsExactly("start", "pixels 0 2x1+3+4", "finished");
        assertThat(rec.lastPixels).containsExactly(0x112233, 0xA0B0C0);
        rec.events.clear();
        assertThat(Feed.chunks(d, bytes, 1)).isZero();
        assertThat(rec.events).containsExactly("start", "pixels 0 2x1+3+4", "finished");
        assertThat(rec.lastPixels).containsExactly(0x112233, 0xA0B0C0);
    }

    @Test
    void anUnfinishedRectangleWaitsForItsBytes() {
        byte[] bytes = new Wire().update(1).rect(0, 0, 2, 1, Encodings.RAW).pixel(0x112233).toArray();
        assertThat(Feed.all(d, bytes)).as("bytes kept").isEqualTo(bytes.length - 4);
        assertThat(rec.events).containsExactly("start");
    }

    @Test
    void copyRectBecomesACopy() {
        Feed.all(d, new Wire().update(1).rect(10, 20, 30, 5, Encodings.COPY_RECT).u16(0).u16(1).toArray());
        assertThat(rec.events).containsExactly("start", "copy 30x5+10+20 from 0,1", "finished");
    }

    @Test
    void rectanglesOutsideTheFramebufferAreOneLineErrors() {
        assertThatThrownBy(() -> Feed.all(d, new Wire().update(1).rect(99, 0, 2, 1, Encodings.RAW).toArray()))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server sent bad data: Raw rectangle 2x1+99+0 outside the 100x50 framebuffer");
        ServerMessageDecoder d2 = new ServerMessageDecoder(100, 50, rec);
        assertThatThrownBy(() -> Feed.all(d2, new Wire().update(1).rect(0, 0, 10, 10, Encodings.COPY_RECT).u16(95).u16(0).toArray()))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("CopyRect source rectangle 10x10+95+0 outside");
    }

    @Test
    void desktopSizeChangesTheFramebufferTheNextRectanglesAreCheckedAgainst() {
        Feed.all(d, new Wire().update(2).rect(0, 0, 200, 100, Encodings.DESKTOP_SIZE)
                .rect(150, 90, 1, 1, Encodings.RAW).pixel(0xFFFFFF).toArray());
        assertThat(rec.events).containsExactly("start", "resized 200x100 screen -1", "pixels 0 1x1+150+90", "finished");
        assertThat(d.width()).isEqualTo(200);
    }

    @Test
    void absurdSizesAreRefused() {
        assertThatThrownBy(() -> Feed.all(d, new Wire().update(1).rect(0, 0, 60000, 60000, Encodings.DESKTOP_SIZE).toArray()))
                .isInstanceOf(UpstreamException.class).hasMessageContaining("DesktopSize framebuffer size 60000x60000");
        assertThatThrownBy(() -> new ServerMessageDecoder(0, 10, rec)).isInstanceOf(UpstreamException.class);
    }

    @Test
    void extendedDesktopSizeReportsAndResizesOnlyOnSuccess() {
        Feed.all(d, new Wire().update(2)
                .rect(1, 3, 640, 480, Encodings.EXTENDED_DESKTOP_SIZE).u8(1, 0, 0, 0).u32(7).u16(0).u16(0).u16(640).u16(480).u32(0)
                .rect(0, 0, 320, 240, Encodings.EXTENDED_DESKTOP_SIZE).u8(1, 0, 0, 0).u32(9).u16(0).u16(0).u16(320).u16(240).u32(0)
                .toArray());
        assertThat(rec.events).containsExactly("start", "eds 1 3 640x480", "eds 0 0 320x240", "resized 320x240 screen 9", "finished");
    }

    @Test
    void cursorAndQemuKeysAndLastRect() { // a hot spot below the cursor is moved onto its last row
        Feed.all(d, new Wire().update(0xFFFF)
                .rect(1, 2, 9, 2, Encodings.CURSOR).bytes(new byte[9 * 2 * 4]).bytes(new byte[2 * 2])
                .rect(0, 0, 0, 0, Encodings.QEMU_EXTENDED_KEY_EVENT)
                .rect(0, 0, 0, 0, Encodings.LAST_RECT).toArray());
        assertThat(rec.events).containsExactly("start", "cursor 9x2 hot 1,1 mask 4", "qemu keys", "finished");
    }

    @Test
    void hugeCursorsAreRefused() {
        assertThatThrownBy(() -> Feed.all(d, new Wire().update(1).rect(0, 0, 300, 2, Encodings.CURSOR).toArray()))
                .isInstanceOf(UpstreamException.class).hasMessageContaining("cursor 300x2");
    }

    @Test
    void colourMapBellAndCutTextAreSkippedEvenInPieces() {
        byte[] bytes = new Wire().u8(1, 0).u16(0).u16(2).bytes(new byte[12]).u8(2)
                .u8(3, 0, 0, 0).u32(5).bytes("hello".getBytes())
                .update(0).toArray();
        assertThat(Feed.chunks(d, bytes, 3)).isZero();
        assertThat(rec.events).containsExactly("start", "finished");
    }

    @Test
    void unknownMessagesAndEncodingsAreOneLineErrors() {
        assertThatThrownBy(() -> Feed.all(d, new byte[] {(byte) 150}))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server sent bad data: server message type 150 (not one this client asked for)");
        ServerMessageDecoder d2 = new ServerMessageDecoder(100, 50, rec);
        assertThatThrownBy(() -> Feed.all(d2, new Wire().update(1).rect(0, 0, 1, 1, 2).toArray()))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server sent bad data: rectangle encoding 2 (not one this client asked for)");
    }
}
