package org.svp.source.demo.desktop;

import org.svp.protocol.message.CursorShape;

/**
 * Pointer shapes drawn from ASCII art: {@code X} black, {@code .} white, space transparent (AND = 1,
 * colour 0). 32×32, so a CURSOR message is 12 + 128 + 3072 bytes, inside the 8 KiB a v1 client reads.
 */
final class Cursors {
    static final int SIZE = 32;

    private static final String[] ARROW = {
        "X",
        "XX",
        "X.X",
        "X..X",
        "X...X",
        "X....X",
        "X.....X",
        "X......X",
        "X.......X",
        "X........X",
        "X.........X",
        "X......XXXXX",
        "X...X..X",
        "X..XX..X",
        "X.X  X..X",
        "XX   X..X",
        "X     X..X",
        "      X..X",
        "       XX",
    };

    private static final String[] IBEAM = {
        "XXX XXX",
        "X..X..X",
        "XXX.XXX",
        "  X.X",
        "  X.X",
        "  X.X",
        "  X.X",
        "  X.X",
        "  X.X",
        "  X.X",
        "  X.X",
        "  X.X",
        "  X.X",
        "XXX.XXX",
        "X..X..X",
        "XXX XXX",
    };

    private static final String[] HAND = {
        "     XX",
        "    X..X",
        "    X..X",
        "    X..X",
        "    X..XXX",
        "    X..X..XXX",
        "XXX X..X..X..XX",
        "X..XX........X.X",
        "X...X..........X",
        " X.............X",
        " X.............X",
        "  X............X",
        "  X...........X",
        "   X..........X",
        "   X.........X",
        "    X........X",
        "    XXXXXXXXXX",
    };

    /** Four-way arrow: shown over title bars, which drag their window. */
    private static final String[] MOVE = {
        "          X",
        "         X.X",
        "        X...X",
        "       X.....X",
        "       XXX.XXX",
        "    X    X.X    X",
        "   XX    X.X    XX",
        "  X.XXXXXX.XXXXXX.X",
        " X.................X",
        "  X.XXXXXX.XXXXXX.X",
        "   XX    X.X    XX",
        "    X    X.X    X",
        "       XXX.XXX",
        "       X.....X",
        "        X...X",
        "         X.X",
        "          X",
    };

    private Cursors() {
    }

    static CursorShape arrow() {
        return shape(ARROW, 0, 0);
    }

    static CursorShape ibeam() {
        return shape(IBEAM, 3, 8);
    }

    static CursorShape move() {
        return shape(MOVE, 10, 8);
    }

    static CursorShape hand() {
        return shape(HAND, 5, 0);
    }

    private static CursorShape shape(String[] art, int hotX, int hotY) {
        int rowBytes = (SIZE + 7) / 8;
        byte[] mask = new byte[rowBytes * SIZE];
        byte[] colour = new byte[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                char ch = y < art.length && x < art[y].length() ? art[y].charAt(x) : ' ';
                if (ch == ' ') {
                    mask[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x & 7));
                } else if (ch == '.') {
                    int i = (y * SIZE + x) * 3;
                    colour[i] = (byte) 0xFF;
                    colour[i + 1] = (byte) 0xFF;
                    colour[i + 2] = (byte) 0xFF;
                }
            }
        }
        return new CursorShape(hotX, hotY, SIZE, SIZE, mask, colour);
    }
}
