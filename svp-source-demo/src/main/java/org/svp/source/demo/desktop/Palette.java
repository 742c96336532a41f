package org.svp.source.demo.desktop;

/** Colours (0x00RRGGBB) and brush patterns of the demo desktop. */
final class Palette {
    static final int DESKTOP_FG = 0x008080;
    static final int DESKTOP_BG = 0x006A6A;
    static final int TITLE_FOCUSED_FG = 0x0A246A;
    static final int TITLE_FOCUSED_BG = 0x3A6EA5;
    static final int TITLE_FG = 0x7A7A7A;
    static final int TITLE_BG = 0x9C9C9C;
    static final int TITLE_TEXT = 0xFFFFFF;
    static final int BORDER = 0x202020;
    static final int WINDOW = 0xFFFFFF;
    static final int INK = 0x000000;
    static final int FACE = 0xC0C0C0;
    static final int HIGHLIGHT = 0xFFFFFF;
    static final int SHADOW = 0x808080;
    static final int SELECTION = 0x3060C0;

    /** Desktop dither: a 1-pixel checkerboard. */
    static final byte[] CHECKER = {0x55, (byte) 0xAA, 0x55, (byte) 0xAA, 0x55, (byte) 0xAA, 0x55, (byte) 0xAA};
    /** Title bar texture: horizontal pin stripes. */
    static final byte[] STRIPES = {(byte) 0xFF, 0x00, 0x00, 0x00, (byte) 0xFF, 0x00, 0x00, 0x00};
    /** Diagonal hatch. */
    static final byte[] HATCH = {0x11, 0x22, 0x44, (byte) 0x88, 0x11, 0x22, 0x44, (byte) 0x88};

    private Palette() {
    }
}
