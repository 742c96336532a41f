package org.svp.source.x11.xlib;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A copy of an {@code XFixesCursorImage}. Its layout on LP64:
 *
 * <pre>
 *  off type            field
 *   0  short           x, y (pointer position)
 *   4  unsigned short  width, height
 *   8  unsigned short  xhot, yhot
 *  16  unsigned long   cursor_serial
 *  24  unsigned long*  pixels: width × height, each ARGB in the low 32 bits of an 8-byte long
 *  32  Atom            atom
 *  40  const char*     name
 * </pre>
 *
 * @param width columns
 * @param height rows
 * @param xHot hot spot x
 * @param yHot hot spot y
 * @param serial changes whenever the shape does
 * @param argb pixels, 0xAARRGGBB premultiplied, top row first
 */
public record CursorImage(int width, int height, int xHot, int yHot, long serial, int[] argb) {

    /**
     * @param image what XFixesGetCursorImage returned (not NULL)
     * @return a copy on the Java heap (the caller XFrees the original)
     */
    public static CursorImage read(MemorySegment image) {
        MemorySegment s = image.reinterpret(48);
        int w = Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT, 4));
        int h = Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT, 6));
        int xHot = Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT, 8));
        int yHot = Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT, 10));
        long serial = s.get(ValueLayout.JAVA_LONG, 16);
        MemorySegment px = s.get(ValueLayout.ADDRESS, 24).reinterpret((long) w * h * Long.BYTES);
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = (int) px.getAtIndex(ValueLayout.JAVA_LONG, i);
        }
        return new CursorImage(w, h, xHot, yHot, serial, argb);
    }
}
