package org.svp.protocol.message;

import java.util.List;
import org.svp.protocol.Command;
import org.svp.protocol.Point;

/**
 * POLYLINE (id 21, 74 bytes): point start, uint8 mix, uint32 rgb, uint8 count, point[16]. All 16 slots
 * are always sent; only the first {@code count} are used (a v1 sender may leave garbage in the rest).
 *
 * @param start first vertex
 * @param mix binary raster operation 1..16
 * @param rgb pen colour
 * @param points the following vertices, absolute, at most 16
 */
public record Polyline(Point start, int mix, int rgb, List<Point> points) implements DisplayMessage {
    public Polyline {
        points = List.copyOf(points);
    }

    @Override
    public Command command() {
        return Command.POLYLINE;
    }
}
