package org.svp.codec.textz;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.svp.codec.BitmapCodec;
import org.svp.codec.zstream.StreamInflater;

/**
 * One connection's TEXTZ decoder: inflates the program from the connection's zstd stream and runs it
 * into the destination, keeping the glyph slots it stores. Every count, position and slot comes from the
 * peer and is checked; a bad program is BAD_BITMAP (the connection then closes, so slots stored by a
 * half-run program do not matter). On the client's display thread; not thread-safe.
 */
final class TextzDecoder implements BitmapCodec.Decoder {
    private final StreamInflater inflater = new StreamInflater("TEXTZ");
    private final int[][] slots = new int[TextzCodec.SLOTS][];
    private final int[] slotWidth = new int[TextzCodec.SLOTS];
    private final int[] slotRows = new int[TextzCodec.SLOTS];

    @Override
    public void decode(byte[] data, int w, int h, int[] dst, int dstOffset, int dstStride, int commandId) {
        if ((long) w * h == 0) {
            if (data.length != 0) {
                throw inflater.bad(commandId, "data for an empty bitmap");
            }
            return;
        }
        if (data.length < 5) {
            throw inflater.bad(commandId, "only " + data.length + " bytes");
        }
        long n = (data[0] & 0xFFL) | (data[1] & 0xFFL) << 8 | (data[2] & 0xFFL) << 16 | (data[3] & 0xFFL) << 24;
        if (n == 0 || n > TextzCodec.maxProgram(w, h) || n > Integer.MAX_VALUE - 8) {
            throw inflater.bad(commandId, "a program of " + n + " bytes for " + w + "x" + h);
        }
        ByteBuffer prog = inflater.inflate(data, 4, (int) n, commandId);
        run(prog, w, h, dst, dstOffset, dstStride, commandId);
    }

    private void run(ByteBuffer prog, int w, int h, int[] dst, int dstOffset, int dstStride, int commandId) {
        int y = 0;
        while (y < h) {
            need(prog, 2, commandId);
            int kind = prog.get() & 0xFF;
            int rows = (prog.get() & 0xFF) + 1;
            if (y + rows > h) {
                throw inflater.bad(commandId, "a strip of " + rows + " rows at row " + y + " of " + h);
            }
            int at = dstOffset + y * dstStride;
            switch (kind) {
                case TextzCodec.KIND_PIXELS -> {
                    need(prog, 3L * w * rows, commandId);
                    for (int r = 0; r < rows; r++) {
                        pixels(prog, dst, at + r * dstStride, w);
                    }
                }
                case TextzCodec.KIND_TEXT -> text(prog, w, rows, dst, at, dstStride, commandId);
                default -> throw inflater.bad(commandId, "unknown strip kind " + kind);
            }
            y += rows;
        }
        if (prog.hasRemaining()) {
            throw inflater.bad(commandId, prog.remaining() + " program bytes left after " + h + " rows");
        }
    }

    private void text(ByteBuffer prog, int w, int rows, int[] dst, int at, int stride, int commandId) {
        need(prog, 5, commandId);
        int bg = rgb(prog);
        for (int r = 0; r < rows; r++) {
            Arrays.fill(dst, at + r * stride, at + r * stride + w, bg);
        }
        int count = u16(prog);
        int prevEnd = 0;
        for (int g = 0; g < count; g++) {
            need(prog, 4, commandId);
            int x = (prevEnd + u16(prog)) & 0xFFFF;
            int y = prog.get() & 0xFF;
            int op = prog.get() & 0xFF;
            int slot = -1;
            if (op == TextzCodec.OP_CACHED || op == TextzCodec.OP_STORE) {
                need(prog, 2, commandId);
                slot = u16(prog);
                if (slot >= TextzCodec.SLOTS) {
                    throw inflater.bad(commandId, "glyph " + g + " names slot " + slot + " of " + TextzCodec.SLOTS);
                }
            }
            int gw;
            int gh;
            if (op == TextzCodec.OP_CACHED) {
                if (slots[slot] == null) {
                    throw inflater.bad(commandId, "glyph " + g + " draws slot " + slot + ", which holds no glyph");
                }
                gw = slotWidth[slot];
                gh = slotRows[slot];
            } else if (op == TextzCodec.OP_STORE || op == TextzCodec.OP_LITERAL) {
                need(prog, 2, commandId);
                gw = (prog.get() & 0xFF) + 1;
                gh = (prog.get() & 0xFF) + 1;
            } else {
                throw inflater.bad(commandId, "glyph " + g + " has unknown op " + op);
            }
            if (x + gw > w || y + gh > rows) {
                throw inflater.bad(commandId, "glyph " + g + " at " + x + "," + y + " size " + gw + "x" + gh
                        + " leaves its " + w + "x" + rows + " strip");
            }
            prevEnd = x + gw;
            int to = at + y * stride + x;
            switch (op) {
                case TextzCodec.OP_CACHED -> {
                    int[] px = slots[slot];
                    for (int r = 0; r < gh; r++) {
                        System.arraycopy(px, r * gw, dst, to + r * stride, gw);
                    }
                }
                case TextzCodec.OP_STORE -> {
                    if (gw * gh > TextzCodec.MAX_GLYPH_PIXELS) {
                        throw inflater.bad(commandId, "glyph " + g + " stores a " + gw + "x" + gh + " glyph in slot " + slot);
                    }
                    need(prog, 3L * gw * gh, commandId);
                    int[] px = new int[gw * gh];
                    for (int r = 0; r < gh; r++) {
                        pixels(prog, px, r * gw, gw);
                        System.arraycopy(px, r * gw, dst, to + r * stride, gw);
                    }
                    slots[slot] = px;
                    slotWidth[slot] = gw;
                    slotRows[slot] = gh;
                }
                default -> { // OP_LITERAL (any other op was refused above)
                    need(prog, 3L * gw * gh, commandId);
                    for (int r = 0; r < gh; r++) {
                        pixels(prog, dst, to + r * stride, gw);
                    }
                }
            }
        }
    }

    private void need(ByteBuffer prog, long bytes, int commandId) {
        if (prog.remaining() < bytes) {
            throw inflater.bad(commandId, "program ends early (" + prog.remaining() + " bytes left, " + bytes + " needed)");
        }
    }

    private static void pixels(ByteBuffer prog, int[] dst, int at, int count) {
        for (int i = at, end = at + count; i < end; i++) {
            dst[i] = (prog.get() & 0xFF) << 16 | (prog.get() & 0xFF) << 8 | (prog.get() & 0xFF);
        }
    }

    private static int rgb(ByteBuffer prog) {
        return (prog.get() & 0xFF) << 16 | (prog.get() & 0xFF) << 8 | (prog.get() & 0xFF);
    }

    private static int u16(ByteBuffer prog) {
        return (prog.get() & 0xFF) | (prog.get() & 0xFF) << 8;
    }
}
