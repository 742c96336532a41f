package org.svp.protocol;

/**
 * A point on the wire: int16 x, int16 y (4 bytes).
 *
 * @param x column, may be negative
 * @param y row, may be negative
 */
public record Point(int x, int y) {
    /** Wire size in bytes. */
    public static final int BYTES = 4;
}
